import { pyFloatRepr, pyStr } from "./build.js";
import { Column, type Scalar } from "./column.js";
import { Series } from "./series.js";

/** Options of `pd.cut`. */
export interface CutOptions {
  /** Bin edges (increasing), or a number of equal-width bins over the data's range. */
  bins: number | readonly number[];
  /** Labels of the bins; `false` gives bin numbers; default: interval names like "(0.0, 1.5]". */
  labels?: readonly Scalar[] | false;
  /** Bins include their right edge (default true). */
  right?: boolean;
  /** The first bin also includes its left edge. */
  includeLowest?: boolean;
}

// pandas' _round_frac: rounds to `precision` significant digits past the leading zeros.
function roundFrac(x: number, precision: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  const whole = Math.trunc(x);
  const digits = whole === 0 ? -Math.floor(Math.log10(Math.abs(x - whole))) - 1 + precision : precision;
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

function intervalLabels(edges: readonly number[], right: boolean, includeLowest: boolean): string[] {
  // The smallest precision (from 3) that keeps the edges distinct, as pandas infers it.
  let precision = 3;
  for (; precision < 20; precision++) {
    const r = edges.map((e) => roundFrac(e, precision));
    if (new Set(r).size === edges.length) break;
  }
  const edge = edges.map((e) => roundFrac(e, precision));
  // pandas widens the first left edge by one unit of precision when it is included.
  if (right && includeLowest) edge[0] -= 10 ** -precision;
  return edge
    .slice(0, -1)
    .map((lo, i) =>
      right
        ? `(${pyFloatRepr(lo)}, ${pyFloatRepr(edge[i + 1])}]`
        : `[${pyFloatRepr(lo)}, ${pyFloatRepr(edge[i + 1])})`,
    );
}

/**
 * Values sorted into bins (pandas' `cut`), giving an ordered categorical series.
 *
 * @example
 * ```ts
 * pd.cut(housing.col("median_income"), { bins: [0, 1.5, 3, 4.5, 6, Infinity], labels: [1, 2, 3, 4, 5] });
 * ```
 */
export function cut(x: Series, options: CutOptions): Series {
  const v = x.column.numbers();
  const right = options.right ?? true;
  let edges: number[];
  if (typeof options.bins === "number") {
    const k = options.bins;
    if (!Number.isInteger(k) || k < 1) throw new RangeError("bins should be a positive integer");
    let mn = Infinity;
    let mx = -Infinity;
    for (const a of v) {
      if (a === a) {
        mn = Math.min(mn, a);
        mx = Math.max(mx, a);
      }
    }
    if (mn === mx) {
      mn -= 0.001 * Math.abs(mn) || 0.001;
      mx += 0.001 * Math.abs(mx) || 0.001;
    }
    edges = Array.from({ length: k + 1 }, (_, i) => mn + ((mx - mn) * i) / k);
    edges[k] = mx;
    const adj = (mx - mn) * 0.001;
    if (right) edges[0] -= adj;
    else edges[k] += adj;
  } else {
    edges = [...options.bins];
    for (let i = 1; i < edges.length; i++)
      if (!(edges[i] > edges[i - 1])) throw new RangeError("bins must increase monotonically");
  }
  const nb = edges.length - 1;
  const labels = options.labels;
  if (Array.isArray(labels) && labels.length !== nb) {
    throw new RangeError(
      `bin labels must be one fewer than the number of bin edges (${nb} bins, ${labels.length} labels)`,
    );
  }
  const lowest = options.includeLowest ?? false;
  const codes = new Int32Array(v.length);
  for (let i = 0; i < v.length; i++) {
    const a = v[i];
    let code = -1;
    if (a === a) {
      // Binary search for the bin holding a.
      let lo = 0;
      let hi = nb;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (right ? a > edges[mid + 1] : a >= edges[mid + 1]) lo = mid + 1;
        else hi = mid;
      }
      if (lo < nb) {
        const inside = right
          ? a > edges[lo] || (lowest && lo === 0 && a === edges[0])
          : a >= edges[lo] && a < edges[lo + 1];
        if (inside) code = lo;
      }
    }
    codes[i] = code;
  }
  if (labels === false) {
    const missing = codes.some((c) => c < 0);
    const col = missing
      ? Column.float64(Float64Array.from(codes, (c) => (c < 0 ? NaN : c)))
      : Column.int32(codes);
    return Series.of(col, x.index, x.name);
  }
  const names = Array.isArray(labels)
    ? labels.map((l) => (l === null ? "NaN" : pyStr(l, typeof l === "number" && Number.isInteger(l))))
    : intervalLabels(edges, right, lowest);
  return Series.of(Column.fromCodes(codes, names, true, true), x.index, x.name);
}
