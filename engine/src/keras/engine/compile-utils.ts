import { ValueError } from "../../core/errors.js";
import type { Tensor } from "../../core/tensor.js";
import * as tf from "../../tf/index.js";
import { getLoss, getMetric, type Loss, type LossLike, type Metric, type MetricLike } from "./parts.js";

// What `compile` sets up for the training loop: one loss per output (with its weight) and the
// metrics of each output, named as Keras names them in the logs.

/** Losses as compile takes them: one for every output, a list, or a dict by output name. */
export type LossesArg = LossLike | readonly LossLike[] | Readonly<Record<string, LossLike>>;
/** Metrics as compile takes them: a list for every output, a list of lists, or a dict by output name. */
export type MetricsArg =
  | readonly MetricLike[]
  | readonly (readonly MetricLike[])[]
  | Readonly<Record<string, MetricLike | readonly MetricLike[]>>;

function perOutput<T>(
  arg: T | readonly T[] | Readonly<Record<string, T>> | undefined,
  names: readonly string[],
  what: string,
  isOne: (x: unknown) => boolean,
): (T | undefined)[] {
  if (arg === undefined) return names.map(() => undefined);
  if (isOne(arg)) return names.map(() => arg as T);
  if (Array.isArray(arg)) {
    if (arg.length !== names.length) {
      throw new ValueError(
        `When passing a list as ${what}, it should have one entry per output. The model has ${names.length} output(s) (${names.join(", ")}), but you passed ${what}=${arg.length} entries`,
      );
    }
    return [...arg];
  }
  const dict = arg as Readonly<Record<string, T>>;
  for (const k of Object.keys(dict)) {
    if (!names.includes(k))
      throw new ValueError(
        `Unknown output name "${k}" in ${what}; the model's outputs are ${names.join(", ")}`,
      );
  }
  return names.map((n) => dict[n]);
}

// The loss's Keras name, so "accuracy" and the sparse-label handling can tell the kind.
function canonicalLossName(id: string, l: Loss): string {
  return /crossentropy/.test(id) ? id : l.name;
}

const isLossOne = (x: unknown): boolean =>
  typeof x === "string" ||
  typeof x === "function" ||
  (typeof x === "object" && x !== null && !Array.isArray(x) && "call" in x);

/** Keras' sparse losses take integer labels one axis short of the predictions. */
function isSparse(name: string): boolean {
  return /sparse/.test(name);
}

/** One output's loss. */
interface OutputLoss {
  loss: Loss;
  name: string;
  weight: number;
}

/** The compiled losses: per-output functions and weights, and the sum fit minimises. */
export class LossesContainer {
  readonly outputs: (OutputLoss | null)[];
  /** The last computed per-output losses (for the `<output>_loss` log entries). */
  lastPerOutput: Tensor[] = [];

  constructor(
    loss: LossesArg | undefined,
    lossWeights: readonly number[] | Readonly<Record<string, number>> | undefined,
    readonly names: readonly string[],
  ) {
    const fns = perOutput<LossLike>(
      loss as LossLike | readonly LossLike[] | Readonly<Record<string, LossLike>>,
      names,
      "loss",
      isLossOne,
    );
    const ws = perOutput<number>(
      lossWeights as number | readonly number[] | Readonly<Record<string, number>> | undefined,
      names,
      "lossWeights",
      (x) => typeof x === "number",
    );
    this.outputs = fns.map((f, i) => {
      if (f === undefined || f === null) return null;
      const l = getLoss(f);
      return { loss: l, name: typeof f === "string" ? canonicalLossName(f, l) : l.name, weight: ws[i] ?? 1 };
    });
  }

  /**
   * The weighted sum of the outputs' losses (each averaged over the batch, with sample weights
   * multiplying the per-example losses), plus `extra` (regularization and added losses).
   */
  compute(
    yTrue: readonly Tensor[],
    yPred: readonly Tensor[],
    sampleWeight: Tensor | null,
    extra: Tensor | null,
  ): Tensor {
    let total: Tensor | null = null;
    this.lastPerOutput = [];
    this.outputs.forEach((o, i) => {
      if (!o) return;
      const t = alignTarget(yTrue[i], yPred[i], isSparse(o.name));
      let value = o.loss.apply(t, yPred[i], sampleWeight);
      if (value.ndim !== 0) value = tf.reduceMean(value);
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

// Metrics that take class indices get the labels as they are; the others get targets shaped
// like the predictions.
function isSparseMetric(m: Metric, lossName: string | undefined): boolean {
  if (/^Sparse/.test(m.constructor.name) || /sparse/.test(m.name)) return true;
  return /crossentropy|^ce$/.test(m.name) && isSparse(lossName ?? "");
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
      if (Array.isArray(arg) && arg.every((e) => !Array.isArray(e)))
        lists = this.names.map(() => arg as readonly MetricLike[]);
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
          const lossName = this.losses.outputs[i]?.name ?? null;
          const metric = getMetric(m, { lossName, yPredShape: yPred[i].shape, yTrueShape: yTrue[i].shape });
          const shown = typeof m === "string" ? m : metric.name;
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
      const t = alignTarget(
        yTrue[b.output],
        yPred[b.output],
        isSparseMetric(b.metric, this.losses.outputs[b.output]?.name),
      );
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
