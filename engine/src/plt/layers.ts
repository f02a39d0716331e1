import type {
  Artist,
  ArrowArtist,
  ImageArtist,
  LineArtist,
  PathsArtist,
  PolygonArtist,
  RectArtist,
  ScatterArtist,
  SegmentsArtist,
  TextArtist,
} from "./artists.js";
import { parseColor } from "./colors.js";
import { num, type Json, type JsonObject } from "./json.js";
import type { AxisFrame, Frame } from "./limits.js";
import { rcParams } from "./rc.js";
import { simplify } from "./simplify.js";
import { pngDataUrl, stampPoints, upscaleNearest, type RgbaImage } from "./raster.js";

// Position channel in data units: the axes' explicit domain, no axis (the frame layer draws it).
function pos(frame: Frame, which: "x" | "y", field: string): JsonObject {
  const enc: JsonObject = { field, type: "quantitative", title: which === "x" ? frame.xTitle : frame.yTitle };
  if (frame.explicit) enc.scale = scaleOf(frame[which]);
  return enc;
}

/** @internal The Vega-Lite scale of an axis frame. */
export function scaleOf(a: AxisFrame): JsonObject {
  const s: JsonObject = {
    type: a.type,
    domain: [num(a.domain[0]), num(a.domain[1])],
    nice: false,
    reverse: a.reverse,
  };
  // "zero" means nothing on a log scale (Vega-Lite warns if it is given)
  if (a.type === "linear") s.zero = false;
  return s;
}

// Position channel in pixels of the plot area (legends, axes-fraction text, arrows).
function pix(field: string): JsonObject {
  return { field, type: "quantitative", scale: null, axis: null, title: null };
}

function secondary(field: string): JsonObject {
  return { field };
}

function dataLayer(values: JsonObject[], mark: JsonObject, encoding: JsonObject): JsonObject {
  return { data: { values }, mark: { clip: true, ...mark }, encoding };
}

// Sizes of markers are areas of the symbol's box in px², matplotlib's markersize is a diameter.
function markerLayer(frame: Frame, values: JsonObject[], a: LineArtist): JsonObject {
  const m = a.marker!;
  const d = a.markerSize * m.scale;
  const mark: JsonObject = {
    type: "point",
    shape: m.shape,
    size: d * d,
    opacity: a.alpha,
    filled: m.filled,
    strokeWidth: 1,
  };
  if (m.filled) {
    mark.fill = a.markerFace;
    mark.stroke = a.markerEdge;
  } else mark.color = a.markerEdge;
  return dataLayer(values, mark, { x: pos(frame, "x", "x"), y: pos(frame, "y", "y") });
}

// Large-data rule for lines: with monotonic x (rising, or falling as a precision-recall curve's
// recall), keep per pixel column the first, min, max and last point, which draws the same
// polyline at this resolution.
function decimate(frame: Frame, x: Float64Array, y: Float64Array): number[] {
  const keep: number[] = [];
  let col = NaN;
  let first = -1;
  let lo = -1;
  let hi = -1;
  let last = -1;
  const flush = (): void => {
    if (first < 0) return;
    for (const i of [...new Set([first, lo, hi, last])].sort((a, b) => a - b)) keep.push(i);
  };
  for (let i = 0; i < x.length; i++) {
    const c = Math.floor(frame.x.px(x[i]));
    if (c !== col || !Number.isFinite(y[i])) {
      flush();
      col = c;
      first = lo = hi = last = i;
      if (!Number.isFinite(y[i])) {
        keep.push(i);
        first = -1;
      }
      continue;
    }
    if (y[i] < y[lo]) lo = i;
    if (y[i] > y[hi]) hi = i;
    last = i;
  }
  flush();
  return keep;
}

/** Whether `x` never decreases, or never increases (consecutive points then share pixel columns). */
function isMonotonic(x: Float64Array): boolean {
  let rising = true;
  let falling = true;
  for (let i = 1; i < x.length && (rising || falling); i++) {
    if (x[i] < x[i - 1]) rising = false;
    if (x[i] > x[i - 1]) falling = false;
  }
  return rising || falling;
}

