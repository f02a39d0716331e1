/**
 * `LogisticRegression` with the `lbfgs` solver: binary and one-vs-rest problems minimise the
 * binomial log loss, `multinomial` (the default for more than two classes) the softmax
 * cross-entropy, each plus an L2 penalty ½‖w‖²/C.
 */
import { ValueError } from "../../core/errors.js";
import type { Tensor, TensorLike } from "../../core/tensor.js";
import { registerEstimator } from "../base/registry.js";
import type { ArrayInput, Labels, TargetInput } from "../base/types.js";
import { encodeTarget, labelValues } from "../internal/labels.js";
import { asSampleWeight, matrixOf, tensor } from "../internal/matrix.js";
import type { RandomStateLike } from "../internal/random.js";
import { warn } from "../internal/warn.js";
import { lbfgs } from "./lbfgs.js";
import { LinearClassifierBase } from "./linear-classifier.js";
import { binomialObjective, multinomialObjective } from "./logistic-loss.js";

/** Options of {@link LogisticRegression}. */
export interface LogisticRegressionOptions {
  /** `"l2"` (default) or null/`"none"` for no penalty. */
  penalty?: "l2" | "none" | null;
  /** Accepted for scikit-learn compatibility (the primal is solved). */
  dual?: boolean;
  /** Gradient tolerance of L-BFGS (default 1e-4). */
  tol?: number;
  /** Inverse regularisation strength (default 1): smaller means stronger. */
  C?: number;
  fitIntercept?: boolean;
  interceptScaling?: number;
  /** null, `"balanced"`, or a weight per label. */
  classWeight?: null | "balanced" | Readonly<Record<string, number>>;
  randomState?: RandomStateLike;
  /** Only `"lbfgs"`. */
  solver?: "lbfgs";
  /** L-BFGS iterations at most (default 100). */
  maxIter?: number;
  /** `"auto"` (multinomial for > 2 classes), `"ovr"` or `"multinomial"`. */
  multiClass?: "auto" | "ovr" | "multinomial";
  verbose?: number;
  /** Start from the previous solution. */
  warmStart?: boolean;
  nJobs?: number | null;
  l1Ratio?: number | null;
}

/**
 * Logistic (and softmax) regression.
 *
 * @example
 * ```ts
 * const softmax = new sk.LogisticRegression({ multiClass: "multinomial", C: 10, randomState: 42 });
 * softmax.fit(Xpetal, yIris);
 * softmax.predictProba([[5, 2]]); // array([[6.38e-07, 5.75e-02, 9.43e-01]])
 * ```
 */
export class LogisticRegression extends LinearClassifierBase {
  static defaults: Record<string, unknown> = {
    penalty: "l2",
    dual: false,
    tol: 1e-4,
    C: 1,
    fitIntercept: true,
    interceptScaling: 1,
    classWeight: null,
    randomState: null,
    solver: "lbfgs",
    maxIter: 100,
    multiClass: "auto",
    verbose: 0,
    warmStart: false,
    nJobs: null,
    l1Ratio: null,
  };
  declare penalty: "l2" | "none" | null;
  declare dual: boolean;
  declare tol: number;
  declare C: number;
  declare fitIntercept: boolean;
  declare interceptScaling: number;
  declare classWeight: null | "balanced" | Readonly<Record<string, number>>;
  declare randomState: RandomStateLike;
  declare solver: "lbfgs";
  declare maxIter: number;
  declare multiClass: "auto" | "ovr" | "multinomial";
  declare verbose: number;
  declare warmStart: boolean;
  declare nJobs: number | null;
  declare l1Ratio: number | null;
  /** L-BFGS iterations per problem (one for multinomial). */
  nIter_?: Tensor;
  /** @internal Which probability model `predictProba` uses. */
  multinomial_?: boolean;

  constructor(options: LogisticRegressionOptions = {}) {
    super(options);
  }

