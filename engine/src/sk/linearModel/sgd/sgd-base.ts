/**
 * Hyperparameters and checks shared by `SGDClassifier`, `SGDRegressor` and `Perceptron`, and the
 * translation of those options into one {@link SgdRun}.
 */
import { ValueError } from "../../../core/errors.js";
import type { RandomStateLike } from "../../internal/random.js";
import { Penalty, Schedule } from "./plain-sgd.js";

/** Learning-rate schedules (scikit-learn's names). */
export type LearningRate = "constant" | "optimal" | "invscaling" | "adaptive";

/** Penalties (scikit-learn's names; null for none). */
export type SgdPenalty = "l2" | "l1" | "elasticnet" | null;

/** Options common to the SGD estimators. */
export interface BaseSgdOptions {
  penalty?: SgdPenalty;
  /** Regularisation strength; also sets the `optimal` learning rate (default 1e-4). */
  alpha?: number;
  /** Elastic-net mix (default 0.15). */
  l1Ratio?: number;
  fitIntercept?: boolean;
  /** Epochs at most (default 1000). */
  maxIter?: number;
  /** Stop when the loss improves by less than this for `nIterNoChange` epochs (default 1e-3; null: never). */
  tol?: number | null;
  /** Shuffle the samples every epoch (default true). */
  shuffle?: boolean;
  verbose?: number;
  /** Width of the insensitive region / Huber threshold (default 0.1). */
  epsilon?: number;
  /** Seed of the shuffling and of the validation split. */
  randomState?: RandomStateLike;
  eta0?: number;
  /** Exponent of the `invscaling` schedule. */
  powerT?: number;
  /** Hold out `validationFraction` of the data and stop when its score stops improving. */
  earlyStopping?: boolean;
  validationFraction?: number;
  nIterNoChange?: number;
  /** Continue from the previous solution on `fit`. */
  warmStart?: boolean;
  /** Average the weights (true, or start after this many steps). */
  average?: boolean | number;
}

/** The hyperparameters the SGD loop reads. */
export interface SgdParams {
  penalty: SgdPenalty;
  alpha: number;
  l1Ratio: number;
  fitIntercept: boolean;
  maxIter: number;
  tol: number | null;
  shuffle: boolean;
  verbose: number;
  epsilon: number;
  randomState: RandomStateLike;
  learningRate: LearningRate;
  eta0: number;
  powerT: number;
  earlyStopping: boolean;
  validationFraction: number;
  nIterNoChange: number;
  warmStart: boolean;
  average: boolean | number;
}

/** The defaults every SGD estimator shares (scikit-learn's values). */
export const SGD_DEFAULTS = {
  penalty: "l2",
  alpha: 1e-4,
  l1Ratio: 0.15,
  fitIntercept: true,
  maxIter: 1000,
  tol: 1e-3,
  shuffle: true,
  verbose: 0,
  epsilon: 0.1,
  randomState: null,
  earlyStopping: false,
  validationFraction: 0.1,
  nIterNoChange: 5,
  warmStart: false,
  average: false,
} as const;

/** The penalty code, rejecting unknown names. */
export function penaltyCode(p: SgdPenalty | "none"): Penalty {
  switch (p) {
    case null:
    case "none":
      return Penalty.None;
    case "l1":
      return Penalty.L1;
    case "l2":
      return Penalty.L2;
    case "elasticnet":
      return Penalty.ElasticNet;
    default:
      throw new ValueError(`Penalty ${String(p)} is not supported; use 'l2', 'l1', 'elasticnet' or null.`);
  }
}

/** The schedule code, rejecting unknown names. */
export function scheduleCode(lr: string): Schedule {
  switch (lr) {
    case "constant":
      return Schedule.Constant;
    case "optimal":
      return Schedule.Optimal;
    case "invscaling":
      return Schedule.InvScaling;
    case "adaptive":
      return Schedule.Adaptive;
    default:
      throw new ValueError(
        `learning rate ${lr} is not supported; use 'constant', 'optimal', 'invscaling' or 'adaptive'.`,
      );
  }
}

/** scikit-learn's `_more_validate_params`. */
export function validateSgd(p: SgdParams, forPartialFit: boolean): void {
  if (p.earlyStopping && forPartialFit)
    throw new ValueError("early_stopping should be False with partial_fit");
  if (["constant", "invscaling", "adaptive"].includes(p.learningRate) && !(p.eta0 > 0)) {
    throw new ValueError(`eta0 must be > 0 with learningRate '${p.learningRate}'; got ${p.eta0}.`);
  }
  if (p.learningRate === "optimal" && p.alpha === 0) {
    throw new ValueError(
      "alpha must be > 0 since learning_rate is 'optimal'. alpha is used to compute the optimal learning rate.",
    );
  }
  if (!(p.alpha >= 0)) throw new ValueError(`alpha must be ≥ 0; got ${p.alpha}.`);
  if (!(p.l1Ratio >= 0 && p.l1Ratio <= 1))
    throw new ValueError(`l1Ratio must be in [0, 1]; got ${p.l1Ratio}.`);
  if (!(Number.isInteger(p.maxIter) && p.maxIter >= 1))
    throw new ValueError(`maxIter must be an integer ≥ 1; got ${p.maxIter}.`);
  if (!(p.validationFraction > 0 && p.validationFraction < 1)) {
    throw new ValueError(`validationFraction must be in (0, 1); got ${p.validationFraction}.`);
  }
  penaltyCode(p.penalty);
  scheduleCode(p.learningRate);
}

/** The averaging start (0 when averaging is off, 1 for `true`). */
export function averageStart(a: boolean | number): number {
  return a === true ? 1 : a === false ? 0 : a;
}
