/**
 * Category discovery and lookup shared by `OneHotEncoder` and `OrdinalEncoder`. Numeric columns
 * have numeric categories (a float64 tensor), string columns string ones; a missing value (NaN or
 * null) is its own category, sorted last, as in scikit-learn 1.2.
 */
import { Tensor } from "../../core/tensor.js";
import { ValueError } from "../../core/errors.js";
import type { ColumnData } from "../base/table.js";

/** The categories of one column: a float64 tensor for numbers, an array for strings. */
export type Categories = Tensor | (string | null)[];

/** Category values of one column, as JS values (NaN/null for missing). */
export function categoryValues(c: Categories): (number | string | null)[] {
  return c instanceof Tensor ? Array.from(c.dataSync()) : c;
}

/** Sorted unique values of a column, missing last. */
export function discoverCategories(col: ColumnData): Categories {
  if (col.kind === "num") {
    const seen = new Set<number>();
    let missing = false;
    for (const v of col.values) {
      if (v !== v) missing = true;
      else seen.add(v);
    }
    const sorted = Float64Array.from(seen).sort();
    const all = missing ? Float64Array.from([...sorted, NaN]) : sorted;
    return Tensor.fromTypedArray(all, [all.length], "float64");
  }
  const seen = new Set<string>();
  let missing = false;
  for (const v of col.values) {
    if (v === null) missing = true;
    else seen.add(v);
  }
  const sorted: (string | null)[] = [...seen].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (missing) sorted.push(null);
  return sorted;
}

/** Categories given by the user for one column (numbers or strings). */
export function givenCategories(
  values: readonly (number | string | null)[],
  col: ColumnData,
  j: number,
): Categories {
  if (col.kind === "num") {
    if (values.some((v) => typeof v === "string")) {
      throw new ValueError(`categories for column ${j} are strings but the column holds numbers`);
    }
    return Tensor.fromTypedArray(
      Float64Array.from(values as (number | null)[], (v) => (v === null ? NaN : v)),
      [values.length],
      "float64",
    );
  }
  return values.map((v) => (v === null ? null : String(v)));
}

/** A lookup from value to category index; NaN and null both find the missing category. */
export function categoryIndex(c: Categories): Map<number | string | null, number> {
  const m = new Map<number | string | null, number>();
  categoryValues(c).forEach((v, i) => m.set(typeof v === "number" && v !== v ? null : v, i));
  return m;
}

/** Value at row i of a column, with NaN mapped to null (the missing key). */
export function cellAt(col: ColumnData, i: number): number | string | null {
  const v = col.values[i];
  return typeof v === "number" && v !== v ? null : v;
}

/** Category as text for feature names (`ocean_proximity_INLAND`, `x0_1`). */
export function categoryText(v: number | string | null): string {
  if (v === null || (typeof v === "number" && v !== v)) return "nan";
  return String(v);
}
