import { ValueError } from "../core/errors.js";
import { parseColor, toHex, type ColorSpec, type Rgba } from "./colors.js";

/**
 * A colormap: maps a number in [0, 1] to a colour. Where matplotlib calls the colormap
 * (`plt.cm.jet(0.3)`), call `at` (`plt.cm.jet.at(0.3)`).
 *
 * @example
 * ```ts
 * plt.cm.viridis.hex(0); // "#440154"
 * plt.cm.jet.at(0.5);    // [r, g, b, a]
 * ```
 */
export class Colormap {
  /** The name, as matplotlib spells it. */
  readonly name: string;
  /** Number of distinct colours (256 for continuous maps, the list length for listed ones). */
  readonly N: number;
  private readonly fn: (x: number) => Rgba;

  /** @internal Use `plt.cm.<name>`, `plt.getCmap(name)` or `new plt.ListedColormap(colors)`. */
  constructor(name: string, fn: (x: number) => Rgba, N = 256) {
    this.name = name;
    this.fn = fn;
    this.N = N;
  }

  /** The colour at `x` (clipped to [0, 1]; NaN gives transparent). */
  at(x: number): Rgba {
    if (Number.isNaN(x)) return [0, 0, 0, 0];
    return this.fn(Math.min(1, Math.max(0, x)));
  }

  /** The colour at `x` as "#rrggbb". */
  hex(x: number): string {
    return toHex(this.at(x));
  }

  /** `n` colours evenly spaced over the map (both ends included). */
  samples(n: number): string[] {
    if (n <= 1) return [this.hex(0)];
    return Array.from({ length: n }, (_, i) => this.hex(i / (n - 1)));
  }

  /** The same map run backwards (matplotlib's `name_r`). */
  reversed(): Colormap {
    const name = this.name.endsWith("_r") ? this.name.slice(0, -2) : `${this.name}_r`;
    return new Colormap(name, (x) => this.fn(1 - x), this.N);
  }

  /** @internal Whether this map has few discrete colours (a listed map). */
  get discrete(): boolean {
    return this.N < 64;
  }
}

/**
 * A colormap made of a list of colours, one per equal slice of [0, 1] (matplotlib's
 * `ListedColormap`), used for decision-region plots.
 *
 * @example
 * ```ts
 * const cmap = new plt.ListedColormap(["#fafab0", "#9898ff", "#a0faa0"]);
 * plt.contourf(x0, x1, yPred, { cmap, alpha: 0.3 });
 * ```
 */
export class ListedColormap extends Colormap {
  /** The colours as "#rrggbb". */
  readonly colors: readonly string[];

  constructor(colors: readonly ColorSpec[], name = "from_list") {
    if (!Array.isArray(colors) || colors.length === 0) {
      throw new ValueError("plt.ListedColormap: colors must be a non-empty array of colours");
    }
    const rgba = colors.map((c, i) => parseColor(c, "ListedColormap", `colors[${i}]`));
    const n = rgba.length;
    super(name, (x) => rgba[Math.min(n - 1, Math.floor(x * n))], n);
    this.colors = rgba.map(toHex);
  }
}

function hexToRgba(h: string): Rgba {
  return [
    parseInt(h.slice(1, 3), 16) / 255,
    parseInt(h.slice(3, 5), 16) / 255,
    parseInt(h.slice(5, 7), 16) / 255,
    1,
  ];
}

// Linear interpolation through evenly spaced anchor colours.
function fromStops(name: string, stops: readonly string[]): Colormap {
  const rgba = stops.map(hexToRgba);
  const last = rgba.length - 1;
  return new Colormap(name, (x) => {
    const p = x * last;
    const i = Math.min(last - 1, Math.floor(p));
    const t = p - i;
    const a = rgba[i];
    const b = rgba[i + 1];
    return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t, 1];
  });
}

