import type { Tensor } from "../core/tensor.js";
import * as p from "../ops/products.js";
import { frozen, sameDType, tfTensor, type TfTensorLike } from "./convert.js";

/** Options of `tf.matmul`. */
export interface MatmulOptions {
  /** Use the transpose of `a` (its last two axes swapped). */
  transposeA?: boolean;
  /** Use the transpose of `b`. */
  transposeB?: boolean;
}

const swap = (t: Tensor): Tensor => {
  const perm = [...t.shape.keys()];
  [perm[t.ndim - 2], perm[t.ndim - 1]] = [perm[t.ndim - 1], perm[t.ndim - 2]];
  return t.transpose(perm);
};

/**
 * Matrix product, batched over leading axes (`tf.matmul`, `@`); both operands must have the
 * same dtype, as in TensorFlow.
 *
 * @example
 * ```ts
 * const t = tf.constant([[1, 2, 3], [4, 5, 6]]);
 * tf.matmul(t, t, { transposeB: true }); // [[14, 32], [32, 77]]
 * ```
 */
export function matmul(a: TfTensorLike, b: TfTensorLike, opts: MatmulOptions = {}): Tensor {
  let x = tfTensor(a);
  let y = tfTensor(b);
  sameDType("MatMul", x, y);
  if (x.ndim < 2 || y.ndim < 2) {
    throw new RangeError(`tf.matmul needs tensors of rank >= 2, got ranks ${x.ndim} and ${y.ndim}`);
  }
  if (opts.transposeA) x = swap(x);
  if (opts.transposeB) y = swap(y);
  return frozen(p.matmul(x, y));
}
