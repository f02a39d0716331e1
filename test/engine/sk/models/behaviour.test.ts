/**
 * Behaviour of the sk models beyond parity numbers: partial and warm-started fits, multilabel and
 * multioutput neighbours, option errors, persistence of fitted models.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Tensor } from "../../../../engine/src/index.js";
import { np, sk } from "../../../../engine/src/index.js";
import { assertClose, iris } from "./helpers.js";

const { X, y } = iris();

describe("SGD", () => {
  it("partialFit needs the classes first, then learns batch by batch", () => {
    const clf = new sk.SGDClassifier({ randomState: 0 });
    assert.throws(() => clf.partialFit(X.get(":10"), y.get(":10")), /classes must be passed/);
    for (let i = 0; i < 5; i++) clf.partialFit(X, y, i === 0 ? [0, 1, 2] : undefined);
    assert.equal(clf.nIter_, 1);
    assert.equal(clf.t_, 5 * 150 + 1);
    assert.ok(clf.score(X, y) > 0.5);
  });

  it("warmStart with maxIter 1 runs one epoch per fit (chapter 4's early-stopping loop)", () => {
    const reg = new sk.SGDRegressor({
      maxIter: 1,
      tol: -Infinity,
      warmStart: true,
      penalty: null,
      learningRate: "constant",
      eta0: 0.0005,
      randomState: 42,
    });
    const Xr = X.get(":", ":3");
    const yr = X.get(":", 3);
    const before = reg.fit(Xr, yr).score(Xr, yr);
    for (let e = 0; e < 20; e++) reg.fit(Xr, yr);
    assert.ok(reg.score(Xr, yr) > before);
  });

  it("predictProba exists for log_loss and modified_huber only", () => {
    assert.throws(
      () => new sk.SGDClassifier({ randomState: 0 }).fit(X, y).predictProba(X),
      /probability estimates are not available/,
    );
    const p = new sk.SGDClassifier({ loss: "log_loss", randomState: 0 }).fit(X, y).predictProba(X.get(":4"));
    assertClose(p.sum(1), [1, 1, 1, 1], 1e-12);
  });

  it("rejects bad options when fitting, naming the fix", () => {
    assert.throws(() => new sk.SGDClassifier({ learningRate: "constant" }).fit(X, y), /eta0 must be > 0/);
    assert.throws(
      () => new sk.SGDRegressor({ loss: "hinge" as never }).fit(X, y.astype("float64")),
      /not supported/,
    );
  });
});

describe("neighbours", () => {
  it("multilabel: one boolean column per label; subset accuracy", () => {
    const Y = np.c_(y.ge(1), y.eq(1));
    const knn = new sk.KNeighborsClassifier().fit(X, Y);
    const p = knn.predict(X.get([0, 60, 120])) as Tensor;
    assert.equal(p.dtype, "bool");
    assert.deepEqual(p.toArray(), [
      [false, false],
      [true, true],
      [true, false],
    ]);
    assert.ok(Array.isArray(knn.predictProba(X.get(":2"))));
  });

  it("multioutput regression-like targets (one class per pixel value)", () => {
    const Y = X.round().astype("int32");
    const knn = new sk.KNeighborsClassifier({ nNeighbors: 1 }).fit(X, Y);
    assert.deepEqual((knn.predict(X.get(":3")) as Tensor).toArray(), Y.get(":3").toArray());
  });

  it("distance weights: an exact match takes all the weight", () => {
    const knn = new sk.KNeighborsRegressor({ nNeighbors: 3, weights: "distance" }).fit(
      [[0], [1], [2]],
      [10, 20, 30],
    );
    assertClose(knn.predict([[1]]), [20], 0);
  });

  it("the search is blocked: many queries against many points stay exact", () => {
    const rs = new np.random.RandomState(1);
    const T = rs.randn(3000, 8);
    const Q = rs.randn(1500, 8);
    const nn = new sk.NearestNeighbors({ nNeighbors: 1 }).fit(T);
    const [d, i] = nn.kneighbors(Q.get(":5"));
    for (let q = 0; q < 5; q++) {
      const diff = T.sub(Q.get([q]))
        .pow(2)
        .sum(1);
      assert.equal(i.item(q, 0) as number, (diff.argmin() as Tensor).item());
      assertClose(d.item(q, 0), Math.sqrt(diff.min().item() as number), 1e-9);
    }
    assert.deepEqual(nn.kneighbors(Q, 2, false).shape, [1500, 2]);
  });
});

describe("persistence and wrappers", () => {
  it("sk.dumps/loads keeps a fitted LogisticRegression's predictions", () => {
    const lr = new sk.LogisticRegression({ maxIter: 500 }).fit(X, y);
    const back = sk.loads(sk.dumps(lr)) as sk.LogisticRegression;
    assert.deepEqual(back.predictProba(X.get(":5")).toArray(), lr.predictProba(X.get(":5")).toArray());
  });

  it("OneVsRestClassifier exposes one estimator per class; nested params are reachable", () => {
    const ovr = new sk.OneVsRestClassifier(new sk.SGDClassifier({ randomState: 0 }));
    ovr.setParams({ estimator__alpha: 0.01 });
    ovr.fit(X, y);
    assert.equal(ovr.estimators_?.length, 3);
    assert.equal((ovr.estimators_?.[0] as unknown as sk.SGDClassifier).alpha, 0.01);
  });

  it("LogisticRegression refuses solvers it does not implement, naming the one it does", () => {
    assert.throws(
      () => new sk.LogisticRegression({ solver: "liblinear" as never }).fit(X, y),
      /'lbfgs' solver only/,
    );
  });
});
