import type { Tensor, TensorLike } from "../../core/tensor.js";
import * as tf from "../../tf/index.js";
import { targets } from "./inputs.js";

/**
 * How a `Loss` turns per-sample losses into what it returns: `"sum_over_batch_size"` (Keras'
 * default; `"auto"` means the same) divides the weighted sum by the number of loss values,
 * `"sum"` returns the weighted sum, `"none"` the weighted per-sample losses.
 */
export type Reduction = "sum_over_batch_size" | "sum" | "none" | "auto";

const REDUCTIONS: readonly Reduction[] = ["sum_over_batch_size", "sum", "none", "auto"];

/** Checks a reduction name, naming the valid ones. */
export function checkReduction(r: string): Reduction {
  if (!(REDUCTIONS as readonly string[]).includes(r)) {
    throw new TypeError(`Invalid reduction '${r}'; expected one of ${REDUCTIONS.join(", ")}`);
  }
  return r as Reduction;
}

/**
 * Sample weights brought to the rank of `values` as Keras does: a trailing axis of 1 is
 * dropped, missing trailing axes are added, so `[n]` weights scale `[n]` or `[n, t]` values.
 */
export function alignWeights(sampleWeight: TensorLike, values: Tensor): Tensor {
  let w = targets(sampleWeight, values.dtype);
  while (w.ndim > values.ndim && w.shape[w.ndim - 1] === 1) w = tf.squeeze(w, -1);
  while (w.ndim < values.ndim) w = tf.expandDims(w, -1);
  return w;
}

/**
 * Weights and reduces per-sample losses (Keras' `compute_weighted_loss`).
 *
 * @example
 * ```ts
 * computeWeightedLoss(keras.losses.mse(y, yHat), [1, 0.5], "sum_over_batch_size");
 * ```
 */
export function computeWeightedLoss(
  losses: Tensor,
  sampleWeight: TensorLike | null | undefined,
  reduction: Reduction,
): Tensor {
  const weighted = sampleWeight == null ? losses : tf.mul(losses, alignWeights(sampleWeight, losses));
  if (reduction === "none") return weighted;
  const sum = tf.reduceSum(weighted);
  if (reduction === "sum") return sum;
  return weighted.size === 0 ? sum : tf.div(sum, weighted.size);
}
