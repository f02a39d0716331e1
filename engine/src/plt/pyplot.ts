/**
 * pyplot's drawing functions: each draws on (or sets up) the current axes, exactly as the
 * same-named `Axes` method does; see that method for the arguments.
 */
import type { Tensor, TensorLike } from "../core/tensor.js";
import type { Mappable } from "./axes.js";
import type {
  GridOptions,
  LabelOptions,
  LegendOptions,
  TickOptions,
  TickParamsOptions,
} from "./axes-base.js";
import type { ImageArtist, LineArtist, ScatterArtist, TextArtist, ArrowArtist } from "./artists.js";
import type { ColorSpec } from "./colors.js";
import type { PlotData } from "./data.js";
import type { Colorbar, ColorbarOptions, SavefigOptions } from "./figure.js";
import type { BarOptions, HistOptions } from "./plot-bars.js";
import type { BoxplotOptions, BoxplotResult } from "./plot-box.js";
import type { ContourOptions, ContourSet } from "./plot-contour.js";
import type { ImshowOptions } from "./plot-image.js";
import type { PlotArg } from "./plot-lines.js";
import type { ScatterOptions } from "./plot-scatter.js";
import type { AxLineOptions, ErrorbarOptions, FillOptions, LinesOptions } from "./plot-spans.js";
import type { AnnotateOptions, ArrowOptions, TextOptions } from "./plot-text.js";
import type { ClabelOptions } from "./axes.js";
import { gca, gcf } from "./state.js";

/**
 * Lines and/or markers on the current axes, with matplotlib format strings.
 *
 * @example
 * ```ts
 * plt.plot(X, y, "b.");
 * plt.plot(Xnew, yPredict, "r-", { linewidth: 2, label: "Predictions" });
 * ```
 */
export function plot(...args: PlotArg[]): LineArtist[] {
  return gca().plot(...args);
}
/** `plot` with a log x axis. */
export function semilogx(...args: PlotArg[]): LineArtist[] {
  return gca().semilogx(...args);
}
/** `plot` with a log y axis. */
export function semilogy(...args: PlotArg[]): LineArtist[] {
  return gca().semilogy(...args);
}
/** `plot` with log axes. */
export function loglog(...args: PlotArg[]): LineArtist[] {
  return gca().loglog(...args);
}
/**
 * Scatter plot on the current axes.
 *
 * @example
 * ```ts
 * plt.scatter(x, y, { c: labels, cmap: "jet", s: 5 });
 * plt.colorbar();
 * ```
 */
export function scatter(x: PlotData, y: PlotData, opts?: ScatterOptions): ScatterArtist & Mappable {
  return gca().scatter(x, y, opts);
}
/** Histogram on the current axes; returns `[counts, edges]`. */
export function hist(x: PlotData, opts?: HistOptions): [Tensor, Tensor] {
  return gca().hist(x, opts);
}
/** Vertical bars. */
export function bar(x: PlotData | readonly string[], height: number | PlotData, opts?: BarOptions): void {
  gca().bar(x, height, opts);
}
/** Horizontal bars. */
export function barh(y: PlotData | readonly string[], width: number | PlotData, opts?: BarOptions): void {
  gca().barh(y, width, opts);
}
/**
 * Box-and-whisker plot on the current axes, one box per data set.
 *
 * @example
 * ```ts
 * plt.boxplot([svmScores, forestScores], { labels: ["SVM", "Random Forest"] });
 * ```
 */
export function boxplot(x: PlotData | readonly PlotData[], opts?: BoxplotOptions): BoxplotResult {
  return gca().boxplot(x, opts);
}
/**
 * An image (grey through a colormap, or RGB).
 *
 * @example
 * ```ts
 * plt.imshow(someDigit.reshape(28, 28), { cmap: "binary" });
 * plt.axis("off");
 * ```
 */
