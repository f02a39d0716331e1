import type { Tensor } from "../../core/tensor.js";
import type { Config } from "../common/config.js";
import * as f from "./functions.js";
import type { MetricOptions } from "./metric.js";
import { MeanMetricWrapper } from "./reduce.js";

// The accuracy metric classes: the mean of an accuracy function over every sample seen.

/** `keras.metrics.Accuracy`: how often predictions equal targets exactly. @example `new keras.metrics.Accuracy()` */
export class Accuracy extends MeanMetricWrapper {
  constructor(opts: MetricOptions = {}) {
    super((t: Tensor, p: Tensor) => f.accuracy(t, p), { name: "accuracy", ...opts });
  }
}

/** Options of `BinaryAccuracy`. */
export interface BinaryAccuracyMetricOptions extends MetricOptions {
  threshold?: number;
}

/**
 * `keras.metrics.BinaryAccuracy({ threshold })`: how often `yPred > threshold` matches the 0/1 target.
 *
 * @example
 * ```ts
 * const m = new keras.metrics.BinaryAccuracy();
 * m.updateState([[1], [1], [0], [0]], [[0.98], [1], [0], [0.6]]);
 * m.result(); // 0.75
 * ```
 */
export class BinaryAccuracy extends MeanMetricWrapper {
  constructor(opts: BinaryAccuracyMetricOptions = {}) {
    super((t: Tensor, p: Tensor, c: Config) => f.binaryAccuracy(t, p, { threshold: c.threshold as number }), {
      name: "binary_accuracy",
      ...opts,
      threshold: opts.threshold ?? 0.5,
    });
  }
}

/** `keras.metrics.CategoricalAccuracy`: arg-max hits against one-hot targets. @example `new keras.metrics.CategoricalAccuracy()` */
export class CategoricalAccuracy extends MeanMetricWrapper {
  constructor(opts: MetricOptions = {}) {
    super((t: Tensor, p: Tensor) => f.categoricalAccuracy(t, p), { name: "categorical_accuracy", ...opts });
  }
}

/** `keras.metrics.SparseCategoricalAccuracy`: arg-max hits against integer targets. @example `new keras.metrics.SparseCategoricalAccuracy()` */
export class SparseCategoricalAccuracy extends MeanMetricWrapper {
  constructor(opts: MetricOptions = {}) {
    super((t: Tensor, p: Tensor) => f.sparseCategoricalAccuracy(t, p), {
      name: "sparse_categorical_accuracy",
      ...opts,
    });
  }
}

/** Options of the top-k accuracy classes. */
export interface TopKMetricOptions extends MetricOptions {
  k?: number;
}

/** `keras.metrics.TopKCategoricalAccuracy({ k })` (k = 5). @example `new keras.metrics.TopKCategoricalAccuracy({ k: 3 })` */
export class TopKCategoricalAccuracy extends MeanMetricWrapper {
  constructor(opts: TopKMetricOptions = {}) {
    super((t: Tensor, p: Tensor, c: Config) => f.topKCategoricalAccuracy(t, p, { k: c.k as number }), {
      name: "top_k_categorical_accuracy",
      ...opts,
      k: opts.k ?? 5,
    });
  }
}

/** `keras.metrics.SparseTopKCategoricalAccuracy({ k })` (k = 5). @example `new keras.metrics.SparseTopKCategoricalAccuracy({ k: 3 })` */
export class SparseTopKCategoricalAccuracy extends MeanMetricWrapper {
  constructor(opts: TopKMetricOptions = {}) {
    super((t: Tensor, p: Tensor, c: Config) => f.sparseTopKCategoricalAccuracy(t, p, { k: c.k as number }), {
      name: "sparse_top_k_categorical_accuracy",
      ...opts,
      k: opts.k ?? 5,
    });
  }
}
