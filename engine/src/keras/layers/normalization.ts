import { toTensor } from "../../core/convert.js";
import type { Tensor, TensorLike } from "../../core/tensor.js";
import type { Variable } from "../../autodiff/variable.js";
import * as tf from "../../tf/index.js";
import { broadcastTo } from "../../ops/shape-ops.js";
import type { Config, ConfigValue } from "../common/config.js";
import { Layer, type LayerOptions } from "../engine/layer.js";
import type { ShapeSpec, ShapeSpecs } from "../engine/shapes.js";
import { broadcastShape, featureAxes } from "./normalization-axes.js";

/** Options of `new keras.layers.Normalization(options)`. */
export interface NormalizationOptions extends LayerOptions {
  /** The feature axes that keep their own mean and variance (default -1). */
  axis?: number | number[] | null;
  /** A fixed mean (instead of `adapt`). */
  mean?: TensorLike | null;
  /** A fixed variance (instead of `adapt`). */
  variance?: TensorLike | null;
  /** Undo the normalization instead (`x · std + mean`). */
  invert?: boolean;
}

/**
 * Standardizes features: `(x - mean) / sqrt(variance)`, with the statistics learnt by
 * `adapt(data)` before training (or given). Its statistics are non-trainable weights, so they
 * are saved with the model.
 *
 * @example
 * ```ts
 * const norm = new keras.layers.Normalization();
 * norm.adapt(Xtrain);
 * const model = new keras.Sequential([norm, new keras.layers.Dense(1)]);
 * ```
 */
export class Normalization extends Layer {
  readonly axis: number[];
  readonly invert: boolean;
  mean!: Variable;
  variance!: Variable;
  count!: Variable;
  private readonly given: { mean: TensorLike | null; variance: TensorLike | null };
  private axes: number[] = [];

  constructor(opts: NormalizationOptions = {}) {
    super(opts);
    this.axis = opts.axis === null ? [] : typeof opts.axis === "number" ? [opts.axis] : (opts.axis ?? [-1]);
    this.invert = opts.invert ?? false;
    this.given = { mean: opts.mean ?? null, variance: opts.variance ?? null };
  }

  override build(inputShape: ShapeSpecs): void {
    const s = inputShape as ShapeSpec;
    this.axes = featureAxes(this.name, this.axis, s);
    const shape = this.axes.map((a) => s[a] as number);
    this.mean = this.addWeight({ name: "mean", shape, initializer: "zeros", trainable: false });
    this.variance = this.addWeight({ name: "variance", shape, initializer: "ones", trainable: false });
    this.count = this.addWeight({
      name: "count",
      shape: [],
      initializer: "zeros",
      trainable: false,
      dtype: "int32",
    });
    if (this.given.mean !== null)
      this.mean.assign(broadcastTo(toTensor(this.given.mean, { dtype: this.dtype }), shape));
    if (this.given.variance !== null)
      this.variance.assign(broadcastTo(toTensor(this.given.variance, { dtype: this.dtype }), shape));
  }

  /**
   * Computes the mean and variance of `data` per feature (Keras' `adapt`), building the layer
   * for its shape if needed.
   *
   * @example
   * ```ts
   * norm.adapt(Xtrain);
   * ```
   */
  adapt(data: TensorLike): void {
    const x = toTensor(data, { dtype: this.dtype });
    if (!this.built) this.maybeBuild([null, ...x.shape.slice(1)]);
    const reduce = Array.from({ length: x.ndim }, (_, i) => i).filter((i) => !this.axes.includes(i));
    const [m, v] = tf.nn.moments(x, reduce);
    this.mean.assign(tf.reshape(m, this.mean.shape));
    this.variance.assign(tf.reshape(v, this.variance.shape));
    this.count.assign(reduce.reduce((n, a) => n * x.shape[a], 1));
  }

  override call(inputs: Tensor): Tensor {
    const bshape = broadcastShape(inputs.ndim, this.axes, inputs.shape);
    const mean = tf.reshape(this.mean, bshape);
    const std = tf.maximum(tf.sqrt(tf.reshape(this.variance, bshape)), 1e-7);
    const x = inputs.dtype === this.dtype ? inputs : tf.cast(inputs, this.dtype);
    return this.invert ? tf.add(tf.multiply(x, std), mean) : tf.divide(tf.subtract(x, mean), std);
  }

  override computeOutputShape(s: ShapeSpecs): ShapeSpecs {
    return s;
  }

  override getConfig(): Config {
    const asValue = (t: TensorLike | null): ConfigValue =>
      t === null ? null : (toTensor(t).toArray() as ConfigValue);
    return {
      ...super.getConfig(),
      axis: this.axis,
      invert: this.invert,
      mean: asValue(this.given.mean),
      variance: asValue(this.given.variance),
    };
  }
}
