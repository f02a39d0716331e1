/**
 * Parity with scikit-learn 1.2 on the committed fixtures (test/fixtures/sk/make_sk_core.py).
 * Tolerances: transformer outputs and metrics 1e-10 relative (float64 arithmetic in another
 * order); split and fold indices, encoder outputs, sampled integers and report text exactly;
 * sampled floats 1e-12 relative.
 */
import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { np, sk, Tensor } from "../../../engine/src/index.js";

const F = JSON.parse(
  readFileSync(new URL("../../fixtures/sk/sk_core.json", import.meta.url), "utf8"),
) as Record<string, unknown>;
// A fixture value by dotted path; typed `never` so it passes as any argument kind.
function fx(path: string): never {
  let v: unknown = F;
  for (const k of path.split(".")) v = (v as Record<string, unknown>)[k];
  if (v === undefined) throw new Error(`no fixture ${path}`);
  return v as never;
}
const nanify = (v: unknown): unknown => (v === null ? NaN : Array.isArray(v) ? v.map(nanify) : v);
const T = (v: unknown): Tensor => np.array(nanify(v) as never, { dtype: "float64" });
const X = T(fx("X"));
const Xnan = T(fx("Xnan"));

function close(actual: unknown, expected: unknown, rtol = 1e-10, path = ""): void {
  const a = actual instanceof Tensor ? actual.toArray() : actual;
  if (Array.isArray(expected)) {
    assert.ok(Array.isArray(a), `${path}: expected an array, got ${String(a)}`);
    assert.equal((a as unknown[]).length, expected.length, `${path}: length`);
    expected.forEach((e, i) => close((a as unknown[])[i], e, rtol, `${path}[${i}]`));
    return;
  }
  if (expected === null) {
    assert.ok(typeof a === "number" && Number.isNaN(a), `${path}: expected NaN, got ${String(a)}`);
    return;
  }
  if (typeof expected === "number") {
    const x = Number(a);
    assert.ok(
      Math.abs(x - expected) <= rtol * Math.max(1, Math.abs(expected)),
      `${path}: ${x} vs ${expected}`,
    );
    return;
  }
  assert.deepEqual(a, expected, path);
}

