import { allocate, type TypedArray } from "../../core/dtype.js";
import { readHost } from "../../core/host.js";
import { registerKernel } from "../../core/registry.js";
import { Tensor } from "../../core/tensor.js";
import type { SoftmaxAttrs } from "../../ops/softmax.js";

// The `js` kernels of ops/softmax.ts: row loops over the last axis. Each row subtracts its
// maximum first (no overflow) and sums in double precision.

/** log Σ exp(row) of x[o .. o+n), with the row's maximum m given. */
function logSumExpRow(x: ArrayLike<number>, o: number, n: number, m: number): number {
  let s = 0;
  for (let j = 0; j < n; j++) s += Math.exp(x[o + j] - m);
  return Math.log(s) + m;
}

// The shift of a row: its maximum, or 0 when that is not finite (as logsumexp's `where`).
function rowMax(x: ArrayLike<number>, o: number, n: number): number {
  let m = -Infinity;
  for (let j = 0; j < n; j++) if (x[o + j] > m) m = x[o + j];
  return Number.isFinite(m) ? m : 0;
}

registerKernel<SoftmaxAttrs>("softmax", "js", ([x], { log }) => {
  const n = x.shape[x.ndim - 1];
  const src = readHost(x);
  const out = allocate(x.dtype, x.size) as TypedArray;
  for (let o = 0; o < x.size; o += n) {
    const m = rowMax(src, o, n);
    if (log) {
      const lse = logSumExpRow(src, o, n, m);
      for (let j = 0; j < n; j++) out[o + j] = src[o + j] - lse;
    } else {
      let s = 0;
      for (let j = 0; j < n; j++) s += out[o + j] = Math.exp(src[o + j] - m);
      for (let j = 0; j < n; j++) out[o + j] = out[o + j] / s;
    }
  }
  return Tensor.fromTypedArray(out, x.shape, x.dtype);
});

registerKernel("sparseSoftmaxXent", "js", ([z, labels]) => {
  const n = z.shape[z.ndim - 1];
  const x = readHost(z);
  const l = readHost(labels);
  const out = allocate(z.dtype, labels.size);
  for (let r = 0, o = 0; r < out.length; r++, o += n) {
    const lse = logSumExpRow(x, o, n, rowMax(x, o, n));
    const k = l[r];
    out[r] = k >= 0 && k < n ? lse - x[o + k] : lse;
  }
  return Tensor.fromTypedArray(out, labels.shape, z.dtype);
});

// A reusable row of exponentials for the gradient kernel.
let rowExp = new Float64Array(16);

registerKernel("sparseSoftmaxXentGrad", "js", ([dy, z, labels]) => {
  const n = z.shape[z.ndim - 1];
  const x = readHost(z);
  const l = readHost(labels);
  const d = readHost(dy);
  const out = allocate(z.dtype, z.size) as TypedArray;
  // Each row's exponentials are computed once, in double precision, and kept for the quotients.
  if (rowExp.length < n) rowExp = new Float64Array(n);
  const e = rowExp;
  for (let r = 0, o = 0; r < l.length; r++, o += n) {
    const m = rowMax(x, o, n);
    let s = 0;
    for (let j = 0; j < n; j++) s += e[j] = Math.exp(x[o + j] - m);
    const g = d[r];
    for (let j = 0; j < n; j++) out[o + j] = g * (e[j] / s);
    const k = l[r];
    if (k >= 0 && k < n) out[o + k] = g * (e[k] / s - 1);
  }
  return Tensor.fromTypedArray(out, z.shape, z.dtype);
});
