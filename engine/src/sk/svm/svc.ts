/**
 * `SVC`: C-support vector classification with libsvm's SMO solver, one-vs-one for more than two
 * classes, attributes laid out as scikit-learn's.
 */
import { ValueError } from "../../core/errors.js";
import type { Tensor, TensorLike } from "../../core/tensor.js";
import { checkIsFitted } from "../base/estimator.js";
import { InvalidParameterError, NotFittedError } from "../base/errors.js";
import { ClassifierMixin } from "../base/mixins.js";
import { registerEstimator } from "../base/registry.js";
import type { ArrayInput, Labels, TargetInput } from "../base/types.js";
import { classWeightVector, type ClassWeightOption } from "../internal/class-weight.js";
import { decodeLabels, encodeTarget, labelValues } from "../internal/labels.js";
import { asSampleWeight, tensor } from "../internal/matrix.js";
import type { RandomStateLike } from "../internal/random.js";
import { warn } from "../internal/warn.js";
import { ovrDecisionFunction } from "../multiclass/ovr-decision.js";
import { trainSvc } from "./libsvm.js";
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
import { SolverRandom, solverSeed } from "./newrand.js";
import { probabilitiesFromDecisions } from "./platt.js";
import { checkSupportInput, linearCoef, supportVectorsOf } from "./support.js";

/** Options of {@link SVC}. */
export interface SVCOptions extends KernelOptions {
  /** Fit Platt-scaled probabilities by internal 5-fold cross-validation (slower fit). */
  probability?: boolean;
  /** null, `"balanced"`, or a weight per label multiplying C for that class. */
  classWeight?: ClassWeightOption;
  /** `"ovr"` (default: k columns from the one-vs-one votes) or `"ovo"` (one column per pair). */
  decisionFunctionShape?: "ovr" | "ovo";
  /** Predict the arg-max of the `"ovr"` decision function instead of the plain vote (k > 2). */
  breakTies?: boolean;
  /** Seed of the probability folds. */
  randomState?: RandomStateLike;
}

/** Options of `fit`. */
export interface SVMFitOptions {
  /** Per-sample weights: each sample's C is multiplied by its weight; weights ≤ 0 drop it. */
  sampleWeight?: TensorLike | null;
}

/**
 * C-support vector classifier (libsvm's SMO with second-order working-set selection, shrinking
 * and a kernel cache).
 *
 * @example
 * ```ts
 * const svm = new sk.SVC({ kernel: "poly", degree: 3, coef0: 1, C: 5 }).fit(X, y);
 * svm.predict([[5.3, 1.3]]);
 * svm.decisionFunction(X.get(":3"));
 * svm.supportVectors_; // the support vectors, grouped by class
 * ```
 */
export class SVC extends ClassifierMixin {
  static defaults: Record<string, unknown> = {
    ...KERNEL_DEFAULTS,
    probability: false,
    classWeight: null,
    decisionFunctionShape: "ovr",
    breakTies: false,
    randomState: null,
  };
  declare kernel: KernelName | KernelFunction;
  declare degree: number;
  declare gamma: "scale" | "auto" | number;
  declare coef0: number;
  declare tol: number;
  declare C: number;
  declare shrinking: boolean;
  declare cacheSize: number;
  declare verbose: boolean;
  declare maxIter: number;
  declare probability: boolean;
  declare classWeight: ClassWeightOption;
  declare decisionFunctionShape: "ovr" | "ovo";
  declare breakTies: boolean;
  declare randomState: RandomStateLike;

  /** The class labels, sorted. */
  classes_?: Labels;
  /** Indices of the support vectors in the training data, grouped by class. */
  support_?: Tensor;
  /** The support vectors (nSV × n_features; empty for a precomputed kernel). */
  supportVectors_?: Tensor;
  /** Number of support vectors of each class. */
  nSupport_?: Tensor;
  /** Dual coefficients y·α, (n_classes − 1) × nSV, in libsvm's one-vs-one layout. */
  dualCoef_?: Tensor;
  /** Intercepts of the n_classes·(n_classes − 1)/2 pairwise decision functions. */
  intercept_?: Tensor;
  /** Platt's A of each pair (with `probability`). */
  probA_?: Tensor;
  /** Platt's B of each pair (with `probability`). */
  probB_?: Tensor;
  /** 0 when the solver converged, 1 when it stopped at `maxIter`. */
  fitStatus_?: number;
  /** Solver iterations of each pair. */
  nIter_?: Tensor;
  /** Shape of the training X. */
  shapeFit_?: number[];
  /** The γ the kernel used (after "scale"/"auto"). */
  gamma_?: number;
  /** @internal The fitted kernel (for prediction). */
  kernel_?: FittedKernel;

  constructor(options: SVCOptions = {}) {
    super(options);
  }