// Piecewise-linear channel given as [x, value] breakpoints (matplotlib's segment data form).
function piecewise(points: readonly (readonly [number, number])[]): (x: number) => number {
  return (x) => {
    for (let i = 1; i < points.length; i++) {
      const [x1, v1] = points[i];
      if (x <= x1) {
        const [x0, v0] = points[i - 1];
        return x1 === x0 ? v1 : v0 + ((v1 - v0) * (x - x0)) / (x1 - x0);
      }
    }
    return points[points.length - 1][1];
  };
}

function fromChannels(
  name: string,
  r: (x: number) => number,
  g: (x: number) => number,
  b: (x: number) => number,
): Colormap {
  const clip = (v: number): number => Math.min(1, Math.max(0, v));
  return new Colormap(name, (x) => [clip(r(x)), clip(g(x)), clip(b(x)), 1]);
}

// Anchor values below are the published definitions of each map (segment breakpoints for jet,
// hot, brg and rainbow; ColorBrewer classes for Greys, RdYlBu, Spectral, GnBu, Pastel2, Paired;
// 11 evenly spaced samples of viridis, interpolated linearly, which stays within a few units
// of 255 of the 256-entry table).
const jet = fromChannels(
  "jet",
  piecewise([
    [0, 0],
    [0.35, 0],
    [0.66, 1],
    [0.89, 1],
    [1, 0.5],
  ]),
  piecewise([
    [0, 0],
    [0.125, 0],
    [0.375, 1],
    [0.64, 1],
    [0.91, 0],
    [1, 0],
  ]),
  piecewise([
    [0, 0.5],
    [0.11, 1],
    [0.34, 1],
    [0.65, 0],
    [1, 0],
  ]),
);
const hot = fromChannels(
  "hot",
  piecewise([
    [0, 0.0416],
    [0.365079, 1],
    [1, 1],
  ]),
  piecewise([
    [0, 0],
    [0.365079, 0],
    [0.746032, 1],
    [1, 1],
  ]),
  piecewise([
    [0, 0],
    [0.746032, 0],
    [1, 1],
  ]),
);
const brg = fromChannels(
  "brg",
  (x) => 1 - Math.abs(2 * x - 1),
  (x) => 2 * x - 1,
  (x) => 1 - 2 * x,
);
const rainbow = fromChannels(
  "rainbow",
  (x) => Math.abs(2 * x - 0.5),
  (x) => Math.sin(Math.PI * x),
  (x) => Math.cos((Math.PI * x) / 2),
);

const BASE: readonly Colormap[] = [
  jet,
  hot,
  brg,
  rainbow,
  fromStops("binary", ["#ffffff", "#000000"]),
  fromStops("gray", ["#000000", "#ffffff"]),
  fromStops("Greys", [
    "#ffffff",
    "#f0f0f0",
    "#d9d9d9",
    "#bdbdbd",
    "#969696",
    "#737373",
    "#525252",
    "#252525",
    "#000000",
  ]),
  fromStops("viridis", [
    "#440154",
    "#482475",
    "#414487",
    "#355f8d",
    "#2a788e",
    "#21918c",
    "#22a884",
    "#44bf70",
    "#7ad151",
    "#bddf26",
    "#fde725",
  ]),
  fromStops("RdYlBu", [
    "#a50026",
    "#d73027",
    "#f46d43",
    "#fdae61",
    "#fee090",
    "#ffffbf",
    "#e0f3f8",
    "#abd9e9",
    "#74add1",
    "#4575b4",
    "#313695",
  ]),
  fromStops("Spectral", [
    "#9e0142",
    "#d53e4f",
    "#f46d43",
    "#fdae61",
    "#fee08b",
    "#ffffbf",
    "#e6f598",
    "#abdda4",
    "#66c2a5",
    "#3288bd",
    "#5e4fa2",
  ]),
  fromStops("GnBu", [
    "#f7fcf0",
    "#e0f3db",
    "#ccebc5",
    "#a8ddb5",
    "#7bccc4",
    "#4eb3d3",
    "#2b8cbe",
    "#0868ac",
    "#084081",
  ]),
  new ListedColormap(
    ["#b3e2cd", "#fdcdac", "#cbd5e8", "#f4cae4", "#e6f5c9", "#fff2ae", "#f1e2cc", "#cccccc"],
    "Pastel2",
  ),
  new ListedColormap(
    [
      "#a6cee3",
      "#1f78b4",
      "#b2df8a",
      "#33a02c",
      "#fb9a99",
      "#e31a1c",
      "#fdbf6f",
      "#ff7f00",
      "#cab2d6",
      "#6a3d9a",
      "#ffff99",
      "#b15928",
    ],
    "Paired",
  ),
  new ListedColormap(
    [
      "#1f77b4",
      "#ff7f0e",
      "#2ca02c",
      "#d62728",
      "#9467bd",
      "#8c564b",
      "#e377c2",
      "#7f7f7f",
      "#bcbd22",
      "#17becf",
    ],
    "tab10",
  ),
];

