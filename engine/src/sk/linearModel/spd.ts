/**
 * Solving symmetric positive-definite systems by Cholesky (LAPACK `posv`, what SciPy's
 * `solve(..., assume_a="pos")` runs for Ridge), with an LU fallback left to the caller.
 */
import { potrf } from "../../linalg/index.js";
import { LinAlgError } from "../../linalg/index.js";

/**
 * Solves A·X = B for an n×n SPD matrix A (row-major, overwritten by its factor) and B with k
 * columns (row-major n×k); returns X. Throws `LinAlgError` when A is not positive definite.
 */
export function solveSpd(A: Float64Array, B: Float64Array, n: number, k: number): Float64Array {
  if (potrf(n, A, n) !== 0) throw new LinAlgError("Matrix is not positive definite");
  const X = B.slice();
  for (let c = 0; c < k; c++) {
    // Forward: L·z = b.
    for (let i = 0; i < n; i++) {
      let s = X[i * k + c];
      for (let p = 0; p < i; p++) s -= A[i * n + p] * X[p * k + c];
      X[i * k + c] = s / A[i * n + i];
    }
    // Back: Lᵀ·x = z.
    for (let i = n - 1; i >= 0; i--) {
      let s = X[i * k + c];
      for (let p = i + 1; p < n; p++) s -= A[p * n + i] * X[p * k + c];
      X[i * k + c] = s / A[i * n + i];
    }
  }
  return X;
}
