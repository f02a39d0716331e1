import { writeFile } from "node:fs/promises";
import { extname } from "node:path";
import { ValueError } from "../core/errors.js";
import { DISPLAY, type MimeBundle } from "../core/tensor.js";
import { Axes, type Mappable } from "./axes.js";
import type { LabelOptions, LabelState, Placement } from "./axes-base.js";
import { colorAndAlpha, type ColorSpec } from "./colors.js";
import { texToUnicode } from "./latex.js";
import type { JsonObject } from "./json.js";
import { checkChoice, checkOptions } from "./options.js";
import { rcParams } from "./rc.js";
import { svgToPng } from "./render/png.js";
import { renderSvgAsync, renderSvgSync } from "./render/svg.js";
import { figureSpec, type FigureModel } from "./vega-spec.js";

/**
 * The key of the asynchronous display method: `await obj[DISPLAY_ASYNC]()` gives the same MIME
 * bundle as `obj[DISPLAY]()`, rendered with Vega's public async API. A kernel should prefer it
 * when present.
 */
export const DISPLAY_ASYNC: unique symbol = Symbol.for("tensorbook.displayAsync") as never;

/** Options of `plt.figure` and the figure part of `plt.subplots`. */
export interface FigureOptions {
  /** Width and height in inches (default rcParams["figure.figsize"]). */
  figsize?: readonly [number, number] | readonly number[];
  /** Pixels per inch (default rcParams["figure.dpi"]). */
  dpi?: number;
  facecolor?: ColorSpec;
}

/** Options of `savefig`. */
export interface SavefigOptions {
  /** "png", "svg" or "json" (the Vega-Lite spec); default from the file extension. */
  format?: "png" | "svg" | "json";
  /** PNG resolution (default rcParams["savefig.dpi"]). */
  dpi?: number;
  facecolor?: string;
  transparent?: boolean;
  /** Accepted for compatibility; the layout is always tight. */
  bboxInches?: "tight";
}

/** Options of `colorbar`. */
export interface ColorbarOptions {
  /** The axes to attach the colorbar to (default: the mappable's, else the current axes). */
  ax?: Axes;
  label?: string;
  ticks?: readonly number[];
}

/** A colorbar, to label after the fact (`cbar.setLabel("density")`). */
export class Colorbar {
  private readonly ax: Axes;
  /** @internal */
  constructor(ax: Axes) {
    this.ax = ax;
  }
  /** Sets the colorbar title. */
  setLabel(label: string): this {
    const st = this.ax.colorbarState;
    if (st) this.ax.setColorbar(st.scale, texToUnicode(label), st.ticks);
    return this;
  }
  /** Sets the values labelled on the colorbar. */
  setTicks(ticks: readonly number[]): this {
    const st = this.ax.colorbarState;
    if (st) this.ax.setColorbar(st.scale, st.label, [...ticks]);
    return this;
  }
}

let nextNumber = 1;

/**
 * A figure: a grid of axes rendered as one Vega-Lite v5 chart. Displaying it (last expression
 * of a cell, `plt.show()`, or the end of the cell) shows the interactive chart in JupyterLab and
 * an SVG (optionally PNG) copy for other viewers.
 *
 * @example
 * ```ts
 * const fig = plt.figure({ figsize: [8, 3] });
 * const ax = fig.addSubplot(1, 2, 1);
 * ax.plot([1, 2, 3], [1, 4, 9], "r-");
 * await fig.savefig("squares.png");
 * ```
 */
export class Figure implements FigureModel {
  /** The figure number (`plt.figure(n)` returns to it). */
  readonly number: number;
  /** Size in inches. */
  figsize: [number, number];
  /** Pixels per inch. */
  dpi: number;
  /** Every axes, twins included, in creation order. */
  readonly axes: Axes[] = [];
  /** @internal */
  suptitleState?: LabelState;
  /** @internal */
  facecolor = "#ffffff";
  /** @internal Bumped on every change; compared with `shownVersion` to avoid showing twice. */
  version = 0;
  /** @internal */
  shownVersion = -1;
  private current?: Axes;

  /** @internal Use `plt.figure()` or `plt.subplots()`. */
  constructor(opts: FigureOptions = {}, number?: number) {
    checkOptions("figure", opts, ["figsize", "dpi", "facecolor"]);
    const fs = opts.figsize ?? rcParams["figure.figsize"];
    if (fs.length !== 2 || !(fs[0] > 0) || !(fs[1] > 0))
      throw new ValueError(`plt.figure: figsize must be [width, height] in inches, got [${fs.join(", ")}]`);
    this.figsize = [fs[0], fs[1]];
    this.dpi = opts.dpi ?? rcParams["figure.dpi"];
    if (opts.facecolor !== undefined)
      this.facecolor = colorAndAlpha(opts.facecolor, "figure", "facecolor").hex;
    this.number = number ?? nextNumber;
    nextNumber = Math.max(nextNumber, this.number + 1);
  }

