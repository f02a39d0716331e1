/**
 * `keras.losses`: loss functions (one value per sample), loss classes (weighted and reduced),
 * and `get` for the strings `compile` accepts.
 *
 * @example
 * ```ts
 * keras.losses.meanSquaredError(y, yHat);               // per sample
 * new keras.losses.Huber(2.0).apply(y, yHat);           // reduced to a scalar
 * keras.losses.get("sparse_categorical_crossentropy");  // a Loss object
 * ```
 */
import type { Config, Serialized } from "../common/config.js";
import { resolve, type Identifier, type ModuleSpec } from "../common/resolve.js";
import { getRegisteredName, serializeObject, type CustomObjects } from "../common/registry.js";
import * as c from "./classes.js";
import * as f from "./functions.js";
import { Loss, LossFunctionWrapper } from "./loss.js";

export * from "./functions.js";
export * from "./classes.js";
export { Loss, LossFunctionWrapper, type LossOptions, type LossFunctionWrapperOptions } from "./loss.js";
export { computeWeightedLoss, type Reduction } from "./reduction.js";

/** `mean_squared_error`'s short name. */
export const mse = f.meanSquaredError;
/** `mean_absolute_error`'s short name. */
export const mae = f.meanAbsoluteError;
/** `mean_absolute_percentage_error`'s short name. */
export const mape = f.meanAbsolutePercentageError;
/** `mean_squared_logarithmic_error`'s short name. */
export const msle = f.meanSquaredLogarithmicError;
/** `kl_divergence`'s short name. */
export const kld = f.klDivergence;
/** Keras 2's long name of `kl_divergence`. */
export const kullbackLeiblerDivergence = f.klDivergence;

// String identifiers (the Keras function names and aliases) → a fresh loss object.
const names: Record<string, () => Loss> = {};
const alias = (make: () => Loss, ...ids: string[]): void => {
  for (const id of ids) names[id] = make;
};
alias(() => new c.MeanSquaredError(), "mean_squared_error", "mse", "MSE", "MeanSquaredError");
alias(() => new c.MeanAbsoluteError(), "mean_absolute_error", "mae", "MAE", "MeanAbsoluteError");
alias(
  () => new c.MeanAbsolutePercentageError(),
  "mean_absolute_percentage_error",
  "mape",
  "MAPE",
  "MeanAbsolutePercentageError",
);
alias(
  () => new c.MeanSquaredLogarithmicError(),
  "mean_squared_logarithmic_error",
  "msle",
  "MSLE",
  "MeanSquaredLogarithmicError",
);
alias(() => new c.Huber(), "huber", "huber_loss", "Huber");
alias(() => new c.LogCosh(), "log_cosh", "logcosh", "LogCosh");
alias(() => new c.Poisson(), "poisson", "Poisson");
alias(
  () => new c.KLDivergence(),
  "kl_divergence",
  "kld",
  "KLD",
  "kullback_leibler_divergence",
  "KLDivergence",
);
alias(() => new c.CosineSimilarity(), "cosine_similarity", "CosineSimilarity");
alias(() => new c.Hinge(), "hinge", "Hinge");
alias(() => new c.SquaredHinge(), "squared_hinge", "SquaredHinge");
alias(() => new c.BinaryCrossentropy(), "binary_crossentropy", "BinaryCrossentropy");
alias(() => new c.CategoricalCrossentropy(), "categorical_crossentropy", "CategoricalCrossentropy");
alias(
  () => new c.SparseCategoricalCrossentropy(),
  "sparse_categorical_crossentropy",
  "SparseCategoricalCrossentropy",
);

const classes: Record<string, (config: Config) => Loss> = {
  MeanSquaredError: (x) => c.MeanSquaredError.fromConfig(x),
  MeanAbsoluteError: (x) => c.MeanAbsoluteError.fromConfig(x),
  MeanAbsolutePercentageError: (x) => c.MeanAbsolutePercentageError.fromConfig(x),
  MeanSquaredLogarithmicError: (x) => c.MeanSquaredLogarithmicError.fromConfig(x),
  Huber: (x) => c.Huber.fromConfig(x),
  LogCosh: (x) => c.LogCosh.fromConfig(x),
  Poisson: (x) => c.Poisson.fromConfig(x),
  KLDivergence: (x) => c.KLDivergence.fromConfig(x),
  CosineSimilarity: (x) => c.CosineSimilarity.fromConfig(x),
  Hinge: (x) => c.Hinge.fromConfig(x),
  SquaredHinge: (x) => c.SquaredHinge.fromConfig(x),
  BinaryCrossentropy: (x) => c.BinaryCrossentropy.fromConfig(x),
  CategoricalCrossentropy: (x) => c.CategoricalCrossentropy.fromConfig(x),
  SparseCategoricalCrossentropy: (x) => c.SparseCategoricalCrossentropy.fromConfig(x),
};

const spec: ModuleSpec<Loss> = {
  what: "loss",
  module: "keras.losses",
  is: (x): x is Loss => x instanceof Loss,
  names,
  classes,
  // The user's function itself is kept (not a closure around it), so saving can name it.
  wrap: (fn, name) => new LossFunctionWrapper(fn as unknown as LossFunctionWrapper["fn"], { name }),
};

/**
 * A `Loss` object from a Keras name or alias (`"mse"`, `"mean_squared_error"`,
 * `"sparse_categorical_crossentropy"`, ...), a custom function `(yTrue, yPred) => Tensor`
 * (wrapped in a `LossFunctionWrapper` named after the function), a saved `{ className, config }`,
 * or a `Loss` (returned as is). Unlike Keras, names give objects rather than functions, so the
 * caller always gets `apply(yTrue, yPred, sampleWeight)` and `name`.
 *
 * @example
 * ```ts
 * keras.losses.get("mse").apply(y, yHat);
 * keras.losses.get((y, p) => tf.reduceMean(tf.abs(tf.sub(y, p)), -1));
 * ```
 */
export function get(id: Identifier<Loss>, customObjects?: CustomObjects): Loss {
  return resolve(spec, id, customObjects);
}

/** The Keras names `get` accepts. */
export const LOSS_NAMES: readonly string[] = Object.keys(names);

/** `{ className, config }` of a loss. @example `keras.losses.serialize(new keras.losses.Huber(2))` */
export function serialize(loss: Loss): Serialized {
  // A wrapped custom function is saved under its own (registered) name, so that loading finds
  // it in customObjects or the registry.
  if (loss instanceof LossFunctionWrapper && loss.constructor === LossFunctionWrapper) {
    return { className: getRegisteredName(loss.fn) ?? loss.fn.name, config: loss.getConfig() };
  }
  return serializeObject(loss);
}

/** Rebuilds a loss from `serialize`'s output. @example `keras.losses.deserialize(saved, { HuberLoss })` */
export function deserialize(s: Serialized, customObjects?: CustomObjects): Loss {
  return resolve(spec, s, customObjects);
}
