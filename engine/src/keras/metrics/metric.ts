import { toDType, type DType } from "../../core/dtype.js";
import { Tensor, type TensorLike } from "../../core/tensor.js";
import { Variable } from "../../autodiff/variable.js";
import type { Config } from "../common/config.js";

/** Options every `Metric` takes. */
export interface MetricOptions {
  /** The name shown in logs (default the Keras name, e.g. "sparse_categorical_accuracy"). */
  name?: string;
  /** The dtype of the state variables (default float32). */
  dtype?: DType | string;
}

/** Options of `Metric.addWeight`. */
export interface AddWeightOptions {
  /** "zeros" (default), "ones", or a number to fill with. */
  initializer?: "zeros" | "ones" | number;
  dtype?: DType | string;
}

/**
 * The base of streaming metrics (`keras.metrics.Metric`): state lives in non-trainable
 * variables made with `addWeight`; `updateState(yTrue, yPred, sampleWeight?)` accumulates a
 * batch, `result()` gives the metric so far, `resetState()` starts over.
 *
 * @example
 * ```ts
 * class HuberMetric extends keras.metrics.Metric {
 *   total = this.addWeight("total");
 *   count = this.addWeight("count");
 *   updateState(yTrue: TensorLike, yPred: TensorLike) {
 *     const m = keras.losses.huber(yTrue, yPred);
 *     this.total.assignAdd(tf.reduceSum(m));
 *     this.count.assignAdd(m.size);
 *   }
 *   result() { return tf.divide(this.total, this.count); }
 * }
 * ```
 */
export abstract class Metric {
  /** The metric's name (the key in training logs). */
  readonly name: string;
  /** The dtype of the state and the result. */
  readonly dtype: DType;
  readonly #weights: { v: Variable; init: number }[] = [];

  constructor(opts: MetricOptions = {}, defaultName?: string) {
    this.name = opts.name ?? defaultName ?? snake(this.constructor.name);
    this.dtype = toDType(opts.dtype ?? "float32");
  }

  /**
   * Adds a state variable (non-trainable; reset to its initial value by `resetState`).
   *
   * @example
   * ```ts
   * this.total = this.addWeight("total", { initializer: "zeros" });
   * this.counts = this.addWeight("counts", [200]);
   * ```
   */
  addWeight(
    name: string,
    shape?: readonly number[] | AddWeightOptions,
    opts: AddWeightOptions = {},
  ): Variable {
    const s = Array.isArray(shape) ? (shape as readonly number[]) : [];
    const o = Array.isArray(shape) ? opts : ((shape as AddWeightOptions | undefined) ?? opts);
    const init = o.initializer === "ones" ? 1 : typeof o.initializer === "number" ? o.initializer : 0;
    const dtype = toDType(o.dtype ?? this.dtype);
    const size = s.reduce((a, b) => a * b, 1);
    const value = Tensor.fromTypedArray(new Float64Array(size).fill(init), s, "float64").astype(dtype);
    // Metric state is a few numbers read every step: it stays on the CPU wherever work runs.
    const v = new Variable(value, { trainable: false, name: `${this.name}/${name}`, dtype, device: "cpu" });
    this.#weights.push({ v, init });
    return v;
  }

  /** The state variables (Keras' `metric.variables`). */
  get variables(): Variable[] {
    return this.#weights.map((w) => w.v);
  }

  /** The same as `variables`. */
  get weights(): Variable[] {
    return this.variables;
  }

  /** Accumulates one batch. */
  abstract updateState(yTrue: TensorLike, yPred: TensorLike, sampleWeight?: TensorLike | null): void;

  /** The metric over everything accumulated since the last reset, as a tensor. */
  abstract result(): Tensor;

  /** Sets every state variable back to its initial value. @example `metric.resetState()` */
  resetState(): void {
    for (const { v, init } of this.#weights)
      v.assign(Tensor.fromTypedArray(new Float64Array(v.size).fill(init), v.shape, "float64"));
  }

  /** Keras 2's name of `resetState`. */
  resetStates(): void {
    this.resetState();
  }

  /**
   * Accumulates a batch and returns the result (Python's `metric(y_true, y_pred)`).
   *
   * @example
   * ```ts
   * const precision = new keras.metrics.Precision();
   * precision.apply([0, 1, 1, 1, 0, 1, 0, 1], [1, 1, 0, 1, 0, 1, 0, 1]); // 0.8
   * ```
   */
  apply(yTrue: TensorLike, yPred: TensorLike, sampleWeight?: TensorLike | null): Tensor {
    this.updateState(yTrue, yPred, sampleWeight);
    return this.result();
  }

  /** The options that rebuild this metric (its state is not part of it). */
  getConfig(): Config {
    return { name: this.name, dtype: this.dtype };
  }

  /** Rebuilds a metric from its config. @example `keras.metrics.AUC.fromConfig(auc.getConfig())` */
  static fromConfig<T extends Metric>(this: new (c: Config) => T, config: Config): T {
    return new this(config);
  }
}

/** Whether a value is a metric. */
export function isMetric(x: unknown): x is Metric {
  return x instanceof Metric;
}

function snake(s: string): string {
  return s.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase();
}
