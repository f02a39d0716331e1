// plt.boxplot: the statistics against matplotlib's cbook.boxplot_stats (fixture made by
// test/fixtures/plt/make_boxplot_stats.py), the drawn parts, ticks, limits and refused input.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, it } from "node:test";
import { np, plt } from "tensorbook";
import { frameOf } from "../../../engine/src/plt/limits.js";
import { compiled, texts } from "./helpers.js";

interface Case {
  name: string;
  x: number[];
  whis: number;
  stats: Omit<plt.BoxStats, "fliers"> & { fliers: number[] };
}
const FX = JSON.parse(
  readFileSync(
    join(dirname(fileURLToPath(import.meta.url)), "../../fixtures/plt/boxplot_stats.json"),
    "utf8",
  ),
) as { cases: Case[] };

const close = (a: number, b: number, what: string) =>
  assert.ok(Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b)), `${what}: ${a} vs ${b}`);

afterEach(() => plt.close("all"));

describe("plt.boxplot", () => {
  for (const c of FX.cases) {
    it(`statistics equal matplotlib's: ${c.name}`, () => {
      const s = plt.boxStats(Float64Array.from(c.x), c.whis);
      for (const k of ["mean", "q1", "med", "q3", "iqr", "whislo", "whishi"] as const)
        close(s[k], c.stats[k], k);
      assert.deepEqual(s.fliers, c.stats.fliers);
    });
  }

  it("draws a box, a median, two whiskers, two caps and the fliers per data set", () => {
    const a = FX.cases[0].x;
    const b = [1, 2, 3, 4, 5];
    const r = plt.boxplot([a, b], { labels: ["first", "second"] });
    assert.equal(r.boxes.length, 2);
    assert.equal(r.whiskers.length, 4);
    assert.equal(r.caps.length, 4);
    assert.equal(r.medians.length, 2);
    // Box of the second set: quartiles 2 and 4, width 0.15 (0.15 × the span of positions 1..2).
    assert.deepEqual([...r.boxes[1].y], [2, 2, 4, 4, 2]);
    assert.deepEqual(
      [...r.boxes[1].x].map((v) => +v.toFixed(6)),
      [1.925, 2.075, 2.075, 1.925, 1.925],
    );
    assert.deepEqual(
      [...r.caps[3].x].map((v) => +v.toFixed(6)),
      [1.9625, 2.0375],
    );
    assert.deepEqual([...r.medians[1].y], [3, 3]);
    assert.equal(r.medians[0].color, "#ff7f0e");
    assert.equal(r.boxes[0].color, "#000000");
    // The first set's three planted outliers are fliers, drawn as hollow circles at x = 1.
    assert.deepEqual([...r.fliers[0].y].sort(), [...FX.cases[0].stats.fliers].sort());
    assert.ok([...r.fliers[0].x].every((v) => v === 1));
    assert.equal(r.fliers[0].marker?.filled, false);
    assert.equal(r.fliers[0].dash, null);
    assert.equal(r.fliers[1].x.length, 0);
    // Ticks at the positions with the labels; x limits padded by 0.5 without a margin.
    const frame = frameOf(plt.gca(), 400, 300);
    assert.deepEqual(frame.x.domain, [0.5, 2.5]);
    const { warnings, errors } = compiled(plt.gcf());
    assert.deepEqual([...warnings, ...errors], []);
    const t = texts(plt.gcf().toSVG());
    assert.ok(t.includes("first") && t.includes("second"), t.join("|"));
  });

  it("takes the columns of a 2-D array, positions, widths and horizontal boxes", () => {
    const m = np.array([
      [1, 10],
      [2, 20],
      [3, 30],
      [4, 40],
    ]);
    const r = plt.boxplot(m, { positions: [2, 5], widths: 1, vert: false, showfliers: false });
    assert.equal(r.stats.length, 2);
    close(r.stats[1].med, 25, "median of column 1");
    // Horizontal: the box spans the quartiles along x, the width along y.
    assert.deepEqual([...r.boxes[1].x], [17.5, 17.5, 32.5, 32.5, 17.5]);
    assert.deepEqual([...r.boxes[1].y], [4.5, 5.5, 5.5, 4.5, 4.5]);
    assert.equal(r.fliers.length, 0);
    assert.deepEqual(frameOf(plt.gca(), 400, 300).y.domain, [1.5, 5.5]);
    const one = plt.figure() && plt.boxplot([5, 1, 3], { showmeans: true });
    assert.equal(one.stats.length, 1);
    close(one.means[0].y[0], 3, "mean marker");
  });

  it("refuses mismatched positions, labels or widths and unknown options", () => {
    assert.throws(
      () => plt.boxplot([[1, 2], [3]], { labels: ["a"] }),
      /labels has 1 entries for 2 data sets/,
    );
    assert.throws(() => plt.boxplot([[1, 2], [3]], { positions: [1, 2, 3] }), /positions has 3 entries/);
    assert.throws(() => plt.boxplot([[1, 2], [3]], { widths: [1] }), /widths has 1 entries/);
    assert.throws(() => plt.boxplot([1, 2], { notch: true } as never), /notch/);
  });
});
