import { ValueError } from "../core/errors.js";
import { DISPLAY } from "../core/tensor.js";
import type { Axes } from "./axes.js";
import { Figure, type FigureOptions } from "./figure.js";
import { checkOptions } from "./options.js";
import { kernelHooks, onCellEnd } from "../display/kernel.js";

/**
 * pyplot's global state: the open figures and the current one. Inside the Tensorbook kernel
 * (docs/kernel.md), the open figures are shown when a cell ends and then closed
 * (matplotlib-inline behaviour), and `plt.show()` shows them at once.
 */
const figures = new Map<number, Figure>();
let current: Figure | undefined;

function pending(): Figure[] {
  return [...figures.values()].filter((f) => f.axes.length > 0 && f.shownVersion !== f.version);
}

/** The figures to show at the end of a cell; every figure is closed afterwards. */
export function cellEndHook(): Figure[] {
  const out = pending();
  close("all");
  return out;
}

// Shows what cellEndHook returns through the kernel. Registered when a figure is made, since the
// engine may be imported before the kernel's hooks exist; the Set keeps it registered once.
function showAtCellEnd(): void {
  const hooks = kernelHooks();
  for (const f of cellEndHook()) hooks?.display(f);
}

/**
 * Creates a figure and makes it current; `figure(n)` returns to figure n if it is open.
 *
 * @example
 * ```ts
 * plt.figure({ figsize: [8, 4] });
 * ```
 */
export function figure(numOrOpts?: number | FigureOptions, opts?: FigureOptions): Figure {
  if (typeof numOrOpts === "number") {
    const existing = figures.get(numOrOpts);
    if (existing) return (current = existing);
    const fig = new Figure(opts, numOrOpts);
    figures.set(fig.number, fig);
    onCellEnd(showAtCellEnd);
    return (current = fig);
  }
  onCellEnd(showAtCellEnd);
  const fig = new Figure(numOrOpts);
  figures.set(fig.number, fig);
  return (current = fig);
}

/** The current figure, created if none is open. */
export function gcf(): Figure {
  return current ?? figure();
}

/** The current axes of the current figure, created if needed. */
export function gca(): Axes {
  return gcf().gca();
}

/** Makes `ax` (and its figure) current. */
export function sca(ax: Axes): Axes {
  for (const f of figures.values()) {
    if (f.axes.includes(ax)) {
      current = f;
      return f.sca(ax);
    }
  }
  throw new ValueError("plt.sca: the axes belongs to no open figure");
}

/**
 * Adds or selects a subplot of the current figure: `subplot(2, 2, 1)`, `subplot(121)`.
 *
 * @example
 * ```ts
 * plt.subplot(121); plt.plot(x, y, "b.");
 * plt.subplot(122); plt.hist(y, { bins: 30 });
 * ```
 */
export function subplot(rows: number, cols?: number, index?: number | readonly [number, number]): Axes {
  return gcf().addSubplot(rows, cols, index);
}

/** Adds axes spanning grid cells (matplotlib's `subplot2grid`). */
export function subplot2grid(
  shape: readonly [number, number],
  loc: readonly [number, number],
  opts?: { rowspan?: number; colspan?: number },
): Axes {
  return gcf().subplot2grid(shape, loc, opts);
}

/** Options of `subplots`. */
export interface SubplotsOptions extends FigureOptions {
  nrows?: number;
  ncols?: number;
  /** Share x (or y) limits: true/"all", "row", "col", false/"none". */
  sharex?: boolean | "all" | "row" | "col" | "none";
  sharey?: boolean | "all" | "row" | "col" | "none";
  /** Return a 2-D array even for a single row or column (default true only when both > 1). */
  squeeze?: boolean;
}

/** What `subplots` returns: the figure and its axes (one, a row, or a grid). */
export type SubplotsResult<A> = [Figure, A];

/**
 * A new figure with a grid of axes: `[fig, ax]` for 1×1, `[fig, [ax1, ax2]]` for one row or
 * column, `[fig, [[…], […]]]` for a grid. The returned pair displays as the figure.
 *
 * @example
 * ```ts
 * const [fig, axes] = plt.subplots(2, 2, { figsize: [9, 7], sharex: true });
 * axes[0][0].plot(x, y);
 * ```
 */
export function subplots(opts?: SubplotsOptions): SubplotsResult<Axes>;
export function subplots(nrows: 1, ncols?: 1, opts?: SubplotsOptions): SubplotsResult<Axes>;
export function subplots(nrows: 1, ncols: number, opts?: SubplotsOptions): SubplotsResult<Axes[]>;
export function subplots(nrows: number, ncols: 1, opts?: SubplotsOptions): SubplotsResult<Axes[]>;
export function subplots(nrows: number, ncols: number, opts?: SubplotsOptions): SubplotsResult<Axes[][]>;
export function subplots(
  a?: number | SubplotsOptions,
  b?: number | SubplotsOptions,
  c?: SubplotsOptions,
): SubplotsResult<Axes | Axes[] | Axes[][]> {
  const opts: SubplotsOptions = (typeof a === "object" ? a : typeof b === "object" ? b : c) ?? {};
  checkOptions("subplots", opts, [
    "nrows",
    "ncols",
    "sharex",
    "sharey",
    "squeeze",
    "figsize",
    "dpi",
    "facecolor",
  ]);
  const nrows = typeof a === "number" ? a : (opts.nrows ?? 1);
  const ncols = typeof b === "number" ? b : (opts.ncols ?? 1);
  for (const [name, v] of [
    ["nrows", nrows],
    ["ncols", ncols],
  ] as const) {
    if (!Number.isInteger(v) || v < 1)
      throw new ValueError(`plt.subplots: ${name} must be a positive integer, got ${v}`);
  }
  const fig = figure({ figsize: opts.figsize, dpi: opts.dpi, facecolor: opts.facecolor });
  const grid = fig.grid(nrows, ncols, opts.sharex ?? false, opts.sharey ?? false);
  let axes: Axes | Axes[] | Axes[][];
  if (opts.squeeze === false) axes = grid;
  else if (nrows === 1 && ncols === 1) axes = grid[0][0];
  else if (nrows === 1) axes = grid[0];
  else if (ncols === 1) axes = grid.map((r) => r[0]);
  else axes = grid;
  const out: SubplotsResult<Axes | Axes[] | Axes[][]> = [fig, axes];
  // `const [fig, ax] = plt.subplots()` as a cell's last expression shows the figure.
  Object.defineProperty(out, DISPLAY, { value: () => fig[DISPLAY](), enumerable: false });
  return out;
}

/** Closes figures: the current one (no argument), one figure or number, or "all". */
export function close(which?: Figure | number | "all"): void {
  if (which === "all") {
    figures.clear();
    current = undefined;
    return;
  }
  const fig = which === undefined ? current : typeof which === "number" ? figures.get(which) : which;
  if (!fig) return;
  figures.delete(fig.number);
  if (current === fig) current = [...figures.values()].pop();
}

/** Numbers of the open figures. */
export function getFignums(): number[] {
  return [...figures.keys()];
}

/**
 * Shows the open figures now and closes them. Inside the Tensorbook kernel each figure is
 * displayed in the cell's output at this point; elsewhere (plain Node) nothing is shown, and
 * the figures are only closed — use `savefig` to get a file.
 */
export function show(): void {
  const hooks = kernelHooks();
  if (hooks) for (const f of pending()) hooks.display(f);
  close("all");
}