  /**
   * Fits the classifier; returns this.
   *
   * @example
   * ```ts
   * new sk.SVC({ kernel: "linear", C: 1 }).fit(Xpetal, yVirginica, { sampleWeight: w });
   * ```
   */
  fit(X: ArrayInput, y: TargetInput, options: SVMFitOptions = {}): this {
    checkKernelSettings("SVC", this);
    if (this.decisionFunctionShape !== "ovr" && this.decisionFunctionShape !== "ovo") {
      throw new InvalidParameterError(
        `The 'decision_function_shape' parameter of SVC must be a str among {'ovo', 'ovr'}. Got '${String(this.decisionFunctionShape)}' instead.`,
      );
    }
    const Xt = this.validateData(X, { reset: true });
    const n = Xt.shape[0];
    const { classes, codes } = encodeTarget(y, n);
    const k = labelValues(classes).length;
    if (k < 2) {
      throw new ValueError(
        `The number of classes has to be greater than one; got ${k} class (${String(labelValues(classes)[0])}). SVC needs samples of at least two classes.`,
      );
    }
    const W = asSampleWeight(options.sampleWeight, n);
    const cw = classWeightVector(this.classWeight, classes, codes);
    const { data, kernel } = trainingData("SVC", this, Xt);
    const weightedC = cw.map((w) => w * this.C);
    const seed = solverSeed(this.randomState); // drawn in any case, as scikit-learn does
    const rng = this.probability ? new SolverRandom(seed) : null;
    const fit = trainSvc(data, codes, k, W, weightedC, libsvmSettings(this, kernel.params), rng);
    if (fit.fitStatus === 1) {
      warn(
        `Solver terminated early (max_iter=${this.maxIter}).  Consider pre-processing your data with StandardScaler or MinMaxScaler.`,
        "ConvergenceWarning",
      );
    }
    const nSV = fit.support.length;
    const binary = k === 2;
    // scikit-learn flips the binary model so that positive decisions mean classes_[1].
    const dual = binary ? fit.dualCoef.map((v) => -v) : fit.dualCoef;
    const intercept = binary ? Float64Array.from(fit.rho) : fit.rho.map((r) => -r);
    this.classes_ = classes;
    this.support_ = tensor(Float64Array.from(fit.support), [nSV]).astype("int32");
    this.supportVectors_ = supportVectorsOf(kernel, data, fit.support);
    this.nSupport_ = tensor(Float64Array.from(fit.nSupport), [k]).astype("int32");
    this.dualCoef_ = tensor(dual, [k - 1, nSV]);
    this.intercept_ = tensor(intercept, [intercept.length]);
    this.fitStatus_ = fit.fitStatus;
    this.nIter_ = tensor(Float64Array.from(fit.nIter), [fit.nIter.length]).astype("int32");
    this.shapeFit_ = [...Xt.shape];
    this.gamma_ = kernel.params.gamma;
    this.kernel_ = kernel;
    if (fit.probA && fit.probB) {
      this.probA_ = tensor(fit.probA, [fit.probA.length]);
      this.probB_ = tensor(fit.probB, [fit.probB.length]);
    } else {
      delete this.probA_;
      delete this.probB_;
    }
    return this;
  }

  /** Number of classes. */
  private get k(): number {
    return labelValues(this.classes_ as Labels).length;
  }

  /** libsvm's pairwise decision values (positive favours the first class of the pair), n × pairs. */
  private pairwise(X: ArrayInput): { dec: Float64Array; n: number; P: number } {
    checkIsFitted(this, "support_");
    const kernel = this.kernel_ as FittedKernel;
    const Xt = checkSupportInput(this, "SVC", X, kernel, (x) => this.validateData(x));
    const k = this.k;
    const P = (k * (k - 1)) / 2;
    const nSupport = (this.nSupport_ as Tensor).dataSync();
    const nSV = (this.support_ as Tensor).size;
    const start = new Int32Array(k);
    for (let c = 1; c < k; c++) start[c] = start[c - 1] + Number(nSupport[c - 1]);
    const sign = k === 2 ? -1 : 1;
    const dual = Float64Array.from((this.dualCoef_ as Tensor).dataSync(), (v) => sign * v);
    const rho = Float64Array.from((this.intercept_ as Tensor).dataSync(), (v) => -sign * v);
    const n = Xt.shape[0];
    const dec = new Float64Array(n * P);
    forSupportKernel(
      kernel,
      Int32Array.from((this.support_ as Tensor).dataSync()),
      Float64Array.from((this.supportVectors_ as Tensor).dataSync()),
      Xt,
      typeof this.kernel === "function" ? this.kernel : null,
      (K, s, rows) => {
        for (let r = 0; r < rows; r++) {
          const o = r * nSV;
          let m = 0;
          for (let i = 0; i < k; i++) {
            for (let j = i + 1; j < k; j++, m++) {
              let sum = 0;
              const ci = (j - 1) * nSV;
              for (let t = start[i]; t < start[i] + Number(nSupport[i]); t++) sum += dual[ci + t] * K[o + t];
              const cj = i * nSV;
              for (let t = start[j]; t < start[j] + Number(nSupport[j]); t++) sum += dual[cj + t] * K[o + t];
              dec[(s + r) * P + m] = sum - rho[m];
            }
          }
        }
      },
    );
    return { dec, n, P };
  }

