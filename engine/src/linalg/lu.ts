/**
 * LU factorisation with partial pivoting (LAPACK `getrf`/`getrs`) and what NumPy builds on it:
 * `solve`, `inv`, `det`, `slogdet`. Blocked right-looking: each panel of NB columns is factored
 * with row operations, then the trailing matrix is updated by one GEMM, which carries ~all flops.
 */
import { broadcastIndex, broadcastShapes, stackOf } from "./batch.js";
import { LinAlgError, MSG, ValueError } from "./errors.js";
import { gemm } from "./gemm.js";
import { alloc, dtypeOf, promote, toF64, type Dense, type FloatArray } from "./types.js";

const NB = 48;

/**
 * In-place LU of the n×n row-major float64 matrix A (row stride `lda`): A = P·L·U with L unit
 * lower (stored below the diagonal) and U upper. `ipiv[i]` is the row swapped with row i at
 * step i. Returns 0, or i+1 for the first exactly-zero pivot U[i][i] (factoring continues, as
 * LAPACK does, so `det` of a singular matrix is an exact 0).
 *
 * @example
 * ```ts
 * const a = new Float64Array([0, 1, 2, 3]), ipiv = new Int32Array(2);
 * getrf(2, a, 2, ipiv); // ipiv = [1, 1], a = [2, 3, 0, 1]
 * ```
 */
export function getrf(n: number, A: Float64Array, lda: number, ipiv: Int32Array): number {
  let info = 0;
  for (let j0 = 0; j0 < n; j0 += NB) {
    const jb = Math.min(NB, n - j0);
    const end = j0 + jb;
    for (let j = j0; j < end; j++) {
      let p = j;
      let best = Math.abs(A[j * lda + j]);
      for (let i = j + 1; i < n; i++) {
        const v = Math.abs(A[i * lda + j]);
        if (v > best) {
          best = v;
          p = i;
        }
      }
      ipiv[j] = p;
      // Whole rows are swapped: contiguous in row-major, and it pivots L and the trailing part at once.
      if (p !== j) swapRows(A, j * lda, p * lda, n);
      const piv = A[j * lda + j];
      if (piv === 0) {
        if (info === 0) info = j + 1;
        continue;
      }
      const inv = 1 / piv;
      const rj = j * lda;
      for (let i = j + 1; i < n; i++) {
        const ri = i * lda;
        const l = (A[ri + j] *= inv);
        if (l !== 0) for (let c = j + 1; c < end; c++) A[ri + c] -= l * A[rj + c];
      }
    }
    if (end >= n) break;
    // U12 ← L11⁻¹ A12 (unit lower triangular solve, row by row).
    for (let i = j0 + 1; i < end; i++) {
      const ri = i * lda;
      for (let p = j0; p < i; p++) {
        const l = A[ri + p];
        if (l === 0) continue;
        const rp = p * lda;
        for (let c = end; c < n; c++) A[ri + c] -= l * A[rp + c];
      }
    }
    // A22 ← A22 − L21·U12.
    const rest = n - end;
    gemm(false, false, rest, rest, jb, -1, A, lda, A, lda, 1, A, lda, {
      a: end * lda + j0,
      b: j0 * lda + end,
      c: end * lda + end,
    });
  }
  return info;
}

function swapRows(A: Float64Array, r1: number, r2: number, len: number): void {
  for (let c = 0; c < len; c++) {
    const t = A[r1 + c];
    A[r1 + c] = A[r2 + c];
    A[r2 + c] = t;
  }
}

/**
 * Solves A·X = B in place of B (n×nrhs, row stride `ldb`) from `getrf`'s output.
 *
 * @example
 * ```ts
 * getrs(2, 1, lu, 2, ipiv, b, 1); // b now holds the solution
 * ```
 */
