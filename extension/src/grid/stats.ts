// Column statistics and sort order for the data grid (pandas' describe, per column).
import type { GridColumn } from "./decode.js";

export interface ColumnStats {
  /** Non-missing values. */
  count: number;
  /** Missing values (null, and NaN in numeric columns, as pandas counts them). */
  missing: number;
  mean?: number;
  std?: number;
  min?: number;
  max?: number;
  /** Distinct values (non-numeric columns). */
  unique?: number;
  /** Most frequent value and how often it occurs (non-numeric columns). */
  top?: string;
  freq?: number;
}

/** A value as a number for sorting and statistics (bigint and booleans included), or null. */
export function asNumber(v: unknown): number | null {
  if (typeof v === "number") return Number.isNaN(v) ? null : v;
  if (typeof v === "bigint") return Number(v);
  if (typeof v === "boolean") return v ? 1 : 0;
  return null;
}

/** Statistics of `col` over rows 0..length-1 (std with ddof=1, like pandas). */
export function columnStats(col: GridColumn, length: number): ColumnStats {
  if (col.numeric) {
    let count = 0;
    let mean = 0;
    let m2 = 0;
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < length; i++) {
      const x = asNumber(col.get(i));
      if (x === null) continue;
      count++;
      // Welford: one pass, stable for large columns.
      const d = x - mean;
      mean += d / count;
      m2 += d * (x - mean);
      if (x < min) min = x;
      if (x > max) max = x;
    }
    if (count === 0) return { count, missing: length };
    return {
      count,
      missing: length - count,
      mean,
      std: count > 1 ? Math.sqrt(m2 / (count - 1)) : Number.NaN,
      min,
      max,
    };
  }
  const freq = new Map<string, number>();
  let count = 0;
  for (let i = 0; i < length; i++) {
    const v = col.get(i);
    if (v === null || v === undefined) continue;
    count++;
    const key = typeof v === "boolean" ? (v ? "True" : "False") : String(v);
    freq.set(key, (freq.get(key) ?? 0) + 1);
  }
  let top: string | undefined;
  let best = 0;
  for (const [k, n] of freq) if (n > best) [top, best] = [k, n];
  return {
    count,
    missing: length - count,
    unique: freq.size,
    top,
    freq: top === undefined ? undefined : best,
  };
}

/** Row order sorting `col` ascending or descending; stable, missing values last either way. */
export function sortOrder(col: GridColumn, length: number, descending: boolean): Uint32Array {
  const keys: Array<number | string | null> = [];
  for (let i = 0; i < length; i++) {
    const v = col.get(i);
    keys.push(
      col.numeric || typeof v === "number" ? asNumber(v) : v === null || v === undefined ? null : String(v),
    );
  }
  const order = Array.from({ length }, (_, i) => i);
  const sign = descending ? -1 : 1;
  order.sort((a, b) => {
    const ka = keys[a];
    const kb = keys[b];
    if (ka === null || kb === null) return ka === kb ? a - b : ka === null ? 1 : -1;
    const c = ka < kb ? -1 : ka > kb ? 1 : 0;
    return c === 0 ? a - b : sign * c;
  });
  return Uint32Array.from(order);
}
