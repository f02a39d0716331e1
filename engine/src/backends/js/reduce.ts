import { allocate } from "../../core/dtype.js";
import { ValueError } from "../../core/errors.js";
import { gather, hostOf } from "../../core/host.js";
import { registerKernel } from "../../core/registry.js";
import { Tensor } from "../../core/tensor.js";
import type { CumulativeAttrs } from "../../ops/cumulative.js";
import type { ReduceAttrs } from "../../ops/reduce.js";
import { reduceLoop } from "./reduce-loops.js";
import { wasmReduce } from "./wasm/reduce-driver.js";

// The `js` reduction kernel. A contiguous input whose axes group as [kept][reduced][kept] (after
// dropping length-1 axes) is reduced in place by one generated loop; any other layout (a strided
// view, or reduced axes interleaved with kept ones) is first gathered into a row-major copy with
// the kept axes first. Accumulators are float64 whatever the dtype.

/** The input as [outer][B][M] over contiguous data: either the tensor itself or a gathered copy. */
function layout(
  a: Tensor,
  axes: readonly number[],
): { data: ArrayLike<number>; off: number; outer: number; B: number; M: number } {
  const data = hostOf(a).data;
  if (a.isContiguous) {
    // Groups along the axes: leading kept, reduced, trailing kept; anything else falls through.
    let outer = 1;
    let B = 1;
    let M = 1;
    let phase = 0;
    let ok = true;
    for (let i = 0; i < a.ndim && ok; i++) {
      const d = a.shape[i];
      if (d === 1) continue;
      const red = axes.includes(i);
      if (phase === 0 && !red) outer *= d;
      else if (phase <= 1 && red) {
        phase = 1;
        B *= d;
      } else if (phase >= 1 && !red) {
        phase = 2;
        M *= d;
      } else ok = false;
    }
    if (ok) return { data, off: a.offset, outer, B, M };
  }
  const kept = [...a.shape.keys()].filter((i) => !axes.includes(i));
  const order = [...kept, ...axes];
  const copy = gather(
    data,
    order.map((i) => a.shape[i]),
    order.map((i) => a.strides[i]),
    a.offset,
    a.dtype,
  );
  const B = axes.reduce((n, i) => n * a.shape[i], 1);
  return { data: copy, off: 0, outer: B === 0 ? 0 : copy.length / B, B, M: 1 };
}

registerKernel<ReduceAttrs>("reduce", "js", ([a], { kind, axes, dtype }) => {
  const outShape = a.shape.filter((_, i) => !axes.includes(i));
  const out = allocate(
    dtype,
    outShape.reduce((n, d) => n * d, 1),
  );
  if (out.length === 0) return Tensor.fromTypedArray(out, outShape, dtype);
  const lay = layout(a, axes);
  const B = lay.B;
  let { data, off, outer, M } = lay;
  if (B === 0) {
    // An empty reduction: every output is the kind's identity, and `outer` cannot be read off
    // the data; the op has already refused kinds without one.
    outer = out.length;
    M = 1;
    data = new Float64Array(0);
    off = 0;
  }
  // Float sums and extremes of enough elements run on SIMD kernels, with the same results.
  if (B > 0 && wasmReduce(kind, data, off, outer, B, M, out))
    return Tensor.fromTypedArray(out, outShape, dtype);
  const overflow = (v: number): never => {
    throw new ValueError(
      `integer overflow: the ${kind} ${v} does not fit int32 (Tensorbook's int64 stand-in); ` +
        `pass { dtype: "float64" } to reduce in floating point`,
    );
  };
  reduceLoop(kind, data as Float64Array, dtype)(data as Float64Array, off, outer, B, M, out, overflow);
  return Tensor.fromTypedArray(out, outShape, dtype);
});

registerKernel<CumulativeAttrs>("cumulative", "js", ([a], { kind, axis, dtype }) => {
  // A row-major copy in the output dtype, then each element accumulates its predecessor along
  // the axis, in the output's own precision (float32 sums round at every step, as NumPy's do).
  const out = gather(hostOf(a).data, a.shape, a.strides, a.offset, dtype);
  const n = a.shape[axis];
  const inner = a.shape.slice(axis + 1).reduce((p, d) => p * d, 1);
  const outer = n === 0 ? 0 : out.length / (n * inner);
  const isSum = kind === "sum";
  for (let o = 0; o < outer; o++) {
    const base = o * n * inner;
    for (let k = 1; k < n; k++) {
      const row = base + k * inner;
      if (isSum) for (let j = 0; j < inner; j++) out[row + j] += out[row - inner + j];
      else for (let j = 0; j < inner; j++) out[row + j] *= out[row - inner + j];
    }
  }
  return Tensor.fromTypedArray(out, a.shape, dtype);
});
