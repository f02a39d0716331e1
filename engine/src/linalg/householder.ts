/**
 * Householder reflectors H = I − τ·v·vᵀ (LAPACK `larfg`, `larft`, `larfb`) on row-major float64
 * storage, shared by QR, the SVD's bidiagonalisation and the eigen-solvers' reductions.
 */
import { gemm } from "./gemm.js";

/**
 * Makes the reflector that maps [alpha; x] to [beta; 0]. x is `count` entries of `a` starting
 * at `off` with stride `inc`; it is overwritten with v[1..] (v[0] = 1 is implicit). Returns τ
 * and writes beta to `out.beta`. τ = 0 (H = I) when x is already zero.
 */
export function larfg(
  count: number,
  alpha: number,
  a: Float64Array,
  off: number,
  inc: number,
  out: { beta: number },
): number {
  // Scaled 2-norm so that squares of huge or tiny entries neither overflow nor underflow.
  let scale = 0;
  for (let i = 0, p = off; i < count; i++, p += inc) scale = Math.max(scale, Math.abs(a[p]));
  if (scale === 0) {
    out.beta = alpha;
    return 0;
  }
  let ssq = 0;
  for (let i = 0, p = off; i < count; i++, p += inc) {
    const t = a[p] / scale;
    ssq += t * t;
  }
  const xnorm = scale * Math.sqrt(ssq);
  const beta = -(alpha >= 0 ? 1 : -1) * Math.hypot(alpha, xnorm);
  const tau = (beta - alpha) / beta;
  const f = 1 / (alpha - beta);
  for (let i = 0, p = off; i < count; i++, p += inc) a[p] *= f;
  out.beta = beta;
  return tau;
}

/**
 * Copies k reflectors stored geqrf-style (column j holds v_j below row j of the m×k block at
 * `off` with row stride `ld`) into an explicit m×k matrix with the unit diagonal and zeros above.
 */
export function explicitV(m: number, k: number, A: Float64Array, off: number, ld: number): Float64Array {
  const V = new Float64Array(m * k);
  for (let i = 0; i < m; i++) {
    const row = off + i * ld;
    for (let j = 0; j < k && j <= i; j++) V[i * k + j] = i === j ? 1 : A[row + j];
  }
  return V;
}

/**
 * The k×k upper-triangular T of the compact WY form H₁H₂…H_k = I − V·T·Vᵀ (LAPACK `larft`,
 * forward, columnwise), for an explicit m×k V.
 */
export function larft(
  m: number,
  k: number,
  V: Float64Array,
  tau: Float64Array,
  tauOff: number,
): Float64Array {
  const T = new Float64Array(k * k);
  const w = new Float64Array(k);
  // All the inner products v_jᵀv_i at once: one GEMM instead of k level-2 passes over V.
  const G = new Float64Array(k * k);
  gemm(true, false, k, k, m, 1, V, k, V, k, 0, G, k);
  for (let i = 0; i < k; i++) {
    const ti = tau[tauOff + i];
    T[i * k + i] = ti;
    if (i === 0) continue;
    // w = V[:, :i]ᵀ · v_i, then T[:i, i] = −τ_i · T[:i, :i] · w.
    for (let j = 0; j < i; j++) w[j] = G[j * k + i];
    for (let a = 0; a < i; a++) {
      let s = 0;
      for (let b = a; b < i; b++) s += T[a * k + b] * w[b];
      T[a * k + i] = -ti * s;
    }
  }
  return T;
}

/**
 * Applies the block reflector H = I − V·T·Vᵀ (or Hᵀ when `transpose`) from the left to the
 * m×n block of C at `cOff` (row stride `ldc`): C ← H·C. Two GEMMs carry the work.
 */
export function larfbLeft(
  transpose: boolean,
  m: number,
  n: number,
  k: number,
  V: Float64Array,
  T: Float64Array,
  C: Float64Array,
  cOff: number,
  ldc: number,
): void {
  if (n === 0 || k === 0) return;
  const W = new Float64Array(k * n);
  gemm(true, false, k, n, m, 1, V, k, C, ldc, 0, W, n, { b: cOff });
  // W ← op(T)·W, T upper triangular; in place, row by row in an order that reads unchanged rows.
  if (transpose) {
    for (let a = k - 1; a >= 0; a--) {
      const ra = a * n;
      const taa = T[a * k + a];
      for (let c = 0; c < n; c++) W[ra + c] *= taa;
      for (let b = 0; b < a; b++) {
        const tba = T[b * k + a];
        if (tba === 0) continue;
        const rb = b * n;
        for (let c = 0; c < n; c++) W[ra + c] += tba * W[rb + c];
      }
    }
  } else {
    for (let a = 0; a < k; a++) {
      const ra = a * n;
      const taa = T[a * k + a];
      for (let c = 0; c < n; c++) W[ra + c] *= taa;
      for (let b = a + 1; b < k; b++) {
        const tab = T[a * k + b];
        if (tab === 0) continue;
        const rb = b * n;
        for (let c = 0; c < n; c++) W[ra + c] += tab * W[rb + c];
      }
    }
  }
  gemm(false, false, m, n, k, -1, V, k, W, n, 1, C, ldc, { c: cOff });
}

/**
 * Applies one reflector (v with implicit v[0] = 1 at `vOff`, stride `vInc`, length m) from the
 * left to the m×n block at `cOff`: C ← (I − τvvᵀ)C. `w` is scratch of length ≥ n.
 */
export function larfLeft(
  m: number,
  n: number,
  v: Float64Array,
  vOff: number,
  vInc: number,
  tau: number,
  C: Float64Array,
  cOff: number,
  ldc: number,
  w: Float64Array,
): void {
  if (tau === 0 || n === 0) return;
  for (let c = 0; c < n; c++) w[c] = C[cOff + c];
  for (let i = 1; i < m; i++) {
    const vi = v[vOff + i * vInc];
    if (vi === 0) continue;
    const row = cOff + i * ldc;
    for (let c = 0; c < n; c++) w[c] += vi * C[row + c];
  }
  for (let c = 0; c < n; c++) C[cOff + c] -= tau * w[c];
  for (let i = 1; i < m; i++) {
    const f = tau * v[vOff + i * vInc];
    if (f === 0) continue;
    const row = cOff + i * ldc;
    for (let c = 0; c < n; c++) C[row + c] -= f * w[c];
  }
}

/**
 * Applies one reflector (v contiguous at `vOff` with implicit v[0] = 1, length n) from the right
 * to the m×n block at `cOff`: C ← C(I − τvvᵀ). Each row is one dot product and one axpy.
 */
export function larfRight(
  m: number,
  n: number,
  v: Float64Array,
  vOff: number,
  tau: number,
  C: Float64Array,
  cOff: number,
  ldc: number,
): void {
  if (tau === 0 || m === 0) return;
  for (let i = 0; i < m; i++) {
    const row = cOff + i * ldc;
    let s = C[row];
    for (let c = 1; c < n; c++) s += C[row + c] * v[vOff + c];
    const f = tau * s;
    C[row] -= f;
    for (let c = 1; c < n; c++) C[row + c] -= f * v[vOff + c];
  }
}
