import { normalizeAxis } from "../core/shape.js";
import type { Tensor } from "../core/tensor.js";
import { flip } from "../ops/shape-ops.js";
import { argsort as npArgsort, sort as npSort } from "../ops/sorting.js";
import { frozen, tfTensor, type TfTensorLike } from "./convert.js";
import { InvalidArgumentError } from "./errors.js";

// Sorting with TensorFlow's names and options. Both are stable; `sort` is differentiable (its
// gradient scatters back through the sorting permutation).

/** Options of `tf.sort` and `tf.argsort`. */
export interface TfSortOptions {
  /** The axis to sort along (default -1, the last). */
  axis?: number;
  /** `"ASCENDING"` (default) or `"DESCENDING"`. */
  direction?: "ASCENDING" | "DESCENDING";
}

function checkDirection(direction: string | undefined): boolean {
  if (direction === undefined || direction === "ASCENDING") return false;
  if (direction === "DESCENDING") return true;
  throw new InvalidArgumentError(`direction must be "ASCENDING" or "DESCENDING" (got "${direction}")`);
}

/**
 * The values of a tensor sorted along an axis (`tf.sort`).
 *
 * @example
 * ```ts
 * tf.sort([3, 1, 2]).toArray();                             // [1, 2, 3]
 * tf.sort([3, 1, 2], { direction: "DESCENDING" }).toArray(); // [3, 2, 1]
 * ```
 */
export function sort(values: TfTensorLike, options: TfSortOptions = {}): Tensor {
  const t = tfTensor(values);
  const axis = normalizeAxis(options.axis ?? -1, t.ndim);
  const sorted = npSort(t, axis);
  return frozen(checkDirection(options.direction) ? flip(sorted, axis) : sorted);
}

/**
 * The int32 indices that sort a tensor along an axis (`tf.argsort`); equal values keep their
 * order in both directions, as TensorFlow's `stable=True`.
 *
 * @example
 * ```ts
 * tf.argsort([3, 1, 2]).toArray();                             // [1, 2, 0]
 * tf.argsort([1, 3, 3], { direction: "DESCENDING" }).toArray(); // [1, 2, 0]
 * ```
 */
export function argsort(values: TfTensorLike, options: TfSortOptions = {}): Tensor {
  const t = tfTensor(values);
  const axis = normalizeAxis(options.axis ?? -1, t.ndim);
  if (!checkDirection(options.direction)) return frozen(npArgsort(t, axis).astype("int32"));
  // Sorting the reversed tensor ascending and mapping back keeps equal values in their original
  // order once the result is reversed again.
  const n = t.shape[axis];
  const reversedOrder = npArgsort(flip(t, axis), axis);
  return frozen(flip(reversedOrder.mul(-1).add(n - 1), axis).astype("int32"));
}
