/**
 * General matrix product on row-major typed arrays, in the style of BLAS `?gemm`:
 * `C ← alpha·op(A)·op(B) + beta·C`.
 *
 * The kernel follows Goto's layout: op(B) is packed into KC×NR column slivers and op(A) into
 * MR×KC row slivers, so the innermost loop streams two small contiguous buffers that stay in
 * L1/L2, and a 4×4 register block keeps 16 independent accumulators in flight (enough to hide
 * the add latency without spilling x64's 16 vector registers). Panels are float64 for both
 * dtypes: JavaScript arithmetic is double anyway, so float32 inputs are accumulated in double
 * and rounded once on store.
 */
import type { FloatArray } from "./types.js";

const MR = 4;
const NR = 4;
const KC = 256;
const MC = 128;
const NC = 2048;

// Scratch panels, grown on demand and reused: allocation per call would dominate small products.
let packA = new Float64Array(MC * KC);
let packB = new Float64Array(KC * NC);

function packOpA(
  transA: boolean,
  A: FloatArray,
  aOff: number,
  lda: number,
  i0: number,
  mc: number,
  p0: number,
  kc: number,
  m: number,
): void {
  const out = packA;
  let idx = 0;
  for (let r = 0; r < mc; r += MR) {
    for (let p = 0; p < kc; p++) {
      for (let ii = 0; ii < MR; ii++) {
        const i = i0 + r + ii;
        // Rows past the edge are zero so the micro-kernel never needs a remainder path.
        out[idx++] = i < m ? (transA ? A[aOff + (p0 + p) * lda + i] : A[aOff + i * lda + p0 + p]) : 0;
      }
    }
  }
}

function packOpB(
  transB: boolean,
  B: FloatArray,
  bOff: number,
  ldb: number,
  p0: number,
  kc: number,
  j0: number,
  nc: number,
  n: number,
): void {
  const out = packB;
  let idx = 0;
  for (let s = 0; s < nc; s += NR) {
    for (let p = 0; p < kc; p++) {
      for (let jj = 0; jj < NR; jj++) {
        const j = j0 + s + jj;
        out[idx++] = j < n ? (transB ? B[bOff + j * ldb + p0 + p] : B[bOff + (p0 + p) * ldb + j]) : 0;
      }
    }
  }
}

// One MR×NR block of C += alpha · (A sliver)·(B sliver), over kc packed steps.
// prettier-ignore
function micro(
  kc: number,
  ap: Float64Array,
  ai: number,
  bp: Float64Array,
  bi: number,
  alpha: number,
  C: FloatArray,
  cOff: number,
  ldc: number,
  rows: number,
  cols: number,
): void {
  let c00 = 0, c01 = 0, c02 = 0, c03 = 0;
  let c10 = 0, c11 = 0, c12 = 0, c13 = 0;
  let c20 = 0, c21 = 0, c22 = 0, c23 = 0;
  let c30 = 0, c31 = 0, c32 = 0, c33 = 0;
  for (let p = 0; p < kc; p++) {
    const b0 = bp[bi], b1 = bp[bi + 1], b2 = bp[bi + 2], b3 = bp[bi + 3];
    const a0 = ap[ai], a1 = ap[ai + 1], a2 = ap[ai + 2], a3 = ap[ai + 3];
    c00 += a0 * b0; c01 += a0 * b1; c02 += a0 * b2; c03 += a0 * b3;
    c10 += a1 * b0; c11 += a1 * b1; c12 += a1 * b2; c13 += a1 * b3;
    c20 += a2 * b0; c21 += a2 * b1; c22 += a2 * b2; c23 += a2 * b3;
    c30 += a3 * b0; c31 += a3 * b1; c32 += a3 * b2; c33 += a3 * b3;
    ai += MR;
    bi += NR;
  }
  if (rows === MR && cols === NR) {
    let o = cOff;
    C[o] += alpha * c00; C[o + 1] += alpha * c01; C[o + 2] += alpha * c02; C[o + 3] += alpha * c03;
    o += ldc;
    C[o] += alpha * c10; C[o + 1] += alpha * c11; C[o + 2] += alpha * c12; C[o + 3] += alpha * c13;
    o += ldc;
    C[o] += alpha * c20; C[o + 1] += alpha * c21; C[o + 2] += alpha * c22; C[o + 3] += alpha * c23;
    o += ldc;
    C[o] += alpha * c30; C[o + 1] += alpha * c31; C[o + 2] += alpha * c32; C[o + 3] += alpha * c33;
    return;
  }
  const t = edge;
  t[0] = c00; t[1] = c01; t[2] = c02; t[3] = c03;
  t[4] = c10; t[5] = c11; t[6] = c12; t[7] = c13;
  t[8] = c20; t[9] = c21; t[10] = c22; t[11] = c23;
  t[12] = c30; t[13] = c31; t[14] = c32; t[15] = c33;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) C[cOff + i * ldc + j] += alpha * t[i * NR + j];
  }
}
const edge = new Float64Array(MR * NR);

