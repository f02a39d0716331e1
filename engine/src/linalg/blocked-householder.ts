/**
 * Products with the orthogonal factor of a Householder QR without forming it (LAPACK `ormqr`,
 * left side, transposed): the reflectors are applied in blocks of NB through the compact WY
 * form, so the work is GEMMs with the few columns of C instead of an m×m (or m×n) Q.
 */
import { explicitV, larfbLeft, larft } from "./householder.js";

const NB = 32;

/**
 * C ← Qᵀ·C for Q = H₀H₁…H_{k−1}, with the k reflectors stored geqrf-style in the m×k block of A
 * at `aOff` (row stride `lda`; column j holds v_j below its row j, unit implicit) and their τ
 * in `tau` from `tauOff`. C is m×`ncols` at `cOff` with row stride `ldc`.
 *
 * @example
 * ```ts
 * geqrf(m, n, A, n, tau);
 * applyQt(m, n, A, 0, n, tau, 0, b, 0, 1, 1); // b ← Qᵀb
 * ```
 */
export function applyQt(
  m: number,
  k: number,
  A: Float64Array,
  aOff: number,
  lda: number,
  tau: Float64Array,
  tauOff: number,
  C: Float64Array,
  cOff: number,
  ldc: number,
  ncols: number,
): void {
  // Qᵀ = H_{k−1}…H₀: the first block acts first.
  for (let j0 = 0; j0 < k; j0 += NB) {
    const jb = Math.min(NB, k - j0);
    const V = explicitV(m - j0, jb, A, aOff + j0 * lda + j0, lda);
    const T = larft(m - j0, jb, V, tau, tauOff + j0);
    larfbLeft(true, m - j0, ncols, jb, V, T, C, cOff + j0 * ldc, ldc);
  }
}
