/**
 * Every estimator the contract suite (contract.test.ts) checks. Append a case for each new
 * estimator: `make` builds it with typical options; `kind` picks the default data and the method
 * whose output must be deterministic and survive `sk.dump`/`sk.load`.
 */
import { sk } from "../../../engine/src/index.js";

/** Data a case fits on; defaults come from `kind`. */
export interface CaseData {
  X: sk.ArrayInput;
  y?: sk.TargetInput;
}

/** One estimator under contract. */
export interface ContractCase {
  /** Shown in test names; usually the class name plus distinguishing options. */
  name: string;
  /** A fresh, unfitted estimator. */
  make: () => sk.BaseEstimator;
  /** Which default data to use and which method to compare (`transform` or `predict`). */
  kind: "transformer" | "classifier" | "regressor";
  /** Custom training data (e.g. strings for encoders, labels for label encoders). */
  data?: () => CaseData;
  /** Whether NaN in X is accepted (imputers, encoders). */
  acceptsNaN?: boolean;
  /** Checks to skip, with the reason in a comment: "shape", "nan", "persist", "features". */
  skip?: readonly string[];
}

/** The list: the core branch's estimators first, models appended by the models branch. */
export const ESTIMATORS: ContractCase[] = [
  { name: "StandardScaler", make: () => new sk.StandardScaler(), kind: "transformer", acceptsNaN: true },
  {
    name: "StandardScaler(withMean=false)",
    make: () => new sk.StandardScaler({ withMean: false }),
    kind: "transformer",
    acceptsNaN: true,
  },
  // Models (linear models, neighbours, baselines, meta-estimators).
  { name: "LinearRegression", make: () => new sk.LinearRegression(), kind: "regressor" },
  {
    name: "LinearRegression(positive)",
    make: () => new sk.LinearRegression({ positive: true }),
    kind: "regressor",
  },
  { name: "Ridge", make: () => new sk.Ridge({ alpha: 0.5 }), kind: "regressor" },
  { name: "Ridge(svd)", make: () => new sk.Ridge({ solver: "svd" }), kind: "regressor" },
  { name: "Ridge(sag)", make: () => new sk.Ridge({ solver: "sag", randomState: 0 }), kind: "regressor" },
  { name: "Lasso", make: () => new sk.Lasso({ alpha: 0.05 }), kind: "regressor" },
  { name: "ElasticNet", make: () => new sk.ElasticNet({ alpha: 0.05, l1Ratio: 0.3 }), kind: "regressor" },
  { name: "SGDRegressor", make: () => new sk.SGDRegressor({ randomState: 0 }), kind: "regressor" },
  {
    name: "SGDRegressor(early stopping, averaged)",
    make: () => new sk.SGDRegressor({ earlyStopping: true, average: true, randomState: 0 }),
    kind: "regressor",
  },
  { name: "SGDClassifier", make: () => new sk.SGDClassifier({ randomState: 0 }), kind: "classifier" },
  {
    name: "SGDClassifier(log_loss, elasticnet)",
    make: () => new sk.SGDClassifier({ loss: "log_loss", penalty: "elasticnet", randomState: 0 }),
    kind: "classifier",
  },
  { name: "Perceptron", make: () => new sk.Perceptron(), kind: "classifier" },
  { name: "LogisticRegression", make: () => new sk.LogisticRegression(), kind: "classifier" },
  {
    name: "LogisticRegression(ovr)",
    make: () => new sk.LogisticRegression({ multiClass: "ovr", C: 0.3 }),
    kind: "classifier",
  },
  { name: "KNeighborsClassifier", make: () => new sk.KNeighborsClassifier(), kind: "classifier" },
  {
    name: "KNeighborsClassifier(distance, manhattan)",
    make: () => new sk.KNeighborsClassifier({ weights: "distance", metric: "manhattan", nNeighbors: 3 }),
    kind: "classifier",
  },
  {
    name: "KNeighborsRegressor",
    make: () => new sk.KNeighborsRegressor({ nNeighbors: 3 }),
    kind: "regressor",
  },
  // NearestNeighbors has no predict; its kneighbors is checked in models/neighbors.test.ts.
  // The dummies never look at X (as in scikit-learn), so the X checks do not apply.
  {
    name: "DummyClassifier",
    make: () => new sk.DummyClassifier({ strategy: "most_frequent" }),
    kind: "classifier",
    skip: ["shape", "nan", "features"],
  },
  {
    name: "DummyRegressor",
    make: () => new sk.DummyRegressor(),
    kind: "regressor",
    skip: ["shape", "nan", "features"],
  },
  {
    name: "OneVsRestClassifier(LogisticRegression)",
    make: () => new sk.OneVsRestClassifier(new sk.LogisticRegression()),
    kind: "classifier",
  },
  {
    name: "OneVsOneClassifier(SGDClassifier)",
    make: () => new sk.OneVsOneClassifier(new sk.SGDClassifier({ randomState: 0 })),
    kind: "classifier",
  },
];
