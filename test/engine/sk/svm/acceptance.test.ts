/**
 * The SVM numbers of the spec (chapters 2, 3 and 5 of shared/spec/chapters-01-09.md) on the
 * book's data. Tolerances: the book prints 4–5 significant digits, so its values are checked to
 * half a unit of the last printed digit; where scikit-learn 1.2 (the fixture) and the book differ
 * in later digits the fixture is checked tighter. The full 16 512-row SVR of chapter 2 runs with
 * TENSORBOOK_SLOW_TESTS=1 (about a minute); by default a 2 000-row subset is compared with
 * scikit-learn.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Tensor } from "../../../../engine/src/index.js";
import { np, pd, sk } from "../../../../engine/src/index.js";
import { assertClose, flat, iris } from "../models/helpers.js";
import { mnist } from "../models/mnist.js";
import { dataOf, fx } from "./fixture.js";

const slow = process.env.TENSORBOOK_SLOW_TESTS === "1";

describe("chapter 5: support vector machines", () => {
  const ir = iris();
  const petal = ir.X.get(":", "2:");
  const virginica = ir.y.eq(2).astype("float64");

  it("row 1: scaler + LinearSVC(C=1, hinge) predicts [[5.5, 1.7]] → [1]", () => {
    const svmClf = new sk.Pipeline([
      ["scaler", new sk.StandardScaler()],
      ["linear_svc", new sk.LinearSVC({ C: 1, loss: "hinge", randomState: 42 })],
    ]).fit(petal, virginica);
    assert.deepEqual(flat(svmClf.predict([[5.5, 1.7]])), [1]);
  });

  it("row 3: SVC(kernel='linear', C=1) predicts [[5.3, 1.3]] → [1]", () => {
    const svc = new sk.SVC({ kernel: "linear", C: 1 }).fit(petal, virginica);
    assert.deepEqual(flat(svc.predict([[5.3, 1.3]])), [1]);
  });

  it("row 4: SVC(kernel='linear', C=2): intercept −15.5172, w [2.2713, 2.7129]; [[5,2],[4,1]] → [1, 0]", () => {
    const svc = new sk.SVC({ kernel: "linear", C: 2 }).fit(petal, virginica);
    assertClose(svc.intercept_, [-15.5172], 0, 5e-5, "intercept_");
    assertClose(svc.coef_, [[2.2713, 2.7129]], 0, 5e-5, "coef_");
    assert.deepEqual(
      flat(
        svc.predict([
          [5, 2],
          [4, 1],
        ]),
      ),
      [1, 0],
    );
  });

  it("row 6 (Ex8): LinearSVC 0.28475 / [1.0536, 1.0990]; SVC 0.31897 / [1.1203, 1.0263]", () => {
    const { X, y } = dataOf("setosaVersicolorScaled");
    const lin = new sk.LinearSVC({ loss: "hinge", C: 5, randomState: 42 }).fit(X, y);
    assertClose(lin.intercept_, [0.28475], 0, 5e-6, "LinearSVC intercept_");
    assertClose(lin.coef_, [[1.0536, 1.099]], 0, 5e-5, "LinearSVC coef_");
    const svc = new sk.SVC({ kernel: "linear", C: 5 }).fit(X, y);
    assertClose(svc.intercept_, [0.31897], 0, 5e-6, "SVC intercept_");
    assertClose(svc.coef_, [[1.1203, 1.0263]], 0, 5e-5, "SVC coef_");
  });

  it("row 12 (Ex10): LinearSVR(randomState 42) on scaled California housing, training MSE ≈ 0.964", () => {
    const housing = sk.datasets.fetchCaliforniaHousing();
    const [Xtr, , ytr] = sk.trainTestSplit(housing.data as Tensor, housing.target as Tensor, {
      testSize: 0.2,
      randomState: 42,
    }) as Tensor[];
    const scaler = new sk.StandardScaler();
    const Xs = scaler.fitTransform(Xtr);
    const svr = new sk.LinearSVR({ randomState: 42 }).fit(Xs, ytr);
    const mse = sk.meanSquaredError(ytr, svr.predict(Xs));
    // The shipped California set fills AveBedrms for 207 districts scikit-learn's copy has, so
    // the fit sees slightly different rows: 0.96418 within 1%.
    assertClose(mse, 0.96418, 1e-2, 0, "training MSE");
  });
});

/** The book's chapter 2 preparation of the stratified training set (as the chapter notebook). */
function preparedHousing(): { X: Tensor; y: Tensor } {
  const housing = pd.readCsv("datasets/housing/housing.csv");
  housing.set(
    "income_cat",
    pd.cut(housing.col("median_income"), { bins: [0, 1.5, 3, 4.5, 6, Infinity], labels: [1, 2, 3, 4, 5] }),
  );
  const split = new sk.StratifiedShuffleSplit({ nSplits: 1, testSize: 0.2, randomState: 42 });
  const [[trainIdx]] = [...split.split(housing, housing.col("income_cat"))] as Tensor[][];
  const train = housing.take(trainIdx.dataSync() as Int32Array);
  train.drop(["income_cat"], { axis: 1, inplace: true });
  const X = train.drop(["median_house_value"], { axis: 1 });
  const y = train.col("median_house_value").values as Tensor;
  const num = X.drop(["ocean_proximity"], { axis: 1 }).columns;
  const addAttributes = (A: Tensor): Tensor => {
    const [rooms, bedrooms, population, households] = [3, 4, 5, 6].map((j) => A.get(":", j));
    return np.c_(A, rooms.div(households), population.div(households), bedrooms.div(rooms));
  };
  const full = new sk.ColumnTransformer([
    [
      "num",
      new sk.Pipeline([
        ["imputer", new sk.SimpleImputer({ strategy: "median" })],
        ["attribs_adder", new sk.FunctionTransformer({ func: addAttributes })],
        ["std_scaler", new sk.StandardScaler()],
      ]),
      [...num],
    ],
    ["cat", new sk.OneHotEncoder(), ["ocean_proximity"]],
  ]);
  return { X: full.fitTransform(X) as Tensor, y };
}

