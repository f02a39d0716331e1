/**
 * Householder QR (LAPACK `geqrf`/`orgqr`), blocked with the compact WY form so that the trailing
 * updates and the formation of Q are GEMMs; and NumPy's `linalg.qr` on top.
 */
import { stackOf } from "./batch.js";
import { explicitV, larfbLeft, larfg, larfLeft, larft } from "./householder.js";
import { alloc, dtypeOf, toF64, type Dense } from "./types.js";

const NB = 32;

/**
 * In-place QR of the m×n row-major float64 matrix A (row stride `lda`): on return R is on and
 * above the diagonal and reflector j's vector is below A[j][j] (implicit unit), with its τ in
 * `tau[j]` (length ≥ min(m, n)), so that Q = H₀H₁…H_{k−1}.
 */
export function geqrf(m: number, n: number, A: Float64Array, lda: number, tau: Float64Array): void {
  const k = Math.min(m, n);
  const w = new Float64Array(n);
  const out = { beta: 0 };
  for (let j0 = 0; j0 < k; j0 += NB) {
    const jb = Math.min(NB, k - j0);
    const end = j0 + jb;
    for (let j = j0; j < end; j++) {
      tau[j] = larfg(m - j - 1, A[j * lda + j], A, (j + 1) * lda + j, lda, out);
      A[j * lda + j] = out.beta;
      larfLeft(m - j, end - j - 1, A, j * lda + j, lda, tau[j], A, j * lda + j + 1, lda, w);
    }
    if (end < n) {
      const V = explicitV(m - j0, jb, A, j0 * lda + j0, lda);
      const T = larft(m - j0, jb, V, tau, j0);
      larfbLeft(true, m - j0, n - end, jb, V, T, A, j0 * lda + end, lda);
    }
  }
}

/**
 * Forms the first `ncols` columns of Q = H₀…H_{k−1} (m×ncols, row-major float64) from
 * reflectors stored geqrf-style in the m×k block of A at `off` (row stride `lda`). Blocks are
 * applied last to first so each one touches only the rows and columns it changes.
 */
export function orgqr(
  m: number,
  ncols: number,
  k: number,
  A: Float64Array,
  off: number,
  lda: number,
  tau: Float64Array,
  tauOff = 0,
): Float64Array {
  const Q = new Float64Array(m * ncols);
  for (let i = 0; i < Math.min(m, ncols); i++) Q[i * ncols + i] = 1;
  if (k === 0) return Q;
  for (let j0 = Math.floor((k - 1) / NB) * NB; j0 >= 0; j0 -= NB) {
    const jb = Math.min(NB, k - j0);
    const V = explicitV(m - j0, jb, A, off + j0 * lda + j0, lda);
    const T = larft(m - j0, jb, V, tau, tauOff + j0);
    larfbLeft(false, m - j0, ncols - j0, jb, V, T, Q, j0 * ncols + j0, ncols);
  }
  return Q;
}

/** NumPy's `qr` modes. */
export type QrMode = "reduced" | "complete" | "r";

/**
 * NumPy's `linalg.qr` for each `(..., M, N)` matrix, K = min(M, N):
 * "reduced" → q `(..., M, K)`, r `(..., K, N)`; "complete" → q `(..., M, M)`, r `(..., M, N)`;
 * "r" → r only. Signs follow LAPACK (and so NumPy): R's diagonal may be negative.
 *
 * @example
 * ```ts
 * const { q, r } = qr({ data: new Float64Array([1, 2, 3, 4, 5, 6]), shape: [3, 2] });
 * // q: 3×2 with orthonormal columns, r: 2×2 upper triangular, q·r = a
 * ```
 */
export function qr(a: Dense, mode: QrMode = "reduced"): { q?: Dense; r: Dense } {
  const { batchShape, count, m, n } = stackOf(a.shape);
  const k = Math.min(m, n);
  const dtype = dtypeOf(a.data);
  const rRows = mode === "complete" ? m : k;
  const qCols = mode === "complete" ? m : k;
  const R = alloc(dtype, count * rRows * n);
  const Qall = mode === "r" ? null : alloc(dtype, count * m * qCols);
  const tau = new Float64Array(k);
  for (let t = 0; t < count; t++) {
    const A = toF64(a.data, t * m * n, (t + 1) * m * n);
    geqrf(m, n, A, n, tau);
    const base = t * rRows * n;
    for (let i = 0; i < k; i++) for (let j = i; j < n; j++) R[base + i * n + j] = A[i * n + j];
    if (Qall) Qall.set(orgqr(m, qCols, k, A, 0, n, tau), t * m * qCols);
  }
  const r: Dense = { data: R, shape: [...batchShape, rRows, n] };
  return Qall ? { q: { data: Qall, shape: [...batchShape, m, qCols] }, r } : { r };
}
