import type { DType } from "../core/dtype.js";
import { Tensor } from "../core/tensor.js";
import * as ar from "../ops/arithmetic.js";
import * as cmp from "../ops/compare.js";
import * as m from "../ops/math.js";
import { frozen, operand, sameDType, tfTensor, type TfTensorLike } from "./convert.js";

// Element-wise ops with TensorFlow's names. Binary ops refuse to mix tensor dtypes, as
// TensorFlow does; plain numbers adopt the tensor's dtype.

type Binary = (a: TfTensorLike, b: TfTensorLike) => Tensor;
type Unary = (x: TfTensorLike) => Tensor;

function binary(
  tfName: string,
  f: (a: Tensor | number | boolean, b: Tensor | number | boolean) => Tensor,
): Binary {
  return (a, b) => {
    const x = operand(a);
    const y = operand(b);
    sameDType(tfName, x, y);
    return frozen(f(x, y), [x, y]);
  };
}

function unary(f: (x: Tensor) => Tensor): Unary {
  return (a) => {
    const x = tfTensor(a);
    return frozen(f(x), [x]);
  };
}

/** `a + b` with broadcasting (`tf.add`). @example `tf.add(x, 1)` */
export const add = binary("AddV2", ar.add);
/** `a - b` (`tf.subtract`). @example `tf.subtract(y, yPred)` */
export const subtract = binary("Sub", ar.sub);
/** `a * b` (`tf.multiply`). @example `tf.multiply(x, w)` */
export const multiply = binary("Mul", ar.mul);
/** `a / b` (`tf.divide`). @example `tf.divide(x, 2)` */
export const divide = binary("RealDiv", ar.div);
/** `a ** b` (`tf.pow`). @example `tf.pow(x, 3)` */
export const pow = binary("Pow", ar.pow);
/** Element-wise maximum (`tf.maximum`). @example `tf.maximum(x, 0)` */
export const maximum = binary("Maximum", m.maximum);
/** Element-wise minimum (`tf.minimum`). */
export const minimum = binary("Minimum", m.minimum);
/** `(a - b)²` (`tf.math.squared_difference`). */
export const squaredDifference = binary("SquaredDifference", (a, b) => m.square(ar.sub(a, b)));
/** `-x` (`tf.negative`). */
export const negative = unary(ar.neg);
/** `x²` (`tf.square`). @example `tf.square(x)` */
export const square = unary(m.square);
/** Square root (`tf.sqrt`). */
export const sqrt = unary(m.sqrt);
/** `1 / sqrt(x)` (`tf.math.rsqrt`). */
export const rsqrt = unary((x) => ar.div(1, m.sqrt(x)));
/** `e^x` (`tf.exp`). */
export const exp = unary(m.exp);
/** Natural logarithm (`tf.math.log`). */
export const log = unary(m.log);
/** `log(1 + x)` (`tf.math.log1p`). */
export const log1p = unary(m.log1p);
/** `e^x - 1` (`tf.math.expm1`). */
export const expm1 = unary(m.expm1);
/** `|x|` (`tf.abs`). */
export const abs = unary(ar.abs);
/** -1, 0 or 1 (`tf.sign`). */
export const sign = unary(ar.sign);
/** `1 / x` (`tf.math.reciprocal`). */
export const reciprocal = unary((x) => ar.div(1, x));
/** Sine (`tf.sin`). */
export const sin = unary(m.sin);
/** Cosine (`tf.cos`). */
export const cos = unary(m.cos);
/** Tangent (`tf.tan`). */
export const tan = unary(m.tan);
/** Hyperbolic tangent (`tf.tanh`). */
export const tanh = unary(m.tanh);
/** Logistic sigmoid `1 / (1 + e^-x)` (`tf.sigmoid`), exact in both tails. */
export const sigmoid = unary(m.expit);
/** Round half to even (`tf.round`). */
export const round = unary((x) => m.round(x));
/** Largest integer not above x (`tf.floor`). */
export const floor = unary(m.floor);
/** Smallest integer not below x (`tf.math.ceil`). */
export const ceil = unary(m.ceil);
/** Error function (`tf.math.erf`). */
export const erf = unary(m.erf);

/** `a == b` (`tf.equal`). */
export const equal = binary("Equal", cmp.eq);
/** `a != b` (`tf.not_equal`). */
export const notEqual = binary("NotEqual", cmp.ne);
/** `a < b` (`tf.less`). */
export const less = binary("Less", cmp.lt);
/** `a <= b` (`tf.less_equal`). */
export const lessEqual = binary("LessEqual", cmp.le);
/** `a > b` (`tf.greater`). */
export const greater = binary("Greater", cmp.gt);
/** `a >= b` (`tf.greater_equal`). */
export const greaterEqual = binary("GreaterEqual", cmp.ge);
/** Element-wise and of bool tensors (`tf.logical_and`). */
export const logicalAnd = binary("LogicalAnd", cmp.logicalAnd);
/** Element-wise or of bool tensors (`tf.logical_or`). */
export const logicalOr = binary("LogicalOr", cmp.logicalOr);
/** Element-wise not (`tf.logical_not`). */
export const logicalNot = unary(cmp.logicalNot);
/** Whether each element is NaN (`tf.math.is_nan`). */
export const isNan = unary(cmp.isnan);
/** Whether each element is finite (`tf.math.is_finite`). */
export const isFinite = unary(cmp.isfinite);

/**
 * Elements of `x` where `condition` is true, of `y` elsewhere, broadcasting all three
 * (`tf.where`); the gradient goes only to the chosen operand.
 *
 * @example
 * ```ts
 * tf.where(tf.greater(z, 30), z, tf.log(tf.exp(z).add(1)));
 * ```
 */
export function where(condition: TfTensorLike, x: TfTensorLike, y: TfTensorLike): Tensor {
  const a = operand(x);
  const b = operand(y);
  sameDType("SelectV2", a, b);
  return frozen(cmp.where(tfTensor(condition, "bool"), a, b), [a, b]);
}

/** Converts to `dtype` (`tf.cast`); floats truncate toward zero into integers. @example `tf.cast(mask, "float32")` */
export function cast(x: TfTensorLike, dtype: DType | string): Tensor {
  const t = tfTensor(x);
  return frozen(tfTensor(t, dtype), [t]);
}

/** The sum of a list of same-shaped tensors (`tf.add_n`). @example `tf.addN([a, b, c])` */
export function addN(tensors: readonly TfTensorLike[]): Tensor {
  if (tensors.length === 0) throw new TypeError("tf.addN needs at least one tensor");
  let acc = tfTensor(tensors[0]);
  for (let i = 1; i < tensors.length; i++) acc = add(acc, tensors[i]);
  return frozen(acc, tensors);
}

/** Limits values to `[min, max]` (`tf.clip_by_value`). @example `tf.clipByValue(p, 1e-7, 1 - 1e-7)` */
export function clipByValue(x: TfTensorLike, min: TfTensorLike, max: TfTensorLike): Tensor {
  const t = tfTensor(x);
  return frozen(m.minimum(m.maximum(t, operand(min)), operand(max)), [t]);
}

/** Whether a value is a tensor (`tf.is_tensor`). */
export function isTensor(x: unknown): x is Tensor {
  return x instanceof Tensor;
}
