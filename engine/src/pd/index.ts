/**
 * `pd`: pandas' API on Apache Arrow columns, spelled the TypeScript way (`df.col("a")` for
 * `df["a"]`, options objects in camelCase).
 *
 * @example
 * ```ts
 * import { pd } from "tensorbook";
 * const housing = pd.readCsv("datasets/housing/housing.csv");
 * housing.head();
 * housing.col("ocean_proximity").valueCounts();
 * housing.describe();
 * ```
 */
import { DataFrame } from "./frame.js";
import type { MergeOptions } from "./merge.js";
import { merge as mergeFrames } from "./merge.js";
import { Series } from "./series.js";

export {
  DataFrame,
  type DataFrameOptions,
  type ColumnInput,
  type Axis,
  type ReduceOptions,
  type Inplace,
} from "./frame.js";
export { Series, type SeriesOptions, type Operand, type SortOptions } from "./series.js";
export { Index, type Label } from "./labels.js";
export { MultiIndex, type MultiIndexOptions, type LevelValue } from "./multiindex.js";
export type { Scalar, ColumnDType } from "./column.js";
export { GroupBy, SeriesGroupBy, type GroupByOptions, type AggName } from "./groupby.js";
export { readCsv, type ReadCsvOptions } from "./csv/read.js";
export type { ToCsvOptions } from "./csv/write.js";
export { readJson, toJson, type ReadJsonOptions } from "./io/json.js";
export { readArrow } from "./io/arrow.js";
export { concat, type ConcatOptions } from "./concat.js";
export { cut, type CutOptions } from "./cut.js";
export type { FramePlotOptions, HistPlotOptions, ScatterMatrixOptions } from "./plot.js";
import { scatterMatrix } from "./plot.js";
/** pandas' `pandas.plotting`: `scatterMatrix(df, { figsize })`. */
export const plotting = { scatterMatrix };
export type { MergeOptions, JoinOptions } from "./merge.js";
export type { CorrOptions } from "./corr.js";
export type { DescribeOptions } from "./describe.js";
export type { PivotOptions } from "./reshape.js";
export type { SampleOptions } from "./sample.js";
export type { ValueCountsOptions } from "./valuecounts.js";
export { KeyError, ParserError } from "./errors.js";
export { displayOptions as options } from "./display/format.js";

/**
 * Database-style join of two frames (pandas' `pd.merge`).
 *
 * @example
 * ```ts
 * pd.merge(oecd, gdp, { leftIndex: true, rightIndex: true });
 * ```
 */
export function merge(left: DataFrame, right: DataFrame, options: MergeOptions = {}): DataFrame {
  return mergeFrames(left, right, options);
}

/** Whether each value is missing: a series or frame of booleans, or one boolean for a scalar. */
export function isna(x: Series): Series;
export function isna(x: DataFrame): DataFrame;
export function isna(x: unknown): boolean;
export function isna(x: unknown): Series | DataFrame | boolean {
  if (x instanceof Series || x instanceof DataFrame) return x.isna();
  return x === null || x === undefined || (typeof x === "number" && Number.isNaN(x));
}

/** Same as `isna`. */
export const isnull = isna;

/** Whether each value is present (the opposite of `isna`). */
export function notna(x: Series): Series;
export function notna(x: DataFrame): DataFrame;
export function notna(x: unknown): boolean;
export function notna(x: unknown): Series | DataFrame | boolean {
  if (x instanceof Series || x instanceof DataFrame) return x.notna();
  return !(x === null || x === undefined || (typeof x === "number" && Number.isNaN(x)));
}

/** Same as `notna`. */
export const notnull = notna;
