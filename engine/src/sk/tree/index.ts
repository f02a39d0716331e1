/** Decision trees (CART) and their export to Graphviz. */
export {
  DecisionTreeClassifier,
  DecisionTreeRegressor,
  type DecisionTreeOptions,
  type DecisionTreeClassifierOptions,
  type DecisionTreeRegressorOptions,
} from "./decision-tree.js";
export type { Tree } from "./tree-data.js";
export { exportGraphviz, type ExportGraphvizOptions, type TreeEstimator } from "./graphviz.js";
