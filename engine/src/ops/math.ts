import type { DType } from "../core/dtype.js";
import type { Tensor, TensorLike } from "../core/tensor.js";
import { binaryOp, floatResult, unaryOp } from "./elementwise.js";
import { installMethods } from "./methods.js";
import { add, div, mul, neg, sign, sub } from "./arithmetic.js";
import { ge, le, where } from "./compare.js";
import { registerGradient, type GradientFn } from "../autodiff/registry.js";

// Element-wise math (NumPy's ufuncs). Transcendental functions of integers compute in float64,
// as NumPy's do; float32 stays float32.

const f = (name: string) => (a: TensorLike) => unaryOp(name, a, floatResult);
// NumPy 1.24's floor/ceil/rint/trunc are float ufuncs: ints come back as floats (float16, our
// float32, for uint8 and bool). `round` is not a ufunc and keeps integer dtypes.
const keepInt = (d: DType): DType => (d === "bool" ? "float32" : d);

/** Square root (`np.sqrt`). @example `np.sqrt([4, 9]) // [2., 3.]` */
export const sqrt = f("sqrt");
/** Cube root (`np.cbrt`). @example `np.cbrt([8]) // [2.]` */
export const cbrt = f("cbrt");
/** `x * x`, keeping the dtype (`np.square`). @example `np.square([2, 3]) // [4, 9]` */
// NumPy squares bools in int8; int32 is our nearest integer type.
export const square = (a: TensorLike): Tensor => unaryOp("square", a, (d) => (d === "bool" ? "int32" : d));
/** `e ** x` (`np.exp`). @example `np.exp([0]) // [1.]` */
export const exp = f("exp");
/** `2 ** x` (`np.exp2`). */
export const exp2 = f("exp2");
/** `e ** x - 1`, accurate near 0 (`np.expm1`). */
export const expm1 = f("expm1");
/** Natural logarithm (`np.log`). @example `np.log([Math.E]) // [1.]` */
export const log = f("log");
/** `log(1 + x)`, accurate near 0 (`np.log1p`). */
export const log1p = f("log1p");
/** Base-2 logarithm (`np.log2`). */
export const log2 = f("log2");
/** Base-10 logarithm (`np.log10`). */
export const log10 = f("log10");
/** Sine (`np.sin`). */
export const sin = f("sin");
/** Cosine (`np.cos`). */
export const cos = f("cos");
/** Tangent (`np.tan`). */
export const tan = f("tan");
/** Inverse sine (`np.arcsin`). */
export const arcsin = f("arcsin");
/** Inverse cosine (`np.arccos`). */
export const arccos = f("arccos");
/** Inverse tangent (`np.arctan`). */
export const arctan = f("arctan");
/** Hyperbolic sine (`np.sinh`). */
export const sinh = f("sinh");
/** Hyperbolic cosine (`np.cosh`). */
export const cosh = f("cosh");
/** Hyperbolic tangent (`np.tanh`). */
export const tanh = f("tanh");
/** Inverse hyperbolic sine (`np.arcsinh`). */
export const arcsinh = f("arcsinh");
/** Inverse hyperbolic cosine (`np.arccosh`). */
export const arccosh = f("arccosh");
/** Inverse hyperbolic tangent (`np.arctanh`). */
export const arctanh = f("arctanh");
/** Degrees to radians (`np.deg2rad`). */
export const deg2rad = f("deg2rad");
/** Radians to degrees (`np.rad2deg`). */
export const rad2deg = f("rad2deg");
/** Largest integer not above x (`np.floor`). @example `np.floor([-1.5, 1.5]) // [-2., 1.]` */
export const floor = (a: TensorLike): Tensor => unaryOp("floor", a, floatResult);
/** Smallest integer not below x (`np.ceil`). */
export const ceil = (a: TensorLike): Tensor => unaryOp("ceil", a, floatResult);
/** Nearest integer, halves to even (`np.rint`). @example `np.rint([0.5, 1.5, 2.5]) // [0., 2., 2.]` */
export const rint = (a: TensorLike): Tensor => unaryOp("rint", a, floatResult);
/** Truncation toward zero (`np.trunc`). */
export const trunc = (a: TensorLike): Tensor => unaryOp("trunc", a, floatResult);

/**
 * Rounds to `decimals` places, halves to even (`np.round`, `np.around`); negative decimals round
 * to tens, hundreds...
 *
 * @example
 * ```ts
 * np.round([1.2345, 2.5], 2).toArray(); // [1.23, 2.5]
 * ```
 */
