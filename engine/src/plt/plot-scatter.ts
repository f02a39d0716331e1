import { ValueError } from "../core/errors.js";
import type { ScatterArtist } from "./artists.js";
import { colorAndAlpha, type ColorSpec } from "./colors.js";
import { colorScale, mapColor, type ColorMapOptions } from "./color-mapping.js";
import { checkSameLength, toNumbers, type PlotData } from "./data.js";
import { markerShape } from "./markers.js";
import { checkOptions } from "./options.js";
import { rcParams } from "./rc.js";

/** Options of `scatter`. */
export interface ScatterOptions extends ColorMapOptions {
  /** One colour, one colour per point, or values mapped through `cmap`. */
  c?: ColorSpec | PlotData | readonly string[];
  color?: ColorSpec;
  /** Marker area in px² (points² at 72 dpi); one number or one per point. */
  s?: number | PlotData;
  alpha?: number;
  marker?: string;
  edgecolor?: ColorSpec | "face" | "none";
  edgecolors?: ColorSpec | "face" | "none";
  /** "none" draws hollow markers (with the edge colour). */
  facecolors?: ColorSpec | "none";
  linewidths?: number;
  label?: string;
  zorder?: number;
}

const SCATTER_OPTIONS = [
  "c",
  "color",
  "s",
  "alpha",
  "marker",
  "edgecolor",
  "edgecolors",
  "facecolors",
  "linewidths",
  "label",
  "zorder",
  "cmap",
  "norm",
  "vmin",
  "vmax",
];

/** Builds the artist of one `scatter` call. */
export function scatterArtist(
  xIn: PlotData,
  yIn: PlotData,
  opts: ScatterOptions,
  nextColor: () => string,
): ScatterArtist {
  checkOptions("scatter", opts, SCATTER_OPTIONS);
  const x = toNumbers(xIn, "scatter", "x");
  const y = toNumbers(yIn, "scatter", "y");
  checkSameLength("scatter", x, "x", y, "y");
  const n = x.length;
  let colors: string | string[];
  let alpha = opts.alpha ?? 1;
  let scale: ScatterArtist["scale"];
  const c = opts.c;
  if (c !== undefined && opts.color !== undefined)
    throw new ValueError("plt.scatter: give either c or color, not both");
  if (
    c === undefined ||
    typeof c === "string" ||
    (Array.isArray(c) &&
      (c.length === 3 || c.length === 4) &&
      n !== c.length &&
      c.every((v) => typeof v === "number" && v >= 0 && v <= 1))
  ) {
    const spec = (c ?? opts.color) as ColorSpec | undefined;
    if (spec === undefined) colors = nextColor();
    else {
      const ca = colorAndAlpha(spec, "scatter", "c");
      colors = ca.hex;
      alpha *= ca.alpha;
    }
  } else if (Array.isArray(c) && c.length > 0 && typeof c[0] === "string") {
    const list = c as readonly string[];
    if (list.length !== n) throw new ValueError(`plt.scatter: c has ${list.length} colours for ${n} points`);
    colors = list.map((s, i) => colorAndAlpha(s, "scatter", `c[${i}]`).hex);
  } else {
    const values = toNumbers(c as PlotData, "scatter", "c");
    if (values.length !== n) {
      throw new ValueError(
        `plt.scatter: c must be one colour or have one value per point; got ${values.length} values for ${n} points`,
      );
    }
    scale = colorScale("scatter", values, opts);
    const sc = scale;
    colors = Array.from(values, (v) => mapColor(sc, v) ?? "transparent");
  }
  let sizes: number | Float64Array;
  const s = opts.s;
  if (s === undefined) sizes = rcParams["lines.markersize"] ** 2;
  else if (typeof s === "number") sizes = s;
  else {
    sizes = toNumbers(s, "scatter", "s");
    if (sizes.length === 1) sizes = sizes[0];
    else if (sizes.length !== n)
      throw new ValueError(
        `plt.scatter: s must be one size or one per point; got ${sizes.length} sizes for ${n} points`,
      );
  }
  const marker = markerShape(opts.marker ?? "o", "scatter");
  const edgeSpec = opts.edgecolor ?? opts.edgecolors;
  let edgecolor: string | undefined;
  if (edgeSpec !== undefined && edgeSpec !== "face" && edgeSpec !== "none")
    edgecolor = colorAndAlpha(edgeSpec, "scatter", "edgecolor").hex;
  let hollow = false;
  if (opts.facecolors === "none") {
    hollow = true;
    edgecolor ??= typeof colors === "string" ? colors : undefined;
  } else if (opts.facecolors !== undefined && opts.c === undefined) {
    colors = colorAndAlpha(opts.facecolors, "scatter", "facecolors").hex;
  }
  return {
    kind: "scatter",
    x,
    y,
    colors: hollow ? "transparent" : colors,
    sizes,
    marker: hollow ? { ...marker, filled: false } : marker,
    edgecolor,
    lineWidth: opts.linewidths ?? (edgecolor !== undefined ? 1 : 0),
    alpha,
    label: opts.label,
    scale,
    zorder: opts.zorder ?? 1,
  };
}
