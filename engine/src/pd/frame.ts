import type { DType } from "../core/dtype.js";
import type { Table } from "apache-arrow";
import type { Axes } from "../plt/axes.js";
import { DISPLAY, TO_ARRAY, Tensor, type MimeBundle } from "../core/tensor.js";
import { asBools } from "./arith.js";
import { castColumn, columnFrom, toColumnDType, type ColumnSource } from "./build.js";
import { Column, type Scalar } from "./column.js";
import { corrFrame, corrwith, type CorrOptions } from "./corr.js";
import { describeFrame, type DescribeOptions } from "./describe.js";
import { ARROW_GRID_MIME } from "../display/grid.js";
import { frameGridBundle } from "./display/arrow.js";
import { frameToHtml } from "./display/html.js";
import { frameInfo } from "./display/info.js";
import { frameToString } from "./display/text.js";
import { unknownColumn } from "./errors.js";
import { GroupBy, type GroupByOptions } from "./groupby.js";
import { Index, type Label } from "./labels.js";
import { MultiIndex, multiLoc } from "./multiindex.js";
import { merge, type JoinOptions, type MergeOptions } from "./merge.js";
import * as R from "./reduce.js";
import { framePlot, frameHist, type FramePlotOptions, type HistPlotOptions } from "./plot.js";
import { pivot, type PivotOptions } from "./reshape.js";
import { sampleRows, type SampleOptions } from "./sample.js";
import { byLabel, byPosition, sliceBounds, type RowKey } from "./select.js";
import { Series, fillColumn } from "./series.js";
import { argsort, sortKey } from "./sort.js";
import { columnsToTensor } from "./tensor.js";
import { toArrowTable, writeArrow } from "./io/arrow.js";
import { toCsv, type ToCsvOptions } from "./csv/write.js";

/** What a column of a new frame may be: values, a typed array, a 1-D tensor or a series. */
export type ColumnInput = ColumnSource | Series;

/** Options of `new pd.DataFrame(...)`. */
export interface DataFrameOptions {
  /** Column names (for row arrays and tensors), or the subset/order of a record's columns. */
  columns?: readonly string[];
  /** Row labels (default 0, 1, 2, …). */
  index?: readonly Label[] | Index;
  /** One dtype for every column. */
  dtype?: string;
}

/** Options with pandas' `inplace=True`. */
export interface Inplace {
  /** Change this frame instead of returning a new one (the call then returns nothing). */
  inplace?: boolean;
}

/** Axis names pandas accepts. */
export type Axis = 0 | 1 | "index" | "rows" | "columns";

function axisNumber(axis: Axis | undefined): 0 | 1 {
  return axis === 1 || axis === "columns" ? 1 : 0;
}

/** Options of the reductions (`sum`, `mean`, …). */
export interface ReduceOptions {
  /** 0 (default): one value per column; 1: one value per row. */
  axis?: Axis;
  /** Skip non-numeric columns (default true, as pandas 1.x did). */
  numericOnly?: boolean;
}

/**
 * A table of named columns over shared row labels (pandas' `DataFrame`), each column an Arrow
 * vector: numbers, booleans, dictionary-encoded strings or categoricals.
 *
 * @example
 * ```ts
 * const df = new pd.DataFrame({ a: [1, 2, 3], b: ["x", "y", "x"] });
 * df.shape; // [3, 2]
 * df.col("a").mean(); // 2
 * df.groupby("b").col("a").sum(); // x 4, y 2
 * ```
 */
export class DataFrame implements Iterable<string> {
  private names: string[];
  private cols: Column[];
  private rowIndex: Index;
  /**
   * The name of the column labels (pandas' `df.columns.name`), printed in the header's corner;
   * `unstack` sets it to the level that became the columns.
   */
  columnsName: string | null = null;

  constructor(
    data?:
      | Readonly<Record<string, ColumnInput>>
      | readonly Readonly<Record<string, Scalar>>[]
      | readonly (readonly Scalar[])[]
      | Tensor,
    options: DataFrameOptions = {},
  ) {
    const built = buildFrame(data, options);
    this.names = built.names;
    this.cols = built.cols;
    this.rowIndex = built.index;
    if (options.dtype !== undefined) {
      const d = toColumnDType(options.dtype);
      this.cols = this.cols.map((c) => castColumn(c, d));
    }
  }

  /** @internal A frame over existing columns (no copy). */
  static fromColumns(names: readonly string[], cols: readonly Column[], index: Index): DataFrame {
    const df = new DataFrame();
    df.names = [...names];
    df.cols = [...cols];
    df.rowIndex = index;
    return df;
  }

  private replaceWith(other: DataFrame): void {
    this.names = other.names;
    this.cols = other.cols;
    this.rowIndex = other.rowIndex;
  }

  private result(out: DataFrame, options: Inplace | undefined): DataFrame | undefined {
    if (options?.inplace) {
      this.replaceWith(out);
      return undefined;
    }
    return out;
  }

  // --- shape and labels ----------------------------------------------------------------------

  /** `[rows, columns]`. */
  get shape(): [number, number] {
    return [this.rowIndex.length, this.names.length];
  }

  /** Number of rows (pandas' `len(df)`). */
  get length(): number {
    return this.rowIndex.length;
  }

  /** Number of cells. */
  get size(): number {
    return this.rowIndex.length * this.names.length;
  }

  /** Whether the frame has no rows or no columns. */
  get empty(): boolean {
    return this.size === 0;
  }

  /** Column names, in order (a copy; assign a new list to rename them all). */
  get columns(): string[] {
    return [...this.names];
  }

  set columns(names: readonly string[]) {
    if (names.length !== this.names.length) {
      throw new RangeError(
        `length mismatch: the frame has ${this.names.length} columns, new names have ${names.length}`,
      );
    }
    this.names = names.map(String);
  }

