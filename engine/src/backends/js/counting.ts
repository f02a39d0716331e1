import { ValueError } from "../../core/errors.js";
import { readHost } from "../../core/host.js";
import { registerKernel } from "../../core/registry.js";
import { Tensor } from "../../core/tensor.js";
import type { BincountAttrs, HistogramAttrs, SearchsortedAttrs } from "../../ops/sets.js";

// The `js` kernels that count and search: `searchsorted`, `bincount`, `histogram`.

// NumPy's sort order: NaN after every number.
const less = (x: number, y: number): boolean => x < y || (y !== y && x === x);

registerKernel<SearchsortedAttrs>("searchsorted", "js", ([a, v], { side }) => {
  const sorted = readHost(a);
  const values = readHost(v);
  const out = new Int32Array(values.length);
  const n = sorted.length;
  for (let k = 0; k < values.length; k++) {
    const x = values[k];
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      // left: first position whose element is not less than x; right: first greater than x.
      const goRight = side === "left" ? less(sorted[mid], x) : !less(x, sorted[mid]);
      if (goRight) lo = mid + 1;
      else hi = mid;
    }
    out[k] = lo;
  }
  return Tensor.fromTypedArray(out, v.shape, "int32");
});

registerKernel<BincountAttrs>("bincount", "js", ([x, weights], { minlength }) => {
  const data = readHost(x);
  let top = -1;
  for (let i = 0; i < data.length; i++) {
    if (data[i] < 0) throw new ValueError("'list' argument must have no negative elements");
    if (data[i] > top) top = data[i];
  }
  const n = Math.max(top + 1, minlength);
  if (!weights) {
    const out = new Int32Array(n);
    for (let i = 0; i < data.length; i++) out[data[i]]++;
    return Tensor.fromTypedArray(out, [n], "int32");
  }
  const w = readHost(weights);
  const out = new Float64Array(n);
  for (let i = 0; i < data.length; i++) out[data[i]] += w[i];
  return Tensor.fromTypedArray(out, [n], "float64");
});

registerKernel<HistogramAttrs>("histogram", "js", ([a, edges, weights], { uniform, dtype }) => {
  const data = readHost(a);
  const e = readHost(edges);
  const w = weights ? readHost(weights) : undefined;
  const bins = e.length - 1;
  const first = e[0];
  const last = e[bins];
  const out = dtype === "float64" ? new Float64Array(bins) : new Int32Array(bins);
  const norm = bins / (last - first);
  for (let i = 0; i < data.length; i++) {
    const x = data[i];
    if (!(x >= first && x <= last)) continue;
    let b: number;
    if (uniform) {
      // NumPy's arithmetic for equal bins, including its one-ulp corrections at the edges.
      b = Math.trunc((x - first) * norm);
      if (b === bins) b--;
      if (x < e[b]) b--;
      else if (b !== bins - 1 && x >= e[b + 1]) b++;
    } else {
      // Last edge at or below x; the last bin is closed on the right.
      let lo = 0;
      let hi = bins + 1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (e[mid] <= x) lo = mid + 1;
        else hi = mid;
      }
      b = Math.min(lo - 1, bins - 1);
    }
    out[b] += w ? w[i] : 1;
  }
  return Tensor.fromTypedArray(out, [bins], dtype);
});
