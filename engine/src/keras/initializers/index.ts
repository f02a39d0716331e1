/**
 * `keras.initializers`: weight initializers as classes and Keras names, seeded when asked.
 *
 * @example
 * ```ts
 * keras.initializers.get("he_normal").apply([784, 300]);
 * new keras.initializers.VarianceScaling({ scale: 2, mode: "fan_avg", distribution: "uniform" });
 * ```
 */
import type { Config, Serialized } from "../common/config.js";
import { getRegisteredName, serializeObject, type CustomObjects } from "../common/registry.js";
import { resolve, type Identifier, type ModuleSpec } from "../common/resolve.js";
import * as b from "./builtins.js";
import { FunctionInitializer, Initializer, type InitializerFunction } from "./initializer.js";

export * from "./builtins.js";
export { Initializer, FunctionInitializer, type InitializerFunction } from "./initializer.js";
export { computeFans } from "./sampling.js";

type Cls = { fromConfig(c: Config): Initializer };
const classes: Record<string, Cls> = {
  Zeros: b.Zeros,
  Ones: b.Ones,
  Constant: b.Constant,
  RandomNormal: b.RandomNormal,
  RandomUniform: b.RandomUniform,
  TruncatedNormal: b.TruncatedNormal,
  VarianceScaling: b.VarianceScaling,
  GlorotUniform: b.GlorotUniform,
  GlorotNormal: b.GlorotNormal,
  HeNormal: b.HeNormal,
  HeUniform: b.HeUniform,
  LecunNormal: b.LecunNormal,
  LecunUniform: b.LecunUniform,
  Orthogonal: b.Orthogonal,
  Identity: b.Identity,
};

const names: Record<string, () => Initializer> = {
  zeros: () => new b.Zeros(),
  ones: () => new b.Ones(),
  constant: () => new b.Constant(),
  random_normal: () => new b.RandomNormal(),
  normal: () => new b.RandomNormal(),
  random_uniform: () => new b.RandomUniform(),
  uniform: () => new b.RandomUniform(),
  truncated_normal: () => new b.TruncatedNormal(),
  variance_scaling: () => new b.VarianceScaling(),
  glorot_uniform: () => new b.GlorotUniform(),
  glorot_normal: () => new b.GlorotNormal(),
  he_normal: () => new b.HeNormal(),
  he_uniform: () => new b.HeUniform(),
  lecun_normal: () => new b.LecunNormal(),
  lecun_uniform: () => new b.LecunUniform(),
  orthogonal: () => new b.Orthogonal(),
  identity: () => new b.Identity(),
  ...Object.fromEntries(Object.entries(classes).map(([k, C]) => [k, () => C.fromConfig({})])),
};

const spec: ModuleSpec<Initializer> = {
  what: "initializer",
  module: "keras.initializers",
  is: (x): x is Initializer => x instanceof Initializer,
  names,
  classes: Object.fromEntries(Object.entries(classes).map(([k, C]) => [k, (c: Config) => C.fromConfig(c)])),
  wrap: (fn) => new FunctionInitializer(fn as unknown as InitializerFunction),
};

/** The Keras names `get` accepts. */
export const INITIALIZER_NAMES: readonly string[] = Object.keys(names);

/**
 * An `Initializer` from a Keras name (`"glorot_uniform"`, `"he_normal"`, `"zeros"`, ...), a
 * custom function `(shape, dtype) => Tensor` (wrapped), a saved `{ className, config }`, or an
 * initializer (returned as is).
 *
 * @example
 * ```ts
 * keras.initializers.get("lecun_normal").apply([100, 10]);
 * ```
 */
export function get(id: Identifier<Initializer>, customObjects?: CustomObjects): Initializer {
  return resolve(spec, id, customObjects);
}

/** `{ className, config }` of an initializer (a wrapped function under its own name). */
export function serialize(init: Initializer): Serialized {
  if (init instanceof FunctionInitializer) {
    const name = getRegisteredName(init.fn) ?? init.fn.name;
    if (!name)
      throw new TypeError(
        "Cannot serialize an anonymous initializer function; give it a name or register it",
      );
    return { className: name, config: {} };
  }
  return serializeObject(init);
}

/** Rebuilds an initializer from `serialize`'s output. @example `keras.initializers.deserialize(saved)` */
export function deserialize(s: Serialized, customObjects?: CustomObjects): Initializer {
  return resolve(spec, s, customObjects);
}
