/** `TransformedTargetRegressor`: fits a regressor on a transformed target (e.g. log prices). */
import { Tensor } from "../../core/tensor.js";
import { ValueError } from "../../core/errors.js";
import type { BaseEstimator } from "../base/estimator.js";
import { checkIsFitted } from "../base/estimator.js";
import { RegressorMixin } from "../base/mixins.js";
import { clone } from "../base/clone.js";
import { estimatorClass, registerEstimator } from "../base/registry.js";
import { checkTarget } from "../base/validation.js";
import type { ArrayInput, TargetInput } from "../base/types.js";
import { FunctionTransformer, type TransformFunction } from "../preprocessing/function-transformer.js";

/** Options of {@link TransformedTargetRegressor}. */
export interface TransformedTargetRegressorOptions {
  /** The regressor (default: LinearRegression). */
  regressor?: BaseEstimator | null;
  /** A transformer of y (fitted on y as one column). Mutually exclusive with func. */
  transformer?: BaseEstimator | null;
  /** Function applied to y (with `inverseFunc`). */
  func?: TransformFunction | null;
  /** Inverse of `func`, applied to predictions. */
  inverseFunc?: TransformFunction | null;
  /** Accepted for compatibility. */
  checkInverse?: boolean;
}

type Fittable = BaseEstimator & {
  fit(X: ArrayInput, y?: TargetInput | null): unknown;
  predict?(X: ArrayInput): Tensor;
  transform?(X: ArrayInput): unknown;
  inverseTransform?(X: ArrayInput): unknown;
};

/**
 * Regression on a transformed target: `fit` trains on `func(y)`, `predict` returns
 * `inverseFunc(regressor.predict(X))`.
 *
 * @example
 * ```ts
 * const model = new sk.TransformedTargetRegressor({
 *   regressor: new sk.LinearRegression(), func: np.log, inverseFunc: np.exp,
 * });
 * ```
 */
export class TransformedTargetRegressor extends RegressorMixin {
  static defaults = {
    regressor: null as BaseEstimator | null,
    transformer: null as BaseEstimator | null,
    func: null as TransformFunction | null,
    inverseFunc: null as TransformFunction | null,
    checkInverse: true,
  };
  declare regressor: BaseEstimator | null;
  declare transformer: BaseEstimator | null;
  declare func: TransformFunction | null;
  declare inverseFunc: TransformFunction | null;
  declare checkInverse: boolean;
  /** The fitted regressor. */
  regressor_?: BaseEstimator;
  /** The fitted target transformer. */
  transformer_?: BaseEstimator;

  constructor(options: TransformedTargetRegressorOptions = {}) {
    super(options);
  }

  fit(X: ArrayInput, y: TargetInput): this {
    if (this.transformer && (this.func || this.inverseFunc))
      throw new ValueError("'transformer' and functions 'func'/'inverseFunc' cannot both be set.");
    const yt = checkTarget(y);
    const y2 = yt.ndim === 1 ? yt.reshape(-1, 1) : yt;
    const tr = (
      this.transformer
        ? clone(this.transformer)
        : new FunctionTransformer({ func: this.func, inverseFunc: this.inverseFunc, validate: true })
    ) as Fittable;
    tr.fit(y2);
    let ytr = tr.transform?.(y2) as Tensor;
    if (!(ytr instanceof Tensor)) ytr = checkTarget(ytr as TargetInput);
    if (yt.ndim === 1 && ytr.ndim === 2 && ytr.shape[1] === 1) ytr = ytr.reshape(-1);
    let reg: BaseEstimator | null = this.regressor;
    if (!reg) {
      const Lin = estimatorClass("LinearRegression");
      if (!Lin)
        throw new ValueError(
          "TransformedTargetRegressor needs a regressor: pass { regressor: new sk.LinearRegression() }",
        );
      reg = new Lin();
    }
    const r = clone(reg) as Fittable;
    r.fit(X, ytr);
    this.regressor_ = r;
    this.transformer_ = tr;
    return this;
  }

  /** Predictions mapped back through the inverse transform. */
  predict(X: ArrayInput): Tensor {
    checkIsFitted(this, "regressor_");
    const p = (this.regressor_ as Fittable).predict?.(X) as Tensor;
    const p2 = p.ndim === 1 ? p.reshape(-1, 1) : p;
    let out = (this.transformer_ as Fittable).inverseTransform?.(p2) as Tensor;
    if (!(out instanceof Tensor)) out = checkTarget(out as TargetInput);
    return p.ndim === 1 && out.ndim === 2 && out.shape[1] === 1 ? out.reshape(-1) : out;
  }
}
registerEstimator(TransformedTargetRegressor);
