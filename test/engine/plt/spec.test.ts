import assert from "node:assert/strict";
import { afterEach, describe, it } from "node:test";
import { np, plt, DISPLAY } from "tensorbook";
import { GALLERY, rng } from "./gallery.js";
import { compiled, countItems, markGroups, normaliseClipIds, texts } from "./helpers.js";

afterEach(() => plt.close("all"));

// One small figure per API, each checked to compile without a single Vega-Lite warning.
const API: Record<string, () => void> = {
  plot: () => plt.plot([1, 2, 3], [3, 1, 2], "r--", { label: "a" }),
  "plot 2-D y": () =>
    plt.plot(
      np.array([
        [1, 2],
        [2, 3],
        [3, 5],
      ]),
    ),
  "plot groups": () => plt.plot([1, 2], [1, 2], "b-", [1, 2], [2, 1], "go"),
  semilogy: () => plt.semilogy([1, 2, 3], [1, 10, 100], "k:"),
  scatter: () =>
    plt.scatter([1, 2, 3], [1, 2, 3], {
      c: [0.1, 0.5, 0.9],
      cmap: "RdYlBu",
      s: [10, 20, 30],
      edgecolor: "k",
    }),
  "scatter hollow": () => plt.scatter([1, 2], [1, 2], { facecolors: "none", edgecolors: "r", s: 100 }),
  colorbar: () => {
    plt.scatter([1, 2, 3], [1, 2, 3], { c: [1, 2, 3] });
    plt.colorbar(undefined, { label: "value" });
  },
  hist: () => plt.hist([1, 2, 2, 3, 3, 3], { bins: 3, alpha: 0.5, label: "h", edgecolor: "black" }),
  "hist step": () => plt.hist([1, 2, 2, 3], { histtype: "step", orientation: "horizontal" }),
  bar: () => plt.bar(["a", "b", "c"], [3, 1, 2], { color: "C2" }),
  barh: () => plt.barh([1, 2, 3], [3, 1, 2], { height: 0.5 }),
  "imshow grey": () => plt.imshow(np.linspace(0, 1, 64).reshape(8, 8), { cmap: "Greys" }),
  "imshow rgb": () => plt.imshow(np.linspace(0, 1, 48).reshape(4, 4, 3), { interpolation: "bilinear" }),
  "imshow lower extent": () =>
    plt.imshow(np.linspace(0, 1, 6).reshape(2, 3), { origin: "lower", extent: [0, 3, 0, 2], aspect: "auto" }),
  contourf: () => {
    const [x, y] = np.meshgrid(np.linspace(-1, 1, 20), np.linspace(-1, 1, 20));
    plt.contourf(x, y, x.mul(x).add(y.mul(y)), { cmap: "hot", levels: 5 });
  },
  "contour + clabel": () => {
    const [x, y] = np.meshgrid(np.linspace(-1, 1, 20), np.linspace(-1, 1, 20));
    const cs = plt.contour(x, y, x.mul(y), { colors: "k", linestyles: "dashed" });
    plt.clabel(cs, { fmt: "%.1f" });
  },
  "contourf Z only": () =>
    plt.contourf(np.linspace(0, 1, 12).reshape(3, 4), { extent: [0, 1, 0, 1], colors: ["r", "g", "b"] }),
  fillBetween: () => plt.fillBetween([0, 1, 2], [1, 2, 1], 0, { alpha: 0.3, label: "area" }),
  fillBetweenx: () => plt.fillBetweenx([0, 1, 2], [1, 2, 1], 0, { facecolor: "orange", edgecolor: "k" }),
  boxplot: () => {
    plt.plot([1, 1, 1], [0.8, 0.85, 0.9], ".");
    plt.boxplot(
      [
        [0.8, 0.85, 0.9, 0.2],
        [0.7, 0.75, 0.8],
      ],
      { labels: ["A", "B"], showmeans: true },
    );
  },
  errorbar: () => plt.errorbar([1, 2, 3], [1, 2, 3], { yerr: [0.1, 0.2, 0.3], fmt: "o", capsize: 3 }),
  "axhline/axvline": () => {
    plt.plot([0, 1], [0, 1]);
    plt.axhline(0.5, { color: "k", linestyle: "--" });
    plt.axvline(0.2, { ymin: 0.1, ymax: 0.9 });
  },
  "hlines/vlines": () => {
    plt.hlines([1, 2], 0, 3, { colors: "r" });
    plt.vlines([1, 2], [0, 1], 3);
  },
  text: () => {
    plt.plot([0, 1], [0, 1]);
    plt.text(0.5, 0.5, "$\\alpha$", { ha: "center", fontsize: 14, bbox: { facecolor: "w" } });
    plt.text(0.1, 0.9, "axes", { transform: "axes" });
  },
  annotate: () => {
    plt.plot([0, 1], [0, 1]);
    plt.annotate("here", [0.5, 0.5], { xytext: [0.2, 0.8], arrowprops: { arrowstyle: "<->" } });
    plt.annotate("off", [0.5, 0.5], { xytext: [10, -10], textcoords: "offset points" });
  },
  arrow: () => {
    plt.plot([0, 1], [0, 1]);
    plt.arrow(0.2, 0.2, 0.3, 0.4, { headWidth: 0.05, color: "r" });
  },
  "labels, legend, grid, ticks": () => {
    plt.plot([1, 2, 3], [1, 4, 9], "b-o", { label: "squares" });
    plt.xlabel("$x$");
    plt.ylabel("$y$", { rotation: 0 });
    plt.title("title", { loc: "left" });
    plt.legend({ loc: 4, title: "legend", ncol: 2 });
    plt.grid(true, { linestyle: ":" });
    plt.xticks([1, 2, 3], ["one", "two", "three"], { rotation: 45 });
    plt.yticks([]);
    plt.xlim(0, 4);
    plt.ylim({ bottom: 0 });
  },
  "axis off / equal": () => {
    plt.plot([0, 2], [0, 1]);
    plt.axis("equal");
    plt.axis("off");
  },
  "log scales": () => {
    plt.plot([1, 10, 100], [1, 100, 10000]);
    plt.xscale("log");
    plt.yscale("log");
  },
  twinx: () => {
    plt.plot([1, 2, 3], [1, 2, 3], "b-");
    const ax2 = plt.twinx();
    ax2.plot([1, 2, 3], [300, 200, 100], "r-");
    ax2.setYlabel("right");
  },
  "subplots shared + suptitle": () => {
    const [, axes] = plt.subplots(2, 2, { sharex: true, sharey: "row" });
    axes[0][0].plot([1, 2], [1, 2]);
    axes[1][1].scatter([1, 5], [2, 3]);
    plt.suptitle("four");
    plt.tightLayout();
  },
  "subplot mixing grids": () => {
    plt.subplot(211);
    plt.plot([1, 2], [1, 2]);
    plt.subplot(2, 2, 3);
    plt.plot([1, 2], [2, 1]);
    plt.subplot(224);
    plt.hist([1, 2, 3]);
  },
  "subplot2grid span": () => {
    plt.subplot2grid([2, 2], [0, 0], { rowspan: 2 });
    plt.plot([1, 2], [1, 2]);
    plt.subplot2grid([2, 2], [0, 1]);
    plt.plot([1, 2], [2, 1]);
  },
  "matshow + colorbar ticks": () => {
    const m = plt.matshow(
      np.array([
        [5, 1],
        [2, 7],
      ]),
      { cmap: "gray" },
    );
    plt.colorbar(m, { ticks: [2, 4, 6] });
  },
  "fluent chart in axes": () => {
    plt
      .chart({ a: [1, 2, 3], b: [3, 1, 2] })
      .mark("line")
      .encode({ x: "a", y: "b" })
      .drawOn(plt.gca());
  },
};

