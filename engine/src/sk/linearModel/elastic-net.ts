/**
 * `ElasticNet` and `Lasso`: least squares with an L1 (and L2) penalty, fitted by coordinate
 * descent on centred data. scikit-learn's objective scales the data term by 1/(2n):
 *
 *     1/(2n)·‖y − Xw‖² + α·ρ·‖w‖₁ + ½·α·(1−ρ)·‖w‖²        (ρ = l1Ratio)
 */
import { ValueError } from "../../core/errors.js";
import { toTensor } from "../../core/convert.js";
import type { Tensor } from "../../core/tensor.js";
import { registerEstimator } from "../base/registry.js";
import type { ArrayInput, TargetInput } from "../base/types.js";
import { asSampleWeight, asTarget, matrixOf } from "../internal/matrix.js";
import { checkRandomState, type RandomStateLike } from "../internal/random.js";
import { centerData, interceptsFor, rescaleRows } from "./center.js";
import { enetCoordinateDescent } from "./coordinate-descent.js";
import { LinearRegressorBase } from "./linear-base.js";
import { warn } from "../internal/warn.js";

/** Options of {@link ElasticNet}. */
export interface ElasticNetOptions {
  /** Penalty strength (default 1). */
  alpha?: number;
  /** Mix of L1 in the penalty, 0…1 (default 0.5). */
  l1Ratio?: number;
  fitIntercept?: boolean;
  /** Accepted for scikit-learn compatibility (the Gram matrix is never precomputed). */
  precompute?: boolean;
  /** Coordinate-descent sweeps at most (default 1000). */
  maxIter?: number;
  copyX?: boolean;
  /** Tolerance on the duality gap, relative to ‖y‖² (default 1e-4). */
  tol?: number;
  /** Start from the previous `coef_`. */
  warmStart?: boolean;
  /** Constrain coefficients to be ≥ 0. */
  positive?: boolean;
  /** Seed for `selection: "random"`. */
  randomState?: RandomStateLike;
  /** Visit features in order (`cyclic`, default) or at random. */
  selection?: "cyclic" | "random";
}

/** Options of {@link Lasso} (an elastic net with `l1Ratio` 1). */
export type LassoOptions = Omit<ElasticNetOptions, "l1Ratio">;

/**
 * Linear regression with a combined L1 and L2 penalty.
 *
 * @example
 * ```ts
 * new sk.ElasticNet({ alpha: 0.1, l1Ratio: 0.5 }).fit(X, y).predict([[1.5]]); // array([1.54333232])
 * ```
 */
export class ElasticNet extends LinearRegressorBase {
  static defaults: Record<string, unknown> = {
    alpha: 1,
    l1Ratio: 0.5,
    fitIntercept: true,
    precompute: false,
    maxIter: 1000,
    copyX: true,
    tol: 1e-4,
    warmStart: false,
    positive: false,
    randomState: null,
    selection: "cyclic",
  };
  declare alpha: number;
  declare l1Ratio: number;
  declare fitIntercept: boolean;
  declare precompute: boolean;
  declare maxIter: number;
  declare copyX: boolean;
  declare tol: number;
  declare warmStart: boolean;
  declare positive: boolean;
  declare randomState: RandomStateLike;
  declare selection: "cyclic" | "random";
  /** Sweeps run (a number for one target, one per target otherwise). */
  nIter_?: number | Tensor;
  /** Duality gap at the end, divided by n_samples (per target for 2-D y). */
  dualGap_?: number | Tensor;

  constructor(options: ElasticNetOptions = {}) {
    super(options);
  }

  /** The L1 share of the penalty (Lasso fixes it at 1). */
  protected mix(): number {
    return this.l1Ratio;
  }

  /** Fits the coefficients; returns this. */
  fit(X: ArrayInput, y: TargetInput, sampleWeight?: ArrayInput | null): this {
    const rho = this.mix();
    if (!(this.alpha >= 0)) throw new ValueError(`alpha must be ≥ 0; got ${this.alpha}.`);
    if (!(rho >= 0 && rho <= 1)) throw new ValueError(`l1Ratio must be in [0, 1]; got ${rho}.`);
    if (this.selection !== "cyclic" && this.selection !== "random") {
      throw new ValueError(
        `selection should be either 'random' or 'cyclic'; got '${String(this.selection)}'.`,
      );
    }
    const M = matrixOf(this.validateData(X, { reset: true }));
    const Y = asTarget(y, M.rows, { estimator: this.constructor.name });
    let w = asSampleWeight(sampleWeight as Tensor | null | undefined, M.rows);
    const { rows: n, cols: d } = M;
    if (w) {
      // scikit-learn rescales weights to sum to n_samples, so alpha keeps its meaning.
      let s = 0;
      for (const v of w) s += v;
      w = w.map((v) => (v * n) / s);
    }
    const off = centerData(M, Y, this.fitIntercept, w);
    if (w) rescaleRows(M, Y, w);
    const Xc = new Float64Array(n * d);
    for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) Xc[j * n + i] = M.data[i * d + j];
    const l1 = this.alpha * rho * n;
    const l2 = this.alpha * (1 - rho) * n;
    const rng = this.selection === "random" ? checkRandomState(this.randomState) : null;
    const prevW =
      this.warmStart && this.linear_ && this.linear_.d === d && this.linear_.k === Y.cols
        ? this.linear_.W
        : null;
    const W = new Float64Array(Y.cols * d);
    const iters: number[] = [];
    const gaps: number[] = [];
    for (let t = 0; t < Y.cols; t++) {
      const yt = new Float64Array(n);
      for (let i = 0; i < n; i++) yt[i] = Y.data[i * Y.cols + t];
      const coef = prevW ? prevW.slice(t * d, (t + 1) * d) : new Float64Array(d);
      const r = enetCoordinateDescent(
        {
          Xc,
          n,
          d,
          y: yt,
          l1,
          l2,
          maxIter: this.maxIter,
          tol: this.tol,
          positive: this.positive,
          randomSeed: rng ? rng.randint(0, 0x7fffffff) : null,
        },
        coef,
      );
      if (r.gap > r.tolScaled) {
        warn(
          `Objective did not converge. You might want to increase the number of iterations (maxIter), check the scale of the features or consider increasing regularisation. Duality gap: ${r.gap.toExponential(3)}, tolerance: ${r.tolScaled.toExponential(3)}`,
          "ConvergenceWarning",
        );
      }
      W.set(r.w, t * d);
      iters.push(r.nIter);
      gaps.push(r.gap / n);
    }
    this.setFit({ W, b: interceptsFor(W, Y.cols, off), k: Y.cols, d, is1d: Y.is1d });
    this.nIter_ = Y.cols === 1 ? iters[0] : toTensor(iters, { dtype: "int32" });
    this.dualGap_ = Y.cols === 1 ? gaps[0] : toTensor(gaps, { dtype: "float64" });
    return this;
  }
}

/**
 * Linear regression with an L1 penalty: many coefficients become exactly zero.
 *
 * @example
 * ```ts
 * new sk.Lasso({ alpha: 0.1 }).fit(X, y).predict([[1.5]]); // array([1.53788174])
 * ```
 */
export class Lasso extends ElasticNet {
  static override defaults: Record<string, unknown> = Object.fromEntries(
    Object.entries(ElasticNet.defaults).filter(([k]) => k !== "l1Ratio"),
  );

  constructor(options: LassoOptions = {}) {
    super(options);
  }

  protected override mix(): number {
    return 1;
  }
}

registerEstimator(ElasticNet);
registerEstimator(Lasso);
