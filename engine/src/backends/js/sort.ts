import { allocate, type TypedArray } from "../../core/dtype.js";
import { hostOf } from "../../core/host.js";
import { registerKernel } from "../../core/registry.js";
import { contiguousStrides, sizeOf } from "../../core/shape.js";
import { Tensor } from "../../core/tensor.js";
import type { SortAttrs } from "../../ops/sorting.js";

// The `js` sorting kernels. Every lane along the sorted axis is copied out, sorted and written
// to a row-major result. NaN sorts after everything, as in NumPy. Index sorts break ties by
// position, so they are stable whatever algorithm V8 uses underneath.

/** NumPy's order for floats: numbers ascending, then NaN. */
function compareValues(x: number, y: number): number {
  if (x < y) return -1;
  if (x > y) return 1;
  if (x === y) return 0;
  const xn = x !== x;
  const yn = y !== y;
  return xn === yn ? 0 : xn ? 1 : -1;
}

/** Visits each lane along `axis`: `lane(srcStart, srcStride, outStart, outStride)`. */
function forEachLane(
  t: Tensor,
  axis: number,
  lane: (p: number, ps: number, o: number, os: number) => void,
): void {
  const outStrides = contiguousStrides(t.shape);
  const others = [...t.shape.keys()].filter((ax) => ax !== axis);
  const count = sizeOf(others.map((ax) => t.shape[ax]));
  if (t.shape[axis] === 0 || count === 0) return;
  const idx = new Array<number>(others.length).fill(0);
  let p = t.offset;
  let o = 0;
  for (let k = 0; k < count; k++) {
    lane(p, t.strides[axis], o, outStrides[axis]);
    for (let d = others.length - 1; d >= 0; d--) {
      const ax = others[d];
      idx[d]++;
      p += t.strides[ax];
      o += outStrides[ax];
      if (idx[d] < t.shape[ax]) break;
      p -= t.strides[ax] * t.shape[ax];
      o -= outStrides[ax] * t.shape[ax];
      idx[d] = 0;
    }
  }
}

function copyLane(src: TypedArray, p: number, ps: number, buf: TypedArray): void {
  for (let i = 0; i < buf.length; i++, p += ps) buf[i] = src[p];
}

registerKernel<SortAttrs>("sort", "js", ([t], { axis, indices }) => {
  const src = hostOf(t).data;
  const n = t.shape[axis];
  const lane = allocate(t.dtype, n);
  if (!indices) {
    const out = allocate(t.dtype, t.size);
    forEachLane(t, axis, (p, ps, o, os) => {
      copyLane(src, p, ps, lane);
      // Typed-array sort is numeric and puts NaN last, NumPy's order.
      lane.sort();
      for (let i = 0; i < n; i++, o += os) out[o] = lane[i];
    });
    return Tensor.fromTypedArray(out, t.shape, t.dtype);
  }
  const out = new Int32Array(t.size);
  const order = new Array<number>(n);
  const byValue = (i: number, j: number): number => compareValues(lane[i], lane[j]) || i - j;
  forEachLane(t, axis, (p, ps, o, os) => {
    copyLane(src, p, ps, lane);
    for (let i = 0; i < n; i++) order[i] = i;
    order.sort(byValue);
    for (let i = 0; i < n; i++, o += os) out[o] = order[i];
  });
  return Tensor.fromTypedArray(out, t.shape, "int32");
});

registerKernel("lexsortRows", "js", ([t]) => {
  // Rows of a 2-D tensor in lexicographic order (stable): the order `unique(..., axis)` needs.
  const [rows, cols] = t.shape;
  const src = hostOf(t).data;
  const [rs, cs] = t.strides;
  const order = Array.from({ length: rows }, (_, i) => i);
  order.sort((i, j) => {
    for (let c = 0; c < cols; c++) {
      const d = compareValues(src[t.offset + i * rs + c * cs], src[t.offset + j * rs + c * cs]);
      if (d !== 0) return d;
    }
    return i - j;
  });
  return Tensor.fromTypedArray(Int32Array.from(order), [rows], "int32");
});
