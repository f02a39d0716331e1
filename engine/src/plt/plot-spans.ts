import { ValueError } from "../core/errors.js";
import type { LineArtist, PolygonArtist, SegmentsArtist } from "./artists.js";
import { colorAndAlpha, type ColorSpec } from "./colors.js";
import { checkSameLength, toNumbers, type PlotData } from "./data.js";
import { dashArray, LINE_STYLES } from "./format-string.js";
import { checkChoice, checkOptions } from "./options.js";
import { plotLines } from "./plot-lines.js";
import { rcParams } from "./rc.js";

/** Options of `axhline`/`axvline`. */
export interface AxLineOptions {
  /** Start and end as fractions of the axes width (axhline) or height (axvline). */
  xmin?: number;
  xmax?: number;
  ymin?: number;
  ymax?: number;
  color?: ColorSpec;
  c?: ColorSpec;
  linestyle?: string;
  ls?: string;
  linewidth?: number;
  lw?: number;
  alpha?: number;
  label?: string;
  zorder?: number;
}

/** Options of `hlines`/`vlines`. */
export interface LinesOptions {
  colors?: ColorSpec;
  color?: ColorSpec;
  linestyles?: string;
  linestyle?: string;
  linewidth?: number;
  linewidths?: number;
  alpha?: number;
  label?: string;
  zorder?: number;
}

function style(fn: string, ls: string | undefined, lw: number): number[] {
  const s = checkChoice(fn, "linestyle", ls ?? "-", LINE_STYLES);
  return dashArray(s, lw) ?? [];
}

/** Builds `axhline(y)` (horizontal) or `axvline(x)` (vertical): data position across an axes-fraction span. */
export function axLine(fn: "axhline" | "axvline", at: number, opts: AxLineOptions): SegmentsArtist {
  const horizontal = fn === "axhline";
  checkOptions(fn, opts, [
    horizontal ? "xmin" : "ymin",
    horizontal ? "xmax" : "ymax",
    "color",
    "c",
    "linestyle",
    "ls",
    "linewidth",
    "lw",
    "alpha",
    "label",
    "zorder",
  ]);
  const lw = opts.linewidth ?? opts.lw ?? rcParams["lines.linewidth"];
  const { hex, alpha } = colorAndAlpha(opts.color ?? opts.c ?? "C0", fn, "color");
  const lo = (horizontal ? opts.xmin : opts.ymin) ?? 0;
  const hi = (horizontal ? opts.xmax : opts.ymax) ?? 1;
  const pos = Float64Array.of(at);
  const span0 = Float64Array.of(lo);
  const span1 = Float64Array.of(hi);
  return {
    kind: "segments",
    x0: horizontal ? span0 : pos,
    x1: horizontal ? span1 : pos,
    y0: horizontal ? pos : span0,
    y1: horizontal ? pos : span1,
    xCoords: horizontal ? "axes" : "data",
    yCoords: horizontal ? "data" : "axes",
    color: hex,
    lineWidth: lw,
    dash: style(fn, opts.linestyle ?? opts.ls, lw),
    alpha: (opts.alpha ?? 1) * alpha,
    label: opts.label,
    zorder: opts.zorder ?? 2,
  };
}

function broadcast(fn: string, name: string, v: number | PlotData, n: number): Float64Array {
  if (typeof v === "number") return new Float64Array(n).fill(v);
  const a = toNumbers(v, fn, name);
  if (a.length === 1) return new Float64Array(n).fill(a[0]);
  if (a.length !== n)
    throw new ValueError(
      `plt.${fn}: ${name} must be one number or one per line; got ${a.length} for ${n} lines`,
    );
  return a;
}

