/**
 * `keras.metrics`: streaming metrics (state in variables; `updateState`, `result`,
 * `resetState`), metric functions, and `get` for the strings `compile` accepts.
 *
 * @example
 * ```ts
 * const m = new keras.metrics.SparseCategoricalAccuracy();
 * m.updateState([1, 2], [[0.1, 0.8, 0.1], [0.6, 0.3, 0.1]]);
 * m.result(); // 0.5
 * ```
 */
import type { Tensor } from "../../core/tensor.js";
import type { Config, Serialized } from "../common/config.js";
import { getRegisteredName, serializeObject, type CustomObjects } from "../common/registry.js";
import { resolve, type Identifier, type ModuleSpec } from "../common/resolve.js";
import * as lf from "../losses/functions.js";
import * as acc from "./accuracy.js";
import { AUC } from "./auc.js";
import * as f from "./functions.js";
import { Metric } from "./metric.js";
import { Precision, Recall } from "./precision-recall.js";
import { Mean, MeanMetricWrapper, Sum, type MetricFunction } from "./reduce.js";
import * as reg from "./regression.js";

export { Metric, isMetric, type MetricOptions, type AddWeightOptions } from "./metric.js";
export {
  Mean,
  Sum,
  MeanMetricWrapper,
  type MetricFunction,
  type MeanMetricWrapperOptions,
} from "./reduce.js";
export * from "./accuracy.js";
export * from "./regression.js";
export * from "./functions.js";
export { Precision, Recall, type PrecisionRecallOptions } from "./precision-recall.js";
export { AUC, type AUCOptions } from "./auc.js";
export {
  meanSquaredError,
  meanAbsoluteError,
  meanAbsolutePercentageError,
  meanSquaredLogarithmicError,
  binaryCrossentropy,
  categoricalCrossentropy,
  sparseCategoricalCrossentropy,
  klDivergence,
  poisson,
  logCosh,
  hinge,
  squaredHinge,
  mse,
  mae,
  mape,
  msle,
  kld,
} from "../losses/index.js";

type Fn = (yTrue: Tensor, yPred: Tensor) => Tensor;
const wrapped = (fn: Fn, name: string) => (): Metric => new MeanMetricWrapper((t, p) => fn(t, p), { name });

// String identifiers → a fresh metric named as the user spelled it (Keras logs "mse" for "mse").
const names: Record<string, () => Metric> = {};
const fnNames: [Fn, ...string[]][] = [
  [lf.meanSquaredError, "mean_squared_error", "mse", "MSE"],
  [lf.meanAbsoluteError, "mean_absolute_error", "mae", "MAE"],
  [lf.meanAbsolutePercentageError, "mean_absolute_percentage_error", "mape", "MAPE"],
  [lf.meanSquaredLogarithmicError, "mean_squared_logarithmic_error", "msle", "MSLE"],
  [lf.binaryCrossentropy, "binary_crossentropy"],
  [lf.categoricalCrossentropy, "categorical_crossentropy"],
  [lf.sparseCategoricalCrossentropy, "sparse_categorical_crossentropy"],
  [lf.klDivergence, "kl_divergence", "kld", "KLD", "kullback_leibler_divergence"],
  [lf.poisson, "poisson"],
  [lf.logCosh, "logcosh", "log_cosh"],
  [lf.hinge, "hinge"],
  [lf.squaredHinge, "squared_hinge"],
  [f.accuracy, "accuracy", "acc"],
  [f.binaryAccuracy, "binary_accuracy"],
  [f.categoricalAccuracy, "categorical_accuracy"],
  [f.sparseCategoricalAccuracy, "sparse_categorical_accuracy"],
  [f.topKCategoricalAccuracy, "top_k_categorical_accuracy"],
  [f.sparseTopKCategoricalAccuracy, "sparse_top_k_categorical_accuracy"],
];
for (const [fn, ...ids] of fnNames) for (const id of ids) names[id] = wrapped(fn, id);

const classes: Record<string, (c: Config) => Metric> = {
  Mean: (c) => Mean.fromConfig(c),
  Sum: (c) => Sum.fromConfig(c),
  Accuracy: (c) => acc.Accuracy.fromConfig(c),
  BinaryAccuracy: (c) => acc.BinaryAccuracy.fromConfig(c),
  CategoricalAccuracy: (c) => acc.CategoricalAccuracy.fromConfig(c),
  SparseCategoricalAccuracy: (c) => acc.SparseCategoricalAccuracy.fromConfig(c),
  TopKCategoricalAccuracy: (c) => acc.TopKCategoricalAccuracy.fromConfig(c),
  SparseTopKCategoricalAccuracy: (c) => acc.SparseTopKCategoricalAccuracy.fromConfig(c),
  MeanSquaredError: (c) => reg.MeanSquaredError.fromConfig(c),
  MeanAbsoluteError: (c) => reg.MeanAbsoluteError.fromConfig(c),
  MeanAbsolutePercentageError: (c) => reg.MeanAbsolutePercentageError.fromConfig(c),
  MeanSquaredLogarithmicError: (c) => reg.MeanSquaredLogarithmicError.fromConfig(c),
  RootMeanSquaredError: (c) => reg.RootMeanSquaredError.fromConfig(c),
  Precision: (c) => Precision.fromConfig(c),
  Recall: (c) => Recall.fromConfig(c),
  AUC: (c) => AUC.fromConfig(c),
};
for (const [k, make] of Object.entries(classes)) names[k] = () => make({});
names.auc = () => new AUC();
names.precision = () => new Precision();
names.recall = () => new Recall();

