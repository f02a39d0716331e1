import type { DType } from "../core/dtype.js";
import type { Axes } from "../plt/axes.js";
import { seriesHist, type HistPlotOptions } from "./plot.js";
import { DISPLAY, TO_ARRAY, Tensor, type MimeBundle } from "../core/tensor.js";
import { arith, compare, logical, mapNumbers, not, type ArithOp, type CompareOp } from "./arith.js";
import { castColumn, columnFrom, toColumnDType, type ColumnSource } from "./build.js";
import { Column, type ColumnDType, type Scalar } from "./column.js";
import { describeSeries } from "./describe.js";
import { ARROW_GRID_MIME } from "../display/grid.js";
import { frameGridBundle } from "./display/arrow.js";
import { escapeHtml } from "./display/html.js";
import { seriesToString } from "./display/text.js";
import { DataFrame } from "./frame.js";
import { Index, type Label } from "./labels.js";
import { multiLoc } from "./multiindex.js";
import { unstack } from "./unstack.js";
import * as R from "./reduce.js";
import { byLabel, byPosition, type RowKey } from "./select.js";
import { argsort, labelKey, sortKey } from "./sort.js";
import { columnToTensor } from "./tensor.js";
import { valueCounts, type ValueCountsOptions } from "./valuecounts.js";

/** Options of `new pd.Series(...)`. */
export interface SeriesOptions {
  /** Row labels (default 0, 1, 2, …). */
  index?: readonly Label[] | Index;
  name?: string | null;
  dtype?: string;
}

/** What a binary operation accepts on its right: a series (aligned on labels) or a scalar. */
export type Operand = Series | number | boolean | string | null;

/** Options of `sortValues`/`sortIndex`. */
export interface SortOptions {
  ascending?: boolean;
  /** Where missing values go: "last" (default) or "first". */
  naPosition?: "first" | "last";
}

/**
 * A labelled column (pandas' `Series`): values in an Arrow-backed column, row labels in an
 * `Index`, and a name.
 *
 * @example
 * ```ts
 * const s = new pd.Series([1, 2, 3], { name: "x" });
 * s.mean(); // 2
 * s.mul(10).toArray(); // [10, 20, 30]
 * ```
 */
export class Series {
  private values_: Column;
  /** @internal The frame this series is a column of (so `fillna(v, { inplace: true })` writes back). */
  owner?: { readonly frame: DataFrame; readonly name: string };
  /** Row labels. */
  readonly index: Index;
  /** The series' name (its column name in a frame), or null. */
  readonly name: string | null;

  constructor(data: ColumnSource | Readonly<Record<string, Scalar>>, options: SeriesOptions = {}) {
    let source: ColumnSource;
    let labels: Index | undefined;
    if (
      typeof data === "object" &&
      !Array.isArray(data) &&
      !ArrayBuffer.isView(data) &&
      !(data instanceof Tensor) &&
      !(data instanceof Column)
    ) {
      const rec = data as Readonly<Record<string, Scalar>>;
      source = Object.values(rec);
      labels = Index.from(Object.keys(rec));
    } else {
      source = data as ColumnSource;
    }
    this.values_ = columnFrom(source, options.dtype === undefined ? undefined : toColumnDType(options.dtype));
    const idx = options.index;
    this.index =
      idx instanceof Index ? idx : idx ? Index.from(idx) : (labels ?? Index.range(this.column.length));
    if (this.index.length !== this.column.length) {
      throw new RangeError(
        `length of values (${this.column.length}) does not match length of index (${this.index.length})`,
      );
    }
    this.name = options.name ?? null;
  }

  /** @internal A series over an existing column and index (no checks, no copy). */
  static of(column: Column, index: Index, name: string | null): Series {
    return new Series(column, { index, name });
  }

  /** @internal The values. */
  get column(): Column {
    return this.values_;
  }

  // --- shape and values ----------------------------------------------------------------------

  /** The pandas dtype name ("float64", "int32", "bool", "object", "category"). */
  get dtype(): ColumnDType {
    return this.column.dtype;
  }

  /** Number of values. */
  get length(): number {
    return this.column.length;
  }

  /** Number of values (pandas' `size`). */
  get size(): number {
    return this.column.length;
  }

