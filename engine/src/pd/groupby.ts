import { pyStr } from "./build.js";
import { Column, type Scalar } from "./column.js";
import { unknownColumn } from "./errors.js";
import { DataFrame } from "./frame.js";
import { Index, type Label } from "./labels.js";
import { MultiIndex } from "./multiindex.js";
import * as R from "./reduce.js";
import { Series } from "./series.js";
import { argsort, sortKey } from "./sort.js";

/** Options of `df.groupby`. */
export interface GroupByOptions {
  /** Sort the groups by key (default true). */
  sort?: boolean;
  /** Leave out rows whose key is missing (default true). */
  dropna?: boolean;
  /** Keys become the row labels (default true); false keeps them as columns. */
  asIndex?: boolean;
}

/** The aggregation names `agg` accepts, as pandas spells them. */
export type AggName =
  | "mean"
  | "sum"
  | "count"
  | "size"
  | "min"
  | "max"
  | "median"
  | "std"
  | "var"
  | "first"
  | "last"
  | "nunique"
  | "prod";

/** Which group each row belongs to, and each group's key. */
interface Grouping {
  /** Group of each row, -1 when its key is missing. */
  readonly groupOf: Int32Array;
  /** Key values of each group, one array per key column. */
  readonly keys: Scalar[][];
  readonly count: number;
  /** Rows of each group, concatenated; group g spans offsets[g]..offsets[g+1]. */
  readonly rows: Int32Array;
  readonly offsets: Int32Array;
}

function factorize(df: DataFrame, by: readonly string[], options: GroupByOptions): Grouping {
  const cols = by.map((k) => {
    if (!df.has(k)) throw unknownColumn(k, df.columns);
    return df.col(k).column;
  });
  const n = df.length;
  const ids = new Map<string, number>();
  const firstRow: number[] = [];
  const groupOf = new Int32Array(n);
  const single = cols.length === 1 && cols[0].isString ? cols[0].codes() : null;
  for (let i = 0; i < n; i++) {
    let key: string;
    if (single) {
      if (single[i] < 0 && (options.dropna ?? true)) {
        groupOf[i] = -1;
        continue;
      }
      key = String(single[i]);
    } else {
      const parts = cols.map((c) => c.get(i));
      if ((options.dropna ?? true) && parts.some((p) => p === null)) {
        groupOf[i] = -1;
        continue;
      }
      key = JSON.stringify(parts);
    }
    let g = ids.get(key);
    if (g === undefined) {
      g = firstRow.length;
      ids.set(key, g);
      firstRow.push(i);
    }
    groupOf[i] = g;
  }
  let order = Array.from(firstRow.keys());
  if (options.sort ?? true) {
    const rowsOfGroups = Int32Array.from(firstRow);
    const keys = cols.map((c) => {
      const k = sortKey(c);
      return Float64Array.from(rowsOfGroups, (r) => k[r]);
    });
    order = Array.from(
      argsort(
        keys,
        keys.map(() => true),
      ),
    );
  }
  const rank = new Int32Array(order.length);
  order.forEach((g, r) => (rank[g] = r));
  for (let i = 0; i < n; i++) if (groupOf[i] >= 0) groupOf[i] = rank[groupOf[i]];
  const count = order.length;
  const keys = cols.map((c) => order.map((g) => c.get(firstRow[g])));
  // Counting sort of the rows by group, keeping row order inside each group.
  const offsets = new Int32Array(count + 1);
  for (let i = 0; i < n; i++) if (groupOf[i] >= 0) offsets[groupOf[i] + 1]++;
  for (let g = 0; g < count; g++) offsets[g + 1] += offsets[g];
  const fill = offsets.slice(0, count);
  const rows = new Int32Array(offsets[count]);
  for (let i = 0; i < n; i++) if (groupOf[i] >= 0) rows[fill[groupOf[i]]++] = i;
  return { groupOf, keys, count, rows, offsets };
}

