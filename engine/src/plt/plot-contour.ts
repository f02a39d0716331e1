import { ValueError } from "../core/errors.js";
import type { ColorScale, PathsArtist, PolygonArtist } from "./artists.js";
import { colorAndAlpha, type ColorSpec } from "./colors.js";
import { colorScale, mapColor, type ColorMapOptions } from "./color-mapping.js";
import { bandRings, isolines, niceLevels, type Grid } from "./contour.js";
import { isPlotData, shapeOf, toNumbers, type PlotData } from "./data.js";
import { dashArray } from "./format-string.js";
import { checkOptions } from "./options.js";
import { rcParams } from "./rc.js";

/** Options of `contour` and `contourf`. */
export interface ContourOptions extends ColorMapOptions {
  /** Number of levels (matplotlib picks about that many round values) or the level values. */
  levels?: number | PlotData;
  /** One colour for every level, or one per level/band (instead of `cmap`). */
  colors?: ColorSpec | readonly ColorSpec[];
  alpha?: number;
  /** [left, right, bottom, top] when only Z is given. */
  extent?: readonly number[];
  /** Line width and style of `contour` lines. */
  linewidths?: number;
  linestyles?: "solid" | "dashed" | "dashdot" | "dotted";
  zorder?: number;
}

const OPTIONS = [
  "levels",
  "colors",
  "alpha",
  "extent",
  "linewidths",
  "linestyles",
  "zorder",
  "cmap",
  "norm",
  "vmin",
  "vmax",
];

/** The result of `contour`/`contourf`: what `clabel` and `colorbar` read. */
export interface ContourSet {
  levels: number[];
  /** @internal */
  lines?: PathsArtist;
  /** @internal */
  scale: ColorScale;
}

/** Reads `(Z)`, `(Z, opts)`, `(X, Y, Z)` or `(X, Y, Z, opts)` into a grid. */
export function readGrid(
  fn: string,
  args: readonly (PlotData | ContourOptions | undefined)[],
): { grid: Grid; opts: ContourOptions } {
  const data = args.filter((a) => a !== undefined && isPlotData(a)) as PlotData[];
  const rest = args.filter((a) => a !== undefined && !isPlotData(a));
  const opts = (rest[0] ?? {}) as ContourOptions;
  checkOptions(fn, opts, OPTIONS);
  if (data.length !== 1 && data.length !== 3)
    throw new ValueError(
      `plt.${fn}: expected (Z) or (X, Y, Z) before the options, got ${data.length} arrays`,
    );
  const zIn = data[data.length - 1];
  const zShape = shapeOf(zIn, fn, "Z");
  if (zShape.length !== 2) throw new ValueError(`plt.${fn}: Z must be 2-D, got shape (${zShape.join(", ")})`);
  const [ny, nx] = zShape;
  if (ny < 2 || nx < 2) throw new ValueError(`plt.${fn}: Z must be at least 2×2, got ${ny}×${nx}`);
  const z = toNumbers(zIn, fn, "Z");
  let x: Float64Array;
  let y: Float64Array;
  if (data.length === 3) {
    const take = (arr: PlotData, name: string, along: "row" | "col"): Float64Array => {
      const shape = shapeOf(arr, fn, name);
      const v = toNumbers(arr, fn, name);
      if (shape.length === 1) return v;
      if (shape.length === 2 && shape[0] === ny && shape[1] === nx) {
        // meshgrid output: x varies along a row, y down a column
        return along === "row" ? v.slice(0, nx) : Float64Array.from({ length: ny }, (_, i) => v[i * nx]);
      }
      throw new ValueError(
        `plt.${fn}: ${name} must be 1-D or have Z's shape (${ny}, ${nx}); got (${shape.join(", ")})`,
      );
    };
    x = take(data[0], "X", "row");
    y = take(data[1], "Y", "col");
    if (x.length !== nx || y.length !== ny) {
      throw new ValueError(
        `plt.${fn}: X has ${x.length} columns and Y ${y.length} rows, but Z is ${ny}×${nx}`,
      );
    }
  } else {
    const e = opts.extent ?? [0, nx - 1, 0, ny - 1];
    x = Float64Array.from({ length: nx }, (_, j) => e[0] + ((e[1] - e[0]) * j) / (nx - 1));
    y = Float64Array.from({ length: ny }, (_, i) => e[2] + ((e[3] - e[2]) * i) / (ny - 1));
  }
  return { grid: { x, y, z }, opts };
}

