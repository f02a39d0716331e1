/**
 * SVM behaviour beyond the fixtures: refused inputs and options with their messages, the kernel
 * cache path agreeing with the Gram-matrix path, kernel functions against precomputed kernels,
 * hard margins, reprs, warnings and the solver's seeded random stream.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { np, sk, type Tensor } from "../../../../engine/src/index.js";
import { SolverRandom } from "../../../../engine/src/sk/svm/newrand.js";
import { assertClose, flat } from "../models/helpers.js";
import { dataOf } from "./fixture.js";

const moons = dataOf("moons");
const iris3 = dataOf("iris");

describe("bad input and options", () => {
  it("refuses an unknown kernel, listing the valid ones", () => {
    assert.throws(
      () => new sk.SVC({ kernel: "gaussian" as never }).fit(moons.X, moons.y),
      /The 'kernel' parameter of SVC must be a str among \{'linear', 'poly', 'rbf', 'sigmoid', 'precomputed'\} or a callable\. Got 'gaussian' instead\./,
    );
  });

  it("refuses C ≤ 0, a negative gamma, a fractional degree, epsilon < 0", () => {
    assert.throws(
      () => new sk.SVC({ C: -1 }).fit(moons.X, moons.y),
      /The 'C' parameter of SVC must be a float in the range \(0\.0, inf\]\. Got -1/,
    );
    assert.throws(() => new sk.SVR({ C: 0 }).fit(moons.X, moons.y), /'C' parameter of SVR/);
    assert.throws(() => new sk.SVC({ gamma: -0.5 }).fit(moons.X, moons.y), /'gamma' parameter of SVC/);
    assert.throws(() => new sk.SVC({ degree: 2.5 }).fit(moons.X, moons.y), /'degree' parameter of SVC/);
    assert.throws(() => new sk.SVR({ epsilon: -1 }).fit(moons.X, moons.y), /'epsilon' parameter of SVR/);
    assert.throws(() => new sk.LinearSVC({ C: -2 }).fit(moons.X, moons.y), /'C' parameter of LinearSVC/);
    assert.throws(
      () => new sk.SVC({ decisionFunctionShape: "ova" as never }).fit(moons.X, moons.y),
      /decision_function_shape/,
    );
  });

  it("refuses unknown option names at construction", () => {
    assert.throws(
      () => new sk.SVC({ cache_size: 10 } as never),
      /SVC got an unexpected option 'cache_size'\. Valid options are: .*cacheSize/,
    );
  });

  it("a precomputed kernel must be square at fit and have one column per training sample later", () => {
    const K = moons.X.matmul(moons.X.T);
    assert.throws(
      () => new sk.SVC({ kernel: "precomputed" }).fit(moons.X, moons.y),
      /Precomputed matrix must be a square matrix\. Input is a 100x2 matrix\./,
    );
    const svc = new sk.SVC({ kernel: "precomputed" }).fit(K, moons.y);
    assert.throws(
      () => svc.predict(K.get(":5", ":50")),
      /X\.shape\[1\] = 50 should be equal to 100, the number of samples at training time/,
    );
  });

  it("coef_ exists only for the linear kernel", () => {
    const rbf = new sk.SVC().fit(moons.X, moons.y);
    assert.throws(() => rbf.coef_, /^AttributeError: coef_ is only available when using a linear kernel/);
    assert.throws(
      () => new sk.SVR({ kernel: "poly" }).fit(moons.X, moons.y).coef_,
      /only available when using a linear kernel/,
    );
    assert.deepEqual(new sk.SVC({ kernel: "linear" }).fit(moons.X, moons.y).coef_.shape, [1, 2]);
  });

  it("needs two classes", () => {
    const y = np.zeros([100], { dtype: "int32" });
    assert.throws(
      () => new sk.SVC().fit(moons.X, y),
      /The number of classes has to be greater than one; got 1 class/,
    );
    assert.throws(
      () => new sk.LinearSVC().fit(moons.X, y),
      /needs samples of at least 2 classes in the data, but the data contains only one class: 0/,
    );
  });

  it("refuses NaN in X and in y, naming where", () => {
    const X = moons.X.copy();
    X.set([3, 1], NaN);
    assert.throws(
      () => new sk.SVC().fit(X, moons.y),
      /Input X contains NaN \(feature 1, row 3\)\. SVC does not accept missing values/,
    );
    assert.throws(() => new sk.LinearSVR().fit(X, moons.y), /Input X contains NaN \(feature 1, row 3\)/);
    const y = moons.y.astype("float64");
    y.set([7], NaN);
    assert.throws(() => new sk.SVR().fit(moons.X, y), /Input y contains NaN \(row 7\)/);
  });

  it("hinge loss has no primal solver; dual 'auto' picks one", () => {
    assert.throws(
      () => new sk.LinearSVC({ loss: "hinge", dual: false }).fit(moons.X, moons.y),
      /The combination of penalty='l2' and loss='hinge' are not supported when dual=False/,
    );
    assert.throws(
      () => new sk.LinearSVR({ dual: false }).fit(moons.X, moons.y),
      /loss='epsilon_insensitive' are not supported when dual=False/,
    );
    const auto = new sk.LinearSVC({ dual: "auto" }).fit(moons.X, moons.y);
    const primal = new sk.LinearSVC({ dual: false }).fit(moons.X, moons.y);
    assert.deepEqual(flat(auto.coef_), flat(primal.coef_)); // 100 samples > 2 features: primal
  });

  it("breakTies with ovo and predictProba without probability are refused", () => {
    const svc = new sk.SVC({ breakTies: true, decisionFunctionShape: "ovo" }).fit(iris3.X, iris3.y);
    assert.throws(
      () => svc.predict(iris3.X),
      /break_ties must be False when decision_function_shape is 'ovo'/,
    );
    assert.throws(
      () => new sk.SVC().fit(iris3.X, iris3.y).predictProba(iris3.X),
      /predict_proba is not available when probability=False/,
    );
  });

  it("sample weights must match X and may not all be ≤ 0", () => {
    assert.throws(
      () => new sk.SVC().fit(moons.X, moons.y, { sampleWeight: [1, 2] }),
      /sample_weight\.shape == \(2\), expected \(100,\)/,
    );
    assert.throws(
      () => new sk.SVR().fit(moons.X, moons.y, { sampleWeight: np.zeros([100]) }),
      /all samples have zero or negative weights/,
    );
  });
});

describe("solver paths agree", () => {
  it("the LRU kernel cache (tiny cacheSize) gives the Gram-matrix path's model", () => {
    const a = new sk.SVC({ gamma: 5, C: 1000 }).fit(moons.X, moons.y);
    const b = new sk.SVC({ gamma: 5, C: 1000, cacheSize: 0.001 }).fit(moons.X, moons.y);
    assert.deepEqual(flat(a.support_), flat(b.support_));
    assertClose(b.dualCoef_, a.dualCoef_, 1e-9, 1e-9, "dualCoef_");
    assertClose(b.decisionFunction(moons.X), a.decisionFunction(moons.X), 1e-9, 1e-9, "decision");
    // Rows from a matrix-vector product and from the GEMM may differ in the last bit, which can
    // change the path at tol = 1e-3; converged tightly both reach the same optimum.
    const r1 = new sk.SVR({ C: 10, tol: 1e-10 }).fit(moons.X, moons.X.get(":", 0));
    const r2 = new sk.SVR({ C: 10, tol: 1e-10, cacheSize: 0.0005 }).fit(moons.X, moons.X.get(":", 0));
    assertClose(r2.predict(moons.X), r1.predict(moons.X), 1e-7, 1e-7, "SVR predict");
  });

  it("a kernel function equals the precomputed kernel and keeps the support vectors", () => {
    const lin = (A: Tensor, B: Tensor): Tensor => A.matmul(B.T).add(1).pow(2);
    const f = new sk.SVC({ kernel: lin, C: 2 }).fit(moons.X, moons.y);
    const K = moons.X.matmul(moons.X.T).add(1).pow(2);
    const p = new sk.SVC({ kernel: "precomputed", C: 2 }).fit(K, moons.y);
    assert.deepEqual(flat(f.support_), flat(p.support_));
    assertClose(f.decisionFunction(moons.X), p.decisionFunction(K), 1e-10, 1e-10, "decision");
    assert.deepEqual(f.supportVectors_!.shape, [flat(f.support_).length, 2]);
    assert.deepEqual(p.supportVectors_!.shape, [0, 0]);
  });

  it("C = Infinity is the hard margin (the book's SVC(C=float('inf'))), as C = 1e9", () => {
    const { X, y } = dataOf("setosaVersicolor");
    const inf = new sk.SVC({ kernel: "linear", C: Infinity }).fit(X, y);
    const big = new sk.SVC({ kernel: "linear", C: 1e9 }).fit(X, y);
    assertClose(inf.coef_, big.coef_, 1e-9, 0, "coef_");
    assertClose(inf.intercept_, big.intercept_, 1e-9, 0, "intercept_");
    assert.equal(String(inf), 'SVC({ C: Infinity, kernel: "linear" })');
  });

  it("maxIter stops early with a ConvergenceWarning and fitStatus_ 1", () => {
    const seen: string[] = [];
    const onWarning = (w: Error): void => void seen.push(`${w.name}: ${w.message}`);
    process.on("warning", onWarning);
    const svc = new sk.SVC({ maxIter: 3, C: 7 }).fit(iris3.X, iris3.y);
    assert.equal(svc.fitStatus_, 1);
    new sk.LinearSVC({ maxIter: 2, randomState: 3 }).fit(iris3.X, iris3.y);
    // Process warnings are emitted on the next tick.
    return new Promise<void>((resolve) =>
      setImmediate(() => {
        process.off("warning", onWarning);
        assert.ok(
          seen.some((m) => /ConvergenceWarning: Solver terminated early \(max_iter=3\)/.test(m)),
          seen.join("\n"),
        );
        assert.ok(
          seen.some((m) => /ConvergenceWarning: Liblinear failed to converge/.test(m)),
          seen.join("\n"),
        );
        resolve();
      }),
    );
  });

  it("string labels, classes_ and decision columns in class order", () => {
    const names = flat(iris3.y).map((v) => ["setosa", "versicolor", "virginica"][v]);
    const svc = new sk.SVC({ kernel: "linear" }).fit(iris3.X, names);
    assert.deepEqual(svc.classes_, ["setosa", "versicolor", "virginica"]);
    const d = svc.decisionFunction(iris3.X.get("100:101"));
    assert.deepEqual(d.shape, [1, 3]);
    assert.deepEqual(svc.predict(iris3.X.get("100:101")), ["virginica"]);
  });
});

describe("repr and the solver's random stream", () => {
  it("lists only the options that differ from the defaults", () => {
    assert.equal(
      String(new sk.SVC({ kernel: "poly", degree: 3, coef0: 1, C: 5 })),
      'SVC({ C: 5, coef0: 1, kernel: "poly" })',
    );
    assert.equal(
      String(new sk.LinearSVC({ C: 1, loss: "hinge", randomState: 42 })),
      'LinearSVC({ loss: "hinge", randomState: 42 })',
    );
    assert.equal(String(new sk.SVR({ kernel: "linear" })), 'SVR({ kernel: "linear" })');
  });

  it("draws bounded integers from MT19937 as scikit-learn's bounded_rand_int", () => {
    // Reference: std::mt19937(42) words 1608637542, 3421126067, 4083286876, 787846414, 3143890026
    // mapped by Lemire's method to [0, 10): floor(word * 10 / 2^32).
    const r = new SolverRandom(42);
    const words = [1608637542, 3421126067, 4083286876, 787846414, 3143890026];
    assert.deepEqual(
      words.map(() => r.below(10)),
      words.map((w) => Math.floor((w * 10) / 2 ** 32)),
    );
  });
});
