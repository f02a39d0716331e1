/** Column-wise composition and target transformation. */
export {
  ColumnTransformer,
  makeColumnTransformer,
  type ColumnEntry,
  type ColumnAction,
  type ColumnTransformerOptions,
} from "./column-transformer.js";
export type { ColumnSelector } from "./columns.js";
export {
  TransformedTargetRegressor,
  type TransformedTargetRegressorOptions,
} from "./transformed-target-regressor.js";