function lineLayers(frame: Frame, a: LineArtist): JsonObject[] {
  let idx: number[] | null = null;
  if (
    a.x.length > rcParams["lines.decimateAbove"] &&
    frame.explicit &&
    a.marker === undefined &&
    isMonotonic(a.x)
  )
    idx = decimate(frame, a.x, a.y);
  const values: JsonObject[] = [];
  const n = idx ? idx.length : a.x.length;
  for (let k = 0; k < n; k++) {
    const i = idx ? idx[k] : k;
    values.push({ x: num(a.x[i]), y: num(a.y[i]) });
  }
  const out: JsonObject[] = [];
  if (a.dash !== null && a.x.length > 1) {
    const mark: JsonObject = {
      type: "line",
      color: a.color,
      strokeWidth: a.lineWidth,
      opacity: a.alpha,
      strokeCap: "butt",
    };
    if (a.dash.length) mark.strokeDash = a.dash;
    out.push(
      dataLayer(values, mark, { x: pos(frame, "x", "x"), y: pos(frame, "y", "y"), order: { value: null } }),
    );
  }
  if (a.marker) out.push(markerLayer(frame, values, a));
  return out;
}

function hexRgba(hex: string, alpha: number): [number, number, number, number] {
  if (hex === "transparent") return [0, 0, 0, 0];
  const c = parseColor(hex, "scatter", "c");
  return [
    Math.round(c[0] * 255),
    Math.round(c[1] * 255),
    Math.round(c[2] * 255),
    Math.round(c[3] * alpha * 255),
  ];
}

function scatterLayers(frame: Frame, a: ScatterArtist): JsonObject[] {
  const n = a.x.length;
  if (n > rcParams["scatter.rasterizeAbove"] && frame.explicit) return [rasterScatter(frame, a)];
  const perColor = Array.isArray(a.colors);
  const perSize = typeof a.sizes !== "number";
  const values: JsonObject[] = [];
  for (let i = 0; i < n; i++) {
    const v: JsonObject = { x: num(a.x[i]), y: num(a.y[i]) };
    if (perColor) v.c = (a.colors as string[])[i];
    if (perSize) v.s = num((a.sizes as Float64Array)[i] * a.marker.scale * a.marker.scale);
    values.push(v);
  }
  const m = a.marker;
  const mark: JsonObject = {
    type: "point",
    shape: m.shape,
    filled: m.filled,
    opacity: a.alpha,
    strokeWidth: a.lineWidth || (m.filled ? 0 : 1),
  };
  if (!perSize) mark.size = (a.sizes as number) * m.scale * m.scale;
  const encoding: JsonObject = { x: pos(frame, "x", "x"), y: pos(frame, "y", "y") };
  const colorChannel = m.filled ? "fill" : "stroke";
  if (perColor) encoding[colorChannel] = { field: "c", type: "nominal", scale: null, legend: null };
  else mark[colorChannel] = a.colors as string;
  if (m.filled && a.edgecolor) mark.stroke = a.edgecolor;
  if (!m.filled && a.edgecolor) mark.stroke = a.edgecolor;
  if (perSize) encoding.size = { field: "s", type: "quantitative", scale: null, legend: null };
  return [dataLayer(values, mark, encoding)];
}