/** Every named colormap, and each one reversed as `<name>_r`. */
export const cm: Readonly<Record<string, Colormap>> = Object.freeze(
  Object.fromEntries(
    BASE.flatMap((c) => [
      [c.name, c],
      [`${c.name}_r`, c.reversed()],
    ]),
  ),
);

/**
 * A colormap by name, or the colormap itself; the error lists the names.
 *
 * @example
 * ```ts
 * plt.getCmap("RdYlBu").hex(1); // "#313695"
 * ```
 */
export function getCmap(name: string | Colormap, fn = "getCmap", arg = "cmap"): Colormap {
  if (name instanceof Colormap) return name;
  const found = cm[name];
  if (found === undefined) {
    throw new ValueError(
      `plt.${fn}: unknown ${arg} ${JSON.stringify(name)}; accepted colormaps: ${BASE.map((c) => c.name).join(", ")} ` +
        `(each also reversed as <name>_r), or a Colormap/ListedColormap object`,
    );
  }
  return found;
}

/** Options of a colour normalisation. */
export interface NormOptions {
  /** The value mapped to the start of the colormap (default: data minimum). */
  vmin?: number;
  /** The value mapped to the end of the colormap (default: data maximum). */
  vmax?: number;
}

/**
 * Linear scaling of data into [0, 1] for a colormap (matplotlib's `Normalize`).
 *
 * @example
 * ```ts
 * plt.scatter(x, y, { c: z, norm: new plt.Normalize({ vmin: 0, vmax: 1 }) });
 * ```
 */
export class Normalize {
  vmin: number | undefined;
  vmax: number | undefined;
  constructor(opts: NormOptions = {}) {
    this.vmin = opts.vmin;
    this.vmax = opts.vmax;
  }
  /** @internal The scale type Vega-Lite uses for a colorbar of this norm. */
  get scaleType(): "linear" | "log" {
    return "linear";
  }
  /** @internal Fills missing limits from the data. */
  resolve(values: ArrayLike<number>): [number, number] {
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (!this.accepts(v)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    return [this.vmin ?? (lo === Infinity ? 0 : lo), this.vmax ?? (hi === -Infinity ? 1 : hi)];
  }
  /** @internal Whether a value can be mapped at all. */
  accepts(v: number): boolean {
    return Number.isFinite(v);
  }
  /** @internal Maps a value into [0, 1] given the resolved limits. */
  scale(v: number, lo: number, hi: number): number {
    return hi === lo ? 0.5 : (v - lo) / (hi - lo);
  }
}

/**
 * Logarithmic scaling of positive data into [0, 1] (matplotlib's `LogNorm`), for filled
 * contours of functions spanning decades.
 *
 * @example
 * ```ts
 * plt.contourf(xx, yy, J, { levels: np.logspace(-1, 3, 12), norm: new plt.LogNorm({ vmin: 0.1, vmax: 1000 }) });
 * ```
 */
export class LogNorm extends Normalize {
  override get scaleType(): "linear" | "log" {
    return "log";
  }
  override accepts(v: number): boolean {
    return Number.isFinite(v) && v > 0;
  }
  override scale(v: number, lo: number, hi: number): number {
    if (v <= 0) return NaN;
    return hi === lo ? 0.5 : (Math.log(v) - Math.log(lo)) / (Math.log(hi) - Math.log(lo));
  }
}
