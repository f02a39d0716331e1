import { toTensor } from "../core/convert.js";
import { isFloat } from "../core/dtype.js";
import { ValueError } from "../core/errors.js";
import { runKernel } from "../core/registry.js";
import type { Tensor, TensorLike } from "../core/tensor.js";
import { registerGradient } from "../autodiff/registry.js";
import { mul, sub } from "./arithmetic.js";
import { onesLike } from "./creation.js";
import { exp } from "./math.js";
import { sum } from "./reduce.js";

// Softmax along the last axis and the sparse softmax cross-entropy as single ops: one kernel
// call each way instead of the max/sub/exp/sum/div chain (and its backward pass) that the
// composite formulas record. Both are exact in the same sense as the composites: the maximum is
// subtracted first, sums accumulate in double precision.

/** Attributes of the `softmax` op. */
export interface SoftmaxAttrs {
  /** log-softmax instead of softmax. */
  readonly log: boolean;
}

function floatInput(x: TensorLike, what: string): Tensor {
  const t = toTensor(x);
  if (!isFloat(t.dtype) || t.ndim === 0) {
    throw new ValueError(
      `${what} takes a float tensor with at least one axis, got ${t.dtype} of shape [${t.shape.join(", ")}]`,
    );
  }
  return t;
}

/**
 * `exp(x) / sum(exp(x))` along the last axis (or its log with `{ log: true }`), as one op.
 *
 * @example
 * ```ts
 * softmaxLast([[1, 2, 3]]).toArray(); // [[0.090, 0.245, 0.665]]
 * ```
 */
export function softmaxLast(x: TensorLike, opts: { log?: boolean } = {}): Tensor {
  const t = floatInput(x, "softmax");
  return runKernel<SoftmaxAttrs>("softmax", [t], { log: opts.log ?? false });
}

// softmax: dx = y (dy - Σ dy·y); log-softmax: dx = dy - softmax(x) Σ dy.
registerGradient<SoftmaxAttrs>("softmax", (dy, _inputs, { log }, y) => {
  if (log) return [sub(dy, mul(exp(y), sum(dy, { axis: -1, keepdims: true })))];
  return [mul(y, sub(dy, sum(mul(dy, y), { axis: -1, keepdims: true })))];
});

/**
 * Cross-entropy of integer `labels` (shape `[...]`) under `logits` (shape `[..., classes]`):
 * `logsumexp(logits) - logits[label]`, one value per example, as one op whose gradient is
 * `dy · (softmax(logits) - onehot(label))`. A label outside `[0, classes)` picks no logit (its
 * loss is the log-sum-exp alone), as `oneHot` does.
 *
 * @example
 * ```ts
 * sparseSoftmaxCrossEntropy([[2, 1, 0]], [0]).toArray(); // [0.408]
 * ```
 */
export function sparseSoftmaxCrossEntropy(logits: TensorLike, labels: TensorLike): Tensor {
  const z = floatInput(logits, "sparseSoftmaxCrossEntropy");
  const t = toTensor(labels);
  const l = t.dtype === "int32" ? t : t.astype("int32");
  if (l.ndim !== z.ndim - 1 || l.shape.some((d, i) => d !== z.shape[i])) {
    throw new ValueError(
      `sparseSoftmaxCrossEntropy: labels of shape [${l.shape.join(", ")}] do not match logits of shape ` +
        `[${z.shape.join(", ")}]; expected labels of shape [${z.shape.slice(0, -1).join(", ")}]`,
    );
  }
  return runKernel("sparseSoftmaxXent", [z, l], {});
}

/**
 * The gradient of `sparseSoftmaxCrossEntropy` with respect to the logits:
 * `dy[..., None] · (softmax(logits) - onehot(labels))`, as one op.
 */
export function sparseSoftmaxCrossEntropyGrad(dy: Tensor, logits: Tensor, labels: Tensor): Tensor {
  return runKernel("sparseSoftmaxXentGrad", [dy, logits, labels], {});
}

registerGradient("sparseSoftmaxXent", (dy, [z, l]) => [sparseSoftmaxCrossEntropyGrad(dy, z, l), null]);

// Second order: the op is linear in dy, and dy·(p - onehot) changes with z through p.
registerGradient("sparseSoftmaxXentGrad", (g, [dy, z, l], _attrs, _out, needs) => {
  const p = needs[0] || needs[1] ? softmaxLast(z) : null;
  const ddy = needs[0] ? sum(mul(g, sparseSoftmaxCrossEntropyGrad(onesLike(dy), z, l)), { axis: -1 }) : null;
  const dz = needs[1]
    ? mul(dy.expandDims(-1), mul(p!, sub(g, sum(mul(g, p!), { axis: -1, keepdims: true }))))
    : null;
  return [ddy, dz, null];
});
