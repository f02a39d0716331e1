import { ValueError } from "../core/errors.js";
import type { ArrowArtist, Coords, TextArtist } from "./artists.js";
import { colorAndAlpha, type ColorSpec } from "./colors.js";
import { texToUnicode } from "./latex.js";
import { checkChoice, checkOptions } from "./options.js";
import { rcParams } from "./rc.js";

/** Options of `text`. */
export interface TextOptions {
  fontsize?: number;
  color?: ColorSpec;
  /** Horizontal alignment of the text at (x, y). */
  ha?: "left" | "center" | "right";
  horizontalalignment?: "left" | "center" | "right";
  /** Vertical alignment: "baseline" (default), "bottom", "center", "top". */
  va?: "baseline" | "bottom" | "center" | "center_baseline" | "top";
  verticalalignment?: "baseline" | "bottom" | "center" | "center_baseline" | "top";
  /** Degrees counter-clockwise. */
  rotation?: number;
  fontweight?: "normal" | "bold";
  /** "data" (default) or "axes" (fractions of the axes box), like `transform=ax.transAxes`. */
  transform?: "data" | "axes";
  /** A box behind the text: `{ facecolor, edgecolor }`. */
  bbox?: { facecolor?: ColorSpec; edgecolor?: ColorSpec; boxstyle?: string; alpha?: number };
  fontdict?: { fontsize?: number; color?: ColorSpec; fontweight?: "normal" | "bold" };
  alpha?: number;
  zorder?: number;
}

const TEXT_OPTIONS = [
  "fontsize",
  "color",
  "ha",
  "horizontalalignment",
  "va",
  "verticalalignment",
  "rotation",
  "fontweight",
  "transform",
  "bbox",
  "fontdict",
  "alpha",
  "zorder",
];

/** Options of `annotate` (xy, the annotated point, is positional). */
export interface AnnotateOptions extends Omit<TextOptions, "transform"> {
  /** Where the text goes (default: at xy). */
  xytext?: readonly [number, number] | readonly number[];
  /** Coordinates of xy: "data" (default), "axes fraction" or "figure fraction". */
  xycoords?: "data" | "axes fraction" | "figure fraction";
  /** Coordinates of xytext: as xycoords, plus "offset points" (pixels from xy). */
  textcoords?: "data" | "axes fraction" | "figure fraction" | "offset points" | "offset pixels";
  /** Draw an arrow from the text to xy. */
  arrowprops?: ArrowProps;
}

/** matplotlib's arrowprops. */
export interface ArrowProps {
  /** "->", "-|>", "<->", "<|-|>", "-"; without it, matplotlib's wide filled arrow. */
  arrowstyle?: "->" | "-|>" | "<->" | "<|-|>" | "-";
  facecolor?: ColorSpec;
  edgecolor?: ColorSpec;
  color?: ColorSpec;
  /** Shaft width (pixels) of the wide arrow. */
  width?: number;
  headwidth?: number;
  headlength?: number;
  /** Fraction of the length cut from both ends. */
  shrink?: number;
  lw?: number;
  linewidth?: number;
  connectionstyle?: string;
}

const BASELINES = {
  baseline: "alphabetic",
  bottom: "bottom",
  center: "middle",
  center_baseline: "middle",
  top: "top",
} as const;

/** Builds a text artist. */
export function textArtist(
  fn: string,
  x: number,
  y: number,
  s: string,
  opts: TextOptions,
  dx = 0,
  dy = 0,
  coords: Coords = "data",
): TextArtist {
  checkOptions(
    fn,
    opts,
    fn === "annotate" ? [...TEXT_OPTIONS, "xytext", "xycoords", "textcoords", "arrowprops"] : TEXT_OPTIONS,
  );
  if (typeof x !== "number" || typeof y !== "number")
    throw new TypeError(`plt.${fn}: x and y must be numbers`);
  const fd = opts.fontdict ?? {};
  const colorSpec = opts.color ?? fd.color ?? "k";
  const ha = checkChoice(fn, "ha", opts.ha ?? opts.horizontalalignment ?? "left", [
    "left",
    "center",
    "right",
  ]);
  const va = checkChoice(fn, "va", opts.va ?? opts.verticalalignment ?? "baseline", [
    "baseline",
    "bottom",
    "center",
    "center_baseline",
    "top",
  ]);
  let box: TextArtist["box"];
  if (opts.bbox) {
    box = {
      fill:
        opts.bbox.facecolor === undefined
          ? "#ffffff"
          : colorAndAlpha(opts.bbox.facecolor, fn, "bbox.facecolor").hex,
      stroke:
        opts.bbox.edgecolor === undefined
          ? "#000000"
          : colorAndAlpha(opts.bbox.edgecolor, fn, "bbox.edgecolor").hex,
    };
  }
  const transform = (opts as TextOptions).transform;
  return {
    kind: "text",
    x,
    y,
    coords: transform === "axes" ? "axes" : coords,
    dx,
    dy,
    text: texToUnicode(String(s)),
    fontSize: opts.fontsize ?? fd.fontsize ?? rcParams["font.size"],
    color: colorAndAlpha(colorSpec, fn, "color").hex,
    align: ha,
    baseline: BASELINES[va],
    angle: -(opts.rotation ?? 0),
    fontWeight: opts.fontweight ?? fd.fontweight ?? "normal",
    box,
    alpha: opts.alpha ?? 1,
    zorder: opts.zorder ?? 3,
  };
}