// The large-data path: stamp the points into a PNG exactly covering the plot area.
function rasterScatter(frame: Frame, a: ScatterArtist): JsonObject {
  const k = rcParams["raster.scale"];
  const w = Math.max(1, Math.round(frame.width * k));
  const h = Math.max(1, Math.round(frame.height * k));
  const px = a.x.map((v) => frame.x.px(v) * k);
  const py = a.y.map((v) => frame.y.px(v) * k);
  const sizes = a.sizes;
  const cache = new Map<string, [number, number, number, number]>();
  const rgba = (hex: string): [number, number, number, number] => {
    let c = cache.get(hex);
    if (!c) cache.set(hex, (c = hexRgba(hex, a.alpha)));
    return c;
  };
  const img = stampPoints(
    w,
    h,
    px,
    py,
    (i) => (Math.sqrt(typeof sizes === "number" ? sizes : sizes[i]) / 2) * a.marker.scale * k,
    (i) => rgba(Array.isArray(a.colors) ? a.colors[i] : (a.colors as string)),
    a.marker.shape === "square",
  );
  return {
    data: { values: [{ x: 0, x2: frame.width, y: 0, y2: frame.height, url: pngDataUrl(img) }] },
    mark: { type: "image", aspect: false, clip: true },
    encoding: {
      x: pix("x"),
      x2: secondary("x2"),
      y: pix("y"),
      y2: secondary("y2"),
      url: { field: "url", type: "nominal" },
    },
  };
}

/** @internal The raster layer that replaces a large scatter (exported for the legend's "best" rule). */
export function isRasterized(frame: Frame, a: Artist): boolean {
  return a.kind === "scatter" && a.x.length > rcParams["scatter.rasterizeAbove"] && frame.explicit;
}

function rectLayers(frame: Frame, a: RectArtist): JsonObject[] {
  const values: JsonObject[] = [];
  for (let i = 0; i < a.x0.length; i++)
    values.push({ x: num(a.x0[i]), x2: num(a.x1[i]), y: num(a.y0[i]), y2: num(a.y1[i]) });
  const mark: JsonObject = { type: "rect", fill: a.color, opacity: a.alpha };
  if (a.edgecolor) {
    mark.stroke = a.edgecolor;
    mark.strokeWidth = a.lineWidth;
  }
  return [
    dataLayer(values, mark, {
      x: pos(frame, "x", "x"),
      x2: secondary("x2"),
      y: pos(frame, "y", "y"),
      y2: secondary("y2"),
    }),
  ];
}

// Encoded PNGs per image and enlargement, so showing a figure twice does not re-encode.
const encoded = new WeakMap<RgbaImage, Map<number, string>>();

function imageUrl(img: RgbaImage, k: number): string {
  let byK = encoded.get(img);
  if (!byK) encoded.set(img, (byK = new Map()));
  let url = byK.get(k);
  if (url === undefined) byK.set(k, (url = pngDataUrl(upscaleNearest(img, k))));
  return url;
}

function imageLayers(frame: Frame, a: ImageArtist): JsonObject[] {
  const [l, r, b, t] = a.extent;
  // "nearest" images are enlarged by whole pixels to about raster.scale × their size on screen
  // (renderers disagree on honouring image-rendering: pixelated); smoothed ones go as they are.
  const shownW = Math.abs(frame.x.px(r) - frame.x.px(l));
  const k = a.smooth
    ? 1
    : Math.max(1, Math.min(16, Math.ceil((shownW * rcParams["raster.scale"]) / a.image.width)));
  const url = imageUrl(a.image, k);
  // Vega draws the PNG's first row at the smaller pixel y; pick y/y2 so that row 0 lands on
  // the `top` edge of the extent whichever way the axis runs.
  const topPx = frame.y.px(t);
  const bottomPx = frame.y.px(b);
  const flipped = topPx > bottomPx;
  const values: JsonObject[] = [{ x: num(l), x2: num(r), y: num(t), y2: num(b), url }];
  const mark: JsonObject = { type: "image", aspect: false, opacity: a.alpha, smooth: a.smooth };
  const layer = dataLayer(values, mark, {
    x: pos(frame, "x", "x"),
    x2: secondary("x2"),
    y: pos(frame, "y", "y"),
    y2: secondary("y2"),
    url: { field: "url", type: "nominal" },
  });
  if (flipped) {
    // an upside-down placement (user flipped the axis): fall back to pixel coordinates
    (layer.data as JsonObject).values = [
      { x: num(frame.x.px(l)), x2: num(frame.x.px(r)), y: num(bottomPx), y2: num(topPx), url },
    ];
    layer.encoding = {
      x: pix("x"),
      x2: secondary("x2"),
      y: pix("y"),
      y2: secondary("y2"),
      url: { field: "url", type: "nominal" },
    };
  }
  return [layer];
}

