/**
 * Blocked Householder tridiagonalisation of a symmetric matrix, A = Q·T·Qᵀ (LAPACK `sytrd` with
 * a `latrd` panel, lower triangle, full storage).
 *
 * The unblocked loop updates the whole trailing matrix with a rank-2 correction after every
 * reflector: two level-2 passes over it per column. Here a panel of NB reflectors is built
 * against the *un-updated* trailing matrix, the panel's own earlier reflectors being accounted
 * for through the accumulated V and W (A_current = A − V·Wᵀ − W·Vᵀ). The one matrix–vector
 * product per column that remains is unavoidable; the rank-2·NB update of the trailing matrix
 * is then two GEMMs, which carry half of the 4n³/3 flops at GEMM speed.
 */
import { gemm } from "./gemm.js";
import { gemvN, gemvT } from "./gemv.js";
import { larfg } from "./householder.js";
import { sytd2, type Tridiagonal } from "./tridiag.js";

/** Reflectors per panel. */
export const SYTRD_NB = 32;
/** Trailing blocks of this order or smaller are finished by the unblocked loop. */
export const SYTRD_NX = 64;

/**
 * Reduces the symmetric n×n row-major float64 A in place (both triangles must hold the matrix).
 * Returns T's diagonal d and off-diagonal e; reflector k (acting on indices k+1..n−1) is stored
 * below A[k+1][k] with its τ in `tau[k]`, as the unblocked `sytd2` leaves them, so `formTridiagQ`
 * forms Q from either. `nb` and `nx` override the block size and crossover (tests use them to
 * reach the blocked/unblocked boundary on small matrices).
 *
 * @example
 * ```ts
 * const A = new Float64Array([2, 1, 0, 1, 2, 1, 0, 1, 2]);
 * sytrd(3, A).d; // the tridiagonal's diagonal
 * ```
 */
export function sytrd(n: number, A: Float64Array, nb = SYTRD_NB, nx = SYTRD_NX): Tridiagonal {
  const out: Tridiagonal = {
    d: new Float64Array(n),
    e: new Float64Array(Math.max(0, n - 1)),
    tau: new Float64Array(Math.max(0, n - 1)),
  };
  let k = 0;
  if (nb > 1 && n > nx) {
    const V = new Float64Array(n * nb);
    const W = new Float64Array(n * nb);
    const t = new Float64Array(nb);
    // Each panel must leave at least two rows below it so every panel column has a reflector.
    for (; n - k > Math.max(nx, nb + 1); k += nb) {
      latrd(n, A, k, nb, V, W, t, out);
      const s = n - k - nb;
      const off = (k + nb) * nb;
      const c = (k + nb) * n + k + nb;
      // A22 ← A22 − V·Wᵀ − W·Vᵀ on both triangles, so the full storage stays symmetric.
      gemm(false, true, s, s, nb, -1, V, nb, W, nb, 1, A, n, { a: off, b: off, c });
      gemm(false, true, s, s, nb, -1, W, nb, V, nb, 1, A, n, { a: off, b: off, c });
    }
  }
  sytd2(n, A, k, out);
  return out;
}

// Panel of nb columns from k: reduces them, leaving in V (reflectors, unit at row i+1 of column
// j = i − k) and W (w_j = τ·A_cur·v − ½τ²(vᵀA_cur·v)·v) what the trailing update needs. Rows
// of V and W are indexed globally (row stride nb); rows above a column's reflector are zero.
function latrd(
  n: number,
  A: Float64Array,
  k: number,
  nb: number,
  V: Float64Array,
  W: Float64Array,
  t: Float64Array,
  out: Tridiagonal,
): void {
  const { d, e, tau } = out;
  const beta = { beta: 0 };
  V.fill(0);
  W.fill(0);
  for (let j = 0; j < nb; j++) {
    const i = k + j;
    if (j > 0) {
      // Bring column i (rows i..n−1) up to date with the panel's earlier reflectors.
      const vi = i * nb;
      for (let r = i; r < n; r++) {
        const rr = r * nb;
        let s = 0;
        for (let c = 0; c < j; c++) s += V[rr + c] * W[vi + c] + W[rr + c] * V[vi + c];
        A[r * n + i] -= s;
      }
    }
    d[i] = A[i * n + i];
    const s = n - i - 1;
    const ti = larfg(s - 1, A[(i + 1) * n + i], A, (i + 2) * n + i, n, beta);
    tau[i] = ti;
    e[i] = beta.beta;
    V[(i + 1) * nb + j] = 1;
    for (let r = i + 2; r < n; r++) V[r * nb + j] = A[r * n + i];
    const v0 = (i + 1) * nb + j;
    // p = A₂₂·v − V·(Wᵀv) − W·(Vᵀv), on rows i+1..n−1, with A₂₂ still the panel's input.
    gemvN(s, s, 1, A, (i + 1) * n + i + 1, n, V, v0, nb, 0, W, v0, nb);
    if (j > 0) {
      const r0 = (i + 1) * nb;
      gemvT(s, j, 1, W, r0, nb, V, v0, nb, 0, t, 0, 1);
      gemvN(s, j, -1, V, r0, nb, t, 0, 1, 1, W, v0, nb);
      gemvT(s, j, 1, V, r0, nb, V, v0, nb, 0, t, 0, 1);
      gemvN(s, j, -1, W, r0, nb, t, 0, 1, 1, W, v0, nb);
    }
    // w = τ·p − ½τ²(pᵀv)·v makes H·A·H = A − v·wᵀ − w·vᵀ.
    let pv = 0;
    for (let r = 0, p = v0; r < s; r++, p += nb) pv += W[p] * V[p];
    const alpha = -0.5 * ti * ti * pv;
    for (let r = 0, p = v0; r < s; r++, p += nb) W[p] = ti * W[p] + alpha * V[p];
  }
}
