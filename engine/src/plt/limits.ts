import type { Artist } from "./artists.js";
import type { AxesBase, AxisState } from "./axes-base.js";

/** One axis of a laid-out axes: its scale type, domain and the data → pixel map. */
export interface AxisFrame {
  type: "linear" | "log";
  /** [low, high] in data units, low < high. */
  domain: [number, number];
  /** Whether high values are drawn at the start (left / top) of the axis. */
  reverse: boolean;
  /** Pixel position of a data value, from the left (x) or the top (y) of the plot area. */
  px: (v: number) => number;
}

/** A laid-out axes: plot-area size in pixels and both axes. */
export interface Frame {
  width: number;
  height: number;
  x: AxisFrame;
  y: AxisFrame;
  /** False when the axes holds only fluent-chart layers, whose domains Vega-Lite decides. */
  explicit: boolean;
  /** Axis titles; every layer repeats them, since Vega-Lite merges titles across layers. */
  xTitle: string | null;
  yTitle: string | null;
}

interface Extent {
  lo: number;
  hi: number;
  sticky: number[];
}

function empty(): Extent {
  return { lo: Infinity, hi: -Infinity, sticky: [] };
}

function include(e: Extent, values: ArrayLike<number>, log: boolean): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v) || (log && v <= 0)) continue;
    if (v < e.lo) e.lo = v;
    if (v > e.hi) e.hi = v;
  }
}

// Data extents of one artist along x and y; text and arrows do not move limits (as in matplotlib).
function extentsOf(a: Artist, ex: Extent, ey: Extent, logX: boolean, logY: boolean): void {
  switch (a.kind) {
    case "line":
      include(ex, a.x, logX);
      include(ey, a.y, logY);
      if (a.stickyX) {
        include(ex, a.stickyX, logX);
        ex.sticky.push(...a.stickyX);
      }
      if (a.stickyY) {
        include(ey, a.stickyY, logY);
        ey.sticky.push(...a.stickyY);
      }
      break;
    case "scatter":
      include(ex, a.x, logX);
      include(ey, a.y, logY);
      break;
    case "rects":
      include(ex, a.x0, logX);
      include(ex, a.x1, logX);
      include(ey, a.y0, logY);
      include(ey, a.y1, logY);
      if (a.stickyX !== undefined) ex.sticky.push(a.stickyX);
      if (a.stickyY !== undefined) ey.sticky.push(a.stickyY);
      break;
    case "image": {
      const [l, r, b, t] = a.extent;
      include(ex, [l, r], logX);
      include(ey, [b, t], logY);
      if (a.sticky) {
        ex.sticky.push(l, r);
        ey.sticky.push(b, t);
      }
      break;
    }
    case "polygons": {
      const px = empty();
      const py = empty();
      for (const p of a.polygons) {
        for (const r of p.rings) {
          include(px, r.x, logX);
          include(py, r.y, logY);
        }
      }
      include(ex, [px.lo, px.hi], logX);
      include(ey, [py.lo, py.hi], logY);
      if (a.sticky) {
        ex.sticky.push(px.lo, px.hi);
        ey.sticky.push(py.lo, py.hi);
      }
      break;
    }
    case "paths":
      for (const p of a.paths) {
        include(ex, p.x, logX);
        include(ey, p.y, logY);
      }
      break;
    case "segments":
      if (a.xCoords === "data") {
        include(ex, a.x0, logX);
        include(ex, a.x1, logX);
      }
      if (a.yCoords === "data") {
        include(ey, a.y0, logY);
        include(ey, a.y1, logY);
      }
      break;
    default:
      break;
  }
}

function merge(a: Extent, b: Extent): Extent {
  return { lo: Math.min(a.lo, b.lo), hi: Math.max(a.hi, b.hi), sticky: [...a.sticky, ...b.sticky] };
}

/** @internal The raw data extents of an axes (before margins), x and y. */
export function dataExtents(ax: AxesBase): [Extent, Extent] {
  const ex = empty();
  const ey = empty();
  for (const a of ax.artists) extentsOf(a, ex, ey, ax.xaxis.scale === "log", ax.yaxis.scale === "log");
  return [ex, ey];
}

