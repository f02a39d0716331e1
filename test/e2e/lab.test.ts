// The browser test: Tensorbook's JupyterLab, started as `npm start` starts it, driven through
// Debian's Chromium. Screenshots of every step go to test-results/e2e/.
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { Locator } from "playwright-core";
import { CHROMIUM, openBrowser, type Browser } from "./browser.js";
import { CELL, writeSmokeNotebook } from "./notebook.js";
import { startLab, type LabServer } from "./server.js";

const skip = !existsSync(CHROMIUM) ? `no Chromium at ${CHROMIUM} (apt-get install chromium)` : false;
const T = { start: 90_000, cell: 60_000, ui: 20_000 };

describe("JupyterLab in Chromium", { skip, timeout: 600_000 }, () => {
  let lab: LabServer;
  let b: Browser;
  let original = "";
  const cell = (i: number): Locator =>
    b.page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook .jp-Cell").nth(i);
  // The output's child box: renderers are themselves the `.jp-OutputArea-output` element.
  const outputOf = (i: number): Locator => cell(i).locator(".jp-OutputArea-child");

  // Runs cell i (Shift+Enter in command mode) and waits for `until` inside its outputs.
  async function run(i: number, until: string): Promise<Locator> {
    await cell(i).locator(".jp-InputPrompt").click();
    await b.page.keyboard.press("Escape");
    await b.page.keyboard.press("Shift+Enter");
    const found = outputOf(i).locator(until).first();
    try {
      await found.waitFor({ timeout: T.cell });
    } catch (e) {
      await b.shot(`failed-cell-${i}`);
      throw e;
    }
    return found;
  }

  // Cells run before the kernel is connected are skipped, so wait for "Idle" in the status bar.
  const kernelIdle = () =>
    b.page
      .locator(".jp-StatusBar-Widget", { hasText: /TypeScript \(Tensorbook\) \| Idle/ })
      .first()
      .waitFor({ timeout: T.start });

  before(async () => {
    lab = await startLab();
    original = writeSmokeNotebook(lab.root);
    b = await openBrowser();
  });

  after(async () => {
    await b?.close();
    await lab?.stop();
    if (b?.errors.length) console.log(`browser console errors:\n${b.errors.join("\n")}`);
  });

  it("loads the application with Tensorbook's plugins active", async () => {
    await b.page.goto(`${lab.base}/lab?token=${lab.token}`);
    await b.page.locator(".jp-Launcher").waitFor({ timeout: T.start });
    // The course section appears once the catalogue is read.
    await b.page.locator(".jp-Launcher-sectionTitle", { hasText: /^Tensorbook$/ }).waitFor({ timeout: T.ui });
    await b.page
      .locator(".jp-LauncherCard", { hasText: "TypeScript (Tensorbook)" })
      .first()
      .waitFor({ timeout: T.ui });
    assert.equal(await b.page.locator("#tensorbook-course").count(), 1);
    await b.shot("launcher");
    assert.deepEqual(
      b.errors.filter((e) => /tensorbook/i.test(e)),
      [],
    );
  });

  it("lists the course and opens the learner's own copy", async () => {
    await b.page.locator('.jp-SideBar [data-id="tensorbook-course"]').click();
    const entry = b.page.locator(".tb-Course-open", { hasText: "Smoke test" });
    await entry.waitFor({ timeout: T.ui });
    assert.match(await entry.innerText(), /Every kind of output/);
    await b.shot("course-panel");
    await entry.click();
    await b.page.locator(".jp-NotebookPanel .jp-Notebook").waitFor({ timeout: T.ui });
    await b.page
      .locator('.lm-TabBar-tab.jp-mod-current[title*="my-notebooks/01_smoke.ipynb"]')
      .waitFor({ timeout: T.ui });
    assert.ok(existsSync(join(lab.root, "my-notebooks", "01_smoke.ipynb")));
    await kernelIdle();
  });

  it("highlights cells as TypeScript (the kernel's language_info)", async () => {
    const first = cell(CELL.stdout).locator(".cm-content");
    await first.waitFor({ timeout: T.ui });
    // Highlighted tokens are spans with generated classes; plain text would have none.
    await first.locator("span[class]", { hasText: "import" }).first().waitFor({ timeout: T.cell });
  });

  it("runs cells with stdout, a tensor result and a data grid", async () => {
    await run(CELL.stdout, "text=hello from stdout");
    const tensor = await run(CELL.tensor, "text=array(");
    assert.match(await tensor.innerText(), /\[\[0, 1, 2\],\s*\[3, 4, 5\]\]/);
    await run(CELL.grid, ".tb-Grid-cell");
    const grid = outputOf(CELL.grid);
    assert.match(await grid.locator(".tb-Grid-shape").innerText(), /500 rows × 3 columns/);
    assert.equal(await grid.locator(".tb-Grid-dtype", { hasText: "float64" }).count(), 1);
    // Fewer cells than rows exist: the grid is virtualised.
    assert.ok((await grid.locator(".tb-Grid-cell").count()) < 500 * 3);
    await grid.locator('.tb-Grid-head[data-column="0"]').click();
    assert.match(await grid.locator('.tb-Grid-head[data-column="0"]').innerText(), /▲/);
    await grid.locator(".tb-Grid-statsButton").click();
    assert.match(await grid.locator(".tb-Grid-statsTable").innerText(), /label\s+object\s+500\s+0/);
    await b.shot("outputs-grid");
  });

  it("renders a Vega-Lite chart with JupyterLab's renderer", async () => {
    await run(CELL.chart, ".vega-embed");
    // JupyterLab's renderer draws SVG when the output's metadata asks for it (canvas otherwise).
    await outputOf(CELL.chart).locator(".vega-embed svg.marks").waitFor({ timeout: T.cell });
    assert.ok((await outputOf(CELL.chart).locator(".vega-embed svg.marks path").count()) > 0);
    await b.shot("vega-lite");
  });

  it("updates the live training view and stops training from its button", async () => {
    await run(CELL.training, ".tb-Training");
    const view = outputOf(CELL.training).locator(".tb-Training");
    await view.locator('.tb-Training-chart[data-metric="loss"] path.tb-val').waitFor({ timeout: T.cell });
    await b.page.waitForFunction(
      (el) => Number(el?.getAttribute("data-epoch")) >= 4,
      await view.elementHandle(),
      { timeout: T.cell },
    );
    await b.shot("training-live");
    await view.locator(".tb-Training-stop").click();
    // Interrupted: the cell ends (its prompt loses the `*`) long before epoch 40.
    await b.page.waitForFunction(
      (el) => !!el && !el.textContent?.includes("*"),
      await cell(CELL.training).locator(".jp-InputPrompt").elementHandle(),
      { timeout: T.cell },
    );
    const epoch = Number(await view.getAttribute("data-epoch"));
    assert.ok(epoch >= 4 && epoch < 40, `stopped at epoch ${epoch}`);
    await b.shot("training-stopped");
  });

  it("shows an error with its message", async () => {
    const err = await run(CELL.error, "[data-mime-type='application/vnd.jupyter.stderr']");
    assert.match(await err.innerText(), /boom from a cell/);
    await b.shot("error");
  });

  it("completes and inspects with the engine's documentation", async () => {
    const editor = cell(CELL.scratch).locator(".cm-content");
    await editor.click();
    await b.page.keyboard.type("np.ara");
    await b.page.keyboard.press("Tab");
    const item = b.page.locator(".jp-Completer-item", { hasText: "arange" }).first();
    await item.waitFor({ timeout: T.cell });
    await b.shot("completion");
    await b.page.keyboard.press("Escape");
    await b.page.keyboard.press("Control+a");
    await b.page.keyboard.type("np.arange(");
    await b.page.keyboard.press("Shift+Tab");
    const tooltip = b.page.locator(".jp-Tooltip");
    await tooltip.waitFor({ timeout: T.cell });
    // The signature and the engine's JSDoc (summary and example), from the language service.
    assert.match(await tooltip.innerText(), /arange\(start[\s\S]*@example/);
    await b.shot("inspection");
    await b.page.keyboard.press("Escape");
  });

  it("saves, and keeps the outputs across a reload", async () => {
    await b.page.keyboard.press("Escape");
    await b.page.keyboard.press("Control+s");
    await b.page
      .locator(".lm-TabBar-tab.jp-mod-current.jp-mod-dirty")
      .waitFor({ state: "detached", timeout: T.ui });
    const saved = JSON.parse(readFileSync(join(lab.root, "my-notebooks", "01_smoke.ipynb"), "utf8"));
    assert.ok(saved.cells[CELL.grid].outputs.length > 0);
    const pristine = JSON.parse(readFileSync(original, "utf8"));
    assert.ok(
      pristine.cells.every((c: { outputs?: unknown[] }) => !c.outputs?.length),
      "the original stays pristine",
    );

    await b.page.reload();
    await b.page.locator(".jp-NotebookPanel .jp-Notebook").waitFor({ timeout: T.start });
    await outputOf(CELL.grid).locator(".tb-Grid-cell").first().waitFor({ timeout: T.cell });
    await outputOf(CELL.training).locator(".tb-Training-chart").first().waitFor({ timeout: T.cell });
    await outputOf(CELL.error).getByText("boom from a cell").waitFor({ timeout: T.cell });
    await b.shot("reloaded");
  });

  it("shows the kernel's backend and restarts the kernel", async () => {
    const status = b.page.locator(".tb-BackendStatus");
    await b.page.waitForFunction(
      (el) => /CPU|GPU/.test(el?.textContent ?? ""),
      await status.elementHandle({ timeout: T.cell }),
      { timeout: T.cell },
    );
    await b.page.locator(".lm-MenuBar-itemLabel", { hasText: /^Kernel$/ }).click();
    await b.page.locator(".lm-Menu-itemLabel", { hasText: /^Restart Kernel…$/ }).click();
    await b.page.locator(".jp-Dialog-button.jp-mod-accept", { hasText: "Restart" }).click();
    await b.page.locator(".jp-Dialog").waitFor({ state: "detached", timeout: T.ui });
    await kernelIdle();
    await run(CELL.restart, "text=42");
    await b.shot("restarted");
  });

  it("resets the learner's copy to the course original", async () => {
    await b.page.keyboard.press("Escape");
    await b.page.keyboard.press("Control+Shift+c");
    await b.page.keyboard.type("Reset this notebook");
    await b.page.locator(".lm-CommandPalette-item", { hasText: "Reset this notebook" }).first().click();
    await b.page.locator(".jp-Dialog-button.jp-mod-accept", { hasText: "Reset" }).click();
    await outputOf(CELL.grid).waitFor({ state: "detached", timeout: T.ui });
    // The server normalises what it writes (cell ids, sources as lists of lines): compare content.
    type Cell = { source: string | string[]; outputs?: unknown[] };
    const text = (path: string) =>
      (JSON.parse(readFileSync(path, "utf8")).cells as Cell[]).map((c) => [
        Array.isArray(c.source) ? c.source.join("") : c.source,
        c.outputs?.length ?? 0,
      ]);
    assert.deepEqual(text(join(lab.root, "my-notebooks", "01_smoke.ipynb")), text(original));
    await cell(CELL.stdout)
      .locator(".cm-content", { hasText: "hello from stdout" })
      .waitFor({ timeout: T.ui });
    await b.shot("reset");
  });
});