export function imshow(img: TensorLike, opts?: ImshowOptions): ImageArtist & Mappable {
  return gca().imshow(img, opts);
}
/** A matrix as an image. */
export function matshow(m: TensorLike, opts?: ImshowOptions): ImageArtist & Mappable {
  return gca().matshow(m, opts);
}
/** Filled contours (`contourf(X, Y, Z, opts)` or `contourf(Z, opts)`). */
export function contourf(
  a: PlotData,
  b?: PlotData | ContourOptions,
  c?: PlotData,
  opts?: ContourOptions,
): ContourSet {
  return gca().contourf(a, b, c, opts);
}
/** Contour lines. */
export function contour(
  a: PlotData,
  b?: PlotData | ContourOptions,
  c?: PlotData,
  opts?: ContourOptions,
): ContourSet {
  return gca().contour(a, b, c, opts);
}
/** Labels contour lines with their levels. */
export function clabel(cs: ContourSet, opts?: ClabelOptions): TextArtist[] {
  return gca().clabel(cs, opts);
}
/** Fills between two curves. */
export function fillBetween(
  x: PlotData,
  y1: number | PlotData,
  y2?: number | PlotData,
  opts?: FillOptions,
): void {
  gca().fillBetween(x, y1, y2, opts);
}
/** Fills between two curves, horizontally. */
export function fillBetweenx(
  y: PlotData,
  x1: number | PlotData,
  x2?: number | PlotData,
  opts?: FillOptions,
): void {
  gca().fillBetweenx(y, x1, x2, opts);
}
/** Data with error bars. */
export function errorbar(x: PlotData, y: PlotData, opts?: ErrorbarOptions): void {
  gca().errorbar(x, y, opts);
}
/** A horizontal line across the axes. */
export function axhline(y?: number, opts?: AxLineOptions): void {
  gca().axhline(y, opts);
}
/** A vertical line across the axes. */
export function axvline(x?: number, opts?: AxLineOptions): void {
  gca().axvline(x, opts);
}
/** Horizontal lines in data units. */
export function hlines(
  y: number | PlotData,
  xmin: number | PlotData,
  xmax: number | PlotData,
  opts?: LinesOptions,
): void {
  gca().hlines(y, xmin, xmax, opts);
}
/** Vertical lines in data units. */
export function vlines(
  x: number | PlotData,
  ymin: number | PlotData,
  ymax: number | PlotData,
  opts?: LinesOptions,
): void {
  gca().vlines(x, ymin, ymax, opts);
}
/** Text at a data position. */
export function text(x: number, y: number, s: string, opts?: TextOptions): TextArtist {
  return gca().text(x, y, s, opts);
}
/**
 * Text pointing at `xy`, with an optional arrow.
 *
 * @example
 * ```ts
 * plt.annotate("Minimum", [1, 0], { xytext: [2, 2], arrowprops: { arrowstyle: "->" } });
 * ```
 */
export function annotate(s: string, xy: readonly number[], opts?: AnnotateOptions): TextArtist {
  return gca().annotate(s, xy, opts);
}
/** An arrow from (x, y) by (dx, dy). */
export function arrow(x: number, y: number, dx: number, dy: number, opts?: ArrowOptions): ArrowArtist {
  return gca().arrow(x, y, dx, dy, opts);
}
/** The x-axis label (TeX between `$…$` becomes Unicode). */
export function xlabel(s: string, opts?: LabelOptions): void {
  gca().xlabel(s, opts);
}
/** The y-axis label. */
export function ylabel(s: string, opts?: LabelOptions): void {
  gca().ylabel(s, opts);
}
/** The axes title. */
export function title(s: string, opts?: LabelOptions): void {
  gca().title(s, opts);
}
/** A title over the whole figure. */
export function suptitle(s: string, opts?: LabelOptions): void {
  gcf().suptitle(s, opts);
}
/** Shows the legend of labelled artists. */
export function legend(labelsOrOpts?: readonly string[] | LegendOptions, opts?: LegendOptions): void {
  gca().legend(labelsOrOpts, opts);
}
/** Turns the grid on or off. */
export function grid(on?: boolean, opts?: GridOptions): void {
  gca().grid(on, opts);
}
/** `axis([xmin, xmax, ymin, ymax])`, `axis("off")`, `axis("equal")`, … */
export function axis(
  arg?: readonly number[] | "off" | "on" | "equal" | "scaled" | "image" | "square" | "tight" | "auto",
): void {
  gca().axis(arg);
}
/** Gets or sets the x limits. */
export function xlim(
  lo?: number | readonly number[] | { left?: number; right?: number },
  hi?: number,
): [number | undefined, number | undefined] {
  return gca().xlim(lo, hi);
}
/** Gets or sets the y limits. */
export function ylim(
  lo?: number | readonly number[] | { bottom?: number; top?: number },
  hi?: number,
): [number | undefined, number | undefined] {
  return gca().ylim(lo, hi);
}
/** "linear" or "log" x axis. */
export function xscale(scale: "linear" | "log"): void {
  gca().xscale(scale);
}
/** "linear" or "log" y axis. */
export function yscale(scale: "linear" | "log"): void {
  gca().yscale(scale);
}
/** Sets the x ticks (and labels). */
export function xticks(
  ticks?: readonly number[] | ArrayLike<number>,
  labels?: readonly (string | number)[],
  opts?: TickOptions,
): void {
  gca().xticks(ticks, labels, opts);
}
/** Sets the y ticks (and labels). */
export function yticks(
  ticks?: readonly number[] | ArrayLike<number>,
  labels?: readonly (string | number)[],
  opts?: TickOptions,
): void {
  gca().yticks(ticks, labels, opts);
}
/** Hides or shows ticks and tick labels. */
export function tickParams(opts: TickParamsOptions): void {
  gca().tickParams(opts);
}
/** A colorbar for the last colour-mapped artist (or `mappable`). */
export function colorbar(mappable?: Mappable, opts?: ColorbarOptions): Colorbar {
  return gcf().colorbar(mappable, opts);
}
/** Accepted for compatibility; layout is automatic. */
export function tightLayout(): void {
  gcf().tightLayout();
}
/** Saves the current figure (PNG, SVG or Vega-Lite JSON); returns a Promise. */
export function savefig(path: string, opts?: SavefigOptions): Promise<void> {
  return gcf().savefig(path, opts);
}
/** A second y axis sharing the current axes' x axis. */
export function twinx(): ReturnType<typeof gca> {
  return gca().twinx();
}
/** Sets the background of the current axes. */
export function setFacecolor(color: ColorSpec): void {
  gca().setFacecolor(color);
}