  /** Row labels. */
  get index(): Index {
    return this.rowIndex;
  }

  set index(labels: Index | readonly Label[]) {
    const idx = labels instanceof Index ? labels : Index.from(labels);
    if (idx.length !== this.length)
      throw new RangeError(`length mismatch: ${this.length} rows, ${idx.length} labels`);
    this.rowIndex = idx;
  }

  /** Each column's dtype, as a series indexed by column name. */
  get dtypes(): Series {
    return new Series(
      this.cols.map((c) => c.dtype),
      { index: this.names, dtype: "object" },
    );
  }

  /** Iterates over column names, as `list(df)` does. */
  *[Symbol.iterator](): Iterator<string> {
    yield* this.names;
  }

  /** The values as a 2-D tensor `[rows, columns]` (numeric and bool columns only). */
  get values(): Tensor {
    return this.toTensor();
  }

  /**
   * The values as a 2-D tensor, float64 unless every column shares a dtype.
   *
   * @example
   * ```ts
   * housing.drop(["ocean_proximity"], { axis: 1 }).toTensor().shape; // [20640, 9]
   * ```
   */
  toTensor(options: { dtype?: DType } = {}): Tensor {
    return columnsToTensor(this.cols, this.names, this.length, options.dtype);
  }

  /** The array protocol: `np.array(df)` and `np.asarray(df)` give `df.toTensor()`. */
  [TO_ARRAY](dtype?: DType): Tensor {
    return this.toTensor({ dtype });
  }

  /** Rows as arrays of values. */
  toArray(): Scalar[][] {
    const out: Scalar[][] = [];
    for (let i = 0; i < this.length; i++) out.push(this.cols.map((c) => c.get(i)));
    return out;
  }

  /** Rows as objects keyed by column name (pandas' `to_dict("records")`). */
  toRecords(): Record<string, Scalar>[] {
    const out: Record<string, Scalar>[] = [];
    for (let i = 0; i < this.length; i++) {
      const row: Record<string, Scalar> = {};
      this.names.forEach((n, j) => (row[n] = this.cols[j].get(i)));
      out.push(row);
    }
    return out;
  }

  // --- columns -------------------------------------------------------------------------------

  private position(name: string): number {
    const j = this.names.indexOf(name);
    if (j < 0) throw unknownColumn(name, this.names);
    return j;
  }

  /**
   * One column as a series (pandas' `df["name"]`); an unknown name lists the columns.
   *
   * @example
   * ```ts
   * housing.col("median_income").describe();
   * ```
   */
  col(name: string): Series {
    const s = Series.of(this.cols[this.position(name)], this.rowIndex, name);
    s.owner = { frame: this, name };
    return s;
  }

  /** pandas' `df[key]`: a name gives a series, a list of names a frame, a boolean mask the rows where it is true. */
  get(name: string): Series;
  get(names: readonly string[]): DataFrame;
  get(mask: Series | readonly boolean[] | Tensor): DataFrame;
  get(key: string | readonly string[] | Series | readonly boolean[] | Tensor): Series | DataFrame {
    if (typeof key === "string") return this.col(key);
    if (Array.isArray(key) && (key.length === 0 || typeof key[0] === "string"))
      return this.select(key as string[]);
    return this.take(byLabel(key as RowKey, this.rowIndex).positions);
  }

  private select(names: readonly string[]): DataFrame {
    return DataFrame.fromColumns(
      names,
      names.map((n) => this.cols[this.position(n)]),
      this.rowIndex,
    );
  }

  /** Whether a column of that name exists. */
  has(name: string): boolean {
    return this.names.includes(name);
  }

  /**
   * Sets (or adds) a column in place: pandas' `df["r"] = value`. A series is aligned on the
   * row labels; a scalar fills the column.
   *
   * @example
   * ```ts
   * housing.set("rooms_per_house", housing.col("total_rooms").div(housing.col("households")));
   * ```
   */
  set(name: string, value: ColumnInput | Scalar): void {
    const col = this.toColumn(value);
    const j = this.names.indexOf(name);
    if (j < 0) {
      this.names.push(name);
      this.cols.push(col);
    } else this.cols[j] = col;
  }

  private toColumn(value: ColumnInput | Scalar): Column {
    if (value instanceof Series) {
      if (value.index.equals(this.rowIndex)) return value.column;
      const pos = Int32Array.from(this.rowIndex, (l) => {
        const at = value.index.positionsOf(l);
        return at.length ? at[0] : -1;
      });
      return value.column.take(pos);
    }
    if (value === null || typeof value !== "object")
      return columnFrom(new Array<Scalar>(this.length).fill(value));
    const col = columnFrom(value);
    if (col.length !== this.length) {
      throw new RangeError(
        `length of values (${col.length}) does not match length of index (${this.length})`,
      );
    }
    return col;
  }

  /** A new frame with columns added or replaced; values may be functions of the frame. */
  assign(
    columns: Readonly<Record<string, ColumnInput | Scalar | ((df: DataFrame) => ColumnInput | Scalar)>>,
  ): DataFrame {
    const out = this.copy();
    for (const [name, v] of Object.entries(columns)) out.set(name, typeof v === "function" ? v(out) : v);
    return out;
  }

  /** Removes a column and returns it. */
  pop(name: string): Series {
    const s = this.col(name);
    const j = this.position(name);
    this.names.splice(j, 1);
    this.cols.splice(j, 1);
    return s;
  }

  /** Inserts a column at position `loc`. */
  insert(loc: number, name: string, value: ColumnInput | Scalar): void {
    if (this.names.includes(name)) throw new RangeError(`cannot insert ${name}, already exists`);
    this.names.splice(loc, 0, name);
    this.cols.splice(loc, 0, this.toColumn(value));
  }

