import { readHost } from "../../core/host.js";
import { Tensor, type TensorLike } from "../../core/tensor.js";
import * as tf from "../../tf/index.js";
import { tfTensor } from "../../tf/convert.js";
import { pair, predictions, sparseLabels } from "../losses/inputs.js";

// Keras' accuracy functions: one value per sample (1 for a hit, 0 for a miss), which the metric
// classes average over batches.

/**
 * Element-wise exact equality of targets and predictions (`keras.metrics.accuracy`).
 *
 * @example
 * ```ts
 * keras.metrics.accuracy([1, 2, 3], [1, 2, 4]); // [1, 1, 0]
 * ```
 */
export function accuracy(yTrue: TensorLike, yPred: TensorLike): Tensor {
  const [t, p] = pair(yTrue, yPred);
  return tf.cast(tf.equal(t, p), "float32");
}

/** Options of `binaryAccuracy`. */
export interface BinaryAccuracyOptions {
  /** Predictions above it count as 1 (default 0.5). */
  threshold?: number;
}

/**
 * The fraction, over the last axis, of predictions on the right side of `threshold`
 * (`keras.metrics.binary_accuracy`).
 *
 * @example
 * ```ts
 * keras.metrics.binaryAccuracy([[1], [0]], [[0.7], [0.6]]); // [1, 0]
 * ```
 */
export function binaryAccuracy(
  yTrue: TensorLike,
  yPred: TensorLike,
  opts: BinaryAccuracyOptions = {},
): Tensor {
  const [t, p] = pair(yTrue, yPred);
  const hard = tf.cast(tf.greater(p, opts.threshold ?? 0.5), p.dtype);
  return tf.reduceMean(tf.cast(tf.equal(t, hard), "float32"), -1);
}

/**
 * Whether the arg-max of the prediction is the arg-max of the one-hot target
 * (`keras.metrics.categorical_accuracy`).
 *
 * @example
 * ```ts
 * keras.metrics.categoricalAccuracy([[0, 0, 1], [0, 1, 0]], [[0.1, 0.9, 0.8], [0.05, 0.95, 0]]); // [0, 1]
 * ```
 */
export function categoricalAccuracy(yTrue: TensorLike, yPred: TensorLike): Tensor {
  const [t, p] = pair(yTrue, yPred);
  return tf.cast(tf.equal(tf.argmax(t, -1), tf.argmax(p, -1)), "float32");
}

/**
 * Whether the arg-max of the prediction is the integer target
 * (`keras.metrics.sparse_categorical_accuracy`); targets `[n]` or `[n, 1]`.
 *
 * @example
 * ```ts
 * keras.metrics.sparseCategoricalAccuracy([2, 1], [[0.1, 0.9, 0.8], [0.05, 0.95, 0]]); // [0, 1]
 * ```
 */
export function sparseCategoricalAccuracy(yTrue: TensorLike, yPred: TensorLike): Tensor {
  const p = predictions(yPred);
  const t = sparseLabels(yTrue, p);
  return hostHits(t, p) ?? tf.cast(tf.equal(t, tf.argmax(p, -1)), "float32");
}

// The hits of labels `t` (one per row of `p`, same leading shape) against the rows' arg-max,
// computed in one pass over host arrays (the metric of every training step); undefined when
// the tensors are elsewhere or shaped otherwise. The arg-max is the `argmax` kernel's: the
// first maximum, or the first NaN.
function hostHits(t: Tensor, p: Tensor): Tensor | undefined {
  if (p.ndim < 1 || t.ndim !== p.ndim - 1 || p.storage.device !== "cpu" || t.storage.device !== "cpu")
    return undefined;
  for (let i = 0; i < t.ndim; i++) if (t.shape[i] !== p.shape[i]) return undefined;
  const classes = p.shape[p.ndim - 1];
  if (classes === 0) return undefined;
  const pv = readHost(p);
  const tv = readHost(t);
  const out = new Float32Array(tv.length);
  for (let r = 0, base = 0; r < tv.length; r++, base += classes) {
    let best = -Infinity;
    let at = 0;
    for (let k = 0; k < classes; k++) {
      const x = pv[base + k];
      if (!(x <= best)) {
        best = x;
        at = k;
        if (x !== x) break;
      }
    }
    out[r] = tv[r] === at ? 1 : 0;
  }
  return Tensor.fromTypedArray(out, t.shape, "float32");
}

/** Options of the top-k accuracies. */
export interface TopKOptions {
  /** How many of the highest predictions may hold the target (default 5). */
  k?: number;
}

// TensorFlow's in_top_k: the target is in the top k when fewer than k classes score strictly
// higher (ties at the boundary count as hits); a non-finite score is a miss.
function inTopK(labels: Tensor, p: Tensor, k: number): Tensor {
  const classes = p.shape[p.ndim - 1];
  const pv = readHost(p);
  const lv = readHost(labels);
  const out = new Float32Array(lv.length);
  for (let r = 0; r < lv.length; r++) {
    const base = r * classes;
    const target = pv[base + lv[r]];
    if (!Number.isFinite(target) || lv[r] < 0 || lv[r] >= classes) continue;
    let above = 0;
    for (let j = 0; j < classes; j++) if (pv[base + j] > target) above++;
    out[r] = above < k ? 1 : 0;
  }
  return tf.constant(out, { dtype: "float32" }).reshape([...labels.shape]);
}

/**
 * Whether the one-hot target's class is among the `k` highest predictions
 * (`keras.metrics.top_k_categorical_accuracy`, k = 5).
 *
 * @example
 * ```ts
 * keras.metrics.topKCategoricalAccuracy([[0, 0, 1], [0, 1, 0]], [[0.1, 0.9, 0.8], [0.05, 0.95, 0]], { k: 1 });
 * ```
 */
export function topKCategoricalAccuracy(
  yTrue: TensorLike,
  yPred: TensorLike,
  opts: TopKOptions = {},
): Tensor {
  const [t, p] = pair(yTrue, yPred);
  return inTopK(tf.argmax(t, -1), p, opts.k ?? 5);
}

/**
 * Whether the integer target is among the `k` highest predictions
 * (`keras.metrics.sparse_top_k_categorical_accuracy`, k = 5).
 *
 * @example
 * ```ts
 * keras.metrics.sparseTopKCategoricalAccuracy([2, 1], [[0.1, 0.9, 0.8], [0.05, 0.95, 0]], { k: 2 }); // [1, 1]
 * ```
 */
export function sparseTopKCategoricalAccuracy(
  yTrue: TensorLike,
  yPred: TensorLike,
  opts: TopKOptions = {},
): Tensor {
  const p = predictions(yPred);
  return inTopK(sparseLabels(tfTensor(yTrue), p), p, opts.k ?? 5);
}
