// `np.linalg.cholesky` and its gradient.
import { toTensor } from "../../core/convert.js";
import { runKernel } from "../../core/registry.js";
import type { Tensor, TensorLike } from "../../core/tensor.js";
import { registerGradient } from "../../autodiff/registry.js";
import { matmul } from "../products.js";
import { diagPart, diagEmbed, swapLast, sym, tril } from "./common.js";
import { inv } from "./inverse.js";

/**
 * Lower Cholesky factor L with `a = L Lᵀ` (batched); "Matrix is not positive definite"
 * otherwise. Only the lower triangle of `a` is read.
 *
 * @example
 * ```ts
 * np.linalg.cholesky([[4, 2], [2, 5]]).toArray(); // [[2, 0], [1, 2]]
 * ```
 */
export function cholesky(a: TensorLike): Tensor {
  return runKernel("linalg.cholesky", [toTensor(a)], {});
}

// With P = Φ(Lᵀ·dL) (the lower triangle, diagonal halved) and S = L⁻ᵀ·P·L⁻¹, the gradient with
// respect to the symmetric input is (S + Sᵀ)/2, as TensorFlow and PyTorch return it.
registerGradient("linalg.cholesky", (dy, _inputs, _attrs, l) => {
  const m = matmul(swapLast(l), dy);
  const phi = tril(m, -1).add(diagEmbed(diagPart(m).mul(0.5)));
  const lInv = inv(l);
  return [sym(matmul(matmul(swapLast(lInv), phi), lInv))];
});
