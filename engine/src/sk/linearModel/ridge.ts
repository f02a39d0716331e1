/**
 * Ridge regression, scikit-learn's `Ridge`: least squares plus `alpha·‖w‖²`, solved on centred
 * data by Cholesky (the default), SVD or SAG.
 */
import { ValueError } from "../../core/errors.js";
import { toTensor } from "../../core/convert.js";
import { Tensor } from "../../core/tensor.js";
import { LinAlgError } from "../../linalg/index.js";
import { registerEstimator } from "../base/registry.js";
import type { ArrayInput, TargetInput } from "../base/types.js";
import { featureNamesOf } from "../base/validation.js";
import { asSampleWeight, asTarget } from "../internal/matrix.js";
import { checkRandomState, MAX_INT, type RandomStateLike } from "../internal/random.js";
import { centerCopy, interceptsFor, rescaleRows, scanColumns } from "./center.js";
import { LinearRegressorBase } from "./linear-base.js";
import { ridgeCholesky, ridgeSvd } from "./ridge-solvers.js";
import { sagSquared } from "./sag.js";

/** Ridge solvers offered (scikit-learn's names). */
export type RidgeSolver = "auto" | "cholesky" | "svd" | "sag";

/** Options of {@link Ridge}. */
export interface RidgeOptions {
  /** Regularisation strength (≥ 0), or one per target (default 1). */
  alpha?: number | readonly number[] | Tensor;
  fitIntercept?: boolean;
  copyX?: boolean;
  /** Iterations of the iterative solver (`sag`: 1000 when null). */
  maxIter?: number | null;
  /** Relative change of the weights under which `sag` stops (default 1e-4). */
  tol?: number;
  solver?: RidgeSolver;
  positive?: boolean;
  /** Seed of the `sag` sampling. */
  randomState?: RandomStateLike;
}

/**
 * Linear least squares with L2 regularisation.
 *
 * @example
 * ```ts
 * const ridge = new sk.Ridge({ alpha: 1, solver: "cholesky" }).fit(X, y);
 * ridge.predict([[1.5]]); // array([1.55071465])
 * ```
 */
export class Ridge extends LinearRegressorBase {
  static defaults = {
    alpha: 1,
    fitIntercept: true,
    copyX: true,
    maxIter: null,
    tol: 1e-4,
    solver: "auto",
    positive: false,
    randomState: null,
  };
  declare alpha: number | readonly number[] | Tensor;
  declare fitIntercept: boolean;
  declare copyX: boolean;
  declare maxIter: number | null;
  declare tol: number;
  declare solver: RidgeSolver;
  declare positive: boolean;
  declare randomState: RandomStateLike;
  /** Epochs run by `sag` per target (null for the direct solvers). */
  nIter_?: Tensor | null;
  /** The solver that ran (scikit-learn 1.2 picks `cholesky` for `auto` on dense data). */
  solver_?: string;

  constructor(options: RidgeOptions = {}) {
    super(options);
  }

  /** Fits the coefficients; returns this. */
  fit(X: ArrayInput, y: TargetInput, sampleWeight?: ArrayInput | null): this {
    const solvers: readonly string[] = ["auto", "cholesky", "svd", "sag"];
    if (!solvers.includes(this.solver)) {
      throw new ValueError(
        `Ridge solver must be one of ${solvers.map((s) => `'${s}'`).join(", ")}; got '${this.solver}'.`,
      );
    }
    if (this.positive) {
      throw new ValueError(
        "Ridge(positive=true) needs the 'lbfgs' solver, which Tensorbook does not offer; use Lasso({ positive: true }) or LinearRegression({ positive: true }).",
      );
    }
    // The NaN/∞ check rides along with the column sums: one pass over X (then one to copy it centred).
    const t = this.validateData(X, { reset: true, deferFiniteCheck: true });
    const sums = scanColumns(t, { estimator: this.constructor.name, names: featureNamesOf(X) });
    const Y = asTarget(y, t.shape[0], { estimator: "Ridge" });
    const w = asSampleWeight(sampleWeight as Tensor | null | undefined, t.shape[0]);
    const alphas = this.alphaPerTarget(Y.cols);
    const { M, off } = centerCopy(t, sums, Y, this.fitIntercept, w);
    let solver = this.solver === "auto" ? "cholesky" : this.solver;
    let W: Float64Array;
    this.nIter_ = null;
    if (solver === "sag") {
      const rs = checkRandomState(this.randomState);
      const maxIter = this.maxIter ?? 1000;
      W = new Float64Array(Y.cols * M.cols);
      const iters: number[] = [];
      for (let t = 0; t < Y.cols; t++) {
        const yt = new Float64Array(M.rows);
        for (let i = 0; i < M.rows; i++) yt[i] = Y.data[i * Y.cols + t];
        // make_dataset draws the seed from check_random_state(random_state) afresh per target.
        const seed = (typeof this.randomState === "number" ? checkRandomState(this.randomState) : rs).randint(
          1,
          MAX_INT,
        );
        const r = sagSquared(M, yt, { alpha: alphas[t], tol: this.tol, maxIter, seed, sampleWeight: w });
        W.set(r.w, t * M.cols);
        iters.push(r.nIter);
      }
      this.nIter_ = toTensor(iters, { dtype: "int32" });
    } else {
      if (w) rescaleRows(M, Y, w);
      if (solver === "cholesky") {
        try {
          W = ridgeCholesky(M, Y, alphas);
        } catch (e) {
          // As scikit-learn: a singular system falls back to the SVD solver.
          if (!(e instanceof LinAlgError)) throw e;
          solver = "svd";
          W = ridgeSvd(M, Y, alphas);
        }
      } else {
        W = ridgeSvd(M, Y, alphas);
      }
    }
    this.solver_ = solver;
    this.setFit({ W, b: interceptsFor(W, Y.cols, off), k: Y.cols, d: M.cols, is1d: Y.is1d });
    if (!this.fitIntercept) this.intercept_ = Y.is1d ? 0 : this.intercept_;
    return this;
  }

  private alphaPerTarget(k: number): Float64Array {
    const a = this.alpha;
    const list = typeof a === "number" ? [a] : a instanceof Tensor ? Array.from(a.dataSync()) : Array.from(a);
    if (list.some((v) => !(v >= 0))) throw new ValueError(`alpha must be ≥ 0; got ${list.join(", ")}.`);
    if (list.length === 1) return new Float64Array(k).fill(list[0]);
    if (list.length !== k) {
      throw new ValueError(
        `Number of targets and number of penalties do not correspond: ${k} != ${list.length}`,
      );
    }
    return Float64Array.from(list);
  }
}

registerEstimator(Ridge);