/** Sum and count per group of a numeric column, in one pass. */
function sumsAndCounts(col: Column, g: Grouping): [Float64Array, Float64Array] {
  const x = col.numbers();
  const sums = new Float64Array(g.count);
  const counts = new Float64Array(g.count);
  const of = g.groupOf;
  for (let i = 0; i < x.length; i++) {
    const k = of[i];
    const v = x[i];
    if (k >= 0 && v === v) {
      sums[k] += v;
      counts[k]++;
    }
  }
  return [sums, counts];
}

function aggregate(col: Column, g: Grouping, how: AggName): Column {
  switch (how) {
    case "mean": {
      const [s, c] = sumsAndCounts(col, g);
      for (let k = 0; k < g.count; k++) s[k] = c[k] ? s[k] / c[k] : NaN;
      return Column.float64(s);
    }
    case "sum": {
      const [s] = sumsAndCounts(col, g);
      const intLike =
        (col.dtype === "int32" || col.dtype === "bool") && s.every((v) => Math.abs(v) <= 2147483647);
      return intLike ? Column.int32(Int32Array.from(s)) : Column.float64(s);
    }
    case "count": {
      const out = new Int32Array(g.count);
      for (let i = 0; i < col.length; i++) if (g.groupOf[i] >= 0 && col.isValid(i)) out[g.groupOf[i]]++;
      return Column.int32(out);
    }
    case "size":
      return Column.int32(Int32Array.from({ length: g.count }, (_, k) => g.offsets[k + 1] - g.offsets[k]));
    default: {
      const per = (k: number): Column => col.take(g.rows.subarray(g.offsets[k], g.offsets[k + 1]));
      const vals: Scalar[] = [];
      for (let k = 0; k < g.count; k++) {
        const c = per(k);
        switch (how) {
          case "min":
            vals.push(R.min(c));
            break;
          case "max":
            vals.push(R.max(c));
            break;
          case "median":
            vals.push(R.median(c));
            break;
          case "std":
            vals.push(R.std(c));
            break;
          case "var":
            vals.push(R.variance(c));
            break;
          case "prod":
            vals.push(R.prod(c));
            break;
          case "nunique":
            vals.push(R.nunique(c));
            break;
          case "first":
          case "last": {
            const present = c.toArray().filter((v) => v !== null);
            vals.push(present.length ? present[how === "first" ? 0 : present.length - 1] : null);
            break;
          }
          default:
            throw new RangeError(
              `unknown aggregation "${String(how)}"; expected mean, sum, count, size, min, max, median, std, var, prod, first, last or nunique`,
            );
        }
      }
      const out = new Series(vals).column;
      // Keep floats float (a group median of 2.0 must not turn the column into ints).
      return (col.dtype === "float64" || how === "median" || how === "std" || how === "var") &&
        out.dtype === "int32"
        ? Column.float64(Float64Array.from(out.numbers()))
        : out;
    }
  }
}

const NUMERIC_ONLY = new Set<AggName>(["mean", "sum", "median", "std", "var", "prod"]);

function keyIndex(by: readonly string[], g: Grouping, df: DataFrame): Index {
  if (by.length === 1) {
    const c = df.col(by[0]).column;
    const labels = g.keys[0].map((v) => (typeof v === "boolean" ? pyStr(v) : (v as Label)));
    return Index.from(labels, by[0], c.dtype === "float64" || c.dtype === "float32");
  }
  // Several keys: a MultiIndex, one level per key.
  return MultiIndex.build(
    g.keys,
    by,
    by.map((k) => {
      const d = df.col(k).column.dtype;
      return d === "float64" || d === "float32";
    }),
  );
}

/**
 * Rows grouped by the values of key columns (pandas' `DataFrameGroupBy`).
 *
 * @example
 * ```ts
 * housing.groupby("ocean_proximity").mean();
 * housing.groupby("ocean_proximity").col("median_house_value").median();
 * ```
 */
export class GroupBy implements Iterable<[Label, DataFrame]> {
  private readonly df: DataFrame;
  private readonly by: readonly string[];
  private readonly options: GroupByOptions;
  private readonly selected: readonly string[] | null;
  private cached?: Grouping;

