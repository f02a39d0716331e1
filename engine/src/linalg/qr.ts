/**
 * Householder QR (LAPACK `geqrf`/`orgqr`), blocked with the compact WY form so that the trailing
 * updates and the formation of Q are GEMMs; and NumPy's `linalg.qr` on top.
 */
import { stackOf } from "./batch.js";
import { applyQt } from "./blocked-householder.js";
import { explicitV, larfbLeft, larfg, larfLeft, larft } from "./householder.js";
import { alloc, dtypeOf, toF64, type Dense } from "./types.js";

const NB = 32;

/** A right-hand side that {@link geqrf} multiplies by Qᵀ as it goes: m×`k`, row stride `ldc`. */
export interface QrRhs {
  C: Float64Array;
  ldc: number;
  k: number;
}

/** A faster `geqrf` a backend may offer (the native addon's); false means it declined. */
export type GeqrfAccelerator = (
  m: number,
  n: number,
  A: Float64Array,
  lda: number,
  tau: Float64Array,
  rhs?: QrRhs,
) => boolean;

let geqrfAccelerator: GeqrfAccelerator | undefined;

/**
 * Routes {@link geqrf} (and so `qr`, `lstsq` and the tall SVDs) through `fn` when it accepts;
 * undefined restores the TypeScript factorization.
 */
export function setGeqrfAccelerator(fn: GeqrfAccelerator | undefined): GeqrfAccelerator | undefined {
  const previous = geqrfAccelerator;
  geqrfAccelerator = fn;
  return previous;
}

/**
 * In-place QR of the m×n row-major float64 matrix A (row stride `lda`): on return R is on and
 * above the diagonal and reflector j's vector is below A[j][j] (implicit unit), with its τ in
 * `tau[j]` (length ≥ min(m, n)), so that Q = H₀H₁…H_{k−1}. With `rhs`, also C ← Qᵀ·C (what a
 * least-squares solve needs).
 */
export function geqrf(
  m: number,
  n: number,
  A: Float64Array,
  lda: number,
  tau: Float64Array,
  rhs?: QrRhs,
): void {
  if (geqrfAccelerator?.(m, n, A, lda, tau, rhs)) return;
  geqrfJs(m, n, A, lda, tau);
  if (rhs) applyQt(m, Math.min(m, n), A, 0, lda, tau, 0, rhs.C, 0, rhs.ldc, rhs.k);
}

function geqrfJs(m: number, n: number, A: Float64Array, lda: number, tau: Float64Array): void {
  const k = Math.min(m, n);
  // Each panel is factored in a compact copy (row stride jb): in place, its column operations
  // would touch one cache line per row of A (and a new page every few rows) for every reflector,
  // which made tall QRs memory-bound. Same arithmetic in the same order, so the same bits.
  const P = new Float64Array(m * Math.min(NB, k));
  for (let j0 = 0; j0 < k; j0 += NB) {
    const jb = Math.min(NB, k - j0);
    const end = j0 + jb;
    const rows = m - j0;
    const off = j0 * lda + j0;
    for (let i = 0; i < rows; i++) {
      const src = off + i * lda;
      for (let j = 0; j < jb; j++) P[i * jb + j] = A[src + j];
    }
    panelQr(rows, jb, P, 0, jb, tau, j0);
    for (let i = 0; i < rows; i++) {
      const dst = off + i * lda;
      for (let j = 0; j < jb; j++) A[dst + j] = P[i * jb + j];
    }
    if (end < n) {
      const V = explicitV(rows, jb, P, 0, jb);
      const T = larft(m - j0, jb, V, tau, j0);
      larfbLeft(true, m - j0, n - end, jb, V, T, A, j0 * lda + end, lda);
    }
  }
}

// Below this many columns a panel is factored column by column.
const PANEL_MIN = 8;

/**
 * QR of the m×n panel at `off` (tau from `tauOff`), recursively (Elmroth–Gustavson): the left
 * half is factored, its block reflector is applied to the right half by GEMMs, and the right
 * half's lower part is factored. On tall matrices the column-by-column panel would otherwise be
 * the largest cost: it is level-2 work over all m rows with short inner loops.
 */
function panelQr(
  m: number,
  n: number,
  A: Float64Array,
  off: number,
  lda: number,
  tau: Float64Array,
  tauOff: number,
): void {
  const k = Math.min(m, n);
  if (n <= PANEL_MIN || k < n) {
    const w = new Float64Array(n);
    const out = { beta: 0 };
    for (let j = 0; j < k; j++) {
      const jj = off + j * lda + j;
      tau[tauOff + j] = larfg(m - j - 1, A[jj], A, jj + lda, lda, out);
      A[jj] = out.beta;
      larfLeft(m - j, n - j - 1, A, jj, lda, tau[tauOff + j], A, jj + 1, lda, w);
    }
    return;
  }
  const n1 = n >> 1;
  panelQr(m, n1, A, off, lda, tau, tauOff);
  const V = explicitV(m, n1, A, off, lda);
  const T = larft(m, n1, V, tau, tauOff);
  larfbLeft(true, m, n - n1, n1, V, T, A, off + n1, lda);
  panelQr(m - n1, n - n1, A, off + n1 * lda + n1, lda, tau, tauOff + n1);
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
