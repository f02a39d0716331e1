import type { Column } from "./column.js";
/** A row label (mirrors labels.ts, kept here so the two modules do not import each other). */
type Label = string | number;

/** A sort key: numbers to compare, NaN for missing values. */
export type SortKey = Float64Array;

/**
 * A column as numeric sort keys: numbers as they are, strings by their rank in code-point order
 * (categoricals by category order, as pandas sorts them), missing as NaN.
 */
export function sortKey(col: Column): SortKey {
  if (!col.isString) return col.numbers();
  const dict = col.dictionary();
  const rank = new Float64Array(dict.length);
  if (col.dtype === "category") {
    for (let i = 0; i < dict.length; i++) rank[i] = i;
  } else {
    const order = [...dict.keys()].sort((a, b) => (dict[a] < dict[b] ? -1 : dict[a] > dict[b] ? 1 : 0));
    order.forEach((code, r) => (rank[code] = r));
  }
  const codes = col.codes();
  const out = new Float64Array(codes.length);
  for (let i = 0; i < codes.length; i++) out[i] = codes[i] < 0 ? NaN : rank[codes[i]];
  return out;
}

/** Sort keys for labels (numbers before strings, strings in code-point order). */
export function labelKey(labels: readonly Label[]): SortKey {
  const strings = [...new Set(labels.filter((l): l is string => typeof l === "string"))].sort();
  const at = new Map(strings.map((s, i) => [s, i] as const));
  const out = new Float64Array(labels.length);
  let maxNum = -Infinity;
  for (const l of labels) if (typeof l === "number" && l > maxNum) maxNum = l;
  const base = Number.isFinite(maxNum) ? maxNum + 1 : 0;
  labels.forEach((l, i) => (out[i] = typeof l === "number" ? l : base + (at.get(l) ?? 0)));
  return out;
}

/**
 * A stable ordering of the rows by several keys (each ascending or not); missing values go
 * last (or first with `naFirst`), as pandas' `na_position`.
 */
export function argsort(
  keys: readonly SortKey[],
  ascending: readonly boolean[],
  naFirst = false,
): Int32Array {
  const n = keys.length ? keys[0].length : 0;
  const idx = new Int32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  const signs = ascending.map((a) => (a ? 1 : -1));
  const naSign = naFirst ? -1 : 1;
  const cmp = (a: number, b: number): number => {
    for (let k = 0; k < keys.length; k++) {
      const x = keys[k][a];
      const y = keys[k][b];
      const xn = x !== x;
      const yn = y !== y;
      if (xn || yn) {
        if (xn && yn) continue;
        return xn ? naSign : -naSign;
      }
      if (x !== y) return x < y ? -signs[k] : signs[k];
    }
    return a - b;
  };
  // Array.prototype.sort is stable; sorting a typed array by comparator is too (and the index
  // tie-break makes the order stable regardless).
  return idx.sort(cmp);
}
