/**
 * SVD-based least squares and friends: NumPy's `linalg.lstsq`, `pinv` and `matrix_rank`.
 */
import { stackOf } from "./batch.js";
import { LinAlgError, MSG } from "./errors.js";
import { bdsqr } from "./bdsqr.js";
import { formPt } from "./bidiag.js";
import { applyQt } from "./blocked-householder.js";
import { gebrd } from "./gebrd.js";
import { gemm } from "./gemm.js";
import { geqrf } from "./qr.js";
import { svdMatrix } from "./svd.js";
import { alloc, dtypeOf, epsOf, promote, toF64, type Dense, type IntDense } from "./types.js";

/** The four outputs of NumPy's `lstsq`. */
export interface LstsqResult {
  /** The minimum-norm least-squares solution, `(N,)` or `(N, K)`. */
  x: Dense;
  /** Squared 2-norms of each column of b − a·x, `(K,)` (or `(1,)` for 1-D b); empty `(0,)` unless rank = N < M. */
  residuals: Dense;
  /** Effective rank of a. */
  rank: number;
  /** Singular values of a, descending, `(min(M, N),)`. */
  s: Dense;
}

/**
 * NumPy's `linalg.lstsq(a, b, rcond)` for a `(M, N)` and b `(M,)` or `(M, K)`. Singular values
 * at or below `rcond · s_max` are treated as zero. `rcond` null/undefined is NumPy's
 * `rcond=None` (machine eps of the result dtype · max(M, N)); a negative rcond means machine eps
 * (NumPy's old default).
 *
 * @example
 * ```ts
 * const a = { data: new Float64Array([1, 0, 1, 1, 1, 2]), shape: [3, 2] };
 * const b = { data: new Float64Array([1, 2, 4]), shape: [3] };
 * lstsq(a, b).x.data; // ≈ [0.8333, 1.5]
 * ```
 */
export function lstsq(a: Dense, b: Dense, rcond: number | null = null): LstsqResult {
  if (a.shape.length !== 2)
    throw new LinAlgError(`${a.shape.length}-dimensional array given. Array must be two-dimensional`);
  if (b.shape.length !== 1 && b.shape.length !== 2) {
    throw new LinAlgError(`${b.shape.length}-dimensional array given. Array must be one or two-dimensional`);
  }
  const [m, n] = a.shape;
  const vector = b.shape.length === 1;
  const k = vector ? 1 : b.shape[1];
  if (b.shape[0] !== m) throw new LinAlgError("Incompatible dimensions");
  const dtype = promote(dtypeOf(a.data), dtypeOf(b.data));
  const eps = epsOf(dtype);
  const A = toF64(a.data);
  for (let i = 0; i < A.length; i++) if (A[i] - A[i] !== 0) throw new LinAlgError(MSG.lstsqNoConv);
  const B = toF64(b.data);
  const kk = Math.min(m, n);
  const { s, rank, X } =
    m >= n ? solveTall(m, n, k, A.slice(), B, rcond, eps) : solveBySvd(m, n, k, A, B, rcond, eps);
  let residuals: Dense = { data: alloc(dtype, 0), shape: [0] };
  if (rank === n && m > n) {
    const R = B.slice();
    gemm(false, false, m, k, n, -1, A, n, X, k, 1, R, k);
    const res = alloc(dtype, k);
    for (let i = 0; i < m; i++) for (let j = 0; j < k; j++) res[j] += R[i * k + j] * R[i * k + j];
    residuals = { data: res, shape: [k] };
  }
  const out = alloc(dtype, n * k);
  out.set(X);
  const sOut = alloc(dtype, kk);
  sOut.set(s);
  return { x: { data: out, shape: vector ? [n] : [n, k] }, residuals, rank, s: { data: sOut, shape: [kk] } };
}

/**
 * {@link lstsq} for callers that own their data and have checked it (the linear models): A
 * (m×n, row-major) and B (m×k) are overwritten, nothing is checked for finiteness and no
 * residuals are formed, which saves two copies of A and a pass over it. Same solution, rank
 * and singular values as `lstsq(a, b, rcond)` on float64 input.
 *
 * @example
 * ```ts
 * const { x } = lstsqInPlace(3, 2, 1, new Float64Array([1, 0, 1, 1, 1, 2]), new Float64Array([1, 2, 4]), null);
 * // x ≈ [0.8333, 1.5]
 * ```
 */
export function lstsqInPlace(
  m: number,
  n: number,
  k: number,
  A: Float64Array,
  B: Float64Array,
  rcond: number | null,
): { x: Float64Array; rank: number; s: Float64Array } {
  const eps = epsOf("float64");
  const { s, rank, X } =
    m >= n ? solveTall(m, n, k, A, B, rcond, eps) : solveBySvd(m, n, k, A, B, rcond, eps);
  return { x: X, rank, s };
}

// Singular values at or below this are treated as zero (NumPy's rcond conventions).
function cutoff(rcond: number | null, eps: number, m: number, n: number, smax: number): number {
  return (rcond == null ? eps * Math.max(m, n) : rcond < 0 ? eps : rcond) * smax;
}

/**
 * m ≥ n: the SVD of A = Q·R = Q·(Q_B·B·P_Bᵀ) without forming U. Qᵀb and then Q_Bᵀ(Qᵀb) are
 * applied by blocked reflectors, and the bidiagonal QR iteration rotates that n×k block where
 * it would rotate Uᵀ; only V (n×n) is formed. x = V_r·diag(1/s_r)·(Uᵀb)_r as with the full SVD.
 */
