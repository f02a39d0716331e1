import type { Tensor, TensorLike } from "../../core/tensor.js";
import type { Config, ConfigValue } from "../common/config.js";
import { getRegisteredName } from "../common/registry.js";
import { pair } from "./inputs.js";
import { checkReduction, computeWeightedLoss, type Reduction } from "./reduction.js";

/** Options every `Loss` takes. */
export interface LossOptions {
  /** How per-sample losses are combined (default "sum_over_batch_size"). */
  reduction?: Reduction;
  /** The loss's name (default the Keras function name, e.g. "mean_squared_error"). */
  name?: string;
}

/**
 * The base of loss objects (`keras.losses.Loss`). Subclasses implement `call(yTrue, yPred)`
 * returning one loss per sample; `apply(yTrue, yPred, sampleWeight?)` (Python's `__call__`)
 * weights and reduces them. Everything is made of differentiable ops, so a loss computed
 * inside `tape.record` differentiates.
 *
 * @example
 * ```ts
 * class HuberLoss extends keras.losses.Loss {
 *   constructor(readonly threshold = 1, opts: keras.losses.LossOptions = {}) { super(opts); }
 *   call(yTrue: Tensor, yPred: Tensor) { return keras.losses.huber(yTrue, yPred, { delta: this.threshold }); }
 *   getConfig() { return { ...super.getConfig(), threshold: this.threshold }; }
 * }
 * new HuberLoss(2).apply(y, yHat);
 * ```
 */
export abstract class Loss {
  /** The loss's name. */
  readonly name: string;
  /** How `apply` combines per-sample losses. */
  readonly reduction: Reduction;

  constructor(opts: LossOptions = {}, defaultName?: string) {
    this.reduction = checkReduction(opts.reduction ?? "sum_over_batch_size");
    this.name = opts.name ?? defaultName ?? snake(this.constructor.name);
  }

  /** One loss per sample (Keras' `call`); not weighted, not reduced. */
  abstract call(yTrue: Tensor, yPred: Tensor): Tensor;

  /**
   * The weighted, reduced loss (Python's `loss(y_true, y_pred, sample_weight)`).
   *
   * @example
   * ```ts
   * new keras.losses.MeanSquaredError().apply([[0], [1]], [[1], [1]]); // 0.5
   * ```
   */
  apply(yTrue: TensorLike, yPred: TensorLike, sampleWeight?: TensorLike | null): Tensor {
    const [t, p] = pair(yTrue, yPred);
    return computeWeightedLoss(this.call(t, p), sampleWeight, this.reduction);
  }

  /** The options that rebuild this loss. */
  getConfig(): Config {
    return { name: this.name, reduction: this.reduction };
  }

  /** Rebuilds a loss from its config. @example `keras.losses.Huber.fromConfig(h.getConfig())` */
  static fromConfig<T extends Loss>(this: new (c: Config) => T, config: Config): T {
    return new this(config);
  }
}

/** Options of `LossFunctionWrapper`: the `Loss` options plus the function's own options. */
export interface LossFunctionWrapperOptions extends LossOptions {
  readonly [option: string]: ConfigValue | undefined;
}

/**
 * A `Loss` around a loss function (Keras' `LossFunctionWrapper`): `call` runs the function with
 * the wrapper's extra options. `compile` wraps custom loss functions this way.
 *
 * @example
 * ```ts
 * const loss = new keras.losses.LossFunctionWrapper((y, p) => keras.losses.mae(y, p), { name: "my_mae" });
 * ```
 */
export class LossFunctionWrapper extends Loss {
  /** The wrapped function. */
  readonly fn: (yTrue: Tensor, yPred: Tensor, opts: Config) => Tensor;
  /** The options passed to the function. */
  readonly fnOptions: Config;

  constructor(
    fn: (yTrue: Tensor, yPred: Tensor, opts: Config) => Tensor,
    opts: LossFunctionWrapperOptions = {},
  ) {
    const { reduction, name, ...rest } = opts;
    super({ reduction }, name ?? getRegisteredName(fn)?.replace(/^.*>/, "") ?? (fn.name || "loss"));
    this.fn = fn;
    this.fnOptions = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)) as Config;
  }

  call(yTrue: Tensor, yPred: Tensor): Tensor {
    return this.fn(yTrue, yPred, this.fnOptions);
  }

  override getConfig(): Config {
    return { ...super.getConfig(), ...this.fnOptions };
  }
}

function snake(s: string): string {
  return s.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase();
}
