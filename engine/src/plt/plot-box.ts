import { ValueError } from "../core/errors.js";
import { Tensor } from "../core/tensor.js";
import type { LineArtist } from "./artists.js";
import { colorAndAlpha, type ColorSpec } from "./colors.js";
import { column, toMatrix, toNumbers, type PlotData } from "./data.js";
import { markerShape } from "./markers.js";
import { checkOptions } from "./options.js";

/** Options of `boxplot` (matplotlib's names). */
export interface BoxplotOptions {
  /** One tick label per box (default "1", "2", …). */
  labels?: readonly string[];
  /** Where the boxes stand on the category axis (default 1, 2, …). */
  positions?: readonly number[];
  /** Box widths in data units: one number or one per box (default min(0.5, max(0.15, 0.15 × span of positions))). */
  widths?: number | readonly number[];
  /** Whiskers reach the furthest data point within `whis` × IQR of the box (default 1.5). */
  whis?: number;
  /** Vertical boxes (default); `false` lays them out horizontally. */
  vert?: boolean;
  /** Draw the points beyond the whiskers (default true). */
  showfliers?: boolean;
  /** Mark the mean with a green triangle (default false). */
  showmeans?: boolean;
  /** Colour of the median line (default "C1", orange). */
  medianColor?: ColorSpec;
  /** Colour of the box, whiskers and caps (default black). */
  color?: ColorSpec;
  /** Set the category axis' ticks to the positions and labels (default true). */
  manageTicks?: boolean;
  zorder?: number;
}

/** The numbers behind one box, as matplotlib's `cbook.boxplot_stats` computes them. */
export interface BoxStats {
  mean: number;
  q1: number;
  med: number;
  q3: number;
  iqr: number;
  whislo: number;
  whishi: number;
  fliers: number[];
}

/** What `boxplot` returns: the line artists of each part, one entry per box (two whiskers and caps). */
export interface BoxplotResult {
  boxes: LineArtist[];
  medians: LineArtist[];
  whiskers: LineArtist[];
  caps: LineArtist[];
  fliers: LineArtist[];
  means: LineArtist[];
  stats: BoxStats[];
}

// NumPy's default ("linear") percentile of sorted values, with its interpolation formula.
function percentileSorted(s: Float64Array, q: number): number {
  const h = ((s.length - 1) * q) / 100;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, s.length - 1);
  const t = h - lo;
  const a = s[lo];
  const b = s[hi];
  return t >= 0.5 ? b - (b - a) * (1 - t) : a + (b - a) * t;
}

/**
 * Quartiles, whisker ends and outliers of one data set: whiskers reach the most extreme points
 * within `whis` × IQR of the quartiles; everything beyond is a flier (matplotlib's rules).
 */
export function boxStats(values: Float64Array, whis = 1.5): BoxStats {
  const x = values.filter((v) => !Number.isNaN(v));
  if (x.length === 0) {
    return { mean: NaN, q1: NaN, med: NaN, q3: NaN, iqr: NaN, whislo: NaN, whishi: NaN, fliers: [] };
  }
  const s = Float64Array.from(x).sort();
  let sum = 0;
  for (const v of x) sum += v;
  const q1 = percentileSorted(s, 25);
  const med = percentileSorted(s, 50);
  const q3 = percentileSorted(s, 75);
  const iqr = q3 - q1;
  const loval = q1 - whis * iqr;
  const hival = q3 + whis * iqr;
  let hiMax = -Infinity;
  let loMin = Infinity;
  for (const v of x) {
    if (v <= hival && v > hiMax) hiMax = v;
    if (v >= loval && v < loMin) loMin = v;
  }
  const whishi = hiMax === -Infinity || hiMax < q3 ? q3 : hiMax;
  const whislo = loMin === Infinity || loMin > q1 ? q1 : loMin;
  const fliers = [...x.filter((v) => v < whislo), ...x.filter((v) => v > whishi)];
  return { mean: sum / x.length, q1, med, q3, iqr, whislo, whishi, fliers };
}

/** The data sets of `boxplot`: the columns of a 2-D array, one 1-D array, or a list of arrays. */
function dataSets(x: PlotData | readonly PlotData[]): Float64Array[] {
  if (Array.isArray(x) && x.length > 0 && x.every((d) => typeof d !== "number")) {
    return (x as readonly PlotData[]).map((d, i) => toNumbers(d, "boxplot", `x[${i}]`));
  }
  const m = toMatrix(x as PlotData, "boxplot", "x");
  if (m.cols === 1 || (x instanceof Tensor && x.ndim <= 1)) return [m.data];
  return Array.from({ length: m.cols }, (_, j) => column(m, j));
}

