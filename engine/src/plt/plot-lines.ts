import { ValueError } from "../core/errors.js";
import type { LineArtist } from "./artists.js";
import { colorAndAlpha, type ColorSpec } from "./colors.js";
import { checkSameLength, column, indices, isPlotData, toMatrix, type PlotData } from "./data.js";
import { dashArray, LINE_STYLES, parseFormat } from "./format-string.js";
import { markerShape } from "./markers.js";
import { checkChoice, checkOptions } from "./options.js";
import { rcParams } from "./rc.js";

/** Options of `plot` (matplotlib's Line2D keywords, camel-free as matplotlib spells them). */
export interface PlotOptions {
  color?: ColorSpec;
  c?: ColorSpec;
  linewidth?: number;
  lw?: number;
  linestyle?: string;
  ls?: string;
  marker?: string;
  markersize?: number;
  ms?: number;
  markerfacecolor?: ColorSpec;
  mfc?: ColorSpec;
  markeredgecolor?: ColorSpec;
  mec?: ColorSpec;
  label?: string;
  alpha?: number;
  zorder?: number;
}

const PLOT_OPTIONS = [
  "color",
  "c",
  "linewidth",
  "lw",
  "linestyle",
  "ls",
  "marker",
  "markersize",
  "ms",
  "markerfacecolor",
  "mfc",
  "markeredgecolor",
  "mec",
  "label",
  "alpha",
  "zorder",
];

/** What `plot` accepts positionally: data, format strings, and a trailing options object. */
export type PlotArg = PlotData | string | PlotOptions;

interface Group {
  x?: PlotData;
  y: PlotData;
  fmt?: string;
}

// Splits plot's positional arguments into (x, y, fmt) groups, as matplotlib does:
// plot(y), plot(y, fmt), plot(x, y), plot(x, y, fmt), repeated.
function groups(args: readonly PlotArg[]): { groups: Group[]; opts: PlotOptions } {
  let list = [...args];
  let opts: PlotOptions = {};
  const last = list[list.length - 1];
  if (last !== undefined && typeof last === "object" && !isPlotData(last)) {
    opts = last as PlotOptions;
    list = list.slice(0, -1);
  }
  const out: Group[] = [];
  let i = 0;
  while (i < list.length) {
    const a = list[i];
    if (typeof a === "string")
      throw new ValueError(
        `plt.plot: argument ${i} is the format string ${JSON.stringify(a)}, but no data comes before it`,
      );
    if (!isPlotData(a))
      throw new TypeError(
        `plt.plot: argument ${i} must be data (a tensor or an array), a format string or (last) an options object`,
      );
    const b = list[i + 1];
    if (b !== undefined && isPlotData(b)) {
      const fmt = typeof list[i + 2] === "string" ? (list[i + 2] as string) : undefined;
      out.push({ x: a, y: b, fmt });
      i += fmt === undefined ? 2 : 3;
    } else {
      const fmt = typeof b === "string" ? b : undefined;
      out.push({ y: a, fmt });
      i += fmt === undefined ? 1 : 2;
    }
  }
  return { groups: out, opts };
}

/** Builds the line artists of one `plot` call; `nextColor` supplies the cycle colour. */
export function plotLines(args: readonly PlotArg[], nextColor: () => string): LineArtist[] {
  const { groups: gs, opts } = groups(args);
  checkOptions("plot", opts, PLOT_OPTIONS);
  if (gs.length === 0) return [];
  const lines: LineArtist[] = [];
  for (const g of gs) {
    const fmt = g.fmt === undefined ? {} : parseFormat(g.fmt, "plot");
    const Y = toMatrix(g.y, "plot", "y");
    const X =
      g.x === undefined ? { rows: Y.rows, cols: 1, data: indices(Y.rows) } : toMatrix(g.x, "plot", "x");
    if (X.rows !== Y.rows) {
      throw new ValueError(
        `plt.plot: x and y must have the same first dimension, but have shapes (${X.rows}${X.cols > 1 ? `, ${X.cols}` : ""}) and (${Y.rows}${Y.cols > 1 ? `, ${Y.cols}` : ""})`,
      );
    }
    if (X.cols > 1 && Y.cols > 1 && X.cols !== Y.cols) {
      throw new ValueError(
        `plt.plot: x and y have ${X.cols} and ${Y.cols} columns; they must match or one must have a single column`,
      );
    }
    const n = Math.max(X.cols, Y.cols);
    for (let j = 0; j < n; j++) {
      const x = column(X, X.cols > 1 ? j : 0);
      const y = column(Y, Y.cols > 1 ? j : 0);
      checkSameLength("plot", x, "x", y, "y");
      const colorSpec = opts.color ?? opts.c ?? fmt.color;
      const { hex, alpha: colorAlpha } =
        colorSpec === undefined ? { hex: nextColor(), alpha: 1 } : colorAndAlpha(colorSpec, "plot", "color");
      const lw = opts.linewidth ?? opts.lw ?? rcParams["lines.linewidth"];
      const styleOpt = opts.linestyle ?? opts.ls;
      if (styleOpt !== undefined) checkChoice("plot", "linestyle", styleOpt, LINE_STYLES);
      const markerCode = opts.marker ?? fmt.marker;
      const marker =
        markerCode === undefined || markerCode === "" || markerCode === "None"
          ? undefined
          : markerShape(markerCode, "plot");
      // A format string with a marker and no line style draws markers only (as matplotlib).
      const style = styleOpt ?? fmt.lineStyle ?? (fmt.marker !== undefined ? "None" : "-");
      const face = opts.markerfacecolor ?? opts.mfc;
      const edge = opts.markeredgecolor ?? opts.mec;
      lines.push({
        kind: "line",
        x,
        y,
        color: hex,
        alpha: (opts.alpha ?? 1) * colorAlpha,
        lineWidth: lw,
        dash: dashArray(style, lw),
        marker,
        markerSize: opts.markersize ?? opts.ms ?? rcParams["lines.markersize"],
        markerFace: face === undefined ? hex : colorAndAlpha(face, "plot", "markerfacecolor").hex,
        markerEdge: edge === undefined ? hex : colorAndAlpha(edge, "plot", "markeredgecolor").hex,
        label: j === 0 ? opts.label : undefined,
        zorder: opts.zorder ?? 2,
      });
    }
  }
  return lines;
}
