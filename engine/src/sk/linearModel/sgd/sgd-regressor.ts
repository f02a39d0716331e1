/**
 * `SGDRegressor`: a linear model fitted by stochastic gradient descent on a regression loss
 * (squared error by default) with an L2, L1 or elastic-net penalty.
 */
import { ValueError } from "../../../core/errors.js";
import type { Tensor, TensorLike } from "../../../core/tensor.js";
import { checkIsFitted } from "../../base/estimator.js";
import { RegressorMixin } from "../../base/mixins.js";
import { registerEstimator } from "../../base/registry.js";
import type { ArrayInput, TargetInput } from "../../base/types.js";
import {
  asSampleWeight,
  asTarget,
  asVector,
  linearPredict,
  matrixOf,
  matrixView,
  tensor,
} from "../../internal/matrix.js";
import { checkRandomState, MAX_INT } from "../../internal/random.js";
import { validationMask } from "../../internal/split.js";
import { warn } from "../../internal/warn.js";
import { makeLoss, REGRESSION_LOSSES, type RegressionLoss } from "./losses.js";
import { plainSgd } from "./plain-sgd.js";
import {
  averageStart,
  SGD_DEFAULTS,
  penaltyCode,
  scheduleCode,
  validateSgd,
  type BaseSgdOptions,
  type LearningRate,
  type SgdParams,
  type SgdPenalty,
} from "./sgd-base.js";

/** Options of {@link SGDRegressor}. */
export interface SGDRegressorOptions extends BaseSgdOptions {
  /** Default `squared_error`. */
  loss?: RegressionLoss;
  /** Default `invscaling` (eta0 / t^powerT). */
  learningRate?: LearningRate;
}

/** Starting point of `fit` (scikit-learn's `coef_init`, `intercept_init`, `sample_weight`). */
export interface SGDFitOptions {
  coefInit?: TensorLike;
  interceptInit?: TensorLike;
  sampleWeight?: TensorLike | null;
}

/**
 * Linear regression by stochastic gradient descent.
 *
 * @example
 * ```ts
 * const sgd = new sk.SGDRegressor({ maxIter: 1000, tol: 1e-3, penalty: null, eta0: 0.1, randomState: 42 });
 * sgd.fit(X, y.ravel());
 * sgd.intercept_; // array([4.24365286])
 * ```
 */
export class SGDRegressor extends RegressorMixin implements SgdParams {
  static defaults = {
    ...SGD_DEFAULTS,
    loss: "squared_error",
    learningRate: "invscaling",
    eta0: 0.01,
    powerT: 0.25,
  };
  declare loss: RegressionLoss;
  declare penalty: SgdPenalty;
  declare alpha: number;
  declare l1Ratio: number;
  declare fitIntercept: boolean;
  declare maxIter: number;
  declare tol: number | null;
  declare shuffle: boolean;
  declare verbose: number;
  declare epsilon: number;
  declare randomState: SgdParams["randomState"];
  declare learningRate: LearningRate;
  declare eta0: number;
  declare powerT: number;
  declare earlyStopping: boolean;
  declare validationFraction: number;
  declare nIterNoChange: number;
  declare warmStart: boolean;
  declare average: boolean | number;
  /** Coefficients `(n_features,)`. */
  coef_?: Tensor;
  /** Intercept `(1,)`. */
  intercept_?: Tensor;
  /** Epochs run by the last `fit`/`partialFit`. */
  nIter_?: number;
  /** Weight updates done so far plus one (the schedules' step counter). */
  t_?: number;
  /** @internal Plain and averaged weights (saved by `sk.dump`). */
  sgd_?: { coef: Float64Array; intercept: number; avg: Float64Array | null; avgIntercept: number };
  /** @internal The weights `predict` uses. */
  shown_?: { coef: Float64Array; intercept: number };

  constructor(options: SGDRegressorOptions = {}) {
    super(options);
  }

  /** Fits for up to `maxIter` epochs (from the previous solution with `warmStart`); returns this. */
  fit(X: ArrayInput, y: TargetInput, options: SGDFitOptions = {}): this {
    validateSgd(this, false);
    let coefInit: Float64Array | undefined;
    let interceptInit: number | undefined;
    if (options.coefInit !== undefined) coefInit = asVector(options.coefInit);
    if (this.warmStart && this.sgd_) {
      coefInit ??= this.sgd_.coef.slice();
      interceptInit = this.sgd_.intercept;
    } else {
      this.sgd_ = undefined;
    }
    if (options.interceptInit !== undefined) {
      interceptInit =
        typeof options.interceptInit === "number"
          ? options.interceptInit
          : asVector(options.interceptInit)[0];
    }
    this.t_ = 1;
    this.partial(X, y, this.maxIter, options.sampleWeight, coefInit, interceptInit);
    if (this.tol !== null && this.tol > -Infinity && this.nIter_ === this.maxIter) {
      warn(
        "Maximum number of iteration reached before convergence. Consider increasing max_iter to improve the fit.",
        "ConvergenceWarning",
      );
    }
    return this;
  }

  /** One epoch over the given batch, continuing from the current state; returns this. */
  partialFit(X: ArrayInput, y: TargetInput, sampleWeight?: TensorLike | null): this {
    if (!this.sgd_) validateSgd(this, true);
    return this.partial(X, y, 1, sampleWeight);
  }

