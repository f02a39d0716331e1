/**
 * Symmetric eigen-decomposition, NumPy's `linalg.eigh`/`eigvalsh`: Householder tridiagonalisation
 * followed by implicit-shift QR on the tridiagonal (Wilkinson shifts, deflation of negligible
 * off-diagonals), with rotations accumulated into the eigenvector matrix.
 */
import { stackOf } from "./batch.js";
import { LinAlgError, MSG } from "./errors.js";
import { DeferredRotations } from "./rotation-batch.js";
import { swapRows, transpose } from "./rotations.js";
import { sytrd } from "./sytrd.js";
import { formTridiagQ } from "./tridiag.js";
import { alloc, dtypeOf, toF64, type Dense } from "./types.js";

const EPS = 2.220446049250313e-16;

/**
 * Eigenvalues of the symmetric tridiagonal T = tridiag(e, d, e) in place of d, ascending. If
 * given, the rows of `Zt` (n rows of `zc` entries) are rotated along, so that with Zt = Qᵀ on
 * entry its row i is the eigenvector of eigenvalue d[i] on return. Throws "Eigenvalues did not
 * converge" after an iteration cap.
 */
export function steqr(
  n: number,
  d: Float64Array,
  e: Float64Array,
  Zt: Float64Array | null,
  zc: number,
): void {
  let tnorm = 0;
  for (let i = 0; i < n; i++) tnorm = Math.max(tnorm, Math.abs(d[i]), i < n - 1 ? Math.abs(e[i]) : 0);
  if (!Number.isFinite(tnorm)) throw new LinAlgError(MSG.eigNoConv);
  if (tnorm > 0) {
    for (let i = 0; i < n; i++) d[i] /= tnorm;
    for (let i = 0; i < n - 1; i++) e[i] /= tnorm;
  }
  const negligible = (i: number): boolean =>
    Math.abs(e[i]) <= EPS * (Math.abs(d[i]) + Math.abs(d[i + 1])) || Math.abs(e[i]) < 1e-300;
  // The rotations never feed back into the recurrence, so they are applied in GEMM batches.
  const Z = Zt ? new DeferredRotations(Zt, n, zc) : null;
  const maxSteps = 30 * n + 30;
  let steps = 0;
  let hi = n - 1;
  while (hi > 0 && tnorm > 0) {
    if (negligible(hi - 1)) {
      e[hi - 1] = 0;
      hi--;
      continue;
    }
    let lo = hi - 1;
    while (lo > 0 && !negligible(lo - 1)) lo--;
    if (lo > 0) e[lo - 1] = 0;
    if (++steps > maxSteps) throw new LinAlgError(MSG.eigNoConv);
    // Wilkinson shift: the eigenvalue of the trailing 2×2 closer to its last diagonal entry.
    const delta = (d[hi - 1] - d[hi]) / 2;
    const t = e[hi - 1];
    const mu = d[hi] - (t * t) / (delta + (delta >= 0 ? 1 : -1) * Math.hypot(delta, t));
    let x = d[lo] - mu;
    let z = e[lo];
    for (let k = lo; k < hi; k++) {
      const r = Math.hypot(x, z);
      const c = r === 0 ? 1 : x / r;
      const s = r === 0 ? 0 : z / r;
      if (k > lo) e[k - 1] = r;
      const a = d[k];
      const b = e[k];
      const dd = d[k + 1];
      d[k] = c * c * a + 2 * c * s * b + s * s * dd;
      d[k + 1] = s * s * a - 2 * c * s * b + c * c * dd;
      e[k] = c * s * (dd - a) + (c * c - s * s) * b;
      if (k < hi - 1) {
        z = s * e[k + 1];
        e[k + 1] *= c;
      }
      x = e[k];
      Z?.rotate(k, k + 1, c, s);
    }
  }
  Z?.flush();
  for (let i = 0; i < n; i++) d[i] *= tnorm;
  for (let i = 0; i < n - 1; i++) {
    let best = i;
    for (let j = i + 1; j < n; j++) if (d[j] < d[best]) best = j;
    if (best === i) continue;
    const tmp = d[i];
    d[i] = d[best];
    d[best] = tmp;
    if (Zt) swapRows(Zt, zc, i, best);
  }
}

/** Which triangle of the input is read, as NumPy's `UPLO`. */
export type Uplo = "L" | "U";

/**
 * Eigen-decomposition of one symmetric n×n float64 matrix given by its `uplo` triangle:
 * eigenvalues ascending and, if `vectors`, V (n×n, column i is eigenvector i).
 */
export function eighMatrix(
  n: number,
  A: Float64Array,
  uplo: Uplo,
  vectors: boolean,
): { w: Float64Array; V: Float64Array | null } {
  const S = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      const x = uplo === "L" ? A[i * n + j] : A[j * n + i];
      if (x - x !== 0) throw new LinAlgError(MSG.eigNoConv);
      S[i * n + j] = x;
      S[j * n + i] = x;
    }
  }
  const { d, e, tau } = sytrd(n, S);
  const Zt = vectors ? transpose(n, n, formTridiagQ(n, S, tau)) : null;
  steqr(n, d, e, Zt, n);
  return { w: d, V: Zt ? transpose(n, n, Zt) : null };
}

/**
 * NumPy's `linalg.eigh`: eigenvalues (ascending) and eigenvectors (columns of v) of each
 * symmetric `(..., M, M)` matrix, reading only the `UPLO` triangle (default "L"). Eigenvectors
 * are unique only up to sign.
 *
 * @example
 * ```ts
 * const { w, v } = eigh({ data: new Float64Array([2, 1, 1, 2]), shape: [2, 2] });
 * // w.data = [1, 3]; v's columns ±[1, −1]/√2 and ±[1, 1]/√2
 * ```
 */
export function eigh(a: Dense, uplo: Uplo = "L"): { w: Dense; v: Dense } {
  const r = run(a, uplo, true);
  return { w: r.w, v: r.v as Dense };
}

/**
 * NumPy's `linalg.eigvalsh`: the ascending eigenvalues of each symmetric `(..., M, M)` matrix.
 *
 * @example
 * ```ts
 * eigvalsh({ data: new Float64Array([2, 1, 1, 2]), shape: [2, 2] }).data; // [1, 3]
 * ```
 */
export function eigvalsh(a: Dense, uplo: Uplo = "L"): Dense {
  return run(a, uplo, false).w;
}

function run(a: Dense, uplo: Uplo, vectors: boolean): { w: Dense; v: Dense | null } {
  const { batchShape, count, n } = stackOf(a.shape, true);
  const dtype = dtypeOf(a.data);
  const W = alloc(dtype, count * n);
  const V = vectors ? alloc(dtype, count * n * n) : null;
  for (let t = 0; t < count; t++) {
    const r = eighMatrix(n, toF64(a.data, t * n * n, (t + 1) * n * n), uplo, vectors);
    W.set(r.w, t * n);
    if (V && r.V) V.set(r.V, t * n * n);
  }
  return { w: { data: W, shape: [...batchShape, n] }, v: V ? { data: V, shape: [...a.shape] } : null };
}
