// TEMPORARY: moves to the bottom of ops/math.ts (see README.md here).
import { add, div, mul, neg, sign, sub } from "../../ops/arithmetic.js";
import { ge, le, where } from "../../ops/compare.js";
import { cos, cosh, exp, sin, sinh, sqrt, square } from "../../ops/math.js";
import type { Tensor } from "../../core/tensor.js";
import { registerGradient, type GradientFn } from "../registry.js";

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
registerGradient("maximum", pick(ge));
registerGradient("minimum", pick(le));
registerGradient("fmax", pick(ge));
registerGradient("fmin", pick(le));
// copysign(a, b) = |a| sign(b): d/da = sign(a) sign(b); no gradient to b.
registerGradient("copysign", (dy, [a], _attrs, y) => [mul(dy, mul(sign(a), sign(y))), null]);
