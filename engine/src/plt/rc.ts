import { ValueError } from "../core/errors.js";

/**
 * Global plot settings, named like matplotlib's `rcParams` keys. Change them directly
 * (`plt.rcParams["axes.labelsize"] = 14`) or by group with `plt.rc("axes", { labelsize: 14 })`.
 */
export interface RcParams {
  /** Figure size in inches (matplotlib's default 6.4 × 4.8). */
  "figure.figsize": [number, number];
  /** Pixels per inch of the figure; 72, as matplotlib's inline backend, so 1 pt = 1 px. */
  "figure.dpi": number;
  /** Base font size in pixels. */
  "font.size": number;
  /** Font family for every text (matplotlib's default face first). */
  "font.family": string;
  /** Axis title (xlabel/ylabel) size. */
  "axes.labelsize": number;
  /** Axes title size. */
  "axes.titlesize": number;
  /** Whether axes draw a grid by default. */
  "axes.grid": boolean;
  /** Tick label sizes. */
  "xtick.labelsize": number;
  "ytick.labelsize": number;
  /** Legend text size. */
  "legend.fontsize": number;
  /** Default line width in pixels. */
  "lines.linewidth": number;
  /** Default marker size (diameter in pixels; scatter's default `s` is its square). */
  "lines.markersize": number;
  /**
   * What a figure's display bundle carries besides the Vega-Lite spec: "svg" (default) and/or
   * "png" (base64, rendered with resvg).
   */
  "inline.formats": ("svg" | "png")[];
  /** Resolution of PNG output, in dots per inch (PNG scale = dpi / figure.dpi). */
  "savefig.dpi": number;
  /**
   * Large-data rule for scatter: above this many points a scatter is drawn into a PNG layer
   * (the points are stamped as discs at `raster.scale` × the axes' pixel size) instead of one
   * Vega mark per point, so a 70,000-point plot stays a few hundred kB.
   */
  "scatter.rasterizeAbove": number;
  /**
   * Large-data rule for lines: above this many points a line whose x is sorted keeps, per pixel
   * column, only its first, lowest, highest and last point (the drawn line looks the same).
   */
  "lines.decimateAbove": number;
  /** Oversampling of rasterised layers and the upper bound for images, relative to axes pixels. */
  "raster.scale": number;
}

function defaults(): RcParams {
  return {
    "figure.figsize": [6.4, 4.8],
    "figure.dpi": 72,
    "font.size": 10,
    "font.family": "DejaVu Sans, Verdana, sans-serif",
    "axes.labelsize": 10,
    "axes.titlesize": 12,
    "axes.grid": false,
    "xtick.labelsize": 10,
    "ytick.labelsize": 10,
    "legend.fontsize": 10,
    "lines.linewidth": 1.5,
    "lines.markersize": 6,
    "inline.formats": ["svg"],
    "savefig.dpi": 144,
    "scatter.rasterizeAbove": 5000,
    "lines.decimateAbove": 10000,
    "raster.scale": 2,
  };
}

/** The live settings. */
export const rcParams: RcParams = defaults();

/**
 * Sets several settings of one group, like `mpl.rc("axes", labelsize=14)`.
 *
 * @example
 * ```ts
 * plt.rc("axes", { labelsize: 14 });
 * plt.rc("xtick", { labelsize: 12 });
 * ```
 */
export function rc(group: string, values: Record<string, unknown>): void {
  for (const [k, v] of Object.entries(values)) {
    const key = `${group}.${k}`;
    if (!(key in rcParams)) {
      throw new ValueError(
        `plt.rc: unknown setting "${key}"; accepted settings: ${Object.keys(rcParams).join(", ")}`,
      );
    }
    (rcParams as unknown as Record<string, unknown>)[key] = v;
  }
}

/** Restores every setting to its default. */
export function rcdefaults(): void {
  Object.assign(rcParams, defaults());
}
