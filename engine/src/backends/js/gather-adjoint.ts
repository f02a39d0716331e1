import { allocate } from "../../core/dtype.js";
import { readHost } from "../../core/host.js";
import { registerKernel } from "../../core/registry.js";
import { contiguousStrides, sizeOf } from "../../core/shape.js";
import { Tensor } from "../../core/tensor.js";
import type { GatherAdjointAttrs } from "../../ops/indexing.js";

// The `js` kernel behind the gradient of `gather` (advanced indexing): each element of `dy`
// (laid out as gather's output: rest axes before the index axes, the index arrays' broadcast
// shape, the other rest axes) is added into a zero tensor of the indexed view's shape at the
// position it was read from. Repeated indices add up, as the gradient needs.
registerKernel<GatherAdjointAttrs>("gatherAdjoint", "js", ([dy, ...indices], attrs) => {
  const { shape, axes, placement } = attrs;
  const strides = contiguousStrides(shape);
  const out = allocate(dy.dtype, sizeOf(shape));
  const g = readHost(dy);
  const m = indices.length ? indices[0].size : 1;
  const off = new Float64Array(m);
  indices.forEach((idx, k) => {
    const data = readHost(idx);
    const n = shape[axes[k]];
    for (let i = 0; i < m; i++) off[i] += (data[i] < 0 ? data[i] + n : data[i]) * strides[axes[k]];
  });
  const rest = [...shape.keys()].filter((ax) => !axes.includes(ax));
  const pre = rest.slice(0, placement);
  const post = rest.slice(placement);
  const preShape = pre.map((ax) => shape[ax]);
  const postShape = post.map((ax) => shape[ax]);
  const preN = sizeOf(preShape);
  const postN = sizeOf(postShape);
  const prePos = positions(
    preShape,
    pre.map((ax) => strides[ax]),
  );
  const postPos = positions(
    postShape,
    post.map((ax) => strides[ax]),
  );
  let o = 0;
  for (let q = 0; q < preN; q++) {
    for (let b = 0; b < m; b++) {
      const base = prePos[q] + off[b];
      for (let r = 0; r < postN; r++) out[base + postPos[r]] += g[o++];
    }
  }
  return Tensor.fromTypedArray(out, shape, dy.dtype);
});

// Storage position of every element of a sub-layout, in row-major order.
function positions(shape: readonly number[], strides: readonly number[]): Float64Array {
  const n = sizeOf(shape);
  const out = new Float64Array(n);
  const idx = new Array<number>(shape.length).fill(0);
  let pos = 0;
  for (let i = 0; i < n; i++) {
    out[i] = pos;
    for (let d = shape.length - 1; d >= 0; d--) {
      idx[d]++;
      pos += strides[d];
      if (idx[d] < shape[d]) break;
      pos -= strides[d] * shape[d];
      idx[d] = 0;
    }
  }
  return out;
}
