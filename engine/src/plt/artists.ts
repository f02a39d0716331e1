/**
 * What an axes holds: plain records, one per drawn thing, written by the Axes methods and read
 * by the spec builder. Keeping them as data (not Vega-Lite fragments) lets limits, legends and
 * the large-data rules look at every artist before anything is emitted.
 */
import type { Colormap, Normalize } from "./colormaps.js";
import type { MarkerShape } from "./markers.js";
import type { RgbaImage } from "./raster.js";

/** Where a coordinate is measured: data units, or a fraction of the axes box (0 = left/bottom). */
export type Coords = "data" | "axes";

/** A colour scale shown by `colorbar()`. */
export interface ColorScale {
  cmap: Colormap;
  norm: Normalize;
  lo: number;
  hi: number;
}

interface Base {
  label?: string;
  zorder: number;
  alpha: number;
}

/** `plot`: a polyline and/or markers. */
export interface LineArtist extends Base {
  kind: "line";
  x: Float64Array;
  y: Float64Array;
  color: string;
  lineWidth: number;
  /** Dash pattern; [] is solid; null draws no line (markers only). */
  dash: number[] | null;
  marker?: MarkerShape;
  markerSize: number;
  markerFace: string;
  markerEdge: string;
  /** Values the autoscaled limits include and stop at, without a margin (boxplot's padding). */
  stickyX?: number[];
  stickyY?: number[];
  /** Horizontal line drawn as `steps` etc. is not supported; lines are straight segments. */
}

/** `scatter`: markers with per-point colour and size. */
export interface ScatterArtist extends Base {
  kind: "scatter";
  x: Float64Array;
  y: Float64Array;
  /** One colour for all points, or one per point. */
  colors: string | string[];
  /** Marker area in px² (matplotlib's `s`), one value or one per point. */
  sizes: number | Float64Array;
  marker: MarkerShape;
  edgecolor?: string;
  lineWidth: number;
  scale?: ColorScale;
}

/** `bar`, `barh`, `hist`: axis-aligned rectangles. */
export interface RectArtist extends Base {
  kind: "rects";
  x0: Float64Array;
  x1: Float64Array;
  y0: Float64Array;
  y1: Float64Array;
  color: string;
  edgecolor?: string;
  lineWidth: number;
  /** Values at which the autoscaled limits stop without a margin (the bars' base). */
  stickyY?: number;
  stickyX?: number;
}

/** `imshow`: pixels placed on a data-space rectangle (PNG-encoded when the spec is built). */
export interface ImageArtist extends Base {
  kind: "image";
  image: RgbaImage;
  /** [left, right, bottom, top] in data units. */
  extent: [number, number, number, number];
  smooth: boolean;
  scale?: ColorScale;
  /** Whether the image decides the limits exactly (imshow) or only contributes (raster layers). */
  sticky: boolean;
  /** Points behind a rasterised layer, for legend placement. */
  sampleX?: Float64Array;
  sampleY?: Float64Array;
  /** Legend entry look when the raster stands for a scatter. */
  legendColor?: string;
  legendMarker?: MarkerShape;
}

/** Filled polygons: `contourf` bands, `fillBetween`, `fill`. */
export interface PolygonArtist extends Base {
  kind: "polygons";
  /** Each polygon is one or more closed rings (holes run the other way round) and a fill. */
  polygons: { rings: { x: number[]; y: number[] }[]; fill: string }[];
  edgecolor?: string;
  lineWidth: number;
  scale?: ColorScale;
  sticky: boolean;
}

/** Open or closed polylines with their own colours: `contour` lines. */
export interface PathsArtist extends Base {
  kind: "paths";
  paths: { x: number[]; y: number[]; color: string; level?: number }[];
  lineWidth: number;
  dash: number[];
  scale?: ColorScale;
}

/** Straight segments whose ends may mix data and axes coordinates: axhline, vlines, error bars. */
export interface SegmentsArtist extends Base {
  kind: "segments";
  x0: Float64Array;
  x1: Float64Array;
  y0: Float64Array;
  y1: Float64Array;
  xCoords: Coords;
  yCoords: Coords;
  color: string;
  lineWidth: number;
  dash: number[];
  /** Length in pixels of caps drawn across both ends (error bars). */
  caps?: number;
}

/** `text` and the text of `annotate`. */
export interface TextArtist extends Base {
  kind: "text";
  x: number;
  y: number;
  coords: Coords;
  /** Offset in pixels (annotate's "offset points"). */
  dx: number;
  dy: number;
  text: string;
  fontSize: number;
  color: string;
  align: "left" | "center" | "right";
  baseline: "top" | "middle" | "bottom" | "alphabetic";
  angle: number;
  fontWeight: "normal" | "bold";
  /** Optional box behind the text (matplotlib's `bbox`). */
  box?: { fill: string; stroke: string };
}

/** The arrow of `annotate` and `arrow`. */
export interface ArrowArtist extends Base {
  kind: "arrow";
  /** Tail and tip; each end in its own coordinates. */
  x0: number;
  y0: number;
  c0: Coords;
  dx0: number;
  dy0: number;
  x1: number;
  y1: number;
  c1: Coords;
  color: string;
  lineWidth: number;
  /** "->" open head, "-|>" filled head, "<->" both ends, "-" no head, "fancy" matplotlib's default wide arrow. */
  style: "->" | "-|>" | "<->" | "<|-|>" | "-" | "fancy";
  headWidth: number;
  headLength: number;
  /** Fraction of the length cut from both ends (arrowprops.shrink). */
  shrink: number;
}

/** A layer written with the fluent chart API: a Vega-Lite unit spec with its own data. */
export interface ChartArtist extends Base {
  kind: "chart";
  spec: Record<string, unknown>;
}

/** Any artist. */
export type Artist =
  | LineArtist
  | ScatterArtist
  | RectArtist
  | ImageArtist
  | PolygonArtist
  | PathsArtist
  | SegmentsArtist
  | TextArtist
  | ArrowArtist
  | ChartArtist;
