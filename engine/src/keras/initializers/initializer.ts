import type { DType } from "../../core/dtype.js";
import type { Tensor } from "../../core/tensor.js";
import type { Config } from "../common/config.js";

/** A custom initializer function: `(shape, dtype) => Tensor`. */
export type InitializerFunction = (shape: readonly number[], dtype?: DType) => Tensor;

/**
 * The base of weight initializers (`keras.initializers.Initializer`): `apply(shape, dtype?)`
 * (Python's `init(shape, dtype)`) makes the initial value.
 *
 * @example
 * ```ts
 * const init = new keras.initializers.HeNormal({ seed: 42 });
 * const w = init.apply([784, 300]);
 * ```
 */
export abstract class Initializer {
  /** A new tensor of `shape` (float32 unless `dtype` says otherwise). */
  abstract apply(shape: readonly number[], dtype?: DType | string): Tensor;

  /** The options that rebuild this initializer. */
  getConfig(): Config {
    return {};
  }

  /** Rebuilds an initializer from its config. @example `keras.initializers.Constant.fromConfig({ value: 3 })` */
  static fromConfig<T extends Initializer>(this: new (c: Config) => T, config: Config): T {
    return new this(config);
  }
}

/**
 * An initializer around a custom function (how `get` accepts functions); saving names the
 * function.
 *
 * @example
 * ```ts
 * const myGlorot = (shape: readonly number[], dtype?: DType) =>
 *   tf.random.normal(shape, 0, Math.sqrt(2 / (shape[0] + shape[1])), { dtype });
 * keras.initializers.get(myGlorot).apply([3, 2]);
 * ```
 */
export class FunctionInitializer extends Initializer {
  readonly fn: InitializerFunction;

  constructor(fn: InitializerFunction) {
    super();
    this.fn = fn;
  }

  apply(shape: readonly number[], dtype?: DType | string): Tensor {
    return this.fn(shape, dtype as DType | undefined);
  }
}
