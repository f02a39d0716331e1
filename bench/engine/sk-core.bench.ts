// sk core on chapter 2's housing data, Tensorbook against scikit-learn in the same run (best of N
// on both sides): the book's preparation ColumnTransformer (median imputer + scaler on the 8
// numeric columns, one-hot on ocean_proximity, unknown categories ignored since the
// unshuffled folds put all 5 ISLAND rows in one test fold) on all 20,640 rows, and a 5-fold GridSearchCV of
// a 4-candidate grid over a preparation pipeline ending in a mean regressor (the same work on
// both sides: scikit-learn's DummyRegressor); the same search with the built-in DummyRegressor
// on 1 and 2 worker threads (nJobs / n_jobs). Run: npm run bench -- bench/engine/sk-core.bench.ts
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { datasets, np, pd, sk, type Tensor } from "tensorbook";

const REPEAT = Number(process.env.BENCH_REPEAT ?? 5);
const path = datasets.datasetPath("housing/housing.csv");
const housing = pd.readCsv(readFileSync(path));
const y = housing.col("median_house_value");
const X = housing.drop(["median_house_value"], { axis: 1 });
const num = X.columns.filter((c) => c !== "ocean_proximity");

/** DummyRegressor(strategy="mean"), written as a user estimator. */
class MeanRegressor extends sk.RegressorMixin {
  static defaults = {};
  mean_?: number;
  fit(Xf: sk.ArrayInput, yf: sk.TargetInput): this {
    this.validateData(Xf, { reset: true });
    this.mean_ = sk.checkTarget(yf).mean().item() as number;
    return this;
  }
  predict(Xp: sk.ArrayInput): Tensor {
    sk.checkIsFitted(this);
    return np.full([this.validateData(Xp).shape[0]], this.mean_ as number);
  }
}

const prep = (): sk.ColumnTransformer =>
  new sk.ColumnTransformer([
    [
      "num",
      new sk.Pipeline([
        ["imputer", new sk.SimpleImputer({ strategy: "median" })],
        ["std_scaler", new sk.StandardScaler()],
      ]),
      num,
    ],
    ["cat", new sk.OneHotEncoder({ handleUnknown: "ignore" }), ["ocean_proximity"]],
  ]);

function bestOf(fn: () => unknown, n = REPEAT): number {
  fn();
  let best = Infinity;
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    fn();
    best = Math.min(best, performance.now() - t0);
  }
  return best / 1000;
}

const grid = (nJobs: number): void => {
  const pipe = new sk.Pipeline([
    ["prep", prep()],
    ["poly", new sk.PolynomialFeatures({ degree: 1 })],
    ["reg", new sk.DummyRegressor()],
  ]);
  new sk.GridSearchCV(
    pipe,
    { prep__num__imputer__strategy: ["mean", "median"], poly__degree: [1, 2] },
    { cv: 5, scoring: "neg_mean_squared_error", nJobs },
  ).fit(X, y);
};
const GRID_REPEAT = Math.max(1, Math.floor(REPEAT / 2));

const ours: Record<string, number> = {
  "ColumnTransformer.fitTransform (20640x9)": bestOf(() => prep().fitTransform(X)),
  "GridSearchCV 4 candidates x 5 folds": bestOf(() => {
    const pipe = new sk.Pipeline([
      ["prep", prep()],
      ["poly", new sk.PolynomialFeatures({ degree: 1 })],
      ["reg", new MeanRegressor()],
    ]);
    new sk.GridSearchCV(
      pipe,
      { prep__num__imputer__strategy: ["mean", "median"], poly__degree: [1, 2] },
      { cv: 5, scoring: "neg_mean_squared_error" },
    ).fit(X, y);
  }, GRID_REPEAT),
  // The built-in DummyRegressor, so that the fits can run on worker threads (nJobs).
  "GridSearchCV DummyRegressor nJobs=1": bestOf(() => grid(1), GRID_REPEAT),
  "GridSearchCV DummyRegressor nJobs=2": bestOf(() => grid(2), GRID_REPEAT),
};

const py = `
import io, json, timeit, numpy as np, pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.pipeline import Pipeline
from sklearn.impute import SimpleImputer
from sklearn.preprocessing import StandardScaler, OneHotEncoder, PolynomialFeatures
from sklearn.model_selection import GridSearchCV
from sklearn.dummy import DummyRegressor
df = pd.read_csv(${JSON.stringify(path)})
y = df["median_house_value"]; X = df.drop("median_house_value", axis=1)
num = [c for c in X.columns if c != "ocean_proximity"]
prep = lambda: ColumnTransformer([("num", Pipeline([("imputer", SimpleImputer(strategy="median")), ("std_scaler", StandardScaler())]), num), ("cat", OneHotEncoder(handle_unknown="ignore"), ["ocean_proximity"])])
def grid(n_jobs=None):
    pipe = Pipeline([("prep", prep()), ("poly", PolynomialFeatures(degree=1)), ("reg", DummyRegressor())])
    GridSearchCV(pipe, {"prep__num__imputer__strategy": ["mean", "median"], "poly__degree": [1, 2]}, cv=5, scoring="neg_mean_squared_error", n_jobs=n_jobs).fit(X, y)
t = lambda f, n: (f(), min(timeit.repeat(f, number=1, repeat=n)))[1]
print(json.dumps({"ColumnTransformer.fitTransform (20640x9)": t(lambda: prep().fit_transform(X), ${REPEAT}),
  "GridSearchCV 4 candidates x 5 folds": t(grid, ${Math.max(1, Math.floor(REPEAT / 2))}),
  "GridSearchCV DummyRegressor nJobs=1": t(lambda: grid(1), ${Math.max(1, Math.floor(REPEAT / 2))}),
  "GridSearchCV DummyRegressor nJobs=2": t(lambda: grid(2), ${Math.max(1, Math.floor(REPEAT / 2))})}))
`;
const r = spawnSync("/usr/bin/python3", ["-c", py], { encoding: "utf8" });
let skl: Record<string, number> | null = null;
if (r.status === 0) skl = JSON.parse(r.stdout) as Record<string, number>;
else console.log(`scikit-learn not measured (${(r.stderr || String(r.error)).trim().split("\n").pop()})`);

console.log("case                                        tensorbook   scikit-learn   ratio");
for (const [name, t] of Object.entries(ours)) {
  const s = skl?.[name];
  const ratio = s === undefined ? "n/a" : `${(t / s).toFixed(2)}x`;
  console.log(
    `${name.padEnd(42)}${(t * 1000).toFixed(1).padStart(9)} ms ${s === undefined ? "          n/a" : `${(s * 1000).toFixed(1).padStart(10)} ms`}  ${ratio.padStart(7)}`,
  );
}
