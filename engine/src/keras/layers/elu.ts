import type { Tensor } from "../../core/tensor.js";
import * as tf from "../../tf/index.js";
import type { Config } from "../common/config.js";
import { Layer, type LayerOptions } from "../engine/layer.js";
import type { ShapeSpecs } from "../engine/shapes.js";

/** Options of `new keras.layers.ELU(options)`. */
export interface ELUOptions extends LayerOptions {
  /** Scale of the negative branch (default 1). */
  alpha?: number;
}

/**
 * Exponential linear unit: `x` for x > 0, `alpha (e^x - 1)` otherwise.
 *
 * @example
 * ```ts
 * new keras.layers.ELU({ alpha: 1.0 });
 * ```
 */
export class ELU extends Layer {
  readonly alpha: number;

  constructor(opts: ELUOptions = {}) {
    super(opts);
    this.alpha = opts.alpha ?? 1;
    this.supportsMasking = true;
  }

  override call(inputs: Tensor): Tensor {
    return tf.nn.elu(inputs, this.alpha);
  }

  override computeOutputShape(s: ShapeSpecs): ShapeSpecs {
    return s;
  }

  override getConfig(): Config {
    return { ...super.getConfig(), alpha: this.alpha };
  }
}