describe("preprocessing parity", () => {
  test("StandardScaler", () => {
    const s = new sk.StandardScaler().fit(X);
    close(s.mean_, fx("standard.mean"));
    close(s.scale_, fx("standard.scale"));
    close(s.var_, fx("standard.var"));
    close(s.transform(X), fx("standard.t"));
    close(s.inverseTransform(s.transform(X)), fx("X"));
    const n = new sk.StandardScaler().fit(Xnan);
    close(n.mean_, fx("standard_nan.mean"));
    close(n.transform(Xnan), fx("standard_nan.t"));
  });
  test("MinMaxScaler, RobustScaler, Normalizer", () => {
    const m = new sk.MinMaxScaler({ featureRange: [-1, 1] }).fit(X);
    close(m.scale_, fx("minmax.scale"));
    close(m.min_, fx("minmax.min"));
    close(m.transform(X), fx("minmax.t"));
    close(m.inverseTransform(m.transform(X)), fx("X"), 1e-12);
    const r = new sk.RobustScaler().fit(X);
    close(r.center_, fx("robust.center"));
    close(r.scale_, fx("robust.scale"));
    close(r.transform(X), fx("robust.t"));
    // unitVariance uses a normal quantile function accurate to ~1e-9 (scipy's is exact).
    close(
      new sk.RobustScaler({ quantileRange: [10, 90], unitVariance: true }).fit(X).scale_,
      fx("robust_uv.scale"),
      1e-8,
    );
    for (const norm of ["l1", "l2", "max"] as const)
      close(new sk.Normalizer({ norm }).fitTransform(X), fx(`normalizer.${norm}`));
  });
  test("PolynomialFeatures values and names", () => {
    const p = new sk.PolynomialFeatures({ degree: 3, includeBias: false }).fit(X);
    close(p.transform(X.get(":4")), fx("poly3.t"));
    assert.deepEqual(p.getFeatureNamesOut(), fx("poly3.names"));
    const q = new sk.PolynomialFeatures({ interactionOnly: true }).fit(X);
    close(q.transform(X.get(":4")), fx("poly_inter.t"));
    assert.deepEqual(q.getFeatureNamesOut(), fx("poly_inter.names"));
  });
  test("KBinsDiscretizer uniform, quantile, kmeans", () => {
    for (const strategy of ["uniform", "quantile", "kmeans"] as const) {
      const k = new sk.KBinsDiscretizer({ nBins: 4, encode: "ordinal", strategy }).fit(X);
      // k-means edges come from an iterative fit: 1e-6 relative.
      close(k.binEdges_, fx(`kbins.${strategy}.edges`), strategy === "kmeans" ? 1e-6 : 1e-10);
      close(k.transform(X), fx(`kbins.${strategy}.t`));
    }
  });
  test("SimpleImputer strategies, numbers and strings", () => {
    const Xr = np.round(Xnan);
    for (const strategy of ["mean", "median", "most_frequent", "constant"] as const) {
      const im = new sk.SimpleImputer({ strategy }).fit(Xr);
      close(im.statistics_, fx(`imputer.${strategy}.stats`));
      close(im.transform(Xr), fx(`imputer.${strategy}.t`));
    }
    const cats = (fx("cats") as string[][]).slice();
    const withMissing = [cats[0], cats[1], cats[2], cats[3], [null, "a"], cats[4]];
    const im = new sk.SimpleImputer({ strategy: "most_frequent" }).fit(withMissing as never);
    assert.deepEqual(im.statistics_, fx("imputer_str.stats"));
    assert.deepEqual(im.transform(withMissing as never), fx("imputer_str.t"));
  });
  test("OneHotEncoder and OrdinalEncoder", () => {
    const cats = fx("cats") as string[][];
    const oh = new sk.OneHotEncoder({ handleUnknown: "ignore" }).fit(cats);
    assert.deepEqual(oh.categories_, fx("onehot.categories"));
    close(oh.transform(cats), fx("onehot.t"));
    close(oh.transform([["ISLAND", "a"]]), fx("onehot.unknown"));
    assert.deepEqual(oh.getFeatureNamesOut(["ocean", "k"]), fx("onehot.names"));
    assert.deepEqual(oh.inverseTransform(oh.transform(cats)), cats);
    const od = new sk.OneHotEncoder({ drop: "first", sparseOutput: false }).fit(cats);
    close(od.transform(cats), fx("onehot_drop.t"));
    assert.deepEqual(od.getFeatureNamesOut(), fx("onehot_drop.names"));
    const on = new sk.OneHotEncoder({ sparse: false }).fit(T(fx("Xint")));
    close(on.categories_, fx("onehot_num.categories"));
    close(on.transform(T(fx("Xint"))), fx("onehot_num.t"));
    const oe = new sk.OrdinalEncoder().fit(cats);
    assert.deepEqual(oe.categories_, fx("ordinal.categories"));
    close(oe.transform(cats), fx("ordinal.t"));
    assert.deepEqual(oe.inverseTransform(oe.transform(cats)), cats);
  });
  test("LabelBinarizer, LabelEncoder", () => {
    const lb = new sk.LabelBinarizer().fit([1, 2, 6, 4, 2]);
    assert.deepEqual((lb.classes_ as Tensor).toArray(), fx("label_binarizer.classes"));
    close(lb.transform([1, 6]), fx("label_binarizer.t"));
    close(new sk.LabelBinarizer().fitTransform(["yes", "no", "no", "yes"]), fx("label_binarizer.binary"));
    const le = new sk.LabelEncoder().fit(["paris", "tokyo", "paris", "amsterdam"]);
    assert.deepEqual(le.transform(["tokyo", "amsterdam"]).toArray(), [2, 0]);
    assert.deepEqual(le.inverseTransform([1]), ["paris"]);
    assert.throws(() => le.transform(["rome"]), /previously unseen labels: \["rome"\]/);
  });
});

