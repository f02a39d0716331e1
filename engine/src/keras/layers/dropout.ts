import { ValueError } from "../../core/errors.js";
import type { Tensor } from "../../core/tensor.js";
import * as tf from "../../tf/index.js";
import type { Config } from "../common/config.js";
import { Layer, type CallOptions, type LayerOptions } from "../engine/layer.js";
import type { ShapeSpecs } from "../engine/shapes.js";

/** Options of `new keras.layers.Dropout(rate, options)`. */
export interface DropoutOptions extends LayerOptions {
  /** Shape of the keep mask, broadcast against the input (`null` takes the input's length). */
  noiseShape?: readonly (number | null)[] | null;
  /** Seed of the random mask. */
  seed?: number | null;
}

/**
 * Zeroes a fraction `rate` of the inputs during training and scales the rest by
 * `1 / (1 - rate)`; does nothing at inference.
 *
 * @example
 * ```ts
 * new keras.layers.Dropout(0.2);
 * dropout.apply(x, { training: true }); // MC Dropout
 * ```
 */
export class Dropout extends Layer {
  readonly rate: number;
  readonly noiseShape: readonly (number | null)[] | null;
  readonly seed: number | null;

  constructor(rate: number, opts: DropoutOptions = {}) {
    super(opts);
    if (!(rate >= 0 && rate <= 1)) {
      throw new ValueError(
        `Invalid value received for argument \`rate\`. Expected a float value between 0 and 1. Received: rate=${rate}`,
      );
    }
    this.rate = rate;
    this.noiseShape = opts.noiseShape ?? null;
    this.seed = opts.seed ?? null;
    this.supportsMasking = true;
  }

  override call(inputs: Tensor, opts: CallOptions = {}): Tensor {
    if (!opts.training || this.rate === 0) return inputs;
    if (this.rate === 1) return tf.zerosLike(inputs);
    const noiseShape = this.noiseShape?.map((d, i) => d ?? inputs.shape[i]);
    return tf.nn.dropout(inputs, this.rate, { noiseShape, seed: this.seed ?? undefined });
  }

  override computeOutputShape(s: ShapeSpecs): ShapeSpecs {
    return s;
  }

  override getConfig(): Config {
    return {
      ...super.getConfig(),
      rate: this.rate,
      noiseShape: this.noiseShape ? [...this.noiseShape] : null,
      seed: this.seed,
    };
  }

  static override fromConfig(config: Config): Dropout {
    return new Dropout(config.rate as number, config as unknown as DropoutOptions);
  }
}
