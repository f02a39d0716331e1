import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { np, plt } from "tensorbook";
import { bandRings, isolines, niceLevels } from "../../../engine/src/plt/contour.js";
import { histogram } from "../../../engine/src/plt/plot-bars.js";

describe("plt format strings", () => {
  it("parses colour, marker and line style in any order", () => {
    assert.deepEqual(plt.parseFormat("b.", "plot"), { color: "b", marker: "." });
    assert.deepEqual(plt.parseFormat("r--", "plot"), { color: "r", lineStyle: "--" });
    assert.deepEqual(plt.parseFormat("r-+", "plot"), { color: "r", lineStyle: "-", marker: "+" });
    assert.deepEqual(plt.parseFormat("k:", "plot"), { color: "k", lineStyle: ":" });
    assert.deepEqual(plt.parseFormat("b.-", "plot"), { color: "b", marker: ".", lineStyle: "-" });
    assert.deepEqual(plt.parseFormat("g-.", "plot"), { color: "g", lineStyle: "-." });
    assert.deepEqual(plt.parseFormat("C1o", "plot"), { color: "C1", marker: "o" });
  });
  it("rejects unknown format strings naming the argument and the accepted codes", () => {
    assert.throws(
      () => plt.parseFormat("bz", "plot"),
      /plt\.plot: unrecognised format string "bz".*markers .*lines - -- -\. :/s,
    );
    assert.throws(() => plt.parseFormat("rg", "plot"), /two colours/);
  });
  it("draws markers only when a marker has no line style, as matplotlib", () => {
    plt.close("all");
    const [line] = plt.plot([1, 2, 3], [1, 2, 3], "bs");
    assert.equal(line.dash, null);
    assert.equal(line.marker?.shape, "square");
    const [l2] = plt.plot([1, 2, 3], [1, 2, 3], "g--");
    assert.deepEqual(l2.dash?.length, 2);
    assert.equal(l2.color, "#008000");
    plt.close("all");
  });
});

describe("plt colours and colormaps", () => {
  it("knows the book's colormaps with their published end colours", () => {
    assert.equal(plt.cm.viridis.hex(0), "#440154");
    assert.equal(plt.cm.viridis.hex(1), "#fde725");
    assert.equal(plt.cm.binary.hex(0), "#ffffff");
    assert.equal(plt.cm.binary.hex(1), "#000000");
    assert.equal(plt.cm.jet.hex(0), "#000080");
    assert.equal(plt.cm.jet.hex(1), "#800000");
    assert.equal(plt.cm.hot.hex(1), "#ffffff");
    assert.equal(plt.cm.brg.hex(0), "#0000ff");
    assert.equal(plt.cm.brg.hex(0.5), "#ff0000");
    assert.equal(plt.cm.brg.hex(1), "#00ff00");
    assert.equal(plt.cm.rainbow.hex(0), "#8000ff");
    assert.equal(plt.cm.Greys.hex(1), "#000000");
    assert.equal(plt.cm.RdYlBu.hex(0), "#a50026");
    assert.equal(plt.cm.viridis_r.hex(0), "#fde725");
  });
  it("ListedColormap splits [0, 1] into equal slices", () => {
    const c = new plt.ListedColormap(["#fafab0", "#9898ff", "#a0faa0"]);
    assert.equal(c.hex(0), "#fafab0");
    assert.equal(c.hex(0.5), "#9898ff");
    assert.equal(c.hex(1), "#a0faa0");
  });
  it("rejects unknown colormaps and colours, listing what is accepted", () => {
    assert.throws(
      () => plt.getCmap("jett"),
      /unknown cmap "jett"; accepted colormaps: jet, hot, brg, rainbow, binary/,
    );
    assert.throws(
      () => plt.scatter([1], [2], { c: "bleu" }),
      /plt\.scatter: unknown c "bleu"; accepted: one of the letters/,
    );
  });
  it("LogNorm maps decades evenly", () => {
    const n = new plt.LogNorm();
    assert.ok(Math.abs(n.scale(10, 1, 100) - 0.5) < 1e-12);
  });
});

describe("plt TeX labels", () => {
  it("turns the book's mathtext into Unicode", () => {
    assert.equal(plt.texToUnicode("$x_1$"), "x₁");
    assert.equal(plt.texToUnicode("$\\theta_0$"), "θ₀");
    assert.equal(plt.texToUnicode("$\\hat{y}$"), "ŷ");
    assert.equal(plt.texToUnicode("$x^2$ and $\\alpha$"), "x² and α");
    assert.equal(plt.texToUnicode("$\\frac{1}{m}$"), "1/m");
    assert.equal(plt.texToUnicode("Cost $J(\\theta)$"), "Cost J(θ)");
    assert.equal(plt.texToUnicode("no math"), "no math");
  });
});

