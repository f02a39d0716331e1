/**
 * General matrix product on row-major typed arrays, in the style of BLAS `?gemm`:
 * `C ← alpha·op(A)·op(B) + beta·C`.
 *
 * The loop nest follows Goto's layout: op(B) is packed into KC×NR column slivers and op(A) into
 * MR×KC row slivers, so the innermost loop streams two small contiguous buffers that stay in
 * L1/L2 while a register block of independent accumulators hides the add latency.
 *
 * Two micro-kernels run that nest. Where WebAssembly SIMD exists (Node ≥ 16, every current
 * browser) the tiles are computed by vector kernels assembled in `wasm-kernel.ts` (f64x2 4×4,
 * f32x4 4×8): JavaScript cannot issue vector instructions itself and is 4–6× slower. Otherwise
 * (`gemmJs`) a scalar 4×4 block with 16 accumulators runs on float64 panels; JS arithmetic is
 * double, so there float32 inputs are accumulated in double and rounded once on store.
 */
import type { FloatArray } from "./types.js";
import { loadKernels, type WasmKernels } from "./wasm-kernel.js";

const MR = 4;
const NR = 4;
const KC = 256;
const MC = 128;
const NC = 2048;

// Scratch panels, grown on demand and reused: allocation per call would dominate small products.
let packA = new Float64Array(MC * KC);
let packB = new Float64Array(KC * NC);

function packOpA(
  out: FloatArray,
  mr: number,
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
  let idx = 0;
  for (let r = 0; r < mc; r += mr) {
    for (let p = 0; p < kc; p++) {
      for (let ii = 0; ii < mr; ii++) {
        const i = i0 + r + ii;
        // Rows past the edge are zero so the micro-kernel never needs a remainder path.
        out[idx++] = i < m ? (transA ? A[aOff + (p0 + p) * lda + i] : A[aOff + i * lda + p0 + p]) : 0;
      }
    }
  }
}