export function getrs(
  n: number,
  nrhs: number,
  LU: Float64Array,
  lda: number,
  ipiv: Int32Array,
  B: Float64Array,
  ldb: number,
): void {
  for (let i = 0; i < n; i++) if (ipiv[i] !== i) swapRows(B, i * ldb, ipiv[i] * ldb, nrhs);
  for (let i = 1; i < n; i++) {
    const ri = i * ldb;
    for (let p = 0; p < i; p++) {
      const l = LU[i * lda + p];
      if (l === 0) continue;
      const rp = p * ldb;
      for (let c = 0; c < nrhs; c++) B[ri + c] -= l * B[rp + c];
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    const ri = i * ldb;
    for (let p = i + 1; p < n; p++) {
      const u = LU[i * lda + p];
      if (u === 0) continue;
      const rp = p * ldb;
      for (let c = 0; c < nrhs; c++) B[ri + c] -= u * B[rp + c];
    }
    const inv = 1 / LU[i * lda + i];
    for (let c = 0; c < nrhs; c++) B[ri + c] *= inv;
  }
}

/** LU-factors one n×n float64 copy of a stacked matrix; throws "Singular matrix" when asked. */
function factor(
  data: FloatArray,
  off: number,
  n: number,
  strict: boolean,
): { lu: Float64Array; ipiv: Int32Array; info: number } {
  const lu = toF64(data, off, off + n * n);
  const ipiv = new Int32Array(n);
  const info = getrf(n, lu, n, ipiv);
  if (strict && info > 0) throw new LinAlgError(MSG.singular);
  return { lu, ipiv, info };
}

/**
 * NumPy's `linalg.solve(a, b)`: a is `(..., M, M)`, b is `(..., M, K)` or, when it has one
 * dimension less than a, `(..., M)`. Batch dimensions broadcast. Result dtype is the promotion
 * of the inputs; the work is done in float64.
 *
 * @example
 * ```ts
 * solve({ data: new Float64Array([3, 1, 1, 2]), shape: [2, 2] },
 *       { data: new Float64Array([9, 8]), shape: [2] }); // { data: [2, 3], shape: [2] }
 * ```
 */
export function solve(a: Dense, b: Dense): Dense {
  const sa = stackOf(a.shape, true);
  const n = sa.n;
  const vector = b.shape.length === a.shape.length - 1;
  if (b.shape.length < 1 || (!vector && b.shape.length < 2)) {
    throw new LinAlgError(
      `${b.shape.length}-dimensional array given. Array must be at least two-dimensional`,
    );
  }
  const bBatch = vector ? b.shape.slice(0, -1) : b.shape.slice(0, -2);
  const rowsB = vector ? b.shape[b.shape.length - 1] : b.shape[b.shape.length - 2];
  const k = vector ? 1 : b.shape[b.shape.length - 1];
  if (rowsB !== n) {
    const sig = vector
      ? "solve1: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (m,m),(m)->(m)"
      : "solve: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (m,m),(m,n)->(m,n)";
    throw new ValueError(`${sig} (size ${rowsB} is different from ${n})`);
  }
  const outBatch = broadcastShapes(sa.batchShape, bBatch);
  if (!outBatch) {
    throw new ValueError(
      `operands could not be broadcast together with remapped shapes [original->remapped]: (${sa.batchShape}) and (${bBatch})`,
    );
  }
  const ia = broadcastIndex(sa.batchShape, outBatch);
  const ib = broadcastIndex(bBatch, outBatch);
  const dtype = promote(dtypeOf(a.data), dtypeOf(b.data));
  const out = alloc(dtype, ia.length * n * k);
  for (let t = 0; t < ia.length; t++) {
    const { lu, ipiv } = factor(a.data, ia[t] * n * n, n, true);
    const x = toF64(b.data, ib[t] * n * k, (ib[t] + 1) * n * k);
    getrs(n, k, lu, n, ipiv, x, k);
    out.set(x, t * n * k);
  }
  return { data: out, shape: vector ? [...outBatch, n] : [...outBatch, n, k] };
}

/**
 * NumPy's `linalg.inv`: the inverse of each `(..., M, M)` matrix; "Singular matrix" on an exact
 * zero pivot.
 *
 * @example
 * ```ts
 * inv({ data: new Float64Array([2, 0, 0, 4]), shape: [2, 2] }).data; // [0.5, 0, 0, 0.25]
 * ```
 */
export function inv(a: Dense): Dense {
  const { count, n } = stackOf(a.shape, true);
  const out = alloc(dtypeOf(a.data), a.data.length);
  for (let t = 0; t < count; t++) {
    const { lu, ipiv } = factor(a.data, t * n * n, n, true);
    const x = new Float64Array(n * n);
    for (let i = 0; i < n; i++) x[i * n + i] = 1;
    getrs(n, n, lu, n, ipiv, x, n);
    out.set(x, t * n * n);
  }
  return { data: out, shape: [...a.shape] };
}

/**
 * NumPy's `linalg.slogdet`: sign and natural log of |det| of each `(..., M, M)` matrix, so
 * huge or tiny determinants do not overflow. A singular matrix gives sign 0 and logabsdet -inf.
 *
 * @example
 * ```ts
 * slogdet({ data: new Float64Array([1, 2, 3, 4]), shape: [2, 2] }); // sign [-1], logabsdet [ln 2]
 * ```
 */
export function slogdet(a: Dense): { sign: Dense; logabsdet: Dense } {
  const { batchShape, count, n } = stackOf(a.shape, true);
  const dtype = dtypeOf(a.data);
  const sign = alloc(dtype, count);
  const logabs = alloc(dtype, count);
  for (let t = 0; t < count; t++) {
    const { lu, ipiv, info } = factor(a.data, t * n * n, n, false);
    if (info > 0) {
      sign[t] = 0;
      logabs[t] = -Infinity;
      continue;
    }
    let s = 1;
    let l = 0;
    for (let i = 0; i < n; i++) {
      const u = lu[i * n + i];
      if (ipiv[i] !== i) s = -s;
      if (u < 0) s = -s;
      l += Math.log(Math.abs(u));
    }
    sign[t] = s;
    logabs[t] = l;
  }
  return { sign: { data: sign, shape: batchShape }, logabsdet: { data: logabs, shape: [...batchShape] } };
}

/**
 * NumPy's `linalg.det` of each `(..., M, M)` matrix (product of U's diagonal with the pivot
 * sign; exactly 0 for a singular matrix).
 *
 * @example
 * ```ts
 * det({ data: new Float64Array([1, 2, 3, 4]), shape: [2, 2] }).data; // [-2]
 * ```
 */
export function det(a: Dense): Dense {
  const { batchShape, count, n } = stackOf(a.shape, true);
  const out = alloc(dtypeOf(a.data), count);
  for (let t = 0; t < count; t++) {
    const { lu, ipiv, info } = factor(a.data, t * n * n, n, false);
    // NumPy reports a singular matrix's determinant as +0 (sign 0 · exp(−inf)), never −0.
    if (info > 0) {
      out[t] = 0;
      continue;
    }
    let d = 1;
    for (let i = 0; i < n; i++) d *= ipiv[i] !== i ? -lu[i * n + i] : lu[i * n + i];
    out[t] = d;
  }
  return { data: out, shape: batchShape };
}
