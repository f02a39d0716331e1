// pandas' plotting hooks — `df.plot`, `df.hist`, `s.hist` and `pd.plotting.scatterMatrix` —
// drawn with plt's pyplot API, so they show like any other figure (Vega-Lite + SVG).
import { Tensor } from "../core/tensor.js";
import type { Axes } from "../plt/axes.js";
import type { Colormap } from "../plt/colormaps.js";
import { figure, gca, gcf, subplot } from "../plt/state.js";
import type { DataFrame } from "./frame.js";
import type { Series } from "./series.js";

/** Options of {@link DataFrame.plot} (pandas' keywords in camelCase). */
export interface FramePlotOptions {
  /** "line" (default), "scatter" or "hist". */
  kind?: "line" | "scatter" | "hist";
  /** The x column (scatter: required; line: the index when absent). */
  x?: string;
  /** The y column (scatter: required; line/hist: every numeric column when absent). */
  y?: string | readonly string[];
  alpha?: number;
  /** Marker size: one number, or one per row (a Series, a tensor or numbers). */
  s?: number | Series | Tensor | readonly number[];
  /** A column name whose values are colour-mapped, or one colour. */
  c?: string;
  cmap?: string | Colormap;
  /** Draw a colorbar when `c` names a column (default true then, as pandas). */
  colorbar?: boolean;
  label?: string;
  figsize?: [number, number];
  title?: string;
  grid?: boolean;
  /** Bins of `kind: "hist"` (default 10). */
  bins?: number;
  /** Draw on these axes instead of a new figure. */
  ax?: Axes;
  /** Accepted for pandas compatibility; the layout needs no fix. */
  sharex?: boolean;
}

/** Options of {@link DataFrame.hist} and {@link Series.hist}. */
export interface HistPlotOptions {
  bins?: number;
  figsize?: [number, number];
  /** Grid lines (default true, as pandas). */
  grid?: boolean;
  alpha?: number;
  /** Only these columns (frames). */
  column?: readonly string[];
  /** Draw on these axes (series). */
  ax?: Axes;
}

/** Options of {@link scatterMatrix}. */
export interface ScatterMatrixOptions {
  figsize?: [number, number];
  alpha?: number;
  /** Marker size of the scatter panels. */
  s?: number;
  /** Bins of the diagonal histograms (default 10). */
  bins?: number;
}

/** A numeric column as float64 values, missing values dropped (what a histogram counts). */
function present(s: Series): Float64Array {
  const values = s.toTensor({ dtype: "float64" }).dataSync();
  return Float64Array.from(values as ArrayLike<number>).filter((v) => !Number.isNaN(v));
}

/** A numeric column as a float64 tensor (missing values become NaN and are not drawn). */
function numbers(s: Series): Tensor {
  return s.toTensor({ dtype: "float64" });
}

function isNumeric(s: Series): boolean {
  return s.dtype === "float64" || s.dtype === "float32" || s.dtype === "int32";
}

/** The numeric columns of a frame, or the named ones. */
function numericColumns(df: DataFrame, only?: readonly string[]): string[] {
  return (only ?? df.columns).filter((name) => isNumeric(df.col(name)));
}

function newAxes(options: { ax?: Axes; figsize?: [number, number] }): Axes {
  if (options.ax) return options.ax;
  figure(options.figsize ? { figsize: options.figsize } : undefined);
  return gca();
}

function sizes(s: FramePlotOptions["s"]): number | Tensor | readonly number[] | undefined {
  if (s === undefined || typeof s === "number" || s instanceof Tensor || Array.isArray(s))
    return s as number | Tensor | readonly number[] | undefined;
  return numbers(s as Series);
}

/**
 * `df.plot(...)`: a scatter of two columns (with size and colour encodings and a colorbar),
 * lines of columns against x or the row position, or overlaid histograms. Returns the axes.
 */