  // --- rows ----------------------------------------------------------------------------------

  /** @internal The rows at `positions`. */
  take(positions: ArrayLike<number>): DataFrame {
    return DataFrame.fromColumns(
      this.names,
      this.cols.map((c) => c.take(positions)),
      this.rowIndex.take(positions),
    );
  }

  private colPositions(
    key: string | number | readonly (string | number)[] | undefined,
    byName: boolean,
  ): { cols: number[]; single: boolean } {
    if (key === undefined || key === ":") return { cols: this.names.map((_, j) => j), single: false };
    const one = (k: string | number): number => {
      if (byName) return this.position(String(k));
      const n = this.names.length;
      const j = (k as number) < 0 ? (k as number) + n : (k as number);
      if (!Number.isInteger(j) || j < 0 || j >= n)
        throw new RangeError(`column position ${k} is out of bounds for ${n} columns`);
      return j;
    };
    if (typeof key === "string" && !byName) {
      const s = sliceBounds(key, this.names.length);
      if (s) return { cols: Array.from(s), single: false };
    }
    if (typeof key === "string" || typeof key === "number") return { cols: [one(key)], single: true };
    return { cols: key.map(one), single: false };
  }

  /**
   * Rows (and columns) by label, pandas' `df.loc[rows, cols]`: one label gives a series of that
   * row; lists, boolean masks and inclusive "a:b" slices give frames; with a column name, the
   * column's values.
   *
   * @example
   * ```ts
   * housing.describe().loc("mean"); // a series over the columns
   * df.loc(df.col("a").gt(1), ["a"]); // a frame
   * ```
   */
  loc(row: Label): Series;
  loc(row: readonly [Label, Label, ...Label[]]): Series | DataFrame;
  loc(row: Label, col: string): Scalar;
  loc(rows: RowKey, col: string): Series;
  loc(rows: RowKey, cols?: readonly string[] | ":"): DataFrame;
  loc(rows: RowKey, cols?: string | readonly string[]): Scalar | Series | DataFrame {
    const m = multiLoc(rows, this.rowIndex);
    if (m) return this.pick(m.positions, m.single, this.colPositions(cols, true), m.index);
    const p = byLabel(rows, this.rowIndex);
    return this.pick(p.positions, p.single, this.colPositions(cols, true));
  }

  /** Rows (and columns) by position, pandas' `df.iloc[rows, cols]`; "a:b" strings are slices. */
  iloc(row: number): Series;
  iloc(row: number, col: number): Scalar;
  iloc(rows: RowKey, col: number): Series;
  iloc(rows: RowKey, cols?: readonly number[] | string): DataFrame;
  iloc(rows: RowKey, cols?: number | string | readonly number[]): Scalar | Series | DataFrame {
    const p = byPosition(rows, this.length);
    return this.pick(p.positions, p.single, this.colPositions(cols, false));
  }

  private pick(
    rows: Int32Array,
    singleRow: boolean,
    c: { cols: number[]; single: boolean },
    index?: Index,
  ): Scalar | Series | DataFrame {
    if (singleRow && rows.length === 1) {
      const r = rows[0];
      if (c.single) return this.cols[c.cols[0]].get(r);
      const vals = c.cols.map((j) => this.cols[j].get(r));
      const allNum = c.cols.every((j) => this.cols[j].isNumeric);
      return new Series(vals, {
        index: c.cols.map((j) => this.names[j]),
        // A MultiIndex row is named by its tuple, as pandas prints it: "(male, 3)".
        name:
          this.rowIndex instanceof MultiIndex
            ? `(${this.rowIndex.formatLabel(r)})`
            : this.rowIndex.formatLabel(r),
        dtype: allNum ? "float64" : undefined,
      });
    }
    const labels = index ?? this.rowIndex.take(rows);
    if (c.single) {
      const j = c.cols[0];
      return Series.of(this.cols[j].take(rows), labels, this.names[j]);
    }
    return DataFrame.fromColumns(
      c.cols.map((j) => this.names[j]),
      c.cols.map((j) => this.cols[j].take(rows)),
      labels,
    );
  }

  /** The first `n` rows. */
  head(n = 5): DataFrame {
    const k = n < 0 ? Math.max(0, this.length + n) : Math.min(n, this.length);
    return this.slice(0, k);
  }

  /** The last `n` rows. */
  tail(n = 5): DataFrame {
    const k = Math.min(Math.max(n, 0), this.length);
    return this.slice(this.length - k, this.length);
  }

  /** Rows `start` to `stop` by position (pandas' `df[7:10]`). */
  slice(start: number, stop = this.length): DataFrame {
    return DataFrame.fromColumns(
      this.names,
      this.cols.map((c) => c.slice(start, stop)),
      this.rowIndex.slice(start, stop),
    );
  }

  // --- inspection ----------------------------------------------------------------------------

  /**
   * Plots columns with plt (pandas' `df.plot`): `kind: "scatter"` with `x`, `y`, and optional
   * `s` sizes and a colour column `c` (with a colorbar); `"line"`; `"hist"`. Returns the axes.
   */
  plot(options: FramePlotOptions = {}): Axes {
    return framePlot(this, options);
  }
  /** One histogram per numeric column in a grid of subplots (pandas' `df.hist`). */
  hist(options: HistPlotOptions = {}): Axes[] {
    return frameHist(this, options);
  }
  /**
   * Prints a summary in pandas' layout: index, columns with non-null counts and dtypes, memory.
   * `buf` receives the text instead of the console.
   */
  info(options: { buf?: { write(text: string): unknown } } = {}): void {
    const text = frameInfo(this.parts());
    if (options.buf) options.buf.write(text + "\n");
    else console.log(text);
  }

