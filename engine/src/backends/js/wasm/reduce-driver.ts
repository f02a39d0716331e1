/**
 * Runs reductions of float32/float64 data through the WebAssembly SIMD kernels: sums over the
 * last axes (pairwise, as the JavaScript loop) or leading/middle axes (column sums), and
 * max/min/argmax/argmin over the last axes. The data arrive as the [outer][B][M] block of
 * `../reduce.ts`; chunks of whole rows are copied into the kernel module's memory. A row longer
 * than a chunk is split the way the pairwise recursion splits it (sums) or scanned chunk by
 * chunk (extremes), so the results are the JavaScript loop's to the bit.
 */
import type { TypedArray } from "../../../core/dtype.js";
import type { ReduceKind } from "../../../ops/reduce.js";
import {
  ACC,
  ARG_COLS_HALF,
  CHUNK_BYTES,
  simdKernels,
  X,
  Y,
  type DtypeKernels,
  type SimdKernels,
} from "./module.js";
import { MIN_WASM_ELEMENTS } from "./elementwise-driver.js";

type FloatArray = Float64Array | Float32Array;

// Row results fit in region Y: float64 sums or int32 indices.
const ROWS_F64 = CHUNK_BYTES / 8;
const ROWS_I32 = CHUNK_BYTES / 4;

/**
 * Reduces `data[off …]` viewed as [outer][B][M] over B into `out` (B ≥ 1); false (nothing
 * written) when no kernel applies.
 */
export function wasmReduce(
  kind: ReduceKind,
  data: ArrayLike<number>,
  off: number,
  outer: number,
  B: number,
  M: number,
  out: TypedArray,
): boolean {
  if (outer * B * M < MIN_WASM_ELEMENTS) return false;
  if (!(data instanceof Float64Array || data instanceof Float32Array)) return false;
  const all = simdKernels();
  if (!all) return false;
  const k = data instanceof Float64Array ? all.f64 : all.f32;
  const floatOut = out instanceof Float64Array || out instanceof Float32Array;
  if (kind === "sum" && floatOut) {
    if (M === 1) sumRows(k, all, data, off, outer, B, out);
    else sumColumns(k, all, data, off, outer, B, M, out);
    return true;
  }
  const arg = kind === "argmax" || kind === "argmin";
  if (arg ? !(out instanceof Int32Array) : !((kind === "max" || kind === "min") && floatOut)) return false;
  const which = kind === "max" || kind === "argmax" ? "max" : "min";
  if (M === 1) extremes(k, all, which, arg, data, off, outer, B, out);
  else columnExtremes(k, all, which, arg, data, off, outer, B, M, out);
  return true;
}

// NumPy's pairwise recursion above one chunk; the kernel continues it within the chunk.
function pairwise(k: DtypeKernels, data: FloatArray, i0: number, n: number): number {
  if (n <= k.cap) {
    k.x.set(data.subarray(i0, i0 + n));
    return k.pw(X, n);
  }
  let n2 = (n / 2) | 0;
  n2 -= n2 % 8;
  return pairwise(k, data, i0, n2) + pairwise(k, data, i0 + n2, n - n2);
}

function sumRows(
  k: DtypeKernels,
  all: SimdKernels,
  data: FloatArray,
  off: number,
  outer: number,
  B: number,
  out: TypedArray,
): void {
  if (B > k.cap) {
    for (let o = 0; o < outer; o++) out[o] = pairwise(k, data, off + o * B, B);
    return;
  }
  const per = Math.min(Math.floor(k.cap / B), ROWS_F64);
  for (let o = 0; o < outer; o += per) {
    const r = Math.min(per, outer - o);
    k.x.set(data.subarray(off + o * B, off + (o + r) * B));
    k.sumRows(X, r, B, Y);
    out.set(all.rowsF64.subarray(0, r), o);
  }
}