// Contour and polygon outlines lose the points that change nothing on screen.
function keepPoints(frame: Frame, x: readonly number[], y: readonly number[]): number[] {
  if (!frame.explicit) return x.map((_, i) => i);
  return simplify(x.map(frame.x.px), y.map(frame.y.px), 0.3);
}

function polygonLayers(frame: Frame, a: PolygonArtist): JsonObject[] {
  const byFill = new Map<string, JsonObject[]>();
  a.polygons.forEach((p, k) => {
    const list = byFill.get(p.fill) ?? [];
    // Rings are simplified one by one, then joined into one path by there-and-back bridges
    // from the first ring's start (their winding cancels), since a Vega line is one path.
    const ax = p.rings[0]?.x[0] ?? 0;
    const ay = p.rings[0]?.y[0] ?? 0;
    p.rings.forEach((r, n) => {
      const keep = keepPoints(frame, r.x, r.y);
      for (const i of keep) list.push({ x: num(r.x[i]), y: num(r.y[i]), p: k });
      list.push({ x: num(r.x[0]), y: num(r.y[0]), p: k });
      if (n > 0) list.push({ x: num(ax), y: num(ay), p: k });
    });
    byFill.set(p.fill, list);
  });
  const out: JsonObject[] = [];
  for (const [fill, values] of byFill) {
    const mark: JsonObject = {
      type: "line",
      fill,
      opacity: a.alpha,
      interpolate: "linear-closed",
      strokeWidth: a.lineWidth,
    };
    mark.stroke = a.edgecolor ?? null;
    out.push(
      dataLayer(values, mark, {
        x: pos(frame, "x", "x"),
        y: pos(frame, "y", "y"),
        detail: { field: "p", type: "nominal" },
        order: { value: null },
      }),
    );
  }
  return out;
}

function pathLayers(frame: Frame, a: PathsArtist): JsonObject[] {
  const byColor = new Map<string, JsonObject[]>();
  a.paths.forEach((p, k) => {
    const list = byColor.get(p.color) ?? [];
    for (const i of keepPoints(frame, p.x, p.y)) list.push({ x: num(p.x[i]), y: num(p.y[i]), p: k });
    byColor.set(p.color, list);
  });
  const out: JsonObject[] = [];
  for (const [color, values] of byColor) {
    const mark: JsonObject = { type: "line", color, strokeWidth: a.lineWidth, opacity: a.alpha };
    if (a.dash.length) mark.strokeDash = a.dash;
    out.push(
      dataLayer(values, mark, {
        x: pos(frame, "x", "x"),
        y: pos(frame, "y", "y"),
        detail: { field: "p", type: "nominal" },
        order: { value: null },
      }),
    );
  }
  return out;
}

