import { Column } from "./column.js";
import { Index, type Label } from "./labels.js";
import { Series } from "./series.js";

/** Options of `valueCounts`. */
export interface ValueCountsOptions {
  /** Proportions instead of counts. */
  normalize?: boolean;
  /** Sort by frequency (default true). */
  sort?: boolean;
  /** Least frequent first. */
  ascending?: boolean;
  /** Leave missing values out (default true). */
  dropna?: boolean;
}

/**
 * How often each distinct value occurs, as a series indexed by the values (pandas 1.5 keeps
 * the series' name). Ties keep the order of first appearance; categoricals count every category,
 * even those that never occur.
 */
export function valueCounts(s: Series, options: ValueCountsOptions = {}): Series {
  const col = s.column;
  const labels: Label[] = [];
  const counts: number[] = [];
  let nulls = 0;
  if (col.isString) {
    const dict = col.dictionary();
    const per = new Float64Array(dict.length);
    const firstSeen: number[] = [];
    for (const c of col.codes()) {
      if (c < 0) nulls++;
      else if (per[c]++ === 0) firstSeen.push(c);
    }
    const order = col.dtype === "category" ? [...dict.keys()] : firstSeen;
    for (const c of order) {
      labels.push(dict[c]);
      counts.push(per[c]);
    }
  } else {
    const map = new Map<Label, number>();
    for (let i = 0; i < col.length; i++) {
      const v = col.get(i);
      if (v === null) {
        nulls++;
        continue;
      }
      const key = typeof v === "boolean" ? String(v) : v;
      map.set(key, (map.get(key) ?? 0) + 1);
    }
    for (const [k, n] of map) {
      labels.push(k === "true" ? "True" : k === "false" ? "False" : k);
      counts.push(n);
    }
  }
  if (options.dropna === false && nulls > 0) {
    labels.push(Number.NaN);
    counts.push(nulls);
  }
  let order = labels.map((_, i) => i);
  if (options.sort ?? true) {
    const sign = options.ascending ? 1 : -1;
    order = order.sort((a, b) => sign * (counts[a] - counts[b]) || a - b);
  }
  const total = counts.reduce((a, b) => a + b, 0);
  const values = Float64Array.from(order, (i) => (options.normalize ? counts[i] / total : counts[i]));
  const column = options.normalize ? Column.float64(values) : Column.int32(Int32Array.from(values));
  const shown = order.map((i) => labels[i]);
  if (col.dtype === "category") {
    // Categories that are all whole numbers (pd.cut with labels [1, 2, 3]) index by number, as
    // pandas' int64 categories do; the index sorts in category order either way.
    const dict = col.dictionary();
    const numeric = dict.length > 0 && dict.every((c) => /^-?\d+$/.test(c));
    const conv = (l: Label): Label => (numeric && typeof l === "string" ? Number(l) : l);
    return Series.of(column, Index.categorical(shown.map(conv), dict.map(conv)), s.name);
  }
  const floatLabels = col.dtype === "float64" || col.dtype === "float32";
  return Series.of(column, Index.from(shown, null, floatLabels), s.name);
}
