/**
 * `LinearSVR`: linear support vector regression solved as liblinear does (dual coordinate
 * descent; the primal for the squared ε-insensitive loss with `dual: false`).
 */
import { ValueError } from "../../core/errors.js";
import type { Tensor } from "../../core/tensor.js";
import { checkIsFitted } from "../base/estimator.js";
import { InvalidParameterError } from "../base/errors.js";
import { RegressorMixin } from "../base/mixins.js";
import { registerEstimator } from "../base/registry.js";
import type { ArrayInput, TargetInput } from "../base/types.js";
import { asSampleWeight, asTarget, linearPredict, matrixOf, tensor } from "../internal/matrix.js";
import type { RandomStateLike } from "../internal/random.js";
import { dualCdSvr, primalSquaredLoss, sparseRows } from "./liblinear.js";
import { checkLinearOptions, chooseDual, liblinearBias, warnNotConverged } from "./linear-options.js";
import { SolverRandom, solverSeed } from "./newrand.js";
import type { SVMFitOptions } from "./svc.js";

/** Options of {@link LinearSVR}. */
export interface LinearSVROptions {
  /** Half-width of the tube inside which errors cost nothing (default 0). */
  epsilon?: number;
  /** Stopping tolerance (default 1e-4). */
  tol?: number;
  /** Inverse regularization strength (default 1). */
  C?: number;
  /** `"epsilon_insensitive"` (default) or `"squared_epsilon_insensitive"`. */
  loss?: "epsilon_insensitive" | "squared_epsilon_insensitive";
  fitIntercept?: boolean;
  /** Value of the constant feature that carries the intercept (default 1; it is regularized too). */
  interceptScaling?: number;
  /** Solve the dual (true, default), the primal (false; squared loss only), or pick ("auto"). */
  dual?: boolean | "auto";
  /** Accepted for scikit-learn compatibility. */
  verbose?: number;
  /** Seed of the coordinate order of the dual solver. */
  randomState?: RandomStateLike;
  /** Passes over the data at most (default 1000). */
  maxIter?: number;
}

/**
 * Linear support vector regressor.
 *
 * @example
 * ```ts
 * const svr = new sk.LinearSVR({ epsilon: 1.5, randomState: 42 }).fit(X, y);
 * svr.intercept_; svr.coef_;
 * ```
 */
export class LinearSVR extends RegressorMixin {
  static defaults: Record<string, unknown> = {
    epsilon: 0,
    tol: 1e-4,
    C: 1,
    loss: "epsilon_insensitive",
    fitIntercept: true,
    interceptScaling: 1,
    dual: true,
    verbose: 0,
    randomState: null,
    maxIter: 1000,
  };
  declare epsilon: number;
  declare tol: number;
  declare C: number;
  declare loss: "epsilon_insensitive" | "squared_epsilon_insensitive";
  declare fitIntercept: boolean;
  declare interceptScaling: number;
  declare dual: boolean | "auto";
  declare verbose: number;
  declare randomState: RandomStateLike;
  declare maxIter: number;
  /** Weights, (n_features,). */
  coef_?: Tensor;
  /** Intercept, (1,). */
  intercept_?: Tensor;
  /** Solver passes made. */
  nIter_?: number;

  constructor(options: LinearSVROptions = {}) {
    super(options);
  }

  /**
   * Fits the model; returns this.
   *
   * @example
   * ```ts
   * new sk.LinearSVR({ randomState: 42 }).fit(XtrainScaled, yTrain);
   * ```
   */
  fit(X: ArrayInput, y: TargetInput, options: SVMFitOptions = {}): this {
    checkLinearOptions("LinearSVR", this);
    if (this.loss !== "epsilon_insensitive" && this.loss !== "squared_epsilon_insensitive") {
      throw new InvalidParameterError(
        `The 'loss' parameter of LinearSVR must be a str among {'epsilon_insensitive', 'squared_epsilon_insensitive'}. Got '${String(this.loss)}' instead.`,
      );
    }
    if (!(typeof this.epsilon === "number" && this.epsilon >= 0)) {
      throw new InvalidParameterError(
        `The 'epsilon' parameter of LinearSVR must be a float in the range [0.0, inf). Got ${String(this.epsilon)} instead.`,
      );
    }
    const M = matrixOf(this.validateData(X, { reset: true }));
    const n = M.rows;
    const d = M.cols;
    const yt = asTarget(y, n, { estimator: "LinearSVR" });
    if (yt.cols !== 1) {
      throw new ValueError(`y should be a 1-D array, got an array of shape (${n}, ${yt.cols}) instead.`);
    }
    const squared = this.loss === "squared_epsilon_insensitive";
    const dual = chooseDual("LinearSVR", this.dual, squared, this.loss, n, d);
    const W = asSampleWeight(options.sampleWeight, n) ?? new Float64Array(n).fill(1);
    const C = W.map((w) => w * this.C);
    const bias = liblinearBias(this.fitIntercept, this.interceptScaling);
    const rng = new SolverRandom(solverSeed(this.randomState));
    const S = sparseRows(M.data, n, d, bias);
    let sol: { w: Float64Array; nIter: number };
    let converged: boolean;
    if (dual) {
      sol = dualCdSvr(S, yt.data, C, this.epsilon, !squared, this.tol, this.maxIter, rng);
      converged = sol.nIter < this.maxIter;
    } else {
      const r = primalSquaredLoss(S, yt.data, C, this.epsilon, this.tol, this.maxIter);
      sol = r;
      converged = r.converged;
    }
    if (!converged) warnNotConverged();
    this.coef_ = tensor(sol.w.slice(0, d), [d]);
    this.intercept_ = tensor(Float64Array.of(bias > 0 ? this.interceptScaling * sol.w[d] : 0), [1]);
    this.nIter_ = sol.nIter;
    return this;
  }

  /**
   * Predicted values X·coef_ + intercept_.
   *
   * @example
   * ```ts
   * svr.predict([[1.5]]);
   * ```
   */
  predict(X: ArrayInput): Tensor {
    checkIsFitted(this, "coef_");
    const M = matrixOf(this.validateData(X));
    const w = Float64Array.from((this.coef_ as Tensor).dataSync());
    const b = Float64Array.from((this.intercept_ as Tensor).dataSync());
    return tensor(linearPredict(M, w, 1, b), [M.rows]);
  }
}

registerEstimator(LinearSVR);
