import { ValueError } from "../core/errors.js";
import type { ColorScale } from "./artists.js";
import { getCmap, LogNorm, Normalize, type Colormap } from "./colormaps.js";

/** Options shared by everything that maps values through a colormap. */
export interface ColorMapOptions {
  cmap?: string | Colormap;
  norm?: Normalize | "linear" | "log";
  vmin?: number;
  vmax?: number;
}

/** Resolves cmap/norm/vmin/vmax against the data into a colour scale. */
export function colorScale(
  fn: string,
  values: ArrayLike<number>,
  opts: ColorMapOptions,
  defaultCmap = "viridis",
): ColorScale {
  const cmap = getCmap(opts.cmap ?? defaultCmap, fn, "cmap");
  let norm: Normalize;
  if (opts.norm === undefined || opts.norm === "linear") norm = new Normalize();
  else if (opts.norm === "log") norm = new LogNorm();
  else if (opts.norm instanceof Normalize) norm = opts.norm;
  else throw new ValueError(`plt.${fn}: norm must be a Normalize or LogNorm object, or "linear"/"log"`);
  const [lo0, hi0] = norm.resolve(values);
  const lo = opts.vmin ?? lo0;
  const hi = opts.vmax ?? hi0;
  if (norm.scaleType === "log" && !(lo > 0))
    throw new ValueError(`plt.${fn}: a log norm needs positive limits, got vmin=${lo}`);
  return { cmap, norm, lo, hi };
}

/** The colour of one value on a scale ("#rrggbb", or null where the value cannot be mapped). */
export function mapColor(scale: ColorScale, v: number): string | null {
  if (!scale.norm.accepts(v)) return null;
  return scale.cmap.hex(scale.norm.scale(v, scale.lo, scale.hi));
}

/** The RGBA bytes of one value on a scale (transparent where unmappable). */
export function mapRgba(scale: ColorScale, v: number): [number, number, number, number] {
  if (!scale.norm.accepts(v)) return [0, 0, 0, 0];
  const c = scale.cmap.at(scale.norm.scale(v, scale.lo, scale.hi));
  return [Math.round(c[0] * 255), Math.round(c[1] * 255), Math.round(c[2] * 255), Math.round(c[3] * 255)];
}
