// Inverse, determinants and linear solves (`np.linalg.inv/det/slogdet/solve`) with their
// gradients, on the last two axes (batched).
import { toTensor } from "../../core/convert.js";
import { runKernel, runKernelMulti } from "../../core/registry.js";
import type { Tensor, TensorLike } from "../../core/tensor.js";
import { registerGradient, registerMultiGradient } from "../../autodiff/registry.js";
import { mul, neg } from "../arithmetic.js";
import { zeros } from "../creation.js";
import { matmul } from "../products.js";
import { floatOf, swapLast } from "./common.js";

/**
 * Inverse of a square matrix (or a stack of them). Singular input: "Singular matrix".
 *
 * @example
 * ```ts
 * np.linalg.inv([[2, 0], [0, 4]]).toArray(); // [[0.5, 0], [0, 0.25]]
 * ```
 */
export function inv(a: TensorLike): Tensor {
  return runKernel("linalg.inv", [toTensor(a)], {});
}

/**
 * Determinant (via LU), batched.
 *
 * @example
 * ```ts
 * np.linalg.det([[1, 2], [3, 4]]).item(); // -2
 * ```
 */
export function det(a: TensorLike): Tensor {
  return runKernel("linalg.det", [toTensor(a)], {});
}

/**
 * Sign and natural log of the absolute determinant: `const [sign, logdet] = np.linalg.slogdet(a)`.
 *
 * @example
 * ```ts
 * const [sign, logdet] = np.linalg.slogdet([[1, 2], [3, 4]]); // -1, log 2
 * ```
 */
export function slogdet(a: TensorLike): [Tensor, Tensor] {
  const [sign, logabsdet] = runKernelMulti("linalg.slogdet", [toTensor(a)], {});
  return [sign, logabsdet];
}

/**
 * Solves `a x = b` (batched; b is a vector when it has one dimension less than a).
 *
 * @example
 * ```ts
 * np.linalg.solve([[3, 1], [1, 2]], [9, 8]).toArray(); // [2, 3]
 * ```
 */
export function solve(a: TensorLike, b: TensorLike): Tensor {
  return runKernel("linalg.solve", [toTensor(a), toTensor(b)], {});
}

// ---- Gradients -------------------------------------------------------------------------------
// inv: dA = -A⁻ᵀ·dY·A⁻ᵀ. det: dA = dY·det·A⁻ᵀ. slogdet: dA = dLogdet·A⁻ᵀ (the sign is piecewise
// constant). solve (x = A⁻¹b): db = A⁻ᵀ·dx, dA = -db·xᵀ.

registerGradient("linalg.inv", (dy, _inputs, _attrs, out) => {
  const outT = swapLast(out);
  return [neg(matmul(matmul(outT, dy), outT))];
});

registerGradient("linalg.det", (dy, [a], _attrs, out) => {
  const scale = mul(dy, out).reshape([...out.shape, 1, 1]);
  return [mul(scale, swapLast(inv(a)))];
});

registerMultiGradient("linalg.slogdet", ([, dLog], [a]) => [
  dLog ? mul(dLog.reshape([...dLog.shape, 1, 1]), swapLast(inv(a))) : zeros(a.shape, { dtype: floatOf(a) }),
]);

registerGradient("linalg.solve", (dy, [a, b], _attrs, x, needs) => {
  const vector = b.ndim === a.ndim - 1;
  const db = solve(swapLast(a), dy);
  const col = (v: Tensor): Tensor => (vector ? v.reshape([...v.shape, 1]) : v);
  return [needs[0] ? neg(matmul(col(db), swapLast(col(x)))) : null, db];
});
