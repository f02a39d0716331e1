import { toDType, type DType } from "../../core/dtype.js";
import { ValueError } from "../../core/errors.js";
import type { Config } from "../common/config.js";
import { Layer, type LayerOptions } from "./layer.js";
import { checkShapeSpec, type ShapeSpec } from "./shapes.js";
import { KerasTensor, Node } from "./symbolic.js";

/** Options of `keras.Input` and `new keras.layers.InputLayer`. */
export interface InputOptions extends LayerOptions {
  /** Shape of one example, without the batch axis (`[28, 28]`; `null` for unknown lengths). */
  shape?: ShapeSpec;
  /** Element type of the data (default float32; "int32" for Embedding indices). */
  dtype?: DType | string;
}

/**
 * The entry point of a functional model: holds the symbolic input tensor. `keras.Input(...)`
 * makes one and returns its tensor; a Sequential may start with one instead of `inputShape`.
 *
 * @example
 * ```ts
 * new keras.Sequential([new keras.layers.InputLayer({ inputShape: [8] }), new keras.layers.Dense(1)]);
 * ```
 */
export class InputLayer extends Layer {
  constructor(opts: InputOptions = {}) {
    const shape = opts.shape ?? opts.inputShape;
    const batch =
      opts.batchInputShape ??
      (shape ? [opts.batchSize ?? null, ...checkShapeSpec(shape, "Input shape")] : null);
    if (!batch) throw new ValueError("keras.Input needs a shape, e.g. keras.Input({ shape: [784] })");
    super({ name: opts.name, dtype: opts.dtype, batchInputShape: batch });
    this.dtype = toDType(opts.dtype ?? "float32");
    this.built = true;
    this.buildInputShape = batch;
    const out = new KerasTensor(batch, this.dtype, { layer: this, nodeIndex: 0, tensorIndex: 0 }, this.name);
    this.inboundNodes.push(new Node(this, [], [out], false, undefined));
  }

  protected override defaultNameBase(): string {
    return "input";
  }

  override getConfig(): Config {
    return {
      name: this.name,
      dtype: this.dtype,
      batchInputShape: [...(this.batchInputShape ?? [])],
      sparse: false,
      ragged: false,
    };
  }
}

/**
 * A symbolic input of a functional model (Keras' `keras.Input`).
 *
 * @example
 * ```ts
 * const inputWide = keras.Input({ shape: [5], name: "wide_input" });
 * const inputIds = keras.Input({ shape: [null], dtype: "int32" });
 * ```
 */
export function Input(opts: InputOptions): KerasTensor {
  return new InputLayer(opts).output as KerasTensor;
}
