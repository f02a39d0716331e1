import type { Tensor } from "../../core/tensor.js";
import type { Variable } from "../../autodiff/variable.js";
import * as tf from "../../tf/index.js";
import type { Config } from "../common/config.js";
import { Layer, type LayerOptions } from "../engine/layer.js";
import { serializeInitializer, type InitializerLike } from "../engine/parts.js";
import type { ShapeSpec, ShapeSpecs } from "../engine/shapes.js";
import { broadcastShape, featureAxes } from "./normalization-axes.js";

/** Options of `new keras.layers.LayerNormalization(options)`. */
export interface LayerNormalizationOptions extends LayerOptions {
  /** The axes normalised over (default -1). */
  axis?: number | number[];
  /** Added to the variance (default 0.001). */
  epsilon?: number;
  center?: boolean;
  scale?: boolean;
  betaInitializer?: InitializerLike;
  gammaInitializer?: InitializerLike;
}

/**
 * Layer normalization: normalises each example over its feature axes (mean 0, variance 1),
 * then scales by `gamma` and shifts by `beta`; the same in training and inference.
 *
 * @example
 * ```ts
 * new keras.layers.LayerNormalization();
 * ```
 */
export class LayerNormalization extends Layer {
  readonly axis: number | number[];
  readonly epsilon: number;
  readonly center: boolean;
  readonly scale: boolean;
  gamma: Variable | null = null;
  beta: Variable | null = null;
  private readonly opts: LayerNormalizationOptions;
  private axes: number[] = [];

  constructor(opts: LayerNormalizationOptions = {}) {
    super(opts);
    this.opts = opts;
    this.axis = opts.axis ?? -1;
    this.epsilon = opts.epsilon ?? 1e-3;
    this.center = opts.center ?? true;
    this.scale = opts.scale ?? true;
    this.supportsMasking = true;
  }

  override build(inputShape: ShapeSpecs): void {
    const s = inputShape as ShapeSpec;
    this.axes = featureAxes(this.name, this.axis, s);
    const shape = this.axes.map((a) => s[a] as number);
    if (this.scale)
      this.gamma = this.addWeight({
        name: "gamma",
        shape,
        initializer: this.opts.gammaInitializer ?? "ones",
      });
    if (this.center)
      this.beta = this.addWeight({ name: "beta", shape, initializer: this.opts.betaInitializer ?? "zeros" });
  }

  override call(inputs: Tensor): Tensor {
    const bshape = broadcastShape(inputs.ndim, this.axes, inputs.shape);
    const [mean, variance] = tf.nn.moments(inputs, this.axes, { keepdims: true });
    let y = tf.multiply(tf.subtract(inputs, mean), tf.rsqrt(tf.add(variance, this.epsilon)));
    if (this.gamma) y = tf.multiply(y, tf.reshape(this.gamma, bshape));
    if (this.beta) y = tf.add(y, tf.reshape(this.beta, bshape));
    return y;
  }

  override computeOutputShape(s: ShapeSpecs): ShapeSpecs {
    return s;
  }

  override getConfig(): Config {
    return {
      ...super.getConfig(),
      axis: this.axis,
      epsilon: this.epsilon,
      center: this.center,
      scale: this.scale,
      betaInitializer: serializeInitializer(this.opts.betaInitializer ?? "zeros"),
      gammaInitializer: serializeInitializer(this.opts.gammaInitializer ?? "ones"),
    };
  }
}