  /** @internal */
  touch(): void {
    this.version++;
  }

  /** Width and height in pixels. */
  get pixelSize(): [number, number] {
    return [Math.round(this.figsize[0] * this.dpi), Math.round(this.figsize[1] * this.dpi)];
  }

  private newAxes(p: Placement): Axes {
    const ax: Axes = new Axes(
      p,
      () => this.touch(),
      (host) => {
        const twin = this.newAxes(host.placement);
        twin.twinOf = host;
        host.twin = twin;
        return twin;
      },
    );
    this.axes.push(ax);
    this.current = ax;
    this.touch();
    return ax;
  }

  /**
   * Adds (or returns the existing) axes at position `index` (1-based, row by row; `[first,
   * last]` spans cells) of a rows × cols grid; `addSubplot(121)` is `addSubplot(1, 2, 1)`.
   */
  addSubplot(rows: number = 1, cols?: number, index?: number | readonly [number, number]): Axes {
    if (cols === undefined) {
      if (!Number.isInteger(rows) || rows < 111 || rows > 999)
        throw new ValueError(`plt.subplot: a single argument must be a 3-digit number like 121, got ${rows}`);
      return this.addSubplot(Math.floor(rows / 100), Math.floor(rows / 10) % 10, rows % 10);
    }
    if (index === undefined) throw new ValueError("plt.subplot: give rows, cols and index");
    const [first, last] = typeof index === "number" ? [index, index] : index;
    const n = rows * cols;
    for (const v of [first, last]) {
      if (!Number.isInteger(v) || v < 1 || v > n)
        throw new ValueError(
          `plt.subplot: index must be an integer from 1 to ${n} for a ${rows}×${cols} grid, got ${v}`,
        );
    }
    const r0 = Math.floor((first - 1) / cols);
    const c0 = (first - 1) % cols;
    const r1 = Math.floor((last - 1) / cols);
    const c1 = (last - 1) % cols;
    const p: Placement = { rows, cols, row: r0, col: c0, rowspan: r1 - r0 + 1, colspan: c1 - c0 + 1 };
    const same = this.axes.find(
      (a) =>
        !a.twinOf &&
        a.placement.rows === rows &&
        a.placement.cols === cols &&
        a.placement.row === r0 &&
        a.placement.col === c0,
    );
    if (same) {
      this.current = same;
      return same;
    }
    return this.newAxes(p);
  }

  /** Adds axes at a grid position spanning rows/cols (matplotlib's `subplot2grid`). */
  subplot2grid(
    shape: readonly [number, number],
    loc: readonly [number, number],
    opts: { rowspan?: number; colspan?: number } = {},
  ): Axes {
    checkOptions("subplot2grid", opts, ["rowspan", "colspan"]);
    return this.newAxes({
      rows: shape[0],
      cols: shape[1],
      row: loc[0],
      col: loc[1],
      rowspan: opts.rowspan ?? 1,
      colspan: opts.colspan ?? 1,
    });
  }

  /** @internal Makes a full grid of axes (what `plt.subplots` returns). */
  grid(
    nrows: number,
    ncols: number,
    sharex: boolean | "all" | "row" | "col" | "none",
    sharey: boolean | "all" | "row" | "col" | "none",
  ): Axes[][] {
    const grid: Axes[][] = [];
    for (let r = 0; r < nrows; r++) {
      grid.push([]);
      for (let c = 0; c < ncols; c++)
        grid[r].push(this.newAxes({ rows: nrows, cols: ncols, row: r, col: c, rowspan: 1, colspan: 1 }));
    }
    const link = (mode: boolean | string, axis: "sharedX" | "sharedY"): void => {
      if (mode === false || mode === "none") return;
      const all = grid.flat();
      for (const ax of all) {
        const r = Math.floor(all.indexOf(ax) / ncols);
        const c = all.indexOf(ax) % ncols;
        ax[axis] = all.filter(
          (o) =>
            o !== ax &&
            (mode === "row"
              ? Math.floor(all.indexOf(o) / ncols) === r
              : mode === "col"
                ? all.indexOf(o) % ncols === c
                : true),
        );
      }
    };
    link(sharex, "sharedX");
    link(sharey, "sharedY");
    if (grid.length) this.current = grid[0][0];
    return grid;
  }

  /** The current axes, created if there is none. */
  gca(): Axes {
    return this.current ?? this.addSubplot(1, 1, 1);
  }

