// Tensorbook's kernel logo, drawn in code (a "T" over a 3×3 grid, a tensor, on a rounded blue
// square) so the kernelspec needs no binary assets: PNGs at any size and an SVG.
import { deflateSync } from "node:zlib";

const BLUE: [number, number, number] = [31, 111, 235];
const WHITE: [number, number, number] = [255, 255, 255];

// Coverage of the shapes at a point of the unit square: 0 outside, 1 background, 2 foreground.
function shape(x: number, y: number): 0 | 1 | 2 {
  const r = 0.18;
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return 0;
  const inT =
    (y >= 0.16 && y <= 0.3 && x >= 0.18 && x <= 0.82) || (x >= 0.43 && x <= 0.57 && y >= 0.16 && y <= 0.52);
  if (inT) return 2;
  // The grid: three rows of three dots under the T.
  for (const gy of [0.62, 0.73, 0.84]) {
    for (const gx of [0.3, 0.5, 0.7]) if (Math.abs(x - gx) <= 0.04 && Math.abs(y - gy) <= 0.04) return 2;
  }
  return 1;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const b of data) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), 8 + data.length);
  return out;
}

/**
 * The logo as an RGBA PNG of `size`×`size` pixels (4×4 supersampled).
 *
 * @example
 * ```ts
 * writeFileSync("logo-64x64.png", logoPng(64));
 * ```
 */
export function logoPng(size: number): Buffer {
  const rows: Buffer[] = [];
  const s = 4;
  for (let py = 0; py < size; py++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let px = 0; px < size; px++) {
      let bg = 0;
      let fg = 0;
      for (let sy = 0; sy < s; sy++) {
        for (let sx = 0; sx < s; sx++) {
          const v = shape((px + (sx + 0.5) / s) / size, (py + (sy + 0.5) / s) / size);
          if (v === 1) bg++;
          else if (v === 2) fg++;
        }
      }
      const cover = (bg + fg) / (s * s);
      const mix = bg + fg ? fg / (bg + fg) : 0;
      const o = 1 + px * 4;
      for (let c = 0; c < 3; c++) row[o + c] = Math.round(BLUE[c] * (1 - mix) + WHITE[c] * mix);
      row[o + 3] = Math.round(cover * 255);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(Buffer.concat(rows))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** The logo as SVG (JupyterLab's launcher prefers it). */
export function logoSvg(): string {
  const dots = [0.62, 0.73, 0.84]
    .flatMap((y) =>
      [0.3, 0.5, 0.7].map(
        (x) => `<rect x="${(x - 0.04) * 64}" y="${(y - 0.04) * 64}" width="5.12" height="5.12" fill="#fff"/>`,
      ),
    )
    .join("");
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="64" height="64">` +
    `<rect width="64" height="64" rx="11.52" fill="rgb(${BLUE.join(",")})"/>` +
    `<rect x="11.52" y="10.24" width="40.96" height="8.96" fill="#fff"/>` +
    `<rect x="27.52" y="10.24" width="8.96" height="23.04" fill="#fff"/>${dots}</svg>\n`
  );
}
