/**
 * `keras.regularizers`: weight penalties added to the loss (`l1`, `l2`, `l1L2`, custom).
 *
 * @example
 * ```ts
 * new keras.layers.Dense(100, { kernelRegularizer: keras.regularizers.l2(0.01) });
 * ```
 */
import type { Config, Serialized } from "../common/config.js";
import { getRegisteredName, serializeObject, type CustomObjects } from "../common/registry.js";
import { resolve, type Identifier, type ModuleSpec } from "../common/resolve.js";
import { FunctionRegularizer, L1, L1L2, L2, Regularizer, type RegularizerFunction } from "./regularizer.js";

export {
  Regularizer,
  L1L2,
  L1,
  L2,
  FunctionRegularizer,
  type L1L2Options,
  type RegularizerFunction,
} from "./regularizer.js";

/** `keras.regularizers.l1(0.01)`: an `L1` penalty. @example `keras.regularizers.l1(0.1)` */
export function l1(factor = 0.01): L1 {
  return new L1(factor);
}

/** `keras.regularizers.l2(0.01)`: an `L2` penalty. @example `keras.regularizers.l2(0.01)` */
export function l2(factor = 0.01): L2 {
  return new L2(factor);
}

/** `keras.regularizers.l1_l2(l1 = 0.01, l2 = 0.01)`. @example `keras.regularizers.l1L2(0.1, 0.01)` */
export function l1L2(l1Factor = 0.01, l2Factor = 0.01): L1L2 {
  return new L1L2({ l1: l1Factor, l2: l2Factor });
}

const spec: ModuleSpec<Regularizer> = {
  what: "regularizer",
  module: "keras.regularizers",
  is: (x): x is Regularizer => x instanceof Regularizer,
  names: {
    l1: () => new L1(),
    l2: () => new L2(),
    l1_l2: () => l1L2(),
    L1: () => new L1(),
    L2: () => new L2(),
    L1L2: () => new L1L2(),
  },
  classes: {
    L1L2: (c: Config) => L1L2.fromConfig(c),
    L1: (c: Config) => L1.fromConfig(c),
    L2: (c: Config) => L2.fromConfig(c),
  },
  wrap: (fn) => new FunctionRegularizer(fn as unknown as RegularizerFunction),
};

/**
 * A `Regularizer` from a name (`"l1"`, `"l2"`, `"l1_l2"` with Keras' default 0.01 factors), a
 * custom function `(w) => Tensor` (wrapped), a saved `{ className, config }`, or a regularizer.
 *
 * @example
 * ```ts
 * keras.regularizers.get("l2").apply(w);
 * ```
 */
export function get(id: Identifier<Regularizer>, customObjects?: CustomObjects): Regularizer {
  return resolve(spec, id, customObjects);
}

/** `{ className, config }` of a regularizer (a wrapped function under its own name). */
export function serialize(r: Regularizer): Serialized {
  if (r instanceof FunctionRegularizer) {
    const name = getRegisteredName(r.fn) ?? r.fn.name;
    if (!name)
      throw new TypeError(
        "Cannot serialize an anonymous regularizer function; give it a name or register it",
      );
    return { className: name, config: {} };
  }
  return serializeObject(r);
}

/** Rebuilds a regularizer from `serialize`'s output. @example `keras.regularizers.deserialize(saved)` */
export function deserialize(s: Serialized, customObjects?: CustomObjects): Regularizer {
  return resolve(spec, s, customObjects);
}
