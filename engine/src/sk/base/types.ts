/**
 * The shapes of data that `sk` accepts. Data frames are described structurally (what `pd`'s
 * `DataFrame` and `Series` provide), so `sk` needs no import of `pd` and any frame-like object
 * with named columns works.
 */
import type { Tensor, TensorLike } from "../../core/tensor.js";

/** One cell of a table: a number, a string (categories), a boolean, or null/NaN for missing. */
export type Cell = number | string | boolean | null;

/** What `sk` reads from a column of a data frame (a `pd.Series` satisfies it). */
export interface SeriesLike {
  /** The column's dtype name: "float64", "int32", "bool", "object", "category", ... */
  readonly dtype: string;
  /** Number of rows. */
  readonly length: number;
  /** The column's name, when it has one. */
  readonly name?: string | null;
  /** The values, null where missing. */
  toArray(): Cell[];
  /** The values as a 1-D tensor (numeric and bool columns). */
  toTensor(options?: object): Tensor;
}

/** What `sk` reads from a data frame (a `pd.DataFrame` satisfies it). */
export interface FrameLike {
  /** Column names, in order. */
  readonly columns: readonly string[];
  /** [rows, columns]. */
  readonly shape: readonly number[];
  /** One column by name. */
  col(name: string): SeriesLike;
}

/** A nested array of cells, e.g. `[["<1H OCEAN"], ["INLAND"]]` or `[[1, 2], [3, 4]]`. */
export type CellMatrix = readonly (readonly Cell[])[];

/**
 * Feature data `X`: a tensor, nested numbers, a matrix of cells (strings for categories), or a
 * data frame. 2-D: rows are samples, columns are features.
 */
export type ArrayInput = TensorLike | CellMatrix | readonly Cell[] | FrameLike | SeriesLike;

/** Target data `y`: numbers, labels (strings, booleans) or a 2-D array for several outputs. */
export type TargetInput = ArrayInput;

/** Class labels as `sk` returns them: a tensor for numeric or boolean labels, strings otherwise. */
export type Labels = Tensor | string[];

/** Whether `x` is a frame-like object (has named columns and a column accessor). */
export function isFrameLike(x: unknown): x is FrameLike {
  return (
    typeof x === "object" &&
    x !== null &&
    Array.isArray((x as FrameLike).columns) &&
    typeof (x as FrameLike).col === "function"
  );
}

/** Whether `x` is a series-like column (values plus a dtype name, not a frame or a tensor). */
export function isSeriesLike(x: unknown): x is SeriesLike {
  return (
    typeof x === "object" &&
    x !== null &&
    !Array.isArray(x) &&
    typeof (x as SeriesLike).dtype === "string" &&
    typeof (x as SeriesLike).toArray === "function" &&
    typeof (x as SeriesLike).length === "number" &&
    !isFrameLike(x)
  );
}
