// pandas' plotting hooks (df.plot, df.hist, s.hist, pd.plotting.scatterMatrix) drawn with plt.
import assert from "node:assert/strict";
import { afterEach, describe, it } from "node:test";
import { pd, plt } from "tensorbook";

const df = new pd.DataFrame({
  x: [1, 2, 3, 4, 5],
  y: [2, 4, 1, null, 3],
  size: [10, 20, 30, 40, 50],
  value: [0.1, 0.5, 0.9, 0.3, 0.7],
  name: ["a", "b", "c", "d", "e"],
});

/** The Vega-Lite spec of the current figure, as text. */
const specText = (): string => JSON.stringify(plt.gcf().toSpec());

describe("pd plotting hooks", () => {
  afterEach(() => plt.close("all"));

  it("df.plot scatter draws x against y with sizes, a colour column and a colorbar", () => {
    const ax = df.plot({
      kind: "scatter",
      x: "x",
      y: "y",
      alpha: 0.4,
      s: df.col("size"),
      c: "value",
      cmap: "jet",
      figsize: [5, 4],
    });
    assert.equal(plt.gcf().axes.length, 1);
    assert.equal(ax, plt.gca());
    assert.equal(ax.artists.length, 1);
    const spec = specText();
    assert.match(spec, /"title":"value"/, "the colorbar is titled by the colour column");
    assert.match(spec, /"x"/);
    assert.ok(plt.gcf().toSVG().includes("<svg"));
  });

  it("df.plot line and hist draw one layer per numeric column, with a legend", () => {
    const line = df.plot({ y: ["y", "value"] });
    assert.ok(line.artists.length >= 2);
    plt.close("all");
    const hist = df.plot({ kind: "hist", y: "x", bins: 5 });
    assert.ok(hist.artists.length >= 1);
  });

  it("df.hist makes a grid of histograms of the numeric columns, titled by column", () => {
    const axes = df.hist({ bins: 3, figsize: [8, 6] });
    assert.equal(axes.length, 4, "x, y, size and value; the text column is skipped");
    const spec = specText();
    for (const name of ["x", "y", "size", "value"])
      assert.match(spec, new RegExp(`"text":"${name}"|"title":"${name}"`));
  });

  it("s.hist draws on the current axes and skips missing values", () => {
    plt.figure();
    const ax = df.col("y").hist({ bins: 4 });
    assert.equal(ax, plt.gca());
    assert.equal(plt.gcf().axes.length, 1);
  });

  it("pd.plotting.scatterMatrix lays out n × n panels with histograms on the diagonal", () => {
    const grid = pd.plotting.scatterMatrix(df.get(["x", "y", "value"]), { figsize: [6, 6] });
    assert.equal(grid.length, 3);
    assert.equal(grid[0].length, 3);
    assert.equal(plt.gcf().axes.length, 9);
    assert.ok(plt.gcf().toSVG().includes("<svg"));
  });

  it("a scatter without x and y is an error", () => {
    assert.throws(() => df.plot({ kind: "scatter", x: "x" }), /needs x and y/);
  });
});
