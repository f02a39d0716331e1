// TEMPORARY: moves to the bottom of ops/arithmetic.ts (see README.md here).
import { div, mul, neg, pow, sign, sub } from "../../ops/arithmetic.js";
import { gt, where } from "../../ops/compare.js";
import { floor, log } from "../../ops/math.js";
import { registerGradient } from "../registry.js";

// Gradients of the arithmetic ops. Operands reach the kernels already broadcast (as views), so
// each gradient has the broadcast shape; the views' own gradient sums it back.

registerGradient("add", (dy) => [dy, dy]);
registerGradient("sub", (dy) => [dy, neg(dy)]);
registerGradient("mul", (dy, [a, b], _attrs, _out, needs) => [
  needs[0] ? mul(dy, b) : null,
  needs[1] ? mul(dy, a) : null,
]);
registerGradient("div", (dy, [a, b], _attrs, _out, needs) => [
  needs[0] ? div(dy, b) : null,
  needs[1] ? neg(div(mul(dy, a), mul(b, b))) : null,
]);
registerGradient("pow", (dy, [a, b], _attrs, out, needs) => [
  needs[0] ? mul(dy, mul(b, pow(a, sub(b, 1)))) : null,
  // d/db a^b = a^b log a, taken as 0 where a <= 0 (as TensorFlow does: the log is undefined).
  needs[1] ? mul(dy, where(gt(a, 0), mul(out, log(where(gt(a, 0), a, 1))), 0)) : null,
]);
registerGradient("neg", (dy) => [neg(dy)]);
registerGradient("abs", (dy, [a]) => [mul(dy, sign(a))]);
registerGradient("sign", (dy) => [mul(dy, 0)]);
registerGradient("reciprocal", (dy, _inputs, _attrs, out) => [neg(mul(dy, mul(out, out)))]);
// a mod b = a - floor(a / b) * b.
registerGradient("mod", (dy, [a, b], _attrs, _out, needs) => [
  dy,
  needs[1] ? neg(mul(dy, floor(div(a, b)))) : null,
]);
registerGradient("floorDiv", () => [null, null]);
