// nJobs: the model-selection functions on worker threads give exactly the sequential results;
// what a worker cannot rebuild runs sequentially with one warning; worker errors surface.
import { test } from "node:test";
import assert from "node:assert/strict";
import { np, pd, sk, Tensor } from "../../../../engine/src/index.js";
import { ShiftedMeanRegressor } from "./worker-estimators.js";

const rs = new np.random.RandomState(0);
const X = rs.randn(120, 4);
const y = X.matmul(np.array([1.5, -2, 0.5, 3])).add(rs.randn(120).mul(0.3));
const labels = Tensor.fromTypedArray(
  Int32Array.from(X.get(":", 0).dataSync(), (v, i) => (v > 0.3 ? 2 : v > -0.3 ? 1 : (i % 2) * 2)),
  [120],
  "int32",
);

const values = (t: unknown): number[] => Array.from((t as Tensor).dataSync());

/** Runs `f` and returns what it emitted through process warnings and console.warn. */
function warningsOf<T>(f: () => T): { result: T; warnings: string[] } {
  const warnings: string[] = [];
  const emit = process.emitWarning;
  const cw = console.warn;
  process.emitWarning = ((w: string | Error) => void warnings.push(String(w))) as typeof process.emitWarning;
  console.warn = (...a: unknown[]) => void warnings.push(a.map(String).join(" "));
  try {
    return { result: f(), warnings };
  } finally {
    process.emitWarning = emit;
    console.warn = cw;
  }
}

test("crossValScore / crossValidate / crossValPredict with nJobs=2 equal nJobs=1 exactly", () => {
  for (const est of [new sk.Ridge({ alpha: 0.5 }), new sk.LogisticRegression({ C: 0.3 })]) {
    const yy = est instanceof sk.Ridge ? y : labels;
    const { result: par, warnings } = warningsOf(() => sk.crossValScore(est, X, yy, { cv: 5, nJobs: 2 }));
    assert.deepEqual(warnings, []);
    assert.deepEqual(values(par), values(sk.crossValScore(est, X, yy, { cv: 5 })));
  }
  const opts = {
    cv: 4,
    scoring: ["r2", "neg_mean_squared_error"],
    returnTrainScore: true,
    returnEstimator: true,
  };
  const seq = sk.crossValidate(new sk.Ridge(), X, y, opts);
  const par = sk.crossValidate(new sk.Ridge(), X, y, { ...opts, nJobs: -1 });
  for (const k of ["test_r2", "train_r2", "test_neg_mean_squared_error", "train_neg_mean_squared_error"])
    assert.deepEqual(values(par[k]), values(seq[k]), k);
  assert.deepEqual(
    (par.estimator as sk.Ridge[]).map((e) => values(e.coef_)),
    (seq.estimator as sk.Ridge[]).map((e) => values(e.coef_)),
  );
  const proba = { cv: 3, method: "predictProba" as const };
  assert.deepEqual(
    values(sk.crossValPredict(new sk.LogisticRegression(), X, labels, { ...proba, nJobs: 2 })),
    values(sk.crossValPredict(new sk.LogisticRegression(), X, labels, proba)),
  );
  const words = Array.from(labels.dataSync(), (v) => ["low", "mid", "high"][v]);
  assert.deepEqual(
    sk.crossValPredict(new sk.KNeighborsClassifier({ nNeighbors: 3 }), X, words, { cv: 3, nJobs: 2 }),
    sk.crossValPredict(new sk.KNeighborsClassifier({ nNeighbors: 3 }), X, words, { cv: 3 }),
  );
});

test("GridSearchCV and RandomizedSearchCV with nJobs=2 equal nJobs=1 (frames, pipelines, strings)", () => {
  const frame = new pd.DataFrame({
    a: values(X.get(":", 0)).map((v, i) => (i % 17 === 3 ? null : v)),
    b: values(X.get(":", 1)),
    c: values(X.get(":", 2)).map((v) => (v > 0 ? "up" : "down")),
  });
  const target = new pd.Series(values(y), { name: "target" });
  const pipe = (): sk.Pipeline =>
    new sk.Pipeline([
      [
        "prep",
        new sk.ColumnTransformer([
          ["num", sk.makePipeline(new sk.SimpleImputer(), new sk.StandardScaler()), ["a", "b"]],
          ["cat", new sk.OneHotEncoder(), ["c"]],
        ]),
      ],
      ["ridge", new sk.Ridge()],
    ]);
  const grid = { prep__num__simpleimputer__strategy: ["mean", "median"], ridge__alpha: [0.1, 1, 10] };
  const opts = { cv: 5, scoring: "neg_mean_squared_error", returnTrainScore: true };
  const seq = new sk.GridSearchCV(pipe(), grid, opts).fit(frame, target);
  const { result: par, warnings } = warningsOf(() =>
    new sk.GridSearchCV(pipe(), grid, { ...opts, nJobs: 2 }).fit(frame, target),
  );
  assert.deepEqual(warnings, [], "ran on the workers");
  const res = seq.cvResults_ as sk.CvResults;
  for (const k of Object.keys(res)) {
    if (k.endsWith("_time")) continue;
    const a = res[k];
    const b = (par.cvResults_ as sk.CvResults)[k];
    assert.deepEqual(a instanceof Tensor ? values(a) : a, b instanceof Tensor ? values(b) : b, k);
  }
  assert.deepEqual(par.bestParams_, seq.bestParams_);
  assert.equal(par.bestScore_, seq.bestScore_);
  const dist = { alpha: sk.stats.loguniform(1e-3, 1e2) };
  const r1 = new sk.RandomizedSearchCV(new sk.Ridge(), dist, { nIter: 5, cv: 3, randomState: 7 }).fit(X, y);
  const r2 = new sk.RandomizedSearchCV(new sk.Ridge(), dist, {
    nIter: 5,
    cv: 3,
    randomState: 7,
    nJobs: 2,
  }).fit(X, y);
  assert.deepEqual(values(r2.cvResults_?.mean_test_score), values(r1.cvResults_?.mean_test_score));
});

