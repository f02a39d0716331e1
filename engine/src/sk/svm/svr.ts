/**
 * `SVR`: ε-support vector regression with libsvm's SMO solver (2·n dual variables α, α*).
 */
import { ValueError } from "../../core/errors.js";
import type { Tensor } from "../../core/tensor.js";
import { checkIsFitted } from "../base/estimator.js";
import { InvalidParameterError } from "../base/errors.js";
import { RegressorMixin } from "../base/mixins.js";
import { registerEstimator } from "../base/registry.js";
import type { ArrayInput, TargetInput } from "../base/types.js";
import { asSampleWeight, asTarget, tensor } from "../internal/matrix.js";
import { warn } from "../internal/warn.js";
import { trainSvr } from "./libsvm.js";
import {
  KERNEL_DEFAULTS,
  checkKernelSettings,
  forSupportKernel,
  libsvmSettings,
  trainingData,
  type FittedKernel,
  type KernelFunction,
  type KernelOptions,
} from "./libsvm-options.js";
import type { KernelName } from "./kernels.js";
import { checkSupportInput, linearCoef, supportVectorsOf } from "./support.js";
import type { SVMFitOptions } from "./svc.js";

/** Options of {@link SVR}. */
export interface SVROptions extends KernelOptions {
  /** Half-width of the tube inside which errors cost nothing (default 0.1). */
  epsilon?: number;
}

/**
 * Epsilon-support vector regression.
 *
 * @example
 * ```ts
 * const svr = new sk.SVR({ kernel: "poly", degree: 2, C: 100, epsilon: 0.1 }).fit(X, y);
 * svr.predict([[0.5]]);
 * ```
 */
export class SVR extends RegressorMixin {
  static defaults: Record<string, unknown> = { ...KERNEL_DEFAULTS, epsilon: 0.1 };
  declare kernel: KernelName | KernelFunction;
  declare degree: number;
  declare gamma: "scale" | "auto" | number;
  declare coef0: number;
  declare tol: number;
  declare C: number;
  declare epsilon: number;
  declare shrinking: boolean;
  declare cacheSize: number;
  declare verbose: boolean;
  declare maxIter: number;

  /** Indices of the support vectors in the training data (ascending). */
  support_?: Tensor;
  /** The support vectors (nSV × n_features; empty for a precomputed kernel). */
  supportVectors_?: Tensor;
  /** Number of support vectors, as a one-element array. */
  nSupport_?: Tensor;
  /** Dual coefficients α − α*, (1, nSV). */
  dualCoef_?: Tensor;
  /** The intercept, (1,). */
  intercept_?: Tensor;
  /** 0 when the solver converged, 1 when it stopped at `maxIter`. */
  fitStatus_?: number;
  /** Solver iterations, (1,). */
  nIter_?: Tensor;
  /** Shape of the training X. */
  shapeFit_?: number[];
  /** The γ the kernel used (after "scale"/"auto"). */
  gamma_?: number;
  /** @internal The fitted kernel (for prediction). */
  kernel_?: FittedKernel;

  constructor(options: SVROptions = {}) {
    super(options);
  }

  /**
   * Fits the regressor; returns this.
   *
   * @example
   * ```ts
   * new sk.SVR({ kernel: "linear" }).fit(housingPrepared, housingLabels);
   * ```
   */
  fit(X: ArrayInput, y: TargetInput, options: SVMFitOptions = {}): this {
    checkKernelSettings("SVR", this);
    if (!(typeof this.epsilon === "number" && this.epsilon >= 0)) {
      throw new InvalidParameterError(
        `The 'epsilon' parameter of SVR must be a float in the range [0.0, inf). Got ${String(this.epsilon)} instead.`,
      );
    }
    const Xt = this.validateData(X, { reset: true });
    const n = Xt.shape[0];
    const yt = asTarget(y, n, { estimator: "SVR" });
    if (yt.cols !== 1) {
      throw new ValueError(
        `y should be a 1-D array, got an array of shape (${n}, ${yt.cols}) instead; SVR predicts one output (wrap it in a MultiOutputRegressor for several).`,
      );
    }
    const W = asSampleWeight(options.sampleWeight, n);
    const { data, kernel } = trainingData("SVR", this, Xt);
    const fit = trainSvr(data, yt.data, W, this.C, this.epsilon, libsvmSettings(this, kernel.params));
    if (fit.fitStatus === 1) {
      warn(
        `Solver terminated early (max_iter=${this.maxIter}).  Consider pre-processing your data with StandardScaler or MinMaxScaler.`,
        "ConvergenceWarning",
      );
    }
    const nSV = fit.support.length;
    this.support_ = tensor(Float64Array.from(fit.support), [nSV]).astype("int32");
    this.supportVectors_ = supportVectorsOf(kernel, data, fit.support);
    this.nSupport_ = tensor(Float64Array.of(nSV), [1]).astype("int32");
    this.dualCoef_ = tensor(fit.dualCoef, [1, nSV]);
    this.intercept_ = tensor(Float64Array.of(-fit.rho), [1]);
    this.fitStatus_ = fit.fitStatus;
    this.nIter_ = tensor(Float64Array.of(fit.nIter), [1]).astype("int32");
    this.shapeFit_ = [...Xt.shape];
    this.gamma_ = kernel.params.gamma;
    this.kernel_ = kernel;
    return this;
  }

  /**
   * Predicted values Σ (α − α*)·K(sv, x) + b.
   *
   * @example
   * ```ts
   * svr.predict(Xtest);
   * ```
   */
  predict(X: ArrayInput): Tensor {
    checkIsFitted(this, "support_");
    const kernel = this.kernel_ as FittedKernel;
    const Xt = checkSupportInput(this, "SVR", X, kernel, (x) => this.validateData(x));
    const n = Xt.shape[0];
    const nSV = (this.support_ as Tensor).size;
    const coef = Float64Array.from((this.dualCoef_ as Tensor).dataSync());
    const b = Number((this.intercept_ as Tensor).dataSync()[0]);
    const out = new Float64Array(n);
    forSupportKernel(
      kernel,
      Int32Array.from((this.support_ as Tensor).dataSync()),
      Float64Array.from((this.supportVectors_ as Tensor).dataSync()),
      Xt,
      typeof this.kernel === "function" ? this.kernel : null,
      (K, s, rows) => {
        for (let r = 0; r < rows; r++) {
          let sum = 0;
          for (let t = 0; t < nSV; t++) sum += coef[t] * K[r * nSV + t];
          out[s + r] = sum + b;
        }
      },
    );
    return tensor(out, [n]);
  }

  /** Primal weights (1, n_features) of the linear kernel; other kernels throw. */
  get coef_(): Tensor {
    checkIsFitted(this, "support_");
    return linearCoef(this.kernel, this.dualCoef_ as Tensor, this.supportVectors_ as Tensor, null);
  }
}

registerEstimator(SVR);