  /** Summary statistics of the numeric columns (see `DescribeOptions`). */
  describe(options: DescribeOptions = {}): DataFrame {
    return describeFrame(this, options);
  }

  /** Whether each cell is missing. */
  isnull(): DataFrame {
    return this.mapColumns((c) =>
      Column.bool(Uint8Array.from({ length: c.length }, (_, i) => (c.isValid(i) ? 0 : 1))),
    );
  }
  /** Same as `isnull`. */
  isna(): DataFrame {
    return this.isnull();
  }
  /** Whether each cell is present. */
  notnull(): DataFrame {
    return this.mapColumns((c) =>
      Column.bool(Uint8Array.from({ length: c.length }, (_, i) => (c.isValid(i) ? 1 : 0))),
    );
  }
  /** Same as `notnull`. */
  notna(): DataFrame {
    return this.notnull();
  }

  private mapColumns(fn: (c: Column, name: string) => Column): DataFrame {
    return DataFrame.fromColumns(
      this.names,
      this.cols.map((c, j) => fn(c, this.names[j])),
      this.rowIndex,
    );
  }

  private reduce(
    options: ReduceOptions,
    fn: (c: Column) => Scalar,
    acceptsStrings = false,
    numericDefault = true,
  ): Series {
    const numericOnly = options.numericOnly ?? numericDefault;
    const keep = this.names
      .map((_, j) => j)
      .filter((j) => !numericOnly || acceptsStrings || !this.cols[j].isString);
    const usable = keep.filter((j) => acceptsStrings || !this.cols[j].isString);
    if (!numericOnly && usable.length < keep.length) {
      const bad = keep.find((j) => this.cols[j].isString) ?? 0;
      throw new TypeError(`column "${this.names[bad]}" holds strings; pass numericOnly: true to skip it`);
    }
    if (axisNumber(options.axis) === 1) {
      const out = new Float64Array(this.length);
      for (let i = 0; i < this.length; i++) {
        const row = Column.float64(Float64Array.from(usable, (j) => this.cols[j].numbers()[i]));
        out[i] = Number(fn(row));
      }
      return Series.of(Column.float64(out), this.rowIndex, null);
    }
    return new Series(
      usable.map((j) => fn(this.cols[j])),
      { index: usable.map((j) => this.names[j]) },
    );
  }

  /** Sum of each column (or row, with `axis: 1`). */
  sum(options: ReduceOptions = {}): Series {
    return this.reduce(options, R.sum);
  }
  /** Present values in each column (or row). */
  count(options: ReduceOptions = {}): Series {
    if (axisNumber(options.axis) === 1) {
      return Series.of(
        Column.int32(
          Int32Array.from({ length: this.length }, (_, i) =>
            this.cols.reduce((s, c) => s + (c.isValid(i) ? 1 : 0), 0),
          ),
        ),
        this.rowIndex,
        null,
      );
    }
    return this.reduce({ ...options, numericOnly: false }, R.count, true);
  }
  /** Mean of each numeric column (or row). */
  mean(options: ReduceOptions = {}): Series {
    return this.reduce(options, R.mean);
  }
  /** Median of each numeric column (or row). */
  median(options: ReduceOptions = {}): Series {
    return this.reduce(options, R.median);
  }
  /** Standard deviation (ddof 1) of each numeric column (or row). */
  std(options: ReduceOptions & { ddof?: number } = {}): Series {
    return this.reduce(options, (c) => R.std(c, options.ddof ?? 1));
  }
  /** Variance (ddof 1) of each numeric column (or row). */
  var(options: ReduceOptions & { ddof?: number } = {}): Series {
    return this.reduce(options, (c) => R.variance(c, options.ddof ?? 1));
  }
  /** Smallest value of each column (or row). */
  min(options: ReduceOptions = {}): Series {
    return this.reduce(options, R.min, !(options.numericOnly ?? false), false);
  }
  /** Largest value of each column (or row). */
  max(options: ReduceOptions = {}): Series {
    return this.reduce(options, R.max, !(options.numericOnly ?? false), false);
  }
  /** Quantile `q` of each numeric column. */
  quantile(q = 0.5, options: ReduceOptions = {}): Series {
    return this.reduce(options, (c) => R.quantile(c, q)).rename(String(q));
  }
  /** Distinct present values in each column. */
  nunique(): Series {
    return new Series(
      this.cols.map((c) => R.nunique(c)),
      { index: this.names },
    );
  }
  /** Whether any value is true, per column (or per row with `axis: 1`). */
  any(options: { axis?: Axis } = {}): Series {
    return this.boolReduce(options.axis, (a, b) => a || b, false);
  }
  /** Whether every value is true, per column (or per row with `axis: 1`). */
  all(options: { axis?: Axis } = {}): Series {
    return this.boolReduce(options.axis, (a, b) => a && b, true);
  }

  private boolReduce(
    axis: Axis | undefined,
    op: (a: boolean, b: boolean) => boolean,
    start: boolean,
  ): Series {
    const bits = this.cols.map((c) =>
      c.isString
        ? Uint8Array.from({ length: c.length }, (_, i) => (c.isValid(i) && c.get(i) !== "" ? 1 : 0))
        : asBools(c),
    );
    if (axisNumber(axis) === 1) {
      const out = new Uint8Array(this.length);
      for (let i = 0; i < this.length; i++)
        out[i] = bits.reduce((acc, b) => op(acc, b[i] === 1), start) ? 1 : 0;
      return Series.of(Column.bool(out), this.rowIndex, null);
    }
    return new Series(
      bits.map((b) => b.reduce((acc: boolean, x) => op(acc, x === 1), start)),
      { index: this.names },
    );
  }