  /** Fits the model; returns this. */
  fit(X: ArrayInput, y: TargetInput, sampleWeight?: TensorLike | null): this {
    if (this.solver !== "lbfgs") {
      throw new ValueError(
        `Tensorbook's LogisticRegression implements the 'lbfgs' solver only; got solver '${String(this.solver)}'. Use solver: "lbfgs" (the default).`,
      );
    }
    if (this.penalty !== "l2" && this.penalty !== "none" && this.penalty !== null) {
      throw new ValueError(
        `Solver lbfgs supports only 'l2' or 'none' penalties, got ${String(this.penalty)} penalty.`,
      );
    }
    if (!(this.C > 0)) throw new ValueError(`Penalty term must be positive; got (C=${this.C})`);
    if (!(this.tol > 0))
      throw new ValueError(`Tolerance for stopping criteria must be positive; got (tol=${this.tol})`);
    if (!(Number.isInteger(this.maxIter) && this.maxIter > 0)) {
      throw new ValueError(`Maximum number of iteration must be positive; got (max_iter=${this.maxIter})`);
    }
    const prev = this.warmStart && this.lin_ ? this.lin_ : null;
    const M = matrixOf(this.validateData(X, { reset: true }));
    const { classes, codes } = encodeTarget(y, M.rows);
    const nClasses = Array.isArray(classes) ? classes.length : classes.size;
    if (nClasses < 2) {
      throw new ValueError(
        `This solver needs samples of at least 2 classes in the data, but the data contains only one class: ${String(labelValues(classes)[0])}`,
      );
    }
    let mc = this.multiClass;
    if (mc !== "auto" && mc !== "ovr" && mc !== "multinomial") {
      throw new ValueError(`multiClass should be 'multinomial', 'ovr' or 'auto'; got '${String(mc)}'.`);
    }
    if (mc === "auto") mc = nClasses > 2 ? "multinomial" : "ovr";
    const n = M.rows;
    const d = M.cols;
    const sw = asSampleWeight(sampleWeight, n) ?? new Float64Array(n).fill(1);
    const cw = this.classWeights(classes, codes, nClasses);
    const l2 = this.penalty === "l2" ? 1 / this.C : 0;
    const fi = this.fitIntercept;
    const p = d + (fi ? 1 : 0);
    let W: Float64Array;
    let b: Float64Array;
    const iters: number[] = [];
    if (mc === "multinomial") {
      const swc = sw.map((v, i) => v * cw[codes[i]]);
      const x0 = new Float64Array(nClasses * d + (fi ? nClasses : 0));
      if (prev && prev.d === d && prev.k === nClasses) {
        x0.set(prev.W);
        if (fi) x0.set(prev.b, nClasses * d);
      }
      const r = lbfgs(multinomialObjective(M, codes, nClasses, swc, l2, fi), x0, {
        maxIter: this.maxIter,
        gtol: this.tol,
      });
      this.convergence(r.status, r.message);
      iters.push(r.nIter);
      const Wall = r.x.subarray(0, nClasses * d);
      const ball = fi ? r.x.subarray(nClasses * d) : new Float64Array(nClasses);
      // scikit-learn 1.2 keeps only the second row for two classes (softmax of ±decision).
      W = nClasses === 2 ? Wall.slice(d, 2 * d) : Wall.slice();
      b = nClasses === 2 ? Float64Array.of(ball[1]) : Float64Array.from(ball);
    } else {
      const k = nClasses === 2 ? 1 : nClasses;
      W = new Float64Array(k * d);
      b = new Float64Array(k);
      for (let c = 0; c < k; c++) {
        const pos = nClasses === 2 ? 1 : c;
        const yb = new Float64Array(n);
        for (let i = 0; i < n; i++) yb[i] = codes[i] === pos ? 1 : 0;
        // Class weights for one-vs-rest apply to the original labels (dict) or, when balanced,
        // to the binary split, as scikit-learn does.
        const swc =
          this.classWeight === "balanced" ? balancedBinary(sw, yb) : sw.map((v, i) => v * cw[codes[i]]);
        const x0 = new Float64Array(p);
        if (prev && prev.d === d && prev.k === k) {
          x0.set(prev.W.subarray(c * d, (c + 1) * d));
          if (fi) x0[d] = prev.b[c];
        }
        const r = lbfgs(binomialObjective(M, yb, swc, l2, fi), x0, { maxIter: this.maxIter, gtol: this.tol });
        this.convergence(r.status, r.message);
        iters.push(r.nIter);
        W.set(r.x.subarray(0, d), c * d);
        b[c] = fi ? r.x[d] : 0;
      }
    }
    this.classes_ = classes;
    this.multinomial_ = mc === "multinomial";
    this.setLinear(W, b, W.length / d, d);
    this.nIter_ = tensor(Float64Array.from(iters), [iters.length]).astype("int32");
    return this;
  }

  /**
   * Class probabilities: softmax of the scores for multinomial models, normalised sigmoids for
   * one-vs-rest ones.
   *
   * @example
   * ```ts
   * logReg.predictProba([[1.7], [1.5]]);
   * ```
   */
  predictProba(X: ArrayInput): Tensor {
    if (!this.multinomial_) return this.probaOvr(X);
    const { s, n, k } = this.scores(X);
    const kk = k === 1 ? 2 : k;
    const out = new Float64Array(n * kk);
    for (let i = 0; i < n; i++) {
      const row = k === 1 ? [-s[i], s[i]] : Array.from(s.subarray(i * k, (i + 1) * k));
      const mx = Math.max(...row);
      let sum = 0;
      for (let c = 0; c < kk; c++) sum += out[i * kk + c] = Math.exp(row[c] - mx);
      for (let c = 0; c < kk; c++) out[i * kk + c] /= sum;
    }
    return tensor(out, [n, kk]);
  }

  /** Logarithm of {@link predictProba}. */
  predictLogProba(X: ArrayInput): Tensor {
    return this.predictProba(X).log();
  }

  private convergence(status: number, message: string): void {
    if (status === 0) return;
    warn(
      `lbfgs failed to converge (status=${status}): ${message}. Increase the number of iterations (maxIter) or scale the data as shown in: https://scikit-learn.org/stable/modules/preprocessing.html`,
      "ConvergenceWarning",
    );
  }

  private classWeights(classes: Labels, codes: Int32Array, k: number): Float64Array {
    const out = new Float64Array(k).fill(1);
    const cw = this.classWeight;
    if (cw === null || cw === undefined || cw === "balanced") {
      if (cw === "balanced" && this.multiClass !== "ovr") {
        const counts = new Float64Array(k);
        for (const c of codes) counts[c]++;
        for (let c = 0; c < k; c++) out[c] = codes.length / (k * counts[c]);
      }
      return out;
    }
    labelValues(classes).forEach((l, c) => {
      if (String(l) in cw) out[c] = cw[String(l)];
    });
    return out;
  }
}

function balancedBinary(sw: Float64Array, yb: Float64Array): Float64Array {
  let pos = 0;
  for (const v of yb) pos += v;
  const neg = yb.length - pos;
  const wPos = yb.length / (2 * pos);
  const wNeg = yb.length / (2 * neg);
  return sw.map((v, i) => v * (yb[i] === 1 ? wPos : wNeg));
}

registerEstimator(LogisticRegression);
