import { normalizeAxis } from "../core/shape.js";
import type { Tensor } from "../core/tensor.js";
import { get } from "../ops/indexing.js";
import { concatenate, stack as npStack } from "../ops/join.js";
import { alongAxis } from "../ops/shape-ops.js";
import { frozen, sameDType, tfTensor, type TfTensorLike } from "./convert.js";

// Joining and gathering with TensorFlow's names; all differentiable (concatenation is recorded
// as one op, gathers through advanced indexing).

function sameDTypes(op: string, ts: readonly Tensor[]): void {
  for (let i = 1; i < ts.length; i++) sameDType(op, ts[0], ts[i]);
}

/**
 * Joins tensors along an existing axis (`tf.concat`).
 *
 * @example
 * ```ts
 * tf.concat([a, b], 0);
 * ```
 */
export function concat(values: readonly TfTensorLike[], axis: number): Tensor {
  const ts = values.map((v) => tfTensor(v));
  sameDTypes("ConcatV2", ts);
  return frozen(concatenate(ts, axis));
}

/**
 * Joins same-shaped tensors along a new axis (`tf.stack`).
 *
 * @example
 * ```ts
 * tf.stack([x, y], 1);
 * ```
 */
export function stack(values: readonly TfTensorLike[], axis = 0): Tensor {
  const ts = values.map((v) => tfTensor(v));
  sameDTypes("Pack", ts);
  return frozen(npStack(ts, axis));
}

/**
 * Splits a tensor into the slices along `axis` (`tf.unstack`).
 *
 * @example
 * ```ts
 * const [first, second] = tf.unstack(pairs, 1);
 * ```
 */
export function unstack(value: TfTensorLike, axis = 0): Tensor[] {
  const t = tfTensor(value);
  const ax = normalizeAxis(axis, t.ndim);
  return Array.from({ length: t.shape[ax] }, (_, i) => frozen(get(t, ...alongAxis(ax), i), [t]));
}

/**
 * The slices of `params` along `axis` at `indices` (`tf.gather`): the result has shape
 * `params.shape[:axis] + indices.shape + params.shape[axis+1:]`.
 *
 * @example
 * ```ts
 * tf.gather(embeddings, [3, 1, 3]); // rows 3, 1 and 3
 * ```
 */
export function gather(params: TfTensorLike, indices: TfTensorLike, axis = 0): Tensor {
  const t = tfTensor(params);
  const idx = tfTensor(indices, "int32");
  return frozen(get(t, ...alongAxis(normalizeAxis(axis, t.ndim)), idx), [t]);
}

/**
 * Gathers by index tuples (`tf.gather_nd`): each row of the last axis of `indices` (length k)
 * indexes the first k axes of `params`.
 *
 * @example
 * ```ts
 * tf.gatherNd([[1, 2], [3, 4]], [[0, 1], [1, 0]]); // [2, 3]
 * ```
 */
export function gatherNd(params: TfTensorLike, indices: TfTensorLike): Tensor {
  const t = tfTensor(params);
  const idx = tfTensor(indices, "int32");
  const k = idx.shape[idx.ndim - 1];
  const columns = Array.from({ length: k }, (_, j) => get(idx, "...", j));
  return frozen(get(t, ...columns), [t]);
}
