import { toTensor } from "../core/convert.js";
import { isFloat, promoteTypes, type DType } from "../core/dtype.js";
import { ValueError } from "../core/errors.js";
import { runKernel } from "../core/registry.js";
import type { Tensor, TensorLike } from "../core/tensor.js";
import { installMethods } from "./methods.js";

// Matrix and tensor products. Kernels compute in floating point; integer operands give an
// integer result as in NumPy (exact while the sums stay below 2**53).

function product(op: string, inputs: TensorLike[], attrs: Record<string, unknown> = {}): Tensor {
  const ts = inputs.map((x) => toTensor(x));
  const dtype = ts.map((t) => t.dtype).reduce<DType>((a, b) => promoteTypes(a, b), ts[0].dtype);
  const operands = isFloat(dtype) ? ts.map((t) => (t.dtype === dtype ? t : t.astype(dtype))) : ts;
  const out = runKernel(op, operands, attrs);
  return out.dtype === dtype ? out : out.astype(dtype);
}

/**
 * Matrix product with NumPy's `matmul` rules: batched over leading axes (broadcast), 1-D operands
 * promoted to a row or column and the added axis removed (`@` in Python).
 *
 * @example
 * ```ts
 * np.matmul(np.eye(2), [[1, 2], [3, 4]]).toArray(); // [[1, 2], [3, 4]]
 * Xb.T.matmul(Xb);
 * ```
 */
export function matmul(a: TensorLike, b: TensorLike): Tensor {
  const ta = toTensor(a);
  const tb = toTensor(b);
  if (ta.ndim === 0 || tb.ndim === 0) {
    throw new ValueError(
      "matmul: Input operand does not have enough dimensions (a scalar is not allowed; use mul)",
    );
  }
  return product("matmul", [ta, tb]);
}

/** Dot product (`np.dot`): matmul for 1-D/2-D, sum-product over the last/second-to-last axes beyond. @example `X.dot(theta)` */
export function dot(a: TensorLike, b: TensorLike): Tensor {
  return product("dot", [a, b]);
}
/** Dot product of flattened arrays (`np.vdot`). */
export function vdot(a: TensorLike, b: TensorLike): Tensor {
  return product("vdot", [a, b]);
}
/** Inner product over the last axes (`np.inner`). */
export function inner(a: TensorLike, b: TensorLike): Tensor {
  return product("inner", [a, b]);
}
/** Outer product of flattened arrays (`np.outer`). @example `np.outer([1, 2], [3, 4])` */
export function outer(a: TensorLike, b: TensorLike): Tensor {
  return product("outer", [a, b]);
}
/** Kronecker product (`np.kron`). */
export function kron(a: TensorLike, b: TensorLike): Tensor {
  return product("kron", [a, b]);
}
/**
 * Sum-product over the given axes (`np.tensordot`): an int N (last N of a, first N of b) or a
 * pair of axis lists. @example `np.tensordot(a, b, [[1], [0]])`
 */
export function tensordot(a: TensorLike, b: TensorLike, axes: number | [number[], number[]] = 2): Tensor {
  return product("tensordot", [a, b], { axes });
}
/** Sum of a diagonal (`np.trace`). @example `np.trace(np.eye(3)) // 3` */
export function trace(a: TensorLike, offset = 0, axis1 = 0, axis2 = 1): Tensor {
  return product("trace", [a], { offset, axis1, axis2 });
}
/**
 * Einstein summation (`np.einsum`), explicit (`"ij,jk->ik"`) and implicit (`"ij,jk"`) forms.
 *
 * @example
 * ```ts
 * np.einsum("ij,jk->ik", A, B); // matrix product
 * np.einsum("ii", A); // trace
 * ```
 */
export function einsum(subscripts: string, ...operands: TensorLike[]): Tensor {
  return product("einsum", operands, { subscripts });
}

installMethods({ matmul, dot });

declare module "../core/tensor.js" {
  interface Tensor {
    /** Matrix product `this @ b`. @example `Xb.T.matmul(Xb)` */
    matmul(b: TensorLike): Tensor;
    /** Dot product (`a.dot(b)`). @example `X.dot(theta)` */
    dot(b: TensorLike): Tensor;
  }
}
