/**
 * `SGDClassifier`: linear classifiers (SVM with hinge, logistic regression with log_loss, ...)
 * fitted by SGD. More than two classes are handled one-vs-rest: one binary problem per class,
 * each with its own seed drawn as scikit-learn draws it, so seeded fits match scikit-learn.
 */
import { ValueError } from "../../../core/errors.js";
import { classWeightVector, type ClassWeightOption } from "../../internal/class-weight.js";
import type { Tensor, TensorLike } from "../../../core/tensor.js";
import { registerEstimator } from "../../base/registry.js";
import type { ArrayInput, Labels, TargetInput } from "../../base/types.js";
import { codesFor, encodeTarget, labelValues, sameLabels } from "../../internal/labels.js";
import { asSampleWeight, asVector, matrixView, tensor, type Matrix } from "../../internal/matrix.js";
import { checkRandomState, MAX_INT, type RandomStateLike } from "../../internal/random.js";
import { stratifiedValidationMask } from "../../internal/split.js";
import { warn } from "../../internal/warn.js";
import { LinearClassifierBase } from "../linear-classifier.js";
import { CLASSIFICATION_LOSSES, makeLoss, type ClassificationLoss } from "./losses.js";
import { plainSgd } from "./plain-sgd.js";
import {
  averageStart,
  penaltyCode,
  scheduleCode,
  SGD_DEFAULTS,
  validateSgd,
  type BaseSgdOptions,
  type LearningRate,
  type SgdParams,
  type SgdPenalty,
} from "./sgd-base.js";
import type { SGDFitOptions } from "./sgd-regressor.js";

/** Class weights: none, `"balanced"` (n / (k·count)), or a weight per label. */
export type ClassWeight = ClassWeightOption;

/** Options of {@link SGDClassifier}. */
export interface SGDClassifierOptions extends BaseSgdOptions {
  /** Default `hinge` (a linear SVM). */
  loss?: ClassificationLoss;
  /** Default `optimal`. */
  learningRate?: LearningRate;
  classWeight?: ClassWeight;
  /** Accepted for scikit-learn compatibility (one thread). */
  nJobs?: number | null;
}

interface State {
  coef: Float64Array;
  intercept: Float64Array;
  avg: Float64Array | null;
  avgIntercept: Float64Array;
  k: number;
  d: number;
}

/**
 * Linear classifier trained by stochastic gradient descent.
 *
 * @example
 * ```ts
 * const sgd = new sk.SGDClassifier({ maxIter: 1000, tol: 1e-3, randomState: 42 });
 * sgd.fit(Xtrain, yTrain5);
 * sgd.predict([someDigit]); // array([True]) as a bool tensor
 * ```
 */
export class SGDClassifier extends LinearClassifierBase implements SgdParams {
  static defaults: Record<string, unknown> = {
    ...SGD_DEFAULTS,
    loss: "hinge",
    learningRate: "optimal",
    eta0: 0,
    powerT: 0.5,
    classWeight: null,
    nJobs: null,
  };
  declare loss: ClassificationLoss;
  declare penalty: SgdPenalty;
  declare alpha: number;
  declare l1Ratio: number;
  declare fitIntercept: boolean;
  declare maxIter: number;
  declare tol: number | null;
  declare shuffle: boolean;
  declare verbose: number;
  declare epsilon: number;
  declare randomState: RandomStateLike;
  declare learningRate: LearningRate;
  declare eta0: number;
  declare powerT: number;
  declare earlyStopping: boolean;
  declare validationFraction: number;
  declare nIterNoChange: number;
  declare warmStart: boolean;
  declare average: boolean | number;
  declare classWeight: ClassWeight;
  declare nJobs: number | null;
  /** Epochs run (the maximum over the one-vs-rest problems). */
  nIter_?: number;
  /** Weight updates done plus one. */
  t_?: number;
  /** @internal Plain and averaged weights of every binary problem (saved by `sk.dump`). */
  sgd_?: State;

  constructor(options: SGDClassifierOptions = {}) {
    super(options);
  }

  /** Fits for up to `maxIter` epochs (from the previous solution with `warmStart`); returns this. */
  fit(X: ArrayInput, y: TargetInput, options: SGDFitOptions = {}): this {
    validateSgd(this, false);
    const enc = encodeTarget(y);
    const prev = this.warmStart ? this.sgd_ : undefined;
    this.sgd_ = undefined;
    this.classes_ = enc.classes;
    this.t_ = 1;
    this.partial(
      X,
      enc.codes,
      this.maxIter,
      options.sampleWeight,
      options.coefInit,
      options.interceptInit,
      prev,
    );
    if (this.tol !== null && this.tol > -Infinity && this.nIter_ === this.maxIter) {
      warn(
        "Maximum number of iteration reached before convergence. Consider increasing max_iter to improve the fit.",
        "ConvergenceWarning",
      );
    }
    return this;
  }

