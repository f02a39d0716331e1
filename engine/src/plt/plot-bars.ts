import { ValueError } from "../core/errors.js";
import type { RectArtist } from "./artists.js";
import { colorAndAlpha, type ColorSpec } from "./colors.js";
import { toNumbers, type PlotData } from "./data.js";
import { checkChoice, checkOptions } from "./options.js";

/** Options of `hist`. */
export interface HistOptions {
  /** Number of equal bins (default 10) or the bin edges. */
  bins?: number | PlotData;
  /** Lower and upper edge of the bins (default: data min and max). */
  range?: [number, number];
  /** Scale counts so the histogram integrates to 1. */
  density?: boolean;
  weights?: PlotData;
  cumulative?: boolean;
  histtype?: "bar" | "stepfilled" | "step";
  orientation?: "vertical" | "horizontal";
  color?: ColorSpec;
  edgecolor?: ColorSpec;
  alpha?: number;
  label?: string;
  /** Relative width of the bars in their bin (matplotlib's rwidth). */
  rwidth?: number;
  zorder?: number;
}

/** Options of `bar` and `barh`. */
export interface BarOptions {
  /** Bar thickness in data units (default 0.8); `width` for bar, `height` for barh. */
  width?: number | PlotData;
  height?: number | PlotData;
  /** Where bars start (bar: `bottom`, barh: `left`). */
  bottom?: number | PlotData;
  left?: number | PlotData;
  align?: "center" | "edge";
  color?: ColorSpec;
  edgecolor?: ColorSpec;
  alpha?: number;
  label?: string;
  /** Category labels placed under the bars. */
  tickLabel?: readonly string[];
  linewidth?: number;
  zorder?: number;
}

