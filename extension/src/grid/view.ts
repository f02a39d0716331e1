// The data grid: a MIME renderer for `application/vnd.tensorbook.arrow+json` (data frames,
// series, 2-D tensors as Arrow IPC). Sorting by a column, per-column statistics on demand, dtype
// badges; the text/html table of the same output is what other front ends show.
import type { IRenderMime } from "@jupyterlab/rendermime-interfaces";
import { Widget } from "@lumino/widgets";
import { MIME_TYPES } from "../index.js";
import { el } from "../dom.js";
import { limits } from "../limits.js";
import { GridBody } from "./body.js";
import { decodeBundle, parseBundle, type GridData } from "./decode.js";
import { formatFloat } from "./format.js";
import { columnStats } from "./stats.js";
import { sortOrder } from "./stats.js";

export class DataGridView extends Widget implements IRenderMime.IRenderer {
  private body: GridBody | null = null;
  private sorted: { column: number; descending: boolean } | null = null;

  constructor() {
    super();
    this.addClass("tb-Grid");
  }

  async renderModel(model: IRenderMime.IMimeModel): Promise<void> {
    this.body?.dispose();
    const bundle = parseBundle(model.data[MIME_TYPES.arrowTable]);
    let data: GridData;
    try {
      if (!bundle) throw new Error("not a Tensorbook Arrow table");
      data = decodeBundle(bundle);
    } catch (e) {
      this.node.replaceChildren(
        el("div", "tb-Grid-error", `Cannot show this table: ${(e as Error).message}`),
      );
      return;
    }
    const body = new GridBody(data);
    body.onHeaderClick = (c) => this.sortBy(data, body, c);
    this.body = body;
    this.sorted = null;

    const bar = el("div", "tb-Grid-toolbar");
    const shown = data.totalRows > data.length ? ` (first ${data.length.toLocaleString()} shown)` : "";
    bar.append(
      el(
        "span",
        "tb-Grid-shape",
        `${data.kind}: ${data.totalRows.toLocaleString()} rows × ${data.columns.length} columns${shown}`,
      ),
    );
    const statsButton = el("button", "jp-Button tb-Grid-statsButton", "Column stats");
    const stats = el("div", "tb-Grid-stats");
    stats.hidden = true;
    statsButton.addEventListener("click", () => {
      if (stats.childElementCount === 0) stats.append(this.statsTable(data));
      stats.hidden = !stats.hidden;
      statsButton.classList.toggle("tb-active", !stats.hidden);
    });
    bar.append(statsButton);
    this.node.replaceChildren(bar, stats, body.node);
    body.draw();
  }

  protected override onAfterAttach(): void {
    // Sizes are known only once in the document.
    this.body?.draw();
  }

  protected override onBeforeDetach(): void {
    this.body?.dispose();
  }

  // Header clicks cycle: ascending, descending, original order.
  private sortBy(data: GridData, body: GridBody, column: number): void {
    const s = this.sorted;
    if (s?.column === column && s.descending) this.sorted = null;
    else this.sorted = { column, descending: s?.column === column };
    const order = this.sorted ? sortOrder(data.columns[column], data.length, this.sorted.descending) : null;
    body.setOrder(order, this.sorted);
  }

  private statsTable(data: GridData): HTMLElement {
    const table = el("table", "tb-Grid-statsTable");
    const head = el("tr");
    for (const h of [
      "column",
      "dtype",
      "count",
      "missing",
      "mean",
      "std",
      "min",
      "max",
      "unique",
      "top",
      "freq",
    ])
      head.append(el("th", "", h));
    table.append(head);
    if (data.length > limits().dataGrid.maxStatsRows) {
      table.append(el("caption", "", `statistics skipped: more than ${limits().dataGrid.maxStatsRows} rows`));
      return table;
    }
    const num = (v: number | undefined) => (v === undefined ? "" : formatFloat(v));
    for (const col of data.columns) {
      const s = columnStats(col, data.length);
      const row = el("tr");
      for (const v of [
        col.name,
        col.dtype,
        String(s.count),
        String(s.missing),
        num(s.mean),
        num(s.std),
        num(s.min),
        num(s.max),
        s.unique?.toString() ?? "",
        s.top ?? "",
        s.freq?.toString() ?? "",
      ]) {
        row.append(el("td", "", v));
      }
      table.append(row);
    }
    return table;
  }
}
