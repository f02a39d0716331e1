import { broadcastView } from "../core/broadcast.js";
import { toTensor } from "../core/convert.js";
import { promoteTypes, promoteWithScalar, type DType } from "../core/dtype.js";
import { runKernel } from "../core/registry.js";
import { broadcastShapes } from "../core/shape.js";
import type { Tensor } from "../core/tensor.js";
import { type TensorLike } from "../core/tensor.js";

/** Attributes every element-wise kernel receives. */
export interface ElementwiseAttrs {
  /** The dtype of the result. */
  readonly dtype: DType;
  /** An op parameter (e.g. decimals of `round`), when the op has one. */
  readonly param?: number;
}

/** How a binary op chooses its result dtype from its (promoted) operand dtype. */
export type BinaryDType = (common: DType) => DType;

type Scalar = number | boolean;
const isScalar = (x: TensorLike): x is Scalar => typeof x === "number" || typeof x === "boolean";

/**
 * Converts two operands to tensors of their common dtype by NumPy's promotion rules, JavaScript
 * scalars being "weak" (they adapt to the array's dtype when their value fits, as NumPy 1.x's
 * Python scalars do).
 */
export function promoteOperands(a: TensorLike, b: TensorLike): [Tensor, Tensor, DType] {
  const ta = isScalar(a) ? undefined : toTensor(a);
  const tb = isScalar(b) ? undefined : toTensor(b);
  let common: DType;
  if (ta && tb) common = promoteTypes(ta.dtype, tb.dtype);
  else if (ta) common = promoteWithScalar(ta.dtype, b as Scalar);
  else if (tb) common = promoteWithScalar(tb.dtype, a as Scalar);
  else common = promoteTypes(toTensor(a).dtype, toTensor(b).dtype);
  return [ta ?? toTensor(a, { dtype: common }), tb ?? toTensor(b, { dtype: common }), common];
}

/**
 * Runs a binary element-wise op: promotes the operands (NumPy's rules), broadcasts them to one
 * shape as stride-0 views, and asks the kernel registry for `name` on their backend. Kernels
 * read operands of any dtype and write the result dtype.
 */
export function binaryOp(
  name: string,
  a: TensorLike,
  b: TensorLike,
  resultDType: BinaryDType = (d) => d,
): Tensor {
  const [ta, tb, common] = promoteOperands(a, b);
  const shape = broadcastShapes(ta.shape, tb.shape);
  const attrs: ElementwiseAttrs = { dtype: resultDType(common) };
  return runKernel(name, [broadcastView(ta, shape), broadcastView(tb, shape)], attrs);
}

/** Runs a unary element-wise op; `resultDType` maps the input dtype to the output's. */
export function unaryOp(
  name: string,
  a: TensorLike,
  resultDType: (d: DType) => DType = (d) => d,
  param?: number,
): Tensor {
  const ta = toTensor(a);
  const attrs: ElementwiseAttrs = { dtype: resultDType(ta.dtype), param };
  return runKernel(name, [ta], attrs);
}

/**
 * Result dtype of NumPy's float-only ufuncs (sqrt, exp, sin...): float32 stays float32, int32
 * (our int64) computes in float64, and uint8 and bool, for which NumPy picks float16, compute in
 * float32 (Tensorbook's smallest float).
 */
export const floatResult = (d: DType): DType => (d === "float64" || d === "int32" ? "float64" : "float32");

/** Result dtype of true division: NumPy divides every integer and bool type in float64. */
export const divResult = (d: DType): DType => (d === "float32" ? "float32" : "float64");

/** Result dtype of comparisons and predicates. */
export const boolResult = (): DType => "bool";