  /** `[length]`. */
  get shape(): [number] {
    return [this.column.length];
  }

  /** Whether the series has no values. */
  get empty(): boolean {
    return this.column.length === 0;
  }

  /**
   * The values as a 1-D tensor (float64 with NaN for missing, int32, or bool); strings have no
   * tensor form, use `toArray()`.
   */
  get values(): Tensor {
    return this.toTensor();
  }

  /**
   * The values as a tensor, optionally converted.
   *
   * @example
   * ```ts
   * housing.col("median_income").toTensor({ dtype: "float32" }).shape; // [20640]
   * ```
   */
  toTensor(options: { dtype?: DType } = {}): Tensor {
    return columnToTensor(this.column, options.dtype, this.name);
  }
  /** The array protocol: `np.array(s)` and `np.asarray(s)` give `s.toTensor()`. */
  [TO_ARRAY](dtype?: DType): Tensor {
    return this.toTensor({ dtype });
  }

  /** The values as a JavaScript array (null where missing). */
  toArray(): Scalar[] {
    return this.column.toArray();
  }

  /** Same as `toArray` (pandas' `tolist`). */
  toList(): Scalar[] {
    return this.column.toArray();
  }

  // --- access --------------------------------------------------------------------------------

  /**
   * The value at a row label (pandas' `s[label]`); a KeyError names a missing label.
   *
   * @example
   * ```ts
   * corr.col("median_house_value").get("median_income"); // 0.688…
   * ```
   */
  get(label: Label | readonly Label[]): Scalar {
    const m = multiLoc(label, this.index);
    if (m) return this.column.get(m.positions[0]);
    return this.column.get(byLabel(label as Label, this.index).positions[0]);
  }

  /** The value at a position (negative counts from the end). */
  iat(position: number): Scalar {
    return this.column.get(byPosition(position, this.length).positions[0]);
  }

  /** Rows by label: one label gives the value, lists, masks and slices give a series. */
  loc(key: Label): Scalar;
  loc(key: readonly [Label, Label, ...Label[]]): Scalar | Series;
  loc(key: RowKey): Series;
  loc(key: RowKey): Scalar | Series {
    const m = multiLoc(key, this.index);
    if (m)
      return m.single
        ? this.column.get(m.positions[0])
        : Series.of(this.column.take(m.positions), m.index, this.name);
    const p = byLabel(key, this.index);
    return p.single && p.positions.length === 1 ? this.column.get(p.positions[0]) : this.take(p.positions);
  }

  /** Rows by position: one integer gives the value; lists, masks and "a:b" slices a series. */
  iloc(key: number): Scalar;
  iloc(key: RowKey): Series;
  iloc(key: RowKey): Scalar | Series {
    const p = byPosition(key, this.length);
    return p.single ? this.column.get(p.positions[0]) : this.take(p.positions);
  }

  /** @internal The rows at `positions`. */
  take(positions: ArrayLike<number>): Series {
    return Series.of(this.column.take(positions), this.index.take(positions), this.name);
  }

  /** The first `n` rows. */
  head(n = 5): Series {
    const k = n < 0 ? Math.max(0, this.length + n) : Math.min(n, this.length);
    return Series.of(this.column.slice(0, k), this.index.slice(0, k), this.name);
  }

  /** The last `n` rows. */
  tail(n = 5): Series {
    const k = Math.min(Math.max(n, 0), this.length);
    return Series.of(
      this.column.slice(this.length - k, this.length),
      this.index.slice(this.length - k, this.length),
      this.name,
    );
  }

  // --- arithmetic and comparison -------------------------------------------------------------

  private aligned(other: Series): [Column, Column, Index] {
    if (this.index.equals(other.index)) return [this.column, other.column, this.index];
    // Different labels: align on their union, as pandas does (sorted when comparable).
    const labels = [...this.index];
    const seen = new Set(labels);
    for (const l of other.index) if (!seen.has(l)) labels.push(l);
    const order = argsort([labelKey(labels)], [true]);
    const union = Index.from(Array.from(order, (i) => labels[i]));
    const pick = (idx: Index): Int32Array =>
      Int32Array.from(union, (l) => {
        const at = idx.positionsOf(l);
        return at.length ? at[0] : -1;
      });
    return [this.column.take(pick(this.index)), other.column.take(pick(other.index)), union];
  }

