import type { Tensor } from "../../core/tensor.js";
import * as tf from "../../tf/index.js";
import type { Config } from "../common/config.js";
import { Layer, type LayerOptions } from "../engine/layer.js";
import type { ShapeSpecs } from "../engine/shapes.js";

/** Options of `new keras.layers.ReLU(options)`. */
export interface ReLUOptions extends LayerOptions {
  /** Upper bound of the output (default none; 6 gives ReLU6). */
  maxValue?: number | null;
  /** Slope below the threshold (default 0). */
  negativeSlope?: number;
  /** Inputs below it are "negative" (default 0). */
  threshold?: number;
}

/**
 * Rectified linear unit with Keras' options: `min(x, maxValue)` for x ≥ threshold,
 * `negativeSlope · (x - threshold)` below.
 *
 * @example
 * ```ts
 * new keras.layers.ReLU({ maxValue: 6 });
 * ```
 */
export class ReLU extends Layer {
  readonly maxValue: number | null;
  readonly negativeSlope: number;
  readonly threshold: number;

  constructor(opts: ReLUOptions = {}) {
    super(opts);
    this.maxValue = opts.maxValue ?? null;
    this.negativeSlope = opts.negativeSlope ?? 0;
    this.threshold = opts.threshold ?? 0;
    this.supportsMasking = true;
  }

  override call(inputs: Tensor): Tensor {
    const below = tf.less(inputs, this.threshold);
    let y =
      this.negativeSlope === 0 && this.threshold === 0
        ? tf.nn.relu(inputs)
        : tf.where(below, tf.multiply(tf.subtract(inputs, this.threshold), this.negativeSlope), inputs);
    if (this.maxValue !== null) y = tf.minimum(y, this.maxValue);
    return y;
  }

  override computeOutputShape(s: ShapeSpecs): ShapeSpecs {
    return s;
  }

  override getConfig(): Config {
    return {
      ...super.getConfig(),
      maxValue: this.maxValue,
      negativeSlope: this.negativeSlope,
      threshold: this.threshold,
    };
  }
}
