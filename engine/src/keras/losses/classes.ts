import type { Tensor, TensorLike } from "../../core/tensor.js";
import { tfTensor } from "../../tf/convert.js";
import type { Config } from "../common/config.js";
import * as f from "./functions.js";
import { predictions } from "./inputs.js";
import { computeWeightedLoss } from "./reduction.js";
import { LossFunctionWrapper, type LossOptions } from "./loss.js";

// Keras' loss classes: a `LossFunctionWrapper` each, named as Keras names them, with the
// function's options kept in the config.

type Fn = (yTrue: Tensor, yPred: Tensor, opts: Config) => Tensor;
const plain =
  (fn: (yTrue: Tensor, yPred: Tensor) => Tensor): Fn =>
  (t, p) =>
    fn(t, p);

/** `keras.losses.MeanSquaredError`. @example `new keras.losses.MeanSquaredError().apply(y, yHat)` */
export class MeanSquaredError extends LossFunctionWrapper {
  constructor(opts: LossOptions = {}) {
    super(plain(f.meanSquaredError), { name: "mean_squared_error", ...opts });
  }
}

/** `keras.losses.MeanAbsoluteError`. @example `new keras.losses.MeanAbsoluteError()` */
export class MeanAbsoluteError extends LossFunctionWrapper {
  constructor(opts: LossOptions = {}) {
    super(plain(f.meanAbsoluteError), { name: "mean_absolute_error", ...opts });
  }
}

/** `keras.losses.MeanAbsolutePercentageError`. @example `new keras.losses.MeanAbsolutePercentageError()` */
export class MeanAbsolutePercentageError extends LossFunctionWrapper {
  constructor(opts: LossOptions = {}) {
    super(plain(f.meanAbsolutePercentageError), { name: "mean_absolute_percentage_error", ...opts });
  }
}

/** `keras.losses.MeanSquaredLogarithmicError`. @example `new keras.losses.MeanSquaredLogarithmicError()` */
export class MeanSquaredLogarithmicError extends LossFunctionWrapper {
  constructor(opts: LossOptions = {}) {
    super(plain(f.meanSquaredLogarithmicError), { name: "mean_squared_logarithmic_error", ...opts });
  }
}

/** Options of `Huber`. */
export interface HuberLossOptions extends LossOptions {
  delta?: number;
}

/**
 * `keras.losses.Huber(delta)`: quadratic within `delta`, linear beyond.
 *
 * @example
 * ```ts
 * new keras.losses.Huber(2.0);
 * new keras.losses.Huber({ delta: 2, reduction: "none" });
 * ```
 */
export class Huber extends LossFunctionWrapper {
  constructor(delta: number | HuberLossOptions = {}, opts: LossOptions = {}) {
    const o = typeof delta === "number" ? { ...opts, delta } : delta;
    super((t, p, c) => f.huber(t, p, { delta: c.delta as number }), {
      name: "huber_loss",
      ...o,
      delta: o.delta ?? 1,
    });
  }
}

/** `keras.losses.LogCosh`. */
export class LogCosh extends LossFunctionWrapper {
  constructor(opts: LossOptions = {}) {
    super(plain(f.logCosh), { name: "log_cosh", ...opts });
  }
}

/** `keras.losses.Poisson`. */
export class Poisson extends LossFunctionWrapper {
  constructor(opts: LossOptions = {}) {
    super(plain(f.poisson), { name: "poisson", ...opts });
  }
}

/** `keras.losses.KLDivergence`. @example `new keras.losses.KLDivergence()` */
export class KLDivergence extends LossFunctionWrapper {
  constructor(opts: LossOptions = {}) {
    super(plain(f.klDivergence), { name: "kl_divergence", ...opts });
  }
}

/** Options of `CosineSimilarity`. */
export interface CosineSimilarityLossOptions extends LossOptions {
  axis?: number;
}