  /**
   * Pearson correlations between numeric columns (pairwise complete rows), as pandas' `corr`.
   *
   * @example
   * ```ts
   * housing.corr({ numericOnly: true }).col("median_house_value").sortValues({ ascending: false });
   * ```
   */
  corr(options: CorrOptions = {}): DataFrame {
    return corrFrame(this, options);
  }

  /** Correlation of each column with a series (or with the same-named column of a frame). */
  corrwith(other: Series | DataFrame, options: CorrOptions = {}): Series {
    return corrwith(this, other, options);
  }

  // --- ordering ------------------------------------------------------------------------------

  /**
   * Rows sorted by one or more columns (stable; missing values last).
   *
   * @example
   * ```ts
   * df.sortValues("GDP per capita");
   * df.sortValues(["a", "b"], { ascending: [true, false] });
   * ```
   */
  sortValues(
    by: string | readonly string[],
    options: { ascending?: boolean | readonly boolean[]; naPosition?: "first" | "last"; inplace: true },
  ): undefined;
  sortValues(
    by: string | readonly string[],
    options?: { ascending?: boolean | readonly boolean[]; naPosition?: "first" | "last"; inplace?: false },
  ): DataFrame;
  sortValues(
    by: string | readonly string[],
    options: { ascending?: boolean | readonly boolean[]; naPosition?: "first" | "last" } & Inplace = {},
  ): DataFrame | undefined {
    const keys = typeof by === "string" ? [by] : by;
    const asc = keys.map((_, k) => {
      const a = options.ascending;
      return a === undefined ? true : typeof a === "boolean" ? a : (a[k] ?? true);
    });
    const order = argsort(
      keys.map((k) => sortKey(this.cols[this.position(k)])),
      asc,
      options.naPosition === "first",
    );
    return this.result(this.take(order), options);
  }

  /** Rows sorted by label. */
  sortIndex(options: { ascending?: boolean; inplace: true }): undefined;
  sortIndex(options?: { ascending?: boolean; inplace?: false }): DataFrame;
  sortIndex(options: { ascending?: boolean } & Inplace = {}): DataFrame | undefined {
    return this.result(this.take(argsort([this.rowIndex.sortKey()], [options.ascending ?? true])), options);
  }

  /** The `n` rows with the largest values of `columns`, largest first. */
  nlargest(n: number, columns: string | readonly string[]): DataFrame {
    const keys = typeof columns === "string" ? [columns] : columns;
    return this.sortValues(keys, { ascending: false }).head(n);
  }

  /** The `n` rows with the smallest values of `columns`, smallest first. */
  nsmallest(n: number, columns: string | readonly string[]): DataFrame {
    const keys = typeof columns === "string" ? [columns] : columns;
    return this.sortValues(keys).head(n);
  }

  // --- transformation ------------------------------------------------------------------------

  /**
   * Drops columns (`axis: 1`, or `columns`) or rows by label (`axis: 0`, or `index`).
   *
   * @example
   * ```ts
   * housing.drop(["median_house_value"], { axis: 1 });
   * housing.drop({ columns: ["ocean_proximity"] });
   * ```
   */
  drop(labels: Label | readonly Label[], options: { axis?: Axis; inplace: true }): undefined;
  drop(labels: Label | readonly Label[], options?: { axis?: Axis; inplace?: false }): DataFrame;
  drop(options: {
    columns?: readonly string[] | string;
    index?: readonly Label[] | Label;
    inplace: true;
  }): undefined;
  drop(options: {
    columns?: readonly string[] | string;
    index?: readonly Label[] | Label;
    inplace?: false;
  }): DataFrame;
  drop(
    a:
      | Label
      | readonly Label[]
      | { columns?: readonly string[] | string; index?: readonly Label[] | Label; inplace?: boolean },
    b: { axis?: Axis } & Inplace = {},
  ): DataFrame | undefined {
    let dropCols: string[] = [];
    let dropRows: Label[] = [];
    let opts: Inplace = b;
    if (typeof a === "object" && a !== null && !Array.isArray(a)) {
      const o = a as {
        columns?: readonly string[] | string;
        index?: readonly Label[] | Label;
        inplace?: boolean;
      };
      dropCols = o.columns === undefined ? [] : typeof o.columns === "string" ? [o.columns] : [...o.columns];
      dropRows =
        o.index === undefined ? [] : Array.isArray(o.index) ? [...(o.index as Label[])] : [o.index as Label];
      opts = o;
    } else {
      const list = Array.isArray(a) ? [...(a as Label[])] : [a as Label];
      if (axisNumber(b.axis) === 1) dropCols = list.map(String);
      else dropRows = list;
    }
    for (const c of dropCols) this.position(c);
    const keep = this.names.filter((n) => !dropCols.includes(n));
    let out = this.select(keep);
    if (dropRows.length) {
      const gone = new Set<number>();
      for (const l of dropRows) for (const p of byLabel(l, this.rowIndex).positions) gone.add(p);
      out = out.take(Array.from({ length: this.length }, (_, i) => i).filter((i) => !gone.has(i)));
    }
    return this.result(out, opts);
  }