describe("plt specs compile without warnings", () => {
  for (const [name, draw] of Object.entries(API)) {
    it(name, () => {
      draw();
      const { spec, warnings, errors } = compiled(plt.gcf());
      assert.equal(spec.$schema, "https://vega.github.io/schema/vega-lite/v5.json");
      assert.deepEqual(warnings, []);
      assert.deepEqual(errors, []);
      const svg = plt.gcf().toSVG();
      assert.match(svg, /^<svg /);
    });
  }
  for (const [name, make] of Object.entries(GALLERY)) {
    it(`gallery: ${name}`, () => {
      const { warnings, errors } = compiled(make());
      assert.deepEqual(warnings, []);
      assert.deepEqual(errors, []);
    });
  }
  it("the fluent chart API", () => {
    const c = plt
      .chart([
        { x: 1, y: 2, k: "a" },
        { x: 2, y: 3, k: "b" },
      ])
      .mark("point", { size: 60 })
      .encode({ x: "x", y: "y:Q", color: "k", tooltip: ["x", "k"] })
      .properties({ title: "fluent", width: 200, height: 150 });
    const { warnings, errors } = plt.compileSpec(c.toSpec()).diagnostics;
    assert.deepEqual([...warnings, ...errors], []);
    const bundle = c[DISPLAY]();
    assert.match(String(bundle["image/svg+xml"]), /fluent/);
    assert.equal(countItems(String(bundle["image/svg+xml"]), "symbol"), 2);
    assert.ok(texts(String(bundle["image/svg+xml"])).includes("b"), "legend entry");
    assert.throws(() => plt.chart({ x: [1] }).encode({ x: "nope" }), /no field "nope"; fields: x/);
    assert.throws(() => plt.chart({ x: [1] }).mark("pie" as never), /unknown mark type "pie"/);
  });
});