const ints = (t: Tensor): number[] => Array.from(t.dataSync());

describe("split parity (same seed, same indices as scikit-learn)", () => {
  test("trainTestSplit", () => {
    const [tr, te] = sk.trainTestSplit(np.arange(200), { testSize: 0.2, randomState: 42 });
    assert.deepEqual(ints(tr), fx("splits.tts_200.train"));
    assert.deepEqual(ints(te), fx("splits.tts_200.test"));
    const [tr2, te2] = sk.trainTestSplit(np.arange(20640), { testSize: 0.2, randomState: 42 });
    assert.deepEqual(ints(te2.get(":20")), fx("splits.tts_20640.test_head"));
    assert.deepEqual(ints(tr2.get(":20")), fx("splits.tts_20640.train_head"));
    assert.equal(
      ints(te2).reduce((a, b) => a + b, 0),
      fx("splits.tts_20640.test_sum"),
    );
    const [a, b] = sk.trainTestSplit(np.arange(50), { testSize: 10, randomState: 7 });
    assert.deepEqual([ints(a), ints(b)], [fx("splits.tts_int.train"), fx("splits.tts_int.test")]);
    const [c, d] = sk.trainTestSplit(np.arange(100), { testSize: 0.2, randomState: 42, stratify: fx("y5") });
    assert.deepEqual([ints(c), ints(d)], [fx("splits.tts_strat.train"), fx("splits.tts_strat.test")]);
  });
  test("trainTestSplit keeps each input's kind and pairs arrays", () => {
    const Xs = np.arange(20).reshape(10, 2);
    const ys = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"];
    const [Xtr, Xte, ytr, yte] = sk.trainTestSplit<sk.ArrayInput>(Xs, ys, { testSize: 0.3, randomState: 1 });
    assert.deepEqual((Xtr as Tensor).shape, [7, 2]);
    assert.deepEqual((Xte as Tensor).shape, [3, 2]);
    assert.deepEqual(
      ytr as string[],
      ints((Xtr as Tensor).get(":", 0)).map((v) => ys[v / 2]),
    );
    assert.equal((yte as string[]).length, 3);
  });
  test("StratifiedShuffleSplit", () => {
    const got = [
      ...new sk.StratifiedShuffleSplit({ nSplits: 2, testSize: 0.2, randomState: 42 }).split(
        np.zeros([100]),
        fx("y5"),
      ),
    ];
    assert.deepEqual(
      got.map(([a, b]) => [ints(a), ints(b)]),
      fx("splits.sss"),
    );
  });
  test("KFold, StratifiedKFold, ShuffleSplit", () => {
    assert.deepEqual(
      [...new sk.KFold({ nSplits: 5, shuffle: true, randomState: 42 }).split(np.zeros([23]))].map(([, t]) =>
        ints(t),
      ),
      fx("splits.kfold"),
    );
    assert.deepEqual(
      [...new sk.KFold({ nSplits: 4 }).split(np.zeros([10]))].map(([, t]) => ints(t)),
      fx("splits.kfold_plain"),
    );
    assert.deepEqual(
      [
        ...new sk.StratifiedKFold({ nSplits: 3, shuffle: true, randomState: 42 }).split(
          np.zeros([30]),
          fx("y3"),
        ),
      ].map(([, t]) => ints(t)),
      fx("splits.skfold"),
    );
    assert.deepEqual(
      [...new sk.StratifiedKFold({ nSplits: 4 }).split(np.zeros([30]), fx("y3"))].map(([, t]) => ints(t)),
      fx("splits.skfold_plain"),
    );
    const ss = [...new sk.ShuffleSplit({ nSplits: 3, testSize: 0.25, randomState: 0 }).split(np.zeros([20]))];
    assert.deepEqual(
      ss.map(([a, b]) => [ints(a), ints(b)]),
      fx("splits.shuffle"),
    );
  });
});

