import { allocate } from "../../core/dtype.js";
import { readHost } from "../../core/host.js";
import { registerKernel } from "../../core/registry.js";
import { Tensor } from "../../core/tensor.js";
import type { Layout, ViewAdjointAttrs } from "../../autodiff/layout-grads.js";

// The `js` kernel behind the gradient of views. The input holds one value per element of the
// `from` layout; each value is added into a buffer at that element's storage position, and the
// output reads the buffer back at the positions of the `to` layout. With `from` a view and `to`
// the tensor it was taken from, that is the view's gradient, whatever the view did (broadcast,
// slice, transpose, reshape, diagonal).

// The lowest and highest storage positions a layout reaches.
function span(l: Layout): [number, number] {
  let lo = l.offset;
  let hi = l.offset;
  for (let i = 0; i < l.shape.length; i++) {
    if (l.shape[i] === 0) return [l.offset, l.offset - 1];
    const reach = (l.shape[i] - 1) * l.strides[i];
    if (reach < 0) lo += reach;
    else hi += reach;
  }
  return [lo, hi];
}

// Calls `visit(position)` for each element of a layout in row-major order.
function walk(l: Layout, visit: (pos: number, i: number) => void): void {
  const nd = l.shape.length;
  const n = l.shape.reduce((a, b) => a * b, 1);
  if (n === 0) return;
  const idx = new Array<number>(nd).fill(0);
  let pos = l.offset;
  for (let i = 0; i < n; i++) {
    visit(pos, i);
    for (let d = nd - 1; d >= 0; d--) {
      idx[d]++;
      pos += l.strides[d];
      if (idx[d] < l.shape[d]) break;
      pos -= l.strides[d] * l.shape[d];
      idx[d] = 0;
    }
  }
}

registerKernel<ViewAdjointAttrs>("viewAdjoint", "js", ([x], { from, to, scatterFirst, gatherFirst }) => {
  const src = readHost(x);
  const [lo, hi] = span(to);
  const len = Math.max(0, hi - lo + 1);
  const buf = new Float64Array(len);
  const seen = scatterFirst ? new Uint8Array(len) : undefined;
  walk(from, (pos, i) => {
    const p = pos - lo;
    if (p < 0 || p >= len) return;
    if (seen) {
      if (!seen[p]) {
        seen[p] = 1;
        buf[p] = src[i];
      }
    } else buf[p] += src[i];
  });
  const out = allocate(
    x.dtype,
    to.shape.reduce((a, b) => a * b, 1),
  );
  walk(to, (pos, i) => {
    const p = pos - lo;
    out[i] = buf[p];
    // Several elements of `to` at one position (a broadcast source) take the sum once.
    if (gatherFirst) buf[p] = 0;
  });
  return Tensor.fromTypedArray(out, to.shape, x.dtype);
});
