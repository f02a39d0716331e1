import { runKernel } from "../core/registry.js";
import type { Tensor } from "../core/tensor.js";
import { registerGradient } from "../autodiff/registry.js";
import { mul, sub } from "./arithmetic.js";
import { exp } from "./math.js";
import { sum } from "./reduce.js";

// Softmax and log-softmax along the last axis as one kernel each (one pass per row on every
// backend instead of five ops); `tf.nn.softmax` uses them for the last axis.

/** Attributes of the softmax kernel. */
export interface SoftmaxAttrs {
  /** Log-softmax instead of softmax. */
  readonly log: boolean;
}

/**
 * `exp(x - max) / sum(exp(x - max))` along the last axis of a float tensor (`log`:
 * `x - max - log(sum(exp(x - max)))`).
 *
 * @example
 * ```ts
 * softmaxLastAxis(logits); // rows sum to 1
 * ```
 */
export function softmaxLastAxis(x: Tensor, opts: { log?: boolean } = {}): Tensor {
  if ((x.dtype !== "float32" && x.dtype !== "float64") || x.ndim === 0) {
    throw new TypeError(
      `softmax takes a float tensor with at least one axis, got ${x.dtype} of rank ${x.ndim}`,
    );
  }
  return runKernel<SoftmaxAttrs>("softmax", [x], { log: opts.log ?? false });
}

// softmax: dx = y (dy - Σ dy·y); log-softmax: dx = dy - e^y Σ dy.
registerGradient<SoftmaxAttrs>("softmax", (dy, _inputs, { log }, y) => {
  const keep = { axis: -1, keepdims: true };
  return [log ? sub(dy, mul(exp(y), sum(dy, keep))) : mul(y, sub(dy, sum(mul(dy, y), keep)))];
});
