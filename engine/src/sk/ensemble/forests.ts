/**
 * `RandomForestClassifier`, `RandomForestRegressor`, `ExtraTreesClassifier`,
 * `ExtraTreesRegressor`: bagged CART trees (random forests: best splits among a random subset of
 * features on bootstrap samples; extra trees: random thresholds, whole training set by default).
 */
import { registerEstimator } from "../base/registry.js";
import type { ClassWeight } from "../tree/fit-input.js";
import { FOREST_DEFAULTS, type ForestOptions } from "./forest.js";
import { ForestClassifier, ForestRegressor } from "./forest-models.js";

/** Options of the forest classifiers. */
export interface ForestClassifierOptions extends ForestOptions {
  /** `gini` (default), `entropy` or `log_loss`. */
  criterion?: "gini" | "entropy" | "log_loss";
  /** Features tried per split: "sqrt" (default), "log2", an int, a fraction in (0, 1), or null for all. */
  maxFeatures?: number | "sqrt" | "log2" | "auto" | null;
  /** "balanced", "balanced_subsample" (per bootstrap sample) or `{ label: weight }`. */
  classWeight?: ClassWeight | "balanced_subsample";
}

/** Options of the forest regressors. */
export interface ForestRegressorOptions extends ForestOptions {
  /** `squared_error` (default), `friedman_mse` or `absolute_error` (slow). */
  criterion?: "squared_error" | "friedman_mse" | "absolute_error";
  /**
   * Features tried per split: null (default: all, scikit-learn's 1.0), "sqrt", "log2", an int,
   * or a fraction in (0, 1). Note that 1 means one feature.
   */
  maxFeatures?: number | "sqrt" | "log2" | "auto" | null;
}

const CLASSIFIER_DEFAULTS = { ...FOREST_DEFAULTS, criterion: "gini", maxFeatures: "sqrt", classWeight: null };
const REGRESSOR_DEFAULTS = { ...FOREST_DEFAULTS, criterion: "squared_error", maxFeatures: null };

/**
 * A random forest of classification trees; predicts the class with the highest mean probability.
 *
 * @example
 * ```ts
 * const forest = new sk.RandomForestClassifier({ nEstimators: 100, randomState: 42 }).fit(X, y);
 * forest.predictProba(X.get(":3"));
 * ```
 */
export class RandomForestClassifier extends ForestClassifier {
  static defaults: Record<string, unknown> = { ...CLASSIFIER_DEFAULTS, bootstrap: true };
  protected readonly splitterKind = "best";
  constructor(options: ForestClassifierOptions = {}) {
    super(options);
  }
}

/**
 * A random forest of regression trees; predicts the mean of the trees.
 *
 * @example
 * ```ts
 * const forest = new sk.RandomForestRegressor({ nEstimators: 100, randomState: 42 }).fit(X, y);
 * forest.featureImportances_;
 * ```
 */
export class RandomForestRegressor extends ForestRegressor {
  static defaults: Record<string, unknown> = { ...REGRESSOR_DEFAULTS, bootstrap: true };
  protected readonly splitterKind = "best";
  constructor(options: ForestRegressorOptions = {}) {
    super(options);
  }
}

/**
 * Extremely randomised trees for classification: each split draws one random threshold per
 * candidate feature; no bootstrap by default.
 *
 * @example
 * ```ts
 * new sk.ExtraTreesClassifier({ nEstimators: 100, randomState: 42 }).fit(X, y).score(Xv, yv);
 * ```
 */
export class ExtraTreesClassifier extends ForestClassifier {
  static defaults: Record<string, unknown> = { ...CLASSIFIER_DEFAULTS, bootstrap: false };
  protected readonly splitterKind = "random";
  constructor(options: ForestClassifierOptions = {}) {
    super(options);
  }
}

/**
 * Extremely randomised trees for regression.
 *
 * @example
 * ```ts
 * new sk.ExtraTreesRegressor({ nEstimators: 50, randomState: 0 }).fit(X, y).predict(X);
 * ```
 */
export class ExtraTreesRegressor extends ForestRegressor {
  static defaults: Record<string, unknown> = { ...REGRESSOR_DEFAULTS, bootstrap: false };
  protected readonly splitterKind = "random";
  constructor(options: ForestRegressorOptions = {}) {
    super(options);
  }
}

registerEstimator(RandomForestClassifier);
registerEstimator(RandomForestRegressor);
registerEstimator(ExtraTreesClassifier);
registerEstimator(ExtraTreesRegressor);
