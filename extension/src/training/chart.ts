// Geometry of one loss/metric chart, computed without the DOM so it can be tested: the value
// range, the SVG path of each series and the axis ticks.

export interface ChartSize {
  width: number;
  height: number;
  /** Space kept left of the plot for tick labels, and around it. */
  padLeft: number;
  pad: number;
}

export interface ChartGeometry {
  /** Path `d` attributes, in series order; "" for a series with no finite value. */
  paths: string[];
  /** Dots marking each epoch's value, per series (x, y). */
  points: Array<Array<[number, number]>>;
  yTicks: Array<{ y: number; label: string }>;
  xTicks: Array<{ x: number; label: string }>;
  /** Plot area. */
  plot: { x0: number; x1: number; y0: number; y1: number };
}

function niceStep(span: number, count: number): number {
  const raw = span / Math.max(1, count);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const norm = raw / mag;
  return (norm < 1.5 ? 1 : norm < 3 ? 2 : norm < 7 ? 5 : 10) * mag;
}

function tickLabel(v: number, step: number): string {
  const digits = Math.max(0, -Math.floor(Math.log10(step)));
  return v.toFixed(Math.min(digits, 6));
}

/**
 * Lays out series of per-epoch values (x = epoch 1..n) in a chart of `size`; `epochs` fixes the
 * x range so the curve grows toward the right edge as epochs end.
 */
export function chartGeometry(series: number[][], epochs: number, size: ChartSize): ChartGeometry {
  const plot = { x0: size.padLeft, x1: size.width - size.pad, y0: size.pad, y1: size.height - size.pad - 14 };
  const finite = series.flat().filter(Number.isFinite);
  let lo = finite.length ? Math.min(...finite) : 0;
  let hi = finite.length ? Math.max(...finite) : 1;
  if (hi - lo < 1e-12) {
    const d = Math.abs(hi) * 0.05 || 0.5;
    lo -= d;
    hi += d;
  }
  const n = Math.max(epochs, ...series.map((s) => s.length), 1);
  const x = (i: number) =>
    n === 1 ? (plot.x0 + plot.x1) / 2 : plot.x0 + ((plot.x1 - plot.x0) * i) / (n - 1);
  const y = (v: number) => plot.y1 - ((plot.y1 - plot.y0) * (v - lo)) / (hi - lo);

  const points = series.map((s) =>
    s.flatMap((v, i): Array<[number, number]> => (Number.isFinite(v) ? [[x(i), y(v)]] : [])),
  );
  // A gap (NaN epoch) starts a new subpath instead of drawing through it.
  const paths = series.map((s) => {
    let d = "";
    let pen = false;
    s.forEach((v, i) => {
      if (!Number.isFinite(v)) return void (pen = false);
      d += `${pen ? "L" : "M"}${x(i).toFixed(1)},${y(v).toFixed(1)}`;
      pen = true;
    });
    return d;
  });

  const step = niceStep(hi - lo, 4);
  const yTicks: ChartGeometry["yTicks"] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) {
    yTicks.push({ y: y(v), label: tickLabel(v, step) });
  }
  const xStep = Math.max(1, Math.ceil(n / 8));
  const xTicks: ChartGeometry["xTicks"] = [];
  for (let e = 1; e <= n; e += xStep) xTicks.push({ x: x(e - 1), label: String(e) });
  return { paths, points, yTicks, xTicks, plot };
}
