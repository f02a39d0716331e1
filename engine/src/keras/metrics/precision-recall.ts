import type { Tensor, TensorLike } from "../../core/tensor.js";
import type { Variable } from "../../autodiff/variable.js";
import * as tf from "../../tf/index.js";
import type { Config } from "../common/config.js";
import { divideNoNan, updateConfusion } from "./confusion.js";
import { Metric, type MetricOptions } from "./metric.js";

/** Options of `Precision` and `Recall`. */
export interface PrecisionRecallOptions extends MetricOptions {
  /** Decision threshold(s): a number or a list (the result is then a list). Default 0.5. */
  thresholds?: number | readonly number[] | null;
  /** Judge only each row's `topK` highest predictions as positive. */
  topK?: number | null;
  /** Judge only this class (column). */
  classId?: number | null;
}

abstract class ThresholdMetric extends Metric {
  readonly thresholds: readonly number[];
  readonly topK: number | null;
  readonly classId: number | null;
  readonly #scalar: boolean;

  constructor(opts: PrecisionRecallOptions, name: string) {
    super(opts, name);
    const th = opts.thresholds ?? (opts.topK != null ? -Infinity : 0.5);
    this.#scalar = typeof th === "number";
    this.thresholds = typeof th === "number" ? [th] : [...th];
    this.topK = opts.topK ?? null;
    this.classId = opts.classId ?? null;
  }

  protected shaped(values: Float64Array): Tensor {
    return this.#scalar
      ? tf.constant(values[0], { dtype: this.dtype })
      : tf.constant(values, { dtype: this.dtype });
  }

  override getConfig(): Config {
    return {
      ...super.getConfig(),
      thresholds: this.#scalar ? this.thresholds[0] : [...this.thresholds],
      topK: this.topK,
      classId: this.classId,
    };
  }
}

/**
 * `keras.metrics.Precision`: `TP / (TP + FP)` over everything seen, a prediction counting as
 * positive when above the threshold (0.5).
 *
 * @example
 * ```ts
 * const precision = new keras.metrics.Precision();
 * precision.updateState([0, 1, 1, 1, 0, 1, 0, 1], [1, 1, 0, 1, 0, 1, 0, 1]);
 * precision.result(); // 0.8
 * ```
 */
export class Precision extends ThresholdMetric {
  readonly truePositives: Variable;
  readonly falsePositives: Variable;

  constructor(opts: PrecisionRecallOptions = {}) {
    super(opts, "precision");
    this.truePositives = this.addWeight("true_positives", [this.thresholds.length]);
    this.falsePositives = this.addWeight("false_positives", [this.thresholds.length]);
  }

  updateState(yTrue: TensorLike, yPred: TensorLike, sampleWeight?: TensorLike | null): void {
    updateConfusion(
      { tp: this.truePositives, fp: this.falsePositives },
      this.thresholds,
      yTrue,
      yPred,
      sampleWeight,
      this,
    );
  }

  result(): Tensor {
    const tp = this.truePositives.dataSync();
    const fp = this.falsePositives.dataSync();
    return this.shaped(
      divideNoNan(
        tp,
        tp.map((x, i) => x + fp[i]),
      ),
    );
  }
}

/**
 * `keras.metrics.Recall`: `TP / (TP + FN)` over everything seen.
 *
 * @example
 * ```ts
 * const recall = new keras.metrics.Recall();
 * recall.updateState([0, 1, 1, 1, 0, 1, 0, 1], [1, 1, 0, 1, 0, 1, 0, 1]);
 * recall.result(); // 0.8
 * ```
 */
export class Recall extends ThresholdMetric {
  readonly truePositives: Variable;
  readonly falseNegatives: Variable;

  constructor(opts: PrecisionRecallOptions = {}) {
    super(opts, "recall");
    this.truePositives = this.addWeight("true_positives", [this.thresholds.length]);
    this.falseNegatives = this.addWeight("false_negatives", [this.thresholds.length]);
  }

  updateState(yTrue: TensorLike, yPred: TensorLike, sampleWeight?: TensorLike | null): void {
    updateConfusion(
      { tp: this.truePositives, fn: this.falseNegatives },
      this.thresholds,
      yTrue,
      yPred,
      sampleWeight,
      this,
    );
  }

  result(): Tensor {
    const tp = this.truePositives.dataSync();
    const fn = this.falseNegatives.dataSync();
    return this.shaped(
      divideNoNan(
        tp,
        tp.map((x, i) => x + fn[i]),
      ),
    );
  }
}