test("learningCurve and validationCurve with nJobs=2 equal nJobs=1", () => {
  const lc = { cv: 3, trainSizes: [0.3, 0.6, 1], shuffle: true, randomState: 1 };
  const [s1, tr1, te1] = sk.learningCurve(new sk.Ridge(), X, y, lc);
  const [s2, tr2, te2] = sk.learningCurve(new sk.Ridge(), X, y, { ...lc, nJobs: 2 });
  assert.deepEqual([values(s2), values(tr2), values(te2)], [values(s1), values(tr1), values(te1)]);
  const vc = { paramName: "C", paramRange: [0.01, 0.1, 1], cv: 3 };
  const [a1, b1] = sk.validationCurve(new sk.LogisticRegression(), X, labels, vc);
  const [a2, b2] = sk.validationCurve(new sk.LogisticRegression(), X, labels, { ...vc, nJobs: 2 });
  assert.deepEqual([values(a2), values(b2)], [values(a1), values(b1)]);
});

/** Defined here and never registered: workers cannot rebuild it. */
class LocalMeanRegressor extends sk.RegressorMixin {
  static defaults = {};
  mean_?: number;
  fit(Xf: sk.ArrayInput, yf: sk.TargetInput): this {
    this.validateData(Xf, { reset: true });
    this.mean_ = (sk.checkTarget(yf).mean() as unknown as Tensor).item() as number;
    return this;
  }
  predict(Xp: sk.ArrayInput): Tensor {
    return np.full([this.validateData(Xp).shape[0]], this.mean_ as number);
  }
}

test("an estimator workers cannot import runs sequentially, with one warning naming the fix", () => {
  const seq = sk.crossValScore(new LocalMeanRegressor(), X, y, { cv: 3 });
  const first = warningsOf(() => sk.crossValScore(new LocalMeanRegressor(), X, y, { cv: 3, nJobs: 2 }));
  assert.deepEqual(values(first.result), values(seq));
  assert.equal(first.warnings.length, 1);
  assert.match(first.warnings[0], /crossValidate: nJobs=2 runs sequentially/);
  assert.match(first.warnings[0], /'LocalMeanRegressor' is not registered/);
  assert.match(first.warnings[0], /registerEstimator\(LocalMeanRegressor, \{ module: import\.meta\.url \}\)/);
  const again = warningsOf(() => sk.crossValScore(new LocalMeanRegressor(), X, y, { cv: 3, nJobs: 2 }));
  assert.deepEqual(again.warnings, [], "the warning is shown once");
  // A custom scorer function cannot travel either.
  const rmse = sk.makeScorer((a, b) => sk.rootMeanSquaredError(a, b), { greaterIsBetter: false });
  const custom = warningsOf(() => sk.crossValScore(new sk.Ridge(), X, y, { cv: 3, nJobs: 2, scoring: rmse }));
  assert.deepEqual(
    values(custom.result),
    values(sk.crossValScore(new sk.Ridge(), X, y, { cv: 3, scoring: rmse })),
  );
  assert.match(custom.warnings.join("\n"), /scorer function cannot be sent/);
});

test("a user estimator registered with its module runs in the workers", () => {
  const r = sk.crossValidate(new ShiftedMeanRegressor({ offset: 2 }), X, y, {
    cv: 4,
    nJobs: 2,
    returnEstimator: true,
  });
  const threads = (r.estimator as ShiftedMeanRegressor[]).map((e) => e.thread_);
  assert.ok(
    threads.every((t) => t !== 0),
    `fitted on worker threads, got ${threads.join(",")}`,
  );
  assert.deepEqual(
    values(r.test_score),
    values(sk.crossValScore(new ShiftedMeanRegressor({ offset: 2 }), X, y, { cv: 4 })),
  );
});

test("errors inside a worker surface with the estimator's message", () => {
  const search = new sk.GridSearchCV(
    new ShiftedMeanRegressor({ failOn: 1 }),
    { offset: [0, 1, 2] },
    { cv: 3, nJobs: 2, errorScore: "raise" },
  );
  assert.throws(
    () => search.fit(X, y),
    (e: Error) => e instanceof sk.InvalidParameterError && /refuses offset 1 \(failOn\)/.test(e.message),
  );
  // With a numeric errorScore the failed fits score NaN and the warning comes from the worker.
  const { result, warnings } = warningsOf(() =>
    new sk.GridSearchCV(
      new ShiftedMeanRegressor({ failOn: 1 }),
      { offset: [0, 1, 2] },
      { cv: 3, nJobs: 2 },
    ).fit(X, y),
  );
  assert.deepEqual(values(result.cvResults_?.split0_test_score).map(Number.isNaN), [false, true, false]);
  assert.equal(warnings.filter((w) => /Estimator fit failed.*refuses offset 1/s.test(w)).length, 3);
  // A built-in estimator's own validation error, raised in the worker.
  assert.throws(
    () =>
      sk.crossValScore(new sk.LogisticRegression({ C: -1 }), X, labels, {
        cv: 3,
        nJobs: 2,
        errorScore: "raise",
      }),
    (e: Error) =>
      /C/.test(e.message) &&
      e.message === captureMessage(() => new sk.LogisticRegression({ C: -1 }).fit(X, labels)),
  );
  assert.throws(
    () => sk.crossValScore(new sk.Ridge(), X, y, { nJobs: 0 }),
    /nJobs must be a non-zero integer/,
  );
});

function captureMessage(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    return (e as Error).message;
  }
  return "";
}
