import type { Tensor } from "../../core/tensor.js";
import * as tf from "../../tf/index.js";
import type { Config } from "../common/config.js";
import { epsilon } from "../common/epsilon.js";

/** A custom constraint function: weights in, projected weights out. */
export type ConstraintFunction = (w: Tensor) => Tensor;

/**
 * The base of weight constraints (`keras.constraints.Constraint`): `apply(w)` returns the
 * projected weights; optimizers apply it after each update (through the variable's
 * `constraint`; `asVariableConstraint` makes that function).
 *
 * @example
 * ```ts
 * class PositiveWeights extends keras.constraints.Constraint {
 *   apply(w: Tensor) { return tf.where(tf.less(w, 0), tf.zerosLike(w), w); }
 * }
 * ```
 */
export abstract class Constraint {
  /** The projected weights. */
  abstract apply(w: Tensor): Tensor;

  /** The options that rebuild this constraint. */
  getConfig(): Config {
    return {};
  }

  /** Rebuilds a constraint from its config. @example `keras.constraints.MaxNorm.fromConfig({ maxValue: 1 })` */
  static fromConfig<T extends Constraint>(this: new (c: Config) => T, config: Config): T {
    return new this(config);
  }
}

/** The function a `tf.Variable`'s `constraint` option takes. @example `new tf.Variable(w, { constraint: asVariableConstraint(c) })` */
export function asVariableConstraint(c: Constraint): (w: Tensor) => Tensor {
  return (w) => c.apply(w);
}

function norms(w: Tensor, axis: number | readonly number[]): Tensor {
  return tf.sqrt(tf.reduceSum(tf.square(w), axis, { keepdims: true }));
}

/** Options of `MaxNorm`. */
export interface MaxNormOptions {
  /** The largest norm allowed (default 2). */
  maxValue?: number;
  /** The axis (or axes) the norms are taken along (default 0: each unit's incoming weights in a Dense kernel). */
  axis?: number | readonly number[];
}

/**
 * Rescales weight vectors whose L2 norm along `axis` exceeds `maxValue`
 * (`keras.constraints.MaxNorm`): `w · clip(n, 0, max) / (eps + n)`.
 *
 * @example
 * ```ts
 * new keras.layers.Dense(100, { kernelConstraint: keras.constraints.maxNorm(1) });
 * ```
 */
export class MaxNorm extends Constraint {
  readonly maxValue: number;
  readonly axis: number | readonly number[];

  constructor(maxValue: number | MaxNormOptions = {}, opts: { axis?: number | readonly number[] } = {}) {
    super();
    const o = typeof maxValue === "number" ? { ...opts, maxValue } : maxValue;
    this.maxValue = o.maxValue ?? 2;
    this.axis = o.axis ?? 0;
  }

  apply(w: Tensor): Tensor {
    const n = norms(w, this.axis);
    const desired = tf.clipByValue(n, 0, this.maxValue);
    return tf.mul(w, tf.div(desired, tf.add(n, epsilon())));
  }

  override getConfig(): Config {
    return { maxValue: this.maxValue, axis: typeof this.axis === "number" ? this.axis : [...this.axis] };
  }
}

/** Zeroes negative weights (`keras.constraints.NonNeg`). @example `keras.constraints.nonNeg()` */
export class NonNeg extends Constraint {
  constructor(_config?: Config) {
    super();
  }
  apply(w: Tensor): Tensor {
    return tf.mul(w, tf.cast(tf.greaterEqual(w, 0), w.dtype));
  }
}

/** Rescales weight vectors to unit L2 norm along `axis` (`keras.constraints.UnitNorm`, axis 0). */
export class UnitNorm extends Constraint {
  readonly axis: number | readonly number[];
  constructor(opts: { axis?: number | readonly number[] } = {}) {
    super();
    this.axis = opts.axis ?? 0;
  }
  apply(w: Tensor): Tensor {
    return tf.div(w, tf.add(norms(w, this.axis), epsilon()));
  }
  override getConfig(): Config {
    return { axis: typeof this.axis === "number" ? this.axis : [...this.axis] };
  }
}

/** Options of `MinMaxNorm`. */
export interface MinMaxNormOptions {
  /** Default 0. */
  minValue?: number;
  /** Default 1. */
  maxValue?: number;
  /** How far to move toward the clipped norm, in [0, 1] (default 1: all the way). */
  rate?: number;
  /** Default 0. */
  axis?: number | readonly number[];
}

/**
 * Keeps weight-vector norms within `[minValue, maxValue]` (`keras.constraints.MinMaxNorm`):
 * `desired = rate · clip(n, min, max) + (1 - rate) · n`, `w · desired / (eps + n)`.
 */
export class MinMaxNorm extends Constraint {
  readonly minValue: number;
  readonly maxValue: number;
  readonly rate: number;
  readonly axis: number | readonly number[];
  constructor(opts: MinMaxNormOptions = {}) {
    super();
    this.minValue = opts.minValue ?? 0;
    this.maxValue = opts.maxValue ?? 1;
    this.rate = opts.rate ?? 1;
    this.axis = opts.axis ?? 0;
  }
  apply(w: Tensor): Tensor {
    const n = norms(w, this.axis);
    const desired = tf.add(
      tf.mul(tf.clipByValue(n, this.minValue, this.maxValue), this.rate),
      tf.mul(n, 1 - this.rate),
    );
    return tf.mul(w, tf.div(desired, tf.add(n, epsilon())));
  }
  override getConfig(): Config {
    const axis = typeof this.axis === "number" ? this.axis : [...this.axis];
    return { minValue: this.minValue, maxValue: this.maxValue, rate: this.rate, axis };
  }
}

/** A constraint around a custom function (how `get` accepts functions). */
export class FunctionConstraint extends Constraint {
  readonly fn: ConstraintFunction;
  constructor(fn: ConstraintFunction) {
    super();
    this.fn = fn;
  }
  apply(w: Tensor): Tensor {
    return this.fn(w);
  }
}
