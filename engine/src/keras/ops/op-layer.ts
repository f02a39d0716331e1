import { ValueError } from "../../core/errors.js";
import type { Tensor } from "../../core/tensor.js";
import type { Config, ConfigValue } from "../common/config.js";
import { Layer, type CallInputs, type LayerOptions } from "../engine/layer.js";

// An op applied to symbolic tensors (`keras.ops.add(x, 1)`, `x.mul(2)`) becomes a layer of the
// functional model, as TensorFlow's TFOpLambda layers do: it remembers the op's name and its
// non-tensor arguments, with placeholders where the tensors go.

/** An argument of a recorded op: a placeholder for the n-th tensor input, or a plain value. */
export type OpArg = { tensor: number } | { tensors: number[] } | ConfigValue;

/** The table of ops `OpLayer` can run, filled by `keras.ops`. */
export const opTable = new Map<string, (...args: never[]) => Tensor>();

/** @internal The layer behind an op applied to symbolic tensors. */
export class OpLayer extends Layer {
  readonly op: string;
  readonly args: OpArg[];

  constructor(op: string, args: OpArg[], opts: LayerOptions = {}) {
    super({ name: opts.name, trainable: opts.trainable, dtype: opts.dtype });
    if (!opTable.has(op)) throw new ValueError(`Unknown keras.ops function '${op}'`);
    this.op = op;
    this.args = args;
  }

  protected override defaultNameBase(): string {
    return `tf.${this.op}`;
  }

  override call(inputs: CallInputs): Tensor {
    const xs = Array.isArray(inputs) ? inputs : [inputs];
    const args = this.args.map((a) => {
      if (a !== null && typeof a === "object" && !Array.isArray(a)) {
        if ("tensor" in a) return xs[(a as { tensor: number }).tensor];
        if ("tensors" in a) return (a as { tensors: number[] }).tensors.map((i) => xs[i]);
      }
      return a;
    });
    return (opTable.get(this.op)! as (...a: unknown[]) => Tensor)(...args);
  }

  override getConfig(): Config {
    return { ...super.getConfig(), op: this.op, args: this.args as ConfigValue[] };
  }

  static override fromConfig(config: Config): OpLayer {
    return new OpLayer(config.op as string, config.args as OpArg[], config as LayerOptions);
  }
}