  /** @internal Use `df.groupby(...)`. */
  constructor(
    df: DataFrame,
    by: readonly string[],
    options: GroupByOptions,
    selected: readonly string[] | null = null,
  ) {
    this.df = df;
    this.by = by;
    this.options = options;
    this.selected = selected;
  }

  private grouping(): Grouping {
    return (this.cached ??= factorize(this.df, this.by, this.options));
  }

  /** Number of groups. */
  get ngroups(): number {
    return this.grouping().count;
  }

  /** The grouped values of one column (pandas' `groupby(...)["v"]`). */
  col(name: string): SeriesGroupBy {
    if (!this.df.has(name)) throw unknownColumn(name, this.df.columns);
    return new SeriesGroupBy(this.df, this.by, this.options, name);
  }

  /** One column (`SeriesGroupBy`) or several (`GroupBy`), like pandas' `[...]`. */
  get(name: string): SeriesGroupBy;
  get(names: readonly string[]): GroupBy;
  get(key: string | readonly string[]): SeriesGroupBy | GroupBy {
    if (typeof key === "string") return this.col(key);
    for (const k of key) if (!this.df.has(k)) throw unknownColumn(k, this.df.columns);
    return new GroupBy(this.df, this.by, this.options, key);
  }

  private valueColumns(how: AggName): string[] {
    const names = (this.selected ?? this.df.columns).filter((n) => !this.by.includes(n));
    return NUMERIC_ONLY.has(how) ? names.filter((n) => !this.df.col(n).column.isString) : names;
  }

  private frame(names: readonly string[], cols: Column[]): DataFrame {
    const g = this.grouping();
    const idx = keyIndex(this.by, g, this.df);
    if (this.options.asIndex === false) {
      const keyCols = this.by.map((_, k) => new Series(g.keys[k]).column);
      return DataFrame.fromColumns([...this.by, ...names], [...keyCols, ...cols], Index.range(g.count));
    }
    return DataFrame.fromColumns(names, cols, idx);
  }

  /**
   * Aggregates every value column: one name for all, a list (columns named `col_fn`), or a
   * record naming the function(s) per column.
   */
  agg(how: AggName | readonly AggName[] | Readonly<Record<string, AggName | readonly AggName[]>>): DataFrame {
    const g = this.grouping();
    if (typeof how === "string") {
      const names = this.valueColumns(how);
      return this.frame(
        names,
        names.map((n) => aggregate(this.df.col(n).column, g, how)),
      );
    }
    const plan: [string, AggName, string][] = [];
    if (Array.isArray(how)) {
      const list = how as readonly AggName[];
      for (const n of this.valueColumns("count")) {
        for (const f of list)
          if (!NUMERIC_ONLY.has(f) || !this.df.col(n).column.isString) plan.push([n, f, `${n}_${f}`]);
      }
    } else {
      const rec = how as Readonly<Record<string, AggName | readonly AggName[]>>;
      for (const [n, fs] of Object.entries(rec)) {
        if (!this.df.has(n)) throw unknownColumn(n, this.df.columns);
        if (typeof fs === "string") plan.push([n, fs as AggName, n]);
        else for (const f of fs as readonly AggName[]) plan.push([n, f, `${n}_${f}`]);
      }
    }
    return this.frame(
      plan.map((p) => p[2]),
      plan.map(([n, f]) => aggregate(this.df.col(n).column, g, f)),
    );
  }

  /** Same as `agg`. */
  aggregate(
    how: AggName | readonly AggName[] | Readonly<Record<string, AggName | readonly AggName[]>>,
  ): DataFrame {
    return this.agg(how);
  }

