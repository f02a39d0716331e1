/**
 * Behaviour of the contract and composites beyond the per-estimator suite: reprs, nested
 * parameters, pipelines and column transformers on data frames, searches, persistence.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { np, pd, sk, Tensor } from "../../../engine/src/index.js";
import { MajorityClassifier, MeanRegressor } from "./estimators.js";

// A minimal frame with what sk reads from pd.DataFrame: columns, shape, col(name).
function frame(cols: Record<string, (number | string | null)[]>): sk.FrameLike {
  const names = Object.keys(cols);
  const n = cols[names[0]].length;
  return {
    columns: names,
    shape: [n, names.length],
    col: (name: string) => {
      const v = cols[name];
      const isStr = v.some((x) => typeof x === "string");
      return {
        dtype: isStr ? "object" : "float64",
        length: v.length,
        name,
        toArray: () => v,
        toTensor: () => np.array(v.map((x) => (x === null ? NaN : (x as number)))),
      };
    },
  };
}

const housing = frame({
  longitude: [-122.2, -121.3, -118.4, -117.1, -119.9, -120.5],
  total_bedrooms: [129, null, 190, 235, 280, 213],
  median_income: [8.3, 7.2, 5.6, 3.8, 4.0, 2.1],
  ocean_proximity: ["NEAR BAY", "INLAND", "<1H OCEAN", "INLAND", "NEAR OCEAN", "INLAND"],
});

test("reprs list only non-default options, in TypeScript spelling", () => {
  assert.equal(String(new sk.StandardScaler()), "StandardScaler()");
  assert.equal(String(new sk.SimpleImputer({ strategy: "median" })), 'SimpleImputer({ strategy: "median" })');
  assert.equal(
    String(new sk.OneHotEncoder({ handleUnknown: "ignore", sparse: false })),
    'OneHotEncoder({ handleUnknown: "ignore", sparse: false })',
  );
  const pipe = new sk.Pipeline([
    ["imputer", new sk.SimpleImputer({ strategy: "median" })],
    ["scaler", new sk.StandardScaler()],
  ]);
  assert.equal(
    String(pipe),
    'Pipeline(\n  [\n    ["imputer", SimpleImputer({ strategy: "median" })],\n    ["scaler", StandardScaler()],\n  ],\n)',
  );
  assert.equal(
    String(sk.makePipeline(new sk.StandardScaler())),
    'Pipeline([["standardscaler", StandardScaler()]])',
  );
  const long = new sk.ColumnTransformer([
    ["num", pipe, ["longitude", "total_bedrooms", "median_income"]],
    ["cat", new sk.OneHotEncoder(), ["ocean_proximity"]],
  ]);
  assert.match(String(long), /^ColumnTransformer\(\n {2}\[\n/);
  const html = long[Symbol.for("Jupyter.display") as never] as unknown as () => Record<string, string>;
  assert.match(html.call(long)["text/html"], /<details><summary>num \[.*\]: Pipeline<\/summary>/);
});

test("unknown options are refused with the valid names; errors name the fix", () => {
  assert.throws(
    () => new sk.StandardScaler({ with_mean: false } as never),
    /unexpected option 'with_mean'\. Valid options are: copy, withMean, withStd\./,
  );
  assert.throws(
    () => new sk.StandardScaler().transform([[1]]),
    /^NotFittedError: This StandardScaler instance is not fitted yet\. Call 'fit' with appropriate arguments before using this estimator\.$/,
  );
  assert.throws(
    () => new MeanRegressor().fit(housing, [1, 2, 3, 4, 5, 6]),
    /could not convert string to float: 'NEAR BAY' \(column 'ocean_proximity'\)/,
  );
  const num = frame({ a: [1, 2, 3], total_bedrooms: [1, NaN, 3] });
  assert.throws(
    () => new MeanRegressor().fit(num, [1, 2, 3]),
    /Input X contains NaN \(column 'total_bedrooms', row 1\)\. MeanRegressor does not accept missing values/,
  );
  assert.throws(
    () => new MeanRegressor().fit([[1], [2]], [1, 2, 3]),
    /inconsistent numbers of samples: \[2, 3\]/,
  );
});

test("nested getParams/setParams reach inside pipelines and column transformers", () => {
  const pipe = sk.makePipeline(new sk.StandardScaler(), new MeanRegressor());
  assert.deepEqual(
    pipe.steps.map((s) => s[0]),
    ["standardscaler", "meanregressor"],
  );
  pipe.setParams({ meanregressor__shrink: 0.25, standardscaler__withMean: false });
  assert.equal((pipe.get("meanregressor") as MeanRegressor).shrink, 0.25);
  assert.equal(pipe.getParams().standardscaler__withMean, false);
  pipe.setParams({ standardscaler: "passthrough" });
  assert.equal(pipe.get(0), "passthrough");
  assert.throws(() => pipe.setParams({ nope__x: 1 }), /Invalid parameter 'nope' for estimator Pipeline/);
  const copy = sk.clone(pipe);
  assert.notEqual(copy.get(1), pipe.get(1));
  assert.equal((copy.get(1) as MeanRegressor).shrink, 0.25);
});

test("pipeline slicing, namedSteps, passthrough, getFeatureNamesOut", () => {
  const X = np.array([
    [1, 2],
    [3, 5],
    [4, 9],
  ]);
  const pipe = new sk.Pipeline([
    ["poly", new sk.PolynomialFeatures({ degree: 2, includeBias: false })],
    ["skip", "passthrough"],
    ["scale", new sk.StandardScaler()],
  ]);
  const out = pipe.fitTransform(X) as Tensor;
  assert.deepEqual(out.shape, [3, 5]);
  assert.deepEqual(pipe.getFeatureNamesOut(), ["x0", "x1", "x0^2", "x0 x1", "x1^2"]);
  assert.equal((pipe.get(":1") as sk.Pipeline).length, 1);
  assert.ok(pipe.namedSteps.scale instanceof sk.StandardScaler);
  assert.ok(np.allclose((pipe.slice(0, 1).transform(X) as Tensor).get(":", 2), np.array([1, 9, 16])));
});

test("the book's housing preparation: imputer + scaler + one-hot on a frame", () => {
  const num = ["longitude", "total_bedrooms", "median_income"];
  const numPipeline = new sk.Pipeline([
    ["imputer", new sk.SimpleImputer({ strategy: "median" })],
    ["std_scaler", new sk.StandardScaler()],
  ]);
  const full = new sk.ColumnTransformer([
    ["num", numPipeline, num],
    ["cat", new sk.OneHotEncoder(), ["ocean_proximity"]],
  ]);
  const prepared = full.fitTransform(housing) as Tensor;
  assert.deepEqual(prepared.shape, [6, 7]);
  const imputer = ((full.namedTransformers_.num as sk.Pipeline).get("imputer") as sk.SimpleImputer)
    .statistics_ as Tensor;
  assert.deepEqual(imputer.toArray(), [-120.2, 213, 4.8]);
  assert.deepEqual((full.namedTransformers_.cat as sk.OneHotEncoder).categories_, [
    ["<1H OCEAN", "INLAND", "NEAR BAY", "NEAR OCEAN"],
  ]);
  assert.deepEqual(full.getFeatureNamesOut().slice(2), [
    "num__median_income",
    "cat__ocean_proximity_<1H OCEAN",
    "cat__ocean_proximity_INLAND",
    "cat__ocean_proximity_NEAR BAY",
    "cat__ocean_proximity_NEAR OCEAN",
  ]);
  assert.deepEqual(full.featureNamesIn_, ["longitude", "total_bedrooms", "median_income", "ocean_proximity"]);
  // remainder passthrough keeps the string column; string cells flow on as rows of cells.
  const ct = new sk.ColumnTransformer([["num", new sk.SimpleImputer(), ["total_bedrooms"]]], {
    remainder: "passthrough",
  });
  const rows = ct.fitTransform(housing) as unknown[][];
  assert.deepEqual(rows[1], [209.4, -121.3, 7.2, "INLAND"]);
  assert.throws(
    () => new sk.ColumnTransformer([["x", new sk.StandardScaler(), ["nope"]]]).fit(housing),
    /not a column of the dataframe: 'nope'/,
  );
});

test("FeatureUnion and TransformedTargetRegressor", () => {
  const X = np.array([
    [1, 2],
    [3, 4],
    [5, 7],
  ]);
  const u = sk.makeUnion(new sk.StandardScaler(), new sk.MinMaxScaler());
  assert.deepEqual((u.fitTransform(X) as Tensor).shape, [3, 4]);
  assert.deepEqual(u.getFeatureNamesOut(["a", "b"]), [
    "standardscaler__a",
    "standardscaler__b",
    "minmaxscaler__a",
    "minmaxscaler__b",
  ]);
  const ttr = new sk.TransformedTargetRegressor({
    regressor: new MeanRegressor(),
    func: np.log as never,
    inverseFunc: np.exp as never,
  });
  ttr.fit(X, [1, Math.E, Math.E ** 2]);
  assert.ok(np.allclose(ttr.predict(X), np.full([3], Math.E)));
});

test("cross-validation and searches with nested names", () => {
  const rs = new np.random.RandomState(0);
  const X = rs.randn(30, 2);
  const y = X.get(":", 0).mul(3).add(10);
  const scores = sk.crossValScore(new MeanRegressor(), X, y, { cv: 3, scoring: "neg_mean_squared_error" });
  assert.equal(scores.shape[0], 3);
  assert.ok((scores.toArray() as number[]).every((s) => s < 0));
  const cvr = sk.crossValidate(new MeanRegressor(), X, y, {
    cv: 3,
    scoring: ["r2", "neg_mean_absolute_error"],
    returnTrainScore: true,
  });
  assert.ok(cvr.test_r2 instanceof Tensor && cvr.train_neg_mean_absolute_error instanceof Tensor);
  const pred = sk.crossValPredict(new MeanRegressor(), X, y, { cv: 3 }) as Tensor;
  assert.deepEqual(pred.shape, [30]);
  const pipe = sk.makePipeline(new sk.StandardScaler(), new MeanRegressor());
  const search = new sk.GridSearchCV(
    pipe,
    [{ meanregressor__shrink: [1, 0.5] }, { meanregressor__shrink: [0], standardscaler: ["passthrough"] }],
    { cv: 3, scoring: "neg_mean_squared_error", returnTrainScore: true },
  );
  search.fit(X, y);
  assert.deepEqual(search.bestParams_, { meanregressor__shrink: 0, standardscaler: "passthrough" });
  const res = search.cvResults_ as sk.CvResults;
  assert.deepEqual((res.rank_test_score as Tensor).toArray(), [3, 2, 1]);
  assert.deepEqual(res.param_standardscaler, [undefined, undefined, "passthrough"]);
  assert.ok("split2_train_score" in res && "mean_train_score" in res);
  assert.ok(search.bestEstimator_ instanceof sk.Pipeline);
  const table = search.cvResultsFrame();
  assert.deepEqual(table.shape, [3, Object.keys(res).length]);
  assert.equal(
    table.col("params").toArray()[2],
    '{ meanregressor__shrink: 0, standardscaler: "passthrough" }',
  );
  assert.ok(Math.abs(search.score(X, y) - (search.bestScore_ as number)) < 20);
  const labels = ["a", "b", "a", "a", "b", "a", "a", "b", "a", "a"];
  const Xc = rs.randn(10, 2);
  const rnd = new sk.RandomizedSearchCV(
    new MajorityClassifier(),
    { prior: sk.stats.uniform() },
    { nIter: 4, cv: 2, randomState: 42 },
  );
  assert.deepEqual(rnd.fit(Xc, labels).predict(Xc), new Array(10).fill("a"));
  assert.equal((rnd.cvResults_?.params as unknown[]).length, 4);
  const [sizes, tr, te] = sk.learningCurve(new MeanRegressor(), X, y, { cv: 3, trainSizes: [0.5, 1] });
  assert.deepEqual(sizes.toArray(), [10, 20]);
  assert.deepEqual(tr.shape, [2, 3]);
  assert.deepEqual(te.shape, [2, 3]);
  const [vt, vv] = sk.validationCurve(new MeanRegressor(), X, y, {
    paramName: "shrink",
    paramRange: [0, 1],
    cv: 3,
  });
  assert.deepEqual(
    [vt.shape, vv.shape],
    [
      [2, 3],
      [2, 3],
    ],
  );
});

// The book keeps its grids in variables first; TypeScript then infers a union of object types
// whose missing keys read as `?: undefined`, which the search's parameter types must accept
// (this file is type-checked by `npm run typecheck`).
test("grids and distributions stored in variables, sub-grids with different keys", () => {
  const rs = new np.random.RandomState(1);
  const X = rs.randn(12, 2);
  const y = X.get(":", 0).mul(2);
  const paramGrid = [
    { meanregressor__shrink: [1, 0.5] },
    { standardscaler: ["passthrough"], meanregressor__shrink: [0] },
  ];
  const search = new sk.GridSearchCV(
    sk.makePipeline(new sk.StandardScaler(), new MeanRegressor()),
    paramGrid,
    {
      cv: 3,
    },
  );
  assert.equal((search.fit(X, y).cvResults_?.params as unknown[]).length, 3);
  const distributions = [{ shrink: sk.stats.uniform() }, { shrink: [0, 1] }];
  const rnd = new sk.RandomizedSearchCV(new MeanRegressor(), distributions, {
    nIter: 4,
    cv: 3,
    randomState: 0,
  });
  assert.equal((rnd.fit(X, y).cvResults_?.params as unknown[]).length, 4);
  // A key whose value is really missing is still refused, naming it.
  assert.throws(
    () => sk.parameterGrid([{ shrink: [0] }, { shrink: undefined }]),
    /parameter 'shrink' needs to be a list/,
  );
  assert.equal(sk.parameterGrid(paramGrid).length, 3);
});

test("sk.dump / sk.load to a file, user classes registered", () => {
  const pipe = new sk.Pipeline([
    ["enc", new sk.OneHotEncoder({ handleUnknown: "ignore" })],
    ["reg", new MeanRegressor({ shrink: 0.1 })],
  ]);
  const X = [["a"], ["b"], ["a"]];
  pipe.fit(X, [1, 2, 3]);
  const path = join(mkdtempSync(join(tmpdir(), "sk-")), "model.json");
  sk.dump(pipe, path);
  const back = sk.load<sk.Pipeline>(path);
  assert.equal(String(back), String(pipe));
  assert.deepEqual((back.predict([["b"]]) as Tensor).toArray(), (pipe.predict([["b"]]) as Tensor).toArray());
  assert.throws(
    () => sk.dumps(new sk.FunctionTransformer({ func: np.log as never }).fit([[1]])),
    /cannot save FunctionTransformer\.func: it is a function/,
  );
  assert.throws(
    () =>
      sk.loads('{"format":"tensorbook.sk","version":1,"estimator":{"class":"Nope","params":{},"state":{}}}'),
    /call sk\.registerEstimator\(Nope\)/,
  );
});

test("real pd.DataFrame inputs: splits keep frames, column transformers select by name", () => {
  const df = new pd.DataFrame({
    income: [1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 8.5, 9.5, 10.5],
    rooms: [3, 4, null, 6, 7, 8, 9, 10, 11, 12],
    ocean: ["A", "B", "A", "C", "B", "A", "A", "C", "B", "A"],
  });
  const [train, test] = sk.trainTestSplit(df, { testSize: 0.2, randomState: 42 });
  assert.ok(train instanceof pd.DataFrame && test instanceof pd.DataFrame);
  assert.deepEqual(
    [train.shape, test.shape],
    [
      [8, 3],
      [2, 3],
    ],
  );
  const ct = sk.makeColumnTransformer(
    [new sk.SimpleImputer({ strategy: "median" }), ["income", "rooms"]],
    [new sk.OneHotEncoder(), ["ocean"]],
  );
  const out = ct.fitTransform(df) as Tensor;
  assert.deepEqual(out.shape, [10, 5]);
  assert.deepEqual(ct.getFeatureNamesOut(), [
    "simpleimputer__income",
    "simpleimputer__rooms",
    "onehotencoder__ocean_A",
    "onehotencoder__ocean_B",
    "onehotencoder__ocean_C",
  ]);
  assert.equal(out.item(2, 1), 8);
  const scaler = new sk.StandardScaler().fit(df.get(["income"]));
  assert.deepEqual(scaler.featureNamesIn_, ["income"]);
  assert.throws(
    () => scaler.transform(df.get(["rooms"])),
    /The feature names should match those that were passed during fit/,
  );
});