export function framePlot(df: DataFrame, options: FramePlotOptions = {}): Axes {
  const kind = options.kind ?? "line";
  const ax = newAxes(options);
  if (kind === "scatter") {
    if (!options.x || typeof options.y !== "string")
      throw new TypeError('df.plot({ kind: "scatter" }) needs x and y column names');
    const byColumn = options.c !== undefined && df.has(options.c);
    const drawn = ax.scatter(numbers(df.col(options.x)), numbers(df.col(options.y)), {
      ...(options.alpha === undefined ? {} : { alpha: options.alpha }),
      ...(options.label === undefined ? {} : { label: options.label }),
      ...(sizes(options.s) === undefined ? {} : { s: sizes(options.s) }),
      ...(options.c === undefined ? {} : { c: byColumn ? numbers(df.col(options.c)) : options.c }),
      ...(byColumn ? { cmap: options.cmap ?? "viridis" } : {}),
    });
    if (byColumn && options.colorbar !== false) gcf().colorbar(drawn, { ax, label: options.c });
    ax.setXlabel(options.x);
    ax.setYlabel(options.y);
  } else {
    const ys = typeof options.y === "string" ? [options.y] : numericColumns(df, options.y);
    for (const name of ys) {
      if (kind === "hist") {
        ax.hist(present(df.col(name)), {
          bins: options.bins ?? 10,
          label: name,
          ...(options.alpha === undefined ? {} : { alpha: options.alpha }),
        });
      } else {
        const x = options.x ? numbers(df.col(options.x)) : Array.from({ length: df.length }, (_, i) => i);
        ax.plot(x, numbers(df.col(name)), { label: name });
      }
    }
    if (options.x && kind === "line") ax.setXlabel(options.x);
    if (ys.length > 1 || options.label) ax.legend();
  }
  if (options.label !== undefined && kind === "scatter") ax.legend();
  if (options.title !== undefined) ax.setTitle(options.title);
  if (options.grid) ax.grid(true);
  return ax;
}

/** `df.hist(...)`: one histogram per numeric column, in a grid, titled by column. */
export function frameHist(df: DataFrame, options: HistPlotOptions = {}): Axes[] {
  const names = numericColumns(df, options.column);
  const ncols = Math.ceil(Math.sqrt(names.length));
  const nrows = Math.ceil(names.length / ncols);
  figure(options.figsize ? { figsize: options.figsize } : undefined);
  return names.map((name, i) => {
    const ax = subplot(nrows, ncols, i + 1);
    seriesHistOn(ax, df.col(name), options);
    ax.setTitle(name);
    return ax;
  });
}

function seriesHistOn(ax: Axes, s: Series, options: HistPlotOptions): void {
  ax.hist(present(s), {
    bins: options.bins ?? 10,
    ...(options.alpha === undefined ? {} : { alpha: options.alpha }),
  });
  if (options.grid ?? true) ax.grid(true);
}

/** `s.hist(...)`: a histogram of a numeric series on the current (or given) axes. */
export function seriesHist(s: Series, options: HistPlotOptions = {}): Axes {
  const ax = options.ax ?? (options.figsize ? newAxes(options) : gca());
  seriesHistOn(ax, s, options);
  return ax;
}

/**
 * `pd.plotting.scatterMatrix(df)`: every numeric column against every other, with histograms
 * on the diagonal; labels on the outer row and column only. Returns the axes, row by row.
 *
 * @example
 * ```ts
 * pd.plotting.scatterMatrix(housing.get(["median_house_value", "median_income"]), { figsize: [12, 8] });
 * ```
 */
export function scatterMatrix(df: DataFrame, options: ScatterMatrixOptions = {}): Axes[][] {
  const names = numericColumns(df);
  const n = names.length;
  figure(options.figsize ? { figsize: options.figsize } : undefined);
  const columns = names.map((name) => numbers(df.col(name)));
  return names.map((rowName, i) =>
    names.map((colName, j) => {
      const ax = subplot(n, n, i * n + j + 1);
      if (i === j) ax.hist(present(df.col(rowName)), { bins: options.bins ?? 10 });
      else ax.scatter(columns[j], columns[i], { alpha: options.alpha ?? 0.5, s: options.s ?? 4 });
      if (i === n - 1) ax.setXlabel(colName);
      else ax.tickParams({ labelbottom: false });
      if (j === 0) ax.setYlabel(rowName);
      else ax.tickParams({ labelleft: false });
      return ax;
    }),
  );
}
