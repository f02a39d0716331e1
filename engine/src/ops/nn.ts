import { toTensor } from "../core/convert.js";
import { isFloat } from "../core/dtype.js";
import type { Tensor, TensorLike } from "../core/tensor.js";
import { registerGradient } from "../autodiff/registry.js";
import { mul } from "./arithmetic.js";
import { gt, where } from "./compare.js";
import { binaryOp, floatResult, unaryOp } from "./elementwise.js";
import { expit } from "./math.js";

// Neural-network element-wise functions that need their own kernel for accuracy.

/**
 * `log(1 + e^x)`, computed without overflow (`tf.nn.softplus`): `softplus(1000)` is 1000, and
 * its gradient, the sigmoid, is 1 there (the naive formula gives NaN).
 *
 * @example
 * ```ts
 * softplus([0, 1000]).toArray(); // [0.6931, 1000]
 * ```
 */
export function softplus(x: TensorLike): Tensor {
  return unaryOp("softplus", x, floatResult);
}

registerGradient("softplus", (dy, [x]) => [mul(dy, expit(x))]);

/**
 * `max(x, 0)` in one pass (`tf.nn.relu`): a NaN stays NaN; the gradient is `dy` where the
 * output is positive and 0 elsewhere (0 at x = 0, as TensorFlow's). Float inputs run the `relu`
 * kernel; integer ones keep their dtype through `where`.
 *
 * @example
 * ```ts
 * relu([-1, 0, 2]).toArray(); // [0, 0, 2]
 * ```
 */
export function relu(x: TensorLike): Tensor {
  const t = toTensor(x);
  if (!isFloat(t.dtype)) return where(gt(t, 0), t, 0);
  return unaryOp("relu", t);
}

/**
 * The gradient of `relu` from its output: `dy` where `y > 0`, else 0 (one pass; the op the
 * backward pass of `relu` runs).
 *
 * @example
 * ```ts
 * reluGrad([5, 5, 5], [0, 0, 2]).toArray(); // [0, 0, 5]
 * ```
 */
export function reluGrad(dy: TensorLike, y: TensorLike): Tensor {
  return binaryOp("reluGrad", dy, y);
}

registerGradient("relu", (dy, _inputs, _attrs, out) => [reluGrad(dy, out)]);
// Linear in dy; the mask y carries no gradient (it is constant almost everywhere).
registerGradient("reluGrad", (ddy, [, y]) => [reluGrad(ddy, y), null]);
