import { toTensor } from "../core/convert.js";
import { ValueError } from "../core/errors.js";
import type { TensorLike } from "../core/tensor.js";
import type { ImageArtist } from "./artists.js";
import { colorScale, mapRgba, type ColorMapOptions } from "./color-mapping.js";
import { checkChoice, checkOptions } from "./options.js";
import { downsampleBox, type RgbaImage } from "./raster.js";

/** Options of `imshow`. */
export interface ImshowOptions extends ColorMapOptions {
  /** "nearest" (crisp pixels; also "none" and "antialiased") or "bilinear" (smoothed). */
  interpolation?: "nearest" | "none" | "antialiased" | "bilinear" | "bicubic";
  /** [left, right, bottom, top] in data units (default: pixel centres at integers). */
  extent?: readonly [number, number, number, number] | readonly number[];
  /** "upper" (default: row 0 at the top) or "lower". */
  origin?: "upper" | "lower";
  alpha?: number;
  /** "equal" (default: square pixels) or "auto" (fill the axes). */
  aspect?: "equal" | "auto";
  zorder?: number;
}

// Large-data rule for images: longer than this, an image is averaged down (box filter) before
// encoding; no notebook axes shows more pixels than that.
const MAX_SIDE = 1024;

/** Builds the image artist of `imshow` for a grey (H, W) or colour (H, W, 3|4) array. */
export function imageArtist(
  img: TensorLike,
  opts: ImshowOptions,
): { artist: ImageArtist; aspectEqual: boolean } {
  checkOptions("imshow", opts, [
    "cmap",
    "norm",
    "vmin",
    "vmax",
    "interpolation",
    "extent",
    "origin",
    "alpha",
    "aspect",
    "zorder",
  ]);
  const t = toTensor(img);
  const shape = t.shape;
  if (!(shape.length === 2 || (shape.length === 3 && (shape[2] === 3 || shape[2] === 4)))) {
    throw new ValueError(
      `plt.imshow: the image must have shape (H, W), (H, W, 3) or (H, W, 4); got (${shape.join(", ")})`,
    );
  }
  const h = shape[0];
  const w = shape[1];
  const values = Float64Array.from(t.dataSync());
  const data = new Uint8Array(w * h * 4);
  let scale: ImageArtist["scale"];
  if (shape.length === 2) {
    scale = colorScale("imshow", values, opts);
    for (let p = 0; p < w * h; p++) data.set(mapRgba(scale, values[p]), p * 4);
  } else {
    // Colour images: floats are in [0, 1], integers in [0, 255] (matplotlib's convention).
    const ints = t.dtype === "uint8" || t.dtype === "int32";
    const ch = shape[2];
    for (let p = 0; p < w * h; p++) {
      for (let c = 0; c < 4; c++) {
        const v = c < ch ? values[p * ch + c] : ints ? 255 : 1;
        data[p * 4 + c] = Math.round(Math.min(255, Math.max(0, ints ? v : v * 255)));
      }
    }
  }
  const origin = checkChoice("imshow", "origin", opts.origin ?? "upper", ["upper", "lower"]);
  let rgba: RgbaImage = { width: w, height: h, data };
  if (origin === "lower") {
    const flipped = new Uint8Array(data.length);
    for (let y = 0; y < h; y++) flipped.set(data.subarray((h - 1 - y) * w * 4, (h - y) * w * 4), y * w * 4);
    rgba = { width: w, height: h, data: flipped };
  }
  const interp = checkChoice("imshow", "interpolation", opts.interpolation ?? "nearest", [
    "nearest",
    "none",
    "antialiased",
    "bilinear",
    "bicubic",
  ]);
  const smooth = interp === "bilinear" || interp === "bicubic";
  if (Math.max(w, h) > MAX_SIDE) rgba = downsampleBox(rgba, MAX_SIDE);
  let extent: [number, number, number, number];
  if (opts.extent !== undefined) {
    if (opts.extent.length !== 4)
      throw new ValueError(
        `plt.imshow: extent must be [left, right, bottom, top], got ${opts.extent.length} values`,
      );
    extent = [opts.extent[0], opts.extent[1], opts.extent[2], opts.extent[3]];
  } else extent = origin === "upper" ? [-0.5, w - 0.5, h - 0.5, -0.5] : [-0.5, w - 0.5, -0.5, h - 0.5];
  return {
    artist: {
      kind: "image",
      image: rgba,
      extent,
      smooth,
      alpha: opts.alpha ?? 1,
      scale,
      sticky: true,
      zorder: opts.zorder ?? 0,
    },
    aspectEqual: (opts.aspect ?? "equal") === "equal",
  };
}
