/**
 * `LinearSVC`: a linear SVM classifier solved as liblinear does (dual coordinate descent, or the
 * primal squared hinge with `dual: false`), one-vs-rest for more than two classes.
 */
import { ValueError } from "../../core/errors.js";
import { InvalidParameterError } from "../base/errors.js";
import { registerEstimator } from "../base/registry.js";
import type { ArrayInput, TargetInput } from "../base/types.js";
import { classWeightVector, type ClassWeightOption } from "../internal/class-weight.js";
import { encodeTarget, labelValues } from "../internal/labels.js";
import { asSampleWeight, matrixOf } from "../internal/matrix.js";
import type { RandomStateLike } from "../internal/random.js";
import { LinearClassifierBase } from "../linearModel/linear-classifier.js";
import { dualCdSvc, primalSquaredLoss, reorderRows, sparseRows, type LinearSolution } from "./liblinear.js";
import { checkLinearOptions, chooseDual, liblinearBias, warnNotConverged } from "./linear-options.js";
import { SolverRandom, solverSeed } from "./newrand.js";
import type { SVMFitOptions } from "./svc.js";

/** Options of {@link LinearSVC}. */
export interface LinearSVCOptions {
  /** `"l2"` (default). */
  penalty?: "l2";
  /** `"squared_hinge"` (default) or `"hinge"`. */
  loss?: "hinge" | "squared_hinge";
  /** Solve the dual (true, default), the primal (false; squared hinge only), or pick ("auto"). */
  dual?: boolean | "auto";
  /** Stopping tolerance (default 1e-4). */
  tol?: number;
  /** Inverse regularization strength (default 1). */
  C?: number;
  /** `"ovr"` (default): one binary problem per class for more than two classes. */
  multiClass?: "ovr";
  fitIntercept?: boolean;
  /** Value of the constant feature that carries the intercept (default 1; it is regularized too). */
  interceptScaling?: number;
  /** null, `"balanced"`, or a weight per label multiplying C for that class. */
  classWeight?: ClassWeightOption;
  /** Accepted for scikit-learn compatibility. */
  verbose?: number;
  /** Seed of the coordinate order of the dual solver. */
  randomState?: RandomStateLike;
  /** Passes over the data at most (default 1000). */
  maxIter?: number;
}

/**
 * Linear support vector classifier.
 *
 * @example
 * ```ts
 * const svm = new sk.Pipeline([
 *   ["scaler", new sk.StandardScaler()],
 *   ["linear_svc", new sk.LinearSVC({ C: 1, loss: "hinge", randomState: 42 })],
 * ]).fit(Xpetal, yVirginica);
 * svm.predict([[5.5, 1.7]]); // [1]
 * ```
 */
export class LinearSVC extends LinearClassifierBase {
  static defaults: Record<string, unknown> = {
    penalty: "l2",
    loss: "squared_hinge",
    dual: true,
    tol: 1e-4,
    C: 1,
    multiClass: "ovr",
    fitIntercept: true,
    interceptScaling: 1,
    classWeight: null,
    verbose: 0,
    randomState: null,
    maxIter: 1000,
  };
  declare penalty: "l2";
  declare loss: "hinge" | "squared_hinge";
  declare dual: boolean | "auto";
  declare tol: number;
  declare C: number;
  declare multiClass: "ovr";
  declare fitIntercept: boolean;
  declare interceptScaling: number;
  declare classWeight: ClassWeightOption;
  declare verbose: number;
  declare randomState: RandomStateLike;
  declare maxIter: number;
  /** The largest number of solver passes over the classes' problems. */
  nIter_?: number;

  constructor(options: LinearSVCOptions = {}) {
    super(options);
  }

  /**
   * Fits the model; returns this.
   *
   * @example
   * ```ts
   * new sk.LinearSVC({ loss: "hinge", C: 5, randomState: 42 }).fit(Xscaled, y).coef_;
   * ```
   */
  fit(X: ArrayInput, y: TargetInput, options: SVMFitOptions = {}): this {
    checkLinearOptions("LinearSVC", this);
    if (this.loss !== "hinge" && this.loss !== "squared_hinge") {
      throw new InvalidParameterError(
        `The 'loss' parameter of LinearSVC must be a str among {'hinge', 'squared_hinge'}. Got '${String(this.loss)}' instead.`,
      );
    }
    if (this.penalty !== "l2") {
      throw new InvalidParameterError(
        `Tensorbook's LinearSVC implements penalty='l2' only; got penalty='${String(this.penalty)}'.`,
      );
    }
    if (this.multiClass !== "ovr") {
      throw new InvalidParameterError(
        `Tensorbook's LinearSVC implements multiClass='ovr' only; got '${String(this.multiClass)}'.`,
      );
    }
    const M = matrixOf(this.validateData(X, { reset: true }));
    const n = M.rows;
    const { classes, codes } = encodeTarget(y, n);
    const k = labelValues(classes).length;
    if (k < 2) {
      throw new ValueError(
        `This solver needs samples of at least 2 classes in the data, but the data contains only one class: ${String(labelValues(classes)[0])}`,
      );
    }
    const dual = chooseDual("LinearSVC", this.dual, this.loss === "squared_hinge", this.loss, n, M.cols);
    const cw = classWeightVector(this.classWeight, classes, codes);
    const W = asSampleWeight(options.sampleWeight, n) ?? new Float64Array(n).fill(1);
    const bias = liblinearBias(this.fitIntercept, this.interceptScaling);
    const rng = new SolverRandom(solverSeed(this.randomState));
    // liblinear groups the samples by class (stable) before solving.
    const order = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => codes[a] - codes[b] || a - b);
    const S = reorderRows(sparseRows(M.data, n, M.cols, bias), order);
    const solveFor = (pos: number, Cp: number, Cn: number): LinearSolution & { converged: boolean } => {
      const yb = Int8Array.from(order, (i) => (codes[i] === pos ? 1 : -1));
      const C = Float64Array.from(order, (i, t) => W[i] * (yb[t] > 0 ? Cp : Cn));
      if (dual) {
        const r = dualCdSvc(S, yb, C, this.loss === "hinge", this.tol, this.maxIter, rng);
        return { ...r, converged: r.nIter < this.maxIter };
      }
      let nPos = 0;
      for (const v of yb) if (v > 0) nPos++;
      const eps = (this.tol * Math.max(Math.min(nPos, n - nPos), 1)) / n;
      return primalSquaredLoss(S, Float64Array.from(yb), C, null, eps, this.maxIter);
    };
    const d = M.cols;
    const rows = k === 2 ? 1 : k;
    const coef = new Float64Array(rows * d);
    const intercept = new Float64Array(rows);
    let nIter = 0;
    let converged = true;
    for (let c = 0; c < rows; c++) {
      // Two classes: one problem with classes_[1] positive; more: class c against the rest, the
      // rest keeping the plain C (as liblinear does).
      const sol = k === 2 ? solveFor(1, this.C * cw[1], this.C * cw[0]) : solveFor(c, this.C * cw[c], this.C);
      coef.set(sol.w.subarray(0, d), c * d);
      intercept[c] = bias > 0 ? this.interceptScaling * sol.w[d] : 0;
      nIter = Math.max(nIter, sol.nIter);
      converged &&= sol.converged;
    }
    if (!converged) warnNotConverged();
    this.classes_ = classes;
    this.setLinear(coef, intercept, rows, d);
    this.nIter_ = nIter;
    return this;
  }
}

registerEstimator(LinearSVC);
