import { encode } from "fast-png";

/** An RGBA image, 8 bits per channel, row-major from the top-left pixel. */
export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/** PNG bytes of an image. */
export function encodePng(img: RgbaImage): Uint8Array {
  return encode({ width: img.width, height: img.height, data: img.data, channels: 4, depth: 8 });
}

/** A `data:image/png;base64,…` URL, what Vega's image mark loads without any file or network. */
export function pngDataUrl(img: RgbaImage): string {
  return `data:image/png;base64,${Buffer.from(encodePng(img)).toString("base64")}`;
}

/**
 * Repeats each pixel k×k times. Small images shown with "nearest" interpolation are enlarged
 * this way before encoding, because renderers disagree on honouring `image-rendering:
 * pixelated` (browsers' SVG, resvg) and would otherwise blur an 8×8 digit into a smudge.
 */
export function upscaleNearest(img: RgbaImage, k: number): RgbaImage {
  if (k <= 1) return img;
  const w = img.width * k;
  const h = img.height * k;
  const out = new Uint8Array(w * h * 4);
  const bytes = img.data.byteOffset % 4 === 0 ? img.data : img.data.slice();
  const src = new Uint32Array(bytes.buffer, bytes.byteOffset, img.width * img.height);
  const dst = new Uint32Array(out.buffer);
  for (let y = 0; y < img.height; y++) {
    const row = y * k * w;
    for (let x = 0; x < img.width; x++) {
      const v = src[y * img.width + x];
      const base = row + x * k;
      for (let d = 0; d < k; d++) dst[base + d] = v;
    }
    for (let r = 1; r < k; r++) dst.copyWithin(row + r * w, row, row + w);
  }
  return { width: w, height: h, data: out };
}

/** Shrinks an image by averaging f×f blocks (f = ceil of the ratio), for images far larger than their axes. */
export function downsampleBox(img: RgbaImage, maxSide: number): RgbaImage {
  const f = Math.ceil(Math.max(img.width, img.height) / maxSide);
  if (f <= 1) return img;
  const w = Math.ceil(img.width / f);
  const h = Math.ceil(img.height / f);
  const out = new Uint8Array(w * h * 4);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const acc = [0, 0, 0, 0];
      let n = 0;
      for (let yy = y * f; yy < Math.min(img.height, (y + 1) * f); yy++) {
        for (let xx = x * f; xx < Math.min(img.width, (x + 1) * f); xx++) {
          const o = (yy * img.width + xx) * 4;
          for (let c = 0; c < 4; c++) acc[c] += img.data[o + c];
          n++;
        }
      }
      const o = (y * w + x) * 4;
      for (let c = 0; c < 4; c++) out[o + c] = Math.round(acc[c] / n);
    }
  }
  return { width: w, height: h, data: out };
}

/**
 * Stamps filled discs (or squares) onto a transparent canvas with "over" compositing; the
 * large-data path of scatter. Coordinates and radii are in canvas pixels.
 */
export function stampPoints(
  width: number,
  height: number,
  px: Float64Array,
  py: Float64Array,
  radius: (i: number) => number,
  rgba: (i: number) => [number, number, number, number],
  square: boolean,
): RgbaImage {
  const acc = new Float32Array(width * height * 4); // premultiplied colour + alpha
  for (let i = 0; i < px.length; i++) {
    const r = radius(i);
    const [cr, cg, cb, ca] = rgba(i);
    if (ca <= 0 || !Number.isFinite(px[i]) || !Number.isFinite(py[i])) continue;
    const a = ca / 255;
    const x0 = Math.max(0, Math.floor(px[i] - r));
    const x1 = Math.min(width - 1, Math.ceil(px[i] + r));
    const y0 = Math.max(0, Math.floor(py[i] - r));
    const y1 = Math.min(height - 1, Math.ceil(py[i] + r));
    for (let y = y0; y <= y1; y++) {
      for (let x = x0; x <= x1; x++) {
        let cover: number;
        if (square) cover = Math.abs(x + 0.5 - px[i]) <= r && Math.abs(y + 0.5 - py[i]) <= r ? 1 : 0;
        else {
          // Anti-aliased edge: full inside r - 0.5, fading to zero at r + 0.5.
          const d = Math.hypot(x + 0.5 - px[i], y + 0.5 - py[i]);
          cover = Math.min(1, Math.max(0, r + 0.5 - d));
        }
        if (cover <= 0) continue;
        const o = (y * width + x) * 4;
        const sa = a * cover;
        const keep = 1 - sa;
        acc[o] = (cr / 255) * sa + acc[o] * keep;
        acc[o + 1] = (cg / 255) * sa + acc[o + 1] * keep;
        acc[o + 2] = (cb / 255) * sa + acc[o + 2] * keep;
        acc[o + 3] = sa + acc[o + 3] * keep;
      }
    }
  }
  const data = new Uint8Array(width * height * 4);
  for (let p = 0; p < width * height; p++) {
    const al = acc[p * 4 + 3];
    if (al <= 0) continue;
    data[p * 4] = Math.round((acc[p * 4] / al) * 255);
    data[p * 4 + 1] = Math.round((acc[p * 4 + 1] / al) * 255);
    data[p * 4 + 2] = Math.round((acc[p * 4 + 2] / al) * 255);
    data[p * 4 + 3] = Math.round(al * 255);
  }
  return { width, height, data };
}
