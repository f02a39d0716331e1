import type { Column, Scalar } from "./column.js";
import { sortFloats } from "./radix.js";

// Reductions over one column, skipping missing values as pandas does (skipna=True).

/** The present values of a numeric or bool column, as float64. */
export function presentValues(col: Column): Float64Array {
  const x = col.numbers();
  let k = 0;
  for (let i = 0; i < x.length; i++) if (x[i] === x[i]) k++;
  if (k === x.length) return x;
  const out = new Float64Array(k);
  k = 0;
  for (let i = 0; i < x.length; i++) if (x[i] === x[i]) out[k++] = x[i];
  return out;
}

/** Number of present values. */
export function count(col: Column): number {
  return col.length - col.nullCount;
}

/** Sum of the present values (0 when there are none). */
export function sum(col: Column): number {
  const x = col.numbers();
  let s = 0;
  for (let i = 0; i < x.length; i++) if (x[i] === x[i]) s += x[i];
  return s;
}

/** Mean of the present values (NaN when there are none). */
export function mean(col: Column): number {
  const x = col.numbers();
  let s = 0;
  let k = 0;
  for (let i = 0; i < x.length; i++) {
    if (x[i] === x[i]) {
      s += x[i];
      k++;
    }
  }
  return k === 0 ? NaN : s / k;
}

/** Variance with `ddof` (1 by default, as pandas), two passes for accuracy. */
export function variance(col: Column, ddof = 1): number {
  const x = col.numbers();
  const m = mean(col);
  let s = 0;
  let k = 0;
  for (let i = 0; i < x.length; i++) {
    if (x[i] === x[i]) {
      const d = x[i] - m;
      s += d * d;
      k++;
    }
  }
  return k - ddof <= 0 ? NaN : s / (k - ddof);
}

/** Standard deviation with `ddof` (1 by default). */
export function std(col: Column, ddof = 1): number {
  return Math.sqrt(variance(col, ddof));
}

/** Smallest present value; strings compare as text. */
export function min(col: Column): Scalar {
  return extreme(col, -1);
}

/** Largest present value; strings compare as text. */
export function max(col: Column): Scalar {
  return extreme(col, 1);
}

function extreme(col: Column, sign: 1 | -1): Scalar {
  if (col.isString) {
    let best: string | null = null;
    const dict = col.dictionary();
    for (const c of col.codes()) {
      if (c < 0) continue;
      const v = dict[c];
      if (best === null || (sign > 0 ? v > best : v < best)) best = v;
    }
    return best;
  }
  const x = col.numbers();
  let best = NaN;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (v !== v) continue;
    if (best !== best || (sign > 0 ? v > best : v < best)) best = v;
  }
  if (col.dtype === "bool" && best === best) return best === 1;
  return best;
}

/** Position of the largest (sign 1) or smallest (-1) present value, -1 when none. */
export function argExtreme(col: Column, sign: 1 | -1): number {
  const x = col.numbers();
  let at = -1;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (v !== v) continue;
    if (at < 0 || (sign > 0 ? v > x[at] : v < x[at])) at = i;
  }
  return at;
}

/** Sorted copy of the present values. */
export function sortedValues(col: Column): Float64Array {
  return sortFloats(col.numbers());
}

/** Quantile `q` (0–1) of sorted values by linear interpolation (NumPy's default method). */
export function quantileSorted(sorted: Float64Array, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const pos = q * (n - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, n - 1);
  const frac = pos - lo;
  // NumPy's lerp form, which keeps exact endpoints.
  const a = sorted[lo];
  const b = sorted[hi];
  const d = b - a;
  return frac >= 0.5 ? b - d * (1 - frac) : a + d * frac;
}

/** Quantile `q` of the present values. */
export function quantile(col: Column, q: number): number {
  return quantileSorted(sortedValues(col), q);
}

/** Median of the present values. */
export function median(col: Column): number {
  return quantile(col, 0.5);
}

/** Product of the present values. */
export function prod(col: Column): number {
  const x = col.numbers();
  let p = 1;
  for (let i = 0; i < x.length; i++) if (x[i] === x[i]) p *= x[i];
  return p;
}

/** Distinct present values in order of first appearance. */
export function unique(col: Column, dropna = true): Scalar[] {
  if (col.isString) {
    const seen = new Uint8Array(col.dictionary().length);
    const out: Scalar[] = [];
    let sawNull = false;
    const dict = col.dictionary();
    for (const c of col.codes()) {
      if (c < 0) {
        if (!dropna && !sawNull) out.push(null);
        sawNull = true;
      } else if (!seen[c]) {
        seen[c] = 1;
        out.push(dict[c]);
      }
    }
    return out;
  }
  const set = new Set<Scalar>();
  let sawNull = false;
  const out: Scalar[] = [];
  for (let i = 0; i < col.length; i++) {
    const v = col.get(i);
    if (v === null) {
      if (!dropna && !sawNull) out.push(null);
      sawNull = true;
    } else if (!set.has(v)) {
      set.add(v);
      out.push(v);
    }
  }
  return out;
}

/** Number of distinct present values. */
export function nunique(col: Column): number {
  return unique(col).length;
}