  /** Makes `ax` the current axes. */
  sca(ax: Axes): Axes {
    if (!this.axes.includes(ax)) throw new ValueError("plt.sca: the axes does not belong to this figure");
    this.current = ax;
    return ax;
  }

  /** A title above all axes. */
  suptitle(text: string, opts: LabelOptions = {}): this {
    checkOptions("suptitle", opts, ["fontsize", "color", "fontweight"]);
    this.suptitleState = {
      text: texToUnicode(text),
      fontSize: opts.fontsize ?? rcParams["axes.titlesize"] + 2,
      color: opts.color,
      fontWeight: opts.fontweight,
    };
    this.touch();
    return this;
  }

  /** Accepted for compatibility: Vega-Lite lays axes out without overlaps already. */
  tightLayout(): this {
    return this;
  }

  /**
   * Adds a colorbar for a colour-mapped scatter, image or contour set (default: the last one
   * drawn on the target axes).
   */
  colorbar(mappable?: Mappable, opts: ColorbarOptions = {}): Colorbar {
    checkOptions("colorbar", opts, ["ax", "label", "ticks"]);
    let ax = opts.ax;
    if (!ax && mappable?.scale)
      ax = this.axes.find(
        (a) =>
          a.lastScale === mappable.scale || a.artists.some((x) => "scale" in x && x.scale === mappable.scale),
      );
    ax ??= this.gca();
    const scale = mappable?.scale ?? ax.lastScale;
    if (!scale)
      throw new ValueError(
        "plt.colorbar: nothing colour-mapped to show; draw a scatter with c values, an image or a contourf first",
      );
    ax.setColorbar(
      scale,
      opts.label === undefined ? undefined : texToUnicode(opts.label),
      opts.ticks ? [...opts.ticks] : undefined,
    );
    return new Colorbar(ax);
  }

  /** The figure as a Vega-Lite v5 spec (plain JSON). */
  toSpec(): JsonObject {
    return figureSpec(this);
  }

  /** The figure as an SVG document, rendered synchronously by Vega in Node. */
  toSVG(): string {
    return renderSvgSync(this.toSpec());
  }

  /** The figure as PNG bytes (resvg), at `dpi` (default rcParams["savefig.dpi"]). */
  toPNG(opts: { dpi?: number; background?: string } = {}): Uint8Array {
    return svgToPng(this.toSVG(), { dpi: opts.dpi, background: opts.background });
  }

  /**
   * Writes the figure to a file: PNG, SVG or the Vega-Lite JSON, chosen by `format` or the
   * extension. Asynchronous (returns a Promise), so `await` it.
   */
  async savefig(path: string, opts: SavefigOptions = {}): Promise<void> {
    checkOptions("savefig", opts, ["format", "dpi", "facecolor", "transparent", "bboxInches"]);
    const ext = extname(path).slice(1).toLowerCase();
    const format = checkChoice("savefig", "format", opts.format ?? (ext || "png"), ["png", "svg", "json"]);
    const spec = this.toSpec();
    if (opts.transparent) spec.background = null;
    else if (opts.facecolor) spec.background = colorAndAlpha(opts.facecolor, "savefig", "facecolor").hex;
    if (format === "json") return writeFile(path, JSON.stringify(spec));
    const svg = await renderSvgAsync(spec);
    if (format === "svg") return writeFile(path, svg);
    return writeFile(
      path,
      svgToPng(svg, { dpi: opts.dpi, background: opts.transparent ? "transparent" : undefined }),
    );
  }

  /** matplotlib's repr: `<Figure size 461x346 with 1 Axes>`. */
  toString(): string {
    const [w, h] = this.pixelSize;
    return `<Figure size ${w}x${h} with ${this.axes.length} Axes>`;
  }

  private bundle(spec: JsonObject, svg: string): MimeBundle {
    const out: MimeBundle = {
      "text/plain": this.toString(),
      "application/vnd.vegalite.v5+json": spec,
      "image/svg+xml": svg,
    };
    if (rcParams["inline.formats"].includes("png"))
      out["image/png"] = Buffer.from(svgToPng(svg)).toString("base64");
    this.shownVersion = this.version;
    return out;
  }

  /** The MIME bundle the notebook shows: Vega-Lite v5 spec, SVG, and PNG when asked for. */
  [DISPLAY](): MimeBundle {
    const spec = this.toSpec();
    return this.bundle(spec, renderSvgSync(spec));
  }

  /** The same bundle, rendered through Vega's asynchronous API. */
  async [DISPLAY_ASYNC](): Promise<MimeBundle> {
    const spec = this.toSpec();
    return this.bundle(spec, await renderSvgAsync(spec));
  }
}
