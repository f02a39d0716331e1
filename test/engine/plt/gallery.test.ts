// Renders one figure per chapter kind to PNG and compares it with the reference in
// test/fixtures/plt. Layout comes from Vega (deterministic); glyphs come from the machine's
// fonts through resvg, so a small share of pixels may differ between machines: the tolerance.
// Regenerate the references (and look at them!) with:
//   PLT_UPDATE_REFERENCES=1 npm run test:only -- test/engine/plt/gallery.test.ts
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { decode } from "fast-png";
import { plt } from "tensorbook";
import { GALLERY } from "./gallery.js";

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), "../../fixtures/plt");
const UPDATE = process.env.PLT_UPDATE_REFERENCES === "1";
// A pixel differs when a channel moves by more than this (anti-aliasing noise stays below).
const CHANNEL_TOLERANCE = 48;
// Share of differing pixels allowed: text is a few percent of a figure's pixels at most.
const MAX_DIFF_RATIO = 0.03;

function diffRatio(a: Uint8Array, b: Uint8Array): number {
  const pa = decode(a);
  const pb = decode(b);
  assert.equal(pa.width, pb.width, "width");
  assert.equal(pa.height, pb.height, "height");
  const ca = pa.channels;
  const cb = pb.channels;
  let diff = 0;
  const n = pa.width * pa.height;
  for (let p = 0; p < n; p++) {
    for (let c = 0; c < 3; c++) {
      if (Math.abs(Number(pa.data[p * ca + c]) - Number(pb.data[p * cb + c])) > CHANNEL_TOLERANCE) {
        diff++;
        break;
      }
    }
  }
  return diff / n;
}

describe("plt gallery (PNG references)", () => {
  for (const [name, make] of Object.entries(GALLERY)) {
    it(name, () => {
      const png = make().toPNG({ dpi: 72 });
      plt.close("all");
      const ref = join(FIXTURES, `${name}.png`);
      if (UPDATE || !existsSync(ref)) {
        if (!UPDATE) assert.fail(`no reference ${ref}; run with PLT_UPDATE_REFERENCES=1 to create it`);
        mkdirSync(FIXTURES, { recursive: true });
        writeFileSync(ref, png);
        return;
      }
      const ratio = diffRatio(png, readFileSync(ref));
      assert.ok(
        ratio <= MAX_DIFF_RATIO,
        `${name}: ${(ratio * 100).toFixed(2)} % of pixels differ from ${ref}`,
      );
    });
  }
});