describe("plt SVG output", () => {
  it("draws one symbol per point, a line path, axis titles and legend entries", () => {
    const r = rng(1);
    const x = Array.from({ length: 40 }, () => r.rand());
    plt.plot(x, x, "b.", { label: "data" });
    plt.plot([0, 1], [0, 1], "r-", { label: "model" });
    plt.xlabel("$x_1$");
    plt.ylabel("target");
    plt.legend();
    const svg = plt.gcf().toSVG();
    // 40 data points + the legend's marker sample + the invisible point that carries the axes
    assert.equal(countItems(svg, "symbol"), 40 + 1 + 1);
    const lines = markGroups(svg).filter((g) => g.type === "line");
    assert.equal(lines.length, 1);
    const t = texts(svg);
    for (const s of ["x₁", "target", "data", "model"])
      assert.ok(t.includes(s), `missing text ${s} in ${t.join("|")}`);
  });
  it("draws hist bars as rects, one per bin", () => {
    plt.hist([1, 2, 2, 3, 3, 3, 4], { bins: 7 });
    assert.equal(countItems(plt.gcf().toSVG(), "rect"), 7);
  });
  it("draws contour bands as filled paths and images as <image>", () => {
    const [x, y] = np.meshgrid(np.linspace(-1, 1, 30), np.linspace(-1, 1, 30));
    plt.subplot(121);
    plt.contourf(x, y, x.mul(x).add(y.mul(y)), { levels: [0, 0.5, 1, 2] });
    plt.subplot(122);
    plt.imshow(np.eye(4));
    const svg = plt.gcf().toSVG();
    const bands = markGroups(svg).filter((g) => g.type === "line");
    assert.equal(bands.length, 3);
    assert.equal((svg.match(/<image /g) ?? []).length, 1);
    assert.match(svg, /xlink:href="data:image\/png;base64,/);
  });
  it("renders the same SVG synchronously as Vega's async toSVG", async () => {
    for (const make of Object.values(GALLERY)) {
      const spec = make().toSpec();
      const sync = plt.renderSvgSync(spec);
      const async = await plt.renderSvgAsync(spec);
      assert.equal(normaliseClipIds(sync), normaliseClipIds(async));
      plt.close("all");
    }
  });
  it("gives the display bundle with Vega-Lite, SVG, text and PNG on request", async () => {
    plt.plot([1, 2], [1, 2]);
    const fig = plt.gcf();
    const b = fig[DISPLAY]();
    assert.equal(b["text/plain"], "<Figure size 461x346 with 1 Axes>");
    assert.ok(b["application/vnd.vegalite.v5+json"]);
    assert.match(String(b["image/svg+xml"]), /^<svg/);
    assert.equal(b["image/png"], undefined);
    plt.rcParams["inline.formats"] = ["svg", "png"];
    try {
      const b2 = await fig[plt.DISPLAY_ASYNC]();
      assert.match(String(b2["image/png"]), /^iVBORw0KGgo/);
    } finally {
      plt.rcdefaults();
    }
  });
});

describe("plt large data", () => {
  it("rasterises a 70,000-point scatter into one image layer", () => {
    const r = rng(5);
    const n = 70000;
    const x = Float64Array.from({ length: n }, () => r.randn());
    const y = Float64Array.from({ length: n }, () => r.randn());
    const c = Float64Array.from({ length: n }, (_, i) => i % 10);
    plt.scatter(x, y, { c, cmap: "jet", s: 4, alpha: 0.5 });
    plt.colorbar();
    const { spec, warnings } = compiled(plt.gcf());
    assert.deepEqual(warnings, []);
    const size = JSON.stringify(spec).length;
    assert.ok(size < 1_500_000, `spec is ${size} bytes`);
    const svg = plt.gcf().toSVG();
    assert.equal((svg.match(/<image /g) ?? []).length, 1);
    // only the invisible axes carrier and the colorbar's scale carrier, no per-point marks
    assert.ok(countItems(svg, "symbol") <= 3);
  });
  it("decimates a long sorted line without changing its extent", () => {
    const n = 200000;
    const x = Float64Array.from({ length: n }, (_, i) => i);
    const y = Float64Array.from({ length: n }, (_, i) => Math.sin(i / 1000) + (i === 123456 ? 5 : 0));
    plt.plot(x, y);
    const spec = plt.gcf().toSpec();
    const size = JSON.stringify(spec).length;
    assert.ok(size < 200_000, `spec is ${size} bytes`);
    const line = (spec.layer as { data?: { values: { y: number }[] } }[])[1];
    const top = Math.max(...line.data!.values.map((v) => v.y));
    assert.ok(Math.abs(top - (5 + Math.sin(123.456))) < 1e-5, "the spike survives");
  });
  it("decimates a long line whose x falls (a precision-recall curve)", () => {
    const n = 60000;
    const recall = Float64Array.from({ length: n }, (_, i) => 1 - i / (n - 1));
    const precision = Float64Array.from({ length: n }, (_, i) => 0.1 + (0.9 * i) / (n - 1));
    plt.plot(recall, precision, "b-");
    const spec = plt.gcf().toSpec();
    const size = JSON.stringify(spec).length;
    assert.ok(size < 200_000, `spec is ${size} bytes`);
    const line = (spec.layer as { data?: { values: { x: number; y: number }[] } }[])[1];
    const xs = line.data!.values.map((v) => v.x);
    assert.equal(Math.max(...xs), 1, "the first point survives");
    assert.equal(Math.min(...xs), 0, "the last point survives");
  });
  it("keeps a 28×28×100 digits grid small", () => {
    const spec = JSON.stringify(GALLERY["digits-grid"]().toSpec());
    assert.ok(spec.length < 400_000, `spec is ${spec.length} bytes`);
  });
});
