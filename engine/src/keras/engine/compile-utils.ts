import { ValueError } from "../../core/errors.js";
import type { Tensor } from "../../core/tensor.js";
import * as tf from "../../tf/index.js";
import { getLoss, getMetric, type LossFn, type LossLike, type Metric, type MetricLike } from "./parts.js";

// What `compile` sets up for the training loop: one loss per output (with its weight) and the
// metrics of each output, named as Keras names them in the logs.

/** Losses as compile takes them: one for every output, a list, or a dict by output name. */
export type LossesArg = LossLike | readonly LossLike[] | Readonly<Record<string, LossLike>>;
/** Metrics as compile takes them: a list for every output, a list of lists, or a dict by output name. */
export type MetricsArg = readonly MetricLike[] | readonly (readonly MetricLike[])[] | Readonly<Record<string, MetricLike | readonly MetricLike[]>>;

function perOutput<T>(arg: T | readonly T[] | Readonly<Record<string, T>> | undefined, names: readonly string[], what: string, isOne: (x: unknown) => boolean): (T | undefined)[] {
  if (arg === undefined) return names.map(() => undefined);
  if (isOne(arg)) return names.map(() => arg as T);
  if (Array.isArray(arg)) {
    if (arg.length !== names.length) {
      throw new ValueError(`When passing a list as ${what}, it should have one entry per output. The model has ${names.length} output(s) (${names.join(", ")}), but you passed ${what}=${arg.length} entries`);
    }
    return [...arg];
  }
  const dict = arg as Readonly<Record<string, T>>;
  for (const k of Object.keys(dict)) {
    if (!names.includes(k)) throw new ValueError(`Unknown output name "${k}" in ${what}; the model's outputs are ${names.join(", ")}`);
  }
  return names.map((n) => dict[n]);
}

const isLossOne = (x: unknown): boolean => typeof x === "string" || typeof x === "function" || (typeof x === "object" && x !== null && !Array.isArray(x) && "call" in x);

/** Keras' sparse losses take integer labels one axis short of the predictions. */
function isSparse(name: string): boolean {
  return /sparse/.test(name);
}

/** One output's loss. */
interface OutputLoss {
  fn: LossFn;
  name: string;
  weight: number;
}

/** The compiled losses: per-output functions and weights, and the sum fit minimises. */
export class LossesContainer {
  readonly outputs: (OutputLoss | null)[];
  /** The last computed per-output losses (for the `<output>_loss` log entries). */
  lastPerOutput: Tensor[] = [];

  constructor(loss: LossesArg | undefined, lossWeights: readonly number[] | Readonly<Record<string, number>> | undefined, readonly names: readonly string[]) {
    const fns = perOutput<LossLike>(loss as LossLike | readonly LossLike[] | Readonly<Record<string, LossLike>>, names, "loss", isLossOne);
    const ws = perOutput<number>(lossWeights as number | readonly number[] | Readonly<Record<string, number>> | undefined, names, "lossWeights", (x) => typeof x === "number");
    this.outputs = fns.map((f, i) => {
      if (f === undefined || f === null) return null;
      const r = getLoss(f);
      return { fn: r.fn, name: r.name, weight: ws[i] ?? 1 };
    });
  }

  /**
   * The weighted sum of the outputs' losses (each averaged over the batch, with sample weights
   * multiplying the per-example losses), plus `extra` (regularization and added losses).
   */
  compute(yTrue: readonly Tensor[], yPred: readonly Tensor[], sampleWeight: Tensor | null, extra: Tensor | null): Tensor {
    let total: Tensor | null = null;
    this.lastPerOutput = [];
    this.outputs.forEach((o, i) => {
      if (!o) return;
      const t = alignTarget(yTrue[i], yPred[i], isSparse(o.name));
      let per = o.fn(t, yPred[i]);
      let value: Tensor;
      if (sampleWeight) {
        const sw = sampleWeight.ndim < per.ndim ? tf.reshape(sampleWeight, [...sampleWeight.shape, ...per.shape.slice(sampleWeight.ndim).map(() => 1)]) : sampleWeight;
        per = tf.multiply(per, tf.cast(sw, per.dtype));
      }
      value = per.ndim === 0 ? per : tf.reduceMean(per);
      this.lastPerOutput.push(value);
      if (o.weight !== 1) value = tf.multiply(value, o.weight);
      total = total === null ? value : tf.add(total, value);
    });
    if (total === null) throw new ValueError("The model has no loss to optimize: pass `loss` to compile()");
    return extra ? tf.add(total, extra) : total;
  }
}

