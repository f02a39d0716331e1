/**
 * `keras.activations`: activation functions and `get`/`serialize` for the names layers take.
 *
 * @example
 * ```ts
 * keras.activations.relu(z);
 * const act = keras.activations.get("selu"); // a function
 * keras.activations.serialize(act); // "selu"
 * ```
 */
import type { Tensor } from "../../core/tensor.js";
import { findCustomObject, getRegisteredName, type CustomObjects } from "../common/registry.js";
import * as a from "./functions.js";

export * from "./functions.js";

/** What layers call: a tensor in, a tensor out. */
export type ActivationFunction = (x: Tensor) => Tensor;

// Keras' names → the functions with their default options.
const byName: Record<string, ActivationFunction> = {
  relu: (x) => a.relu(x),
  sigmoid: a.sigmoid,
  tanh: a.tanh,
  softmax: (x) => a.softmax(x),
  elu: (x) => a.elu(x),
  selu: a.selu,
  leaky_relu: (x) => a.leakyRelu(x),
  gelu: (x) => a.gelu(x),
  swish: a.swish,
  silu: a.swish,
  softplus: a.softplus,
  softsign: a.softsign,
  exponential: a.exponential,
  hard_sigmoid: a.hardSigmoid,
  linear: a.linear,
};

// The exported functions are known by their Keras names too, so `get(keras.activations.relu)`
// serializes as "relu".
const nameOf = new Map<unknown, string>([
  ...Object.entries(byName).map(([k, f]) => [f, k] as [unknown, string]),
  [a.relu, "relu"],
  [a.softmax, "softmax"],
  [a.elu, "elu"],
  [a.leakyRelu, "leaky_relu"],
  [a.gelu, "gelu"],
  [a.hardSigmoid, "hard_sigmoid"],
]);

/** The Keras names `get` accepts. */
export const ACTIVATION_NAMES: readonly string[] = Object.keys(byName);

/**
 * An activation function from a Keras name (`"relu"`, `"softmax"`, ...), a function (returned
 * as is), or null/undefined (`linear`). Registered or `customObjects` functions are found by name.
 *
 * @example
 * ```ts
 * keras.activations.get("relu")(z);
 * keras.activations.get(null); // linear
 * ```
 */
export function get(
  id: string | ((x: Tensor) => Tensor) | null | undefined,
  customObjects?: CustomObjects,
): ActivationFunction {
  if (id == null) return a.linear;
  if (typeof id === "function") return id;
  if (typeof id === "string") {
    if (Object.hasOwn(byName, id)) return byName[id];
    const custom = findCustomObject(id, customObjects);
    if (typeof custom === "function") return custom as unknown as ActivationFunction;
  }
  throw new TypeError(
    `Unknown activation function: '${String(id)}'. Valid names: ${ACTIVATION_NAMES.join(", ")}; a custom ` +
      `function must be passed in customObjects or registered with keras.utils.registerKerasSerializable`,
  );
}

/**
 * The name saving writes for an activation: its Keras name, its registered name, or the
 * function's own name (which loading then needs in `customObjects`).
 *
 * @example
 * ```ts
 * keras.activations.serialize(keras.activations.get("relu")); // "relu"
 * ```
 */
export function serialize(fn: ActivationFunction): string {
  const known = nameOf.get(fn);
  if (known) return known;
  const registered = getRegisteredName(fn);
  if (registered) return registered;
  if (!fn.name) {
    throw new TypeError("Cannot serialize an anonymous activation function; give it a name or register it");
  }
  return fn.name;
}

/** The function a saved name stands for. @example `keras.activations.deserialize("relu")` */
export function deserialize(name: string, customObjects?: CustomObjects): ActivationFunction {
  return get(name, customObjects);
}
