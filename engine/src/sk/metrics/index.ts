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
export {
  confusionMatrix,
  precisionScore,
  recallScore,
  f1Score,
  fbetaScore,
  precisionRecallFscoreSupport,
  balancedAccuracyScore,
  classificationReport,
  type Average,
  type PRFOptions,
  type ConfusionMatrixOptions,
  type ClassificationReportOptions,
  type ReportRow,
} from "./classification.js";
export {
  rocCurve,
  precisionRecallCurve,
  rocAucScore,
  auc,
  type CurveOptions,
  type RocAucOptions,
} from "./ranking.js";
export { logLoss, type LogLossOptions } from "./log-loss.js";
export {
  getScorer,
  makeScorer,
  scorerNames,
  passthroughScorer,
  type Scorer,
  type Scorable,
  type MakeScorerOptions,
} from "./scorer.js";
export type { MultiOutput } from "./common.js";
export type { Label } from "./labels.js";