// Adds matplotlib's 5 % margins (in log space for log axes) without crossing a sticky edge
// (the base of bars, the border of an image or contour grid).
function autoscale(e: Extent, log: boolean, tight: boolean): [number, number] {
  if (e.lo === Infinity) return log ? [1, 10] : [0, 1];
  const f = (v: number): number => (log ? Math.log10(v) : v);
  const g = (v: number): number => (log ? 10 ** v : v);
  let lo = f(e.lo);
  let hi = f(e.hi);
  if (lo === hi) {
    const d = lo === 0 ? 0.05 : Math.abs(lo) * 0.05;
    return [g(lo - d), g(hi + d)];
  }
  if (tight) return [e.lo, e.hi];
  const m = (hi - lo) * 0.05;
  let lo2 = lo - m;
  let hi2 = hi + m;
  for (const s0 of e.sticky) {
    if (!Number.isFinite(s0) || (log && s0 <= 0)) continue;
    const s = f(s0);
    if (s <= lo && s > lo2) lo2 = s;
    if (s >= hi && s < hi2) hi2 = s;
  }
  lo = lo2;
  hi = hi2;
  return [g(lo), g(hi)];
}

function axisFrame(
  state: AxisState,
  extent: Extent,
  tight: boolean,
  length: number,
  vertical: boolean,
): AxisFrame {
  const auto = autoscale(extent, state.scale === "log", tight);
  let lo = state.lim[0] ?? auto[0];
  let hi = state.lim[1] ?? auto[1];
  let reverse = state.inverted;
  if (lo > hi) {
    [lo, hi] = [hi, lo];
    reverse = !reverse;
  }
  if (lo === hi) hi = lo + 1;
  const log = state.scale === "log";
  const a = log ? Math.log10(lo) : lo;
  const b = log ? Math.log10(hi) : hi;
  const px = (v: number): number => {
    let t = ((log ? Math.log10(v) : v) - a) / (b - a);
    if (reverse) t = 1 - t;
    return vertical ? length * (1 - t) : length * t;
  };
  return { type: state.scale, domain: [lo, hi], reverse, px };
}

/** Whether an axes shows an image with row 0 on top (its extent runs downwards). */
function imageFlipsY(ax: AxesBase): boolean {
  return ax.artists.some((a) => a.kind === "image" && a.sticky && a.extent[2] > a.extent[3]);
}

/**
 * Lays out one axes in a `width` × `height` pixel box: limits from the data (and the axes it
 * shares x or y with), margins, user limits, and for equal aspect a smaller box.
 */
export function frameOf(ax: AxesBase, width: number, height: number): Frame {
  let [ex, ey] = dataExtents(ax);
  const host = ax.twinOf;
  for (const other of [...ax.sharedX, ...(host ? [host] : []), ...(ax.twin ? [ax.twin] : [])])
    ex = merge(ex, dataExtents(other)[0]);
  for (const other of ax.sharedY) ey = merge(ey, dataExtents(other)[1]);
  const xState = host ? { ...ax.xaxis, lim: host.xaxis.lim, scale: host.xaxis.scale } : ax.xaxis;
  const yState = imageFlipsY(ax) && !ax.yaxis.inverted ? { ...ax.yaxis, inverted: true } : ax.yaxis;
  const tight = ax.tight || (host?.tight ?? false);
  let w = Math.round(width);
  let h = Math.round(height);
  let x = axisFrame(xState, ex, tight, w, false);
  let y = axisFrame(yState, ey, tight, h, true);
  if (ax.aspectEqual && x.type === "linear" && y.type === "linear") {
    const ux = (x.domain[1] - x.domain[0]) / w;
    const uy = (y.domain[1] - y.domain[0]) / h;
    if (ux > uy) h = Math.max(20, Math.round((y.domain[1] - y.domain[0]) / ux));
    else w = Math.max(20, Math.round((x.domain[1] - x.domain[0]) / uy));
    x = axisFrame(xState, ex, tight, w, false);
    y = axisFrame(yState, ey, tight, h, true);
  }
  const explicit = ax.artists.length === 0 || ax.artists.some((a) => a.kind !== "chart");
  return {
    width: w,
    height: h,
    x,
    y,
    explicit,
    xTitle: ax.xaxis.label?.text ?? null,
    yTitle: ax.yaxis.label?.text ?? null,
  };
}