  private partial(
    X: ArrayInput,
    y: TargetInput,
    maxIter: number,
    sampleWeight: TensorLike | null | undefined,
    coefInit?: Float64Array,
    interceptInit?: number,
  ): this {
    // SGD only reads X: its validated storage is used as it is.
    const M = matrixView(this.validateData(X, { reset: !this.sgd_ || coefInit !== undefined }));
    const Y = asTarget(y, M.rows, { estimator: "SGDRegressor", multiOutput: false });
    if (Y.cols !== 1)
      throw new ValueError("SGDRegressor takes a 1-D y; fit one regressor per target for several targets.");
    const n = M.rows;
    const sw = asSampleWeight(sampleWeight, n) ?? new Float64Array(n).fill(1);
    const avgStart = averageStart(this.average);
    if (!this.sgd_ || coefInit) {
      const coef = coefInit ? Float64Array.from(coefInit) : new Float64Array(M.cols);
      if (coef.length !== M.cols) throw new ValueError("Provided coef_init does not match dataset.");
      this.sgd_ = {
        coef,
        intercept: interceptInit ?? 0,
        avg: avgStart > 0 ? new Float64Array(M.cols) : null,
        avgIntercept: 0,
      };
    } else if (this.sgd_.coef.length !== M.cols) {
      throw new ValueError(
        `Number of features ${M.cols} does not match previous data ${this.sgd_.coef.length}.`,
      );
    }
    this.t_ ??= 1;
    const mask = this.earlyStopping
      ? validationMask(n, this.validationFraction, this.randomState)
      : new Uint8Array(n);
    const rs = checkRandomState(this.randomState);
    const seed = rs.randint(0, MAX_INT);
    rs.randint(1, MAX_INT); // the dataset's own seed, drawn by scikit-learn and unused by plain SGD
    const st = this.sgd_;
    const r = plainSgd({
      X: M.data,
      nSamples: n,
      nFeatures: M.cols,
      y: Y.data,
      sampleWeight: sw,
      coef: st.coef,
      intercept: st.intercept,
      avgCoef: st.avg,
      avgIntercept: st.avgIntercept,
      loss: makeLoss(this.loss, this.epsilon, REGRESSION_LOSSES),
      penalty: penaltyCode(this.penalty),
      alpha: this.alpha,
      l1Ratio: this.l1Ratio,
      validationMask: mask,
      earlyStopping: this.earlyStopping,
      validationScore: this.earlyStopping ? scorer(M.data, M.cols, Y.data, sw, mask) : null,
      nIterNoChange: this.nIterNoChange,
      maxIter,
      tol: this.tol ?? -Infinity,
      fitIntercept: this.fitIntercept,
      shuffle: this.shuffle,
      seed,
      weightPos: 1,
      weightNeg: 1,
      schedule: scheduleCode(this.learningRate),
      eta0: this.eta0,
      powerT: this.powerT,
      t: this.t_,
      intercept_decay: 1,
      average: avgStart,
    });
    st.intercept = r.intercept;
    st.avgIntercept = r.avgIntercept;
    this.nIter_ = r.nIter;
    this.t_ += r.nIter * n;
    const useAvg = avgStart > 0 && avgStart <= this.t_ - 1;
    this.shown_ = useAvg
      ? { coef: st.avg as Float64Array, intercept: st.avgIntercept }
      : { coef: st.coef, intercept: st.intercept };
    this.coef_ = tensor(this.shown_.coef.slice(), [M.cols]);
    this.intercept_ = tensor(new Float64Array([this.shown_.intercept]), [1]);
    return this;
  }

  /**
   * Predicted targets `X·coef_ + intercept_`.
   *
   * @example
   * ```ts
   * sgd.predict([[1.5]]);
   * ```
   */
  predict(X: ArrayInput): Tensor {
    checkIsFitted(this, "coef_");
    const s = this.shown_ as { coef: Float64Array; intercept: number };
    const M = matrixOf(this.validateData(X));
    return tensor(linearPredict(M, s.coef, 1, new Float64Array([s.intercept])), [M.rows]);
  }
}

registerEstimator(SGDRegressor);

// R² on the validation rows for the current (raw) weights.
function scorer(
  X: Float64Array,
  d: number,
  y: Float64Array,
  sw: Float64Array,
  mask: Uint8Array,
): (coef: Float64Array, intercept: number) => number {
  const rows: number[] = [];
  mask.forEach((m, i) => m && rows.push(i));
  return (coef, intercept) => {
    let swSum = 0;
    let mean = 0;
    for (const i of rows) {
      swSum += sw[i];
      mean += sw[i] * y[i];
    }
    mean /= swSum;
    let res = 0;
    let tot = 0;
    for (const i of rows) {
      let p = intercept;
      for (let j = 0; j < d; j++) p += X[i * d + j] * coef[j];
      res += sw[i] * (y[i] - p) ** 2;
      tot += sw[i] * (y[i] - mean) ** 2;
    }
    return tot !== 0 ? 1 - res / tot : res === 0 ? 1 : 0;
  };
}
