import { ValueError } from "../core/errors.js";
import { DISPLAY, Tensor, type MimeBundle } from "../core/tensor.js";
import type { Axes } from "./axes.js";
import { Figure, DISPLAY_ASYNC, type FigureOptions } from "./figure.js";
import type { Json, JsonObject } from "./json.js";
import { checkChoice } from "./options.js";
import { kernelHooks } from "../display/kernel.js";

/** Rows of a chart: records, columns (arrays or 1-D tensors), or anything with `toRecords()` (data frames). */
export type ChartData =
  | readonly Record<string, unknown>[]
  | Readonly<Record<string, readonly unknown[] | Tensor | ArrayLike<number>>>
  | { toRecords(): Record<string, unknown>[] };

/** Vega-Lite mark types the fluent API accepts. */
export const MARK_TYPES = [
  "point",
  "circle",
  "square",
  "line",
  "area",
  "bar",
  "rect",
  "rule",
  "tick",
  "text",
  "trail",
  "boxplot",
] as const;
/** A Vega-Lite mark type. */
export type MarkType = (typeof MARK_TYPES)[number];

/** A field reference: "name", "name:Q" (quantitative), ":N" nominal, ":O" ordinal, ":T" temporal; or a full Vega-Lite field definition. */
export type FieldRef = string | JsonObject;

/** Encoding channels the fluent API accepts. */
export const CHANNELS = [
  "x",
  "y",
  "x2",
  "y2",
  "color",
  "fill",
  "stroke",
  "size",
  "shape",
  "opacity",
  "tooltip",
  "text",
  "detail",
  "row",
  "column",
  "order",
  "strokeDash",
  "theta",
] as const;
/** An encoding channel. */
export type Channel = (typeof CHANNELS)[number];

const TYPE_CODES: Readonly<Record<string, string>> = {
  Q: "quantitative",
  N: "nominal",
  O: "ordinal",
  T: "temporal",
};

function toRecords(data: ChartData): Record<string, unknown>[] {
  if (Array.isArray(data)) return data.map((r) => ({ ...r }));
  const d = data as { toRecords?: () => Record<string, unknown>[] };
  if (typeof d.toRecords === "function") return d.toRecords();
  const cols = Object.entries(data as Record<string, readonly unknown[] | Tensor | ArrayLike<number>>).map(
    ([k, v]) =>
      [k, v instanceof Tensor ? Array.from(v.dataSync()) : Array.from(v as ArrayLike<unknown>)] as const,
  );
  const n = cols.length ? cols[0][1].length : 0;
  for (const [k, v] of cols)
    if (v.length !== n)
      throw new ValueError(`plt.chart: column "${k}" has ${v.length} values, but "${cols[0][0]}" has ${n}`);
  return Array.from({ length: n }, (_, i) => Object.fromEntries(cols.map(([k, v]) => [k, v[i]])));
}

function jsonValue(v: unknown): Json {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "string" || typeof v === "boolean") return v;
  if (typeof v === "bigint") return Number(v);
  if (v instanceof Date) return v.toISOString();
  return String(v);
}

/**
 * A chart written fluently, Altair-style, on the same figure model as pyplot: marks and
 * encodings of named fields. Displays like a figure (Vega-Lite + SVG).
 *
 * @example
 * ```ts
 * plt.chart({ x: [1, 2, 3], y: [2, 4, 3], kind: ["a", "b", "a"] })
 *   .mark("point")
 *   .encode({ x: "x", y: "y", color: "kind" })
 *   .properties({ title: "A chart", width: 300 });
 * ```
 */
export class Chart {
  private readonly records: Record<string, unknown>[];
  private markDef: JsonObject = { type: "point" };
  private encoding: JsonObject = {};
  private props: { width?: number; height?: number; title?: string } = {};
  private readonly figOpts: FigureOptions;

  constructor(data: ChartData, opts: FigureOptions = {}) {
    this.records = toRecords(data);
    this.figOpts = opts;
  }

  /** The mark type (and mark properties such as `{ opacity: 0.5, size: 10 }`). */
  mark(type: MarkType, props: JsonObject = {}): this {
    this.markDef = { ...props, type: checkChoice("chart.mark", "mark type", type, MARK_TYPES) };
    return this;
  }

