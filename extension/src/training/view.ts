// The live training view: a MIME renderer for `application/vnd.tensorbook.training+json`.
// JupyterLab calls renderModel again on the same renderer for each update_display_data, so the
// view redraws in place while `fit` runs.
import type { IRenderMime } from "@jupyterlab/rendermime-interfaces";
import { Widget } from "@lumino/widgets";
import { MIME_TYPES } from "../index.js";
import { el } from "../dom.js";
import { limits } from "../limits.js";
import type { TrainingProgress } from "../contracts.js";
import { drawChart } from "./charts-view.js";
import { requestInterrupt } from "./interrupt.js";
import { curveGroups, formatMetric, fractionDone, parseProgress, statusText } from "./state.js";

export class TrainingView extends Widget implements IRenderMime.IRenderer {
  private readonly status = el("span", "tb-Training-status");
  private readonly bar = el("div", "tb-Training-barFill");
  private readonly stop = el("button", "jp-Button tb-Training-stop", "Stop");
  private readonly running = el("div", "tb-Training-metrics");
  private readonly charts = el("div", "tb-Training-charts");
  private readonly table = el("div", "tb-Training-table");
  private stopping = false;

  constructor() {
    super();
    this.addClass("tb-Training");
    const head = el("div", "tb-Training-head");
    const track = el("div", "tb-Training-bar");
    track.setAttribute("role", "progressbar");
    track.append(this.bar);
    this.stop.title = "Interrupt the kernel: fit ends after the current batch and keeps its history";
    this.stop.addEventListener("click", () => this.onStop());
    head.append(this.status, track, this.stop);
    this.node.append(head, this.running, this.charts, this.table);
  }

  async renderModel(model: IRenderMime.IMimeModel): Promise<void> {
    const p = parseProgress(model.data[MIME_TYPES.trainingProgress]);
    if (!p) {
      this.status.textContent = "(training progress in an unknown format)";
      return;
    }
    this.draw(p);
  }

  private onStop(): void {
    this.stopping = requestInterrupt(this.node);
    this.stop.disabled = true;
    this.stop.textContent = this.stopping ? "Stopping…" : "Cannot stop here";
  }

  private draw(p: TrainingProgress): void {
    const cfg = limits().trainingView;
    const fraction = fractionDone(p);
    this.node.dataset.done = String(p.done);
    this.node.dataset.epoch = String(p.epoch);
    this.status.textContent = statusText(p);
    this.bar.style.width = `${(fraction * 100).toFixed(1)}%`;
    this.bar.parentElement?.setAttribute("aria-valuenow", (fraction * 100).toFixed(0));
    this.bar.classList.toggle("tb-stopped", p.done && p.stopped);
    this.stop.hidden = p.done;
    if (!this.stopping) this.stop.disabled = false;

    this.running.textContent = Object.entries(p.metrics)
      .map(([k, v]) => `${k}: ${formatMetric(v)}`)
      .join("   ");

    const groups = curveGroups(p.history);
    this.charts.replaceChildren(
      ...(cfg.showCurves ? groups.map((g) => drawChart(g, p.epochs, cfg.chartHeight)) : []),
    );
    this.table.replaceChildren(...(cfg.showEpochTable ? [this.epochTable(p.history, cfg.maxTableRows)] : []));
    // The newest epoch is the one to see while training: keep the table scrolled to it.
    this.table.scrollTop = this.table.scrollHeight;
  }

  private epochTable(history: Record<string, number[]>, maxRows: number): HTMLElement {
    const names = Object.keys(history);
    const n = Math.max(0, ...names.map((k) => history[k].length));
    const table = el("table", "tb-Training-epochs");
    if (n === 0) return table;
    const head = el("tr");
    head.append(el("th", "", "epoch"), ...names.map((k) => el("th", "", k)));
    table.append(el("thead"));
    table.tHead?.append(head);
    const body = el("tbody");
    // The latest epochs matter most while training; older ones are summarised by the curves.
    for (let i = Math.max(0, n - maxRows); i < n; i++) {
      const row = el("tr");
      row.append(
        el("td", "", String(i + 1)),
        ...names.map((k) => el("td", "", i < history[k].length ? formatMetric(history[k][i]) : "")),
      );
      body.append(row);
    }
    table.append(body);
    return table;
  }
}