describe("metric parity", () => {
  test("regression metrics", () => {
    close(sk.meanSquaredError(fx("reg.yt"), fx("reg.yp")), fx("reg.mse"));
    close(sk.meanSquaredError(fx("reg.yt"), fx("reg.yp"), { squared: false }), fx("reg.rmse"));
    close(sk.rootMeanSquaredError(fx("reg.yt"), fx("reg.yp")), fx("reg.rmse"));
    close(sk.meanAbsoluteError(fx("reg.yt"), fx("reg.yp")), fx("reg.mae"));
    close(sk.r2Score(fx("reg.yt"), fx("reg.yp")), fx("reg.r2"));
    close(sk.explainedVarianceScore(fx("reg.yt"), fx("reg.yp")), fx("reg.ev"));
    close(sk.meanSquaredError(fx("reg.Yt"), fx("reg.Yp")), fx("reg.mse2"));
    close(sk.meanSquaredError(fx("reg.Yt"), fx("reg.Yp"), { multioutput: "raw_values" }), fx("reg.mse2_raw"));
    close(sk.r2Score(fx("reg.Yt"), fx("reg.Yp")), fx("reg.r2_2"));
    close(sk.r2Score(fx("reg.Yt"), fx("reg.Yp"), { multioutput: "variance_weighted" }), fx("reg.r2_vw"));
  });
  test("classification metrics", () => {
    close(sk.accuracyScore(fx("cls.mt"), fx("cls.mp")), fx("cls.accuracy"));
    assert.deepEqual(sk.confusionMatrix(fx("cls.mt"), fx("cls.mp")).toArray(), fx("cls.cm"));
    close(sk.confusionMatrix(fx("cls.mt"), fx("cls.mp"), { normalize: "true" }), fx("cls.cm_norm"));
    close(sk.precisionScore(fx("cls.bt"), fx("cls.bp")), fx("cls.binary.p"));
    close(sk.recallScore(fx("cls.bt"), fx("cls.bp")), fx("cls.binary.r"));
    close(sk.f1Score(fx("cls.bt"), fx("cls.bp")), fx("cls.binary.f1"));
    close(sk.fbetaScore(fx("cls.bt"), fx("cls.bp"), { beta: 0.5 }), fx("cls.binary.f05"));
    for (const avg of ["micro", "macro", "weighted"] as const) {
      close(
        [
          sk.precisionScore(fx("cls.mt"), fx("cls.mp"), { average: avg }),
          sk.recallScore(fx("cls.mt"), fx("cls.mp"), { average: avg }),
          sk.f1Score(fx("cls.mt"), fx("cls.mp"), { average: avg }),
        ],
        fx(`cls.multi.${avg}`),
      );
    }
    close(sk.precisionRecallFscoreSupport(fx("cls.mt"), fx("cls.mp")), fx("cls.multi_none"));
    const lt = np.array(fx("cls.lt"));
    const lp = np.array(fx("cls.lp"));
    for (const avg of ["micro", "macro", "weighted", "samples"] as const)
      close(sk.f1Score(lt, lp, { average: avg }), fx(`cls.multilabel.${avg}`));
    close(sk.accuracyScore(lt, lp), fx("cls.multilabel_acc"));
    close(sk.balancedAccuracyScore(fx("cls.mt"), fx("cls.mp")), fx("cls.balanced"));
    assert.throws(() => sk.f1Score(fx("cls.mt"), fx("cls.mp")), /Target is multiclass but average='binary'/);
  });
  test("classification report text is scikit-learn's", () => {
    assert.equal(sk.classificationReport(fx("cls.mt"), fx("cls.mp")), fx("cls.report"));
    assert.equal(
      sk.classificationReport(fx("cls.mt"), fx("cls.mp"), {
        targetNames: ["zero", "one", "two", "three"],
        digits: 4,
      }),
      fx("cls.report_names"),
    );
    assert.equal(sk.classificationReport(fx("cls.bt"), fx("cls.bp")), fx("cls.report_binary"));
    assert.equal(
      sk.classificationReport(np.array(fx("cls.lt")), np.array(fx("cls.lp"))),
      fx("cls.report_multilabel"),
    );
  });
  test("curves, AUC, log loss", () => {
    close(sk.rocCurve(fx("cls.bt"), fx("cls.bs")), fx("cls.roc"));
    close(sk.rocCurve(fx("cls.bt"), fx("cls.bs"), { dropIntermediate: false }), fx("cls.roc_all"));
    close(sk.precisionRecallCurve(fx("cls.bt"), fx("cls.bs")), fx("cls.pr"));
    close(sk.rocAucScore(fx("cls.bt"), fx("cls.bs")), fx("cls.auc"));
    const probs = T(fx("cls.probs"));
    close(sk.rocAucScore(fx("cls.mt"), probs, { multiClass: "ovr" }), fx("cls.auc_ovr"));
    close(sk.logLoss(fx("cls.mt"), probs), fx("cls.logloss"));
    close(sk.logLoss(fx("cls.bt"), np.special.expit(T(fx("cls.bs")))), fx("cls.logloss_bin"));
  });
});

