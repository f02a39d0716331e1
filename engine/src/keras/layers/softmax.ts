import type { Tensor } from "../../core/tensor.js";
import * as tf from "../../tf/index.js";
import type { Config } from "../common/config.js";
import { Layer, type CallOptions, type LayerOptions } from "../engine/layer.js";
import type { ShapeSpecs } from "../engine/shapes.js";

/** Options of `new keras.layers.Softmax(options)`. */
export interface SoftmaxOptions extends LayerOptions {
  /** The axis normalised over (default -1). */
  axis?: number;
}

/**
 * Softmax as a layer; with a mask, masked positions get probability 0.
 *
 * @example
 * ```ts
 * new keras.layers.Softmax();
 * ```
 */
export class Softmax extends Layer {
  readonly axis: number;

  constructor(opts: SoftmaxOptions = {}) {
    super(opts);
    this.axis = opts.axis ?? -1;
    this.supportsMasking = true;
  }

  override call(inputs: Tensor, opts: CallOptions = {}): Tensor {
    if (opts.mask) {
      // Masked positions get a large negative logit, so exp() sends them to 0.
      const penalty = tf.multiply(tf.subtract(1, tf.cast(opts.mask, inputs.dtype)), -1e9);
      return tf.nn.softmax(tf.add(inputs, penalty), this.axis);
    }
    return tf.nn.softmax(inputs, this.axis);
  }

  override computeOutputShape(s: ShapeSpecs): ShapeSpecs {
    return s;
  }

  override getConfig(): Config {
    return { ...super.getConfig(), axis: this.axis };
  }
}
