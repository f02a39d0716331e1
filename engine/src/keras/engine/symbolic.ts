import type { DType } from "../../core/dtype.js";
import type { Layer } from "./layer.js";
import { formatShapeSpec, type ShapeSpec } from "./shapes.js";

// Symbolic tensors of the functional API: a shape (with unknown lengths) and a dtype, plus where
// the tensor came from (the layer call that made it). Calling a layer on them records a Node;
// `keras.Model({ inputs, outputs })` walks those nodes back from the outputs.

/** Where a symbolic tensor came from: output `tensorIndex` of call `nodeIndex` of `layer`. */
export interface KerasHistory {
  readonly layer: Layer;
  readonly nodeIndex: number;
  readonly tensorIndex: number;
}

/** The arithmetic of symbolic tensors, filled in by `keras.ops` (kept apart to avoid a cycle). */
export const symbolicArithmetic: {
  binary?: (op: string, a: unknown, b: unknown) => KerasTensor;
  unary?: (op: string, a: KerasTensor) => KerasTensor;
} = {};

let counter = 0;

/**
 * A symbolic tensor: what `keras.Input` returns and what layers return when called on symbolic
 * tensors. It has a shape (`null` for unknown lengths, the batch axis first) and a dtype but no
 * values; models are built by connecting them.
 *
 * @example
 * ```ts
 * const input = keras.Input({ shape: [8] });
 * const hidden = new keras.layers.Dense(30, { activation: "relu" }).apply(input);
 * hidden.shape; // [null, 30]
 * ```
 */
export class KerasTensor {
  /** Lengths of the axes; `null` where unknown (the batch axis). */
  readonly shape: ShapeSpec;
  /** Element type. */
  readonly dtype: DType;
  /** A name for reprs (`keras_tensor_3`). */
  readonly name: string;
  /** @internal The layer call that produced this tensor (none for an unconnected spec). */
  history: KerasHistory | null;

  constructor(shape: ShapeSpec, dtype: DType, history: KerasHistory | null = null, name?: string) {
    this.shape = Object.freeze([...shape]);
    this.dtype = dtype;
    this.history = history;
    this.name = name ?? (counter++ === 0 ? "keras_tensor" : `keras_tensor_${counter - 1}`);
  }

  /** Number of axes. */
  get ndim(): number {
    return this.shape.length;
  }

  /** `this + other`, recorded as a layer of the model. @example `keras.Input({ shape: [3] }).add(1)` */
  add(other: KerasTensor | number): KerasTensor {
    return arith().binary!("add", this, other);
  }
  /** `this - other`. */
  sub(other: KerasTensor | number): KerasTensor {
    return arith().binary!("subtract", this, other);
  }
  /** `this * other`. */
  mul(other: KerasTensor | number): KerasTensor {
    return arith().binary!("multiply", this, other);
  }
  /** `this / other`. */
  div(other: KerasTensor | number): KerasTensor {
    return arith().binary!("divide", this, other);
  }
  /** `this ** other`. */
  pow(other: KerasTensor | number): KerasTensor {
    return arith().binary!("power", this, other);
  }
  /** Matrix product `this @ other`. */
  matmul(other: KerasTensor): KerasTensor {
    return arith().binary!("matmul", this, other);
  }
  /** `-this`. */
  neg(): KerasTensor {
    return arith().unary!("negative", this);
  }

  toString(): string {
    return `<KerasTensor shape=${formatShapeSpec(this.shape)}, dtype=${this.dtype}, name=${this.name}>`;
  }

  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.toString();
  }
}

function arith(): Required<typeof symbolicArithmetic> {
  if (!symbolicArithmetic.binary || !symbolicArithmetic.unary) {
    throw new Error("symbolic arithmetic needs keras.ops; import it from 'tensorbook'");
  }
  return symbolicArithmetic as Required<typeof symbolicArithmetic>;
}

/** Whether a value is a symbolic tensor or a list holding one. */
export function isSymbolic(x: unknown): boolean {
  return x instanceof KerasTensor || (Array.isArray(x) && x.some((e) => e instanceof KerasTensor));
}

/**
 * One call of a layer on symbolic tensors: its inputs (flattened), outputs, whether the inputs
 * were passed as a list, and the call's explicit options.
 */
export class Node {
  constructor(
    readonly layer: Layer,
    readonly inputs: readonly KerasTensor[],
    readonly outputs: readonly KerasTensor[],
    readonly inputsAsList: boolean,
    readonly training: boolean | undefined,
  ) {}
}