  /**
   * Drops rows with missing values (in `subset` columns, if given; `how: "all"` needs every
   * one missing), or columns with `axis: 1`.
   *
   * @example
   * ```ts
   * housing.dropna({ subset: ["total_bedrooms"] });
   * ```
   */
  dropna(options: { subset?: readonly string[]; how?: "any" | "all"; axis?: Axis; inplace: true }): undefined;
  dropna(options?: {
    subset?: readonly string[];
    how?: "any" | "all";
    axis?: Axis;
    inplace?: false;
  }): DataFrame;
  dropna(
    options: { subset?: readonly string[]; how?: "any" | "all"; axis?: Axis } & Inplace = {},
  ): DataFrame | undefined {
    const all = options.how === "all";
    if (axisNumber(options.axis) === 1) {
      const keep = this.names.filter((_, j) => {
        const c = this.cols[j];
        return all ? c.nullCount < c.length : c.nullCount === 0;
      });
      return this.result(this.select(keep), options);
    }
    const cols = (options.subset ?? this.names).map((n) => this.cols[this.position(n)]);
    const keep: number[] = [];
    for (let i = 0; i < this.length; i++) {
      let missing = 0;
      for (const c of cols) if (!c.isValid(i)) missing++;
      if (all ? missing < cols.length : missing === 0) keep.push(i);
    }
    return this.result(this.take(keep), options);
  }

  /**
   * Missing values replaced: one value for all columns, a record per column, or a series
   * indexed by column name (as `df.fillna(df.median())`).
   */
  fillna(value: Scalar | Readonly<Record<string, Scalar>> | Series, options: { inplace: true }): undefined;
  fillna(value: Scalar | Readonly<Record<string, Scalar>> | Series, options?: { inplace?: false }): DataFrame;
  fillna(
    value: Scalar | Readonly<Record<string, Scalar>> | Series,
    options: Inplace = {},
  ): DataFrame | undefined {
    const per = (name: string): Scalar => {
      if (value instanceof Series) return value.index.has(name) ? value.get(name) : null;
      if (value !== null && typeof value === "object")
        return Object.prototype.hasOwnProperty.call(value, name) ? value[name] : null;
      return value;
    };
    return this.result(
      this.mapColumns((c, name) => fillColumn(c, per(name))),
      options,
    );
  }

  /** A copy (columns are immutable, so the buffers are shared safely). */
  copy(): DataFrame {
    return DataFrame.fromColumns(this.names, this.cols, this.rowIndex);
  }

  /** Columns converted to a dtype, or per column with a record. */
  astype(dtype: string | Readonly<Record<string, string>>): DataFrame {
    return this.mapColumns((c, name) => {
      const d = typeof dtype === "string" ? dtype : dtype[name];
      return d === undefined ? c : castColumn(c, toColumnDType(d));
    });
  }

  /**
   * Renames columns and/or row labels through records or functions.
   *
   * @example
   * ```ts
   * df.rename({ columns: { "2015": "GDP per capita" }, inplace: true });
   * ```
   */
  rename(options: {
    columns?: Readonly<Record<string, string>> | ((name: string) => string);
    index?: Readonly<Record<string, Label>> | ((label: Label) => Label);
    inplace: true;
  }): undefined;
  rename(options: {
    columns?: Readonly<Record<string, string>> | ((name: string) => string);
    index?: Readonly<Record<string, Label>> | ((label: Label) => Label);
    inplace?: false;
  }): DataFrame;
  rename(
    options: {
      columns?: Readonly<Record<string, string>> | ((name: string) => string);
      index?: Readonly<Record<string, Label>> | ((label: Label) => Label);
    } & Inplace,
  ): DataFrame | undefined {
    const cm = options.columns;
    const names = this.names.map((n) =>
      typeof cm === "function" ? cm(n) : cm && Object.prototype.hasOwnProperty.call(cm, n) ? cm[n] : n,
    );
    const im = options.index;
    const index = im
      ? Index.from(
          this.rowIndex
            .toArray()
            .map((l) =>
              typeof im === "function"
                ? im(l)
                : Object.prototype.hasOwnProperty.call(im, String(l))
                  ? im[String(l)]
                  : l,
            ),
          this.rowIndex.name,
        )
      : this.rowIndex;
    return this.result(DataFrame.fromColumns(names, this.cols, index), options);
  }

  /**
   * `fn` applied to each column (default) or each row (`axis: 1`); scalar results make a
   * series, series results a frame.
   *
   * @example
   * ```ts
   * df.apply((col) => col.max() - col.min());
   * df.apply((row) => row.get("a") * 2, { axis: 1 });
   * ```
   */
  apply(fn: (s: Series) => Scalar, options?: { axis?: Axis }): Series;
  apply(fn: (s: Series) => Series, options?: { axis?: Axis }): DataFrame;
  apply(fn: (s: Series) => Scalar | Series, options: { axis?: Axis } = {}): Series | DataFrame {
    if (axisNumber(options.axis) === 1) {
      const out: Scalar[] = [];
      for (let i = 0; i < this.length; i++) {
        const r = fn(this.iloc(i));
        out.push(r instanceof Series ? r.iat(0) : r);
      }
      return Series.of(columnFrom(out), this.rowIndex, null);
    }
    const results = this.names.map((n) => fn(this.col(n)));
    if (results.every((r) => r instanceof Series)) {
      const ss = results as Series[];
      return DataFrame.fromColumns(
        this.names,
        ss.map((s) => s.column),
        ss[0]?.index ?? this.rowIndex,
      );
    }
    return new Series(results as Scalar[], { index: this.names });
  }

  /** `fn` applied to every cell (pandas' `map`/`applymap`). */
  map(fn: (value: Scalar) => Scalar): DataFrame {
    return this.mapColumns((c) => columnFrom(c.toArray().map(fn)));
  }

  /** Same as `map`. */
  applymap(fn: (value: Scalar) => Scalar): DataFrame {
    return this.map(fn);
  }

  /** Values replaced everywhere: `from` by `to`, or through a record/Map. */
  replace(
    from: Scalar | ReadonlyMap<Scalar, Scalar> | Readonly<Record<string, Scalar>>,
    to?: Scalar,
  ): DataFrame {
    return this.mapColumns((c, name) => Series.of(c, this.rowIndex, name).replace(from, to).column);
  }

