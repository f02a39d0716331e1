import type { Artist } from "./artists.js";
import type { AxesBase, LegendLoc } from "./axes-base.js";
import { texToUnicode } from "./latex.js";
import { num, type JsonObject } from "./json.js";
import { textWidth } from "./layers.js";
import type { Frame } from "./limits.js";
import type { MarkerShape } from "./markers.js";
import { rcParams } from "./rc.js";

// The legend is drawn with plain marks in the plot's pixel space rather than as a Vega-Lite
// legend: matplotlib's legend mixes line, marker and patch samples per entry and sits inside
// the axes at `loc`, which Vega-Lite's scale-driven legends cannot express.

interface Entry {
  label: string;
  line?: { color: string; width: number; dash: number[]; alpha: number };
  marker?: { shape: MarkerShape; fill: string; stroke: string; size: number; alpha: number };
  patch?: { fill: string; stroke?: string; alpha: number };
}

function entryOf(a: Artist, label: string): Entry | null {
  switch (a.kind) {
    case "line": {
      const e: Entry = { label };
      if (a.dash !== null) e.line = { color: a.color, width: a.lineWidth, dash: a.dash, alpha: a.alpha };
      if (a.marker)
        e.marker = {
          shape: a.marker,
          fill: a.markerFace,
          stroke: a.markerEdge,
          size: a.markerSize * a.marker.scale,
          alpha: a.alpha,
        };
      return e;
    }
    case "scatter": {
      const color = Array.isArray(a.colors) ? (a.colors[0] ?? "#000000") : a.colors;
      const s = typeof a.sizes === "number" ? a.sizes : (a.sizes[0] ?? 36);
      const d = Math.min(12, Math.max(4, Math.sqrt(s) * a.marker.scale));
      return {
        label,
        marker: { shape: a.marker, fill: color, stroke: a.edgecolor ?? color, size: d, alpha: a.alpha },
      };
    }
    case "image":
      if (a.legendMarker && a.legendColor)
        return {
          label,
          marker: {
            shape: a.legendMarker,
            fill: a.legendColor,
            stroke: a.legendColor,
            size: 6,
            alpha: a.alpha,
          },
        };
      return { label, patch: { fill: "#808080", alpha: a.alpha } };
    case "rects":
      return { label, patch: { fill: a.color, stroke: a.edgecolor, alpha: a.alpha } };
    case "polygons":
      return {
        label,
        patch: { fill: a.polygons[0]?.fill ?? "#808080", stroke: a.edgecolor, alpha: a.alpha },
      };
    case "paths":
      return {
        label,
        line: { color: a.paths[0]?.color ?? "#000000", width: a.lineWidth, dash: a.dash, alpha: a.alpha },
      };
    case "segments":
      return { label, line: { color: a.color, width: a.lineWidth, dash: a.dash, alpha: a.alpha } };
    default:
      return null;
  }
}

/** The legend entries of an axes: labelled artists, or `legend([labels])` applied in order. */
export function legendEntries(ax: AxesBase): Entry[] {
  const explicit = ax.legendState?.labels;
  const drawable = ax.artists.filter((a) => a.kind !== "text" && a.kind !== "arrow" && a.kind !== "chart");
  const out: Entry[] = [];
  if (explicit) {
    explicit.forEach((label, i) => {
      const a = drawable[i];
      const e = a ? entryOf(a, texToUnicode(label)) : null;
      if (e) out.push(e);
    });
    return out;
  }
  for (const a of drawable) {
    if (a.label === undefined || a.label.startsWith("_")) continue;
    const e = entryOf(a, texToUnicode(a.label));
    if (e) out.push(e);
  }
  return out;
}

// Data points in pixels, for the "best" location rule (sampled to at most ~2000 per artist).
function occupied(frame: Frame, ax: AxesBase): [number[], number[]] {
  const xs: number[] = [];
  const ys: number[] = [];
  const addAll = (x: ArrayLike<number>, y: ArrayLike<number>): void => {
    const step = Math.max(1, Math.floor(x.length / 2000));
    for (let i = 0; i < x.length; i += step) {
      xs.push(frame.x.px(x[i]));
      ys.push(frame.y.px(y[i]));
    }
  };
  for (const a of ax.artists) {
    if (a.kind === "line" || a.kind === "scatter") addAll(a.x, a.y);
    else if (a.kind === "rects") {
      addAll(a.x0, a.y1);
      addAll(a.x1, a.y1);
    } else if (a.kind === "paths") for (const p of a.paths) addAll(p.x, p.y);
    else if (a.kind === "polygons" && !a.sticky)
      for (const p of a.polygons) for (const r of p.rings) addAll(r.x, r.y);
  }
  return [xs, ys];
}

const ORDER: readonly Exclude<LegendLoc, "best">[] = [
  "upper right",
  "upper left",
  "lower left",
  "lower right",
  "right",
  "center left",
  "center right",
  "lower center",
  "upper center",
  "center",
];

function place(
  loc: Exclude<LegendLoc, "best">,
  W: number,
  H: number,
  bw: number,
  bh: number,
  pad: number,
): [number, number] {
  const left = pad;
  const right = W - bw - pad;
  const cx = (W - bw) / 2;
  const top = pad;
  const bottom = H - bh - pad;
  const cy = (H - bh) / 2;
  switch (loc) {
    case "upper right":
      return [right, top];
    case "upper left":
      return [left, top];
    case "lower left":
      return [left, bottom];
    case "lower right":
      return [right, bottom];
    case "right":
    case "center right":
      return [right, cy];
    case "center left":
      return [left, cy];
    case "lower center":
      return [cx, bottom];
    case "upper center":
      return [cx, top];
    case "center":
      return [cx, cy];
  }
}

