import type { Tensor } from "../../core/tensor.js";
import * as tf from "../../tf/index.js";
import type { Config } from "../common/config.js";

/** A custom regularizer function: weights in, a scalar penalty out. */
export type RegularizerFunction = (x: Tensor) => Tensor;

/**
 * The base of weight regularizers (`keras.regularizers.Regularizer`): `apply(x)` (Python's
 * `regularizer(x)`) returns the scalar penalty added to the loss.
 *
 * @example
 * ```ts
 * class MyL1 extends keras.regularizers.Regularizer {
 *   constructor(readonly factor = 0.01) { super(); }
 *   apply(w: Tensor) { return tf.reduceSum(tf.abs(tf.mul(w, this.factor))); }
 *   getConfig() { return { factor: this.factor }; }
 * }
 * ```
 */
export abstract class Regularizer {
  /** The penalty for weights `x`, a scalar. */
  abstract apply(x: Tensor): Tensor;

  /** The options that rebuild this regularizer. */
  getConfig(): Config {
    return {};
  }

  /** Rebuilds a regularizer from its config. @example `keras.regularizers.L1L2.fromConfig({ l1: 0, l2: 0.01 })` */
  static fromConfig<T extends Regularizer>(this: new (c: Config) => T, config: Config): T {
    return new this(config);
  }
}

/** Options of `L1L2`. */
export interface L1L2Options {
  /** The L1 factor (default 0). */
  l1?: number;
  /** The L2 factor (default 0). */
  l2?: number;
}

/**
 * `l1 · sum(|x|) + l2 · sum(x²)` (`keras.regularizers.L1L2`).
 *
 * @example
 * ```ts
 * new keras.regularizers.L1L2({ l1: 0.1, l2: 0.01 });
 * ```
 */
export class L1L2 extends Regularizer {
  readonly l1: number;
  readonly l2: number;

  constructor(opts: L1L2Options = {}) {
    super();
    this.l1 = opts.l1 ?? 0;
    this.l2 = opts.l2 ?? 0;
  }

  apply(x: Tensor): Tensor {
    let penalty = tf.constant(0, { dtype: x.dtype === "float64" ? "float64" : "float32" });
    if (this.l1) penalty = tf.add(penalty, tf.mul(tf.reduceSum(tf.abs(x)), this.l1));
    if (this.l2) penalty = tf.add(penalty, tf.mul(tf.reduceSum(tf.square(x)), this.l2));
    return penalty;
  }

  override getConfig(): Config {
    return { l1: this.l1, l2: this.l2 };
  }
}

/** `l1 · sum(|x|)` (`keras.regularizers.L1`, default 0.01). @example `new keras.regularizers.L1(0.1)` */
export class L1 extends L1L2 {
  constructor(l1: number | { l1?: number } = 0.01) {
    super({ l1: typeof l1 === "number" ? l1 : (l1.l1 ?? 0.01) });
  }
  override getConfig(): Config {
    return { l1: this.l1 };
  }
}

/** `l2 · sum(x²)` (`keras.regularizers.L2`, default 0.01). @example `new keras.regularizers.L2(0.01)` */
export class L2 extends L1L2 {
  constructor(l2: number | { l2?: number } = 0.01) {
    super({ l2: typeof l2 === "number" ? l2 : (l2.l2 ?? 0.01) });
  }
  override getConfig(): Config {
    return { l2: this.l2 };
  }
}

/**
 * A regularizer around a custom function (how `get` accepts functions); saving names the
 * function.
 *
 * @example
 * ```ts
 * const myL1 = (w: Tensor) => tf.reduceSum(tf.abs(tf.mul(0.01, w)));
 * keras.regularizers.get(myL1);
 * ```
 */
export class FunctionRegularizer extends Regularizer {
  readonly fn: RegularizerFunction;
  constructor(fn: RegularizerFunction) {
    super();
    this.fn = fn;
  }
  apply(x: Tensor): Tensor {
    return this.fn(x);
  }
}