  private arith(other: Operand, op: ArithOp, reversed = false): Series {
    if (other instanceof Series) {
      const [a, b, idx] = this.aligned(other);
      return Series.of(arith(a, b, op, reversed), idx, this.name === other.name ? this.name : null);
    }
    if (typeof other === "string") {
      if (op !== "add") throw new TypeError(`cannot ${op} a string`);
      return Series.of(
        arith(this.column, Column.strings(new Array(this.length).fill(other)), op, reversed),
        this.index,
        this.name,
      );
    }
    return Series.of(
      arith(this.column, other === null ? NaN : Number(other), op, reversed),
      this.index,
      this.name,
    );
  }

  private cmp(other: Operand, op: CompareOp): Series {
    if (other instanceof Series) {
      const [a, b, idx] = this.aligned(other);
      return Series.of(compare(a, b, op), idx, null);
    }
    return Series.of(compare(this.column, other, op), this.index, this.name);
  }

  /** `s + other` (strings concatenate). */
  add(other: Operand): Series {
    return this.arith(other, "add");
  }
  /** `s - other`. */
  sub(other: Operand): Series {
    return this.arith(other, "sub");
  }
  /** `s * other`. */
  mul(other: Operand): Series {
    return this.arith(other, "mul");
  }
  /** `s / other` (always float). */
  div(other: Operand): Series {
    return this.arith(other, "div");
  }
  /** `s // other`. */
  floorDiv(other: Operand): Series {
    return this.arith(other, "floorDiv");
  }
  /** `s % other` (Python's sign rule). */
  mod(other: Operand): Series {
    return this.arith(other, "mod");
  }
  /** `s ** other`. */
  pow(other: Operand): Series {
    return this.arith(other, "pow");
  }
  /** `other - s`. */
  rsub(other: Operand): Series {
    return this.arith(other, "sub", true);
  }
  /** `other / s`. */
  rdiv(other: Operand): Series {
    return this.arith(other, "div", true);
  }
  /** `-s`. */
  neg(): Series {
    return Series.of(
      mapNumbers(this.column, (x) => -x),
      this.index,
      this.name,
    );
  }
  /** Absolute values. */
  abs(): Series {
    return Series.of(mapNumbers(this.column, Math.abs), this.index, this.name);
  }
  /** Values rounded to `decimals` (half to even, as NumPy). */
  round(decimals = 0): Series {
    const f = 10 ** decimals;
    const half = (x: number): number => {
      const y = x * f;
      const r = Math.round(y);
      return (Math.abs(y - Math.trunc(y)) === 0.5 ? 2 * Math.round(y / 2) : r) / f;
    };
    return Series.of(mapNumbers(this.column, half, decimals <= 0), this.index, this.name);
  }

  /** `s == other`. */
  eq(other: Operand): Series {
    return this.cmp(other, "eq");
  }
  /** `s != other`. */
  ne(other: Operand): Series {
    return this.cmp(other, "ne");
  }
  /** `s < other`. */
  lt(other: Operand): Series {
    return this.cmp(other, "lt");
  }
  /** `s <= other`. */
  le(other: Operand): Series {
    return this.cmp(other, "le");
  }
  /** `s > other`. */
  gt(other: Operand): Series {
    return this.cmp(other, "gt");
  }
  /** `s >= other`. */
  ge(other: Operand): Series {
    return this.cmp(other, "ge");
  }
  /** `mask & other`. */
  and(other: Series | boolean): Series {
    return Series.of(
      logical(this.column, other instanceof Series ? other.column : other, "and"),
      this.index,
      this.name,
    );
  }
  /** `mask | other`. */
  or(other: Series | boolean): Series {
    return Series.of(
      logical(this.column, other instanceof Series ? other.column : other, "or"),
      this.index,
      this.name,
    );
  }
  /** `mask ^ other`. */
  xor(other: Series | boolean): Series {
    return Series.of(
      logical(this.column, other instanceof Series ? other.column : other, "xor"),
      this.index,
      this.name,
    );
  }
  /** `~mask`. */
  not(): Series {
    return Series.of(not(this.column), this.index, this.name);
  }
  /** Same as `not()` (pandas' `~`, `invert`). */
  invert(): Series {
    return this.not();
  }
  /** Whether each value is one of `values`. */
  isin(values: readonly Scalar[]): Series {
    const set = new Set(values);
    return Series.of(
      Column.bool(Uint8Array.from(this.column.toArray(), (v) => (set.has(v) ? 1 : 0))),
      this.index,
      this.name,
    );
  }
  /** Whether each value lies in [left, right] (inclusive). */
  between(left: number, right: number): Series {
    return this.ge(left).and(this.le(right));
  }