function segmentLayers(frame: Frame, a: SegmentsArtist): JsonObject[] {
  const conv = (v: number, axis: "x" | "y"): number | null => {
    const coords = axis === "x" ? a.xCoords : a.yCoords;
    if (coords === "data") return num(v);
    return num(axis === "x" ? v * frame.width : (1 - v) * frame.height);
  };
  const values: JsonObject[] = [];
  for (let i = 0; i < a.x0.length; i++) {
    values.push({
      x: conv(a.x0[i], "x"),
      x2: conv(a.x1[i], "x"),
      y: conv(a.y0[i], "y"),
      y2: conv(a.y1[i], "y"),
    });
  }
  const mark: JsonObject = { type: "rule", color: a.color, strokeWidth: a.lineWidth, opacity: a.alpha };
  if (a.dash.length) mark.strokeDash = a.dash;
  const enc = (axis: "x" | "y"): JsonObject =>
    (axis === "x" ? a.xCoords : a.yCoords) === "data" ? pos(frame, axis, axis) : pix(axis);
  const out = [
    dataLayer(values, mark, { x: enc("x"), x2: secondary("x2"), y: enc("y"), y2: secondary("y2") }),
  ];
  if (a.caps && a.caps > 0) {
    const ends: JsonObject[] = [];
    for (const v of values) {
      const vertical = v.x === v.x2;
      ends.push({ x: v.x, y: v.y, r: vertical ? 0 : 90 }, { x: v.x2, y: v.y2, r: vertical ? 0 : 90 });
    }
    out.push(
      dataLayer(
        ends,
        {
          type: "point",
          shape: "M-1,0L1,0",
          size: a.caps * a.caps * 4,
          stroke: a.color,
          strokeWidth: a.lineWidth,
          opacity: a.alpha,
        },
        {
          x: enc("x"),
          y: enc("y"),
          angle: { field: "r", type: "quantitative", scale: null },
        },
      ),
    );
  }
  return out;
}

/** @internal Estimated width of a text in pixels (DejaVu Sans averages ~0.6 em per character). */
export function textWidth(text: string, fontSize: number): number {
  return [...text].length * fontSize * 0.6;
}

function textLayers(frame: Frame, a: TextArtist): JsonObject[] {
  const mark: JsonObject = {
    type: "text",
    text: a.text,
    fontSize: a.fontSize,
    color: a.color,
    align: a.align,
    baseline: a.baseline,
    angle: a.angle,
    fontWeight: a.fontWeight,
    opacity: a.alpha,
    dx: a.dx,
    dy: a.dy,
  };
  const inData = a.coords === "data";
  const px = inData ? frame.x.px(a.x) : a.x * frame.width;
  const py = inData ? frame.y.px(a.y) : (1 - a.y) * frame.height;
  const values: JsonObject[] = [inData ? { x: num(a.x), y: num(a.y) } : { x: num(px), y: num(py) }];
  const encoding: JsonObject = inData
    ? { x: pos(frame, "x", "x"), y: pos(frame, "y", "y") }
    : { x: pix("x"), y: pix("y") };
  const out: JsonObject[] = [];
  if (a.box && frame.explicit) {
    const w = textWidth(a.text, a.fontSize) + 6;
    const h = a.fontSize * 1.25 + 4;
    const cx = px + a.dx + (a.align === "left" ? w / 2 - 3 : a.align === "right" ? -w / 2 + 3 : 0);
    const cy =
      py +
      a.dy +
      (a.baseline === "top"
        ? h / 2 - 2
        : a.baseline === "bottom"
          ? -h / 2 + 2
          : a.baseline === "alphabetic"
            ? -a.fontSize * 0.35
            : 0);
    out.push({
      data: {
        values: [{ x: num(cx - w / 2), x2: num(cx + w / 2), y: num(cy - h / 2), y2: num(cy + h / 2) }],
      },
      mark: { type: "rect", fill: a.box.fill, stroke: a.box.stroke, cornerRadius: 3, opacity: a.alpha },
      encoding: { x: pix("x"), x2: secondary("x2"), y: pix("y"), y2: secondary("y2") },
    });
  }
  out.push({ data: { values }, mark, encoding });
  return out;
}

// An arrow head as a symbol path in Vega's [-1, 1] box, pointing right (+x): `l` and `w` are
// its half length and half width as fractions of the box, so the drawn head is exactly
// headLength × headWidth pixels.
function headPath(l: number, w: number, filled: boolean): string {
  const f = (v: number): number => +v.toFixed(4);
  return filled
    ? `M${f(l)},0L${f(-l)},${f(-w)}L${f(-l)},${f(w)}Z`
    : `M${f(-l)},${f(-w)}L${f(l)},0L${f(-l)},${f(w)}`;
}