/** Builds `hlines(y, xmin, xmax)` or `vlines(x, ymin, ymax)`, all in data units. */
export function dataLines(
  fn: "hlines" | "vlines",
  at: number | PlotData,
  from: number | PlotData,
  to: number | PlotData,
  opts: LinesOptions,
): SegmentsArtist {
  checkOptions(fn, opts, [
    "colors",
    "color",
    "linestyles",
    "linestyle",
    "linewidth",
    "linewidths",
    "alpha",
    "label",
    "zorder",
  ]);
  const pos = typeof at === "number" ? Float64Array.of(at) : toNumbers(at, fn, fn === "hlines" ? "y" : "x");
  const n = pos.length;
  const a = broadcast(fn, fn === "hlines" ? "xmin" : "ymin", from, n);
  const b = broadcast(fn, fn === "hlines" ? "xmax" : "ymax", to, n);
  const lw = opts.linewidth ?? opts.linewidths ?? rcParams["lines.linewidth"];
  const { hex, alpha } = colorAndAlpha(opts.colors ?? opts.color ?? "C0", fn, "colors");
  const h = fn === "hlines";
  return {
    kind: "segments",
    x0: h ? a : pos,
    x1: h ? b : pos,
    y0: h ? pos : a,
    y1: h ? pos : b,
    xCoords: "data",
    yCoords: "data",
    color: hex,
    lineWidth: lw,
    dash: style(fn, opts.linestyles ?? opts.linestyle, lw),
    alpha: (opts.alpha ?? 1) * alpha,
    label: opts.label,
    zorder: opts.zorder ?? 2,
  };
}

/** Options of `fillBetween`. */
export interface FillOptions {
  color?: ColorSpec;
  facecolor?: ColorSpec;
  edgecolor?: ColorSpec;
  alpha?: number;
  label?: string;
  linewidth?: number;
  /** Only fill where this is true (one flag per point). */
  where?: PlotData | readonly boolean[];
  zorder?: number;
}

/**
 * Builds `fillBetween(x, y1, y2)` (vertical span between two curves) or, with `horizontal`,
 * `fillBetweenx(y, x1, x2)`. Each run of points where `where` holds becomes one polygon.
 */
export function fillArtist(
  fn: "fillBetween" | "fillBetweenx",
  t: PlotData,
  a: number | PlotData,
  b: number | PlotData,
  opts: FillOptions,
  nextColor: () => string,
): PolygonArtist {
  checkOptions(fn, opts, [
    "color",
    "facecolor",
    "edgecolor",
    "alpha",
    "label",
    "linewidth",
    "where",
    "zorder",
  ]);
  const tt = toNumbers(t, fn, fn === "fillBetween" ? "x" : "y");
  const n = tt.length;
  const v1 = broadcast(fn, fn === "fillBetween" ? "y1" : "x1", a, n);
  const v2 = broadcast(fn, fn === "fillBetween" ? "y2" : "x2", b, n);
  const where = opts.where === undefined ? undefined : toNumbers(opts.where as PlotData, fn, "where");
  if (where) checkSameLength(fn, where, "where", tt, "x");
  const spec = opts.facecolor ?? opts.color;
  const { hex, alpha } =
    spec === undefined ? { hex: nextColor(), alpha: 1 } : colorAndAlpha(spec, fn, "color");
  const polygons: PolygonArtist["polygons"] = [];
  let start = -1;
  const flush = (end: number): void => {
    if (start < 0 || end - start < 1) return;
    const fwd = Array.from({ length: end - start + 1 }, (_, k) => start + k);
    const back = [...fwd].reverse();
    const along = [...fwd.map((i) => tt[i]), ...back.map((i) => tt[i])];
    const across = [...fwd.map((i) => v1[i]), ...back.map((i) => v2[i])];
    polygons.push({
      rings: [fn === "fillBetween" ? { x: along, y: across } : { x: across, y: along }],
      fill: hex,
    });
  };
  for (let i = 0; i < n; i++) {
    const ok = where ? where[i] !== 0 : true;
    if (ok && start < 0) start = i;
    if (!ok && start >= 0) {
      flush(i - 1);
      start = -1;
    }
  }
  flush(n - 1);
  return {
    kind: "polygons",
    polygons,
    edgecolor: opts.edgecolor === undefined ? undefined : colorAndAlpha(opts.edgecolor, fn, "edgecolor").hex,
    lineWidth: opts.linewidth ?? (opts.edgecolor === undefined ? 0 : 1),
    alpha: (opts.alpha ?? 1) * alpha,
    label: opts.label,
    sticky: false,
    zorder: opts.zorder ?? 1,
  };
}