export function round(a: TensorLike, decimals = 0): Tensor {
  if (!Number.isInteger(decimals)) throw new TypeError(`decimals must be an integer, got ${decimals}`);
  return unaryOp("round", a, keepInt, decimals);
}

/** Element-wise `arctan(a / b)` in the right quadrant (`np.arctan2`). */
export const arctan2 = (a: TensorLike, b: TensorLike): Tensor => binaryOp("arctan2", a, b, floatResult);
/** Element-wise `sqrt(a² + b²)` without overflow (`np.hypot`). */
export const hypot = (a: TensorLike, b: TensorLike): Tensor => binaryOp("hypot", a, b, floatResult);
/** Element-wise maximum; NaN wins (`np.maximum`). @example `np.maximum([1, 5], 3) // [3, 5]` */
export const maximum = (a: TensorLike, b: TensorLike): Tensor => binaryOp("maximum", a, b);
/** Element-wise minimum; NaN wins (`np.minimum`). */
export const minimum = (a: TensorLike, b: TensorLike): Tensor => binaryOp("minimum", a, b);
/** Element-wise maximum ignoring NaN (`np.fmax`). */
export const fmax = (a: TensorLike, b: TensorLike): Tensor => binaryOp("fmax", a, b);
/** Element-wise minimum ignoring NaN (`np.fmin`). */
export const fmin = (a: TensorLike, b: TensorLike): Tensor => binaryOp("fmin", a, b);
/** Copies the sign of `b` onto `a` (`np.copysign`). */
export const copysign = (a: TensorLike, b: TensorLike): Tensor => binaryOp("copysign", a, b, floatResult);

/**
 * Limits values to `[min, max]` (`np.clip`); either bound may be `null`.
 *
 * @example
 * ```ts
 * np.clip([-1, 0.5, 2], 0, 1).toArray(); // [0, 0.5, 1]
 * ```
 */
export function clip(a: TensorLike, min: TensorLike | null, max: TensorLike | null): Tensor {
  if (min === null && max === null) throw new TypeError("One of max or min must be given");
  let out = min === null ? unaryOp("copy", a) : maximum(a, min);
  if (max !== null) out = minimum(out, max);
  return out;
}

/** Logistic sigmoid `1 / (1 + e^-x)` (`scipy.special.expit`). @example `np.special.expit([0]) // [0.5]` */
export const expit = f("expit");
/** Inverse of `expit`: `log(p / (1 - p))` (`scipy.special.logit`). */
export const logit = f("logit");
/** Error function (`scipy.special.erf`). */
export const erf = f("erf");
/** Complementary error function `1 - erf(x)` (`scipy.special.erfc`). */
export const erfc = f("erfc");

const unaryMethods = {
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
  floor,
  ceil,
  rint,
  trunc,
  round,
  clip,
};
installMethods({ ...unaryMethods, maximum, minimum });

declare module "../core/tensor.js" {
  interface Tensor {
    sqrt(): Tensor;
    cbrt(): Tensor;
    square(): Tensor;
    exp(): Tensor;
    exp2(): Tensor;
    expm1(): Tensor;
    log(): Tensor;
    log1p(): Tensor;
    log2(): Tensor;
    log10(): Tensor;
    sin(): Tensor;
    cos(): Tensor;
    tan(): Tensor;
    arcsin(): Tensor;
    arccos(): Tensor;
    arctan(): Tensor;
    sinh(): Tensor;
    cosh(): Tensor;
    tanh(): Tensor;
    arcsinh(): Tensor;
    arccosh(): Tensor;
    arctanh(): Tensor;
    floor(): Tensor;
    ceil(): Tensor;
    rint(): Tensor;
    trunc(): Tensor;
    /** Rounds to `decimals` places, halves to even. @example `t.round(2)` */
    round(decimals?: number): Tensor;
    /** Limits values to `[min, max]`. @example `p.clip(1e-7, 1 - 1e-7)` */
    clip(min: TensorLike | null, max: TensorLike | null): Tensor;
    /** Element-wise maximum with `b`. @example `z.maximum(0)` */
    maximum(b: TensorLike): Tensor;
    /** Element-wise minimum with `b`. */
    minimum(b: TensorLike): Tensor;
  }
}

// ---- Gradients -------------------------------------------------------------------------------
// Gradients of element-wise math, each in terms of the input `x` or the output `y`, using ops
// (so they differentiate again for higher orders).

