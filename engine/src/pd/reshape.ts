import { pyStr } from "./build.js";
import type { Column, Scalar } from "./column.js";
import { unknownColumn } from "./errors.js";
import { DataFrame } from "./frame.js";
import { Index, type Label } from "./labels.js";
import { argsort, labelKey } from "./sort.js";

/** Options of `df.pivot`. */
export interface PivotOptions {
  /** The column whose values become the row labels. */
  index: string;
  /** The column whose values become the column names. */
  columns: string;
  /** The column that fills the cells. */
  values: string;
}

/**
 * Long data made wide (pandas' `pivot`): rows and columns sorted by their labels; a repeated
 * (index, column) pair is an error, as in pandas.
 *
 * @example
 * ```ts
 * oecd.get(oecd.col("INEQUALITY").eq("TOT")).pivot({ index: "Country", columns: "Indicator", values: "Value" });
 * ```
 */
export function pivot(df: DataFrame, options: PivotOptions): DataFrame {
  for (const c of [options.index, options.columns, options.values])
    if (!df.has(c)) throw unknownColumn(c, df.columns);
  const rowCol = df.col(options.index).column;
  const colCol = df.col(options.columns).column;
  const valCol = df.col(options.values).column;
  const distinct = (c: Column): Label[] => {
    const seen = new Set<Label>();
    for (let i = 0; i < c.length; i++) {
      const v = c.get(i);
      if (v !== null) seen.add(typeof v === "boolean" ? pyStr(v) : v);
    }
    const labels = [...seen];
    return Array.from(argsort([labelKey(labels)], [true]), (k) => labels[k]);
  };
  const rows = distinct(rowCol);
  const cols = distinct(colCol);
  const rowAt = new Map(rows.map((l, i) => [l, i] as const));
  const colAt = new Map(cols.map((l, j) => [l, j] as const));
  const cells: Scalar[][] = cols.map(() => new Array<Scalar>(rows.length).fill(null));
  const filled = cols.map(() => new Uint8Array(rows.length));
  for (let i = 0; i < df.length; i++) {
    const r = rowCol.get(i);
    const c = colCol.get(i);
    if (r === null || c === null) continue;
    const ri = rowAt.get(typeof r === "boolean" ? pyStr(r) : r) ?? 0;
    const cj = colAt.get(typeof c === "boolean" ? pyStr(c) : c) ?? 0;
    if (filled[cj][ri])
      throw new RangeError(
        `Index contains duplicate entries, cannot reshape (${JSON.stringify(r)}, ${JSON.stringify(c)})`,
      );
    filled[cj][ri] = 1;
    cells[cj][ri] = valCol.get(i);
  }
  const out = cells.map((vals) => new DataFrame({ v: vals }).col("v").column);
  return DataFrame.fromColumns(
    cols.map((c) => String(c)),
    out,
    Index.from(rows, options.index, rowCol.dtype === "float64"),
  );
}
