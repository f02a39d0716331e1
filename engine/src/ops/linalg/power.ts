// `np.linalg.matrixPower` and its gradient.
import { toTensor } from "../../core/convert.js";
import { runKernel } from "../../core/registry.js";
import type { Tensor, TensorLike } from "../../core/tensor.js";
import { registerGradient } from "../../autodiff/registry.js";
import { neg } from "../arithmetic.js";
import { zeros } from "../creation.js";
import { matmul } from "../products.js";
import { eyeOf, floatOf, plus, swapLast } from "./common.js";
import { inv } from "./inverse.js";

/**
 * `a` raised to the integer power `n` by repeated squaring (batched; negative n inverts).
 *
 * @example
 * ```ts
 * np.linalg.matrixPower([[1, 1], [0, 1]], 3).toArray(); // [[1, 3], [0, 1]]
 * ```
 */
export function matrixPower(a: TensorLike, n: number): Tensor {
  return runKernel("matrixPower", [toTensor(a)], { n });
}

// For B^k (k ≥ 1): dB = Σ_{j<k} (Bᵀ)^j·dY·(Bᵀ)^(k-1-j), with the powers of Bᵀ made once.
function powerBackward(b: Tensor, k: number, dy: Tensor): Tensor {
  const bt = swapLast(b);
  const powers: Tensor[] = [eyeOf(b.shape[b.ndim - 1], floatOf(b))];
  for (let j = 1; j < k; j++) powers.push(j === 1 ? bt : matmul(powers[j - 1], bt));
  let g: Tensor | null = null;
  for (let j = 0; j < k; j++) g = plus(g, matmul(matmul(powers[j], dy), powers[k - 1 - j]));
  return g as Tensor;
}

// n = 0 gives the identity (zero gradient); n < 0 is (A⁻¹)^|n|, through inv's gradient.
registerGradient<{ n: number }>("matrixPower", (dy, [a], { n }) => {
  if (n === 0) return [zeros(a.shape, { dtype: floatOf(a) })];
  if (n > 0) return [powerBackward(a, n, dy)];
  const b = inv(a);
  const bt = swapLast(b);
  return [neg(matmul(matmul(bt, powerBackward(b, -n, dy)), bt))];
});
