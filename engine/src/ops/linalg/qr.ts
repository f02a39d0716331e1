// `np.linalg.qr` and its gradient.
import { toTensor } from "../../core/convert.js";
import { runKernelMulti } from "../../core/registry.js";
import type { Tensor, TensorLike } from "../../core/tensor.js";
import type { QrMode } from "../../linalg/index.js";
import { LookupError } from "../../autodiff/errors.js";
import { registerMultiGradient } from "../../autodiff/registry.js";
import { sub } from "../arithmetic.js";
import { zeros } from "../creation.js";
import { concatenate } from "../join.js";
import { matmul } from "../products.js";
import { floatOf, plus, skew, swapLast, tril } from "./common.js";
import { solve } from "./inverse.js";

/**
 * QR decomposition by Householder reflections (batched): `[q, r]` ("reduced", "complete") or
 * `[r]` ("r").
 *
 * @example
 * ```ts
 * const [q, r] = np.linalg.qr([[1, 2], [3, 4], [5, 6]]); // q: 3×2, r: 2×2 upper triangular
 * ```
 */
export function qr(a: TensorLike, opts: { mode?: QrMode } = {}): Tensor[] {
  return runKernelMulti("linalg.qr", [toTensor(a)], { mode: opts.mode ?? "reduced" });
}

// x·R⁻ᵀ for an invertible (upper triangular) R: the transpose of R⁻¹·xᵀ.
const rightSolveT = (x: Tensor, r: Tensor): Tensor => swapLast(solve(r, swapLast(x)));

// M ≥ N (Q is M×N, R N×N): with skew parts of Qᵀ·dQ and R·dRᵀ, and C their lower triangle,
// dA = Q·(dR + C·R⁻ᵀ) + (dQ - Q·Qᵀ·dQ)·R⁻ᵀ. Needs a full-rank A (R invertible).
function tallGradient(q: Tensor, r: Tensor, dq: Tensor | null, dr: Tensor | null): Tensor {
  const qdq = dq ? matmul(swapLast(q), dq) : null;
  const c = tril(plus(qdq ? skew(qdq) : null, dr ? skew(matmul(r, swapLast(dr))) : null) as Tensor);
  const fromR = matmul(q, dr ? dr.add(rightSolveT(c, r)) : rightSolveT(c, r));
  return dq && qdq ? fromR.add(rightSolveT(sub(dq, matmul(q, qdq)), r)) : fromR;
}

interface QrAttrs {
  readonly mode: QrMode;
}

// M < N: with A = [X | Y] and R = [U | V] (U square), X = Q·U is the square case with dQ
// increased by Y·dVᵀ, and dY = Q·dV.
registerMultiGradient<QrAttrs>("linalg.qr", (dys, [a], { mode }, outputs) => {
  const m = a.shape[a.ndim - 2];
  const n = a.shape[a.ndim - 1];
  if (mode === "complete" && m > n) {
    throw new LookupError(
      `No gradient defined for np.linalg.qr(mode="complete") of a ${m}×${n} matrix with more rows than ` +
        `columns: the last ${m - n} columns of Q are not determined by A. Use mode "reduced".`,
    );
  }
  const [q, r] = mode === "r" ? [qr(a)[0], outputs[0]] : outputs;
  const [dq, dr] = mode === "r" ? [null, dys[0]] : dys;
  if (dq === null && dr === null) return [null];
  if (m >= n) return [tallGradient(q, r, dq, dr)];
  const u = r.get("...", `:${m}`);
  const dv = dr ? dr.get("...", `${m}:`) : null;
  const y = a.get("...", `${m}:`);
  const dqWide = plus(dq, dv ? matmul(y, swapLast(dv)) : null);
  const dx = tallGradient(q, u, dqWide, dr ? dr.get("...", `:${m}`) : null);
  const dy = dv ? matmul(q, dv) : zeros(y.shape, { dtype: floatOf(a) });
  return [concatenate([dx, dy], -1)];
});