describe("chapter 2: SVR on the prepared housing data", () => {
  const { X, y } = preparedHousing();
  const h = fx.housing;

  it("prepares the 16 512 × 16 matrix as scikit-learn does", () => {
    assert.deepEqual(X.shape, [16512, 16]);
    assertClose(X.get(":3"), h.firstRows, 1e-12, 1e-12, "first rows");
    assertClose(y.get(":3"), h.firstLabels, 0, 0, "first labels");
  });

  it("SVR(kernel='linear') on the first 2 000 rows: scikit-learn's model", () => {
    const svr = new sk.SVR({ kernel: "linear" }).fit(X.get(":2000"), y.get(":2000"));
    assert.deepEqual(flat(svr.nSupport_), h.subsetNSupport);
    // C = 1 against targets of 1e5: every sample sits at the bound, w is Σ ±x_i; tol = 1e-3.
    assertClose(svr.coef_, h.subsetCoef, 1e-6, 1e-6, "coef_");
    assertClose(svr.intercept_, h.subsetIntercept, 1e-6, 0, "intercept_");
    assertClose(svr.predict(X.get(":10")), h.subsetPredict, 1e-6, 0, "predict");
  });

  it(
    "row 13: SVR(kernel='linear') training RMSE 111 094.63 (full set)",
    { skip: slow ? false : "set TENSORBOOK_SLOW_TESTS=1 (about a minute)" },
    () => {
      const svr = new sk.SVR({ kernel: "linear" }).fit(X, y);
      const rmse = Math.sqrt(sk.meanSquaredError(y, svr.predict(X)));
      assertClose(rmse, h.fullRmse, 1e-6, 0, "RMSE against scikit-learn 1.2");
      assertClose(rmse, 111094.63, 1e-5, 0, "RMSE against the book");
    },
  );
});

describe("chapter 3: SVC on MNIST and on the Titanic", () => {
  it("row 10: SVC(gamma='auto') on 1 000 digits: 10 one-vs-one-derived columns, max ≈ 9.297 at class 5", () => {
    const { X, y } = mnist("train", 1000);
    const svc = new sk.SVC({ gamma: "auto", randomState: 42 }).fit(X, y);
    const d = svc.decisionFunction(X.get(":1"));
    assert.deepEqual(d.shape, [1, 10]);
    const row = flat(d);
    assert.equal(row.indexOf(Math.max(...row)), 5);
    assertClose(Math.max(...row), 9.297, 0, 5e-4, "max score");
    assertClose(svc.decisionFunction(X.get(":5")), fx.mnist.decision, 1e-6, 1e-6, "scores of X[:5]");
    assert.deepEqual(flat(svc.predict(X.get(":5"))), fx.mnist.predict);
    assert.deepEqual(flat(svc.nSupport_), fx.mnist.nSupport);
  });

  it("scaled digits, gamma 'scale': scikit-learn's support counts, scores within 1e-3", () => {
    const { X, y } = mnist("train", 1000);
    const Xs = X.div(255);
    const svc = new sk.SVC().fit(Xs, y);
    assert.deepEqual(flat(svc.nSupport_), fx.mnist.scaledNSupport);
    assertClose(svc.decisionFunction(Xs.get(":20")), fx.mnist.scaledDecision, 0, 1e-2, "ovr scores");
    assertClose(svc.intercept_, fx.mnist.scaledIntercept, 0, 1e-2, "intercept_");
    assert.equal(svc.score(Xs, y), fx.mnist.scaledTrainAccuracy);
  });

  it("row 17: Titanic, SVC(gamma='auto'), 10-fold CV mean accuracy 0.82493", () => {
    const titanic = pd.readCsv("datasets/titanic/train.csv");
    const pre = new sk.ColumnTransformer([
      [
        "num",
        new sk.Pipeline([
          ["imputer", new sk.SimpleImputer({ strategy: "median" })],
          ["scaler", new sk.StandardScaler()],
        ]),
        ["Age", "SibSp", "Parch", "Fare"],
      ],
      [
        "cat",
        new sk.Pipeline([
          ["imputer", new sk.SimpleImputer({ strategy: "most_frequent" })],
          ["cat_encoder", new sk.OneHotEncoder({ sparse: false })],
        ]),
        ["Pclass", "Sex", "Embarked"],
      ],
    ]);
    const X = pre.fitTransform(titanic) as Tensor;
    const scores = sk.crossValScore(new sk.SVC({ gamma: "auto" }), X, titanic.col("Survived"), { cv: 10 });
    assertClose(scores, fx.titanic.scores, 1e-12, 0, "fold accuracies");
    assertClose(Number(scores.mean().item()), 0.82493, 0, 5e-6, "mean");
  });
});
