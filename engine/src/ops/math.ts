import type { DType } from "../core/dtype.js";
import type { Tensor, TensorLike } from "../core/tensor.js";
import { binaryOp, floatResult, unaryOp } from "./elementwise.js";
import { installMethods } from "./methods.js";

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
