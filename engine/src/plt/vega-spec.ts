import type { Artist } from "./artists.js";
import type { AxesBase, AxisState, LabelState } from "./axes-base.js";
import { dashArray } from "./format-string.js";
import { num, type Json, type JsonObject } from "./json.js";
import { artistLayers, scaleOf } from "./layers.js";
import { legendLayers } from "./legend.js";
import { frameOf, type Frame } from "./limits.js";
import { rcParams } from "./rc.js";

/** What the spec builder needs from a figure. */
export interface FigureModel {
  /** Width and height in pixels. */
  readonly pixelSize: [number, number];
  readonly axes: readonly AxesBase[];
  readonly suptitleState?: LabelState;
  readonly facecolor: string;
}

/** The Vega-Lite schema every spec declares (JupyterLab's renderer picks Vega-Lite 5 by it). */
export const VEGA_LITE_SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json";

// matplotlib's default subplot parameters: the axes grid fills 77.5 % × 77 % of the figure,
// with gaps of 20 % of an axes between neighbours.
const AREA_W = 0.775;
const AREA_H = 0.77;
const GAP = 0.2;

function spanSize(total: number, n: number, span: number, area: number): number {
  return (total * area * (span + GAP * (span - 1))) / (n + GAP * (n - 1));
}

function tickLabelExpr(ticks: number[], labels: string[]): string {
  // A chain of comparisons: Vega's expression language has no object lookup by number.
  let expr = '""';
  for (let i = ticks.length - 1; i >= 0; i--)
    expr = `abs(datum.value - ${num(ticks[i])}) < 1e-9 * (1 + abs(${num(ticks[i])})) ? ${JSON.stringify(labels[i])} : ${expr}`;
  return expr;
}

function axisSpec(
  ax: AxesBase,
  st: AxisState,
  which: "x" | "y",
  length: number,
  orient?: "right",
): JsonObject | null {
  if (!ax.axisOn) return null;
  const grid = ax.gridState
    ? ax.gridState.on && (ax.gridState.axis ?? "both") !== (which === "x" ? "y" : "x")
    : rcParams["axes.grid"];
  const a: JsonObject = {
    grid,
    labels: st.showLabels,
    ticks: st.showTicks,
    labelFontSize: st.tickFontSize ?? rcParams[which === "x" ? "xtick.labelsize" : "ytick.labelsize"],
    title: st.label ? st.label.text : null,
    // about as many ticks as matplotlib's locator picks for this length
    tickCount: Math.max(2, Math.round(length / (which === "x" ? 75 : 50))),
  };
  if (orient) a.orient = orient;
  if (st.label) {
    a.titleFontSize = st.label.fontSize;
    if (st.label.color) a.titleColor = st.label.color;
    if (st.label.fontWeight) a.titleFontWeight = st.label.fontWeight;
    if (st.label.angle !== undefined) {
      // matplotlib rotates counter-clockwise from horizontal; Vega clockwise.
      a.titleAngle = (360 - st.label.angle) % 360;
      if (which === "y" && st.label.angle % 180 === 0) {
        a.titleAlign = orient === "right" ? "left" : "right";
        a.titleBaseline = "middle";
      }
    }
  }
  if (grid && ax.gridState) {
    if (ax.gridState.color) a.gridColor = ax.gridState.color;
    if (ax.gridState.linewidth) a.gridWidth = ax.gridState.linewidth;
    if (ax.gridState.alpha !== undefined) a.gridOpacity = ax.gridState.alpha;
    const dash = ax.gridState.linestyle
      ? dashArray(ax.gridState.linestyle, ax.gridState.linewidth ?? 0.8)
      : null;
    if (dash && dash.length) a.gridDash = dash;
  }
  if (st.ticks) {
    if (st.ticks.length === 0) {
      a.ticks = false;
      a.labels = false;
    } else {
      a.values = st.ticks.map((t) => num(t));
      if (st.tickLabels) a.labelExpr = tickLabelExpr(st.ticks, st.tickLabels);
    }
  }
  if (st.tickAngle !== undefined) a.labelAngle = st.tickAngle;
  return a;
}

// An invisible layer that carries the axes (and their scales) even when nothing else is drawn.
function frameLayer(ax: AxesBase, frame: Frame, orientY?: "right"): JsonObject {
  return {
    data: { values: [{ x: num(frame.x.domain[0]), y: num(frame.y.domain[0]) }] },
    mark: { type: "point", opacity: 0, size: 0 },
    encoding: {
      x: {
        field: "x",
        type: "quantitative",
        scale: scaleOf(frame.x),
        axis: orientY ? null : axisSpec(ax, ax.xaxis, "x", frame.width),
        title: frame.xTitle,
      },
      y: {
        field: "y",
        type: "quantitative",
        scale: scaleOf(frame.y),
        axis: axisSpec(ax, ax.yaxis, "y", frame.height, orientY),
        title: frame.yTitle,
      },
    },
  };
}

