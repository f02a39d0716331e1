// The model code's one door to the kparts modules (activations, initializers, regularizers,
// constraints, optimizers, losses, metrics, callbacks): everything else in engine/, layers/,
// models/ and saving/ imports these names from here.
import type { Tensor } from "../../core/tensor.js";
import type { Config, ConfigValue, Serialized } from "../common/config.js";
import * as optimizers from "../optimizers/index.js";
import * as losses from "../losses/index.js";
import * as metrics from "../metrics/index.js";
import * as tmp from "./temporary-parts.js";

export type ActivationFn = tmp.ActivationFn;
/** An activation: a name ("relu"), a function of a tensor, or null for none. */
export type ActivationLike = string | ActivationFn | null | undefined;
export const getActivation = (id: ActivationLike): ActivationFn => tmp.tmpActivation(id);
export const serializeActivation = (f: ActivationFn): ConfigValue => tmp.tmpActivationName(f);

export type InitializerFn = tmp.InitializerFn;
/** An initializer: a name ("glorot_uniform", "zeros") or a function `(shape, dtype) => tensor`. */
export type InitializerLike = string | InitializerFn;
export const getInitializer = (id: InitializerLike): InitializerFn => tmp.tmpInitializer(id);
export const serializeInitializer = (id: InitializerLike): ConfigValue => (typeof id === "string" ? id : id.name);

export type RegularizerFn = tmp.RegularizerFn;
/** A regularizer: "l1"/"l2" or a function of the weight giving a scalar penalty. */
export type RegularizerLike = string | RegularizerFn;
export const getRegularizer = (id: RegularizerLike): RegularizerFn => (typeof id === "function" ? id : tmp.tmpL2());
export const serializeRegularizer = (id: RegularizerLike | null): ConfigValue =>
  id === null ? null : typeof id === "string" ? id : id.name;

export type ConstraintFn = (w: Tensor) => Tensor;
/** A constraint: a function projecting a weight after each update. */
export type ConstraintLike = ConstraintFn;
export const getConstraint = (id: ConstraintLike): ConstraintFn => id;
export const serializeConstraint = (id: ConstraintLike | null): ConfigValue => (id === null ? null : id.name);

export type Optimizer = optimizers.Optimizer;
/** An optimizer: a name ("sgd", "adam") or an optimizer object. */
export type OptimizerLike = string | Optimizer | Serialized;
export const getOptimizer = (id: OptimizerLike): Optimizer => optimizers.get(id);
/** An optimizer as saved: its class and config. */
export const serializeOptimizer = (o: Optimizer): ConfigValue => optimizers.serialize(o) as unknown as ConfigValue;
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
export const getMetric = (id: MetricLike, ctx: metrics.MetricContext): Metric => metrics.get(id as never, ctx);

export { Callback, CallbackList, History, type Logs } from "../callbacks/index.js";

/** Compile settings as saved: names stay names, functions and objects become their names/configs. */
export function serializeCompileValue(v: unknown): ConfigValue {
  if (typeof v === "function") return v.name;
  if (Array.isArray(v)) return v.map(serializeCompileValue);
  if (v instanceof losses.Loss) return losses.serialize(v) as unknown as ConfigValue;
  if (v instanceof metrics.Metric) return metrics.serialize(v) as unknown as ConfigValue;
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, serializeCompileValue(x)]));
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