function pix(field: string): JsonObject {
  return { field, type: "quantitative", scale: null, axis: null, title: null };
}

/** The layers drawing an axes' legend (none when `legend()` was not called or nothing is labelled). */
export function legendLayers(frame: Frame, ax: AxesBase): JsonObject[] {
  const st = ax.legendState;
  if (!st) return [];
  const entries = legendEntries(ax);
  if (entries.length === 0) return [];
  const fs = st.fontsize ?? rcParams["legend.fontsize"];
  const ncol = Math.max(1, Math.min(entries.length, st.ncol ?? 1));
  const nrow = Math.ceil(entries.length / ncol);
  const pad = 0.4 * fs;
  const handle = 2 * fs;
  const gap = 0.8 * fs;
  const rowH = fs * 1.5;
  const colGap = 2 * fs;
  const title = st.title === undefined ? undefined : texToUnicode(st.title);
  const titleH = title === undefined ? 0 : rowH;
  const textW = Math.max(...entries.map((e) => textWidth(e.label, fs)));
  const colW = handle + gap + textW;
  const bw = 2 * pad + ncol * colW + (ncol - 1) * colGap;
  const bh = 2 * pad + titleH + nrow * rowH;
  const axPad = 0.5 * fs;
  let loc: Exclude<LegendLoc, "best">;
  if (st.loc === "best") {
    const [xs, ys] = occupied(frame, ax);
    let best = Infinity;
    loc = "upper right";
    for (const cand of ORDER) {
      const [x, y] = place(cand, frame.width, frame.height, bw, bh, axPad);
      let count = 0;
      for (let i = 0; i < xs.length; i++)
        if (xs[i] >= x && xs[i] <= x + bw && ys[i] >= y && ys[i] <= y + bh) count++;
      if (count < best) {
        best = count;
        loc = cand;
      }
      if (count === 0) break;
    }
  } else loc = st.loc;
  const [bx, by] = place(loc, frame.width, frame.height, bw, bh, axPad);
  const layers: JsonObject[] = [];
  if (st.frameon !== false) {
    layers.push({
      data: { values: [{ x: num(bx), x2: num(bx + bw), y: num(by), y2: num(by + bh) }] },
      mark: {
        type: "rect",
        fill: "#ffffff",
        fillOpacity: 0.8,
        stroke: "#cccccc",
        strokeWidth: 1,
        cornerRadius: 2,
      },
      encoding: { x: pix("x"), x2: { field: "x2" }, y: pix("y"), y2: { field: "y2" } },
    });
  }
  const texts: JsonObject[] = [];
  if (title !== undefined) {
    layers.push({
      data: { values: [{ x: num(bx + bw / 2), y: num(by + pad + rowH / 2), t: title }] },
      mark: { type: "text", baseline: "middle", align: "center", fontSize: fs, color: "#000000" },
      encoding: { x: pix("x"), y: pix("y"), text: { field: "t" } },
    });
  }
  entries.forEach((e, i) => {
    const col = Math.floor(i / nrow);
    const row = i % nrow;
    const x0 = bx + pad + col * (colW + colGap);
    const cy = by + pad + titleH + row * rowH + rowH / 2;
    if (e.patch) {
      const mark: JsonObject = { type: "rect", fill: e.patch.fill, opacity: e.patch.alpha };
      if (e.patch.stroke) mark.stroke = e.patch.stroke;
      layers.push({
        data: {
          values: [{ x: num(x0), x2: num(x0 + handle), y: num(cy - 0.35 * fs), y2: num(cy + 0.35 * fs) }],
        },
        mark,
        encoding: { x: pix("x"), x2: { field: "x2" }, y: pix("y"), y2: { field: "y2" } },
      });
    }
    if (e.line) {
      const mark: JsonObject = {
        type: "rule",
        color: e.line.color,
        strokeWidth: e.line.width,
        opacity: e.line.alpha,
        strokeCap: "butt",
      };
      if (e.line.dash.length) mark.strokeDash = e.line.dash;
      layers.push({
        data: { values: [{ x: num(x0), x2: num(x0 + handle), y: num(cy) }] },
        mark,
        encoding: { x: pix("x"), x2: { field: "x2" }, y: pix("y") },
      });
    }
    if (e.marker) {
      const m = e.marker;
      const mark: JsonObject = {
        type: "point",
        shape: m.shape.shape,
        size: m.size * m.size,
        filled: m.shape.filled,
        opacity: m.alpha,
        strokeWidth: 1,
      };
      if (m.shape.filled) {
        mark.fill = m.fill;
        mark.stroke = m.stroke;
      } else mark.stroke = m.stroke;
      layers.push({
        data: { values: [{ x: num(x0 + handle / 2), y: num(cy) }] },
        mark,
        encoding: { x: pix("x"), y: pix("y") },
      });
    }
    texts.push({ x: num(x0 + handle + gap), y: num(cy), t: e.label });
  });
  layers.push({
    data: { values: texts },
    mark: { type: "text", baseline: "middle", align: "left", fontSize: fs, color: "#000000" },
    encoding: { x: pix("x"), y: pix("y"), text: { field: "t" } },
  });
  return layers;
}
