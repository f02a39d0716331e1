import { identity, radixArgsort } from "./radix.js";
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
  // Stable sorts from the last key to the first give the lexicographic order.
  let order: Int32Array = identity(n);
  for (let k = keys.length - 1; k >= 0; k--) order = radixArgsort(keys[k], order, ascending[k], naFirst);
  return order;
}
