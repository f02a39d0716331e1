import type { Tensor, TensorLike } from "../core/tensor.js";
import { registerGradient } from "../autodiff/registry.js";
import { mul } from "./arithmetic.js";
import { floatResult, unaryOp } from "./elementwise.js";
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
