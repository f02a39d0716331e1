/**
 * Blocked Householder bidiagonalisation of a square matrix, A = Q·B·Pᵀ with B upper bidiagonal
 * (LAPACK `gebrd` with a `labrd` panel).
 *
 * The unblocked loop applies each left and each right reflector to the whole trailing matrix:
 * four level-2 passes over it per step. Here a panel of NB steps is computed against the
 * *un-updated* trailing matrix, the panel's earlier reflectors being folded in through two
 * accumulated blocks, A_current = A − U·Yᵀ − X·Vᵀ (U and V the panel's left and right reflectors).
 * Each step still needs two matrix–vector products with the trailing matrix (for Y's and X's
 * new columns), but the trailing update itself becomes two GEMMs, which carry half of the
 * 8n³/3 flops at GEMM speed.
 */
import { gebd2, type Bidiagonal } from "./bidiag.js";
import { gemm } from "./gemm.js";
import { gemvN, gemvT } from "./gemv.js";
import { larfg } from "./householder.js";

/** Steps per panel. */
export const GEBRD_NB = 32;
/** Trailing blocks of this order or smaller are finished by the unblocked loop. */
export const GEBRD_NX = 64;

/**
 * Reduces the n×n row-major float64 A in place, storing the reflectors exactly as the unblocked
 * `gebd2` does (left reflector k below A[k][k], right reflector k right of A[k][k+1]), so that
 * `formQ`/`formPt` form Q and Pᵀ from either. `nb` and `nx` override the block size and the
 * crossover (tests use them to reach the blocked/unblocked boundary on small matrices).
 *
 * @example
 * ```ts
 * const A = new Float64Array([4, 1, 0, 2, 3, 1, 0, 1, 5]);
 * const { d, e } = gebrd(3, A); // B = bidiag(d, e) has A's singular values
 * ```
 */
export function gebrd(n: number, A: Float64Array, nb = GEBRD_NB, nx = GEBRD_NX): Bidiagonal {
  const bd: Bidiagonal = {
    d: new Float64Array(n),
    e: new Float64Array(Math.max(0, n - 1)),
    tauq: new Float64Array(n),
    taup: new Float64Array(n),
  };
  let k = 0;
  if (nb > 1 && n > nx) {
    const X = new Float64Array(n * nb);
    const Y = new Float64Array(n * nb);
    const t = new Float64Array(nb);
    // Each panel leaves at least two columns to its right so every step has a right reflector.
    for (; n - k > Math.max(nx, nb + 1); k += nb) {
      labrd(n, A, k, nb, X, Y, t, bd);
      const s = n - k - nb;
      const c = (k + nb) * n + k + nb;
      // A22 ← A22 − U·Yᵀ − X·V; V's last row still holds its unit at A[k+nb−1][k+nb].
      gemm(false, true, s, s, nb, -1, A, n, Y, nb, 1, A, n, { a: (k + nb) * n + k, b: (k + nb) * nb, c });
      gemm(false, false, s, s, nb, -1, X, nb, A, n, 1, A, n, { a: (k + nb) * nb, b: k * n + k + nb, c });
      for (let g = k; g < k + nb; g++) {
        A[g * n + g] = bd.d[g];
        A[g * n + g + 1] = bd.e[g];
      }
    }
  }
  gebd2(n, A, k, bd);
  return bd;
}

// Panel of nb steps from k. Left reflector j (global g = k + j) is column g of A from row g
// (unit written at A[g][g]); right reflector j is row g from column g+1 (unit at A[g][g+1]).
// The units stay in A until the caller's trailing update has read them. X (rows 0..n−1, stride
// nb) and Y (likewise) receive the blocks of the two-sided update, indexed by global row/column.
function labrd(
  n: number,
  A: Float64Array,
  k: number,
  nb: number,
  X: Float64Array,
  Y: Float64Array,
  t: Float64Array,
  bd: Bidiagonal,
): void {
  const { d, e, tauq, taup } = bd;
  const beta = { beta: 0 };
  X.fill(0);
  Y.fill(0);
  for (let j = 0; j < nb; j++) {
    const g = k + j;
    const gg = g * n + g;
    const s = n - g - 1; // length of the row part right of the diagonal
    // Column g, rows g..: A −= U·Y[g,:]ᵀ + X·V[:,g] over the panel's earlier steps.
    gemvN(s + 1, j, -1, A, g * n + k, n, Y, g * nb, 1, 1, A, gg, n);
    gemvN(s + 1, j, -1, X, g * nb, nb, A, k * n + g, n, 1, A, gg, n);
    tauq[g] = larfg(s, A[gg], A, gg + n, n, beta);
    d[g] = beta.beta;
    A[gg] = 1;
    if (s === 0) continue;
    // Y[g+1:, j] = τq·(A₂ᵀu − Y·(Uᵀu) − Vᵀ·(Xᵀu)), A₂ = A[g:, g+1:] before this panel.
    const yj = (g + 1) * nb + j;
    gemvT(s + 1, s, 1, A, gg + 1, n, A, gg, n, 0, Y, yj, nb);
    if (j > 0) {
      gemvT(s + 1, j, 1, A, g * n + k, n, A, gg, n, 0, t, 0, 1);
      gemvN(s, j, -1, Y, (g + 1) * nb, nb, t, 0, 1, 1, Y, yj, nb);
      gemvT(s + 1, j, 1, X, g * nb, nb, A, gg, n, 0, t, 0, 1);
      gemvT(j, s, -1, A, k * n + g + 1, n, t, 0, 1, 1, Y, yj, nb);
    }
    for (let r = 0, p = yj; r < s; r++, p += nb) Y[p] *= tauq[g];
    // Row g, columns g+1..: A −= U[g,:]·Yᵀ (this step's u included) + X[g,:]·V.
    gemvN(s, j + 1, -1, Y, (g + 1) * nb, nb, A, g * n + k, 1, 1, A, gg + 1, 1);
    if (j > 0) gemvT(j, s, -1, A, k * n + g + 1, n, X, g * nb, 1, 1, A, gg + 1, 1);
    taup[g] = larfg(s - 1, A[gg + 1], A, gg + 2, 1, beta);
    e[g] = beta.beta;
    A[gg + 1] = 1;
    // X[g+1:, j] = τp·(A₂·v − U·(Yᵀv) − X·(V·v)), A₂ = A[g+1:, g+1:] before this panel.
    const xj = (g + 1) * nb + j;
    gemvN(s, s, 1, A, gg + n + 1, n, A, gg + 1, 1, 0, X, xj, nb);
    gemvT(s, j + 1, 1, Y, (g + 1) * nb, nb, A, gg + 1, 1, 0, t, 0, 1);
    gemvN(s, j + 1, -1, A, (g + 1) * n + k, n, t, 0, 1, 1, X, xj, nb);
    if (j > 0) {
      gemvN(j, s, 1, A, k * n + g + 1, n, A, gg + 1, 1, 0, t, 0, 1);
      gemvN(s, j, -1, X, (g + 1) * nb, nb, t, 0, 1, 1, X, xj, nb);
    }
    for (let r = 0, p = xj; r < s; r++, p += nb) X[p] *= taup[g];
  }
}
