import { ValueError } from "../core/errors.js";
import type { Artist, ColorScale } from "./artists.js";
import { DEFAULT_CYCLE } from "./colors.js";
import { texToUnicode } from "./latex.js";
import { checkChoice, checkOptions } from "./options.js";
import { rcParams } from "./rc.js";

/** Where a legend sits: matplotlib's location names (or their codes 0–10). */
export type LegendLoc =
  | "best"
  | "upper right"
  | "upper left"
  | "lower left"
  | "lower right"
  | "right"
  | "center left"
  | "center right"
  | "lower center"
  | "upper center"
  | "center";

/** matplotlib's location codes, in their numeric order. */
export const LEGEND_LOCS: readonly LegendLoc[] = [
  "best",
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

/** Options of `legend`. */
export interface LegendOptions {
  /** Location name or code; "best" (default) picks the corner covering the fewest points. */
  loc?: LegendLoc | number;
  fontsize?: number;
  /** Draw the box behind the entries (default true). */
  frameon?: boolean;
  title?: string;
  /** Number of columns of entries. */
  ncol?: number;
}

/** Options of axis labels and titles. */
export interface LabelOptions {
  fontsize?: number;
  /** Degrees counter-clockwise; `ylabel(…, { rotation: 0 })` writes the label horizontally. */
  rotation?: number;
  color?: string;
  /** Title placement (titles only). */
  loc?: "left" | "center" | "right";
  fontweight?: "normal" | "bold";
}

/** Options of `grid`. */
export interface GridOptions {
  which?: "major" | "minor" | "both";
  axis?: "both" | "x" | "y";
  color?: string;
  linestyle?: string;
  linewidth?: number;
  alpha?: number;
}

/** Options of `xticks`/`yticks`. */
export interface TickOptions {
  rotation?: number;
  fontsize?: number;
}

/** Options of `tickParams`. */
export interface TickParamsOptions {
  axis?: "x" | "y" | "both";
  labelbottom?: boolean;
  labelleft?: boolean;
  labelsize?: number;
  bottom?: boolean;
  left?: boolean;
}

/** @internal A text and its style. */
export interface LabelState {
  text: string;
  fontSize: number;
  angle?: number;
  color?: string;
  anchor?: "start" | "middle" | "end";
  fontWeight?: "normal" | "bold";
}

/** @internal One axis's settings. */
export interface AxisState {
  label?: LabelState;
  lim: [number | undefined, number | undefined];
  scale: "linear" | "log";
  ticks?: number[];
  tickLabels?: string[];
  tickAngle?: number;
  tickFontSize?: number;
  showLabels: boolean;
  showTicks: boolean;
  inverted: boolean;
}

/** @internal Where an axes sits in its figure's grid of subplots (0-based row and column). */
export interface Placement {
  rows: number;
  cols: number;
  row: number;
  col: number;
  rowspan: number;
  colspan: number;
}

function newAxis(): AxisState {
  return { lim: [undefined, undefined], scale: "linear", showLabels: true, showTicks: true, inverted: false };
}

/** Reads `lim(lo, hi)`, `lim([lo, hi])` and `lim({ left, right })` / `lim({ bottom, top })`. */
function readLimits(
  fn: string,
  a: number | readonly number[] | Record<string, number | undefined> | undefined,
  b: number | undefined,
  names: [string, string],
): [number | undefined, number | undefined] | undefined {
  if (a === undefined && b === undefined) return undefined;
  if (Array.isArray(a)) {
    if (a.length !== 2)
      throw new ValueError(`plt.${fn}: limits must be [${names[0]}, ${names[1]}], got ${a.length} values`);
    return [a[0], a[1]];
  }
  if (typeof a === "object" && a !== null) {
    const o = a as Record<string, number | undefined>;
    checkOptions(fn, o, [names[0], names[1], "xmin", "xmax", "ymin", "ymax"]);
    return [o[names[0]] ?? o[`${fn[0]}min`], o[names[1]] ?? o[`${fn[0]}max`]];
  }
  return [a as number | undefined, b];
}

/**
 * The settings side of an axes (labels, limits, scales, ticks, legend, grid); the plotting
 * methods are in `Axes`. Methods take matplotlib's pyplot names (`xlabel`, `title`) and the
 * `set_*` names (`setXlabel`, `setTitle`) as aliases, so both `plt.xlabel` and `ax.setXlabel`
 * ports read naturally.
 */
export class AxesBase {
  /** @internal Everything drawn, in call order. */
  readonly artists: Artist[] = [];
  /** @internal */
  readonly xaxis: AxisState = newAxis();
  /** @internal */
  readonly yaxis: AxisState = newAxis();
  /** @internal */
  titleState?: LabelState;
  /** @internal */
  legendState?: LegendOptions & { loc: LegendLoc; labels?: string[] };
  /** @internal */
  gridState?: GridOptions & { on: boolean };
  /** @internal `axis("off")`. */
  axisOn = true;
  /** @internal `axis("equal")` / imshow. */
  aspectEqual = false;
  /** @internal Background of the plot area (`setFacecolor`). */
  facecolor?: string;
  /** @internal `axis("tight")`: no margins. */
  tight = false;
  /** @internal */
  colorbarState?: { scale: ColorScale; label?: string; ticks?: number[] };
  /** @internal The last colour-mapped artist (what `colorbar()` shows by default). */
  lastScale?: ColorScale;
  /** @internal Position in the figure. */
  placement: Placement;
  /** @internal The host axes of a `twinx()` axes. */
  twinOf?: AxesBase;
  /** @internal The `twinx()` axes of this one. */
  twin?: AxesBase;
  /** @internal Axes whose x / y limits are shared with this one (subplots sharex/sharey). */
  sharedX: AxesBase[] = [];
  sharedY: AxesBase[] = [];
  /** @internal Bumped on every change, so a displayed figure knows if it changed since. */
  version = 0;
  private cycle = 0;
  private readonly onChange: () => void;

  /** @internal Made by figures (`fig.addSubplot`, `plt.subplots`). */
  constructor(placement: Placement, onChange: () => void) {
    this.placement = placement;
    this.onChange = onChange;
  }

  /** @internal Records a change. */
  touch(): void {
    this.version++;
    this.onChange();
  }

  /** @internal Adds an artist. */
  add<A extends Artist>(a: A): A {
    this.artists.push(a);
    this.touch();
    return a;
  }

  /** @internal The next colour of the property cycle. */
  nextColor(): string {
    const c = DEFAULT_CYCLE[this.cycle % DEFAULT_CYCLE.length];
    this.cycle++;
    return c;
  }

  private label(fn: string, text: string, opts: LabelOptions | undefined, size: number): LabelState {
    checkOptions(fn, opts, ["fontsize", "rotation", "color", "loc", "fontweight"]);
    if (typeof text !== "string")
      throw new TypeError(`plt.${fn}: the label must be a string, got ${typeof text}`);
    const anchor =
      opts?.loc === undefined
        ? undefined
        : ({ left: "start", center: "middle", right: "end" } as const)[
            checkChoice(fn, "loc", opts.loc, ["left", "center", "right"])
          ];
    return {
      text: texToUnicode(text),
      fontSize: opts?.fontsize ?? size,
      angle: opts?.rotation,
      color: opts?.color,
      anchor,
      fontWeight: opts?.fontweight,
    };
  }

  /** Sets the x-axis label; TeX between `$…$` becomes Unicode. */
  xlabel(text: string, opts?: LabelOptions): this {
    this.xaxis.label = this.label("xlabel", text, opts, rcParams["axes.labelsize"]);
    this.touch();
    return this;
  }

  /** Sets the y-axis label (`{ rotation: 0 }` writes it horizontally). */
  ylabel(text: string, opts?: LabelOptions): this {
    this.yaxis.label = this.label("ylabel", text, opts, rcParams["axes.labelsize"]);
    this.touch();
    return this;
  }

  /** Sets the axes title. */
  title(text: string, opts?: LabelOptions): this {
    this.titleState = this.label("title", text, opts, rcParams["axes.titlesize"]);
    this.touch();
    return this;
  }

  /** Alias of `xlabel` (matplotlib's `ax.set_xlabel`). */
  setXlabel(text: string, opts?: LabelOptions): this {
    return this.xlabel(text, opts);
  }
  /** Alias of `ylabel`. */
  setYlabel(text: string, opts?: LabelOptions): this {
    return this.ylabel(text, opts);
  }
  /** Alias of `title`. */
  setTitle(text: string, opts?: LabelOptions): this {
    return this.title(text, opts);
  }

  /**
   * Gets or sets the x limits: `xlim(0, 10)`, `xlim([0, 10])`, `xlim({ right: 10 })`; returns the
   * limits as set (undefined where automatic).
   */
  xlim(
    lo?: number | readonly number[] | { left?: number; right?: number; xmin?: number; xmax?: number },
    hi?: number,
  ): [number | undefined, number | undefined] {
    const v = readLimits("xlim", lo, hi, ["left", "right"]);
    if (v) {
      this.xaxis.lim = [v[0] ?? this.xaxis.lim[0], v[1] ?? this.xaxis.lim[1]];
      this.touch();
    }
    return [...this.xaxis.lim];
  }

  /** Gets or sets the y limits: `ylim(0, 1)`, `ylim([0, 1])`, `ylim({ top: 1 })`. */
  ylim(
    lo?: number | readonly number[] | { bottom?: number; top?: number; ymin?: number; ymax?: number },
    hi?: number,
  ): [number | undefined, number | undefined] {
    const v = readLimits("ylim", lo, hi, ["bottom", "top"]);
    if (v) {
      this.yaxis.lim = [v[0] ?? this.yaxis.lim[0], v[1] ?? this.yaxis.lim[1]];
      this.touch();
    }
    return [...this.yaxis.lim];
  }

  /** Alias of `xlim`. */
  setXlim(
    lo?: number | readonly number[] | { left?: number; right?: number },
    hi?: number,
  ): [number | undefined, number | undefined] {
    return this.xlim(lo, hi);
  }
  /** Alias of `ylim`. */
  setYlim(
    lo?: number | readonly number[] | { bottom?: number; top?: number },
    hi?: number,
  ): [number | undefined, number | undefined] {
    return this.ylim(lo, hi);
  }

  /**
   * `axis([xmin, xmax, ymin, ymax])` sets both limits; `axis("off")` hides the axes frame and
   * ticks; `"on"`, `"equal"`/`"scaled"`/`"image"`/`"square"` (equal units), `"tight"` (no margins).
   */
  axis(
    arg?: readonly number[] | "off" | "on" | "equal" | "scaled" | "image" | "square" | "tight" | "auto",
  ): this {
    if (arg === undefined) return this;
    if (Array.isArray(arg)) {
      if (arg.length !== 4)
        throw new ValueError(`plt.axis: expected [xmin, xmax, ymin, ymax], got ${arg.length} values`);
      this.xaxis.lim = [arg[0], arg[1]];
      this.yaxis.lim = [arg[2], arg[3]];
    } else {
      const a = checkChoice("axis", "argument", arg as string, [
        "off",
        "on",
        "equal",
        "scaled",
        "image",
        "square",
        "tight",
        "auto",
      ]);
      if (a === "off") this.axisOn = false;
      else if (a === "on") this.axisOn = true;
      else if (a === "tight" || a === "image") {
        this.tight = true;
        if (a === "image") this.aspectEqual = true;
      } else if (a === "auto") this.aspectEqual = false;
      else this.aspectEqual = true;
    }
    this.touch();
    return this;
  }

  /** Sets the x scale: "linear" or "log". */
  xscale(scale: "linear" | "log"): this {
    this.xaxis.scale = checkChoice("xscale", "scale", scale, ["linear", "log"]);
    this.touch();
    return this;
  }
  /** Sets the y scale: "linear" or "log". */
  yscale(scale: "linear" | "log"): this {
    this.yaxis.scale = checkChoice("yscale", "scale", scale, ["linear", "log"]);
    this.touch();
    return this;
  }
  /** Alias of `xscale`. */
  setXscale(scale: "linear" | "log"): this {
    return this.xscale(scale);
  }
  /** Alias of `yscale`. */
  setYscale(scale: "linear" | "log"): this {
    return this.yscale(scale);
  }

  private ticks(
    fn: string,
    axis: AxisState,
    ticks?: readonly number[] | ArrayLike<number>,
    labels?: readonly (string | number)[],
    opts?: TickOptions,
  ): this {
    checkOptions(fn, opts, ["rotation", "fontsize"]);
    if (ticks !== undefined) {
      axis.ticks = Array.from(ticks as ArrayLike<number>, Number);
      if (labels !== undefined) {
        if (labels.length !== axis.ticks.length) {
          throw new ValueError(
            `plt.${fn}: ticks and labels must have the same length, got ${axis.ticks.length} and ${labels.length}`,
          );
        }
        axis.tickLabels = labels.map((l) => texToUnicode(String(l)));
      } else axis.tickLabels = undefined;
    }
    if (opts?.rotation !== undefined) axis.tickAngle = -opts.rotation;
    if (opts?.fontsize !== undefined) axis.tickFontSize = opts.fontsize;
    this.touch();
    return this;
  }

  /** Sets the x ticks (`xticks([])` removes them) and optionally their labels. */
  xticks(
    ticks?: readonly number[] | ArrayLike<number>,
    labels?: readonly (string | number)[],
    opts?: TickOptions,
  ): this {
    return this.ticks("xticks", this.xaxis, ticks, labels, opts);
  }
  /** Sets the y ticks and optionally their labels. */
  yticks(
    ticks?: readonly number[] | ArrayLike<number>,
    labels?: readonly (string | number)[],
    opts?: TickOptions,
  ): this {
    return this.ticks("yticks", this.yaxis, ticks, labels, opts);
  }
  /** Alias of `xticks` (ticks only). */
  setXticks(ticks: readonly number[] | ArrayLike<number>, labels?: readonly (string | number)[]): this {
    return this.xticks(ticks, labels);
  }
  /** Alias of `yticks` (ticks only). */
  setYticks(ticks: readonly number[] | ArrayLike<number>, labels?: readonly (string | number)[]): this {
    return this.yticks(ticks, labels);
  }

  /** Hides or shows tick labels and ticks (`tickParams({ labelbottom: false, labelleft: false })`). */
  tickParams(opts: TickParamsOptions): this {
    checkOptions("tickParams", opts, ["axis", "labelbottom", "labelleft", "labelsize", "bottom", "left"]);
    if (opts.labelbottom !== undefined) this.xaxis.showLabels = opts.labelbottom;
    if (opts.labelleft !== undefined) this.yaxis.showLabels = opts.labelleft;
    if (opts.bottom !== undefined) this.xaxis.showTicks = opts.bottom;
    if (opts.left !== undefined) this.yaxis.showTicks = opts.left;
    if (opts.labelsize !== undefined) {
      if (opts.axis !== "y") this.xaxis.tickFontSize = opts.labelsize;
      if (opts.axis !== "x") this.yaxis.tickFontSize = opts.labelsize;
    }
    this.touch();
    return this;
  }

  /** Turns the grid on (`grid()`, `grid(true)`) or off (`grid(false)`). */
  grid(on: boolean = true, opts?: GridOptions): this {
    checkOptions("grid", opts, ["which", "axis", "color", "linestyle", "linewidth", "alpha"]);
    this.gridState = { ...opts, on };
    this.touch();
    return this;
  }

  /**
   * Shows a legend of the labelled artists (`label` option of plot, scatter, …); `legend(["a",
   * "b"])` labels the artists in order instead.
   */
  legend(labelsOrOpts?: readonly string[] | LegendOptions, opts?: LegendOptions): this {
    const labels = Array.isArray(labelsOrOpts) ? (labelsOrOpts as string[]) : undefined;
    const o = (Array.isArray(labelsOrOpts) ? opts : (labelsOrOpts as LegendOptions | undefined)) ?? {};
    checkOptions("legend", o, ["loc", "fontsize", "frameon", "title", "ncol"]);
    let loc: LegendLoc = "best";
    if (typeof o.loc === "number") {
      if (!Number.isInteger(o.loc) || o.loc < 0 || o.loc > 10) {
        throw new ValueError(
          `plt.legend: loc code must be an integer 0–10, got ${o.loc}; codes: ${LEGEND_LOCS.map((l, i) => `${i}="${l}"`).join(", ")}`,
        );
      }
      loc = LEGEND_LOCS[o.loc];
    } else if (o.loc !== undefined) loc = checkChoice("legend", "loc", o.loc, LEGEND_LOCS);
    this.legendState = { ...o, loc, labels };
    this.touch();
    return this;
  }

  /** Flips the y axis (images are drawn this way). */
  invertYaxis(): this {
    this.yaxis.inverted = !this.yaxis.inverted;
    this.touch();
    return this;
  }
  /** Flips the x axis. */
  invertXaxis(): this {
    this.xaxis.inverted = !this.xaxis.inverted;
    this.touch();
    return this;
  }

  /** Sets the aspect ratio: "equal" (same units per pixel on both axes) or "auto". */
  setAspect(aspect: "equal" | "auto"): this {
    this.aspectEqual = checkChoice("setAspect", "aspect", aspect, ["equal", "auto"]) === "equal";
    this.touch();
    return this;
  }
}
