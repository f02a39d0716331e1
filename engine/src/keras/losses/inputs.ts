import { toDType, type DType } from "../../core/dtype.js";
import type { Tensor, TensorLike } from "../../core/tensor.js";
import * as tf from "../../tf/index.js";
import { tfTensor } from "../../tf/convert.js";

// How losses and metrics take their arguments, as Keras does: predictions become a float tensor
// (float32 for JavaScript arrays), targets are cast to the predictions' dtype.

/** Predictions as a float tensor. */
export function predictions(yPred: TensorLike): Tensor {
  const t = tfTensor(yPred);
  return t.dtype === "float32" || t.dtype === "float64" ? t : tf.cast(t, "float32");
}

/** Targets cast to `dtype` (the predictions'). */
export function targets(yTrue: TensorLike, dtype: DType | string): Tensor {
  const t = tfTensor(yTrue);
  const d = toDType(dtype);
  return t.dtype === d ? t : tf.cast(t, d);
}

/** `[yTrue, yPred]` with the targets in the predictions' dtype. */
export function pair(yTrue: TensorLike, yPred: TensorLike): [Tensor, Tensor] {
  const p = predictions(yPred);
  return [targets(yTrue, p.dtype), p];
}

/**
 * Integer class labels for sparse losses and metrics: a trailing axis of 1 is dropped when the
 * labels have the predictions' rank (`[n, 1]` labels for `[n, classes]` predictions).
 */
export function sparseLabels(yTrue: TensorLike, yPred: Tensor): Tensor {
  let t = tfTensor(yTrue);
  if (t.ndim === yPred.ndim && t.shape[t.ndim - 1] === 1) t = tf.squeeze(t, -1);
  return t.dtype === "int32" ? t : tf.cast(t, "int32");
}