describe("plt marching squares", () => {
  const n = 41;
  const x = Float64Array.from({ length: n }, (_, i) => -2 + (4 * i) / (n - 1));
  const z = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) z[i * n + j] = x[j] ** 2 + x[i] ** 2;
  const grid = { x, y: x, z };
  const area = (r: { x: number[]; y: number[] }): number => {
    let s = 0;
    for (let i = 0; i < r.x.length; i++) {
      const k = (i + 1) % r.x.length;
      s += r.x[i] * r.y[k] - r.x[k] * r.y[i];
    }
    return s / 2;
  };
  it("finds one closed circle of the right radius", () => {
    const lines = isolines(grid, 1);
    assert.equal(lines.length, 1);
    assert.ok(lines[0].closed);
    for (let i = 0; i < lines[0].x.length; i++)
      assert.ok(Math.abs(Math.hypot(lines[0].x[i], lines[0].y[i]) - 1) < 0.01);
  });
  it("gives a band with a hole whose signed areas add up to the annulus", () => {
    // {1 ≤ r² < 2}: the outer ring of the whole grid minus the disc r² < 1 … as superlevel sets
    const rings = bandRings(grid, 1, 2);
    const total = rings.reduce((s, r) => s + area(r), 0);
    assert.ok(Math.abs(Math.abs(total) - Math.PI * (2 - 1)) < 0.05, `area ${total}`);
  });
  it("chooses round levels like MaxNLocator", () => {
    assert.deepEqual(niceLevels(0, 2, 8), [0, 0.25, 0.5, 0.75, 1, 1.25, 1.5, 1.75, 2]);
    assert.deepEqual(niceLevels(0.3, 9.7, 5), [0, 2, 4, 6, 8, 10]);
  });
});

describe("plt histogram", () => {
  it("counts like NumPy (last bin closed)", () => {
    const { counts, edges } = histogram(Float64Array.of(0, 1, 1, 2, 3, 3, 3, 4), 4);
    assert.deepEqual(Array.from(edges), [0, 1, 2, 3, 4]);
    assert.deepEqual(Array.from(counts), [1, 2, 1, 4]);
  });
  it("returns counts and edges as tensors from plt.hist, density integrating to 1", () => {
    plt.close("all");
    const [c, e] = plt.hist(np.linspace(0, 1, 101), { bins: 5, density: true });
    const cv = Array.from(c.dataSync());
    const ev = Array.from(e.dataSync());
    const integral = cv.reduce((s, v, i) => s + v * (ev[i + 1] - ev[i]), 0);
    assert.ok(Math.abs(integral - 1) < 1e-12);
    plt.close("all");
  });
});

describe("plt bad input", () => {
  it("names mismatched lengths", () => {
    assert.throws(
      () => plt.plot([1, 2, 3], [1, 2]),
      /plt\.plot: x and y must have the same first dimension, but have shapes \(3\) and \(2\)/,
    );
    assert.throws(
      () => plt.scatter([1, 2, 3], [1, 2]),
      /plt\.scatter: x and y must have the same length, but have lengths 3 and 2/,
    );
    assert.throws(
      () => plt.scatter([1, 2], [1, 2], { c: [1, 2, 3] }),
      /c must be one colour or have one value per point; got 3 values for 2 points/,
    );
    plt.close("all");
  });
  it("names unknown options and lists the accepted ones", () => {
    assert.throws(
      () => plt.plot([1], [1], { linewidht: 2 } as never),
      /plt\.plot: unknown option "linewidht"; accepted options: .*linewidth/,
    );
    assert.throws(
      () => plt.hist([1, 2], { bin: 3 } as never),
      /plt\.hist: unknown option "bin"; accepted options: .*bins/,
    );
    assert.throws(
      () => plt.legend({ loc: "top" as never }),
      /plt\.legend: unknown loc "top"; accepted values: "best", "upper right"/,
    );
    assert.throws(
      () => plt.imshow(np.zeros([2, 2]), { interpolation: "lanczos" as never }),
      /unknown interpolation "lanczos"; accepted values: "nearest"/,
    );
    assert.throws(
      () => plt.xscale("symlog" as never),
      /plt\.xscale: unknown scale "symlog"; accepted values: "linear", "log"/,
    );
    assert.throws(
      () => plt.scatter([1], [1], { marker: "@" }),
      /plt\.scatter: unknown marker "@"; accepted values: "\.", ","/,
    );
    assert.throws(
      () => plt.imshow(np.zeros([2, 2, 2])),
      /the image must have shape \(H, W\), \(H, W, 3\) or \(H, W, 4\); got \(2, 2, 2\)/,
    );
    plt.close("all");
  });
});