  // --- missing values ------------------------------------------------------------------------

  /** Whether each value is missing. */
  isnull(): Series {
    return Series.of(
      Column.bool(Uint8Array.from({ length: this.length }, (_, i) => (this.column.isValid(i) ? 0 : 1))),
      this.index,
      this.name,
    );
  }
  /** Same as `isnull`. */
  isna(): Series {
    return this.isnull();
  }
  /** Whether each value is present. */
  notnull(): Series {
    return this.isnull().not();
  }
  /** Same as `notnull`. */
  notna(): Series {
    return this.notnull();
  }
  /**
   * Missing values replaced by `value`. With `inplace`, the series, and the frame column it
   * came from, change (the book's `housing["total_bedrooms"].fillna(median, inplace=True)`).
   */
  fillna(value: Scalar, options: { inplace: true }): undefined;
  fillna(value: Scalar, options?: { inplace?: false }): Series;
  fillna(value: Scalar, options: { inplace?: boolean } = {}): Series | undefined {
    const filled = fillColumn(this.column, value);
    if (!options.inplace) return Series.of(filled, this.index, this.name);
    this.values_ = filled;
    if (this.owner) this.owner.frame.set(this.owner.name, this);
    return undefined;
  }
  /** The rows whose value is present. */
  dropna(): Series {
    const keep: number[] = [];
    for (let i = 0; i < this.length; i++) if (this.column.isValid(i)) keep.push(i);
    return this.take(keep);
  }

  // --- reductions ----------------------------------------------------------------------------

  /** Sum of present values. */
  sum(): number {
    return R.sum(this.column);
  }
  /** Number of present values. */
  count(): number {
    return R.count(this.column);
  }
  /** Mean of present values. */
  mean(): number {
    return R.mean(this.column);
  }
  /** Median of present values. */
  median(): number {
    return R.median(this.column);
  }
  /** Standard deviation (ddof 1 by default, as pandas). */
  std(options: { ddof?: number } = {}): number {
    return R.std(this.column, options.ddof ?? 1);
  }
  /** Variance (ddof 1 by default). */
  var(options: { ddof?: number } = {}): number {
    return R.variance(this.column, options.ddof ?? 1);
  }
  /** Smallest present value. */
  min(): Scalar {
    return R.min(this.column);
  }
  /** Largest present value. */
  max(): Scalar {
    return R.max(this.column);
  }
  /** Product of present values. */
  prod(): number {
    return R.prod(this.column);
  }
  /** Quantile `q` (linear interpolation), or a series of quantiles for a list. */
  quantile(q: number): number;
  quantile(q: readonly number[]): Series;
  quantile(q: number | readonly number[]): number | Series {
    if (typeof q === "number") return R.quantile(this.column, q);
    const sorted = R.sortedValues(this.column);
    return new Series(
      Float64Array.from(q, (x) => R.quantileSorted(sorted, x)),
      { index: Index.from(q, null, true), name: this.name },
    );
  }
  /** Whether any value is true (non-zero). */
  any(): boolean {
    return this.column.numbers().some((x) => x === x && x !== 0);
  }
  /** Whether every present value is true (non-zero). */
  all(): boolean {
    return this.column.numbers().every((x) => x !== 0);
  }
  /** The label of the largest value. */
  idxmax(): Label {
    return this.index.at(R.argExtreme(this.column, 1));
  }
  /** The label of the smallest value. */
  idxmin(): Label {
    return this.index.at(R.argExtreme(this.column, -1));
  }
  /** Running sum (missing values stay missing). */
  cumsum(): Series {
    let s = 0;
    return Series.of(
      mapNumbers(this.column, (x) => (x !== x ? x : (s += x))),
      this.index,
      this.name,
    );
  }
  /** Distinct values in order of appearance. */
  unique(): Scalar[] {
    return R.unique(this.column, false);
  }
  /** Number of distinct present values. */
  nunique(): number {
    return R.nunique(this.column);
  }
  /**
   * How often each value occurs, most frequent first (`normalize` gives proportions).
   *
   * @example
   * ```ts
   * housing.col("ocean_proximity").valueCounts(); // <1H OCEAN 9136, INLAND 6551, …
   * ```
   */
  valueCounts(options: ValueCountsOptions = {}): Series {
    return valueCounts(this, options);
  }
  /** A histogram of the values on the current axes (pandas' `s.hist`); returns the axes. */
  hist(options: HistPlotOptions = {}): Axes {
    return seriesHist(this, options);
  }
  /** Summary statistics (count, mean, std, min, quartiles, max; or count/unique/top/freq). */
  describe(options: { percentiles?: readonly number[] } = {}): Series {
    return describeSeries(this, options.percentiles);
  }
  /** Pearson correlation with another series (on rows where both are present). */
  corr(other: Series): number {
    const [a, b] = this.aligned(other);
    const x = a.numbers();
    const y = b.numbers();
    let sx = 0;
    let sy = 0;
    let k = 0;
    for (let i = 0; i < x.length; i++) {
      if (x[i] === x[i] && y[i] === y[i]) {
        sx += x[i];
        sy += y[i];
        k++;
      }
    }
    const mx = sx / k;
    const my = sy / k;
    let sxy = 0;
    let sxx = 0;
    let syy = 0;
    for (let i = 0; i < x.length; i++) {
      if (x[i] === x[i] && y[i] === y[i]) {
        const dx = x[i] - mx;
        const dy = y[i] - my;
        sxy += dx * dy;
        sxx += dx * dx;
        syy += dy * dy;
      }
    }
    return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
  }

