/**
 * `plt`: matplotlib's pyplot for TypeScript notebooks, plus a fluent chart API, both drawing
 * Vega-Lite v5 charts (with SVG/PNG copies rendered in Node).
 *
 * @example
 * ```ts
 * import { np, plt } from "tensorbook";
 * const x = np.linspace(0, 10, 100);
 * plt.plot(x, np.sin(x), "b-", { label: "sin" });
 * plt.xlabel("$x$"); plt.legend();
 * ```
 */
export * from "./pyplot.js";
export {
  figure,
  gcf,
  gca,
  sca,
  subplot,
  subplot2grid,
  subplots,
  close,
  show,
  getFignums,
  cellEndHook,
} from "./state.js";
export type { SubplotsOptions, SubplotsResult } from "./state.js";
export { Figure, Colorbar, DISPLAY_ASYNC } from "./figure.js";
export type { FigureOptions, SavefigOptions, ColorbarOptions } from "./figure.js";
export { Axes } from "./axes.js";
export type { Mappable, ClabelOptions } from "./axes.js";
export type {
  LegendLoc,
  LegendOptions,
  LabelOptions,
  GridOptions,
  TickOptions,
  TickParamsOptions,
} from "./axes-base.js";
export { Colormap, ListedColormap, Normalize, LogNorm, cm, getCmap } from "./colormaps.js";
export type { NormOptions } from "./colormaps.js";
export { rcParams, rc, rcdefaults } from "./rc.js";
export type { RcParams } from "./rc.js";
export { chart, Chart } from "./fluent.js";
export type { ChartData, MarkType, Channel, FieldRef } from "./fluent.js";
export { texToUnicode } from "./latex.js";
export { parseFormat } from "./format-string.js";
export type { ColorSpec } from "./colors.js";
export type { PlotData } from "./data.js";
export type { PlotArg, PlotOptions } from "./plot-lines.js";
export type { ScatterOptions } from "./plot-scatter.js";
export type { HistOptions, BarOptions } from "./plot-bars.js";
export type { BoxplotOptions, BoxplotResult, BoxStats } from "./plot-box.js";
export { boxStats } from "./plot-box.js";
export type { ImshowOptions } from "./plot-image.js";
export type { ContourOptions, ContourSet } from "./plot-contour.js";
export type { TextOptions, AnnotateOptions, ArrowProps, ArrowOptions } from "./plot-text.js";
export type { AxLineOptions, LinesOptions, FillOptions, ErrorbarOptions } from "./plot-spans.js";
export type { ColorMapOptions } from "./color-mapping.js";
export type { JsonObject, Json } from "./json.js";
export { compileSpec, renderSvgSync, renderSvgAsync } from "./render/svg.js";
export { svgToPng } from "./render/png.js";