  /** Cells kept where `cond` is true, else `other` (missing by default). */
  where(cond: DataFrame | Series, other: Scalar = null): DataFrame {
    return this.mapColumns((c, name) => {
      const mask = cond instanceof DataFrame ? cond.col(name) : cond;
      return Series.of(c, this.rowIndex, name).where(mask, other).column;
    });
  }

  /**
   * Groups rows by the values of one or more columns, for `mean`, `sum`, `count`, `size`,
   * `agg` per group.
   *
   * @example
   * ```ts
   * titanic.groupby("Pclass").col("Survived").mean();
   * titanic.get(["Sex", "Survived"]).groupby(["Sex"]).mean();
   * ```
   */
  groupby(by: string | readonly string[], options: GroupByOptions = {}): GroupBy {
    return new GroupBy(this, typeof by === "string" ? [by] : [...by], options);
  }

  /** Database-style join with another frame (see `pd.merge`). */
  merge(right: DataFrame, options: MergeOptions = {}): DataFrame {
    return merge(this, right, options);
  }

  /** Joins another frame on the row labels (left join by default). */
  join(other: DataFrame, options: JoinOptions = {}): DataFrame {
    return merge(this, other, {
      how: options.how ?? "left",
      leftIndex: options.on === undefined,
      leftOn: options.on,
      rightIndex: true,
      suffixes: [options.lsuffix ?? "", options.rsuffix ?? ""],
    });
  }

  /**
   * A random sample of rows, reproducible with `randomState`.
   *
   * @example
   * ```ts
   * housing.sample({ n: 5, randomState: 42 });
   * ```
   */
  sample(options: SampleOptions = {}): DataFrame {
    return this.take(sampleRows(this.length, options));
  }

  /**
   * Makes a column the row labels, or several columns a `MultiIndex` (one level each).
   *
   * @example
   * ```ts
   * titanic.setIndex(["Sex", "Pclass"]).sortIndex().loc("female"); // the female passengers, by class
   * ```
   */
  setIndex(column: string | readonly string[], options: { drop?: boolean; inplace: true }): undefined;
  setIndex(column: string | readonly string[], options?: { drop?: boolean; inplace?: false }): DataFrame;
  setIndex(
    column: string | readonly string[],
    options: { drop?: boolean } & Inplace = {},
  ): DataFrame | undefined {
    const keys = typeof column === "string" ? [column] : [...column];
    let idx: Index;
    if (keys.length === 1) {
      const c = this.cols[this.position(keys[0])];
      const labels = c.toArray().map((v) => (v === null ? NaN : typeof v === "boolean" ? String(v) : v));
      idx = Index.from(labels, keys[0], c.dtype === "float64" || c.dtype === "float32");
    } else {
      idx = MultiIndex.fromColumns(
        keys.map((k) => this.cols[this.position(k)]),
        keys,
      );
    }
    const keep = options.drop === false ? this.names : this.names.filter((n) => !keys.includes(n));
    return this.result(
      DataFrame.fromColumns(
        keep,
        keep.map((n) => this.cols[this.position(n)]),
        idx,
      ),
      options,
    );
  }

  /** Back to a range index; the old labels become the first column unless `drop`. */
  resetIndex(options: { drop?: boolean; inplace: true }): undefined;
  resetIndex(options?: { drop?: boolean; inplace?: false }): DataFrame;
  resetIndex(options: { drop?: boolean } & Inplace = {}): DataFrame | undefined {
    const range = Index.range(this.length);
    if (options.drop) return this.result(DataFrame.fromColumns(this.names, this.cols, range), options);
    const idx = this.rowIndex;
    if (idx instanceof MultiIndex) {
      // Each level becomes a column (named `level_k` when it has no name), in level order.
      const names = idx.names.map((n, k) => n ?? `level_${k}`);
      const cols = names.map((_, k) => {
        const level = idx.getLevelValues(k);
        const labels = columnFrom(
          level.toArray().map((v) => (typeof v === "number" && Number.isNaN(v) ? null : v)),
        );
        return level.floatLabels ? castColumn(labels, "float64") : labels;
      });
      return this.result(
        DataFrame.fromColumns([...names, ...this.names], [...cols, ...this.cols], range),
        options,
      );
    }
    const name = this.rowIndex.name ?? (this.names.includes("index") ? "level_0" : "index");
    const labels = columnFrom(this.rowIndex.toArray());
    const col = this.rowIndex.floatLabels ? castColumn(labels, "float64") : labels;
    return this.result(DataFrame.fromColumns([name, ...this.names], [col, ...this.cols], range), options);
  }

  /** Columns of the given kinds: "number", "bool", "object", "category" or a dtype name. */
  selectDtypes(options: {
    include?: readonly string[] | string;
    exclude?: readonly string[] | string;
  }): DataFrame {
    const list = (v: readonly string[] | string | undefined): string[] | undefined =>
      v === undefined ? undefined : typeof v === "string" ? [v] : [...v];
    const inc = list(options.include);
    const exc = list(options.exclude) ?? [];
    const matches = (c: Column, kinds: string[]): boolean =>
      kinds.some(
        (k) =>
          k === c.dtype ||
          ((k === "number" || k === "numeric") && c.isNumeric) ||
          (k === "int64" && c.dtype === "int32") ||
          ((k === "str" || k === "string") && c.dtype === "object"),
      );
    const keep = this.names.filter(
      (_, j) => (inc === undefined || matches(this.cols[j], inc)) && !matches(this.cols[j], exc),
    );
    return this.select(keep);
  }

