import { ValueError } from "../core/errors.js";
import { Tensor, type TensorLike } from "../core/tensor.js";
import type {
  ArrowArtist,
  ColorScale,
  ImageArtist,
  LineArtist,
  ScatterArtist,
  TextArtist,
} from "./artists.js";
import { AxesBase, type Placement } from "./axes-base.js";
import { colorAndAlpha, type ColorSpec } from "./colors.js";
import type { PlotData } from "./data.js";
import { checkOptions } from "./options.js";
import { barArtist, histArtist, type BarOptions, type HistOptions } from "./plot-bars.js";
import { boxplotArtists, type BoxplotOptions, type BoxplotResult } from "./plot-box.js";
import { contourArtist, contourfArtist, type ContourOptions, type ContourSet } from "./plot-contour.js";
import { imageArtist, type ImshowOptions } from "./plot-image.js";
import { plotLines, type PlotArg } from "./plot-lines.js";
import { scatterArtist, type ScatterOptions } from "./plot-scatter.js";
import {
  axLine,
  dataLines,
  errorbarArtists,
  fillArtist,
  type AxLineOptions,
  type ErrorbarOptions,
  type FillOptions,
  type LinesOptions,
} from "./plot-spans.js";
import {
  annotateArtists,
  arrowArtist,
  textArtist,
  type AnnotateOptions,
  type ArrowOptions,
  type TextOptions,
} from "./plot-text.js";

/** What `scatter` and `imshow` return: the colour scale `colorbar` shows. */
export interface Mappable {
  readonly scale?: ColorScale;
}

/** Options of `clabel`. */
export interface ClabelOptions {
  fontsize?: number;
  /** Format of the level values, e.g. "%.1f" or a function. */
  fmt?: string | ((v: number) => string);
  colors?: ColorSpec;
  inline?: boolean | number;
}

function formatLevel(v: number, fmt: ClabelOptions["fmt"]): string {
  if (typeof fmt === "function") return fmt(v);
  const m = fmt === undefined ? null : /%\.(\d+)f/.exec(fmt);
  if (m) return fmt!.replace(m[0], v.toFixed(Number(m[1])));
  return String(+v.toPrecision(4));
}

/**
 * One plot area with its own data limits, labels and artists (matplotlib's `Axes`). `plt.*`
 * functions draw on the current axes; `plt.subplots` returns axes to draw on directly.
 *
 * @example
 * ```ts
 * const [fig, [ax1, ax2]] = plt.subplots(1, 2, { figsize: [10, 4] });
 * ax1.plot(x, y, "b.");
 * ax2.hist(y, { bins: 20 });
 * ax2.setTitle("distribution");
 * ```
 */
export class Axes extends AxesBase {
  private readonly makeTwin: (host: Axes) => Axes;

  /** @internal Made by figures. */
  constructor(placement: Placement, onChange: () => void, makeTwin: (host: Axes) => Axes) {
    super(placement, onChange);
    this.makeTwin = makeTwin;
  }

  /**
   * Draws lines and/or markers: `plot(y)`, `plot(x, y)`, `plot(x, y, "r--")`, several groups
   * (`plot(x, y1, "b-", x, y2, "g:")`), options last; a 2-D y draws one line per column.
   *
   * @example
   * ```ts
   * ax.plot(X, y, "b.");
   * ax.plot(Xnew, yPred, "r-", { linewidth: 2, label: "Predictions" });
   * ```
   */
  plot(...args: PlotArg[]): LineArtist[] {
    const lines = plotLines(args, () => this.nextColor());
    for (const l of lines) this.add(l);
    return lines;
  }

  /** `plot` with a log x axis. */
  semilogx(...args: PlotArg[]): LineArtist[] {
    this.xscale("log");
    return this.plot(...args);
  }
  /** `plot` with a log y axis. */
  semilogy(...args: PlotArg[]): LineArtist[] {
    this.yscale("log");
    return this.plot(...args);
  }
  /** `plot` with both axes logarithmic. */
  loglog(...args: PlotArg[]): LineArtist[] {
    this.xscale("log");
    this.yscale("log");
    return this.plot(...args);
  }

  /**
   * Scatter plot; `c` may be a colour, or values mapped through `cmap` (show them with
   * `plt.colorbar()`); `s` is the marker area.
   *
   * @example
   * ```ts
   * ax.scatter(X.get(":", 0), X.get(":", 1), { c: y, cmap: "jet", s: 10, alpha: 0.5 });
   * ```
   */
  scatter(x: PlotData, y: PlotData, opts: ScatterOptions = {}): ScatterArtist & Mappable {
    const a = scatterArtist(x, y, opts, () => this.nextColor());
    if (a.scale) this.lastScale = a.scale;
    return this.add(a);
  }

