import { readFileSync } from "node:fs";
import jpeg from "jpeg-js";
import { PNG } from "pngjs";
import { Tensor } from "../core/tensor.js";
import { DatasetError, datasetPath } from "./verify.js";

/**
 * Decodes JPEG (with `jpeg-js`) or PNG (with `pngjs`) bytes into a uint8 tensor
 * `[height, width, channels]`: 3 channels (RGB), or 4 for a PNG with an alpha channel.
 */
export function decodeImage(bytes: Uint8Array, name = "image"): Tensor {
  const isPng = bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47;
  const isJpeg = bytes[0] === 0xff && bytes[1] === 0xd8;
  let width: number;
  let height: number;
  let rgba: Uint8Array;
  let alpha = false;
  if (isJpeg) {
    const img = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxMemoryUsageInMB: 1024 });
    ({ width, height } = img);
    rgba = img.data;
  } else if (isPng) {
    const img = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    ({ width, height } = img);
    rgba = new Uint8Array(img.data.buffer, img.data.byteOffset, img.data.byteLength);
    // pngjs always gives RGBA; keep the alpha channel only when the image uses it.
    for (let i = 3; i < rgba.length && !alpha; i += 4) if (rgba[i] !== 255) alpha = true;
  } else {
    throw new DatasetError(`${name} is neither a JPEG nor a PNG image`);
  }
  const c = alpha ? 4 : 3;
  const out = new Uint8Array(width * height * c);
  for (let p = 0, o = 0; p < width * height; p++) {
    for (let k = 0; k < c; k++) out[o++] = rgba[4 * p + k];
  }
  return Tensor.fromTypedArray(out, [height, width, c], "uint8");
}

/**
 * A shipped image as a uint8 tensor `[height, width, channels]`.
 *
 * @example
 * ```ts
 * datasets.loadImage("notebook_images/ladybug.png").shape; // [533, 800, 3]
 * ```
 */
export function loadImage(relativePath: string): Tensor {
  return decodeImage(readFileSync(datasetPath(relativePath)), `datasets/${relativePath}`);
}
