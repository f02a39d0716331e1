import { readHost } from "../../core/host.js";
import type { Tensor, TensorLike } from "../../core/tensor.js";
import { tfTensor } from "../../tf/convert.js";
import type { Variable } from "../../autodiff/variable.js";
import * as tf from "../../tf/index.js";
import type { Config, ConfigValue } from "../common/config.js";
import { getRegisteredName } from "../common/registry.js";
import { predictions } from "../losses/inputs.js";
import { alignWeights } from "../losses/reduction.js";
import { Metric, type MetricOptions } from "./metric.js";

// Sum and weighted mean of values over batches (Keras' `Reduce`, `Sum`, `Mean`), and the
// wrapper that streams the mean of a per-sample function (`MeanMetricWrapper`).

/** `[Σ w·v, Σ w]` of one batch, with the weights brought to the values' shape as Keras does. */
export function weightedSums(values: Tensor, sampleWeight?: TensorLike | null): [number, number] {
  const v = readHost(values);
  if (sampleWeight == null) {
    let s = 0;
    for (let i = 0; i < v.length; i++) s += v[i];
    return [s, v.length];
  }
  const w = alignWeights(sampleWeight, values);
  let vals = values;
  if (!broadcastable(w.shape, vals.shape)) {
    // Weights that do not broadcast against the values: average the values down to the
    // weights' rank first, as Keras does.
    const axes = [...Array(vals.ndim - w.ndim).keys()].map((k) => k + w.ndim);
    vals = tf.reduceMean(vals, axes);
  }
  // Both broadcast to their common shape, so a weight counts once per value it scales.
  const ones = tf.onesLike(tf.mul(vals, w));
  const wv = readHost(tf.mul(ones, w));
  const vv = readHost(tf.mul(ones, vals));
  let s = 0;
  let c = 0;
  for (let i = 0; i < wv.length; i++) {
    s += vv[i] * wv[i];
    c += wv[i];
  }
  return [s, c];
}

function broadcastable(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 1; i <= Math.min(a.length, b.length); i++) {
    const x = a[a.length - i];
    const y = b[b.length - i];
    if (x !== y && x !== 1 && y !== 1) return false;
  }
  return true;
}

function scalar(v: number, dtype: Tensor["dtype"]): Tensor {
  return tf.constant(v, { dtype });
}

/**
 * The (weighted) sum of values over batches (`keras.metrics.Sum`).
 *
 * @example
 * ```ts
 * const s = new keras.metrics.Sum();
 * s.updateState([1, 3, 5, 7]);
 * s.result(); // 16
 * ```
 */
export class Sum extends Metric {
  readonly total: Variable;

  constructor(opts: MetricOptions = {}) {
    super(opts, "sum");
    this.total = this.addWeight("total");
  }

  /** Adds `Σ sampleWeight · values`. */
  updateState(values: TensorLike, sampleWeight?: TensorLike | null): void {
    const [s] = weightedSums(predictions(values), sampleWeight);
    this.total.assignAdd(s);
  }

  result(): Tensor {
    return scalar(this.total.item() as number, this.dtype);
  }
}

/**
 * The (weighted) mean of values over batches (`keras.metrics.Mean`): `Σ w·v / Σ w`.
 *
 * @example
 * ```ts
 * const m = new keras.metrics.Mean();
 * m.updateState([1, 3, 5, 7]);
 * m.result(); // 4
 * m.updateState([1, 3, 5, 7], [1, 1, 0, 0]); // now (16 + 4) / (4 + 2)
 * ```
 */
export class Mean extends Metric {
  readonly total: Variable;
  readonly count: Variable;

  constructor(opts: MetricOptions = {}, defaultName = "mean") {
    super(opts, defaultName);
    this.total = this.addWeight("total");
    this.count = this.addWeight("count");
  }

  /** Adds a batch of values (any shape), weighted by `sampleWeight` if given. */
  updateState(values: TensorLike, sampleWeight?: TensorLike | null): void {
    this.accumulate(predictions(values), sampleWeight);
  }

  /** Adds values already computed as a tensor (for subclasses). */
  protected accumulate(values: Tensor, sampleWeight?: TensorLike | null): void {
    const [s, c] = weightedSums(values, sampleWeight);
    this.total.assignAdd(s);
    this.count.assignAdd(c);
  }

  result(): Tensor {
    const t = this.total.item() as number;
    const c = this.count.item() as number;
    return scalar(c === 0 ? 0 : t / c, this.dtype);
  }
}

/** A per-sample metric function: targets and predictions in, one value per sample out. */
export type MetricFunction = (yTrue: Tensor, yPred: Tensor, opts: Config) => Tensor;

/** Options of `MeanMetricWrapper`: the metric options plus the function's own options. */
export interface MeanMetricWrapperOptions extends MetricOptions {
  readonly [option: string]: ConfigValue | undefined;
}

/**
 * Streams the mean of a per-sample function (`keras.metrics.MeanMetricWrapper`): how custom
 * metric functions are tracked, and the base of the accuracy and error metrics.
 *
 * @example
 * ```ts
 * const lastStepMse = (yTrue: Tensor, yPred: Tensor) =>
 *   keras.metrics.meanSquaredError(yTrue.get(":", -1), yPred.get(":", -1));
 * const m = new keras.metrics.MeanMetricWrapper(lastStepMse, { name: "last_time_step_mse" });
 * ```
 */
export class MeanMetricWrapper extends Mean {
  /** The wrapped function. */
  readonly fn: MetricFunction;
  /** The options passed to the function. */
  readonly fnOptions: Config;

  constructor(fn: MetricFunction, opts: MeanMetricWrapperOptions = {}) {
    const { name, dtype, ...rest } = opts;
    super(
      { dtype },
      name ?? getRegisteredName(fn)?.replace(/^.*>/, "") ?? (fn.name || "mean_metric_wrapper"),
    );
    this.fn = fn;
    this.fnOptions = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)) as Config;
  }

  /** Adds the function's values on a batch. */
  override updateState(yTrue: TensorLike, yPred: TensorLike, sampleWeight?: TensorLike | null): void {
    const p = predictions(yPred);
    const t = tfTensor(yTrue);
    this.accumulate(predictions(this.fn(t, p, this.fnOptions)), sampleWeight);
  }

  override getConfig(): Config {
    return { ...super.getConfig(), ...this.fnOptions };
  }
}
