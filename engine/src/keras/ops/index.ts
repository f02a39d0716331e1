/**
 * `keras.ops`: math that works on real tensors and on the symbolic tensors of the functional
 * API alike. On symbolic tensors each call becomes a layer of the model (so the model can be
 * saved and reloaded); on tensors it computes at once. Symbolic tensors also have `add`, `sub`,
 * `mul`, `div`, `pow`, `matmul` and `neg` methods built on these.
 *
 * @example
 * ```ts
 * const input = keras.Input({ shape: [4] });
 * const scaled = keras.ops.multiply(input, 2);   // symbolic: a layer of the model
 * const out = keras.ops.relu(new keras.layers.Dense(3).apply(scaled).sub(1));
 * keras.ops.add(tf.ones([2]), 1);                 // eager: [2, 2]
 * ```
 */
import type { Tensor } from "../../core/tensor.js";
import * as tf from "../../tf/index.js";
import { KerasTensor, symbolicArithmetic } from "../engine/symbolic.js";
import { registerLayerClasses } from "../engine/layer-registry.js";
import { OpLayer, opTable, type OpArg } from "./op-layer.js";

type Arg = Tensor | KerasTensor | number;

// Runs `name` on the arguments: eagerly when no argument is symbolic, else as a new OpLayer
// applied to the symbolic ones.
function run<T extends Tensor | KerasTensor>(name: string, args: unknown[]): T {
  const symbolic: KerasTensor[] = [];
  const template: OpArg[] = args.map((a) => {
    if (a instanceof KerasTensor) return { tensor: symbolic.push(a) - 1 };
    if (Array.isArray(a) && a.some((e) => e instanceof KerasTensor)) {
      return { tensors: a.map((e) => symbolic.push(e as KerasTensor) - 1) };
    }
    return a as OpArg;
  });
  if (symbolic.length === 0) return (opTable.get(name)! as (...a: unknown[]) => Tensor)(...args) as T;
  const layer = new OpLayer(name, template);
  return (layer.apply as (x: unknown) => KerasTensor)(symbolic.length === 1 ? symbolic[0] : symbolic) as T;
}

function define<F extends (...args: never[]) => Tensor>(name: string, fn: F): void {
  opTable.set(name, fn as unknown as (...args: never[]) => Tensor);
}

define("add", (a: Tensor, b: Tensor | number) => tf.add(a, b));
define("subtract", (a: Tensor, b: Tensor | number) => tf.subtract(a, b));
define("multiply", (a: Tensor, b: Tensor | number) => tf.multiply(a, b));
define("divide", (a: Tensor, b: Tensor | number) => tf.divide(a, b));
define("power", (a: Tensor, b: Tensor | number) => tf.pow(a, b));
define("rsubtract", (a: Tensor, b: number) => tf.subtract(b, a));
define("rdivide", (a: Tensor, b: number) => tf.divide(b, a));
define("rpower", (a: Tensor, b: number) => tf.pow(b, a));
define("matmul", (a: Tensor, b: Tensor) => tf.matmul(a, b));
define("maximum", (a: Tensor, b: Tensor | number) => tf.maximum(a, b));
define("minimum", (a: Tensor, b: Tensor | number) => tf.minimum(a, b));
define("negative", (a: Tensor) => tf.negative(a));
define("square", (a: Tensor) => tf.square(a));
define("sqrt", (a: Tensor) => tf.sqrt(a));
define("exp", (a: Tensor) => tf.exp(a));
define("log", (a: Tensor) => tf.log(a));
define("abs", (a: Tensor) => tf.abs(a));
define("relu", (a: Tensor) => tf.nn.relu(a));
define("sigmoid", (a: Tensor) => tf.nn.sigmoid(a));
define("tanh", (a: Tensor) => tf.nn.tanh(a));
define("softplus", (a: Tensor) => tf.nn.softplus(a));
define("softmax", (a: Tensor, axis: number) => tf.nn.softmax(a, axis));
define("sum", (a: Tensor, axis: number | number[] | null, keepdims: boolean) =>
  tf.reduceSum(a, axis ?? undefined, { keepdims }),
);
define("mean", (a: Tensor, axis: number | number[] | null, keepdims: boolean) =>
  tf.reduceMean(a, axis ?? undefined, { keepdims }),
);
define("max", (a: Tensor, axis: number | number[] | null, keepdims: boolean) =>
  tf.reduceMax(a, axis ?? undefined, { keepdims }),
);
define("min", (a: Tensor, axis: number | number[] | null, keepdims: boolean) =>
  tf.reduceMin(a, axis ?? undefined, { keepdims }),
);
define("reshape", (a: Tensor, shape: number[]) => tf.reshape(a, shape));
define("concatenate", (xs: Tensor[], axis: number) => tf.concat(xs, axis));
define("cast", (a: Tensor, dtype: string) => tf.cast(a, dtype));

