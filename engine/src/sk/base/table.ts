/**
 * Column-wise view of feature data, used by the transformers that handle strings and missing
 * values (encoders, the imputer, the column transformer). Numeric columns are float64 with NaN
 * for missing; string columns are arrays with null for missing.
 */
import { Tensor } from "../../core/tensor.js";
import { ValueError } from "../../core/errors.js";
import { readHost } from "../../core/host.js";
import { isFrameLike, isSeriesLike, type ArrayInput, type Cell } from "./types.js";

/** A numeric column (NaN = missing) or a string column (null = missing); treat values as read-only. */
export type ColumnData = { kind: "num"; values: Float64Array } | { kind: "str"; values: (string | null)[] };

/** Feature data as columns, with their names when the input was a data frame. */
export interface Table {
  readonly nRows: number;
  readonly columns: ColumnData[];
  /** Column names from a data frame; undefined for arrays and tensors. */
  readonly names?: string[];
}

// What pd's Series.column offers for fast reads (read-only use: these may be shared buffers).
interface ArrowColumnLike {
  numbers?: () => Float64Array;
  codes?: () => Int32Array;
  dictionary?: () => readonly string[];
}

const STRING_DTYPES = new Set(["object", "category", "string", "str"]);

function columnFromCells(cells: readonly Cell[]): ColumnData {
  if (cells.some((c) => typeof c === "string")) {
    return {
      kind: "str",
      values: cells.map((c) => (c === null || (typeof c === "number" && Number.isNaN(c)) ? null : String(c))),
    };
  }
  const v = new Float64Array(cells.length);
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    v[i] = c === null ? NaN : typeof c === "boolean" ? (c ? 1 : 0) : (c as number);
  }
  return { kind: "num", values: v };
}

/** Float64 columns of a 2-D tensor. */
export function tensorColumns(t: Tensor): Float64Array[] {
  const [n, m] = t.shape;
  const src = readHost(t.isContiguous && t.offset === 0 ? t : t.copy());
  const cols: Float64Array[] = [];
  for (let j = 0; j < m; j++) {
    const c = new Float64Array(n);
    for (let i = 0; i < n; i++) c[i] = src[i * m + j];
    cols.push(c);
  }
  return cols;
}

/**
 * Reads `X` column by column. A 1-D input is refused with scikit-learn's advice; nested arrays
 * holding strings give string columns.
 */
export function toTable(X: ArrayInput, what = "X"): Table {
  if (isFrameLike(X)) {
    const names = [...X.columns];
    const columns = names.map((name): ColumnData => {
      const s = X.col(name);
      const fast = (s as { column?: ArrowColumnLike }).column;
      if (STRING_DTYPES.has(s.dtype)) {
        // pd's dictionary-encoded strings: decode through the dictionary once per category.
        if (fast && typeof fast.codes === "function" && typeof fast.dictionary === "function") {
          const dict = fast.dictionary();
          return { kind: "str", values: Array.from(fast.codes(), (c) => (c < 0 ? null : dict[c])) };
        }
        return { kind: "str", values: s.toArray().map((c) => (c === null ? null : String(c))) };
      }
      // pd's numeric columns expose their float64 values (NaN for missing) without a copy.
      if (fast && typeof fast.numbers === "function") return { kind: "num", values: fast.numbers() };
      return { kind: "num", values: Float64Array.from(s.toTensor().astype("float64").dataSync()) };
    });
    return { nRows: X.shape[0], columns, names };
  }
  if (X instanceof Tensor) {
    if (X.ndim !== 2) throw expected2d(X.ndim, what);
    return { nRows: X.shape[0], columns: tensorColumns(X).map((values) => ({ kind: "num", values })) };
  }
  if (isSeriesLike(X)) throw expected2d(1, what);
  if (ArrayBuffer.isView(X)) throw expected2d(1, what);
  if (!Array.isArray(X)) throw expected2d(0, what);
  const rows = X as readonly unknown[];
  if (rows.length > 0 && !Array.isArray(rows[0])) throw expected2d(1, what);
  const m = rows.length ? (rows[0] as unknown[]).length : 0;
  const cols: Cell[][] = Array.from({ length: m }, () => new Array<Cell>(rows.length));
  rows.forEach((r, i) => {
    if (!Array.isArray(r) || r.length !== m) {
      throw new ValueError(
        `${what} is ragged: row ${i} has ${Array.isArray(r) ? r.length : "no"} values where row 0 has ${m}; every row needs the same number of features`,
      );
    }
    for (let j = 0; j < m; j++) cols[j][i] = r[j] as Cell;
  });
  return { nRows: rows.length, columns: cols.map(columnFromCells) };
}

/** scikit-learn's "Expected 2D array" error, with the reshape advice in TypeScript. */
export function expected2d(ndim: number, what = "X"): ValueError {
  const got = ndim === 0 ? "scalar array" : `${ndim}D array`;
  return new ValueError(
    `Expected 2D array for ${what}, got ${got} instead. Reshape your data either using ` +
      `X.reshape(-1, 1) if your data has a single feature or X.reshape(1, -1) if it contains a single sample` +
      (ndim === 1 ? " (for a data frame column, select it as a frame: df.get([name]))." : "."),
  );
}

/** Row-major float64 matrix from numeric columns. */
export function columnsToTensor(columns: readonly Float64Array[], nRows: number): Tensor {
  const m = columns.length;
  const out = new Float64Array(nRows * m);
  for (let j = 0; j < m; j++) {
    const c = columns[j];
    for (let i = 0; i < nRows; i++) out[i * m + j] = c[i];
  }
  return Tensor.fromTypedArray(out, [nRows, m], "float64");
}

/** A table restricted to some rows (for splitting frames or cell matrices). */
export function takeRows(table: Table, rows: ArrayLike<number>): Table {
  const columns = table.columns.map((c): ColumnData => {
    if (c.kind === "num") {
      const v = new Float64Array(rows.length);
      for (let i = 0; i < rows.length; i++) v[i] = c.values[rows[i]];
      return { kind: "num", values: v };
    }
    return { kind: "str", values: Array.from(rows, (r) => c.values[r]) };
  });
  return { nRows: rows.length, columns, names: table.names };
}
