// `np.linalg.eigh` / `eigvalsh` (symmetric eigenproblems) and their gradients.
import { toTensor } from "../../core/convert.js";
import { runKernel, runKernelMulti } from "../../core/registry.js";
import type { Tensor, TensorLike } from "../../core/tensor.js";
import type { Uplo } from "../../linalg/index.js";
import { registerGradient, registerMultiGradient } from "../../autodiff/registry.js";
import { div, mul, sub } from "../arithmetic.js";
import { matmul } from "../products.js";
import { col, diagEmbed, eyeOf, floatOf, plus, row, skew, swapLast } from "./common.js";

/**
 * Eigen-decomposition of a symmetric matrix (batched): `[w, v]`, eigenvalues ascending, the
 * columns of `v` the eigenvectors. Only the `UPLO` triangle is read.
 *
 * @example
 * ```ts
 * const [w, v] = np.linalg.eigh([[2, 1], [1, 2]]); // w = [1, 3]
 * ```
 */
export function eigh(a: TensorLike, opts: { UPLO?: Uplo } = {}): [Tensor, Tensor] {
  const [w, v] = runKernelMulti("linalg.eigh", [toTensor(a)], { uplo: opts.UPLO ?? "L" });
  return [w, v];
}

/**
 * Eigenvalues of a symmetric matrix, ascending (batched).
 *
 * @example
 * ```ts
 * np.linalg.eigvalsh([[2, 1], [1, 2]]).toArray(); // [1, 3]
 * ```
 */
export function eigvalsh(a: TensorLike, opts: { UPLO?: Uplo } = {}): Tensor {
  return runKernel("linalg.eigvalsh", [toTensor(a)], { uplo: opts.UPLO ?? "L" });
}

interface EighAttrs {
  readonly uplo: Uplo;
}

// The gradient with respect to the symmetric input (as TensorFlow and PyTorch):
// V·(diag(dw) + F∘skew(Vᵀ·dV)/2)·Vᵀ with F_ij = 1/(w_j - w_i) off the diagonal. Repeated
// eigenvalues make F infinite (the eigenvectors are then not unique): the gradient is then
// defined only for losses that do not depend on the eigenvectors.
registerMultiGradient<EighAttrs>("linalg.eigh", ([dw, dv], _inputs, _attrs, [w, v]) => {
  let inner = dw ? diagEmbed(dw) : null;
  if (dv) {
    const n = w.shape[w.ndim - 1];
    const e = sub(row(w), col(w)).add(eyeOf(n, floatOf(w)));
    inner = plus(inner, mul(div(skew(matmul(swapLast(v), dv)), e), 0.5));
  }
  return [matmul(matmul(v, inner as Tensor), swapLast(v))];
});

// d(eigenvalues) = V·diag(dw)·Vᵀ, with V from a recorded eigh (so it differentiates again).
registerGradient<EighAttrs>("linalg.eigvalsh", (dy, [a], { uplo }) => {
  const [, v] = eigh(a, { UPLO: uplo });
  return [matmul(mul(v, row(dy)), swapLast(v))];
});
