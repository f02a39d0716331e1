// TEMPORARY: moves to the bottom of ops/reduce.ts (see README.md here).
import { broadcastView } from "../../core/broadcast.js";
import type { Tensor } from "../../core/tensor.js";
import { div, mul } from "../../ops/arithmetic.js";
import { eq, where } from "../../ops/compare.js";
import { prod, reducedShape, sum, type ReduceAttrs } from "../../ops/reduce.js";
import { registerGradient } from "../registry.js";

// Gradients of the `reduce` kernel. `dy` has the reduced shape; it is reshaped with the reduced
// axes kept as 1s and broadcast back over the input.

const spread = (t: Tensor, x: Tensor, axes: readonly number[]): Tensor =>
  broadcastView(t.reshape(reducedShape(x.shape, axes, true)), x.shape);

registerGradient<ReduceAttrs>("reduce", (dy, [x], { kind, axes }, y) => {
  switch (kind) {
    case "sum":
      return [spread(dy, x, axes)];
    case "prod":
      return [prodGradient(dy, x, y, axes)];
    case "max":
    case "min":
      return [extremumGradient(dy, x, y, axes)];
    default:
      // Integer and bool results (argmax, all, any) are never recorded.
      return [null];
  }
});

// Ties share the gradient equally, as TensorFlow does.
function extremumGradient(dy: Tensor, x: Tensor, y: Tensor, axes: readonly number[]): Tensor {
  const mask = eq(x, spread(y, x, axes)).astype(x.dtype);
  const count = sum(mask, axes, { keepdims: true });
  return mul(mask, div(spread(dy, x, axes), count));
}

// d prod / d x_i = product of the other elements, computed without dividing by zero: where the
// slice has one zero, that element gets the product of the rest; with two or more, all get 0.
function prodGradient(dy: Tensor, x: Tensor, y: Tensor, axes: readonly number[]): Tensor {
  const isZero = eq(x, 0);
  const zeros = sum(isZero.astype(x.dtype), axes, { keepdims: true });
  const safe = where(isZero, 1, x);
  const nonzeroProd = broadcastView(prod(safe, axes, { keepdims: true }), x.shape);
  const others = where(
    isZero,
    where(eq(broadcastView(zeros, x.shape), 1), nonzeroProd, 0),
    div(spread(y, x, axes), safe),
  );
  return mul(spread(dy, x, axes), others);
}
