import { toTensor } from "../core/convert.js";
import { toDType, type DType, type TypedArray } from "../core/dtype.js";
import { Tensor, type TensorLike } from "../core/tensor.js";
import { InvalidArgumentError } from "./errors.js";

// Conversions with TensorFlow's conventions, shared by every `tf` function.

/** What `tf` functions accept as a tensor: a tensor, nested arrays, a typed array, a number. */
export type TfTensorLike = TensorLike;

/**
 * Converts a value to a tensor the way `tf.constant` does: tensors keep their dtype, bools
 * become bool, and JavaScript numbers become float32 (JavaScript cannot tell `3` from `3.0`,
 * so Tensorbook follows TensorFlow.js here; ask for `{ dtype: "int32" }` for integers).
 */
export function tfTensor(x: TfTensorLike, dtype?: DType | string): Tensor {
  if (dtype !== undefined) return toTensor(x, { dtype: toDType(dtype) });
  if (x instanceof Tensor) return x;
  if (isTyped(x)) return toTensor(x);
  const t = toTensor(x);
  return t.dtype === "bool" ? t : t.astype("float32");
}

function isTyped(x: unknown): x is TypedArray {
  return ArrayBuffer.isView(x);
}

/**
 * An operand of a binary `tf` op: tensors as they are, plain numbers left as JavaScript numbers
 * (they adopt the other operand's dtype, as Python scalars do in TensorFlow), arrays converted
 * with `tfTensor`.
 */
export function operand(x: TfTensorLike): Tensor | number | boolean {
  return typeof x === "number" || typeof x === "boolean" ? x : tfTensor(x);
}

/**
 * Marks a tensor a `tf` function made as immutable, like TensorFlow's (an input handed back
 * unchanged is wrapped in a new view instead, so the caller's own tensor is left alone).
 */
export function frozen(t: Tensor, inputs: readonly unknown[] = []): Tensor {
  if (!t.mutable) return t;
  if (inputs.includes(t)) return frozen(t.view(t.shape, t.strides, t.offset));
  // The tensor was just made by an op and nobody else holds it yet; the field is readonly for
  // everyone else.
  (t as unknown as { mutable: boolean }).mutable = false;
  return t;
}

const TF_DTYPE_NAMES: Readonly<Record<DType, string>> = {
  float32: "float",
  float64: "double",
  int32: "int32",
  uint8: "uint8",
  bool: "bool",
};

/**
 * TensorFlow refuses to mix dtypes in one op (no implicit promotion); the message is
 * TensorFlow's own.
 */
export function sameDType(opName: string, a: Tensor | number | boolean, b: Tensor | number | boolean): void {
  if (!(a instanceof Tensor) || !(b instanceof Tensor) || a.dtype === b.dtype) return;
  throw new InvalidArgumentError(
    `cannot compute ${opName} as input #1(zero-based) was expected to be a ${TF_DTYPE_NAMES[a.dtype]} tensor ` +
      `but is a ${TF_DTYPE_NAMES[b.dtype]} tensor [Op:${opName}]`,
  );
}