registerGradient("sqrt", (dy, _x, _a, y) => [div(dy, mul(y, 2))]);
registerGradient("cbrt", (dy, _x, _a, y) => [div(dy, mul(square(y), 3))]);
registerGradient("square", (dy, [x]) => [mul(dy, mul(x, 2))]);
registerGradient("exp", (dy, _x, _a, y) => [mul(dy, y)]);
registerGradient("exp2", (dy, _x, _a, y) => [mul(dy, mul(y, Math.LN2))]);
registerGradient("expm1", (dy, _x, _a, y) => [mul(dy, add(y, 1))]);
registerGradient("log", (dy, [x]) => [div(dy, x)]);
registerGradient("log1p", (dy, [x]) => [div(dy, add(x, 1))]);
registerGradient("log2", (dy, [x]) => [div(dy, mul(x, Math.LN2))]);
registerGradient("log10", (dy, [x]) => [div(dy, mul(x, Math.LN10))]);
registerGradient("sin", (dy, [x]) => [mul(dy, cos(x))]);
registerGradient("cos", (dy, [x]) => [neg(mul(dy, sin(x)))]);
registerGradient("tan", (dy, _x, _a, y) => [mul(dy, add(square(y), 1))]);
registerGradient("arcsin", (dy, [x]) => [div(dy, sqrt(sub(1, square(x))))]);
registerGradient("arccos", (dy, [x]) => [neg(div(dy, sqrt(sub(1, square(x)))))]);
registerGradient("arctan", (dy, [x]) => [div(dy, add(square(x), 1))]);
registerGradient("sinh", (dy, [x]) => [mul(dy, cosh(x))]);
registerGradient("cosh", (dy, [x]) => [mul(dy, sinh(x))]);
registerGradient("tanh", (dy, _x, _a, y) => [mul(dy, sub(1, square(y)))]);
registerGradient("arcsinh", (dy, [x]) => [div(dy, sqrt(add(square(x), 1)))]);
registerGradient("arccosh", (dy, [x]) => [div(dy, sqrt(sub(square(x), 1)))]);
registerGradient("arctanh", (dy, [x]) => [div(dy, sub(1, square(x)))]);
registerGradient("deg2rad", (dy) => [mul(dy, Math.PI / 180)]);
registerGradient("rad2deg", (dy) => [mul(dy, 180 / Math.PI)]);
// Piecewise constant: no gradient (TensorFlow returns None for floor, ceil and round).
for (const op of ["floor", "ceil", "rint", "trunc", "round"]) registerGradient(op, () => [null]);
// σ'(x) = σ(x)(1 - σ(x)), from the output: exact in the tails where σ saturates.
registerGradient("expit", (dy, _x, _a, y) => [mul(dy, mul(y, sub(1, y)))]);
registerGradient("logit", (dy, [x]) => [div(dy, mul(x, sub(1, x)))]);
registerGradient("erf", (dy, [x]) => [mul(dy, mul(exp(neg(square(x))), 2 / Math.sqrt(Math.PI)))]);
registerGradient("erfc", (dy, [x]) => [mul(dy, mul(exp(neg(square(x))), -2 / Math.sqrt(Math.PI)))]);

registerGradient("arctan2", (dy, [a, b], _attrs, _out, needs) => {
  const r2 = add(square(a), square(b));
  return [needs[0] ? div(mul(dy, b), r2) : null, needs[1] ? neg(div(mul(dy, a), r2)) : null];
});
registerGradient("hypot", (dy, [a, b], _attrs, y, needs) => [
  needs[0] ? div(mul(dy, a), y) : null,
  needs[1] ? div(mul(dy, b), y) : null,
]);
// Ties send the gradient to the first operand, as TensorFlow does.
const pick =
  (first: (a: Tensor, b: Tensor) => Tensor): GradientFn =>
  (dy, [a, b], _attrs, _out, needs) => {
    const m = first(a, b);
    return [needs[0] ? where(m, dy, 0) : null, needs[1] ? where(m, 0, dy) : null];
  };
registerGradient(
  "maximum",
  pick((a, b) => ge(a, b)),
);
registerGradient(
  "minimum",
  pick((a, b) => le(a, b)),
);
registerGradient(
  "fmax",
  pick((a, b) => ge(a, b)),
);
registerGradient(
  "fmin",
  pick((a, b) => le(a, b)),
);
// copysign(a, b) = |a| sign(b): d/da = sign(a) sign(b); no gradient to b.
registerGradient("copysign", (dy, [a], _attrs, y) => [mul(dy, mul(sign(a), sign(y))), null]);
