// The model code's one door to the kparts modules (activations, initializers, regularizers,
// constraints, optimizers, losses, metrics, callbacks): everything else in engine/, layers/,
// models/ and saving/ imports these names from here.
import type { Tensor } from "../../core/tensor.js";
import type { ConfigValue, Serialized } from "../common/config.js";
import * as optimizers from "../optimizers/index.js";
import * as losses from "../losses/index.js";
import * as metrics from "../metrics/index.js";
import type { DType } from "../../core/dtype.js";
import * as activations from "../activations/index.js";
import * as initializers from "../initializers/index.js";
import * as regularizers from "../regularizers/index.js";
import * as constraints from "../constraints/index.js";

export type ActivationFn = activations.ActivationFunction;
/** An activation: a name ("relu"), a function of a tensor, or null for none. */
export type ActivationLike = string | ActivationFn | null | undefined;
export const getActivation = (id: ActivationLike): ActivationFn => activations.get(id);
export const serializeActivation = (f: ActivationFn): ConfigValue => activations.serialize(f);

/** An initializer: a name ("glorot_uniform", "zeros"), an Initializer, or `(shape, dtype) => tensor`. */
export type InitializerLike =
  string | initializers.Initializer | initializers.InitializerFunction | Serialized;
export type InitializerFn = (shape: number[], dtype: DType) => Tensor;
export const getInitializer = (id: InitializerLike): InitializerFn => {
  const init = initializers.get(id as never);
  return (shape, dtype) => init.apply(shape, dtype);
};
export const serializeInitializer = (id: InitializerLike): ConfigValue =>
  initializers.serialize(initializers.get(id as never)) as unknown as ConfigValue;

/** A regularizer: "l1"/"l2", `keras.regularizers.l2(0.01)`, or a function of the weight giving a penalty. */
export type RegularizerLike = string | regularizers.Regularizer | ((w: Tensor) => Tensor) | Serialized;
export type RegularizerFn = (w: Tensor) => Tensor;
export const getRegularizer = (id: RegularizerLike): RegularizerFn => {
  const r = regularizers.get(id as never);
  return (w) => r.apply(w);
};
export const serializeRegularizer = (id: RegularizerLike | null): ConfigValue =>
  id === null ? null : (regularizers.serialize(regularizers.get(id as never)) as unknown as ConfigValue);

/** A constraint: "max_norm", `keras.constraints.maxNorm(1)`, or a function projecting the weight. */
export type ConstraintLike = string | constraints.Constraint | ((w: Tensor) => Tensor) | Serialized;
export type ConstraintFn = (w: Tensor) => Tensor;
export const getConstraint = (id: ConstraintLike): ConstraintFn => {
  const c = constraints.get(id as never);
  return (w) => c.apply(w);
};
export const serializeConstraint = (id: ConstraintLike | null): ConfigValue =>
  id === null ? null : (constraints.serialize(constraints.get(id as never)) as unknown as ConfigValue);

export type Optimizer = optimizers.Optimizer;
/** An optimizer: a name ("sgd", "adam") or an optimizer object. */
export type OptimizerLike = string | Optimizer | Serialized;
export const getOptimizer = (id: OptimizerLike): Optimizer => optimizers.get(id);
/** An optimizer as saved: its class and config. */
export const serializeOptimizer = (o: Optimizer): ConfigValue =>
  optimizers.serialize(o) as unknown as ConfigValue;
export const deserializeOptimizer = (s: ConfigValue, custom: Readonly<Record<string, unknown>>): Optimizer =>
  optimizers.deserialize(s as unknown as Serialized, custom as never);

export type Loss = losses.Loss;
/** A loss: a Keras name, a function `(yTrue, yPred) => per-example losses`, or a Loss object. */
export type LossLike = string | Loss | ((yTrue: Tensor, yPred: Tensor) => Tensor);
export const getLoss = (id: LossLike): Loss => losses.get(id as never);

export type Metric = metrics.Metric;
/** A metric: a Keras name ("accuracy", "mae"), a function, or a Metric object. */
export type MetricLike = string | Metric | ((yTrue: Tensor, yPred: Tensor) => Tensor);
/** The metric for an identifier; "accuracy" and "crossentropy" resolve from the loss and shapes. */
export const getMetric = (id: MetricLike, ctx: metrics.MetricContext): Metric =>
  metrics.get(id as never, ctx);

export { Callback, CallbackList, History, type Logs } from "../callbacks/index.js";

/** Compile settings as saved: names stay names, functions and objects become their names/configs. */
export function serializeCompileValue(v: unknown): ConfigValue {
  if (typeof v === "function") return v.name;
  if (Array.isArray(v)) return v.map(serializeCompileValue);
  if (v instanceof losses.Loss) return losses.serialize(v) as unknown as ConfigValue;
  if (v instanceof metrics.Metric) return metrics.serialize(v) as unknown as ConfigValue;
  if (v && typeof v === "object")
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, serializeCompileValue(x)]));
  return v as ConfigValue;
}

/** Compile settings back: names of custom functions are looked up in `custom`. */
export function deserializeCompileValue(v: ConfigValue, custom: Readonly<Record<string, unknown>>): unknown {
  if (typeof v === "string" && typeof custom[v] === "function") return custom[v];
  if (Array.isArray(v)) return v.map((x) => deserializeCompileValue(x as ConfigValue, custom));
  if (v && typeof v === "object" && "className" in v && "config" in v) {
    const s = v as unknown as Serialized;
    try {
      return losses.deserialize(s, custom as never);
    } catch {
      return metrics.deserialize(s, custom as never);
    }
  }
  return v;
}
