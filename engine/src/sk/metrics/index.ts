/** Metrics: regression, classification, curves, scorers. */
export {
  meanSquaredError,
  rootMeanSquaredError,
  meanAbsoluteError,
  r2Score,
  explainedVarianceScore,
  type RegressionMetricOptions,
  type MetricResult,
} from "./regression.js";
export { accuracyScore, type AccuracyOptions } from "./accuracy.js";
export type { MultiOutput } from "./common.js";
