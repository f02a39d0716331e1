/**
 * Householder reduction of a symmetric matrix to tridiagonal form, A = Q·T·Qᵀ (LAPACK `sytd2`,
 * unblocked, on full storage), and the formation of Q through the blocked `orgqr`. The blocked
 * reduction in `sytrd.ts` runs this loop on its last, small trailing block.
 */
import { larfg } from "./householder.js";
import { orgqr } from "./qr.js";

/** T's diagonal d and off-diagonal e, and the τ of reflector k (stored below A[k+1][k]). */
export interface Tridiagonal {
  d: Float64Array;
  e: Float64Array;
  tau: Float64Array;
}

/**
 * Reduces the trailing block (rows and columns `from`..n−1) of the symmetric n×n row-major
 * float64 A in place (both triangles must hold the matrix), writing d, e and τ from index
 * `from` on; reflector k (acting on indices k+1..n−1) is stored below A[k+1][k].
 */
export function sytd2(n: number, A: Float64Array, from: number, out: Tridiagonal): void {
  const { d, e, tau } = out;
  const v = new Float64Array(n);
  const w = new Float64Array(n);
  const beta = { beta: 0 };
  for (let k = from; k < n - 1; k++) {
    d[k] = A[k * n + k];
    const s = n - k - 1;
    const t = larfg(s - 1, A[(k + 1) * n + k], A, (k + 2) * n + k, n, beta);
    tau[k] = t;
    e[k] = beta.beta;
    if (t === 0) continue;
    v[0] = 1;
    for (let i = 1; i < s; i++) v[i] = A[(k + 1 + i) * n + k];
    // H·A22·H = A22 − v·wᵀ − w·vᵀ with p = τ·A22·v and w = p − (τ/2)(pᵀv)·v.
    const base = (k + 1) * n + k + 1;
    let pv = 0;
    for (let i = 0; i < s; i++) {
      const row = base + i * n;
      let acc = 0;
      for (let j = 0; j < s; j++) acc += A[row + j] * v[j];
      w[i] = t * acc;
      pv += w[i] * v[i];
    }
    const alpha = -0.5 * t * pv;
    for (let i = 0; i < s; i++) w[i] += alpha * v[i];
    for (let i = 0; i < s; i++) {
      const row = base + i * n;
      const vi = v[i];
      const wi = w[i];
      for (let j = 0; j < s; j++) A[row + j] -= vi * w[j] + wi * v[j];
    }
  }
  if (n > from) d[n - 1] = A[n * n - 1];
}

/** Q (n×n) from `sytrd`'s reflectors: diag(1, Q̃) with Q̃ formed geqrf-style from row 1 down. */
export function formTridiagQ(n: number, A: Float64Array, tau: Float64Array): Float64Array {
  const Q = new Float64Array(n * n);
  if (n === 0) return Q;
  Q[0] = 1;
  const s = n - 1;
  const sub = orgqr(s, s, s, A, n, n, tau);
  for (let i = 0; i < s; i++) for (let j = 0; j < s; j++) Q[(i + 1) * n + j + 1] = sub[i * s + j];
  return Q;
}
