/** Preprocessing: scalers, encoders, polynomial features, imputation, discretization. */
export { StandardScaler, type StandardScalerOptions } from "./standard-scaler.js";
