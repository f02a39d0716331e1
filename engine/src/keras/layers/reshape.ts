import { ValueError } from "../../core/errors.js";
import type { Tensor } from "../../core/tensor.js";
import * as tf from "../../tf/index.js";
import type { Config } from "../common/config.js";
import { Layer, type LayerOptions } from "../engine/layer.js";
import type { ShapeSpec, ShapeSpecs } from "../engine/shapes.js";

/**
 * Reshapes each example to `targetShape` (no batch axis; one length may be -1).
 *
 * @example
 * ```ts
 * new keras.layers.Reshape([28, 28]);
 * ```
 */
export class Reshape extends Layer {
  readonly targetShape: readonly number[];

  constructor(targetShape: readonly number[], opts: LayerOptions = {}) {
    super(opts);
    if (targetShape.filter((d) => d === -1).length > 1)
      throw new ValueError("Reshape: there can only be one unknown (-1) length in targetShape");
    this.targetShape = [...targetShape];
  }

  override call(inputs: Tensor): Tensor {
    return tf.reshape(inputs, [inputs.shape[0], ...this.targetShape]);
  }

  override computeOutputShape(inputShape: ShapeSpecs): ShapeSpec {
    const s = inputShape as ShapeSpec;
    const rest = s.slice(1);
    const out: (number | null)[] = [...this.targetShape];
    const unknown = out.indexOf(-1);
    if (unknown >= 0) {
      if (rest.some((d) => d === null)) out[unknown] = null;
      else {
        const total = rest.reduce<number>((a, b) => a * (b as number), 1);
        const known = this.targetShape.filter((d) => d !== -1).reduce((a, b) => a * b, 1);
        if (total % known !== 0)
          throw new ValueError(
            `${this.name}: cannot reshape [${rest.join(", ")}] into [${this.targetShape.join(", ")}]`,
          );
        out[unknown] = total / known;
      }
    } else if (!rest.some((d) => d === null)) {
      const total = rest.reduce<number>((a, b) => a * (b as number), 1);
      const want = this.targetShape.reduce((a, b) => a * b, 1);
      if (total !== want) {
        throw new ValueError(
          `${this.name}: total size of the new shape [${this.targetShape.join(", ")}] (${want}) must equal the input's (${total}, shape [${rest.join(", ")}])`,
        );
      }
    }
    return [s[0], ...out];
  }

  override getConfig(): Config {
    return { ...super.getConfig(), targetShape: [...this.targetShape] };
  }

  static override fromConfig(config: Config): Reshape {
    return new Reshape(config.targetShape as number[], config as LayerOptions);
  }
}
