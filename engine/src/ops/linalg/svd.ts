// `np.linalg.svd` and its gradient.
import { toTensor } from "../../core/convert.js";
import { runKernelMulti } from "../../core/registry.js";
import type { Tensor, TensorLike } from "../../core/tensor.js";
import { registerMultiGradient } from "../../autodiff/registry.js";
import { div, mul, reciprocal, sub } from "../arithmetic.js";
import { matmul } from "../products.js";
import { col, diagEmbed, eyeOf, floatOf, plus, row, skew, swapLast } from "./common.js";

/** Options of `svd`. */
export interface SvdOptions {
  /** U is M×M and Vᵀ N×N (default true); false gives the thin factors. */
  fullMatrices?: boolean;
  /** Return `[u, s, vh]` (default true) or just `[s]`. */
  computeUv?: boolean;
}

/**
 * Singular value decomposition (batched): `[u, s, vh]` with `s` descending (or `[s]`).
 *
 * @example
 * ```ts
 * const [U, s, Vt] = np.linalg.svd(Xc, { fullMatrices: false });
 * ```
 */
export function svd(a: TensorLike, opts: SvdOptions = {}): Tensor[] {
  return runKernelMulti("linalg.svd", [toTensor(a)], {
    fullMatrices: opts.fullMatrices ?? true,
    computeUv: opts.computeUv ?? true,
  });
}

/** The thin factors `[u, s, vh]` (K = min(M, N) singular triplets). */
export const thinSvd = (a: Tensor): Tensor[] => svd(a, { fullMatrices: false });

/**
 * The gradient of A from gradients of its thin SVD factors (`null` = zero):
 * A's gradient = U·[(skew(Uᵀ·dU) / E)·S + S·(skew(Vᵀ·dV) / E) + diag(dS)]·Vᵀ
 *   + (I - U·Uᵀ)·dU·S⁻¹·Vᵀ + U·S⁻¹·dVᵀ·(I - V·Vᵀ),
 * with E_jk = s_k² - s_j² off the diagonal. Repeated singular values make E zero (the singular
 * vectors are then not unique) and the gradient infinite or NaN; the last two terms need
 * non-zero singular values.
 */
export function svdBackward(
  u: Tensor,
  s: Tensor,
  vh: Tensor,
  du: Tensor | null,
  ds: Tensor | null,
  dvh: Tensor | null,
): Tensor {
  const m = u.shape[u.ndim - 2];
  const n = vh.shape[vh.ndim - 1];
  const k = s.shape[s.ndim - 1];
  let inner = ds ? diagEmbed(ds) : null;
  if (du || dvh) {
    const s2 = mul(s, s);
    const e = sub(row(s2), col(s2)).add(eyeOf(k, floatOf(s)));
    if (du) inner = plus(inner, mul(div(skew(matmul(swapLast(u), du)), e), row(s)));
    if (dvh) inner = plus(inner, mul(col(s), div(skew(matmul(vh, swapLast(dvh))), e)));
  }
  let g = inner ? matmul(matmul(u, inner), vh) : null;
  const sInv = reciprocal(s);
  if (du && m > k) {
    const outside = sub(du, matmul(u, matmul(swapLast(u), du)));
    g = plus(g, matmul(mul(outside, row(sInv)), vh));
  }
  if (dvh && n > k) {
    const outside = sub(dvh, matmul(matmul(dvh, swapLast(vh)), vh));
    g = plus(g, matmul(u, mul(col(sInv), outside)));
  }
  return g as Tensor;
}

interface SvdAttrs {
  readonly fullMatrices: boolean;
  readonly computeUv: boolean;
}

// Full matrices of a non-square A: the columns of U (or rows of Vᵀ) past K are not determined by
// A; as in PyTorch, only the first K take part in the gradient.
registerMultiGradient<SvdAttrs>("linalg.svd", (dys, [a], { computeUv }, outputs) => {
  if (!computeUv) {
    const [u, , vh] = thinSvd(a);
    return [svdBackward(u, outputs[0], vh, null, dys[0], null)];
  }
  const [u, s, vh] = outputs;
  const [du, ds, dvh] = dys;
  const k = s.shape[s.ndim - 1];
  const narrowU = (t: Tensor): Tensor => (t.shape[t.ndim - 1] > k ? t.get("...", `:${k}`) : t);
  const narrowV = (t: Tensor): Tensor => (t.shape[t.ndim - 2] > k ? t.get("...", `:${k}`, ":") : t);
  return [svdBackward(narrowU(u), s, narrowV(vh), du && narrowU(du), ds, dvh && narrowV(dvh))];
});
