import type { Tensor } from "../../core/tensor.js";
import type { Config } from "../common/config.js";
import { Layer, type LayerOptions } from "../engine/layer.js";
import {
  getActivation,
  serializeActivation,
  type ActivationFn,
  type ActivationLike,
} from "../engine/parts.js";
import type { ShapeSpecs } from "../engine/shapes.js";

/** Options of `new keras.layers.Activation(activation, options)`. */
export interface ActivationOptions extends LayerOptions {
  activation?: ActivationLike;
}

/**
 * Applies an activation function as a layer of its own (e.g. after BatchNormalization).
 *
 * @example
 * ```ts
 * new keras.layers.Activation("relu");
 * ```
 */
export class Activation extends Layer {
  readonly activation: ActivationFn;

  constructor(activation: ActivationLike, opts: LayerOptions = {}) {
    super(opts);
    this.activation = getActivation(activation);
    this.supportsMasking = true;
  }

  override call(inputs: Tensor): Tensor {
    return this.activation(inputs);
  }

  override computeOutputShape(s: ShapeSpecs): ShapeSpecs {
    return s;
  }

  override getConfig(): Config {
    return { ...super.getConfig(), activation: serializeActivation(this.activation) };
  }

  static override fromConfig(config: Config): Activation {
    return new Activation(config.activation as string, config as LayerOptions);
  }
}