describe("sampling parity (scipy.stats on NumPy's legacy stream)", () => {
  test("distributions", () => {
    assert.deepEqual(
      ints(sk.stats.randint(1, 200).rvs(10, { randomState: 42 }) as Tensor),
      fx("dist.randint"),
    );
    close(sk.stats.uniform({ loc: 2, scale: 3 }).rvs(5, { randomState: 42 }), fx("dist.uniform"), 1e-12);
    close(sk.stats.expon({ scale: 2 }).rvs(5, { randomState: 42 }), fx("dist.expon"), 1e-12);
    close(sk.stats.reciprocal(20, 200000).rvs(5, { randomState: 42 }), fx("dist.reciprocal"), 1e-12);
    assert.deepEqual(ints(sk.stats.geom(0.5).rvs(20, { randomState: 42 }) as Tensor), fx("dist.geom5"));
    assert.deepEqual(ints(sk.stats.geom(0.1).rvs(20, { randomState: 42 }) as Tensor), fx("dist.geom1"));
  });
  test("parameter samplers and grids", () => {
    const s = sk.parameterSampler(
      { nEstimators: sk.stats.randint(1, 200), maxFeatures: sk.stats.randint(1, 8) },
      10,
      { randomState: 42 },
    );
    // scikit-learn sorts the names; n_estimators/max_features sort like nEstimators/maxFeatures.
    assert.deepEqual(
      s.map((p) => ({ max_features: p.maxFeatures, n_estimators: p.nEstimators })),
      fx("sampler"),
    );
    const m = sk.parameterSampler(
      { C: sk.stats.reciprocal(20, 200000), gamma: sk.stats.expon({ scale: 1 }), kernel: ["linear", "rbf"] },
      5,
      { randomState: 42 },
    );
    close(
      m.map((p) => p.C),
      (fx("sampler_mixed") as { C: number }[]).map((p) => p.C),
      1e-12,
    );
    close(
      m.map((p) => p.gamma),
      (fx("sampler_mixed") as { gamma: number }[]).map((p) => p.gamma),
      1e-12,
    );
    assert.deepEqual(
      m.map((p) => p.kernel),
      (fx("sampler_mixed") as { kernel: string }[]).map((p) => p.kernel),
    );
    assert.deepEqual(
      sk.parameterSampler({ a: [1, 2, 3, 4], b: ["x", "y", "z"] }, 5, { randomState: 0 }),
      fx("sampler_lists"),
    );
    assert.deepEqual(
      sk.parameterSampler(
        { a: Array.from({ length: 100 }, (_, i) => i), b: Array.from({ length: 10 }, (_, i) => i) },
        3,
        { randomState: 1 },
      ),
      fx("sampler_lists_small"),
    );
    const g = sk.parameterGrid([
      { n_estimators: [3, 10, 30], max_features: [2, 4, 6, 8] },
      { bootstrap: [false], n_estimators: [3, 10], max_features: [2, 3, 4] },
    ]);
    assert.deepEqual(g, fx("grid"));
  });
});
