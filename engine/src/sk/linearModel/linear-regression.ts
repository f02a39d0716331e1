/**
 * Ordinary least squares, scikit-learn's `LinearRegression`: centre the data, then solve
 * `min ‖Xw − y‖²` with the SVD-based least-squares solver (the pseudoinverse route of chapter 4).
 */
import type { Tensor } from "../../core/tensor.js";
import { lstsqInPlace } from "../../linalg/index.js";
import { registerEstimator } from "../base/registry.js";
import type { ArrayInput, TargetInput } from "../base/types.js";
import { featureNamesOf } from "../base/validation.js";
import { asSampleWeight, asTarget, tensor, transpose } from "../internal/matrix.js";
import { centerCopy, interceptsFor, rescaleRows, scanColumns } from "./center.js";
import { LinearRegressorBase } from "./linear-base.js";
import { nnlsColumns } from "./nnls.js";

/** Options of {@link LinearRegression}. */
export interface LinearRegressionOptions {
  /** Fit an intercept (default true); false means the data are expected to be centred. */
  fitIntercept?: boolean;
  /** Accepted for scikit-learn compatibility; inputs are always copied. */
  copyX?: boolean;
  /** Accepted for scikit-learn compatibility (one thread). */
  nJobs?: number | null;
  /** Constrain the coefficients to be ≥ 0 (non-negative least squares). */
  positive?: boolean;
}

/**
 * Linear regression by ordinary least squares.
 *
 * @example
 * ```ts
 * const lin = new sk.LinearRegression().fit(X, y);
 * lin.intercept_; // array([4.21509616])
 * lin.coef_;      // array([[2.77011339]])
 * ```
 */
export class LinearRegression extends LinearRegressorBase {
  static defaults = { fitIntercept: true, copyX: true, nJobs: null, positive: false };
  declare fitIntercept: boolean;
  declare copyX: boolean;
  declare nJobs: number | null;
  declare positive: boolean;
  /** Rank of the (centred) X. */
  rank_?: number;
  /** Singular values of the (centred) X. */
  singular_?: Tensor;

  constructor(options: LinearRegressionOptions = {}) {
    super(options);
  }

  /** Fits the coefficients; returns this. `sampleWeight` gives weighted least squares. */
  fit(X: ArrayInput, y: TargetInput, sampleWeight?: ArrayInput | null): this {
    // The NaN/∞ check rides along with the column sums: one pass over X (then one to copy it centred).
    const t = this.validateData(X, { reset: true, deferFiniteCheck: true });
    const sums = scanColumns(t, { estimator: this.constructor.name, names: featureNamesOf(X) });
    const Y = asTarget(y, t.shape[0], { estimator: "LinearRegression" });
    const w = asSampleWeight(sampleWeight as Tensor | null | undefined, t.shape[0]);
    const { M, off } = centerCopy(t, sums, Y, this.fitIntercept, w);
    if (w) rescaleRows(M, Y, w);
    let W: Float64Array;
    if (this.positive) {
      W = nnlsColumns(M, Y);
      this.rank_ = undefined;
      this.singular_ = undefined;
    } else {
      // Singular values below eps · max(n, d) · s_max count as zero (NumPy's numerical rank).
      // scikit-learn passes gelsd's eps · s_max, which sits at the rounding noise of an exactly
      // collinear X (a one-hot category beside the intercept): depending on the last bits the
      // noise value is dropped (the minimum-norm fit) or inverted (coefficients ~1e12). The wider
      // cut-off always drops it; full-rank X with a condition number below 1/(eps · max(n, d))
      // (about 1e11 for 16 512 rows) is solved exactly as before. M and Y are this fit's own
      // checked copies, so the solver may overwrite them.
      const r = lstsqInPlace(M.rows, M.cols, Y.cols, M.data, Y.data, null);
      W = transpose(r.x, M.cols, Y.cols);
      this.rank_ = r.rank;
      this.singular_ = tensor(Float64Array.from(r.s), [r.s.length]);
    }
    this.setFit({ W, b: interceptsFor(W, Y.cols, off), k: Y.cols, d: M.cols, is1d: Y.is1d });
    return this;
  }
}

registerEstimator(LinearRegression);