/** Facts about the model's output that `"accuracy"`/`"acc"` and `"crossentropy"` need. */
export interface MetricContext {
  /** The loss's name (e.g. "sparse_categorical_crossentropy"). */
  lossName?: string | null;
  /** The shape of the model's output (`[null, 10]`). */
  yPredShape?: readonly (number | null)[];
  /** The shape of the targets, when known (Keras decides from it). */
  yTrueShape?: readonly (number | null)[];
}

/**
 * The accuracy metric `"accuracy"`/`"acc"` stands for, as Keras picks it: binary accuracy when
 * the output has one unit per sample, sparse categorical accuracy when the targets are class
 * indices (a lower rank than the output, or a last axis of 1), categorical accuracy otherwise.
 * Without target shapes, the loss name decides (`sparse_*` → sparse, `categorical_*` →
 * categorical, `binary_*` → binary). The metric keeps the name the user wrote.
 *
 * @example
 * ```ts
 * keras.metrics.resolveAccuracy("sparse_categorical_crossentropy", [null, 10]); // SparseCategoricalAccuracy named "accuracy"
 * ```
 */
export function resolveAccuracy(
  lossName: string | null | undefined,
  outputShape: readonly (number | null)[],
  opts: { yTrueShape?: readonly (number | null)[]; name?: string } = {},
): Metric {
  const name = opts.name ?? "accuracy";
  const kind = matchKind(lossName, outputShape, opts.yTrueShape);
  if (kind === "binary") return new acc.BinaryAccuracy({ name });
  if (kind === "sparse") return new acc.SparseCategoricalAccuracy({ name });
  return new acc.CategoricalAccuracy({ name });
}

function matchKind(
  lossName: string | null | undefined,
  yPred: readonly (number | null)[],
  yTrue: readonly (number | null)[] | undefined,
): "binary" | "sparse" | "categorical" {
  const last = yPred[yPred.length - 1];
  if (last === 1) return "binary";
  if (yTrue) {
    const tLast = yTrue[yTrue.length - 1];
    if (yTrue.length < yPred.length || (tLast === 1 && last !== 1)) return "sparse";
    return "categorical";
  }
  const loss = lossName ?? "";
  if (loss.startsWith("binary")) return "binary";
  if (loss.startsWith("sparse")) return "sparse";
  if (loss.startsWith("categorical")) return "categorical";
  return "sparse";
}

function crossentropyFor(ctx: MetricContext, name: string): Metric {
  const kind = matchKind(ctx.lossName, ctx.yPredShape ?? [null], ctx.yTrueShape);
  const fn =
    kind === "binary"
      ? lf.binaryCrossentropy
      : kind === "sparse"
        ? lf.sparseCategoricalCrossentropy
        : lf.categoricalCrossentropy;
  return new MeanMetricWrapper((t, p) => fn(t, p), { name });
}

const spec: ModuleSpec<Metric> = {
  what: "metric",
  module: "keras.metrics",
  is: (x): x is Metric => x instanceof Metric,
  names,
  classes,
  wrap: (fn, name) => new MeanMetricWrapper(fn as unknown as MetricFunction, { name }),
};

/**
 * A `Metric` from a Keras name (`"accuracy"`, `"acc"`, `"mse"`, `"mae"`,
 * `"sparse_categorical_accuracy"`, `"AUC"`, ...), a custom function `(yTrue, yPred) => Tensor`
 * (streamed by a `MeanMetricWrapper` named after it), a saved `{ className, config }`, or a
 * `Metric` (returned as is). With a context, `"accuracy"`/`"acc"` and `"crossentropy"`/`"ce"`
 * become the variant matching the loss and output, as in `compile`.
 *
 * @example
 * ```ts
 * keras.metrics.get("accuracy", { lossName: "sparse_categorical_crossentropy", yPredShape: [null, 10] });
 * keras.metrics.get("mae");
 * ```
 */
export function get(id: Identifier<Metric>, ctx?: MetricContext, customObjects?: CustomObjects): Metric {
  if (ctx && (id === "accuracy" || id === "acc"))
    return resolveAccuracy(ctx.lossName, ctx.yPredShape ?? [null], { yTrueShape: ctx.yTrueShape, name: id });
  if (ctx && (id === "crossentropy" || id === "ce")) return crossentropyFor(ctx, id);
  return resolve(spec, id, customObjects);
}

/** The Keras names `get` accepts. */
export const METRIC_NAMES: readonly string[] = Object.keys(names);

/** `{ className, config }` of a metric (a wrapped custom function under its own name). */
export function serialize(metric: Metric): Serialized {
  if (metric instanceof MeanMetricWrapper && metric.constructor === MeanMetricWrapper) {
    // Built from a string: saved under that string, which `get` turns back into the metric.
    if (!metric.fn.name && Object.hasOwn(names, metric.name)) return { className: metric.name, config: {} };
    const fnName = getRegisteredName(metric.fn) ?? metric.fn.name;
    if (fnName) return { className: fnName, config: metric.getConfig() };
  }
  return serializeObject(metric);
}

/** Rebuilds a metric from `serialize`'s output. @example `keras.metrics.deserialize(saved, { HuberMetric })` */
export function deserialize(s: Serialized, customObjects?: CustomObjects): Metric {
  return resolve(spec, s, customObjects);
}
