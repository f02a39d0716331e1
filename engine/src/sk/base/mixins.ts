/**
 * scikit-learn's mixins as abstract classes. Python combines `BaseEstimator` with mixins by
 * multiple inheritance (`class X(BaseEstimator, TransformerMixin)`); TypeScript has single
 * inheritance, so each mixin here already extends `BaseEstimator`: write
 * `class X extends sk.TransformerMixin`. A class that is two things at once (a classifier that
 * also transforms) extends one and calls the helper of the other (`fitTransformOf`).
 */
import type { Tensor } from "../../core/tensor.js";
import { BaseEstimator } from "./estimator.js";
import type { ArrayInput, Labels, TargetInput } from "./types.js";
import { accuracyScore } from "../metrics/accuracy.js";
import { r2Score } from "../metrics/regression.js";

/** Options of `score`. */
export interface ScoreOptions {
  /** Per-sample weights. */
  sampleWeight?: ArrayInput | null;
}

/** Anything with `fit` and `transform` (what pipelines and column transformers accept). */
export interface TransformerLike {
  fit(X: ArrayInput, y?: TargetInput | null): unknown;
  transform(X: ArrayInput): unknown;
  fitTransform?(X: ArrayInput, y?: TargetInput | null): unknown;
}

/** `fitTransform` when the transformer has one, else `fit(X, y).transform(X)`. */
export function fitTransformOf(t: TransformerLike, X: ArrayInput, y?: TargetInput | null): unknown {
  if (typeof t.fitTransform === "function") return t.fitTransform(X, y);
  t.fit(X, y);
  return t.transform(X);
}

/**
 * Base of transformers: implement `fit` and `transform`, get `fitTransform` for free.
 *
 * @example
 * ```ts
 * class Log extends sk.TransformerMixin {
 *   fit() { return this; }
 *   transform(X: Tensor) { return np.log1p(X); }
 * }
 * new Log().fitTransform(np.array([[0], [1]]));
 * ```
 */
export abstract class TransformerMixin extends BaseEstimator {
  /** Learns from `X` (and `y` for supervised transformers); returns `this`. */
  abstract fit(X: ArrayInput, y?: TargetInput | null): this;
  /** Transforms `X` with what `fit` learned. */
  abstract transform(X: ArrayInput): unknown;

  /** `fit(X, y)` then `transform(X)` (subclasses may do both in one pass). */
  fitTransform(X: ArrayInput, y?: TargetInput | null): ReturnType<this["transform"]> {
    return this.fit(X, y).transform(X) as ReturnType<this["transform"]>;
  }

  /** scikit-learn's estimator type tag. */
  get estimatorType(): string {
    return "transformer";
  }
}

/**
 * Base of classifiers: implement `fit` and `predict`; `score` is the accuracy.
 */
export abstract class ClassifierMixin extends BaseEstimator {
  /** Learns from `X` and labels `y`; returns `this`. */
  abstract fit(X: ArrayInput, y: TargetInput, ...rest: never[]): this;
  /** Predicted labels. */
  abstract predict(X: ArrayInput): Labels;

  /**
   * Mean accuracy of `predict(X)` against `y`.
   *
   * @example
   * ```ts
   * clf.score(Xtest, ytest); // 0.97
   * ```
   */
  score(X: ArrayInput, y: TargetInput, options: ScoreOptions = {}): number {
    return accuracyScore(y, this.predict(X), { sampleWeight: options.sampleWeight });
  }

  /** scikit-learn's estimator type tag (cross-validation stratifies classifiers' folds). */
  get estimatorType(): string {
    return "classifier";
  }
}

/**
 * Base of regressors: implement `fit` and `predict`; `score` is R².
 */
export abstract class RegressorMixin extends BaseEstimator {
  /** Learns from `X` and targets `y`; returns `this`. */
  abstract fit(X: ArrayInput, y: TargetInput, ...rest: never[]): this;
  /** Predicted values. */
  abstract predict(X: ArrayInput): Tensor;

  /**
   * R² (coefficient of determination) of `predict(X)` against `y`.
   *
   * @example
   * ```ts
   * new sk.LinearRegression().fit(X, y).score(X, y); // 0.77
   * ```
   */
  score(X: ArrayInput, y: TargetInput, options: ScoreOptions = {}): number {
    return r2Score(y, this.predict(X), { sampleWeight: options.sampleWeight });
  }

  /** scikit-learn's estimator type tag. */
  get estimatorType(): string {
    return "regressor";
  }
}

/** Whether an estimator is a classifier (scikit-learn's `is_classifier`). */
export function isClassifier(est: unknown): boolean {
  return (est as { estimatorType?: string } | null)?.estimatorType === "classifier";
}

/** Whether an estimator is a regressor (scikit-learn's `is_regressor`). */
export function isRegressor(est: unknown): boolean {
  return (est as { estimatorType?: string } | null)?.estimatorType === "regressor";
}