  /**
   * One epoch over a batch. The first call must list every class (`classes`), as in scikit-learn.
   *
   * @example
   * ```ts
   * clf.partialFit(Xbatch, yBatch, [0, 1, 2]);
   * ```
   */
  partialFit(X: ArrayInput, y: TargetInput, classes?: TargetInput, sampleWeight?: TensorLike | null): this {
    if (!this.sgd_) {
      validateSgd(this, true);
      if (classes === undefined)
        throw new ValueError("classes must be passed on the first call to partial_fit.");
      this.classes_ = encodeTarget(classes).classes;
    } else if (classes !== undefined) {
      const given = encodeTarget(classes).classes;
      if (!sameLabels(given, this.classes_ as Labels)) {
        throw new ValueError(
          `classes=[${labelValues(given).join(", ")}] is not the same as on last call to partial_fit, was: [${labelValues(this.classes_ as Labels).join(", ")}]`,
        );
      }
    }
    return this.partial(X, codesFor(this.classes_ as Labels, y), 1, sampleWeight);
  }

  /**
   * Class probabilities, for `log_loss` (sigmoid of the scores, one-vs-rest normalised) and
   * `modified_huber` (clipped scores).
   */
  predictProba(X: ArrayInput): Tensor {
    if (this.loss === "log_loss" || this.loss === "log") return this.probaOvr(X);
    if (this.loss === "modified_huber") return this.probaHuber(X);
    throw new ValueError(
      `probability estimates are not available for loss='${this.loss}'; use loss 'log_loss' or 'modified_huber'.`,
    );
  }

  /** Logarithm of {@link predictProba}. */
  predictLogProba(X: ArrayInput): Tensor {
    return this.predictProba(X).log();
  }

  private probaHuber(X: ArrayInput): Tensor {
    const { s, n, k } = this.scores(X);
    if (k === 1) {
      const out = new Float64Array(2 * n);
      for (let i = 0; i < n; i++) {
        const p = (Math.min(1, Math.max(-1, s[i])) + 1) / 2;
        out[2 * i] = 1 - p;
        out[2 * i + 1] = p;
      }
      return tensor(out, [n, 2]);
    }
    for (let i = 0; i < n; i++) {
      let sum = 0;
      for (let c = 0; c < k; c++) sum += s[i * k + c] = (Math.min(1, Math.max(-1, s[i * k + c])) + 1) / 2;
      for (let c = 0; c < k; c++) s[i * k + c] = sum === 0 ? 1 / k : s[i * k + c] / sum;
    }
    return tensor(s, [n, k]);
  }

  /** The loss name as scikit-learn spells it for this estimator. */
  protected lossName(): string {
    return this.loss;
  }

  private partial(
    X: ArrayInput,
    codes: Int32Array,
    maxIter: number,
    sampleWeight: TensorLike | null | undefined,
    coefInit?: TensorLike,
    interceptInit?: TensorLike,
    prev?: State,
  ): this {
    // SGD only reads X: its validated storage is used as it is.
    const M = matrixView(this.validateData(X, { reset: !this.sgd_ || coefInit !== undefined }));
    const n = M.rows;
    if (codes.length !== n) {
      throw new ValueError(
        `Found input variables with inconsistent numbers of samples: [${n}, ${codes.length}].`,
      );
    }
    const nClasses = this.nClasses;
    if (nClasses < 2)
      throw new ValueError(`The number of classes has to be greater than one; got ${nClasses} class`);
    const k = nClasses === 2 ? 1 : nClasses;
    const sw = asSampleWeight(sampleWeight, n) ?? new Float64Array(n).fill(1);
    const cw = classWeightVector(this.classWeight, this.classes_ as Labels, codes);
    const avgStart = averageStart(this.average);
    if (!this.sgd_ || coefInit !== undefined) {
      const coef =
        coefInit !== undefined
          ? asVector(coefInit)
          : prev && prev.d === M.cols && prev.k === k
            ? prev.coef.slice()
            : new Float64Array(k * M.cols);
      if (coef.length !== k * M.cols) throw new ValueError("Provided ``coef_`` does not match dataset.");
      const intercept =
        interceptInit !== undefined
          ? typeof interceptInit === "number"
            ? new Float64Array([interceptInit])
            : asVector(interceptInit)
          : prev && prev.k === k && coefInit === undefined && prev.d === M.cols
            ? prev.intercept.slice()
            : new Float64Array(k);
      if (intercept.length !== k) throw new ValueError("Provided intercept_init does not match dataset.");
      this.sgd_ = {
        coef,
        intercept,
        avg: avgStart > 0 ? new Float64Array(k * M.cols) : null,
        avgIntercept: new Float64Array(k),
        k,
        d: M.cols,
      };
    } else if (this.sgd_.d !== M.cols) {
      throw new ValueError(`Number of features ${M.cols} does not match previous data ${this.sgd_.d}.`);
    }
    this.t_ ??= 1;
    const st = this.sgd_;
    let nIter = 0;
    if (k === 1) {
      nIter = this.fitBinary(M, codes, 1, 0, sw, cw[1], cw[0], maxIter, this.randomState, null);
    } else {
      // The split is drawn once on the multiclass labels, then shared by every binary problem.
      const mask = this.earlyStopping
        ? stratifiedValidationMask(codes, this.validationFraction, this.randomState)
        : null;
      const rs = checkRandomState(this.randomState);
      const seeds = Array.from({ length: k }, () => rs.randint(0, MAX_INT));
      for (let c = 0; c < k; c++) {
        nIter = Math.max(nIter, this.fitBinary(M, codes, c, c, sw, cw[c], 1, maxIter, seeds[c], mask));
      }
    }
    this.nIter_ = nIter;
    this.t_ += nIter * n;
    const useAvg = avgStart > 0 && avgStart <= this.t_ - 1;
    if (useAvg) this.setLinear(st.avg as Float64Array, st.avgIntercept, k, M.cols);
    else this.setLinear(st.coef, st.intercept, k, M.cols);
    return this;
  }

