/**
 * Householder reduction of a symmetric matrix to tridiagonal form, A = Q·T·Qᵀ (LAPACK `sytrd`,
 * unblocked, on full storage), and the formation of Q through the blocked `orgqr`.
 */
import { larfg } from "./householder.js";
import { orgqr } from "./qr.js";

/**
 * Reduces the symmetric n×n row-major float64 A in place (both triangles must hold the matrix).
 * Returns T's diagonal d and off-diagonal e; reflector k (acting on indices k+1..n−1) is stored
 * below A[k+1][k] with its τ in `tau[k]`.
 */
export function sytrd(n: number, A: Float64Array): { d: Float64Array; e: Float64Array; tau: Float64Array } {
  const d = new Float64Array(n);
  const e = new Float64Array(Math.max(0, n - 1));
  const tau = new Float64Array(Math.max(0, n - 1));
  const v = new Float64Array(n);
  const w = new Float64Array(n);
  const out = { beta: 0 };
  for (let k = 0; k < n - 1; k++) {
    d[k] = A[k * n + k];
    const s = n - k - 1;
    const t = larfg(s - 1, A[(k + 1) * n + k], A, (k + 2) * n + k, n, out);
    tau[k] = t;
    e[k] = out.beta;
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
  if (n > 0) d[n - 1] = A[n * n - 1];
  return { d, e, tau };
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