  /** Maps fields to channels; a field's type is read from a ":Q/:N/:O/:T" suffix or guessed from the values. */
  encode(enc: Partial<Record<Channel, FieldRef | FieldRef[]>>): this {
    for (const [ch, ref] of Object.entries(enc)) {
      checkChoice("chart.encode", "channel", ch, CHANNELS);
      this.encoding[ch] = Array.isArray(ref) ? ref.map((r) => this.field(r)) : this.field(ref as FieldRef);
    }
    return this;
  }

  /** Chart size in pixels and title. */
  properties(p: { width?: number; height?: number; title?: string }): this {
    this.props = { ...this.props, ...p };
    return this;
  }

  private field(ref: FieldRef): JsonObject {
    if (typeof ref !== "string") return ref;
    const m = /^(.*):([QNOT])$/.exec(ref);
    const name = m ? m[1] : ref;
    if (this.records.length && !(name in this.records[0])) {
      throw new ValueError(
        `plt.chart: no field "${name}"; fields: ${Object.keys(this.records[0]).join(", ")}`,
      );
    }
    const sample = this.records.find((r) => r[name] !== null && r[name] !== undefined)?.[name];
    const type = m
      ? TYPE_CODES[m[2]]
      : typeof sample === "number"
        ? "quantitative"
        : sample instanceof Date
          ? "temporal"
          : "nominal";
    return { field: name, type };
  }

  /** @internal The Vega-Lite layer of this chart. */
  layerSpec(): JsonObject {
    const values = this.records.map((r) =>
      Object.fromEntries(Object.entries(r).map(([k, v]) => [k, jsonValue(v)])),
    );
    return { data: { values }, mark: this.markDef, encoding: this.encoding };
  }

  /** Draws this chart as a layer of an existing pyplot axes. */
  drawOn(ax: Axes): Axes {
    ax.add({ kind: "chart", spec: this.layerSpec(), zorder: 2, alpha: 1 });
    return ax;
  }

  /** The chart as a figure (one axes holding the chart). */
  toFigure(): Figure {
    const fig = new Figure(this.figOpts, -1);
    const ax = fig.addSubplot(1, 1, 1);
    this.drawOn(ax);
    const [w, h] = fig.pixelSize;
    if (this.props.title !== undefined) ax.title(this.props.title);
    if (this.props.width !== undefined) fig.figsize = [this.props.width / (0.775 * fig.dpi), fig.figsize[1]];
    if (this.props.height !== undefined) fig.figsize = [fig.figsize[0], this.props.height / (0.77 * fig.dpi)];
    void w;
    void h;
    return fig;
  }

  /** The Vega-Lite v5 spec. */
  toSpec(): JsonObject {
    return this.toFigure().toSpec();
  }

  /** SVG of the chart. */
  toSVG(): string {
    return this.toFigure().toSVG();
  }

  /** Saves the chart (PNG, SVG or JSON by extension). */
  savefig(path: string): Promise<void> {
    return this.toFigure().savefig(path);
  }

  /** Shows the chart now (inside the kernel). */
  show(): void {
    kernelHooks()?.display(this);
  }

  /** The MIME bundle (Vega-Lite + SVG). */
  [DISPLAY](): MimeBundle {
    return {
      ...this.toFigure()[DISPLAY](),
      "text/plain": `<Chart ${String(this.markDef.type)} with ${this.records.length} rows>`,
    };
  }

  /** The MIME bundle, rendered asynchronously. */
  async [DISPLAY_ASYNC](): Promise<MimeBundle> {
    return {
      ...(await this.toFigure()[DISPLAY_ASYNC]()),
      "text/plain": `<Chart ${String(this.markDef.type)} with ${this.records.length} rows>`,
    };
  }
}

/**
 * Starts a fluent chart over `data`.
 *
 * @example
 * ```ts
 * plt.chart(df).mark("point", { opacity: 0.4 }).encode({ x: "longitude", y: "latitude", color: "median_house_value" });
 * ```
 */
export function chart(data: ChartData, opts?: FigureOptions): Chart {
  return new Chart(data, opts);
}