function line(
  xs: number[],
  ys: number[],
  vert: boolean,
  color: string,
  zorder: number,
  dashed: boolean,
): LineArtist {
  return {
    kind: "line",
    x: Float64Array.from(vert ? xs : ys),
    y: Float64Array.from(vert ? ys : xs),
    color,
    alpha: 1,
    lineWidth: 1,
    dash: dashed ? null : [],
    markerSize: 6,
    markerFace: color,
    markerEdge: color,
    zorder,
  };
}

/** Builds the artists of a box-and-whisker plot; `setTicks` receives the positions and labels. */
export function boxplotArtists(
  x: PlotData | readonly PlotData[],
  opts: BoxplotOptions,
  setTicks: (axis: "x" | "y", positions: number[], labels: string[]) => void,
): BoxplotResult {
  checkOptions("boxplot", opts, [
    "labels",
    "positions",
    "widths",
    "whis",
    "vert",
    "showfliers",
    "showmeans",
    "medianColor",
    "color",
    "manageTicks",
    "zorder",
  ]);
  const sets = dataSets(x);
  const n = sets.length;
  const whis = opts.whis ?? 1.5;
  if (!(whis >= 0)) throw new ValueError(`plt.boxplot: whis must be a number ≥ 0, got ${String(whis)}`);
  const positions = opts.positions ? [...opts.positions] : sets.map((_, i) => i + 1);
  const count = (name: string, got: number) => {
    if (got !== n)
      throw new ValueError(`plt.boxplot: ${name} has ${got} entries for ${n} data sets; give one per box`);
  };
  count("positions", positions.length);
  if (opts.labels) count("labels", opts.labels.length);
  let widths: number[];
  if (opts.widths === undefined) {
    const span = n > 0 ? Math.max(...positions) - Math.min(...positions) : 0;
    widths = positions.map(() => Math.min(0.5, Math.max(0.15, 0.15 * span)));
  } else if (typeof opts.widths === "number") widths = positions.map(() => opts.widths as number);
  else {
    widths = [...opts.widths];
    count("widths", widths.length);
  }
  const vert = opts.vert ?? true;
  const color = opts.color === undefined ? "#000000" : colorAndAlpha(opts.color, "boxplot", "color").hex;
  const medianColor =
    opts.medianColor === undefined
      ? "#ff7f0e"
      : colorAndAlpha(opts.medianColor, "boxplot", "medianColor").hex;
  const z = opts.zorder ?? 2;
  const out: BoxplotResult = {
    boxes: [],
    medians: [],
    whiskers: [],
    caps: [],
    fliers: [],
    means: [],
    stats: [],
  };
  sets.forEach((values, i) => {
    const st = boxStats(values, whis);
    out.stats.push(st);
    const p = positions[i];
    const [l, r] = [p - widths[i] / 2, p + widths[i] / 2];
    const [cl, cr] = [p - widths[i] / 4, p + widths[i] / 4];
    out.boxes.push(line([l, r, r, l, l], [st.q1, st.q1, st.q3, st.q3, st.q1], vert, color, z, false));
    out.medians.push(line([l, r], [st.med, st.med], vert, medianColor, z, false));
    out.whiskers.push(line([p, p], [st.q1, st.whislo], vert, color, z, false));
    out.whiskers.push(line([p, p], [st.q3, st.whishi], vert, color, z, false));
    out.caps.push(line([cl, cr], [st.whislo, st.whislo], vert, color, z, false));
    out.caps.push(line([cl, cr], [st.whishi, st.whishi], vert, color, z, false));
    if (opts.showfliers ?? true) {
      const f = line(
        st.fliers.map(() => p),
        st.fliers,
        vert,
        color,
        z,
        true,
      );
      f.marker = { ...markerShape("o", "boxplot"), filled: false };
      out.fliers.push(f);
    }
    if (opts.showmeans) {
      const m = line([p], [st.mean], vert, "#2ca02c", z, true);
      m.marker = markerShape("^", "boxplot");
      out.means.push(m);
    }
  });
  if (opts.manageTicks ?? true) {
    setTicks(vert ? "x" : "y", positions, opts.labels ? [...opts.labels] : positions.map(String));
    // matplotlib pads the category axis by 0.5 beyond the outer boxes, without a margin.
    if (n > 0) {
      const pad = [Math.min(...positions) - 0.5, Math.max(...positions) + 0.5];
      out.medians[0][vert ? "stickyX" : "stickyY"] = pad;
    }
  }
  return out;
}
