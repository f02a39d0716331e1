/**
 * `keras.optimizers`: SGD, Adagrad, RMSprop, Adam, Adamax, Nadam and AdamW with Keras' update
 * formulas, learning-rate schedules (`keras.optimizers.schedules`), and `get` for the strings
 * `compile` accepts.
 *
 * @example
 * ```ts
 * const opt = new keras.optimizers.SGD({ learningRate: 0.01, momentum: 0.9, nesterov: true });
 * keras.optimizers.get("adam"); // Adam with Keras' defaults
 * ```
 */
import type { Config, Serialized } from "../common/config.js";
import { resolve, type Identifier, type ModuleSpec } from "../common/resolve.js";
import { serializeObject, type CustomObjects } from "../common/registry.js";
import { Adagrad } from "./adagrad.js";
import { Adam, AdamW } from "./adam.js";
import { Adamax } from "./adamax.js";
import { Nadam } from "./nadam.js";
import { Optimizer } from "./optimizer.js";
import { RMSprop } from "./rmsprop.js";
import { SGD } from "./sgd.js";

export { Optimizer, type OptimizerOptions, type GradientPair, type StepArrays } from "./optimizer.js";
export { SGD, type SGDOptions } from "./sgd.js";
export { Adagrad, type AdagradOptions } from "./adagrad.js";
export { RMSprop, type RMSpropOptions } from "./rmsprop.js";
export { Adam, AdamW, type AdamOptions } from "./adam.js";
export { Adamax, type AdamaxOptions } from "./adamax.js";
export { Nadam, type NadamOptions } from "./nadam.js";
export * as schedules from "../schedules/index.js";

const classes = { SGD, Adagrad, RMSprop, Adam, AdamW, Adamax, Nadam } as const;

const spec: ModuleSpec<Optimizer> = {
  what: "optimizer",
  module: "keras.optimizers",
  is: (x): x is Optimizer => x instanceof Optimizer,
  names: {
    sgd: () => new SGD(),
    adagrad: () => new Adagrad(),
    rmsprop: () => new RMSprop(),
    adam: () => new Adam(),
    adamw: () => new AdamW(),
    adamax: () => new Adamax(),
    nadam: () => new Nadam(),
    ...Object.fromEntries(Object.entries(classes).map(([k, C]) => [k, () => new C()])),
  },
  classes: {
    SGD: (c: Config) => SGD.fromConfig(c),
    Adagrad: (c: Config) => Adagrad.fromConfig(c),
    RMSprop: (c: Config) => RMSprop.fromConfig(c),
    Adam: (c: Config) => Adam.fromConfig(c),
    AdamW: (c: Config) => AdamW.fromConfig(c),
    Adamax: (c: Config) => Adamax.fromConfig(c),
    Nadam: (c: Config) => Nadam.fromConfig(c),
  },
};

/**
 * An optimizer from a name (`"sgd"`, `"adam"`, `"rmsprop"`, `"adagrad"`, `"adamax"`, `"nadam"`,
 * `"adamw"`, or a class name), a saved `{ className, config }`, or an optimizer (returned as is).
 *
 * @example
 * ```ts
 * keras.optimizers.get("nadam");
 * ```
 */
export function get(id: Identifier<Optimizer>, customObjects?: CustomObjects): Optimizer {
  return resolve(spec, id, customObjects);
}

/** `{ className, config }` of an optimizer. @example `keras.optimizers.serialize(opt)` */
export function serialize(opt: Optimizer): Serialized {
  return serializeObject(opt);
}

/** Rebuilds an optimizer from `serialize`'s output. @example `keras.optimizers.deserialize(saved)` */
export function deserialize(s: Serialized, customObjects?: CustomObjects): Optimizer {
  return resolve(spec, s, customObjects);
}