/** Bin counts and edges, as NumPy's histogram computes them (last bin closed). */
export function histogram(
  values: Float64Array,
  bins: number | Float64Array,
  range?: [number, number],
  weights?: Float64Array,
): { counts: Float64Array; edges: Float64Array } {
  let edges: Float64Array;
  if (typeof bins === "number") {
    if (!Number.isInteger(bins) || bins < 1)
      throw new ValueError(`plt.hist: bins must be a positive integer or an array of edges, got ${bins}`);
    let lo = range?.[0] ?? Infinity;
    let hi = range?.[1] ?? -Infinity;
    if (range === undefined) {
      for (const v of values) {
        if (Number.isNaN(v)) continue;
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
      if (lo === Infinity) [lo, hi] = [0, 1];
    }
    if (lo === hi) [lo, hi] = [lo - 0.5, hi + 0.5];
    edges = new Float64Array(bins + 1);
    for (let i = 0; i <= bins; i++) edges[i] = lo + ((hi - lo) * i) / bins;
  } else {
    edges = bins;
    for (let i = 1; i < edges.length; i++)
      if (!(edges[i] > edges[i - 1])) throw new ValueError("plt.hist: bin edges must increase monotonically");
  }
  const nb = edges.length - 1;
  const counts = new Float64Array(nb);
  const lo = edges[0];
  const hi = edges[nb];
  const uniform = typeof bins === "number";
  for (let k = 0; k < values.length; k++) {
    const v = values[k];
    if (!(v >= lo && v <= hi)) continue;
    let b: number;
    if (uniform) b = Math.min(nb - 1, Math.floor(((v - lo) / (hi - lo)) * nb));
    else {
      let a = 0;
      let z = nb;
      while (z - a > 1) {
        const m = (a + z) >> 1;
        if (v >= edges[m]) a = m;
        else z = m;
      }
      b = a;
    }
    counts[b] += weights ? weights[k] : 1;
  }
  return { counts, edges };
}

/** Builds the bars of a histogram and returns them with the counts and edges. */
export function histArtist(
  xIn: PlotData,
  opts: HistOptions,
  nextColor: () => string,
): { artist: RectArtist; counts: Float64Array; edges: Float64Array } {
  checkOptions("hist", opts, [
    "bins",
    "range",
    "density",
    "weights",
    "cumulative",
    "histtype",
    "orientation",
    "color",
    "edgecolor",
    "alpha",
    "label",
    "rwidth",
    "zorder",
  ]);
  const values = toNumbers(xIn, "hist", "x");
  const bins =
    opts.bins === undefined
      ? 10
      : typeof opts.bins === "number"
        ? opts.bins
        : toNumbers(opts.bins, "hist", "bins");
  const weights = opts.weights === undefined ? undefined : toNumbers(opts.weights, "hist", "weights");
  if (weights && weights.length !== values.length)
    throw new ValueError(`plt.hist: weights has ${weights.length} values for ${values.length} data points`);
  const { counts, edges } = histogram(values, bins, opts.range, weights);
  if (opts.density) {
    let total = 0;
    for (let i = 0; i < counts.length; i++) total += counts[i];
    for (let i = 0; i < counts.length; i++) counts[i] /= total * (edges[i + 1] - edges[i]);
  }
  if (opts.cumulative) {
    // A cumulative density ends at 1: accumulate the bin masses, not the densities.
    let run = 0;
    for (let i = 0; i < counts.length; i++) {
      run += opts.density ? counts[i] * (edges[i + 1] - edges[i]) : counts[i];
      counts[i] = run;
    }
  }
  const histtype = checkChoice("hist", "histtype", opts.histtype ?? "bar", ["bar", "stepfilled", "step"]);
  const horizontal =
    checkChoice("hist", "orientation", opts.orientation ?? "vertical", ["vertical", "horizontal"]) ===
    "horizontal";
  const nb = counts.length;
  const rw = opts.rwidth ?? 1;
  const a0 = new Float64Array(nb);
  const a1 = new Float64Array(nb);
  const zero = new Float64Array(nb);
  for (let i = 0; i < nb; i++) {
    const w = edges[i + 1] - edges[i];
    a0[i] = edges[i] + (w * (1 - rw)) / 2;
    a1[i] = edges[i + 1] - (w * (1 - rw)) / 2;
  }
  const { hex, alpha } =
    opts.color === undefined ? { hex: nextColor(), alpha: 1 } : colorAndAlpha(opts.color, "hist", "color");
  const edge =
    opts.edgecolor === undefined ? undefined : colorAndAlpha(opts.edgecolor, "hist", "edgecolor").hex;
  const step = histtype === "step";
  const artist: RectArtist = {
    kind: "rects",
    x0: horizontal ? zero : a0,
    x1: horizontal ? counts.slice() : a1,
    y0: horizontal ? a0 : zero,
    y1: horizontal ? a1 : counts.slice(),
    color: step ? "transparent" : hex,
    edgecolor: step ? hex : edge,
    lineWidth: step ? 1.5 : edge ? 1 : 0,
    alpha: (opts.alpha ?? 1) * alpha,
    label: opts.label,
    stickyY: horizontal ? undefined : 0,
    stickyX: horizontal ? 0 : undefined,
    zorder: opts.zorder ?? 1,
  };
  return { artist, counts, edges };
}

function broadcast(
  v: number | PlotData | undefined,
  n: number,
  dflt: number,
  fn: string,
  name: string,
): Float64Array {
  if (v === undefined) return new Float64Array(n).fill(dflt);
  if (typeof v === "number") return new Float64Array(n).fill(v);
  const a = toNumbers(v, fn, name);
  if (a.length === 1) return new Float64Array(n).fill(a[0]);
  if (a.length !== n)
    throw new ValueError(
      `plt.${fn}: ${name} must be one number or one per bar; got ${a.length} values for ${n} bars`,
    );
  return a;
}

/** Builds the bars of `bar` (vertical) or `barh` (horizontal); string positions become categories. */
export function barArtist(
  fn: "bar" | "barh",
  posIn: PlotData | readonly string[],
  lengthIn: number | PlotData,
  opts: BarOptions,
  nextColor: () => string,
): { artist: RectArtist; categories?: string[] } {
  const horizontal = fn === "barh";
  checkOptions(fn, opts, [
    horizontal ? "height" : "width",
    horizontal ? "left" : "bottom",
    "align",
    "color",
    "edgecolor",
    "alpha",
    "label",
    "tickLabel",
    "linewidth",
    "zorder",
  ]);
  let categories: string[] | undefined;
  let pos: Float64Array;
  if (Array.isArray(posIn) && posIn.length > 0 && typeof posIn[0] === "string") {
    categories = (posIn as readonly string[]).map(String);
    pos = Float64Array.from(categories, (_, i) => i);
  } else pos = toNumbers(posIn as PlotData, fn, horizontal ? "y" : "x");
  const n = pos.length;
  const len = broadcast(lengthIn, n, 0, fn, horizontal ? "width" : "height");
  const thick = broadcast(horizontal ? opts.height : opts.width, n, 0.8, fn, horizontal ? "height" : "width");
  const base = broadcast(horizontal ? opts.left : opts.bottom, n, 0, fn, horizontal ? "left" : "bottom");
  const align = checkChoice(fn, "align", opts.align ?? "center", ["center", "edge"]);
  const a0 = new Float64Array(n);
  const a1 = new Float64Array(n);
  const b0 = new Float64Array(n);
  const b1 = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    a0[i] = align === "center" ? pos[i] - thick[i] / 2 : pos[i];
    a1[i] = a0[i] + thick[i];
    b0[i] = base[i];
    b1[i] = base[i] + len[i];
  }
  const { hex, alpha } =
    opts.color === undefined ? { hex: nextColor(), alpha: 1 } : colorAndAlpha(opts.color, fn, "color");
  if (opts.tickLabel) categories = [...opts.tickLabel];
  return {
    artist: {
      kind: "rects",
      x0: horizontal ? b0 : a0,
      x1: horizontal ? b1 : a1,
      y0: horizontal ? a0 : b0,
      y1: horizontal ? a1 : b1,
      color: hex,
      edgecolor:
        opts.edgecolor === undefined ? undefined : colorAndAlpha(opts.edgecolor, fn, "edgecolor").hex,
      lineWidth: opts.linewidth ?? (opts.edgecolor === undefined ? 0 : 1),
      alpha: (opts.alpha ?? 1) * alpha,
      label: opts.label,
      stickyY: horizontal ? undefined : 0,
      stickyX: horizontal ? 0 : undefined,
      zorder: opts.zorder ?? 1,
    },
    categories,
  };
}
