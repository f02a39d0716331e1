import { toTensor } from "../core/convert.js";
import { Tensor, type TensorLike } from "../core/tensor.js";

/**
 * The same values, seen by tapes as a constant (`tf.stop_gradient`): no gradient flows through
 * it. It is a new tensor over the same storage, made without telling any tape.
 *
 * @example
 * ```ts
 * const z = tape.record(() => tf.add(tf.mul(3, tf.square(w1)), tf.stopGradient(tf.mul(2, tf.mul(w1, w2)))));
 * tape.gradient(z, [w1, w2]); // [30, null]
 * ```
 */
export function stopGradient(x: TensorLike): Tensor {
  const t = toTensor(x);
  return new Tensor(t.storage, t.shape, t.strides, t.offset, false);
}
