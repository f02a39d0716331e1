/** Preprocessing: scalers, encoders, polynomial features, imputation, discretization. */
export { StandardScaler, type StandardScalerOptions } from "./standard-scaler.js";
export { MinMaxScaler, type MinMaxScalerOptions } from "./min-max-scaler.js";
export { RobustScaler, type RobustScalerOptions } from "./robust-scaler.js";
export { Normalizer, type NormalizerOptions } from "./normalizer.js";
export { OneHotEncoder, type OneHotEncoderOptions } from "./one-hot-encoder.js";
export { OrdinalEncoder, type OrdinalEncoderOptions } from "./ordinal-encoder.js";
export { LabelEncoder } from "./label-encoder.js";
export { LabelBinarizer, type LabelBinarizerOptions } from "./label-binarizer.js";
export { PolynomialFeatures, type PolynomialFeaturesOptions } from "./polynomial-features.js";
export {
  FunctionTransformer,
  type FunctionTransformerOptions,
  type TransformFunction,
} from "./function-transformer.js";
export { KBinsDiscretizer, type KBinsDiscretizerOptions } from "./kbins-discretizer.js";
export { SimpleImputer, type SimpleImputerOptions, type ImputeStrategy } from "./simple-imputer.js";
export type { Categories } from "./categories.js";