  // --- ordering ------------------------------------------------------------------------------

  /** The series sorted by value (stable; missing last). */
  sortValues(options: SortOptions = {}): Series {
    return this.take(
      argsort([sortKey(this.column)], [options.ascending ?? true], options.naPosition === "first"),
    );
  }
  /** The series sorted by label. */
  sortIndex(options: SortOptions = {}): Series {
    return this.take(argsort([this.index.sortKey()], [options.ascending ?? true]));
  }
  /** The `n` largest values, largest first. */
  nlargest(n = 5): Series {
    return this.dropna().sortValues({ ascending: false }).head(n);
  }
  /** The `n` smallest values, smallest first. */
  nsmallest(n = 5): Series {
    return this.dropna().sortValues().head(n);
  }

  // --- transformation ------------------------------------------------------------------------

  /**
   * `fn` applied to each value (pandas' `apply`); the results make a new series.
   *
   * @example
   * ```ts
   * s.apply((x) => (x === null ? null : Number(x) * 2));
   * ```
   */
  apply(fn: (value: Scalar, label: Label) => Scalar): Series {
    const out: Scalar[] = new Array(this.length);
    for (let i = 0; i < this.length; i++) out[i] = fn(this.column.get(i), this.index.at(i));
    return Series.of(columnFrom(out), this.index, this.name);
  }

  /** Values mapped through a function, a record or a Map (unmapped values become missing). */
  map(
    mapping: ((value: Scalar) => Scalar) | ReadonlyMap<Scalar, Scalar> | Readonly<Record<string, Scalar>>,
  ): Series {
    if (typeof mapping === "function") return this.apply((v) => mapping(v));
    const get =
      mapping instanceof Map
        ? (v: Scalar): Scalar => (mapping.has(v) ? (mapping.get(v) as Scalar) : null)
        : (v: Scalar): Scalar => {
            const rec = mapping as Readonly<Record<string, Scalar>>;
            const key = String(v);
            return v !== null && Object.prototype.hasOwnProperty.call(rec, key) ? rec[key] : null;
          };
    return this.apply((v) => get(v));
  }

