import type { Tensor, TensorLike } from "../../core/tensor.js";
import type { Variable } from "../../autodiff/variable.js";
import * as tf from "../../tf/index.js";
import type { Config } from "../common/config.js";
import { epsilon } from "../common/epsilon.js";
import { predictions } from "../losses/inputs.js";
import { divideNoNan, updateConfusion } from "./confusion.js";
import { Metric, type MetricOptions } from "./metric.js";

/** Options of `AUC`. */
export interface AUCOptions extends MetricOptions {
  /** Number of evenly spaced thresholds in [0, 1] (default 200). */
  numThresholds?: number;
  /** "ROC" (default) or "PR" (precision-recall). */
  curve?: "ROC" | "PR";
  /** "interpolation" (default: trapezoids for ROC, Davis & Goadrich for PR), "minoring" or "majoring". */
  summationMethod?: "interpolation" | "minoring" | "majoring";
  /** Explicit thresholds in (0, 1); -eps and 1+eps are added at the ends. */
  thresholds?: readonly number[] | null;
  /** Apply a sigmoid to the predictions first (default false). */
  fromLogits?: boolean;
}

/**
 * `keras.metrics.AUC`: the area under the ROC (or PR) curve, approximated as Keras does from
 * confusion counts at `numThresholds` thresholds (`-eps, 1/(n-1), ..., (n-2)/(n-1), 1+eps`) with
 * a Riemann sum (trapezoids by default). Close to scikit-learn's exact `roc_auc_score`, not
 * equal to it.
 *
 * @example
 * ```ts
 * const auc = new keras.metrics.AUC();
 * auc.updateState([0, 0, 1, 1], [0, 0.5, 0.3, 0.9]);
 * auc.result(); // 0.75
 * ```
 */
export class AUC extends Metric {
  readonly numThresholds: number;
  readonly curve: "ROC" | "PR";
  readonly summationMethod: "interpolation" | "minoring" | "majoring";
  readonly fromLogits: boolean;
  readonly thresholds: readonly number[];
  readonly #userThresholds: readonly number[] | null;
  readonly truePositives: Variable;
  readonly falsePositives: Variable;
  readonly trueNegatives: Variable;
  readonly falseNegatives: Variable;

  constructor(opts: AUCOptions = {}) {
    super(opts, "auc");
    this.curve = opts.curve ?? "ROC";
    this.summationMethod = opts.summationMethod ?? "interpolation";
    this.fromLogits = opts.fromLogits ?? false;
    this.#userThresholds = opts.thresholds ? [...opts.thresholds] : null;
    const eps = epsilon();
    if (this.#userThresholds) {
      this.thresholds = [0 - eps, ...this.#userThresholds, 1 + eps];
      this.numThresholds = this.thresholds.length;
    } else {
      const n = opts.numThresholds ?? 200;
      if (!(n > 1)) throw new RangeError(`numThresholds must be > 1, got ${n}`);
      this.numThresholds = n;
      const inner = Array.from({ length: n - 2 }, (_, i) => (i + 1) / (n - 1));
      this.thresholds = [0 - eps, ...inner, 1 + eps];
    }
    const n = this.numThresholds;
    this.truePositives = this.addWeight("true_positives", [n]);
    this.falsePositives = this.addWeight("false_positives", [n]);
    this.trueNegatives = this.addWeight("true_negatives", [n]);
    this.falseNegatives = this.addWeight("false_negatives", [n]);
  }

  updateState(yTrue: TensorLike, yPred: TensorLike, sampleWeight?: TensorLike | null): void {
    const p = this.fromLogits ? tf.sigmoid(predictions(yPred)) : yPred;
    updateConfusion(
      { tp: this.truePositives, fp: this.falsePositives, tn: this.trueNegatives, fn: this.falseNegatives },
      this.thresholds,
      yTrue,
      p,
      sampleWeight,
    );
  }

  result(): Tensor {
    const tp = this.truePositives.dataSync();
    const fp = this.falsePositives.dataSync();
    const tn = this.trueNegatives.dataSync();
    const fn = this.falseNegatives.dataSync();
    if (this.curve === "PR" && this.summationMethod === "interpolation") {
      return tf.constant(interpolatePrAuc(tp, fp, fn), { dtype: this.dtype });
    }
    const recall = divideNoNan(
      tp,
      tp.map((x, i) => x + fn[i]),
    );
    let x: Float64Array;
    let y: Float64Array;
    if (this.curve === "ROC") {
      x = divideNoNan(
        fp,
        fp.map((v, i) => v + tn[i]),
      );
      y = recall;
    } else {
      x = recall;
      y = divideNoNan(
        tp,
        tp.map((v, i) => v + fp[i]),
      );
    }
    let area = 0;
    for (let i = 0; i < this.numThresholds - 1; i++) {
      const h =
        this.summationMethod === "interpolation"
          ? (y[i] + y[i + 1]) / 2
          : this.summationMethod === "minoring"
            ? Math.min(y[i], y[i + 1])
            : Math.max(y[i], y[i + 1]);
      area += (x[i] - x[i + 1]) * h;
    }
    return tf.constant(area, { dtype: this.dtype });
  }

  override getConfig(): Config {
    return {
      ...super.getConfig(),
      numThresholds: this.numThresholds,
      curve: this.curve,
      summationMethod: this.summationMethod,
      thresholds: this.#userThresholds ? [...this.#userThresholds] : null,
      fromLogits: this.fromLogits,
    };
  }
}

// Davis & Goadrich's interpolation of the precision-recall curve between thresholds, as Keras'
// `interpolate_pr_auc`.
function interpolatePrAuc(tp: ArrayLike<number>, fp: ArrayLike<number>, fn: ArrayLike<number>): number {
  let area = 0;
  for (let i = 0; i < tp.length - 1; i++) {
    const dtp = tp[i] - tp[i + 1];
    const p0 = tp[i] + fp[i];
    const p1 = tp[i + 1] + fp[i + 1];
    const dp = p0 - p1;
    const slope = Math.max(dp, 0) === 0 ? 0 : dtp / Math.max(dp, 0);
    const intercept = tp[i + 1] - slope * p1;
    const ratio = p0 > 0 && p1 > 0 ? (Math.max(p1, 0) === 0 ? 0 : p0 / Math.max(p1, 0)) : 1;
    const denom = Math.max(tp[i + 1] + fn[i + 1], 0);
    area += denom === 0 ? 0 : (slope * (dtp + intercept * Math.log(ratio))) / denom;
  }
  return area;
}