/**
 * `C ← alpha·op(A)·op(B) + beta·C` on row-major storage, where op(X) is X or Xᵀ.
 *
 * op(A) is m×k, op(B) is k×n, C is m×n. `lda`, `ldb`, `ldc` are the row strides (leading
 * dimensions) of the stored matrices, so sub-matrices are addressed with an offset and the
 * parent's stride. As in BLAS, `beta = 0` overwrites C without reading it (NaNs there vanish).
 * Works for Float64Array and Float32Array in any mix; sums are accumulated in double.
 *
 * @example
 * ```ts
 * const A = new Float64Array([1, 2, 3, 4]), B = new Float64Array([5, 6, 7, 8]);
 * const C = new Float64Array(4);
 * gemm(false, false, 2, 2, 2, 1, A, 2, B, 2, 0, C, 2); // C = [19, 22, 43, 50]
 * ```
 */
export function gemm(
  transA: boolean,
  transB: boolean,
  m: number,
  n: number,
  k: number,
  alpha: number,
  A: FloatArray,
  lda: number,
  B: FloatArray,
  ldb: number,
  beta: number,
  C: FloatArray,
  ldc: number,
  offsets: { a?: number; b?: number; c?: number } = {},
): void {
  const aOff = offsets.a ?? 0;
  const bOff = offsets.b ?? 0;
  const cOff = offsets.c ?? 0;
  if (m <= 0 || n <= 0) return;
  if (beta !== 1) {
    for (let i = 0; i < m; i++) {
      const row = cOff + i * ldc;
      if (beta === 0) C.fill(0, row, row + n);
      else for (let j = 0; j < n; j++) C[row + j] *= beta;
    }
  }
  if (k <= 0 || alpha === 0) return;
  const ncMax = Math.min(NC, roundUp(n, NR));
  const mcMax = Math.min(MC, roundUp(m, MR));
  if (packB.length < KC * ncMax) packB = new Float64Array(KC * ncMax);
  if (packA.length < KC * mcMax) packA = new Float64Array(KC * mcMax);
  for (let j0 = 0; j0 < n; j0 += NC) {
    const nc = Math.min(NC, n - j0);
    for (let p0 = 0; p0 < k; p0 += KC) {
      const kc = Math.min(KC, k - p0);
      packOpB(transB, B, bOff, ldb, p0, kc, j0, roundUp(nc, NR), n);
      for (let i0 = 0; i0 < m; i0 += MC) {
        const mc = Math.min(MC, m - i0);
        packOpA(transA, A, aOff, lda, i0, roundUp(mc, MR), p0, kc, m);
        for (let s = 0; s < nc; s += NR) {
          const cols = Math.min(NR, nc - s);
          for (let r = 0; r < mc; r += MR) {
            const rows = Math.min(MR, mc - r);
            micro(
              kc,
              packA,
              r * kc,
              packB,
              s * kc,
              alpha,
              C,
              cOff + (i0 + r) * ldc + j0 + s,
              ldc,
              rows,
              cols,
            );
          }
        }
      }
    }
  }
}

function roundUp(x: number, to: number): number {
  return Math.ceil(x / to) * to;
}