/** `keras.losses.CosineSimilarity` (-1 for aligned vectors). */
export class CosineSimilarity extends LossFunctionWrapper {
  constructor(opts: CosineSimilarityLossOptions = {}) {
    super((t, p, c) => f.cosineSimilarity(t, p, { axis: c.axis as number }), {
      name: "cosine_similarity",
      ...opts,
      axis: opts.axis ?? -1,
    });
  }
}

/** `keras.losses.Hinge`. */
export class Hinge extends LossFunctionWrapper {
  constructor(opts: LossOptions = {}) {
    super(plain(f.hinge), { name: "hinge", ...opts });
  }
}

/** `keras.losses.SquaredHinge`. */
export class SquaredHinge extends LossFunctionWrapper {
  constructor(opts: LossOptions = {}) {
    super(plain(f.squaredHinge), { name: "squared_hinge", ...opts });
  }
}

/** Options of the cross-entropy loss classes. */
export interface CrossentropyLossOptions extends LossOptions, f.CrossentropyOptions {}

const ce =
  (fn: typeof f.binaryCrossentropy): Fn =>
  (t, p, c) =>
    fn(t, p, {
      fromLogits: c.fromLogits as boolean,
      labelSmoothing: c.labelSmoothing as number,
      axis: c.axis as number,
    });

/**
 * `keras.losses.BinaryCrossentropy({ fromLogits, labelSmoothing, axis })`.
 *
 * @example
 * ```ts
 * new keras.losses.BinaryCrossentropy({ fromLogits: true });
 * ```
 */
export class BinaryCrossentropy extends LossFunctionWrapper {
  constructor(opts: CrossentropyLossOptions = {}) {
    super(ce(f.binaryCrossentropy), {
      name: "binary_crossentropy",
      ...opts,
      fromLogits: opts.fromLogits ?? false,
      labelSmoothing: opts.labelSmoothing ?? 0,
      axis: opts.axis ?? -1,
    });
  }
}

/** `keras.losses.CategoricalCrossentropy({ fromLogits, labelSmoothing, axis })`. @example `new keras.losses.CategoricalCrossentropy()` */
export class CategoricalCrossentropy extends LossFunctionWrapper {
  constructor(opts: CrossentropyLossOptions = {}) {
    super(ce(f.categoricalCrossentropy), {
      name: "categorical_crossentropy",
      ...opts,
      fromLogits: opts.fromLogits ?? false,
      labelSmoothing: opts.labelSmoothing ?? 0,
      axis: opts.axis ?? -1,
    });
  }
}

/** Options of `SparseCategoricalCrossentropy`. */
export interface SparseCrossentropyLossOptions extends LossOptions, f.SparseCrossentropyOptions {}

/**
 * `keras.losses.SparseCategoricalCrossentropy({ fromLogits, ignoreClass })`.
 *
 * @example
 * ```ts
 * new keras.losses.SparseCategoricalCrossentropy({ fromLogits: true });
 * ```
 */
export class SparseCategoricalCrossentropy extends LossFunctionWrapper {
  constructor(opts: SparseCrossentropyLossOptions = {}) {
    super(
      (t, p, c) =>
        f.sparseCategoricalCrossentropy(t, p, {
          fromLogits: c.fromLogits as boolean,
          ignoreClass: c.ignoreClass as number | null,
        }),
      {
        name: "sparse_categorical_crossentropy",
        ...opts,
        fromLogits: opts.fromLogits ?? false,
        ignoreClass: opts.ignoreClass ?? null,
      },
    );
  }

  // Integer class labels reach the function as they are: the base class's cast to the
  // predictions' float dtype would be undone at once by the function's cast back to int32.
  override apply(yTrue: TensorLike, yPred: TensorLike, sampleWeight?: TensorLike | null): Tensor {
    const t = tfTensor(yTrue);
    if (t.dtype !== "int32") return super.apply(t, yPred, sampleWeight);
    return computeWeightedLoss(this.call(t, predictions(yPred)), sampleWeight, this.reduction);
  }
}
