import type { Tensor, TensorLike } from "../../core/tensor.js";
import * as tf from "../../tf/index.js";
import * as losses from "../losses/functions.js";
import { pair } from "../losses/inputs.js";
import type { MetricOptions } from "./metric.js";
import { Mean, MeanMetricWrapper } from "./reduce.js";

// Error metrics: the streaming means of the regression losses, and the root of the mean
// squared error.

/** `keras.metrics.MeanSquaredError`. @example `new keras.metrics.MeanSquaredError()` */
export class MeanSquaredError extends MeanMetricWrapper {
  constructor(opts: MetricOptions = {}) {
    super((t: Tensor, p: Tensor) => losses.meanSquaredError(t, p), { name: "mean_squared_error", ...opts });
  }
}

/** `keras.metrics.MeanAbsoluteError`. @example `new keras.metrics.MeanAbsoluteError()` */
export class MeanAbsoluteError extends MeanMetricWrapper {
  constructor(opts: MetricOptions = {}) {
    super((t: Tensor, p: Tensor) => losses.meanAbsoluteError(t, p), { name: "mean_absolute_error", ...opts });
  }
}

/** `keras.metrics.MeanAbsolutePercentageError`. */
export class MeanAbsolutePercentageError extends MeanMetricWrapper {
  constructor(opts: MetricOptions = {}) {
    super((t: Tensor, p: Tensor) => losses.meanAbsolutePercentageError(t, p), {
      name: "mean_absolute_percentage_error",
      ...opts,
    });
  }
}

/** `keras.metrics.MeanSquaredLogarithmicError`. */
export class MeanSquaredLogarithmicError extends MeanMetricWrapper {
  constructor(opts: MetricOptions = {}) {
    super((t: Tensor, p: Tensor) => losses.meanSquaredLogarithmicError(t, p), {
      name: "mean_squared_logarithmic_error",
      ...opts,
    });
  }
}

/**
 * `keras.metrics.RootMeanSquaredError`: `sqrt` of the mean of every squared error seen (each
 * element counts, weighted by its sample's weight).
 *
 * @example
 * ```ts
 * const m = new keras.metrics.RootMeanSquaredError();
 * m.updateState([[0, 1], [0, 0]], [[1, 1], [0, 0]]);
 * m.result(); // 0.5
 * ```
 */
export class RootMeanSquaredError extends Mean {
  constructor(opts: MetricOptions = {}) {
    super(opts, "root_mean_squared_error");
  }

  override updateState(yTrue: TensorLike, yPred?: TensorLike | null, sampleWeight?: TensorLike | null): void {
    const [t, p] = pair(yTrue, yPred ?? 0);
    this.accumulate(tf.squaredDifference(p, t), sampleWeight);
  }

  override result(): Tensor {
    return tf.sqrt(super.result());
  }
}