  /** Reshapes long data to wide: one row per `index` value, one column per `columns` value. */
  pivot(options: PivotOptions): DataFrame {
    return pivot(this, options);
  }

  // --- output --------------------------------------------------------------------------------

  /**
   * Writes CSV text (to `path` when given, else returns it), like pandas' `to_csv`.
   *
   * @example
   * ```ts
   * df.toCsv("out.csv", { index: false });
   * ```
   */
  toCsv(path?: string, options: ToCsvOptions = {}): string | undefined {
    return toCsv(this.parts(), path, options);
  }

  /** The frame as an Arrow table (strings stay dictionary encoded). */
  toArrowTable(): Table {
    return toArrowTable(this.parts());
  }

  /** The frame as Arrow IPC file bytes (written to `path` when given). */
  toArrow(path?: string): Uint8Array {
    return writeArrow(this.parts(), path);
  }

  /** @internal Names, columns and index, for printing and writing. */
  parts(): {
    names: readonly string[];
    columns: readonly Column[];
    index: Index;
    columnsName: string | null;
  } {
    return { names: this.names, columns: this.cols, index: this.rowIndex, columnsName: this.columnsName };
  }

  /** Plain text as pandas prints a frame. */
  toString(): string {
    return frameToString(this.parts());
  }

  /**
   * The display protocol: pandas' HTML table and plain text, plus the first rows as an Arrow
   * table for JupyterLab's data grid (`application/vnd.tensorbook.arrow+json`).
   */
  [DISPLAY](): MimeBundle {
    const parts = this.parts();
    const bundle: MimeBundle = { "text/plain": this.toString(), "text/html": frameToHtml(parts) };
    const grid = frameGridBundle(parts);
    if (grid) bundle[ARROW_GRID_MIME] = grid;
    return bundle;
  }

  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.toString();
  }
}

function isRecordRows(data: unknown): data is readonly Readonly<Record<string, Scalar>>[] {
  return (
    Array.isArray(data) &&
    data.length > 0 &&
    data[0] !== null &&
    typeof data[0] === "object" &&
    !Array.isArray(data[0])
  );
}

function buildFrame(
  data:
    | Readonly<Record<string, ColumnInput>>
    | readonly Readonly<Record<string, Scalar>>[]
    | readonly (readonly Scalar[])[]
    | Tensor
    | undefined,
  options: DataFrameOptions,
): { names: string[]; cols: Column[]; index: Index } {
  const given = options.index;
  const indexOf = (n: number): Index => {
    const idx = given instanceof Index ? given : given ? Index.from(given) : Index.range(n);
    if (idx.length !== n)
      throw new RangeError(`length of index (${idx.length}) does not match the ${n} rows`);
    return idx;
  };
  if (data === undefined) return { names: [], cols: [], index: indexOf(0) };
  if (data instanceof Tensor) {
    if (data.ndim !== 2 && data.ndim !== 1)
      throw new RangeError(`a frame needs a 1-D or 2-D tensor, got shape [${data.shape.join(", ")}]`);
    const m = data.ndim === 1 ? data.reshape(-1, 1) : data;
    const [rows, k] = m.shape;
    const names = options.columns ? [...options.columns] : Array.from({ length: k }, (_, j) => String(j));
    if (names.length !== k) throw new RangeError(`${names.length} column names for ${k} columns`);
    // Split the row-major values into columns without tensor indexing.
    const flat = m.dataSync();
    const cols = names.map((_, j) => {
      const out =
        flat.constructor === Float64Array
          ? new Float64Array(rows)
          : flat.constructor === Float32Array
            ? new Float32Array(rows)
            : flat.constructor === Int32Array
              ? new Int32Array(rows)
              : new Uint8Array(rows);
      for (let i = 0; i < rows; i++) out[i] = flat[i * k + j];
      return m.dtype === "bool" ? Column.bool(out as Uint8Array) : columnFrom(out);
    });
    return { names, cols, index: indexOf(rows) };
  }
  if (Array.isArray(data)) {
    if (isRecordRows(data)) {
      const names = options.columns
        ? [...options.columns]
        : [...new Set(data.flatMap((r) => Object.keys(r)))];
      const cols = names.map((n) => columnFrom(data.map((r) => (n in r ? r[n] : null))));
      return { names, cols, index: indexOf(data.length) };
    }
    const rows = data as readonly (readonly Scalar[])[];
    const k = rows.reduce((m, r) => Math.max(m, r.length), 0);
    const names = options.columns ? [...options.columns] : Array.from({ length: k }, (_, j) => String(j));
    const cols = names.map((_, j) => columnFrom(rows.map((r) => r[j] ?? null)));
    return { names, cols, index: indexOf(rows.length) };
  }
  const rec = data as Readonly<Record<string, ColumnInput>>;
  const names = options.columns ? [...options.columns] : Object.keys(rec);
  const firstSeries = names.map((n) => rec[n]).find((v): v is Series => v instanceof Series);
  const base = given === undefined && firstSeries ? firstSeries.index : undefined;
  const cols = names.map((n) => {
    const v = rec[n];
    if (v === undefined) throw new RangeError(`no data for column "${n}"`);
    if (v instanceof Series) {
      if (!base || v.index.equals(base)) return v.column;
      return v.column.take(Int32Array.from(base, (l) => v.index.positionsOf(l)[0] ?? -1));
    }
    return columnFrom(v);
  });
  const n = cols.length ? cols[0].length : 0;
  cols.forEach((c, j) => {
    if (c.length !== n)
      throw new RangeError(
        `all columns must have the same length; "${names[j]}" has ${c.length}, "${names[0]}" has ${n}`,
      );
  });
  return { names, cols, index: base ?? indexOf(n) };
}
