/**
 * Cholesky factorisation A = L·Lᵀ (LAPACK `potrf`, lower), as NumPy's `linalg.cholesky`.
 * Row-oriented: each L[i][j] is one dot product of two contiguous row prefixes.
 */
import { stackOf } from "./batch.js";
import { LinAlgError, MSG } from "./errors.js";
import { alloc, dtypeOf, toF64, type Dense } from "./types.js";

/**
 * In-place lower Cholesky of the n×n row-major float64 matrix A (only the lower triangle is
 * read; the strict upper triangle is left as it was). Returns 0, or j+1 when the leading minor
 * of order j+1 is not positive definite (or holds a NaN).
 *
 * @example
 * ```ts
 * const a = new Float64Array([4, 2, 2, 5]);
 * potrf(2, a, 2); // lower part: [2, ·, 1, 2]
 * ```
 */
export function potrf(n: number, A: Float64Array, lda: number): number {
  for (let j = 0; j < n; j++) {
    const rj = j * lda;
    let s = A[rj + j];
    for (let p = 0; p < j; p++) s -= A[rj + p] * A[rj + p];
    // `!(s > 0)` also catches NaN, which must not pass as a pivot.
    if (!(s > 0)) return j + 1;
    const ljj = Math.sqrt(s);
    A[rj + j] = ljj;
    const inv = 1 / ljj;
    for (let i = j + 1; i < n; i++) {
      const ri = i * lda;
      let t = A[ri + j];
      for (let p = 0; p < j; p++) t -= A[ri + p] * A[rj + p];
      A[ri + j] = t * inv;
    }
  }
  return 0;
}

/**
 * NumPy's `linalg.cholesky`: the lower-triangular L with a = L·Lᵀ for each `(..., M, M)`
 * matrix (only the lower triangle of a is read). Throws "Matrix is not positive definite".
 *
 * @example
 * ```ts
 * cholesky({ data: new Float64Array([4, 2, 2, 5]), shape: [2, 2] }).data; // [2, 0, 1, 2]
 * ```
 */
export function cholesky(a: Dense): Dense {
  const { count, n } = stackOf(a.shape, true);
  const out = alloc(dtypeOf(a.data), a.data.length);
  for (let t = 0; t < count; t++) {
    const l = toF64(a.data, t * n * n, (t + 1) * n * n);
    if (potrf(n, l, n) !== 0) throw new LinAlgError(MSG.notPD);
    for (let i = 0; i < n; i++) l.fill(0, i * n + i + 1, (i + 1) * n);
    out.set(l, t * n * n);
  }
  return { data: out, shape: [...a.shape] };
}