  /**
   * Decision values: (n,) for two classes (positive means classes_[1]); for more classes
   * (n, n_classes) votes plus squashed confidences with `"ovr"`, or (n, pairs) with `"ovo"`.
   *
   * @example
   * ```ts
   * svc.decisionFunction([someDigit]); // 10 columns for the digits, the highest for the predicted class
   * ```
   */
  decisionFunction(X: ArrayInput): Tensor {
    checkIsFitted(this, "support_");
    const { dec, n, P } = this.pairwise(X);
    const k = this.k;
    if (k === 2)
      return tensor(
        dec.map((v) => -v),
        [n],
      );
    if (this.decisionFunctionShape === "ovo") return tensor(dec, [n, P]);
    const wins = Uint8Array.from(dec, (v) => (v < 0 ? 1 : 0));
    return tensor(
      ovrDecisionFunction(
        wins,
        dec.map((v) => -v),
        n,
        k,
      ),
      [n, k],
    );
  }

  /**
   * Predicted labels: the class with the most one-vs-one votes (ties go to the lower class), or
   * with `breakTies` the arg-max of the "ovr" decision function.
   */
  predict(X: ArrayInput): Labels {
    if (this.breakTies && this.decisionFunctionShape === "ovo") {
      throw new ValueError("break_ties must be False when decision_function_shape is 'ovo'");
    }
    checkIsFitted(this, "support_");
    const k = this.k;
    const { dec, n, P } = this.pairwise(X);
    const codes = new Int32Array(n);
    if (this.breakTies && this.decisionFunctionShape === "ovr" && k > 2) {
      const wins = Uint8Array.from(dec, (v) => (v < 0 ? 1 : 0));
      const s = ovrDecisionFunction(
        wins,
        dec.map((v) => -v),
        n,
        k,
      );
      for (let i = 0; i < n; i++) codes[i] = argmax(s, i * k, k);
    } else {
      const votes = new Float64Array(k);
      for (let i = 0; i < n; i++) {
        votes.fill(0);
        let m = 0;
        for (let a = 0; a < k; a++) for (let b = a + 1; b < k; b++, m++) votes[dec[i * P + m] > 0 ? a : b]++;
        codes[i] = argmax(votes, 0, k);
      }
    }
    return decodeLabels(this.classes_ as Labels, codes);
  }

  /**
   * Class probabilities from Platt scaling of the pairwise decisions (needs `probability: true`).
   * They come from a cross-validated calibration, so they can disagree with `predict`.
   *
   * @example
   * ```ts
   * new sk.SVC({ probability: true, randomState: 42 }).fit(X, y).predictProba(Xnew);
   * ```
   */
  predictProba(X: ArrayInput): Tensor {
    if (!this.probability) {
      throw new NotFittedError("predict_proba is not available when probability=False");
    }
    checkIsFitted(this, "support_");
    if (!this.probA_ || !this.probB_) {
      throw new NotFittedError("predict_proba is not available when fitted with probability=False");
    }
    const { dec, n, P } = this.pairwise(X);
    const k = this.k;
    const A = Float64Array.from(this.probA_.dataSync());
    const B = Float64Array.from(this.probB_.dataSync());
    const out = new Float64Array(n * k);
    for (let i = 0; i < n; i++) {
      probabilitiesFromDecisions(dec.subarray(i * P, (i + 1) * P), k, A, B, out.subarray(i * k, (i + 1) * k));
    }
    return tensor(out, [n, k]);
  }

  /** Logarithm of {@link predictProba}. */
  predictLogProba(X: ArrayInput): Tensor {
    return this.predictProba(X).log();
  }

  /**
   * Primal weights of the linear kernel: (1, n_features) for two classes, one row per pair
   * otherwise. Other kernels have no explicit weights and throw.
   */
  get coef_(): Tensor {
    checkIsFitted(this, "support_");
    return linearCoef(
      this.kernel,
      this.dualCoef_ as Tensor,
      this.supportVectors_ as Tensor,
      this.nSupport_ as Tensor,
    );
  }
}

function argmax(a: Float64Array, o: number, k: number): number {
  let best = 0;
  for (let c = 1; c < k; c++) if (a[o + c] > a[o + best]) best = c;
  return best;
}

registerEstimator(SVC);
