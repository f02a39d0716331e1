/**
 * Singular value decomposition, NumPy's `linalg.svd`. A tall matrix is first reduced by QR
 * (A = Q·R), the square factor is bidiagonalised by Householder reflectors and the bidiagonal
 * is diagonalised by implicit-shift QR (`bdsqr`); a wide matrix is handled through its transpose.
 * Everything runs in float64; float32 inputs give float32 outputs rounded once.
 */
import { stackOf } from "./batch.js";
import { formPt, formQ } from "./bidiag.js";
import { gebrd } from "./gebrd.js";
import { bdsqr } from "./bdsqr.js";
import { LinAlgError, MSG } from "./errors.js";
import { gemm } from "./gemm.js";
import { geqrf, orgqr } from "./qr.js";
import { transpose } from "./rotations.js";
import { alloc, dtypeOf, toF64, type Dense } from "./types.js";

/** Which singular vectors to form: none, the thin ones, or complete orthogonal bases. */
export type UvMode = "none" | "reduced" | "full";

/** One SVD in float64: s (k = min(m, n), descending), U (m×uc) and Vᵀ (vr×n) unless `none`. */
export interface SvdResult {
  s: Float64Array;
  U: Float64Array | null;
  Vt: Float64Array | null;
}

/**
 * SVD of one m×n row-major float64 matrix (A is not modified). With "reduced", U is m×k and
 * Vᵀ is k×n; with "full", U is m×m and Vᵀ is n×n.
 *
 * @example
 * ```ts
 * svdMatrix(2, 2, new Float64Array([3, 0, 0, 4]), "none").s; // [4, 3]
 * ```
 */
export function svdMatrix(m: number, n: number, A: Float64Array, mode: UvMode): SvdResult {
  for (let i = 0; i < A.length; i++) if (A[i] - A[i] !== 0) throw new LinAlgError(MSG.svdNoConv);
  if (m < n) {
    const r = svdTall(n, m, transpose(m, n, A), mode);
    if (mode === "none") return r;
    const uc = mode === "full" ? n : m;
    // Aᵀ = U'·S·V'ᵀ, so A = V'·S·U'ᵀ: U = V' = (V'ᵀ)ᵀ and Vᵀ = U'ᵀ.
    return { s: r.s, U: transpose(m, m, r.Vt as Float64Array), Vt: transpose(n, uc, r.U as Float64Array) };
  }
  return svdTall(m, n, A.slice(), mode);
}

// m ≥ n; A may be overwritten.
function svdTall(m: number, n: number, A: Float64Array, mode: UvMode): SvdResult {
  const want = mode !== "none";
  if (n === 0) {
    const U = mode === "full" ? identity(m) : new Float64Array(0);
    return { s: new Float64Array(0), U: want ? U : null, Vt: want ? new Float64Array(0) : null };
  }
  let R = A;
  let Q: Float64Array | null = null;
  if (m > n) {
    const tau = new Float64Array(n);
    geqrf(m, n, A, n, tau);
    R = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = i; j < n; j++) R[i * n + j] = A[i * n + j];
    if (want) Q = orgqr(m, mode === "full" ? m : n, n, A, 0, n, tau);
  }
  const { d, e, tauq, taup } = gebrd(n, R);
  const Ut = want ? transpose(n, n, formQ(n, R, tauq)) : null;
  const Vt = want ? formPt(n, R, taup) : null;
  bdsqr(n, d, e, Ut, n, Vt, n);
  if (!want || !Ut) return { s: d, U: null, Vt: null };
  if (!Q) return { s: d, U: transpose(n, n, Ut), Vt };
  const uc = mode === "full" ? m : n;
  // U = Q·diag(U_R, I): the first n columns mix through U_R, the rest are Q's complement.
  const U = new Float64Array(m * uc);
  gemm(false, true, m, n, n, 1, Q, uc, Ut, n, 0, U, uc);
  for (let i = 0; i < m; i++) for (let j = n; j < uc; j++) U[i * uc + j] = Q[i * uc + j];
  return { s: d, U, Vt };
}

function identity(n: number): Float64Array {
  const I = new Float64Array(n * n);
  for (let i = 0; i < n; i++) I[i * n + i] = 1;
  return I;
}

/** Options of NumPy's `svd`. */
export interface SvdOptions {
  /** Complete U (M×M) and Vh (N×N) when true (NumPy's default), thin ones (K columns/rows) when false. */
  fullMatrices?: boolean;
  /** Form U and Vh (default true); when false only `s` is returned. */
  computeUv?: boolean;
}

/**
 * NumPy's `linalg.svd` for each `(..., M, N)` matrix: `a = u · diag(s) · vh` with s descending
 * (K = min(M, N)); u `(..., M, M)`/`(..., M, K)`, vh `(..., N, N)`/`(..., K, N)` by
 * `fullMatrices`. Singular vectors are unique only up to sign. "SVD did not converge" for
 * NaN/Inf input.
 *
 * @example
 * ```ts
 * const { u, s, vh } = svd({ data: new Float64Array([3, 0, 0, -4]), shape: [2, 2] });
 * // s.data = [4, 3]
 * ```
 */
export function svd(a: Dense, options: SvdOptions = {}): { u?: Dense; s: Dense; vh?: Dense } {
  const { batchShape, count, m, n } = stackOf(a.shape);
  const computeUv = options.computeUv ?? true;
  const full = options.fullMatrices ?? true;
  const mode: UvMode = !computeUv ? "none" : full ? "full" : "reduced";
  const k = Math.min(m, n);
  const dtype = dtypeOf(a.data);
  const uc = full ? m : k;
  const vr = full ? n : k;
  const S = alloc(dtype, count * k);
  const U = computeUv ? alloc(dtype, count * m * uc) : null;
  const V = computeUv ? alloc(dtype, count * vr * n) : null;
  for (let t = 0; t < count; t++) {
    const r = svdMatrix(m, n, toF64(a.data, t * m * n, (t + 1) * m * n), mode);
    S.set(r.s, t * k);
    if (U && r.U) U.set(r.U, t * m * uc);
    if (V && r.Vt) V.set(r.Vt, t * vr * n);
  }
  const s: Dense = { data: S, shape: [...batchShape, k] };
  if (!U || !V) return { s };
  return { u: { data: U, shape: [...batchShape, m, uc] }, s, vh: { data: V, shape: [...batchShape, vr, n] } };
}