  /**
   * Histogram; returns `[counts, binEdges]` as tensors.
   *
   * @example
   * ```ts
   * const [counts, edges] = ax.hist(housing.col("median_income"), { bins: 50 });
   * ```
   */
  hist(x: PlotData, opts: HistOptions = {}): [Tensor, Tensor] {
    const { artist, counts, edges } = histArtist(x, opts, () => this.nextColor());
    this.add(artist);
    return [
      Tensor.fromTypedArray(counts, [counts.length], "float64"),
      Tensor.fromTypedArray(edges, [edges.length], "float64"),
    ];
  }

  private categories(axis: "x" | "y", labels: string[] | undefined): void {
    if (!labels) return;
    if (axis === "x")
      this.xticks(
        labels.map((_, i) => i),
        labels,
      );
    else
      this.yticks(
        labels.map((_, i) => i),
        labels,
      );
  }

  /**
   * Vertical bars at `x` with heights `height`; string `x` values become categories.
   *
   * @example
   * ```ts
   * ax.bar(["a", "b", "c"], [3, 5, 2]);
   * ```
   */
  bar(x: PlotData | readonly string[], height: number | PlotData, opts: BarOptions = {}): this {
    const { artist, categories } = barArtist("bar", x, height, opts, () => this.nextColor());
    this.add(artist);
    this.categories("x", categories);
    return this;
  }

  /** Horizontal bars at `y` with lengths `width`. */
  barh(y: PlotData | readonly string[], width: number | PlotData, opts: BarOptions = {}): this {
    const { artist, categories } = barArtist("barh", y, width, opts, () => this.nextColor());
    this.add(artist);
    this.categories("y", categories);
    return this;
  }

  /**
   * Box-and-whisker plot of each data set (the columns of a 2-D array, or a list of arrays):
   * the box spans the quartiles with a line at the median, whiskers reach the furthest points
   * within 1.5 × IQR (`whis`), points beyond are drawn as circles (matplotlib's rules and look).
   *
   * @example
   * ```ts
   * ax.plot(np.ones([10]), svmScores, ".");
   * ax.boxplot([svmScores, forestScores], { labels: ["SVM", "Random Forest"] });
   * ```
   */
  boxplot(x: PlotData | readonly PlotData[], opts: BoxplotOptions = {}): BoxplotResult {
    const result = boxplotArtists(x, opts, (axis, positions, labels) =>
      axis === "x" ? this.xticks(positions, labels) : this.yticks(positions, labels),
    );
    for (const part of [
      result.boxes,
      result.whiskers,
      result.caps,
      result.medians,
      result.fliers,
      result.means,
    ])
      for (const a of part) this.add(a);
    return result;
  }

  /**
   * Shows a grey (H, W) array through a colormap or an RGB(A) (H, W, 3|4) array; row 0 at the
   * top, square pixels.
   *
   * @example
   * ```ts
   * ax.imshow(digit.reshape(28, 28), { cmap: "binary" });
   * ax.axis("off");
   * ```
   */
  imshow(img: TensorLike, opts: ImshowOptions = {}): ImageArtist & Mappable {
    const { artist, aspectEqual } = imageArtist(img, opts);
    if (aspectEqual) this.aspectEqual = true;
    if (artist.scale) this.lastScale = artist.scale;
    return this.add(artist);
  }

  /** Shows a matrix as an image (confusion matrices), like `matshow`. */
  matshow(m: TensorLike, opts: ImshowOptions = {}): ImageArtist & Mappable {
    return this.imshow(m, opts);
  }

  /**
   * Filled contours of Z over a grid: `contourf(X, Y, Z, opts)` with meshgrid X, Y (or 1-D
   * coordinates) or `contourf(Z, opts)`; bands computed by marching squares.
   *
   * @example
   * ```ts
   * const [x0, x1] = np.meshgrid(np.linspace(0, 8, 200), np.linspace(0, 3.5, 100));
   * ax.contourf(x0, x1, yPred.reshape(x0.shape), { cmap: new plt.ListedColormap(["#fafab0", "#9898ff", "#a0faa0"]) });
   * ```
   */
  contourf(a: PlotData, b?: PlotData | ContourOptions, c?: PlotData, opts?: ContourOptions): ContourSet {
    const { artist, set } = contourfArtist([a, b, c, opts]);
    this.lastScale = set.scale;
    this.add(artist);
    return set;
  }

  /** Contour lines of Z (same arguments as `contourf`). */
  contour(a: PlotData, b?: PlotData | ContourOptions, c?: PlotData, opts?: ContourOptions): ContourSet {
    const { artist, set } = contourArtist([a, b, c, opts]);
    this.lastScale = set.scale;
    this.add(artist);
    return set;
  }

