import { allocate } from "../../core/dtype.js";
import { readHost } from "../../core/host.js";
import { registerKernel } from "../../core/registry.js";
import { Tensor } from "../../core/tensor.js";
import type { QuantileAttrs } from "../../ops/stats.js";

// Quantiles of each row of a 2-D [rows, n] input: the row is copied, sorted, and read at each
// quantile with NumPy's 'linear' interpolation (or the mean of the middle pair, for median).
// A row holding NaN gives NaN, as NumPy's do.

// NumPy's _lerp: from whichever end is nearer, so that t = 1 lands exactly on b.
function lerp(a: number, b: number, t: number): number {
  const d = b - a;
  return t >= 0.5 ? b - d * (1 - t) : a + d * t;
}

registerKernel<QuantileAttrs>("quantile", "js", ([a], { qs, median, dtype }) => {
  const [rows, n] = a.shape;
  const data = readHost(a);
  const out = allocate(dtype, qs.length * rows);
  const row = new Float64Array(n);
  for (let r = 0; r < rows; r++) {
    let nan = false;
    for (let i = 0; i < n; i++) {
      const x = data[r * n + i];
      row[i] = x;
      if (x !== x) nan = true;
    }
    if (nan || n === 0) {
      for (let k = 0; k < qs.length; k++) out[k * rows + r] = NaN;
      continue;
    }
    row.sort();
    for (let k = 0; k < qs.length; k++) {
      let v: number;
      if (median) {
        const h = n >> 1;
        v = n % 2 ? row[h] : (row[h - 1] + row[h]) / 2;
      } else {
        const at = (n - 1) * qs[k];
        const lo = Math.floor(at);
        const hi = Math.min(lo + 1, n - 1);
        v = lerp(row[lo], row[hi], at - lo);
      }
      out[k * rows + r] = v;
    }
  }
  return Tensor.fromTypedArray(out, [qs.length, rows], dtype);
});