  /** Values equal to `from` replaced by `to`, or replaced through a record/Map. */
  replace(
    from: Scalar | ReadonlyMap<Scalar, Scalar> | Readonly<Record<string, Scalar>>,
    to?: Scalar,
  ): Series {
    if (from !== null && typeof from === "object") {
      const m = from instanceof Map ? from : new Map(Object.entries(from as Record<string, Scalar>));
      return this.apply((v) => {
        if (m.has(v)) return m.get(v) as Scalar;
        const k = String(v);
        return typeof v === "number" && m.has(k) ? (m.get(k) as Scalar) : v;
      });
    }
    return this.apply((v) => (v === from ? (to ?? null) : v));
  }

  /** Values kept where `cond` is true, else `other` (missing by default). */
  where(cond: Series | readonly boolean[], other: Scalar = null): Series {
    const c = cond instanceof Series ? cond.toArray() : cond;
    return this.applyAt((v, i) => (c[i] ? v : other));
  }

  /** Values replaced by `other` where `cond` is true (the opposite of `where`). */
  mask(cond: Series | readonly boolean[], other: Scalar = null): Series {
    const c = cond instanceof Series ? cond.toArray() : cond;
    return this.applyAt((v, i) => (c[i] ? other : v));
  }

  private applyAt(fn: (value: Scalar, position: number) => Scalar): Series {
    const out: Scalar[] = new Array(this.length);
    for (let i = 0; i < this.length; i++) out[i] = fn(this.column.get(i), i);
    const col = columnFrom(out);
    // Keep a float column float even when every kept value happens to be whole.
    return Series.of(
      this.column.isNumeric && col.dtype === "int32" ? castColumn(col, this.column.dtype) : col,
      this.index,
      this.name,
    );
  }

  /** The values converted to another dtype ("float64", "int32"/"int64", "bool", "str", "category"). */
  astype(dtype: string): Series {
    return Series.of(castColumn(this.column, toColumnDType(dtype)), this.index, this.name);
  }

  /** The series under another name. */
  rename(name: string | null): Series {
    return Series.of(this.column, this.index, name);
  }

  /** A copy (columns are immutable, so this shares the buffers safely). */
  copy(): Series {
    return Series.of(this.column, this.index, this.name);
  }

  /** The series with a fresh range index; by default the old labels become a column. */
  resetIndex(options: { drop?: boolean; name?: string } = {}): Series | DataFrame {
    if (options.drop) return Series.of(this.column, Index.range(this.length), this.name);
    return this.toFrame(options.name).resetIndex();
  }

  /**
   * The values of one level of a MultiIndex (the last by default) spread into columns (pandas'
   * `unstack`); missing combinations are missing values.
   *
   * @example
   * ```ts
   * titanic.groupby(["Sex", "Pclass"]).col("Survived").mean().unstack(); // Sex × Pclass
   * ```
   */
  unstack(level: number | string = -1): DataFrame {
    return unstack(this.column, this.index, this.name, level);
  }

  /** The series as a one-column frame. */
  toFrame(name?: string): DataFrame {
    return DataFrame.fromColumns([name ?? this.name ?? "0"], [this.column], this.index);
  }

  // --- display -------------------------------------------------------------------------------

  /** Plain text as pandas prints a series. */
  toString(): string {
    return seriesToString(this);
  }

  /**
   * The display protocol: plain text, as pandas shows a series in notebooks (also as a `<pre>`
   * block in `text/html`), plus the first rows for JupyterLab's data grid.
   */
  [DISPLAY](): MimeBundle {
    const text = this.toString();
    const bundle: MimeBundle = { "text/plain": text, "text/html": `<pre>${escapeHtml(text)}</pre>` };
    const parts = { names: [String(this.name ?? 0)], columns: [this.column], index: this.index };
    const grid = frameGridBundle(parts, "Series");
    if (grid) bundle[ARROW_GRID_MIME] = grid;
    return bundle;
  }

  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.toString();
  }
}

/** A column with missing values replaced by `value`. */
export function fillColumn(col: Column, value: Scalar): Column {
  if (value === null || col.nullCount === 0) return col;
  if (col.isNumeric && typeof value === "number") {
    const x = col.numbers();
    const out = new Float64Array(x.length);
    for (let i = 0; i < x.length; i++) out[i] = x[i] === x[i] ? x[i] : value;
    return col.dtype === "float32" ? Column.float32(Float32Array.from(out)) : Column.float64(out);
  }
  const vals = col.toArray().map((v) => (v === null ? value : v));
  return columnFrom(vals);
}
