/** The estimator contract: base class, mixins, clone, validation, registry. */
export {
  BaseEstimator,
  checkIsFitted,
  isEstimator,
  classOf,
  namedEntries,
  type Params,
  type EstimatorClass,
} from "./estimator.js";
export {
  TransformerMixin,
  ClassifierMixin,
  RegressorMixin,
  isClassifier,
  isRegressor,
  fitTransformOf,
  type TransformerLike,
  type ScoreOptions,
} from "./mixins.js";
export { clone, constructFrom } from "./clone.js";
export { NotFittedError, InvalidParameterError } from "./errors.js";
export {
  checkArray,
  checkTarget,
  checkConsistentLength,
  numSamples,
  toLabels,
  labelValues,
  labelsLike,
  labelsLength,
  encodeLabels,
  decodeLabels,
  featureNamesOf,
  type CheckArrayOptions,
  type CheckTargetOptions,
} from "./validation.js";
export { toTable, takeRows, columnsToTensor, type Table, type ColumnData } from "./table.js";
export {
  registerEstimator,
  estimatorClass,
  estimatorModule,
  registeredEstimators,
  type RegisterEstimatorOptions,
} from "./registry.js";
export { formatRepr } from "./repr.js";
export {
  isFrameLike,
  isSeriesLike,
  type ArrayInput,
  type TargetInput,
  type Labels,
  type Cell,
  type FrameLike,
  type SeriesLike,
} from "./types.js";
