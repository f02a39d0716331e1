/** Plane (Givens) rotations applied to pairs of rows of a row-major matrix. */

/** Rows i and j of M (row length `cols`): row_i ← c·row_i + s·row_j, row_j ← c·row_j − s·row_i. */
export function rotateRows(M: Float64Array, cols: number, i: number, j: number, c: number, s: number): void {
  const ri = i * cols;
  const rj = j * cols;
  for (let x = 0; x < cols; x++) {
    const a = M[ri + x];
    const b = M[rj + x];
    M[ri + x] = c * a + s * b;
    M[rj + x] = c * b - s * a;
  }
}

/** Swaps rows i and j of M (row length `cols`). */
export function swapRows(M: Float64Array, cols: number, i: number, j: number): void {
  const ri = i * cols;
  const rj = j * cols;
  for (let x = 0; x < cols; x++) {
    const t = M[ri + x];
    M[ri + x] = M[rj + x];
    M[rj + x] = t;
  }
}

/** The transpose of an m×n row-major matrix. */
export function transpose(m: number, n: number, A: Float64Array): Float64Array {
  const T = new Float64Array(m * n);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) T[j * m + i] = A[i * n + j];
  return T;
}
