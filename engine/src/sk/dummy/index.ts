/** Baselines that ignore the features. */
export {
  DummyClassifier,
  type DummyClassifierOptions,
  type DummyClassifierStrategy,
} from "./dummy-classifier.js";
export { DummyRegressor, type DummyRegressorOptions } from "./dummy-regressor.js";
