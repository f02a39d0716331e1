import type { Tensor } from "../../core/tensor.js";
import * as tf from "../../tf/index.js";
import { Dropout } from "./dropout.js";
import type { CallOptions } from "../engine/layer.js";
import type { Config } from "../common/config.js";
import type { DropoutOptions } from "./dropout.js";

const ALPHA = 1.6732632423543772;
const SCALE = 1.0507009873554805;

/**
 * Dropout for SELU networks: dropped inputs are set to SELU's negative saturation value and the
 * result is rescaled so the mean and variance stay those of the input.
 *
 * @example
 * ```ts
 * new keras.layers.AlphaDropout(0.2);
 * ```
 */
export class AlphaDropout extends Dropout {
  override call(inputs: Tensor, opts: CallOptions = {}): Tensor {
    if (!opts.training || this.rate <= 0 || this.rate >= 1) return inputs;
    const alphaP = -ALPHA * SCALE;
    const u = tf.random.uniform(inputs.shape, { seed: this.seed ?? undefined, dtype: inputs.dtype });
    const kept = tf.cast(tf.greaterEqual(u, this.rate), inputs.dtype);
    const a = ((1 - this.rate) * (1 + this.rate * alphaP ** 2)) ** -0.5;
    const b = -a * alphaP * this.rate;
    const x = tf.add(tf.multiply(inputs, kept), tf.multiply(tf.subtract(1, kept), alphaP));
    return tf.add(tf.multiply(x, a), b);
  }

  static override fromConfig(config: Config): AlphaDropout {
    return new AlphaDropout(config.rate as number, config as unknown as DropoutOptions);
  }
}