function packOpB(
  out: FloatArray,
  nr: number,
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
  let idx = 0;
  for (let s = 0; s < nc; s += nr) {
    for (let p = 0; p < kc; p++) {
      for (let jj = 0; jj < nr; jj++) {
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
 * Works for Float64Array and Float32Array in any mix: when A, B and C are all float32 the sums
 * are float32 (as BLAS `sgemm`, twice the vector width), otherwise float64.
 *
 * @example
 * ```ts
 * const A = new Float64Array([1, 2, 3, 4]), B = new Float64Array([5, 6, 7, 8]);
 * const C = new Float64Array(4);
 * gemm(false, false, 2, 2, 2, 1, A, 2, B, 2, 0, C, 2); // C = [19, 22, 43, 50]
 * ```
 */
/**
 * A faster GEMM a backend may offer (the native addon's), with `gemm`'s arguments; it returns
 * false, without touching C, for a case it does not take, and `gemm` then computes it itself.
 */
export type GemmAccelerator = (
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
  offsets?: { a?: number; b?: number; c?: number },
) => boolean;

let accelerator: GemmAccelerator | undefined;

/** Routes every `gemm` (products and the blocked decompositions) through `fn` when it accepts. */
export function setGemmAccelerator(fn: GemmAccelerator | undefined): void {
  accelerator = fn;
}

/** Whether a backend's GEMM is installed (the blocked algorithms pick their crossovers by it). */
export function hasGemmAccelerator(): boolean {
  return accelerator !== undefined;
}

/**
 * Runs `gemm`'s arguments on the accelerator alone: true when it took them, false (C untouched)
 * when there is none or it declined. Matrix–vector products use it because the accelerator's
 * SIMD loop beats JavaScript's while the TypeScript GEMM's packing would not pay for one column.
 */
export function acceleratedGemm(...args: Parameters<GemmAccelerator>): boolean {
  return accelerator !== undefined && accelerator(...args);
}

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
  if (m <= 0 || n <= 0) return;
  if (accelerator?.(transA, transB, m, n, k, alpha, A, lda, B, ldb, beta, C, ldc, offsets)) return;
  const aOff = offsets.a ?? 0;
  const bOff = offsets.b ?? 0;
  const cOff = offsets.c ?? 0;
  if (beta !== 1) {
    for (let i = 0; i < m; i++) {
      const row = cOff + i * ldc;
      if (beta === 0) C.fill(0, row, row + n);
      else for (let j = 0; j < n; j++) C[row + j] *= beta;
    }
  }
  if (k <= 0 || alpha === 0) return;
  const wasm = loadKernels(MC * KC * 8, KC * NC * 8);
  if (wasm) gemmWasm(wasm, transA, transB, m, n, k, alpha, A, aOff, lda, B, bOff, ldb, C, cOff, ldc);
  else gemmJs(transA, transB, m, n, k, alpha, A, aOff, lda, B, bOff, ldb, C, cOff, ldc);
}

/**
 * The plain-JavaScript path of {@link gemm} (C += alpha·op(A)·op(B); no beta, absolute
 * offsets), used where WebAssembly SIMD is missing; exported so tests can check it directly.
 */
export function gemmJs(
  transA: boolean,
  transB: boolean,
  m: number,
  n: number,
  k: number,
  alpha: number,
  A: FloatArray,
  aOff: number,
  lda: number,
  B: FloatArray,
  bOff: number,
  ldb: number,
  C: FloatArray,
  cOff: number,
  ldc: number,
): void {
  const ncMax = Math.min(NC, roundUp(n, NR));
  const mcMax = Math.min(MC, roundUp(m, MR));
  if (packB.length < KC * ncMax) packB = new Float64Array(KC * ncMax);
  if (packA.length < KC * mcMax) packA = new Float64Array(KC * mcMax);
  for (let j0 = 0; j0 < n; j0 += NC) {
    const nc = Math.min(NC, n - j0);
    for (let p0 = 0; p0 < k; p0 += KC) {
      const kc = Math.min(KC, k - p0);
      packOpB(packB, NR, transB, B, bOff, ldb, p0, kc, j0, roundUp(nc, NR), n);
      for (let i0 = 0; i0 < m; i0 += MC) {
        const mc = Math.min(MC, m - i0);
        packOpA(packA, MR, transA, A, aOff, lda, i0, roundUp(mc, MR), p0, kc, m);
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

// The same loop nest with WebAssembly SIMD micro-kernels: panels are packed straight into the
// module's memory, and each MR×NR tile comes back through a small buffer that JS adds into C.
// All-float32 operands use the f32x4 kernel (float32 arithmetic, as BLAS sgemm); any float64
// operand selects the f64x2 kernel.
function gemmWasm(
  w: WasmKernels,
  transA: boolean,
  transB: boolean,
  m: number,
  n: number,
  k: number,
  alpha: number,
  A: FloatArray,
  aOff: number,
  lda: number,
  B: FloatArray,
  bOff: number,
  ldb: number,
  C: FloatArray,
  cOff: number,
  ldc: number,
): void {
  const single = A instanceof Float32Array && B instanceof Float32Array && C instanceof Float32Array;
  const mr = 4;
  const nr = single ? 8 : 4;
  const elt = single ? 4 : 8;
  const buf = w.memory.buffer;
  const View = single ? Float32Array : Float64Array;
  const pa = new View(buf, w.aOffset, MC * KC);
  const pb = new View(buf, w.bOffset, KC * NC);
  const tile = new View(buf, w.tileOffset, mr * nr);
  const kernel = single ? w.f32 : w.f64;
  for (let j0 = 0; j0 < n; j0 += NC) {
    const nc = Math.min(NC, n - j0);
    for (let p0 = 0; p0 < k; p0 += KC) {
      const kc = Math.min(KC, k - p0);
      packOpB(pb, nr, transB, B, bOff, ldb, p0, kc, j0, roundUp(nc, nr), n);
      for (let i0 = 0; i0 < m; i0 += MC) {
        const mc = Math.min(MC, m - i0);
        packOpA(pa, mr, transA, A, aOff, lda, i0, roundUp(mc, mr), p0, kc, m);
        for (let s = 0; s < nc; s += nr) {
          const cols = Math.min(nr, nc - s);
          const bAddr = w.bOffset + s * kc * elt;
          for (let r = 0; r < mc; r += mr) {
            const rows = Math.min(mr, mc - r);
            kernel(kc, w.aOffset + r * kc * elt, bAddr, w.tileOffset);
            let o = cOff + (i0 + r) * ldc + j0 + s;
            for (let i = 0; i < rows; i++, o += ldc) {
              const t = i * nr;
              for (let j = 0; j < cols; j++) C[o + j] += alpha * tile[t + j];
            }
          }
        }
      }
    }
  }
}
