import type { Column, Scalar } from "./column.js";
import { unknownColumn } from "./errors.js";
import { DataFrame } from "./frame.js";
import { Index, type Label } from "./labels.js";
import { argsort, labelKey } from "./sort.js";

/** Options of `pd.merge` / `df.merge`. */
export interface MergeOptions {
  /** "inner" (default), "left", "right" or "outer". */
  how?: "inner" | "left" | "right" | "outer";
  /** Key columns present in both frames. */
  on?: string | readonly string[];
  leftOn?: string | readonly string[];
  rightOn?: string | readonly string[];
  /** Use the left frame's row labels as its key. */
  leftIndex?: boolean;
  /** Use the right frame's row labels as its key. */
  rightIndex?: boolean;
  /** Added to overlapping column names (default ["_x", "_y"]). */
  suffixes?: readonly [string, string];
  /** Sort the result by key. */
  sort?: boolean;
}

/** Options of `df.join`. */
export interface JoinOptions {
  how?: "inner" | "left" | "right" | "outer";
  /** A column of the calling frame to match against the other's row labels. */
  on?: string;
  lsuffix?: string;
  rsuffix?: string;
}

const list = (v: string | readonly string[] | undefined): string[] =>
  v === undefined ? [] : typeof v === "string" ? [v] : [...v];

function keysOf(df: DataFrame, cols: readonly string[], useIndex: boolean): Scalar[] {
  if (useIndex) return df.index.toArray();
  const cs = cols.map((c) => {
    if (!df.has(c)) throw unknownColumn(c, df.columns);
    return df.col(c).column;
  });
  return Array.from({ length: df.length }, (_, i) =>
    cs.length === 1 ? cs[0].get(i) : JSON.stringify(cs.map((c) => c.get(i))),
  );
}

/**
 * Database-style join of two frames on key columns or row labels (pandas' `merge`): inner keeps
 * the left order; outer sorts by key; overlapping names get `suffixes`.
 *
 * @example
 * ```ts
 * pd.merge(oecd, gdp, { leftIndex: true, rightIndex: true });
 * pd.merge(a, b, { on: "id", how: "left" });
 * ```
 */
export function merge(left: DataFrame, right: DataFrame, options: MergeOptions = {}): DataFrame {
  const how = options.how ?? "inner";
  const on = list(options.on);
  const leftOn = on.length ? on : list(options.leftOn);
  const rightOn = on.length ? on : list(options.rightOn);
  const leftIndex = options.leftIndex ?? false;
  const rightIndex = options.rightIndex ?? false;
  if (!on.length && !leftOn.length && !rightOn.length && !leftIndex && !rightIndex) {
    const shared = left.columns.filter((c) => right.has(c));
    if (!shared.length)
      throw new RangeError("no common columns to merge on; pass on, leftOn/rightOn or leftIndex/rightIndex");
    return merge(left, right, { ...options, on: shared });
  }
  if ((leftIndex ? 1 : leftOn.length) !== (rightIndex ? 1 : rightOn.length)) {
    throw new RangeError("the left and right sides need the same number of keys");
  }
  const lk = keysOf(left, leftOn, leftIndex);
  const rk = keysOf(right, rightOn, rightIndex);
  const rightRows = new Map<Scalar, number[]>();
  rk.forEach((k, i) => {
    if (k === null) return;
    const l = rightRows.get(k);
    if (l) l.push(i);
    else rightRows.set(k, [i]);
  });
  const li: number[] = [];
  const ri: number[] = [];
  if (how === "right") {
    const leftRows = new Map<Scalar, number[]>();
    lk.forEach((k, i) => {
      if (k === null) return;
      const l = leftRows.get(k);
      if (l) l.push(i);
      else leftRows.set(k, [i]);
    });
    rk.forEach((k, j) => {
      const m = k === null ? undefined : leftRows.get(k);
      const pairs = m ?? [-1];
      for (const i of pairs) {
        li.push(i);
        ri.push(j);
      }
    });
  } else {
    const matched = new Uint8Array(right.length);
    lk.forEach((k, i) => {
      const m = k === null ? undefined : rightRows.get(k);
      if (m) {
        for (const j of m) {
          li.push(i);
          ri.push(j);
          matched[j] = 1;
        }
      } else if (how !== "inner") {
        li.push(i);
        ri.push(-1);
      }
    });
    if (how === "outer") {
      for (let j = 0; j < right.length; j++) {
        if (matched[j]) continue;
        li.push(-1);
        ri.push(j);
      }
    }
  }
  let order = li.map((_, k) => k);
  const keyAt = (k: number): Scalar => (li[k] >= 0 ? lk[li[k]] : rk[ri[k]]);
  if (how === "outer" || options.sort) {
    const keys = order.map((k) => keyAt(k) as Label);
    order = Array.from(argsort([labelKey(keys)], [true]));
  }
  const L = Int32Array.from(order, (k) => li[k]);
  const Rr = Int32Array.from(order, (k) => ri[k]);
  const [sl, sr] = options.suffixes ?? ["_x", "_y"];
  const sharedKeys = on.length ? new Set(on) : new Set<string>();
  const names: string[] = [];
  const cols: Column[] = [];
  for (const n of left.columns) {
    let c = left.col(n).column.take(L);
    if (sharedKeys.has(n)) {
      // A shared key column takes the right side's key where the left row is missing.
      const rc = right.col(n).column.take(Rr);
      const vals = c.toArray().map((v, k) => (v === null ? rc.get(k) : v));
      c = new DataFrame({ k: vals }).col("k").column;
    }
    const clash = !sharedKeys.has(n) && right.has(n);
    names.push(clash ? n + sl : n);
    cols.push(c);
  }
  for (const n of right.columns) {
    if (sharedKeys.has(n)) continue;
    const clash = left.has(n);
    names.push(clash ? n + sr : n);
    cols.push(right.col(n).column.take(Rr));
  }
  let index: Index;
  if (leftIndex && rightIndex) {
    index = Index.from(
      Array.from(order, (k) => keyAt(k) as Label),
      left.index.name ?? right.index.name,
      left.index.floatLabels,
    );
  } else if (rightIndex && !leftIndex) {
    index = left.index.take(Int32Array.from(L, (i) => Math.max(i, 0)));
  } else if (leftIndex && !rightIndex) {
    index = right.index.take(Int32Array.from(Rr, (i) => Math.max(i, 0)));
  } else index = Index.range(L.length);
  return DataFrame.fromColumns(names, cols, index);
}
