/**
 * `np`: NumPy's API, spelled the TypeScript way (see the naming table in the design). Arrays are
 * float64 by default and mutable, like NumPy's.
 *
 * @example
 * ```ts
 * import { np } from "tensorbook";
 * const X = np.linspace(0, 1, 5).reshape(-1, 1);
 * X.mul(2).add(1).sum(); // 7
 * ```
 */
import "../backends/index.js";
import "../print/index.js";

export { Tensor, type TensorLike, type NestedArray } from "../core/tensor.js";
export type { DType } from "../core/dtype.js";
export { ValueError, IndexError } from "../core/errors.js";
export { AxisError, broadcastShapes } from "../core/shape.js";
export {
  array,
  asarray,
  zeros,
  ones,
  full,
  empty,
  zerosLike,
  onesLike,
  fullLike,
  emptyLike,
  arange,
  linspace,
  logspace,
  eye,
  identity,
  diag,
  meshgrid,
} from "../ops/creation.js";
export {
  add,
  sub,
  mul,
  mulAdd,
  div,
  pow,
  mod,
  floorDiv,
  neg,
  abs,
  sign,
  reciprocal,
} from "../ops/arithmetic.js";
export {
  mul as multiply,
  div as divide,
  div as trueDivide,
  pow as power,
  neg as negative,
  abs as absolute,
  mod as remainder,
  floorDiv as floorDivide,
} from "../ops/arithmetic.js";
export {
  sqrt,
  cbrt,
  square,
  exp,
  exp2,
  expm1,
  log,
  log1p,
  log2,
  log10,
  sin,
  cos,
  tan,
  arcsin,
  arccos,
  arctan,
  sinh,
  cosh,
  tanh,
  arcsinh,
  arccosh,
  arctanh,
  deg2rad,
  rad2deg,
  floor,
  ceil,
  rint,
  trunc,
  round,
  round as around,
  arctan2,
  hypot,
  maximum,
  minimum,
  fmax,
  fmin,
  copysign,
  clip,
} from "../ops/math.js";
export {
  eq,
  ne,
  lt,
  le,
  gt,
  ge,
  eq as equal,
  ne as notEqual,
  lt as less,
  le as lessEqual,
  gt as greater,
  ge as greaterEqual,
  logicalAnd,
  logicalOr,
  logicalXor,
  logicalNot,
  isnan,
  isinf,
  isfinite,
  nanToNum,
  where,
} from "../ops/compare.js";
export {
  sum,
  prod,
  mean,
  max,
  min,
  max as amax,
  min as amin,
  argmax,
  argmin,
  all,
  any,
  ptp,
  countNonzero,
  type Axis,
  type ReduceOptions,
  type ArgOptions,
} from "../ops/reduce.js";
export {
  variance as var,
  std,
  median,
  quantile,
  percentile,
  average,
  ZeroDivisionError,
  type VarOptions,
  type QuantileOptions,
  type AverageOptions,
} from "../ops/stats.js";
export { cumsum, cumprod, type CumulativeOptions } from "../ops/cumulative.js";
export {
  nansum,
  nanprod,
  nanmax,
  nanmin,
  nanargmax,
  nanargmin,
  nanmean,
  nanvar,
  nanstd,
} from "../ops/nan-reduce.js";
export { isclose, allclose, arrayEqual, type CloseOptions } from "../ops/close.js";
export { setPrintoptions, getPrintoptions, type PrintOptions } from "../print/index.js";
export * as special from "./special.js";

/** π. */
export const pi = Math.PI;
/** Euler's number. */
export const e = Math.E;
/** Positive infinity (`np.inf`). */
export const inf = Infinity;
/** Not a number (`np.nan`). */
export const nan = NaN;
/** `null` as an index inserts a new axis, like `np.newaxis`. */
export const newaxis = null;
export * as random from "./random.js";
export * as linalg from "./linalg.js";
export { matmul, dot, vdot, inner, outer, tensordot, kron, trace, einsum } from "../ops/products.js";
// Indexing, sorting, sets, joining and shaping.
export { get } from "../ops/indexing.js";
export { set } from "../ops/assign.js";
export type { IndexItem } from "../ops/index-parse.js";
export {
  take,
  takeAlongAxis,
  putAlongAxis,
  put,
  nonzero,
  argwhere,
  flatnonzero,
  unravelIndex,
  fillDiagonal,
  type TakeOptions,
  type IndexMode,
} from "../ops/index-routines.js";
export { sort, argsort, partition, argpartition, type SortOptions, type SortKind } from "../ops/sorting.js";
export {
  unique,
  bincount,
  searchsorted,
  digitize,
  histogram,
  isin,
  type UniqueOptions,
  type BincountOptions,
  type SearchsortedOptions,
  type HistogramOptions,
  type IsinOptions,
} from "../ops/sets.js";
export { diff, type DiffOptions } from "../ops/diff.js";
export {
  concatenate,
  stack,
  vstack,
  hstack,
  dstack,
  columnStack,
  c_,
  r_,
  type ConcatOptions,
} from "../ops/join.js";
export { split, arraySplit } from "../ops/split.js";
export {
  flip,
  moveaxis,
  swapaxes,
  broadcastTo,
  atleast1d,
  atleast2d,
  atleast3d,
  tile,
  repeat,
  roll,
} from "../ops/shape-ops.js";
export { pad, type PadOptions, type PadMode } from "../ops/pad.js";
