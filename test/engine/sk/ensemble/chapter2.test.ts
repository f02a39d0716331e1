/**
 * Chapter 2's tree and forest numbers on the housing data, prepared as the notebook prepares it
 * (stratified split on income categories, median imputation, the three combined attributes,
 * standard scaling, one-hot ocean proximity: 16 512 × 16). scikit-learn 1.2.1's results on the
 * same matrix come from make_sk_trees.py; the book's numbers (older scikit-learn) are checked
 * within the bands stated in each test.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { datasets, np, pd, sk, type Tensor } from "../../../../engine/src/index.js";
import { assertClose, flat } from "../models/helpers.js";
import { FX } from "../tree/fixtures.js";

/** Adds rooms per household, population per household and bedrooms per room. */
class CombinedAttributesAdder extends sk.TransformerMixin {
  fit(): this {
    return this;
  }
  transform(X: Tensor): Tensor {
    const [rooms, bedrooms, population, households] = [3, 4, 5, 6].map((j) => X.get(":", j));
    return np.c_(X, rooms.div(households), population.div(households), bedrooms.div(rooms));
  }
}

function prepared(): { X: Tensor; y: Tensor } {
  const housing = datasets.loadHousing();
  housing.set(
    "income_cat",
    pd.cut(housing.col("median_income"), { bins: [0, 1.5, 3, 4.5, 6, Infinity], labels: [1, 2, 3, 4, 5] }),
  );
  const split = new sk.StratifiedShuffleSplit({ nSplits: 1, testSize: 0.2, randomState: 42 });
  const [[trainIdx]] = [...split.split(housing, housing.col("income_cat"))] as Tensor[][];
  const train: pd.DataFrame = housing.take(trainIdx.dataSync() as Int32Array);
  train.drop(["income_cat"], { axis: 1, inplace: true });
  const X = train.drop(["median_house_value"], { axis: 1 });
  const y = train.col("median_house_value").values;
  const numAttribs = X.drop(["ocean_proximity"], { axis: 1 }).columns;
  const full = new sk.ColumnTransformer([
    [
      "num",
      new sk.Pipeline([
        ["imputer", new sk.SimpleImputer({ strategy: "median" })],
        ["attribs_adder", new CombinedAttributesAdder()],
        ["std_scaler", new sk.StandardScaler()],
      ]),
      numAttribs,
    ],
    ["cat", new sk.OneHotEncoder(), ["ocean_proximity"]],
  ]);
  return { X: full.fitTransform(X) as Tensor, y };
}

const rmse = (y: Tensor, p: Tensor): number => Math.sqrt(sk.meanSquaredError(y, p));
const mean = (a: number[]): number => a.reduce((s, v) => s + v, 0) / a.length;
const H = FX.housing;

describe("chapter 2: trees and forests on the housing data", () => {
  const { X, y } = prepared();

  it("the prepared matrix is scikit-learn's (16512 × 16)", () => {
    assert.deepEqual(X.shape, H.shape);
    assertClose(X.get(0), H.firstRow, 1e-12, 1e-14, "first row");
  });

  it("DecisionTreeRegressor(randomState 42): training RMSE 0.0 (book: 0.0), scikit-learn's tree", () => {
    const tree = new sk.DecisionTreeRegressor({ randomState: 42 }).fit(X, y);
    assert.equal(rmse(y, tree.predict(X)), H.treeTrainRmse);
    assert.equal(tree.tree_?.nodeCount, H.treeNodeCount);
    assert.equal(tree.getDepth(), H.treeDepth);
    assertClose(tree.featureImportances_, H.treeImportances, 1e-10, 1e-12, "importances");
  });

  // scikit-learn 1.2.1 gives a mean of 71 629.6 on this matrix; the book's 71 407.69 came from an
  // older release, so it is checked within 1% (the folds agree with 1.2.1 to 1e-9).
  it("10-fold CV RMSE of the tree: scikit-learn's folds; mean within 1% of the book's 71 407.69", () => {
    const scores = sk.crossValScore(new sk.DecisionTreeRegressor({ randomState: 42 }), X, y, {
      scoring: "neg_mean_squared_error",
      cv: 10,
    });
    const r = flat(scores).map((s) => Math.sqrt(-s));
    assertClose(r, H.treeCv10, 1e-9, 0, "fold RMSE");
    assert.ok(Math.abs(mean(r) / 71407.69 - 1) < 0.01, `mean ${mean(r)}`);
  });

  // 10 trees instead of 100 keep the test short; the 100-tree forest runs with TENSORBOOK_SLOW_TESTS=1.
  it("RandomForestRegressor(10 trees, randomState 42): scikit-learn's training RMSE, importances and 3-fold CV", () => {
    const forest = new sk.RandomForestRegressor({ nEstimators: 10, randomState: 42 }).fit(X, y);
    assertClose(rmse(y, forest.predict(X)), H.forest10TrainRmse, 1e-9, 0, "training RMSE");
    const imp = forest.featureImportances_;
    assertClose(imp, H.forest10Importances, 1e-10, 1e-12, "importances");
    // The book's top five: median_income, INLAND, pop_per_hhold, longitude, latitude.
    const order = flat(imp)
      .map((v, i) => [v, i])
      .sort((a, b) => b[0] - a[0])
      .map(([, i]) => i);
    assert.deepEqual(order.slice(0, 5), [7, 12, 9, 0, 1]);
    const cv = sk.crossValScore(new sk.RandomForestRegressor({ nEstimators: 10, randomState: 42 }), X, y, {
      scoring: "neg_mean_squared_error",
      cv: 3,
    });
    assertClose(
      flat(cv).map((s) => Math.sqrt(-s)),
      H.forest10Cv3,
      1e-9,
      0,
      "3-fold RMSE",
    );
  });

  // scikit-learn 1.2.1: 18 650.70; the book (older release): 18 603.515, within 0.5%.
  it(
    "RandomForestRegressor(100 trees): training RMSE equal to scikit-learn's, within 0.5% of the book's 18 603.515",
    { skip: !process.env.TENSORBOOK_SLOW_TESTS },
    () => {
      const forest = new sk.RandomForestRegressor({ nEstimators: 100, randomState: 42 }).fit(X, y);
      const r = rmse(y, forest.predict(X));
      assertClose(r, H.forestTrainRmse, 1e-9, 0, "training RMSE");
      assert.ok(Math.abs(r / 18603.515 - 1) < 0.005);
      assertClose(forest.featureImportances_, H.forestImportances, 1e-10, 1e-12, "importances");
    },
  );
});
