/**
 * What every linear regressor shares once its coefficients are known: `coef_`/`intercept_` in
 * scikit-learn's shapes (1-D coef and a number intercept for a 1-D target, 2-D and a vector
 * otherwise) and `predict` as `X·coef_ᵀ + intercept_`; `score` (R²) comes from `RegressorMixin`.
 */
import type { Tensor } from "../../core/tensor.js";
import { checkIsFitted } from "../base/estimator.js";
import { RegressorMixin } from "../base/mixins.js";
import type { ArrayInput } from "../base/types.js";
import { linearPredict, matrixOf, tensor } from "../internal/matrix.js";

/** Learned linear coefficients in row-major k×d form (k targets, d features). */
export interface LinearFit {
  W: Float64Array;
  b: Float64Array;
  k: number;
  d: number;
  is1d: boolean;
}

/** Base of the linear regressors: stores a {@link LinearFit} and exposes it the scikit-learn way. */
export abstract class LinearRegressorBase extends RegressorMixin {
  /** Coefficients: `(n_features,)` for a 1-D target, `(n_targets, n_features)` otherwise. */
  coef_?: Tensor;
  /** Intercept: a number for a 1-D target, `(n_targets,)` otherwise (0 when not fitted). */
  intercept_?: number | Tensor;
  /** @internal The coefficients as the solvers left them (saved by `sk.dump`). */
  linear_?: LinearFit;

  protected setFit(f: LinearFit): void {
    this.linear_ = f;
    this.coef_ = f.is1d ? tensor(f.W.slice(0, f.d), [f.d]) : tensor(f.W.slice(), [f.k, f.d]);
    this.intercept_ = f.is1d ? f.b[0] : tensor(f.b.slice(), [f.k]);
  }

  /**
   * Predicted targets `X·coef_ᵀ + intercept_`.
   *
   * @example
   * ```ts
   * new sk.LinearRegression().fit([[0], [1], [2]], [1, 3, 5]).predict([[3]]); // array([7.])
   * ```
   */
  predict(X: ArrayInput): Tensor {
    checkIsFitted(this, "coef_");
    const f = this.linear_ as LinearFit;
    const M = matrixOf(this.validateData(X));
    const out = linearPredict(M, f.W, f.k, f.b);
    return tensor(out, f.is1d ? [M.rows] : [M.rows, f.k]);
  }
}
