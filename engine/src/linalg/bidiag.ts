/**
 * Householder reduction of a square matrix to upper bidiagonal form, A = Q·B·Pᵀ (LAPACK `gebd2`,
 * unblocked), and the formation of Q and P through the blocked `orgqr`. The blocked reduction
 * in `gebrd.ts` runs this loop on its last, small trailing block.
 */
import { larfg, larfLeft, larfRight } from "./householder.js";
import { orgqr } from "./qr.js";

/** The bidiagonal B (diagonal d, superdiagonal e) and the reflectors that define Q and P. */
export interface Bidiagonal {
  d: Float64Array;
  e: Float64Array;
  tauq: Float64Array;
  taup: Float64Array;
}

/**
 * Reduces the trailing block (rows and columns `from`..n−1) of the n×n row-major float64 A in
 * place, writing d, e, τ from index `from` on: left reflector k is stored below A[k][k] (a
 * column), right reflector k right of A[k][k+1] (a row, contiguous in row-major).
 */
export function gebd2(n: number, A: Float64Array, from: number, bd: Bidiagonal): void {
  const { d, e, tauq, taup } = bd;
  const w = new Float64Array(n);
  const out = { beta: 0 };
  for (let k = from; k < n; k++) {
    const kk = k * n + k;
    tauq[k] = larfg(n - k - 1, A[kk], A, kk + n, n, out);
    d[k] = out.beta;
    larfLeft(n - k, n - k - 1, A, kk, n, tauq[k], A, kk + 1, n, w);
    A[kk] = d[k];
    if (k < n - 1) {
      taup[k] = larfg(n - k - 2, A[kk + 1], A, kk + 2, 1, out);
      e[k] = out.beta;
      larfRight(n - k - 1, n - k - 1, A, kk + 1, taup[k], A, kk + n + 1, n);
      A[kk + 1] = e[k];
    }
  }
}

/** Q (n×n) from `gebrd`'s left reflectors. */
export function formQ(n: number, A: Float64Array, tauq: Float64Array): Float64Array {
  return orgqr(n, n, n, A, 0, n, tauq);
}

/** Pᵀ (n×n) from `gebrd`'s right reflectors (which act on indices 1..n−1). */
export function formPt(n: number, A: Float64Array, taup: Float64Array): Float64Array {
  const Pt = new Float64Array(n * n);
  Pt[0] = 1;
  if (n < 2) return Pt;
  const s = n - 1;
  // Reflector k lives in row k of A from column k+1; as a column of the (n−1)-space it is geqrf-style.
  const V = new Float64Array(s * s);
  for (let k = 0; k < s; k++) for (let i = k + 1; i < s; i++) V[i * s + k] = A[k * n + i + 1];
  const P = orgqr(s, s, Math.max(0, n - 2), V, 0, s, taup);
  for (let i = 0; i < s; i++) for (let j = 0; j < s; j++) Pt[(j + 1) * n + i + 1] = P[i * s + j];
  return Pt;
}
