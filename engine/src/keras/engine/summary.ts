import type { Model } from "../models/model.js";
import { InputLayer } from "./input-layer.js";
import type { Layer } from "./layer.js";
import { formatShapeSpec, formatShapeSpecs, type ShapeSpecs } from "./shapes.js";
import type { KerasTensor } from "./symbolic.js";

// Keras' `model.summary()` table, laid out as Keras 2 prints it (the book's outputs): 65
// columns for sequential stacks, 98 with a "Connected to" column for other graphs.

/** Options of `model.summary`. */
export interface SummaryOptions {
  /** Total width of the table (default 65, or 98 for non-sequential graphs). */
  lineLength?: number;
  /** Column ends, as fractions of the width or as character positions. */
  positions?: number[];
  /** Where lines go (default stdout). */
  printFn?: (line: string) => void;
}

type AnyModel = Model<KerasTensor | KerasTensor[]>;

/** @internal Output shapes a model knows for its layers (Sequential fills this in). */
export interface ShapeSource {
  layerOutputShape?(layer: Layer): ShapeSpecs | null;
}

function row(fields: string[], positions: number[]): string {
  let line = "";
  fields.forEach((f, i) => {
    if (i > 0) line = line.slice(0, -1) + " ";
    line += f;
    line = line.slice(0, positions[i]);
    line += " ".repeat(Math.max(0, positions[i] - line.length));
  });
  return line;
}

function outputShapeOf(model: AnyModel, layer: Layer): string {
  const fromModel = (model as unknown as ShapeSource).layerOutputShape?.(layer);
  if (fromModel) return formatShapeSpecs(fromModel);
  if (!model.graph) return "multiple";
  const nodes = layer.inboundNodes.filter((n) =>
    n.outputs.some((o) => model.graph!.layers.includes(o.history!.layer)),
  );
  if (nodes.length !== 1) return "multiple";
  const outs = nodes[0].outputs;
  // Keras 2 shows an InputLayer's shape as a one-element list.
  if (layer instanceof InputLayer) return `[${formatShapeSpec(outs[0].shape)}]`;
  return outs.length === 1
    ? formatShapeSpec(outs[0].shape)
    : `[${outs.map((o) => formatShapeSpec(o.shape)).join(", ")}]`;
}

function connections(model: AnyModel, layer: Layer): string[] {
  if (!model.graph) return [];
  const relevant = new Set(model.graph.nodes);
  const out: string[] = [];
  for (const node of layer.inboundNodes) {
    if (!relevant.has(node)) continue;
    for (const t of node.inputs) {
      const h = t.history!;
      out.push(`${h.layer.name}[${h.nodeIndex}][${h.tensorIndex}]`);
    }
  }
  return out;
}

function isSequentialLike(model: AnyModel): boolean {
  if (!model.graph) return true;
  const g = model.graph;
  if (g.inputs.length !== 1 || g.outputs.length !== 1) return false;
  return (
    g.nodes.every((n) => n.inputs.length <= 1 && n.outputs.length === 1) &&
    new Set(g.nodes.map((n) => n.layer)).size === g.nodes.length
  );
}

function countOf(ws: readonly { size: number }[]): number {
  return ws.reduce((n, w) => n + w.size, 0);
}

function paramsOf(layer: Layer): string {
  return layer.built ? String(layer.countParams()) : "0 (unused)";
}

/** The summary lines of a model. */
export function summaryLines(model: AnyModel, opts: SummaryOptions = {}): string[] {
  const seq = isSequentialLike(model);
  const length = opts.lineLength ?? (seq ? 65 : 98);
  let positions = opts.positions ?? (seq ? [0.45, 0.85, 1] : [0.33, 0.55, 0.67, 1]);
  if (positions[positions.length - 1] <= 1) positions = positions.map((p) => Math.floor(length * p));
  const header = seq
    ? ["Layer (type)", "Output Shape", "Param #"]
    : ["Layer (type)", "Output Shape", "Param #", "Connected to"];
  const lines = [`Model: "${model.name}"`, "_".repeat(length), row(header, positions), "=".repeat(length)];
  const layers = model.graph ? model.layers : model.layers.filter((l) => !(l instanceof InputLayer));
  layers.forEach((layer, i) => {
    const name = `${layer.name} (${layer.constructor.name})`;
    if (seq) {
      lines.push(row([name, outputShapeOf(model, layer), paramsOf(layer)], positions));
    } else {
      const conns = connections(model, layer);
      lines.push(row([name, outputShapeOf(model, layer), paramsOf(layer), conns[0] ?? ""], positions));
      for (const c of conns.slice(1)) lines.push(row(["", "", "", c], positions));
    }
    lines.push(i === layers.length - 1 ? "=".repeat(length) : "_".repeat(length));
  });
  if (layers.length === 0) lines.push("=".repeat(length));
  const trainable = countOf(model.trainableWeights);
  const nonTrainable = countOf(model.nonTrainableWeights);
  const fmt = (n: number): string => n.toLocaleString("en-US");
  lines.push(
    `Total params: ${fmt(trainable + nonTrainable)}`,
    `Trainable params: ${fmt(trainable)}`,
    `Non-trainable params: ${fmt(nonTrainable)}`,
    "_".repeat(length),
  );
  return lines;
}

/** The summary as one string (lines joined, no trailing spaces trimmed: Keras pads rows). */
export function summaryText(model: AnyModel, opts: SummaryOptions = {}): string {
  return summaryLines(model, opts).join("\n");
}

function escape(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** The summary as an HTML table, for notebooks. */
export function summaryHtml(model: AnyModel): string {
  const seq = isSequentialLike(model);
  const layers = model.graph ? model.layers : model.layers.filter((l) => !(l instanceof InputLayer));
  const head = ["Layer (type)", "Output Shape", "Param #", ...(seq ? [] : ["Connected to"])];
  const rows = layers.map((l) => {
    const cells = [
      `${l.name} (${l.constructor.name})`,
      outputShapeOf(model, l),
      paramsOf(l),
      ...(seq ? [] : [connections(model, l).join("<br>")]),
    ];
    return `<tr>${cells.map((c, i) => `<td${i === 2 ? ' style="text-align:right"' : ""}>${i === 3 ? c : escape(c)}</td>`).join("")}</tr>`;
  });
  const trainable = countOf(model.trainableWeights);
  const nonTrainable = countOf(model.nonTrainableWeights);
  const fmt = (n: number): string => n.toLocaleString("en-US");
  return (
    `<div><b>Model: "${escape(model.name)}"</b><table><thead><tr>${head.map((h) => `<th>${h}</th>`).join("")}</tr></thead>` +
    `<tbody>${rows.join("")}</tbody></table>` +
    `<div>Total params: ${fmt(trainable + nonTrainable)}<br>Trainable params: ${fmt(trainable)}<br>Non-trainable params: ${fmt(nonTrainable)}</div></div>`
  );
}