  /** Mean of each numeric column per group. */
  mean(): DataFrame {
    return this.agg("mean");
  }
  /** Sum of each numeric column per group. */
  sum(): DataFrame {
    return this.agg("sum");
  }
  /** Present values of each column per group. */
  count(): DataFrame {
    return this.agg("count");
  }
  /** Median of each numeric column per group. */
  median(): DataFrame {
    return this.agg("median");
  }
  /** Standard deviation (ddof 1) of each numeric column per group. */
  std(): DataFrame {
    return this.agg("std");
  }
  /** Smallest value of each column per group. */
  min(): DataFrame {
    return this.agg("min");
  }
  /** Largest value of each column per group. */
  max(): DataFrame {
    return this.agg("max");
  }
  /** Distinct values of each column per group. */
  nunique(): DataFrame {
    return this.agg("nunique");
  }

  /** Rows per group, as a series. */
  size(): Series {
    const g = this.grouping();
    return Series.of(
      aggregate(this.df.col(this.by[0]).column, g, "size"),
      keyIndex(this.by, g, this.df),
      null,
    );
  }

  /** `fn` applied to each group's rows; the results make a series indexed by key. */
  apply(fn: (group: DataFrame) => Scalar): Series {
    const out: Scalar[] = [];
    for (const [, part] of this) out.push(fn(part));
    return new Series(out, { index: keyIndex(this.by, this.grouping(), this.df) });
  }

  /** Iterates over `[key, rows of that group]`. */
  *[Symbol.iterator](): Iterator<[Label, DataFrame]> {
    const g = this.grouping();
    const idx = keyIndex(this.by, g, this.df);
    for (let k = 0; k < g.count; k++)
      yield [idx.at(k), this.df.take(g.rows.subarray(g.offsets[k], g.offsets[k + 1]))];
  }

  /** @internal */
  groupingFor(): Grouping {
    return this.grouping();
  }
}

/**
 * The values of one column grouped by key (pandas' `SeriesGroupBy`).
 *
 * @example
 * ```ts
 * titanic.groupby("Sex").col("Survived").mean(); // female 0.742, male 0.189
 * ```
 */
export class SeriesGroupBy {
  private readonly parent: GroupBy;
  private readonly df: DataFrame;
  private readonly by: readonly string[];
  /** The grouped column's name. */
  readonly name: string;

  /** @internal Use `groupby(...).col(name)`. */
  constructor(df: DataFrame, by: readonly string[], options: GroupByOptions, name: string) {
    this.parent = new GroupBy(df, by, options);
    this.df = df;
    this.by = by;
    this.name = name;
  }

  private series(how: AggName): Series {
    const g = this.parent.groupingFor();
    const col = this.df.col(this.name).column;
    if (NUMERIC_ONLY.has(how) && col.isString)
      throw new TypeError(`cannot compute ${how} of the strings in "${this.name}"`);
    return Series.of(aggregate(col, g, how), keyIndex(this.by, g, this.df), this.name);
  }

  /** One aggregation as a series, or several as a frame with one column per function. */
  agg(how: AggName): Series;
  agg(how: readonly AggName[]): DataFrame;
  agg(how: AggName | readonly AggName[]): Series | DataFrame {
    if (typeof how === "string") return this.series(how);
    const list = how as readonly AggName[];
    const parts = list.map((f) => this.series(f));
    return DataFrame.fromColumns(
      [...list],
      parts.map((p) => p.column),
      parts[0].index,
    );
  }

  /** Mean per group. */
  mean(): Series {
    return this.series("mean");
  }
  /** Sum per group. */
  sum(): Series {
    return this.series("sum");
  }
  /** Present values per group. */
  count(): Series {
    return this.series("count");
  }
  /** Rows per group. */
  size(): Series {
    return this.series("size");
  }
  /** Median per group. */
  median(): Series {
    return this.series("median");
  }
  /** Standard deviation (ddof 1) per group. */
  std(): Series {
    return this.series("std");
  }
  /** Variance (ddof 1) per group. */
  var(): Series {
    return this.series("var");
  }
  /** Smallest value per group. */
  min(): Series {
    return this.series("min");
  }
  /** Largest value per group. */
  max(): Series {
    return this.series("max");
  }
  /** Distinct values per group. */
  nunique(): Series {
    return this.series("nunique");
  }
}