/** Element-wise sum (broadcasting). @example `keras.ops.add(x, 1)` */
export function add<T extends Arg>(a: T, b: Arg): T extends KerasTensor ? KerasTensor : Tensor;
export function add(a: Arg, b: Arg): Tensor | KerasTensor {
  return binary("add", a, b);
}
/** Element-wise difference. */
export function subtract(a: Arg, b: Arg): Tensor | KerasTensor {
  return binary("subtract", a, b);
}
/** Element-wise product. */
export function multiply(a: Arg, b: Arg): Tensor | KerasTensor {
  return binary("multiply", a, b);
}
/** Element-wise quotient. */
export function divide(a: Arg, b: Arg): Tensor | KerasTensor {
  return binary("divide", a, b);
}
/** Element-wise power. */
export function power(a: Arg, b: Arg): Tensor | KerasTensor {
  return binary("power", a, b);
}
/** Element-wise maximum. */
export function maximum(a: Arg, b: Arg): Tensor | KerasTensor {
  return binary("maximum", a, b);
}
/** Element-wise minimum. */
export function minimum(a: Arg, b: Arg): Tensor | KerasTensor {
  return binary("minimum", a, b);
}
/** Matrix product. */
export function matmul(a: Tensor | KerasTensor, b: Tensor | KerasTensor): Tensor | KerasTensor {
  return run("matmul", [a, b]);
}

// A number on the left (`1 - x`) runs the reversed op, so the tensor stays the first argument.
function binary(name: string, a: Arg, b: Arg): Tensor | KerasTensor {
  if (typeof a === "number" && typeof b !== "number") {
    if (name === "add" || name === "multiply" || name === "maximum" || name === "minimum")
      return run(name, [b, a]);
    return run(`r${name}`, [b, a]);
  }
  return run(name, [a, b]);
}

type Unary = {
  (x: KerasTensor): KerasTensor;
  (x: Tensor): Tensor;
};
const unary = (name: string): Unary => ((x: Tensor | KerasTensor) => run(name, [x])) as Unary;

/** `-x`. */
export const negative = unary("negative");
/** `x²`. */
export const square = unary("square");
/** `√x`. */
export const sqrt = unary("sqrt");
/** `eˣ`. */
export const exp = unary("exp");
/** Natural log. */
export const log = unary("log");
/** `|x|`. */
export const abs = unary("abs");
/** `max(x, 0)`. @example `keras.ops.relu(keras.layers.add([a, b]))` */
export const relu = unary("relu");
/** Logistic sigmoid. */
export const sigmoid = unary("sigmoid");
/** Hyperbolic tangent. */
export const tanh = unary("tanh");
/** `log(1 + eˣ)`. */
export const softplus = unary("softplus");

/** Softmax along `axis` (default -1). */
export function softmax(x: KerasTensor, axis?: number): KerasTensor;
export function softmax(x: Tensor, axis?: number): Tensor;
export function softmax(x: Tensor | KerasTensor, axis = -1): Tensor | KerasTensor {
  return run("softmax", [x, axis]);
}

/** Options of the reductions. */
export interface ReduceOptions {
  keepdims?: boolean;
}
type Reduction = {
  (x: KerasTensor, axis?: number | number[] | null, opts?: ReduceOptions): KerasTensor;
  (x: Tensor, axis?: number | number[] | null, opts?: ReduceOptions): Tensor;
};
const reduction = (name: string): Reduction =>
  ((x: Tensor | KerasTensor, axis: number | number[] | null = null, opts: ReduceOptions = {}) =>
    run(name, [x, axis, opts.keepdims ?? false])) as Reduction;

/** Sum over `axis` (all axes by default). @example `keras.ops.sum(x, -1)` */
export const sum = reduction("sum");
/** Mean over `axis`. */
export const mean = reduction("mean");
/** Maximum over `axis`. @example `keras.ops.max(advantages, 1, { keepdims: true })` */
export const max = reduction("max");
/** Minimum over `axis`. */
export const min = reduction("min");

/** Reshape (the batch axis included; -1 for one inferred length). */
export function reshape(x: KerasTensor, shape: number[]): KerasTensor;
export function reshape(x: Tensor, shape: number[]): Tensor;
export function reshape(x: Tensor | KerasTensor, shape: number[]): Tensor | KerasTensor {
  return run("reshape", [x, shape]);
}

/** Joins tensors along `axis` (default -1). */
export function concatenate(xs: KerasTensor[], axis?: number): KerasTensor;
export function concatenate(xs: Tensor[], axis?: number): Tensor;
export function concatenate(xs: (Tensor | KerasTensor)[], axis = -1): Tensor | KerasTensor {
  return run("concatenate", [xs, axis]);
}

/** Converts to another dtype. */
export function cast(x: KerasTensor, dtype: string): KerasTensor;
export function cast(x: Tensor, dtype: string): Tensor;
export function cast(x: Tensor | KerasTensor, dtype: string): Tensor | KerasTensor {
  return run("cast", [x, dtype]);
}

symbolicArithmetic.binary = (op, a, b) => binary(op, a as Arg, b as Arg) as KerasTensor;
symbolicArithmetic.unary = (op, a) => run(op, [a]);
registerLayerClasses(OpLayer);