function levelsOf(fn: string, grid: Grid, opts: ContourOptions, filled: boolean): number[] {
  let lo = Infinity;
  let hi = -Infinity;
  const logNorm = opts.norm === "log" || (typeof opts.norm === "object" && opts.norm.scaleType === "log");
  for (const v of grid.z) {
    if (!Number.isFinite(v) || (logNorm && v <= 0)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (lo === Infinity) throw new ValueError(`plt.${fn}: Z has no finite values`);
  if (opts.levels === undefined || typeof opts.levels === "number") {
    const n = opts.levels ?? 7;
    if (logNorm) {
      const a = Math.floor(Math.log10(lo));
      const b = Math.ceil(Math.log10(hi));
      return Array.from({ length: b - a + 1 }, (_, k) => 10 ** (a + k));
    }
    const levels = niceLevels(lo, hi, n + 1);
    // contour lines at the very edges of the data draw nothing; matplotlib drops them
    return filled ? levels : levels.filter((l) => l >= lo && l <= hi);
  }
  const levels = Array.from(toNumbers(opts.levels, fn, "levels"));
  for (let i = 1; i < levels.length; i++)
    if (!(levels[i] > levels[i - 1])) throw new ValueError(`plt.${fn}: levels must increase`);
  return levels;
}

function fixedColors(
  fn: string,
  colors: ContourOptions["colors"],
  n: number,
): { hex: string[]; alpha: number } | undefined {
  if (colors === undefined) return undefined;
  const list =
    typeof colors === "string" || (Array.isArray(colors) && typeof colors[0] === "number")
      ? [colors as ColorSpec]
      : (colors as readonly ColorSpec[]);
  const parsed = list.map((c, i) => colorAndAlpha(c, fn, `colors[${i}]`));
  return { hex: Array.from({ length: n }, (_, i) => parsed[i % parsed.length].hex), alpha: parsed[0].alpha };
}

/** Builds the filled bands of `contourf`. */
export function contourfArtist(args: readonly (PlotData | ContourOptions | undefined)[]): {
  artist: PolygonArtist;
  set: ContourSet;
} {
  const { grid, opts } = readGrid("contourf", args);
  const levels = levelsOf("contourf", grid, opts, true);
  if (levels.length < 2) throw new ValueError("plt.contourf: needs at least 2 levels");
  // Bands take the colour of their middle value, on a scale spanning the levels (matplotlib's rule).
  const scale = colorScale("contourf", [levels[0], levels[levels.length - 1]], opts);
  const fixed = fixedColors("contourf", opts.colors, levels.length - 1);
  const polygons: PolygonArtist["polygons"] = [];
  for (let k = 0; k < levels.length - 1; k++) {
    const mid =
      scale.norm.scaleType === "log" ? Math.sqrt(levels[k] * levels[k + 1]) : (levels[k] + levels[k + 1]) / 2;
    const fill = fixed ? fixed.hex[k] : (mapColor(scale, mid) ?? "transparent");
    // The top band is closed above: values equal to the last level belong to it.
    const rings = bandRings(grid, levels[k], k === levels.length - 2 ? nextUp(levels[k + 1]) : levels[k + 1]);
    if (rings.length) polygons.push({ rings, fill });
  }
  const alpha = (opts.alpha ?? 1) * (fixed?.alpha ?? 1);
  const artist: PolygonArtist = {
    kind: "polygons",
    polygons,
    lineWidth: 0,
    alpha,
    scale,
    sticky: true,
    zorder: opts.zorder ?? 1,
  };
  return { artist, set: { levels, scale } };
}

function nextUp(v: number): number {
  return v + Math.max(Math.abs(v) * 1e-12, 1e-300);
}

/** Builds the lines of `contour`. */
export function contourArtist(args: readonly (PlotData | ContourOptions | undefined)[]): {
  artist: PathsArtist;
  set: ContourSet;
} {
  const { grid, opts } = readGrid("contour", args);
  const levels = levelsOf("contour", grid, opts, false);
  const scale = colorScale(
    "contour",
    levels.length > 1 ? [levels[0], levels[levels.length - 1]] : [levels[0] - 1, levels[0] + 1],
    opts,
  );
  const fixed = fixedColors("contour", opts.colors, levels.length);
  const lw = opts.linewidths ?? rcParams["lines.linewidth"];
  const paths: PathsArtist["paths"] = [];
  levels.forEach((level, k) => {
    const color = fixed ? fixed.hex[k] : (mapColor(scale, level) ?? "#000000");
    for (const p of isolines(grid, level)) {
      const x = p.closed ? [...p.x, p.x[0]] : p.x;
      const y = p.closed ? [...p.y, p.y[0]] : p.y;
      paths.push({ x, y, color, level });
    }
  });
  const artist: PathsArtist = {
    kind: "paths",
    paths,
    lineWidth: lw,
    dash: dashArray(opts.linestyles ?? "solid", lw) ?? [],
    alpha: (opts.alpha ?? 1) * (fixed?.alpha ?? 1),
    scale,
    zorder: opts.zorder ?? 2,
  };
  return { artist, set: { levels, lines: artist, scale } };
}