  /** Writes each contour line's level on it (at the middle of the line, on a white box). */
  clabel(cs: ContourSet, opts: ClabelOptions = {}): TextArtist[] {
    checkOptions("clabel", opts, ["fontsize", "fmt", "colors", "inline"]);
    if (!cs.lines)
      throw new ValueError("plt.clabel: expects the result of contour() (lines), not contourf()");
    const out: TextArtist[] = [];
    const seen = new Set<number>();
    for (const p of cs.lines.paths) {
      if (p.level === undefined || p.x.length < 4) continue;
      // One label per level per long line; short wiggles would clutter the plot.
      const key = p.level * 1e6 + Math.round(p.x.length / 50);
      if (seen.has(key)) continue;
      seen.add(key);
      const m = Math.floor(p.x.length / 2);
      const t = textArtist("clabel", p.x[m], p.y[m], formatLevel(p.level, opts.fmt), {
        fontsize: opts.fontsize ?? 9,
        color: opts.colors ?? p.color,
        ha: "center",
        va: "center",
        bbox:
          opts.inline === false || opts.inline === 0 ? undefined : { facecolor: "white", edgecolor: "white" },
      });
      out.push(this.add(t));
    }
    return out;
  }

  /** Fills between two curves `y1` and `y2` (default 0) over `x`. */
  fillBetween(x: PlotData, y1: number | PlotData, y2: number | PlotData = 0, opts: FillOptions = {}): this {
    this.add(fillArtist("fillBetween", x, y1, y2, opts, () => this.nextColor()));
    return this;
  }

  /** Fills between two curves `x1` and `x2` (default 0) over `y` (horizontal areas, silhouette plots). */
  fillBetweenx(y: PlotData, x1: number | PlotData, x2: number | PlotData = 0, opts: FillOptions = {}): this {
    this.add(fillArtist("fillBetweenx", y, x1, x2, opts, () => this.nextColor()));
    return this;
  }

  /** Points or a line with error bars (`yerr`, `xerr`). */
  errorbar(x: PlotData, y: PlotData, opts: ErrorbarOptions = {}): this {
    const { line, bars } = errorbarArtists(x, y, opts, () => this.nextColor());
    for (const b of bars) this.add(b);
    for (const l of line) this.add(l);
    return this;
  }

  /** A horizontal line at data `y` across the axes (`xmin`/`xmax` as fractions). */
  axhline(y = 0, opts: AxLineOptions = {}): this {
    this.add(axLine("axhline", y, opts));
    return this;
  }
  /** A vertical line at data `x` across the axes. */
  axvline(x = 0, opts: AxLineOptions = {}): this {
    this.add(axLine("axvline", x, opts));
    return this;
  }
  /** Horizontal lines at each `y` from `xmin` to `xmax` (data units). */
  hlines(
    y: number | PlotData,
    xmin: number | PlotData,
    xmax: number | PlotData,
    opts: LinesOptions = {},
  ): this {
    this.add(dataLines("hlines", y, xmin, xmax, opts));
    return this;
  }
  /** Vertical lines at each `x` from `ymin` to `ymax` (data units). */
  vlines(
    x: number | PlotData,
    ymin: number | PlotData,
    ymax: number | PlotData,
    opts: LinesOptions = {},
  ): this {
    this.add(dataLines("vlines", x, ymin, ymax, opts));
    return this;
  }

  /**
   * Writes text at (x, y) in data units (or axes fractions with `{ transform: "axes" }`);
   * TeX between `$…$` becomes Unicode.
   */
  text(x: number, y: number, s: string, opts: TextOptions = {}): TextArtist {
    return this.add(textArtist("text", x, y, s, opts));
  }

  /**
   * Annotates the point `xy` with text, optionally at `xytext` with an arrow to `xy`.
   *
   * @example
   * ```ts
   * ax.annotate("Local minimum", [0.5, 0.2], { xytext: [1, 1], arrowprops: { facecolor: "black", shrink: 0.05 } });
   * ```
   */
  annotate(text: string, xy: readonly number[], opts: AnnotateOptions = {}): TextArtist {
    const { text: t, arrow } = annotateArtists(text, xy, opts);
    if (arrow) this.add(arrow);
    return this.add(t);
  }

  /** An arrow from (x, y) to (x + dx, y + dy). */
  arrow(x: number, y: number, dx: number, dy: number, opts: ArrowOptions = {}): ArrowArtist {
    return this.add(arrowArtist(x, y, dx, dy, opts));
  }

  /** A second y axis on the right sharing this axes' x axis. */
  twinx(): Axes {
    if (this.twin) return this.twin as Axes;
    return this.makeTwin(this);
  }

  /** @internal Sets a colorbar for a mappable drawn here. */
  setColorbar(scale: ColorScale, label?: string, ticks?: number[]): void {
    this.colorbarState = { scale, label, ticks };
    this.touch();
  }

  /** Sets the face (background) colour of the plot area. */
  setFacecolor(color: ColorSpec): this {
    this.facecolor = colorAndAlpha(color, "setFacecolor", "color").hex;
    this.touch();
    return this;
  }
}