// Column tiles of at most `cols` columns; batches of rows a multiple of 4 so the kernel's
// four-row groups fall where the JavaScript loop's do.
function sumColumns(
  k: DtypeKernels,
  all: SimdKernels,
  data: FloatArray,
  off: number,
  outer: number,
  B: number,
  M: number,
  out: TypedArray,
): void {
  const cols = Math.min(M, all.acc.length, Math.floor(k.cap / 4));
  for (let o = 0; o < outer; o++) {
    const base = off + o * B * M;
    for (let c0 = 0; c0 < M; c0 += cols) {
      const w = Math.min(cols, M - c0);
      all.acc.fill(0, 0, w);
      const per = Math.floor(k.cap / w / 4) * 4;
      for (let r0 = 0; r0 < B; r0 += per) {
        const r = Math.min(per, B - r0);
        if (w === M) k.x.set(data.subarray(base + r0 * M, base + (r0 + r) * M));
        else
          for (let i = 0; i < r; i++)
            k.x.set(data.subarray(base + (r0 + i) * M + c0, base + (r0 + i) * M + c0 + w), i * w);
        k.colSum(X, r, w, ACC);
      }
      out.set(all.acc.subarray(0, w), o * M + c0);
    }
  }
}

// Index (or value, when !arg) of the first max/min of each row; a NaN wins outright.
function extremes(
  k: DtypeKernels,
  all: SimdKernels,
  which: "max" | "min",
  arg: boolean,
  data: FloatArray,
  off: number,
  outer: number,
  B: number,
  out: TypedArray,
): void {
  if (B > k.cap) {
    for (let o = 0; o < outer; o++) {
      const i0 = off + o * B;
      let best = 0;
      let bi = -1;
      for (let s = 0; s < B; s += k.cap) {
        const m = Math.min(k.cap, B - s);
        k.x.set(data.subarray(i0 + s, i0 + s + m));
        const j = s + k.arg[which](X, m);
        const v = data[i0 + j];
        if (bi < 0 || (which === "max" ? v > best : v < best) || v !== v) {
          best = v;
          bi = j;
          if (v !== v) break;
        }
      }
      out[o] = arg ? bi : best;
    }
    return;
  }
  const per = Math.min(Math.floor(k.cap / B), ROWS_I32);
  const idx = all.rowsI32;
  for (let o = 0; o < outer; o += per) {
    const r = Math.min(per, outer - o);
    k.x.set(data.subarray(off + o * B, off + (o + r) * B));
    k.argRows[which](X, r, B, Y);
    if (arg) out.set(idx.subarray(0, r), o);
    else for (let i = 0; i < r; i++) out[o + i] = data[off + (o + i) * B + idx[i]];
  }
}

// Index (or value) of the first max/min down each column of [B][M] blocks: column tiles whose
// running extremes and row indices fit region ACC, fed batches of rows.
function columnExtremes(
  k: DtypeKernels,
  all: SimdKernels,
  which: "max" | "min",
  arg: boolean,
  data: FloatArray,
  off: number,
  outer: number,
  B: number,
  M: number,
  out: TypedArray,
): void {
  const bytes = data.BYTES_PER_ELEMENT;
  const cols = Math.min(M, ARG_COLS_HALF / bytes);
  // Row indices are int32 in lanes of the dtype's width: every (bytes/4)-th int32.
  const idxAt = ARG_COLS_HALF / 4;
  const idxStride = bytes / 4;
  for (let o = 0; o < outer; o++) {
    const base = off + o * B * M;
    for (let c0 = 0; c0 < M; c0 += cols) {
      const w = Math.min(cols, M - c0);
      // Row 0 starts the running extremes, at index 0.
      k.acc.set(data.subarray(base + c0, base + c0 + w));
      all.accI32.fill(0, idxAt, idxAt + w * idxStride);
      const per = Math.floor(k.cap / w);
      for (let r0 = 1; r0 < B; r0 += per) {
        const r = Math.min(per, B - r0);
        if (w === M) k.x.set(data.subarray(base + r0 * M, base + (r0 + r) * M));
        else
          for (let i = 0; i < r; i++)
            k.x.set(data.subarray(base + (r0 + i) * M + c0, base + (r0 + i) * M + c0 + w), i * w);
        k.argCols[which](X, r, w, ACC, r0);
      }
      const o0 = o * M + c0;
      if (!arg) out.set(k.acc.subarray(0, w), o0);
      else for (let j = 0; j < w; j++) out[o0 + j] = all.accI32[idxAt + j * idxStride];
    }
  }
}