function arrowLayers(frame: Frame, a: ArrowArtist): JsonObject[] {
  if (!frame.explicit) return [];
  const at = (x: number, y: number, c: "data" | "axes"): [number, number] =>
    c === "data" ? [frame.x.px(x), frame.y.px(y)] : [x * frame.width, (1 - y) * frame.height];
  let [x0, y0] = at(a.x0, a.y0, a.c0);
  x0 += a.dx0;
  y0 += a.dy0;
  let [x1, y1] = at(a.x1, a.y1, a.c1);
  const len = Math.hypot(x1 - x0, y1 - y0);
  if (!(len > 0)) return [];
  const ux = (x1 - x0) / len;
  const uy = (y1 - y0) / len;
  // matplotlib keeps clear of the text it starts from; shrink cuts a fraction at both ends.
  const cut = a.shrink * len;
  x0 += ux * cut;
  y0 += uy * cut;
  x1 -= ux * cut;
  y1 -= uy * cut;
  const angle = (Math.atan2(uy, ux) * 180) / Math.PI;
  const hl = a.headLength;
  const heads: JsonObject[] = [];
  const filled = a.style === "fancy" || a.style === "-|>" || a.style === "<|-|>";
  const headAt = (tx: number, ty: number, dir: number): JsonObject => ({
    x: num(tx - Math.cos((dir * Math.PI) / 180) * (hl / 2)),
    y: num(ty - Math.sin((dir * Math.PI) / 180) * (hl / 2)),
    a: num(dir),
  });
  if (a.style !== "-") heads.push(headAt(x1, y1, angle));
  if (a.style === "<->" || a.style === "<|-|>") heads.push(headAt(x0, y0, angle + 180));
  // The shaft stops at the head's base so a wide shaft does not poke through the tip.
  const sx1 = a.style === "-" ? x1 : x1 - ux * hl * (filled ? 0.9 : 0.2);
  const sx0 = a.style === "<->" || a.style === "<|-|>" ? x0 + ux * hl * (filled ? 0.9 : 0.2) : x0;
  const sy1 = a.style === "-" ? y1 : y1 - uy * hl * (filled ? 0.9 : 0.2);
  const sy0 = a.style === "<->" || a.style === "<|-|>" ? y0 + uy * hl * (filled ? 0.9 : 0.2) : y0;
  const out: JsonObject[] = [
    {
      data: { values: [{ x: num(sx0), y: num(sy0), x2: num(sx1), y2: num(sy1) }] },
      mark: { type: "rule", color: a.color, strokeWidth: a.lineWidth, opacity: a.alpha, strokeCap: "butt" },
      encoding: { x: pix("x"), x2: secondary("x2"), y: pix("y"), y2: secondary("y2") },
    },
  ];
  if (heads.length) {
    // The symbol box is square; the head is hl long and headWidth wide, so scale by the larger.
    const side = Math.max(hl, a.headWidth);
    out.push({
      data: { values: heads },
      mark: {
        type: "point",
        shape: headPath(hl / side, a.headWidth / side, filled),
        size: side * side,
        filled,
        opacity: a.alpha,
        strokeWidth: filled ? 0 : Math.max(1, a.lineWidth),
        ...(filled ? { fill: a.color } : { stroke: a.color }),
      },
      encoding: { x: pix("x"), y: pix("y"), angle: { field: "a", type: "quantitative", scale: null } },
    });
  }
  return out;
}

/** The Vega-Lite layers that draw one artist. */
export function artistLayers(frame: Frame, a: Artist): JsonObject[] {
  switch (a.kind) {
    case "line":
      return lineLayers(frame, a);
    case "scatter":
      return scatterLayers(frame, a);
    case "rects":
      return rectLayers(frame, a);
    case "image":
      return imageLayers(frame, a);
    case "polygons":
      return polygonLayers(frame, a);
    case "paths":
      return pathLayers(frame, a);
    case "segments":
      return segmentLayers(frame, a);
    case "text":
      return textLayers(frame, a);
    case "arrow":
      return arrowLayers(frame, a);
    case "chart":
      return [a.spec as { [key: string]: Json }];
  }
}