/**
 * Targets shaped like the predictions: a `[n]` target of a `[n, 1]` output gains the last axis
 * (Keras does the same; without it `[n] - [n, 1]` would broadcast to `[n, n]`), and targets
 * take the predictions' float dtype except for sparse losses, which take class indices.
 */
export function alignTarget(yTrue: Tensor, yPred: Tensor, sparse: boolean): Tensor {
  let t = yTrue;
  if (!sparse && t.ndim === yPred.ndim - 1) t = tf.expandDims(t, -1);
  if (!sparse && t.dtype !== yPred.dtype) t = tf.cast(t, yPred.dtype);
  return t;
}

/** A metric attached to one output, with its log name. */
export interface BoundMetric {
  metric: Metric;
  output: number;
  key: string;
  weighted: boolean;
}

// "accuracy" means the accuracy that matches the loss and the shapes, as in Keras.
function resolveAccuracy(id: string, lossName: string | undefined, yTrue: Tensor, yPred: Tensor): string {
  const prefix = id === "acc" || id === "accuracy" ? "" : null;
  if (prefix === null) {
    if (id === "crossentropy" || id === "ce") {
      if (yPred.shape[yPred.ndim - 1] === 1 || /binary/.test(lossName ?? "")) return "binary_crossentropy";
      return isSparse(lossName ?? "") || yTrue.ndim === yPred.ndim - 1 ? "sparse_categorical_crossentropy" : "categorical_crossentropy";
    }
    return id;
  }
  if (yPred.shape[yPred.ndim - 1] === 1 || /binary/.test(lossName ?? "")) return "binary_accuracy";
  if (isSparse(lossName ?? "") || yTrue.ndim === yPred.ndim - 1 || yTrue.shape[yTrue.ndim - 1] === 1) return "sparse_categorical_accuracy";
  return "categorical_accuracy";
}

/** The compiled metrics, built at the first batch (when the shapes that resolve "accuracy" are known). */
export class MetricsContainer {
  bound: BoundMetric[] | null = null;

  constructor(
    private readonly metrics: MetricsArg | undefined,
    private readonly weightedMetrics: MetricsArg | undefined,
    private readonly names: readonly string[],
    private readonly losses: LossesContainer,
  ) {}

  build(yTrue: readonly Tensor[], yPred: readonly Tensor[]): BoundMetric[] {
    const out: BoundMetric[] = [];
    const multi = this.names.length > 1;
    const add = (arg: MetricsArg | undefined, weighted: boolean): void => {
      if (arg === undefined) return;
      let lists: (readonly MetricLike[])[];
      if (Array.isArray(arg) && arg.every((e) => !Array.isArray(e))) lists = this.names.map(() => arg as readonly MetricLike[]);
      else if (Array.isArray(arg)) lists = (arg as readonly (readonly MetricLike[])[]).map((l) => l);
      else {
        const dict = arg as Readonly<Record<string, MetricLike | readonly MetricLike[]>>;
        lists = this.names.map((n) => {
          const v = dict[n];
          return v === undefined ? [] : Array.isArray(v) ? (v as readonly MetricLike[]) : [v as MetricLike];
        });
      }
      lists.forEach((list, i) => {
        for (const m of list) {
          const lossName = this.losses.outputs[i]?.name;
          const metric = typeof m === "string" ? getMetric(resolveAccuracy(m, lossName, yTrue[i], yPred[i])) : m;
          const shown = typeof m === "string" ? (m === "acc" ? "acc" : m === "ce" ? "ce" : m) : metric.name;
          let key = multi ? `${this.names[i]}_${shown}` : shown;
          if (out.some((b) => b.key === key)) key = `weighted_${key}`;
          out.push({ metric, output: i, key, weighted });
        }
      });
    };
    add(this.metrics, false);
    add(this.weightedMetrics, true);
    this.bound = out;
    return out;
  }

  update(yTrue: readonly Tensor[], yPred: readonly Tensor[], sampleWeight: Tensor | null): void {
    const bound = this.bound ?? this.build(yTrue, yPred);
    for (const b of bound) {
      const sparse = /sparse/.test(b.metric.name) || (this.losses.outputs[b.output] !== null && isSparse(this.losses.outputs[b.output]!.name));
      const t = alignTarget(yTrue[b.output], yPred[b.output], sparse);
      b.metric.updateState(t, yPred[b.output], b.weighted ? sampleWeight : null);
    }
  }

  reset(): void {
    for (const b of this.bound ?? []) b.metric.resetState();
  }

  results(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const b of this.bound ?? []) out[b.key] = b.metric.result().item() as number;
    return out;
  }
}
