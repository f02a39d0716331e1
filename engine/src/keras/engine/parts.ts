// The model code's one door to the kparts modules (activations, initializers, regularizers,
// constraints, optimizers, losses, metrics, callbacks): everything else in engine/, layers/,
// models/ and saving/ imports these names from here.
import type { ConfigValue } from "../common/config.js";
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
export const getRegularizer = (id: RegularizerLike): RegularizerFn =>
  typeof id === "function" ? id : tmp.tmpL2();
export const serializeRegularizer = (id: RegularizerLike | null): ConfigValue =>
  id === null ? null : typeof id === "string" ? id : id.name;

export type ConstraintFn = (w: import("../../core/tensor.js").Tensor) => import("../../core/tensor.js").Tensor;
/** A constraint: a function projecting a weight after each update. */
export type ConstraintLike = ConstraintFn;
export const getConstraint = (id: ConstraintLike): ConstraintFn => id;
export const serializeConstraint = (id: ConstraintLike | null): ConfigValue => (id === null ? null : id.name);

export type Optimizer = tmp.TmpOptimizer;
export type OptimizerLike = string | Optimizer;
export const getOptimizer = (id: OptimizerLike): Optimizer => tmp.tmpOptimizer(id);

export type LossFn = tmp.LossFn;
export type LossLike = string | LossFn;
export const getLoss = (id: LossLike): { fn: LossFn; name: string } => tmp.tmpLoss(id);

export type Metric = tmp.TmpMetric;
export type MetricLike = string | Metric;
export const getMetric = (id: string): Metric => tmp.tmpMetric(id);

export type Logs = tmp.Logs;
export const Callback = tmp.TmpCallback;
export type Callback = tmp.TmpCallback;
export const History = tmp.TmpHistory;
export type History = tmp.TmpHistory;

/** An optimizer as saved: its class and config. */
export const serializeOptimizer = (o: Optimizer): ConfigValue => ({ className: o.constructor.name, config: o.getConfig() });
export const deserializeOptimizer = (s: ConfigValue, _custom: Readonly<Record<string, unknown>>): Optimizer => {
  const v = s as { className: string; config: Record<string, number> };
  return v.className === "TmpRMSprop" ? new tmp.TmpRMSprop(v.config) : new tmp.TmpSGD(v.config);
};
/** Compile settings as saved: names stay names, functions and objects become their names/configs. */
export const serializeCompileValue = (v: unknown): ConfigValue => {
  if (typeof v === "function") return v.name;
  if (Array.isArray(v)) return v.map(serializeCompileValue);
  if (v && typeof v === "object") {
    if ("getConfig" in v) return { className: v.constructor.name, config: (v as { getConfig(): ConfigValue }).getConfig() };
    if ("name" in v && typeof (v as { name: unknown }).name === "string") return (v as { name: string }).name;
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, serializeCompileValue(x)]));
  }
  return v as ConfigValue;
};
export const deserializeCompileValue = (v: ConfigValue, custom: Readonly<Record<string, unknown>>): unknown => {
  if (typeof v === "string" && typeof custom[v] === "function") return custom[v];
  if (Array.isArray(v)) return v.map((x) => deserializeCompileValue(x as ConfigValue, custom));
  return v;
};
