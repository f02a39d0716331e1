/**
 * `tf`: TensorFlow's low-level API with TensorFlow's names in camelCase (see the naming table in
 * the design). Tensors made here are float32 by default and immutable, like TensorFlow's;
 * `tf.Variable` is the mutable one, and `tf.GradientTape` differentiates.
 *
 * @example
 * ```ts
 * import { tf } from "tensorbook";
 * const w = new tf.Variable(tf.random.normal([2, 1]));
 * const tape = new tf.GradientTape();
 * const loss = tape.record(() => tf.reduceMean(tf.square(tf.matmul(X, w).sub(y))));
 * const grad = tape.gradient(loss, w);
 * ```
 */
import "../autodiff/index.js";
import "../ops/nn.js";
import "./memory.js";

export { Tensor, type TensorLike } from "../core/tensor.js";
export type { DType } from "../core/dtype.js";
export { ValueError, IndexError } from "../core/errors.js";
export {
  GradientTape,
  Variable,
  stopGradient,
  customGradient,
  RuntimeError,
  LookupError,
  type GradientTapeOptions,
  type GradientOptions,
  type VariableOptions,
  type CustomGradientResult,
} from "../autodiff/index.js";
export { InvalidArgumentError } from "./errors.js";
export * as errors from "./errors.js";
export {
  constant,
  zeros,
  ones,
  zerosLike,
  onesLike,
  fill,
  range,
  linspace,
  eye,
  type DTypeOptions,
} from "./creation.js";
export {
  add,
  subtract,
  multiply,
  divide,
  subtract as sub,
  multiply as mul,
  divide as div,
  pow,
  maximum,
  minimum,
  squaredDifference,
  negative,
  square,
  sqrt,
  rsqrt,
  exp,
  log,
  abs,
  sign,
  sin,
  cos,
  tan,
  tanh,
  sigmoid,
  round,
  floor,
  equal,
  notEqual,
  less,
  lessEqual,
  greater,
  greaterEqual,
  logicalAnd,
  logicalOr,
  logicalNot,
  where,
  cast,
  addN,
  clipByValue,
  isTensor,
} from "./math.js";
export {
  reduceSum,
  reduceMean,
  reduceMax,
  reduceMin,
  reduceProd,
  reduceAll,
  reduceAny,
  reduceLogSumExp,
  argmax,
  argmin,
  norm,
  clipByNorm,
  type TfReduceOptions,
  type NormOptions,
} from "./reduce.js";
export {
  reshape,
  transpose,
  squeeze,
  expandDims,
  split,
  tile,
  pad,
  oneHot,
  shape,
  size,
  rank,
  type PadOptions,
  type OneHotOptions,
} from "./shape.js";
export {
  tfFunction as function,
  tfPrint as print,
  TensorSpec,
  type FunctionOptions,
  type TfFunction,
} from "./function.js";
export { matmul, type MatmulOptions } from "./products.js";
export { concat, stack, unstack, gather, gatherNd } from "./join.js";
export { sort, argsort, type TfSortOptions } from "./sorting.js";
export { tidy, dispose, keep, memory, type MemoryInfo } from "./memory.js";
export { withDevice as device } from "../backends/cuda/index.js";
export * as nn from "./nn.js";
export * as random from "./random.js";
export * as math from "./math-namespace.js";
export * as linalg from "./linalg.js";
export { einsum } from "./linalg.js";

/** dtype names as TensorFlow spells its constants (`tf.float32`). */
export const float32 = "float32";
/** `tf.float64`. */
export const float64 = "float64";
/** `tf.int32`. */
export const int32 = "int32";
/** `tf.uint8`. */
export const uint8 = "uint8";
/** `tf.bool`. */
export const bool = "bool";
