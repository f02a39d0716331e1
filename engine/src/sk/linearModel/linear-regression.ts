/**
 * Ordinary least squares, scikit-learn's `LinearRegression`: centre the data, then solve
 * `min ‖Xw − y‖²` with the SVD-based least-squares solver (the pseudoinverse route of chapter 4).
 */
import type { Tensor } from "../../core/tensor.js";
import { lstsq } from "../../linalg/index.js";
import { registerEstimator } from "../base/registry.js";
import type { ArrayInput, TargetInput } from "../base/types.js";
import { asSampleWeight, asTarget, matrixOf, tensor, transpose } from "../internal/matrix.js";
import { centerData, interceptsFor, rescaleRows } from "./center.js";
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
    const M = matrixOf(this.validateData(X, { reset: true }));
    const Y = asTarget(y, M.rows, { estimator: "LinearRegression" });
    const w = asSampleWeight(sampleWeight as Tensor | null | undefined, M.rows);
    const off = centerData(M, Y, this.fitIntercept, w);
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
      // (about 1e11 for 16 512 rows) is solved exactly as before.
      const r = lstsq(
        { data: M.data, shape: [M.rows, M.cols] },
        { data: Y.data, shape: [Y.rows, Y.cols] },
        Number.EPSILON * Math.max(M.rows, M.cols),
      );
      W = transpose(r.x.data as Float64Array, M.cols, Y.cols);
      this.rank_ = r.rank;
      this.singular_ = tensor(Float64Array.from(r.s.data), [r.s.data.length]);
    }
    this.setFit({ W, b: interceptsFor(W, Y.cols, off), k: Y.cols, d: M.cols, is1d: Y.is1d });
    return this;
  }
}

registerEstimator(LinearRegression);
