/**
 * `keras.constraints`: projections applied to weights after each optimizer step.
 *
 * @example
 * ```ts
 * new keras.layers.Dense(100, { kernelConstraint: keras.constraints.maxNorm(1.0) });
 * ```
 */
import type { Config, Serialized } from "../common/config.js";
import { getRegisteredName, serializeObject, type CustomObjects } from "../common/registry.js";
import { resolve, type Identifier, type ModuleSpec } from "../common/resolve.js";
import {
  Constraint,
  FunctionConstraint,
  MaxNorm,
  MinMaxNorm,
  NonNeg,
  UnitNorm,
  type ConstraintFunction,
  type MinMaxNormOptions,
} from "./constraint.js";

export {
  Constraint,
  MaxNorm,
  NonNeg,
  UnitNorm,
  MinMaxNorm,
  FunctionConstraint,
  asVariableConstraint,
  type ConstraintFunction,
  type MaxNormOptions,
  type MinMaxNormOptions,
} from "./constraint.js";

/** `keras.constraints.max_norm(max_value=2, axis=0)`. @example `keras.constraints.maxNorm(1)` */
export function maxNorm(maxValue = 2, opts: { axis?: number | readonly number[] } = {}): MaxNorm {
  return new MaxNorm(maxValue, opts);
}

/** `keras.constraints.non_neg()`. */
export function nonNeg(): NonNeg {
  return new NonNeg();
}

/** `keras.constraints.unit_norm(axis=0)`. */
export function unitNorm(opts: { axis?: number | readonly number[] } = {}): UnitNorm {
  return new UnitNorm(opts);
}

/** `keras.constraints.min_max_norm(...)`. */
export function minMaxNorm(opts: MinMaxNormOptions = {}): MinMaxNorm {
  return new MinMaxNorm(opts);
}

const spec: ModuleSpec<Constraint> = {
  what: "constraint",
  module: "keras.constraints",
  is: (x): x is Constraint => x instanceof Constraint,
  names: {
    max_norm: () => new MaxNorm(),
    maxnorm: () => new MaxNorm(),
    non_neg: () => new NonNeg(),
    nonneg: () => new NonNeg(),
    unit_norm: () => new UnitNorm(),
    unitnorm: () => new UnitNorm(),
    min_max_norm: () => new MinMaxNorm(),
    MaxNorm: () => new MaxNorm(),
    NonNeg: () => new NonNeg(),
    UnitNorm: () => new UnitNorm(),
    MinMaxNorm: () => new MinMaxNorm(),
  },
  classes: {
    MaxNorm: (c: Config) => MaxNorm.fromConfig(c),
    NonNeg: (c: Config) => NonNeg.fromConfig(c),
    UnitNorm: (c: Config) => UnitNorm.fromConfig(c),
    MinMaxNorm: (c: Config) => MinMaxNorm.fromConfig(c),
  },
  wrap: (fn) => new FunctionConstraint(fn as unknown as ConstraintFunction),
};

/**
 * A `Constraint` from a name (`"max_norm"`, `"non_neg"`, `"unit_norm"`, `"min_max_norm"`), a
 * custom function `(w) => Tensor` (wrapped), a saved `{ className, config }`, or a constraint.
 *
 * @example
 * ```ts
 * keras.constraints.get("non_neg").apply(w);
 * ```
 */
export function get(id: Identifier<Constraint>, customObjects?: CustomObjects): Constraint {
  return resolve(spec, id, customObjects);
}

/** `{ className, config }` of a constraint (a wrapped function under its own name). */
export function serialize(c: Constraint): Serialized {
  if (c instanceof FunctionConstraint) {
    const name = getRegisteredName(c.fn) ?? c.fn.name;
    if (!name)
      throw new TypeError("Cannot serialize an anonymous constraint function; give it a name or register it");
    return { className: name, config: {} };
  }
  return serializeObject(c);
}

/** Rebuilds a constraint from `serialize`'s output. @example `keras.constraints.deserialize(saved)` */
export function deserialize(s: Serialized, customObjects?: CustomObjects): Constraint {
  return resolve(spec, s, customObjects);
}
