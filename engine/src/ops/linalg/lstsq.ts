// `np.linalg.pinv`, `lstsq` and `matrixRank`, with the gradients of the pseudo-inverse and of
// the least-squares solution, residuals and singular values.
import { toTensor } from "../../core/convert.js";
import { runKernel, runKernelMulti } from "../../core/registry.js";
import type { Tensor, TensorLike } from "../../core/tensor.js";
import { registerGradient, registerMultiGradient } from "../../autodiff/registry.js";
import { mul, neg, sub } from "../arithmetic.js";
import { matmul } from "../products.js";
import { col, plus, row, swapLast } from "./common.js";
import { svdBackward, thinSvd } from "./svd.js";

/**
 * Moore-Penrose pseudo-inverse via SVD (batched); singular values below `rcond`·max are treated
 * as zero.
 *
 * @example
 * ```ts
 * const theta = np.linalg.pinv(Xb).matmul(y);
 * ```
 */
export function pinv(a: TensorLike, rcond = 1e-15): Tensor {
  return runKernel("linalg.pinv", [toTensor(a)], { rcond });
}

/**
 * Least squares `min ||a x - b||`: returns `[x, residuals, rank, s]` like NumPy. `rcond` null (the
 * default) means eps·max(M, N).
 *
 * @example
 * ```ts
 * const [theta, residuals, rank, s] = np.linalg.lstsq(Xb, y, { rcond: 1e-6 });
 * ```
 */
export function lstsq(
  a: TensorLike,
  b: TensorLike,
  opts: { rcond?: number | null } = {},
): [Tensor, Tensor, number, Tensor] {
  const [x, residuals, rank, s] = runKernelMulti("linalg.lstsq", [toTensor(a), toTensor(b)], {
    rcond: opts.rcond ?? null,
  });
  return [x, residuals, Number(rank.item()), s];
}

/**
 * Rank by SVD: singular values above `tol` (default `S.max() * max(M, N) * eps`).
 *
 * @example
 * ```ts
 * np.linalg.matrixRank([[1, 2], [2, 4]]).item(); // 1
 * ```
 */
export function matrixRank(a: TensorLike, opts: { tol?: number | null } = {}): Tensor {
  return runKernel("linalg.matrixRank", [toTensor(a)], { tol: opts.tol ?? null });
}

/**
 * The gradient of A from the gradient G of P = A⁺ (valid where the rank of A does not change):
 * -Pᵀ·G·Pᵀ + (I - A·P)·Gᵀ·P·Pᵀ + Pᵀ·P·Gᵀ·(I - P·A).
 */
function pinvBackward(a: Tensor, p: Tensor, g: Tensor): Tensor {
  const pt = swapLast(p);
  const gt = swapLast(g);
  const gtPPt = matmul(matmul(gt, p), pt);
  const ptPGt = matmul(matmul(pt, p), gt);
  return neg(matmul(matmul(pt, g), pt))
    .add(sub(gtPPt, matmul(matmul(a, p), gtPPt)))
    .add(sub(ptPGt, matmul(matmul(ptPGt, p), a)));
}

registerGradient("linalg.pinv", (dy, [a], _attrs, p) => [pinvBackward(a, p, dy)]);

// lstsq's outputs: x = A⁺·b, the residual sums of squares ‖A·x - b‖² per column (empty unless
// M > N and A has full rank), the rank (an integer) and the singular values of A.
// x: through the pseudo-inverse, with G = dx·bᵀ for A⁺ and db = A⁺ᵀ·dx. residuals: x minimises
// them, so their gradient holds x fixed: dA = 2·r·(dres·x)ᵀ and db = -2·r·dres with r = A·x - b.
// s: as the singular values of A.
registerMultiGradient<{ rcond: number | null }>(
  "linalg.lstsq",
  ([dx, dres, , ds], [a, b], _attrs, [x, residuals, , s], needs) => {
    const vector = b.ndim === 1;
    const asCol = (t: Tensor): Tensor => (vector ? col(t) : t);
    let da: Tensor | null = null;
    let db: Tensor | null = null;
    if (dx) {
      const p = pinv(a);
      if (needs[0]) da = pinvBackward(a, p, matmul(asCol(dx), swapLast(asCol(b))));
      db = matmul(swapLast(p), dx);
    }
    if (dres && residuals.size > 0) {
      const r = asCol(sub(matmul(a, x), b));
      const w = mul(r, row(dres).mul(2));
      da = plus(da, matmul(w, swapLast(asCol(x))));
      const dbRes = neg(w);
      db = plus(db, vector ? dbRes.reshape([-1]) : dbRes);
    }
    if (ds && needs[0]) {
      const [u, , vh] = thinSvd(a);
      da = plus(da, svdBackward(u, s, vh, null, ds, null));
    }
    return [da, db];
  },
);
