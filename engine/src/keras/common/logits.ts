import type { Tensor } from "../../core/tensor.js";

// Keras' softmax activation remembers its input on its output (`_keras_logits`), and the
// cross-entropy losses given such probabilities (with `fromLogits` false) compute from those
// logits instead: one stable log-sum-exp instead of clipping and taking the log of the
// probabilities, and a gradient that skips the softmax. Training through `fit` does this in
// Keras too (Keras 2 finds the Softmax op in the graph).

const logitsOf = new WeakMap<Tensor, Tensor>();

/** Records that `probs` is the softmax (along its last axis) of `logits`. */
export function markSoftmaxOutput(probs: Tensor, logits: Tensor): Tensor {
  logitsOf.set(probs, logits);
  return probs;
}

/** The logits `probs` is the last-axis softmax of, when a Keras softmax made it. */
export function softmaxLogits(probs: Tensor): Tensor | undefined {
  return logitsOf.get(probs);
}
