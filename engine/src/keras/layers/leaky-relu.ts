import type { Tensor } from "../../core/tensor.js";
import * as tf from "../../tf/index.js";
import type { Config } from "../common/config.js";
import { Layer, type LayerOptions } from "../engine/layer.js";
import type { ShapeSpecs } from "../engine/shapes.js";

/** Options of `new keras.layers.LeakyReLU(options)`. */
export interface LeakyReLUOptions extends LayerOptions {
  /** Slope for negative inputs (default 0.3, Keras' default). */
  negativeSlope?: number;
  /** Keras 2's name for `negativeSlope`. */
  alpha?: number;
}

/**
 * Leaky ReLU: `x` for x > 0, `negativeSlope · x` otherwise. Usable as a layer or as a Dense
 * `activation`.
 *
 * @example
 * ```ts
 * new keras.layers.LeakyReLU({ alpha: 0.2 });
 * new keras.layers.Dense(10, { activation: new keras.layers.LeakyReLU({ alpha: 0.2 }) });
 * ```
 */
export class LeakyReLU extends Layer {
  readonly negativeSlope: number;

  constructor(opts: LeakyReLUOptions | number = {}) {
    const o = typeof opts === "number" ? { negativeSlope: opts } : opts;
    super(o);
    this.negativeSlope = o.negativeSlope ?? o.alpha ?? 0.3;
    this.supportsMasking = true;
  }

  override call(inputs: Tensor): Tensor {
    return tf.nn.leakyRelu(inputs, this.negativeSlope);
  }

  override computeOutputShape(s: ShapeSpecs): ShapeSpecs {
    return s;
  }

  override getConfig(): Config {
    return { ...super.getConfig(), negativeSlope: this.negativeSlope };
  }
}