function solveTall(
  m: number,
  n: number,
  k: number,
  A: Float64Array,
  B: Float64Array,
  rcond: number | null,
  eps: number,
): { s: Float64Array; rank: number; X: Float64Array } {
  const X = new Float64Array(n * k);
  if (n === 0) return { s: new Float64Array(0), rank: 0, X };
  let R = A;
  const C = B.slice();
  if (m > n) {
    const tau = new Float64Array(n);
    geqrf(m, n, A, n, tau, { C, ldc: k, k });
    R = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = i; j < n; j++) R[i * n + j] = A[i * n + j];
  }
  const { d, e, tauq, taup } = gebrd(n, R);
  applyQt(n, n, R, 0, n, tauq, 0, C, 0, k, k);
  const Vt = formPt(n, R, taup);
  bdsqr(n, d, e, C, k, Vt, n);
  const tol = cutoff(rcond, eps, m, n, d[0]);
  let rank = 0;
  while (rank < n && d[rank] > tol) rank++;
  for (let i = 0; i < rank; i++) {
    const f = 1 / d[i];
    for (let j = 0; j < k; j++) C[i * k + j] *= f;
  }
  if (rank > 0) gemm(true, false, n, k, rank, 1, Vt, n, C, k, 0, X, k);
  return { s: d, rank, X };
}

// m < n: through the thin SVD of A (formed via Aᵀ's), x = V_r·diag(1/s_r)·U_rᵀb.
function solveBySvd(
  m: number,
  n: number,
  k: number,
  A: Float64Array,
  B: Float64Array,
  rcond: number | null,
  eps: number,
): { s: Float64Array; rank: number; X: Float64Array } {
  const kk = Math.min(m, n);
  const { s, U, Vt } = svdMatrix(m, n, A, "reduced");
  const tol = cutoff(rcond, eps, m, n, kk > 0 ? s[0] : 0);
  let rank = 0;
  while (rank < kk && s[rank] > tol) rank++;
  const UtB = new Float64Array(kk * k);
  if (kk > 0) gemm(true, false, kk, k, m, 1, U as Float64Array, kk, B, k, 0, UtB, k);
  for (let i = 0; i < kk; i++) {
    const f = i < rank ? 1 / s[i] : 0;
    for (let j = 0; j < k; j++) UtB[i * k + j] *= f;
  }
  const X = new Float64Array(n * k);
  if (rank > 0) gemm(true, false, n, k, rank, 1, Vt as Float64Array, n, UtB, k, 0, X, k);
  return { s, rank, X };
}

/**
 * NumPy's `linalg.pinv(a, rcond=1e-15)`: the Moore–Penrose pseudo-inverse of each `(..., M, N)`
 * matrix, `(..., N, M)`, discarding singular values at or below `rcond · s_max`.
 *
 * @example
 * ```ts
 * pinv({ data: new Float64Array([1, 0, 0, 0]), shape: [2, 2] }).data; // [1, 0, 0, 0]
 * ```
 */
export function pinv(a: Dense, rcond = 1e-15): Dense {
  const { batchShape, count, m, n } = stackOf(a.shape);
  const kk = Math.min(m, n);
  const out = alloc(dtypeOf(a.data), count * n * m);
  for (let t = 0; t < count; t++) {
    const { s, U, Vt } = svdMatrix(m, n, toF64(a.data, t * m * n, (t + 1) * m * n), "reduced");
    const cutoff = rcond * (kk > 0 ? s[0] : 0);
    // W = diag(1/s)·Uᵀ (k×m), then pinv = Vᵀᵀ·W.
    const W = new Float64Array(kk * m);
    const u = U as Float64Array;
    for (let i = 0; i < kk; i++) {
      if (!(s[i] > cutoff)) continue;
      const f = 1 / s[i];
      for (let r = 0; r < m; r++) W[i * m + r] = u[r * kk + i] * f;
    }
    const P = new Float64Array(n * m);
    if (kk > 0) gemm(true, false, n, m, kk, 1, Vt as Float64Array, n, W, m, 0, P, m);
    out.set(P, t * n * m);
  }
  return { data: out, shape: [...batchShape, n, m] };
}

/**
 * NumPy's `linalg.matrix_rank(a, tol)`: the number of singular values above `tol` for each
 * `(..., M, N)` matrix; default tol = s_max · max(M, N) · eps(dtype). Arrays with fewer than two
 * dimensions have rank 1 unless all zero.
 *
 * @example
 * ```ts
 * matrixRank({ data: new Float64Array([1, 2, 2, 4]), shape: [2, 2] }).data; // [1]
 * ```
 */
export function matrixRank(a: Dense, tol: number | null = null): IntDense {
  if (a.shape.length < 2) {
    let any = 0;
    for (let i = 0; i < a.data.length; i++) if (a.data[i] !== 0) any = 1;
    return { data: Int32Array.of(any), shape: [] };
  }
  const { batchShape, count, m, n } = stackOf(a.shape);
  const eps = epsOf(dtypeOf(a.data));
  const out = new Int32Array(count);
  for (let t = 0; t < count; t++) {
    const { s } = svdMatrix(m, n, toF64(a.data, t * m * n, (t + 1) * m * n), "none");
    const cut = tol ?? (s.length ? s[0] : 0) * Math.max(m, n) * eps;
    let r = 0;
    for (let i = 0; i < s.length; i++) if (s[i] > cut) r++;
    out[t] = r;
  }
  return { data: out, shape: batchShape };
}