/** Options of `errorbar`. */
export interface ErrorbarOptions {
  /** Symmetric errors (one value or one per point), or [below, above]. */
  yerr?: number | PlotData;
  xerr?: number | PlotData;
  /** Format string of the data line/markers (default "-" line). */
  fmt?: string;
  color?: ColorSpec;
  ecolor?: ColorSpec;
  elinewidth?: number;
  /** Length of the error bar caps in pixels (default 0: no caps). */
  capsize?: number;
  label?: string;
  alpha?: number;
  linewidth?: number;
  markersize?: number;
  zorder?: number;
}

function errs(fn: string, name: string, v: number | PlotData, n: number): [Float64Array, Float64Array] {
  if (typeof v !== "number") {
    const a = toNumbers(v, fn, name);
    if (a.length === 2 * n && n !== 2) return [a.slice(0, n), a.slice(n)];
  }
  const s = broadcast(fn, name, v, n);
  return [s, s];
}

/** Builds `errorbar`: the data line (via plot) and the error segments. */
export function errorbarArtists(
  xIn: PlotData,
  yIn: PlotData,
  opts: ErrorbarOptions,
  nextColor: () => string,
): { line: LineArtist[]; bars: SegmentsArtist[] } {
  checkOptions("errorbar", opts, [
    "yerr",
    "xerr",
    "fmt",
    "color",
    "ecolor",
    "elinewidth",
    "capsize",
    "label",
    "alpha",
    "linewidth",
    "markersize",
    "zorder",
  ]);
  const x = toNumbers(xIn, "errorbar", "x");
  const y = toNumbers(yIn, "errorbar", "y");
  checkSameLength("errorbar", x, "x", y, "y");
  const lineOpts: Record<string, unknown> = {};
  if (opts.color !== undefined) lineOpts.color = opts.color;
  if (opts.label !== undefined) lineOpts.label = opts.label;
  if (opts.alpha !== undefined) lineOpts.alpha = opts.alpha;
  if (opts.linewidth !== undefined) lineOpts.linewidth = opts.linewidth;
  if (opts.markersize !== undefined) lineOpts.markersize = opts.markersize;
  const fmt = opts.fmt === "none" ? undefined : opts.fmt;
  const line = plotLines(fmt === undefined ? [x, y, lineOpts] : [x, y, fmt, lineOpts], nextColor);
  if (opts.fmt === "none") for (const l of line) l.dash = null;
  const color =
    opts.ecolor === undefined ? line[0].color : colorAndAlpha(opts.ecolor, "errorbar", "ecolor").hex;
  const lw = opts.elinewidth ?? line[0].lineWidth;
  const n = x.length;
  const bars: SegmentsArtist[] = [];
  const seg = (x0: Float64Array, x1: Float64Array, y0: Float64Array, y1: Float64Array): SegmentsArtist => ({
    kind: "segments",
    x0,
    x1,
    y0,
    y1,
    xCoords: "data",
    yCoords: "data",
    color,
    lineWidth: lw,
    dash: [],
    alpha: opts.alpha ?? 1,
    zorder: 2,
    caps: opts.capsize,
  });
  if (opts.yerr !== undefined) {
    const [lo, hi] = errs("errorbar", "yerr", opts.yerr, n);
    bars.push(
      seg(
        x,
        x,
        y.map((v, i) => v - lo[i]),
        y.map((v, i) => v + hi[i]),
      ),
    );
  }
  if (opts.xerr !== undefined) {
    const [lo, hi] = errs("errorbar", "xerr", opts.xerr, n);
    bars.push(
      seg(
        x.map((v, i) => v - lo[i]),
        x.map((v, i) => v + hi[i]),
        y,
        y,
      ),
    );
  }
  if (opts.fmt === "none") line.length = line.some((l) => l.marker) ? line.length : 0;
  return { line, bars };
}