function coordsOf(fn: string, name: string, c: string | undefined): Coords {
  const v = checkChoice(fn, name, c ?? "data", [
    "data",
    "axes fraction",
    "figure fraction",
    "offset points",
    "offset pixels",
  ]);
  // Figure fractions are approximated by the axes box: plt lays out each axes itself.
  return v === "data" ? "data" : "axes";
}

/** Builds the text and (optionally) the arrow of `annotate`. */
export function annotateArtists(
  text: string,
  xy: readonly number[],
  opts: AnnotateOptions,
): { text: TextArtist; arrow?: ArrowArtist } {
  if (!Array.isArray(xy) || xy.length !== 2) throw new ValueError("plt.annotate: xy must be [x, y]");
  const xycoords = coordsOf("annotate", "xycoords", opts.xycoords);
  const tc = opts.textcoords ?? opts.xycoords ?? "data";
  const offset = tc === "offset points" || tc === "offset pixels";
  const xt = opts.xytext ?? (offset ? [0, 0] : xy);
  if (xt.length !== 2) throw new ValueError("plt.annotate: xytext must be [x, y]");
  const textCoords = offset ? xycoords : coordsOf("annotate", "textcoords", tc);
  // Offsets are in points (= pixels at 72 dpi), upward positive as in matplotlib.
  const [tx, ty, dx, dy] = offset ? [xy[0], xy[1], xt[0], -xt[1]] : [xt[0], xt[1], 0, 0];
  const hasArrow = opts.arrowprops !== undefined;
  const t = textArtist(
    "annotate",
    tx,
    ty,
    text,
    {
      ...opts,
      ha: opts.ha ?? (hasArrow ? "center" : "left"),
      va: opts.va ?? (hasArrow ? "center" : "baseline"),
    },
    dx,
    dy,
    textCoords,
  );
  if (!opts.arrowprops) return { text: t };
  const ap = opts.arrowprops;
  checkOptions("annotate", ap, [
    "arrowstyle",
    "facecolor",
    "edgecolor",
    "color",
    "width",
    "headwidth",
    "headlength",
    "shrink",
    "lw",
    "linewidth",
    "connectionstyle",
  ]);
  const style =
    ap.arrowstyle === undefined
      ? "fancy"
      : checkChoice("annotate", "arrowprops.arrowstyle", ap.arrowstyle, ["->", "-|>", "<->", "<|-|>", "-"]);
  const colorSpec = ap.color ?? ap.facecolor ?? ap.edgecolor ?? "k";
  const arrow: ArrowArtist = {
    kind: "arrow",
    x0: tx,
    y0: ty,
    c0: textCoords,
    dx0: dx,
    dy0: dy,
    x1: xy[0],
    y1: xy[1],
    c1: xycoords,
    color: colorAndAlpha(colorSpec, "annotate", "arrowprops.color").hex,
    lineWidth: style === "fancy" ? (ap.width ?? 4) : (ap.lw ?? ap.linewidth ?? 1.2),
    style,
    headWidth: ap.headwidth ?? (style === "fancy" ? 12 : 8),
    headLength: ap.headlength ?? (style === "fancy" ? 12 : 8),
    shrink: ap.shrink ?? 0,
    alpha: opts.alpha ?? 1,
    zorder: 3,
  };
  return { text: t, arrow };
}

/** Options of `arrow`. */
export interface ArrowOptions {
  headWidth?: number;
  headLength?: number;
  /** matplotlib spellings. */
  head_width?: number;
  head_length?: number;
  fc?: ColorSpec;
  ec?: ColorSpec;
  color?: ColorSpec;
  width?: number;
  linewidth?: number;
  lengthIncludesHead?: boolean;
  length_includes_head?: boolean;
  alpha?: number;
  zorder?: number;
}

/**
 * Builds `arrow(x, y, dx, dy)`. matplotlib sizes the head in data units; here the head is
 * sized in pixels (about 10 px, or `headWidth` × 100 px per data unit clipped to 6–24 px) so
 * arrows look alike on any axes.
 */
export function arrowArtist(x: number, y: number, dx: number, dy: number, opts: ArrowOptions): ArrowArtist {
  checkOptions("arrow", opts, [
    "headWidth",
    "headLength",
    "head_width",
    "head_length",
    "fc",
    "ec",
    "color",
    "width",
    "linewidth",
    "lengthIncludesHead",
    "length_includes_head",
    "alpha",
    "zorder",
  ]);
  const hw = opts.headWidth ?? opts.head_width;
  const px = hw === undefined ? 10 : Math.min(24, Math.max(6, hw * 100));
  return {
    kind: "arrow",
    x0: x,
    y0: y,
    c0: "data",
    dx0: 0,
    dy0: 0,
    x1: x + dx,
    y1: y + dy,
    c1: "data",
    color: colorAndAlpha(opts.color ?? opts.fc ?? opts.ec ?? "k", "arrow", "color").hex,
    lineWidth: opts.linewidth ?? 1.5,
    style: "-|>",
    headWidth: px,
    headLength: px * 1.2,
    shrink: 0,
    alpha: opts.alpha ?? 1,
    zorder: opts.zorder ?? 3,
  };
}
