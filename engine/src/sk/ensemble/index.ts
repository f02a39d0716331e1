/** Tree ensembles: random forests and extremely randomised trees. */
export {
  RandomForestClassifier,
  RandomForestRegressor,
  ExtraTreesClassifier,
  ExtraTreesRegressor,
  type ForestClassifierOptions,
  type ForestRegressorOptions,
} from "./forests.js";
export type { ForestOptions } from "./forest.js";
