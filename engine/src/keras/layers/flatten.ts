import type { Tensor } from "../../core/tensor.js";
import * as tf from "../../tf/index.js";
import { Layer } from "../engine/layer.js";
import type { ShapeSpec, ShapeSpecs } from "../engine/shapes.js";

/**
 * Flattens each example into one axis: `[batch, 28, 28]` → `[batch, 784]`.
 *
 * @example
 * ```ts
 * new keras.layers.Flatten({ inputShape: [28, 28] });
 * ```
 */
export class Flatten extends Layer {
  override call(inputs: Tensor): Tensor {
    return tf.reshape(inputs, [inputs.shape[0] ?? -1, inputs.ndim > 1 ? -1 : 1]);
  }

  override computeOutputShape(inputShape: ShapeSpecs): ShapeSpec {
    const s = inputShape as ShapeSpec;
    const rest = s.slice(1);
    const n = rest.some((d) => d === null) ? null : rest.reduce<number>((a, b) => a * (b as number), 1);
    return [s[0], n];
  }
}
