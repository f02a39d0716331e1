import type { Tensor } from "../../core/tensor.js";
import * as tf from "../../tf/index.js";
import type { Config } from "../common/config.js";
import { Layer, type CallOptions, type LayerOptions } from "../engine/layer.js";
import type { ShapeSpecs } from "../engine/shapes.js";

/** Options of `new keras.layers.GaussianNoise(stddev, options)`. */
export interface GaussianNoiseOptions extends LayerOptions {
  seed?: number | null;
}

/**
 * Adds zero-mean Gaussian noise during training (a regularizer; denoising autoencoders).
 *
 * @example
 * ```ts
 * new keras.layers.GaussianNoise(0.2);
 * ```
 */
export class GaussianNoise extends Layer {
  readonly stddev: number;
  readonly seed: number | null;

  constructor(stddev: number, opts: GaussianNoiseOptions = {}) {
    super(opts);
    this.stddev = stddev;
    this.seed = opts.seed ?? null;
    this.supportsMasking = true;
  }

  override call(inputs: Tensor, opts: CallOptions = {}): Tensor {
    if (!opts.training || this.stddev === 0) return inputs;
    const noise = tf.random.normal(inputs.shape, {
      stddev: this.stddev,
      seed: this.seed ?? undefined,
      dtype: inputs.dtype,
    });
    return tf.add(inputs, noise);
  }

  override computeOutputShape(s: ShapeSpecs): ShapeSpecs {
    return s;
  }

  override getConfig(): Config {
    return { ...super.getConfig(), stddev: this.stddev, seed: this.seed };
  }

  static override fromConfig(config: Config): GaussianNoise {
    return new GaussianNoise(config.stddev as number, config as unknown as GaussianNoiseOptions);
  }
}
