/**
 * What linear classifiers share once fitted (scikit-learn's `LinearClassifierMixin`):
 * `decisionFunction` = `X·coef_ᵀ + intercept_` (one column for two classes), `predict` picks the
 * positive class when the score is > 0 or the arg-max class otherwise, and `score` is accuracy.
 */
import type { Tensor } from "../../core/tensor.js";
import { checkIsFitted } from "../base/estimator.js";
import { ClassifierMixin } from "../base/mixins.js";
import type { ArrayInput, Labels } from "../base/types.js";
import { classCount, decodeLabels } from "../internal/labels.js";
import { linearPredict, matrixOf, tensor } from "../internal/matrix.js";

/** Base of the linear classifiers. */
export abstract class LinearClassifierBase extends ClassifierMixin {
  /** The class labels, sorted. */
  classes_?: Labels;
  /** Coefficients `(1, n_features)` for two classes, `(n_classes, n_features)` otherwise. */
  coef_?: Tensor;
  /** Intercepts `(1,)` or `(n_classes,)`. */
  intercept_?: Tensor;
  /** @internal The fitted hyperplanes (saved by `sk.dump`). */
  lin_?: { W: Float64Array; b: Float64Array; k: number; d: number };

  protected setLinear(W: Float64Array, b: Float64Array, k: number, d: number): void {
    this.lin_ = { W: W.slice(), b: b.slice(), k, d };
    this.coef_ = tensor(W.slice(), [k, d]);
    this.intercept_ = tensor(b.slice(), [k]);
  }

  /** Raw scores as a flat row-major array and their column count. */
  protected scores(X: ArrayInput): { s: Float64Array; n: number; k: number } {
    checkIsFitted(this, "coef_");
    const L = this.lin_ as { W: Float64Array; b: Float64Array; k: number; d: number };
    const M = matrixOf(this.validateData(X));
    return { s: linearPredict(M, L.W, L.k, L.b), n: M.rows, k: L.k };
  }

  /**
   * Confidence scores: signed distance to the hyperplane(s); `(n,)` for two classes.
   *
   * @example
   * ```ts
   * clf.decisionFunction([someDigit]); // array([2164.22...])
   * ```
   */
  decisionFunction(X: ArrayInput): Tensor {
    const { s, n, k } = this.scores(X);
    return tensor(s, k === 1 ? [n] : [n, k]);
  }

  /**
   * Predicted class labels.
   *
   * @example
   * ```ts
   * clf.predict(X.get(":3"));
   * ```
   */
  predict(X: ArrayInput): Labels {
    const { s, n, k } = this.scores(X);
    const codes = new Int32Array(n);
    if (k === 1) for (let i = 0; i < n; i++) codes[i] = s[i] > 0 ? 1 : 0;
    else {
      for (let i = 0; i < n; i++) {
        let best = 0;
        for (let c = 1; c < k; c++) if (s[i * k + c] > s[i * k + best]) best = c;
        codes[i] = best;
      }
    }
    return decodeLabels(this.classes_ as Labels, codes);
  }

  /** One-vs-rest probabilities from sigmoids of the scores, rows normalised (scikit-learn's `_predict_proba_lr`). */
  protected probaOvr(X: ArrayInput): Tensor {
    const { s, n, k } = this.scores(X);
    if (k === 1) {
      const out = new Float64Array(2 * n);
      for (let i = 0; i < n; i++) {
        const p = expit(s[i]);
        out[2 * i] = 1 - p;
        out[2 * i + 1] = p;
      }
      return tensor(out, [n, 2]);
    }
    for (let i = 0; i < n; i++) {
      let sum = 0;
      for (let c = 0; c < k; c++) sum += s[i * k + c] = expit(s[i * k + c]);
      for (let c = 0; c < k; c++) s[i * k + c] /= sum;
    }
    return tensor(s, [n, k]);
  }

  /** Number of classes seen in `fit`. */
  protected get nClasses(): number {
    return classCount(this.classes_ as Labels);
  }
}

/** The logistic sigmoid 1/(1+e^(−x)), stable for large |x|. */
export function expit(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}
