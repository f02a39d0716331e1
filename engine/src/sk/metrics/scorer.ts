/**
 * Scorers: a scorer is `(estimator, X, y) => number`, greater is better. Scoring strings are
 * scikit-learn's (`"neg_mean_squared_error"`, `"accuracy"`, `"f1"`, `"roc_auc"`, ...).
 */
import type { Tensor } from "../../core/tensor.js";
import { ValueError } from "../../core/errors.js";
import type { ArrayInput, TargetInput } from "../base/types.js";
import { accuracyScore } from "./accuracy.js";
import { meanAbsoluteError, meanSquaredError, r2Score, explainedVarianceScore } from "./regression.js";
import {
  f1Score,
  precisionScore,
  recallScore,
  balancedAccuracyScore,
  type Average,
} from "./classification.js";
import { rocAucScore } from "./ranking.js";
import { logLoss } from "./log-loss.js";

/** Something a scorer can call. */
export interface Scorable {
  predict?(X: ArrayInput): unknown;
  predictProba?(X: ArrayInput): Tensor;
  decisionFunction?(X: ArrayInput): Tensor;
  score?(X: ArrayInput, y?: TargetInput | null): number;
  classes_?: unknown;
}

/** A scorer: greater is better. */
export type Scorer = (est: Scorable, X: ArrayInput, y: TargetInput) => number;

type Metric = (yTrue: TargetInput, yPred: TargetInput) => number;

function predictScorer(metric: Metric, sign = 1): Scorer {
  return (est, X, y) => {
    if (!est.predict) throw new TypeError("this scorer needs an estimator with predict");
    return sign * metric(y, est.predict(X) as TargetInput);
  };
}

// Scores for the positive class: decision function, else the probability of the last class.
function thresholdScores(est: Scorable, X: ArrayInput): Tensor {
  if (est.decisionFunction) {
    try {
      return est.decisionFunction(X);
    } catch (e) {
      if (!(e instanceof TypeError) || !est.predictProba) throw e;
    }
  }
  if (!est.predictProba)
    throw new TypeError("roc_auc needs an estimator with decisionFunction or predictProba");
  const p = est.predictProba(X);
  return p.ndim === 2 && p.shape[1] === 2 ? p.get(":", 1) : p;
}

const REGISTRY: Record<string, Scorer> = {
  accuracy: predictScorer((a, b) => accuracyScore(a, b)),
  balanced_accuracy: predictScorer((a, b) => balancedAccuracyScore(a, b)),
  r2: predictScorer((a, b) => r2Score(a, b)),
  explained_variance: predictScorer((a, b) => explainedVarianceScore(a, b)),
  neg_mean_squared_error: predictScorer((a, b) => meanSquaredError(a, b), -1),
  neg_root_mean_squared_error: predictScorer((a, b) => meanSquaredError(a, b, { squared: false }), -1),
  neg_mean_absolute_error: predictScorer((a, b) => meanAbsoluteError(a, b), -1),
  roc_auc: (est, X, y) => rocAucScore(y, thresholdScores(est, X)) as number,
  roc_auc_ovr: (est, X, y) =>
    rocAucScore(y, (est.predictProba as (X: ArrayInput) => Tensor)(X), { multiClass: "ovr" }) as number,
  neg_log_loss: (est, X, y) => {
    if (!est.predictProba) throw new TypeError("neg_log_loss needs an estimator with predictProba");
    return -logLoss(y, est.predictProba(X), { labels: est.classes_ as never });
  },
};
for (const [name, fn] of [
  ["precision", precisionScore],
  ["recall", recallScore],
  ["f1", f1Score],
] as const) {
  REGISTRY[name] = predictScorer((a, b) => fn(a, b) as number);
  for (const avg of ["macro", "micro", "weighted", "samples"] as Average[]) {
    REGISTRY[`${name}_${avg}`] = predictScorer((a, b) => fn(a, b, { average: avg }) as number);
  }
}

/** Names accepted as `scoring`. */
export function scorerNames(): string[] {
  return Object.keys(REGISTRY).sort();
}

/**
 * The scorer for a scoring string (or the function itself).
 *
 * @example
 * ```ts
 * const s = sk.getScorer("neg_mean_squared_error"); s(model, X, y); // -4.8e9
 * ```
 */
export function getScorer(scoring: string | Scorer): Scorer {
  if (typeof scoring === "function") return scoring;
  const s = REGISTRY[scoring];
  if (!s)
    throw new ValueError(
      `'${scoring}' is not a valid scoring value. Use sk.scorerNames() to get valid options: ${scorerNames().join(", ")}.`,
    );
  return s;
}

/** Options of {@link makeScorer}. */
export interface MakeScorerOptions {
  /** false for losses (the scorer negates them). Default true. */
  greaterIsBetter?: boolean;
  /** Score from `predictProba` instead of `predict`. */
  needsProba?: boolean;
  /** Score from `decisionFunction` (or probabilities) instead of `predict`. */
  needsThreshold?: boolean;
}

/**
 * A scorer from a metric `(yTrue, yPred) => number`.
 *
 * @example
 * ```ts
 * const rmse = sk.makeScorer((y, p) => sk.rootMeanSquaredError(y, p), { greaterIsBetter: false });
 * ```
 */
export function makeScorer(metric: Metric, options: MakeScorerOptions = {}): Scorer {
  const sign = options.greaterIsBetter === false ? -1 : 1;
  return (est, X, y) => {
    let pred: unknown;
    if (options.needsProba) pred = (est.predictProba as (X: ArrayInput) => Tensor)(X);
    else if (options.needsThreshold) pred = thresholdScores(est, X);
    else pred = (est.predict as (X: ArrayInput) => unknown)(X);
    return sign * metric(y, pred as TargetInput);
  };
}

/** The default scorer: the estimator's own `score`. */
export function passthroughScorer(est: Scorable, X: ArrayInput, y: TargetInput): number {
  if (!est.score)
    throw new TypeError("If no scoring is specified, the estimator passed should have a 'score' method.");
  return est.score(X, y);
}