function colorbarLayer(ax: AxesBase, frame: Frame): JsonObject | null {
  const cb = ax.colorbarState;
  if (!cb) return null;
  const { scale } = cb;
  const legend: JsonObject = {
    type: "gradient",
    direction: "vertical",
    orient: "right",
    gradientLength: frame.height,
    gradientThickness: Math.max(10, Math.round(frame.height / 20)),
    title: cb.label ?? null,
    labelFontSize: rcParams["ytick.labelsize"],
  };
  if (cb.ticks) legend.values = cb.ticks.map((t) => num(t));
  return {
    data: { values: [{ v: num(scale.lo) }, { v: num(scale.hi) }] },
    mark: { type: "square", size: 0, opacity: 0 },
    encoding: {
      x: { value: 0 },
      y: { value: 0 },
      color: {
        field: "v",
        type: "quantitative",
        scale: {
          type: scale.norm.scaleType,
          domain: [num(scale.lo), num(scale.hi)],
          range: scale.cmap.samples(32),
          interpolate: "rgb",
          nice: false,
          ...(scale.norm.scaleType === "linear" ? { zero: false } : {}),
        },
        legend,
      },
    },
  };
}

function ordered(artists: readonly Artist[]): Artist[] {
  return artists
    .map((a, i) => ({ a, i }))
    .sort((p, q) => p.a.zorder - q.a.zorder || p.i - q.i)
    .map((p) => p.a);
}

function titleSpec(t: LabelState): JsonObject {
  const out: JsonObject = { text: t.text, fontSize: t.fontSize, anchor: t.anchor ?? "middle" };
  if (t.fontWeight) out.fontWeight = t.fontWeight;
  if (t.color) out.color = t.color;
  return out;
}

function layersOf(ax: AxesBase, frame: Frame, twinSide?: "right"): Json[] {
  const layers: Json[] = [];
  if (frame.explicit) layers.push(frameLayer(ax, frame, twinSide));
  for (const a of ordered(ax.artists)) layers.push(...artistLayers(frame, a));
  const cb = colorbarLayer(ax, frame);
  if (cb) layers.push(cb);
  layers.push(...legendLayers(frame, ax));
  return layers;
}

/** The Vega-Lite view of one axes (with its twin, if any) in a width × height pixel box. */
export function axesSpec(ax: AxesBase, width: number, height: number): JsonObject {
  const frame = frameOf(ax, width, height);
  const unit: JsonObject = { width: frame.width, height: frame.height };
  if (ax.titleState) unit.title = titleSpec(ax.titleState);
  const view: JsonObject = {};
  if (!ax.axisOn) view.stroke = null;
  if (ax.facecolor) view.fill = ax.facecolor;
  if (Object.keys(view).length) unit.view = view;
  if (ax.twin) {
    const twinFrame = frameOf(ax.twin, frame.width, frame.height);
    unit.layer = [{ layer: layersOf(ax, frame) }, { layer: layersOf(ax.twin, twinFrame, "right") }];
    unit.resolve = { scale: { y: "independent" }, axis: { y: "independent" } };
  } else unit.layer = layersOf(ax, frame);
  return unit;
}

/** The whole figure as one Vega-Lite v5 spec: a grid of axes views (concatenated), titles, config. */
export function figureSpec(fig: FigureModel): JsonObject {
  const [W, H] = fig.pixelSize;
  const shown = fig.axes.filter((a) => a.twinOf === undefined);
  // Rows of the layout: axes grouped by where their top edge falls, left to right within a row.
  const rows = new Map<number, AxesBase[]>();
  for (const ax of shown) {
    const p = ax.placement;
    const key = Math.round((p.row / p.rows) * 1e6);
    const row = rows.get(key) ?? [];
    row.push(ax);
    rows.set(key, row);
  }
  const views = [...rows.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([, axes]) =>
      axes
        .sort((a, b) => a.placement.col / a.placement.cols - b.placement.col / b.placement.cols)
        .map((ax) => {
          const p = ax.placement;
          return axesSpec(ax, spanSize(W, p.cols, p.colspan, AREA_W), spanSize(H, p.rows, p.rowspan, AREA_H));
        }),
    );
  const config: JsonObject = {
    font: rcParams["font.family"],
    aria: false,
    view: { stroke: "#000000", strokeWidth: 0.8 },
    axis: {
      grid: false,
      domain: false,
      gridColor: "#b0b0b0",
      gridWidth: 0.8,
      gridOpacity: 1,
      tickColor: "#000000",
      tickSize: 3.5,
      labelColor: "#000000",
      titleColor: "#000000",
      titleFontWeight: "normal",
      titleFontSize: rcParams["axes.labelsize"],
    },
    title: { fontWeight: "normal", fontSize: rcParams["axes.titlesize"], color: "#000000" },
    legend: { gradientStrokeWidth: 0, titleFontWeight: "normal" },
  };
  let spec: JsonObject;
  if (views.length === 1 && views[0].length === 1 && !fig.suptitleState) spec = { ...views[0][0] };
  else {
    spec = {
      vconcat: views.map((r) => (r.length === 1 ? r[0] : { hconcat: r, spacing: Math.round(W * 0.03) + 10 })),
      spacing: Math.round(H * 0.03) + 10,
    };
    spec.resolve = { scale: { color: "independent" }, legend: { color: "independent" } };
    if (fig.suptitleState) spec.title = { ...titleSpec(fig.suptitleState), frame: "group" };
  }
  return { $schema: VEGA_LITE_SCHEMA, background: fig.facecolor, padding: 5, config, ...spec };
}
