/** Strided copies used by the product helpers: permutation, broadcasting, diagonals, sums. */
import { sizeOf } from "./types.js";

/** Row-major strides of a shape. */
export function stridesOf(shape: readonly number[]): number[] {
  const st = new Array<number>(shape.length);
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    st[i] = s;
    s *= shape[i];
  }
  return st;
}

/**
 * Copies the elements of `src` at offsets Σ index[d]·strides[d] for every index of `shape`, in
 * row-major order, into a new float64 array. Strides may be 0 (broadcast) or sums (diagonals).
 */
export function gather(
  src: ArrayLike<number>,
  shape: readonly number[],
  strides: readonly number[],
): Float64Array {
  const total = sizeOf(shape);
  const out = new Float64Array(total);
  const nd = shape.length;
  if (total === 0) return out;
  if (nd === 0) {
    out[0] = src[0];
    return out;
  }
  const idx = new Array<number>(nd).fill(0);
  const last = nd - 1;
  const lastLen = shape[last];
  const lastStride = strides[last];
  let off = 0;
  for (let o = 0; o < total; o += lastLen) {
    for (let j = 0, p = off; j < lastLen; j++, p += lastStride) out[o + j] = src[p];
    // Odometer increment over all but the last axis.
    for (let d = last - 1; d >= 0; d--) {
      idx[d]++;
      off += strides[d];
      if (idx[d] < shape[d]) break;
      off -= idx[d] * strides[d];
      idx[d] = 0;
    }
  }
  return out;
}

/** The axes of a row-major array reordered: result axis i is input axis perm[i]. */
export function permute(
  data: ArrayLike<number>,
  shape: readonly number[],
  perm: readonly number[],
): Float64Array {
  const st = stridesOf(shape);
  return gather(
    data,
    perm.map((p) => shape[p]),
    perm.map((p) => st[p]),
  );
}

/** Sums a row-major array over the axes listed in `drop`, keeping the others in order. */
export function sumAxes(
  data: Float64Array,
  shape: readonly number[],
  drop: readonly number[],
): { data: Float64Array; shape: number[] } {
  if (drop.length === 0) return { data, shape: [...shape] };
  const keep = shape.map((_, i) => i).filter((i) => !drop.includes(i));
  // Move the summed axes last, then add up contiguous runs.
  const moved = permute(data, shape, [...keep, ...drop]);
  const outShape = keep.map((i) => shape[i]);
  const n = sizeOf(outShape);
  const run = sizeOf(drop.map((i) => shape[i]));
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0, p = i * run; j < run; j++, p++) s += moved[p];
    out[i] = s;
  }
  return { data: out, shape: outShape };
}
