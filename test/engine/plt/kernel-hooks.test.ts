import assert from "node:assert/strict";
import { afterEach, beforeEach, describe, it } from "node:test";
import { DISPLAY, plt } from "tensorbook";

// A stand-in for the kernel's hooks (docs/kernel.md): what plt displays lands in `shown`.
const KERNEL = Symbol.for("tensorbook.kernel");
const g = globalThis as unknown as { [KERNEL]?: unknown };
let shown: unknown[] = [];
let cellEnd = new Set<() => void | Promise<void>>();

function installKernel(): void {
  shown = [];
  cellEnd = new Set();
  g[KERNEL] = {
    display: (value: unknown) => {
      shown.push(value);
      return { displayId: undefined, update: () => undefined };
    },
    cellEnd,
    interrupted: () => false,
    throwIfInterrupted: () => undefined,
  };
}

function runCellEnd(): unknown[] {
  const before = shown.length;
  for (const cb of cellEnd) void cb();
  return shown.slice(before);
}

beforeEach(installKernel);
afterEach(() => {
  plt.close("all");
  delete g[KERNEL];
});

describe("plt kernel integration", () => {
  it("registers one end-of-cell callback with the kernel once a figure exists", () => {
    plt.figure();
    plt.figure();
    assert.equal(cellEnd.size, 1);
  });
  it("returns the open figures at the end of a cell and closes them", () => {
    plt.plot([1, 2], [1, 2]);
    plt.figure();
    plt.hist([1, 2, 3]);
    plt.figure(); // empty: not shown
    const shown = runCellEnd();
    assert.equal(shown.length, 2);
    for (const f of shown) assert.ok(f instanceof plt.Figure);
    assert.deepEqual(plt.getFignums(), []);
    assert.equal(runCellEnd().length, 0);
  });
  it("plt.show() displays through the kernel's display function, then closes", () => {
    plt.plot([1, 2], [1, 2]);
    plt.show();
    assert.equal(shown.length, 1);
    assert.ok(shown[0] instanceof plt.Figure);
    assert.equal(runCellEnd().length, 0);
  });
  it("plt.show() outside the kernel only closes the figures", () => {
    delete g[KERNEL];
    plt.plot([1, 2], [1, 2]);
    plt.show();
    assert.deepEqual(plt.getFignums(), []);
  });
  it("a figure displayed as the cell's result is not shown again at the end of the cell", () => {
    plt.plot([1, 2], [1, 2]);
    const fig = plt.gcf();
    fig[DISPLAY]();
    assert.equal(runCellEnd().length, 0);
  });
  it("a figure changed after being displayed is shown again", () => {
    plt.plot([1, 2], [1, 2]);
    const fig = plt.gcf();
    fig[DISPLAY]();
    plt.title("changed");
    assert.deepEqual(runCellEnd(), [fig]);
  });
  it("the [fig, axes] pair of subplots displays as the figure", () => {
    const pair = plt.subplots(1, 2);
    pair[1][0].plot([1, 2], [3, 4]);
    const bundle = (pair as unknown as { [DISPLAY]: () => { "text/plain": string } })[DISPLAY]();
    assert.equal(bundle["text/plain"], "<Figure size 461x346 with 2 Axes>");
  });
  it("figure(n) returns to an open figure; subplot(121) reuses the axes at that position", () => {
    const f1 = plt.figure(7);
    const a = plt.subplot(121);
    plt.figure();
    assert.equal(plt.figure(7), f1);
    assert.equal(plt.subplot(1, 2, 1), a);
  });
  it("savefig writes PNG, SVG and JSON files", async () => {
    const { mkdtempSync, readFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const dir = mkdtempSync(join(tmpdir(), "plt-"));
    plt.plot([1, 2], [1, 2]);
    await plt.savefig(join(dir, "a.png"));
    await plt.savefig(join(dir, "a.svg"));
    await plt.savefig(join(dir, "a.json"));
    assert.deepEqual([...readFileSync(join(dir, "a.png")).subarray(1, 4)], [0x50, 0x4e, 0x47]);
    assert.match(readFileSync(join(dir, "a.svg"), "utf8"), /^<svg/);
    assert.equal(
      JSON.parse(readFileSync(join(dir, "a.json"), "utf8")).$schema,
      "https://vega.github.io/schema/vega-lite/v5.json",
    );
    await assert.rejects(
      plt.savefig(join(dir, "a.gif")),
      /unknown format "gif"; accepted values: "png", "svg", "json"/,
    );
  });
});
