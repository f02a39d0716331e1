import { pyFloatRepr } from "./build.js";
import { Column, type Scalar } from "./column.js";
import { DataFrame } from "./frame.js";
import { Index } from "./labels.js";
import * as R from "./reduce.js";
import { Series } from "./series.js";

const DEFAULT_PERCENTILES = [0.25, 0.5, 0.75];

/** pandas' percentile labels: "25%", "50%", "33.3%". */
function percentileLabel(p: number): string {
  const x = Number((p * 100).toPrecision(12));
  return `${Number.isInteger(x) ? String(x) : pyFloatRepr(x)}%`;
}

function statLabels(percentiles: readonly number[]): string[] {
  return ["count", "mean", "std", "min", ...percentiles.map(percentileLabel), "max"];
}

/** count, mean, std, min, percentiles, max of a numeric column. */
function numericStats(col: Column, percentiles: readonly number[]): Float64Array {
  const sorted = R.sortedValues(col);
  const n = sorted.length;
  return Float64Array.from([
    n,
    R.mean(col),
    R.std(col),
    n ? sorted[0] : NaN,
    ...percentiles.map((p) => R.quantileSorted(sorted, p)),
    n ? sorted[n - 1] : NaN,
  ]);
}

/** count, unique, top, freq of a string or bool column (ties for top: first seen). */
function objectStats(col: Column): Scalar[] {
  const counts = new Map<Scalar, number>();
  let present = 0;
  for (let i = 0; i < col.length; i++) {
    const v = col.get(i);
    if (v === null) continue;
    present++;
    counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  let top: Scalar = null;
  let freq = 0;
  for (const [v, c] of counts) {
    if (c > freq) {
      top = v;
      freq = c;
    }
  }
  const shown = typeof top === "boolean" ? (top ? "True" : "False") : top;
  return [present, counts.size, shown, present ? freq : null];
}

function checkPercentiles(p: readonly number[] | undefined): number[] {
  const list = [...(p ?? DEFAULT_PERCENTILES)];
  for (const q of list)
    if (!(q >= 0 && q <= 1))
      throw new RangeError(`percentiles should all be in the interval [0, 1], got ${q}`);
  if (!list.includes(0.5)) list.push(0.5);
  return [...new Set(list)].sort((a, b) => a - b);
}

/** `series.describe()`: numeric statistics, or count/unique/top/freq for strings and bools. */
export function describeSeries(s: Series, percentiles?: readonly number[]): Series {
  if (s.column.isNumeric) {
    const p = checkPercentiles(percentiles);
    return Series.of(Column.float64(numericStats(s.column, p)), Index.from(statLabels(p)), s.name);
  }
  return new Series(objectStats(s.column), {
    index: ["count", "unique", "top", "freq"],
    name: s.name,
    dtype: "object",
  });
}

/** Options of `df.describe()`. */
export interface DescribeOptions {
  /** Quantiles to report (the median is always added). Default [0.25, 0.5, 0.75]. */
  percentiles?: readonly number[];
  /** "all" describes every column; default: numeric columns (or all, when none is numeric). */
  include?: "all";
}

/** `df.describe()`: one column of statistics per numeric column (pandas' default). */
export function describeFrame(df: DataFrame, options: DescribeOptions = {}): DataFrame {
  const names = df.columns;
  const cols = names.map((n) => df.col(n).column);
  const numeric = names.filter((_, j) => cols[j].isNumeric);
  const p = checkPercentiles(options.percentiles);
  if (options.include !== "all" && numeric.length > 0) {
    const out = numeric.map((n) => Column.float64(numericStats(df.col(n).column, p)));
    return DataFrame.fromColumns(numeric, out, Index.from(statLabels(p)));
  }
  if (options.include !== "all") {
    const out = cols.map((c) => Column.strings(objectStats(c).map((v) => (v === null ? null : String(v)))));
    return DataFrame.fromColumns(names, out, Index.from(["count", "unique", "top", "freq"]));
  }
  // Everything: the union of both row sets, missing where a statistic does not apply.
  const anyObject = cols.some((c) => !c.isNumeric);
  const rows = [...(anyObject ? ["count", "unique", "top", "freq"] : ["count"]), ...statLabels(p).slice(1)];
  const out = cols.map((c) => {
    const vals: Scalar[] = new Array(rows.length).fill(null);
    if (c.isNumeric) {
      const st = numericStats(c, p);
      vals[0] = st[0];
      for (let k = 1; k < st.length; k++) vals[rows.length - st.length + k] = st[k];
    } else {
      objectStats(c).forEach((v, k) => (vals[k] = v));
    }
    return Column.strings(
      vals.map((v) =>
        v === null
          ? null
          : typeof v === "number"
            ? pyFloatRepr(v, Number.isInteger(v) && !c.isNumeric)
            : String(v),
      ),
    );
  });
  return DataFrame.fromColumns(names, out, Index.from(rows));
}
