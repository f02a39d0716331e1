// Draws the loss/metric curves of a training view as small SVG charts, one per metric, with the
// validation series dashed.
import { el, svg } from "../dom.js";
import { chartGeometry } from "./chart.js";
import type { CurveGroup } from "./state.js";
import { formatMetric } from "./state.js";

const WIDTH = 300;

/** One chart for `group`, x from epoch 1 to `epochs`. */
export function drawChart(group: CurveGroup, epochs: number, height: number): HTMLElement {
  const box = el("div", "tb-Training-chart");
  box.dataset.metric = group.name;
  const series = group.validation ? [group.train, group.validation] : [group.train];
  const g = chartGeometry(series, epochs, { width: WIDTH, height, padLeft: 44, pad: 8 });
  const root = svg("svg", { viewBox: `0 0 ${WIDTH} ${height}`, width: WIDTH, height, role: "img" });
  root.setAttribute("aria-label", `${group.name} per epoch`);
  for (const t of g.yTicks) {
    root.append(svg("line", { x1: g.plot.x0, x2: g.plot.x1, y1: t.y, y2: t.y, class: "tb-grid" }));
    const label = svg("text", { x: g.plot.x0 - 4, y: t.y + 3, "text-anchor": "end", class: "tb-tick" });
    label.textContent = t.label;
    root.append(label);
  }
  for (const t of g.xTicks) {
    const label = svg("text", { x: t.x, y: height - 4, "text-anchor": "middle", class: "tb-tick" });
    label.textContent = t.label;
    root.append(label);
  }
  g.paths.forEach((d, i) => {
    const cls = i === 0 ? "tb-train" : "tb-val";
    if (d) root.append(svg("path", { d, class: `tb-curve ${cls}` }));
    for (const [x, y] of g.points[i])
      root.append(svg("circle", { cx: x, cy: y, r: 2.5, class: `tb-dot ${cls}` }));
  });
  const title = el("div", "tb-Training-chartTitle");
  const last = (s: number[]) => (s.length ? formatMetric(s[s.length - 1]) : "–");
  title.append(el("span", "tb-key tb-train", group.name), el("span", "", ` ${last(group.train)}`));
  if (group.validation) {
    title.append(
      el("span", "tb-key tb-val", `val_${group.name}`),
      el("span", "", ` ${last(group.validation)}`),
    );
  }
  box.append(title, root);
  return box;
}