  // One binary problem: class `pos` against the rest, weights in row `row` of the state.
  private fitBinary(
    M: Matrix,
    codes: Int32Array,
    pos: number,
    row: number,
    sw: Float64Array,
    weightPos: number,
    weightNeg: number,
    maxIter: number,
    randomState: RandomStateLike,
    mask: Uint8Array | null,
  ): number {
    const st = this.sgd_ as State;
    const n = M.rows;
    const d = M.cols;
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) y[i] = codes[i] === pos ? 1 : -1;
    const rs = checkRandomState(randomState);
    rs.randint(1, MAX_INT); // the dataset seed scikit-learn draws first (used only by SAG)
    const vmask =
      mask ??
      (this.earlyStopping
        ? stratifiedValidationMask(
            Int32Array.from(y, (v) => (v > 0 ? 1 : 0)),
            this.validationFraction,
            this.randomState,
          )
        : new Uint8Array(n));
    const seed = rs.randint(0, MAX_INT);
    const coef = st.coef.subarray(row * d, (row + 1) * d);
    const avg = st.avg ? st.avg.subarray(row * d, (row + 1) * d) : null;
    const r = plainSgd({
      X: M.data,
      nSamples: n,
      nFeatures: d,
      y,
      sampleWeight: sw,
      coef,
      intercept: st.intercept[row],
      avgCoef: avg,
      avgIntercept: st.avgIntercept[row],
      loss: makeLoss(this.lossName(), this.epsilon, CLASSIFICATION_LOSSES),
      penalty: penaltyCode(this.penalty),
      alpha: this.alpha,
      l1Ratio: this.l1Ratio,
      validationMask: vmask,
      earlyStopping: this.earlyStopping,
      validationScore: this.earlyStopping ? binaryAccuracy(M, y, sw, vmask) : null,
      nIterNoChange: this.nIterNoChange,
      maxIter,
      tol: this.tol ?? -Infinity,
      fitIntercept: this.fitIntercept,
      shuffle: this.shuffle,
      seed,
      weightPos,
      weightNeg,
      schedule: scheduleCode(this.learningRate),
      eta0: this.eta0,
      powerT: this.powerT,
      t: this.t_ as number,
      intercept_decay: 1,
      average: averageStart(this.average),
    });
    st.intercept[row] = r.intercept;
    st.avgIntercept[row] = r.avgIntercept;
    return r.nIter;
  }
}

// Weighted accuracy of sign(X·w + b) against ±1 targets on the validation rows.
function binaryAccuracy(
  M: Matrix,
  y: Float64Array,
  sw: Float64Array,
  mask: Uint8Array,
): (coef: Float64Array, intercept: number) => number {
  const d = M.cols;
  return (coef, intercept) => {
    let hit = 0;
    let tot = 0;
    for (let i = 0; i < M.rows; i++) {
      if (!mask[i]) continue;
      let p = intercept;
      for (let j = 0; j < d; j++) p += M.data[i * d + j] * coef[j];
      tot += sw[i];
      if ((p > 0 ? 1 : -1) === y[i]) hit += sw[i];
    }
    return hit / tot;
  };
}

registerEstimator(SGDClassifier);
