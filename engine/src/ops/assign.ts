import { broadcastView } from "../core/broadcast.js";
import { toTensor } from "../core/convert.js";
import { ValueError } from "../core/errors.js";
import { runKernel } from "../core/registry.js";
import { formatShape } from "../core/shape.js";
import type { Tensor, TensorLike } from "../core/tensor.js";
import type { IndexItem } from "./index-parse.js";
import { planIndex, type AdvancedAttrs } from "./indexing.js";
import { installMethods } from "./methods.js";

// `set`: NumPy's `a[...] = value`, in place. The value broadcasts to what the index selects
// and is converted to the tensor's dtype (NumPy's unsafe cast on assignment).

/** The error NumPy users know, for tensors made immutable (by `tf`). */
export function checkMutable(t: Tensor): void {
  if (!t.mutable) {
    throw new TypeError("'Tensor' object does not support item assignment; use tf.Variable");
  }
}

/** Records an in-place write so autodiff can tell a recorded tensor was changed afterwards. */
export function markWritten(t: Tensor): void {
  t.storage.version++;
}

/** `value` as a view of `shape`, by NumPy's assignment broadcasting (extra leading 1s drop). */
export function fitValue(value: TensorLike, shape: readonly number[], into: Tensor): Tensor {
  let v = toTensor(value);
  // A value sharing storage with the target is read before it is overwritten.
  if (v.storage === into.storage) v = v.copy();
  while (v.ndim > shape.length && v.shape[0] === 1) v = v.reshape(v.shape.slice(1));
  try {
    return broadcastView(v, shape);
  } catch {
    throw new ValueError(
      `could not broadcast input array from shape ${formatShape(v.shape)} into shape ${formatShape(shape)}`,
    );
  }
}

/**
 * NumPy's `a[index] = value`: writes `value` (a number, nested array or tensor, broadcast to
 * the selection) in place and returns the tensor. `index` is one item or a list of items, as
 * between NumPy's brackets: `a.set([1, 2], 7)` is `a[1, 2] = 7`, `a.set([[1, 2]], 7)` is
 * `a[[1, 2]] = 7`. Writing through a view writes the tensor it views.
 *
 * @example
 * ```ts
 * a.set([a.lt(0)], 0);              // a[a < 0] = 0
 * Y.set([np.arange(m), y], 1);      // Y[np.arange(m), y] = 1
 * const inner = img.get(":", "1:-1");
 * inner.set("...", inner.mul(0.3)); // img[:, 1:-1] *= 0.3
 * ```
 */
export function set(t: Tensor, index: IndexItem | readonly IndexItem[], value: TensorLike): Tensor {
  checkMutable(t);
  const items = Array.isArray(index) ? (index as readonly IndexItem[]) : [index as IndexItem];
  const plan = planIndex(t, items);
  if (plan.kind === "basic") {
    runKernel("assign", [plan.view, fitValue(value, plan.view.shape, t)], {});
  } else {
    const v = fitValue(value, plan.shape, t);
    runKernel<AdvancedAttrs>("scatter", [plan.view, v, ...plan.indices], plan.attrs);
  }
  markWritten(t);
  return t;
}

installMethods({ set });

declare module "../core/tensor.js" {
  interface Tensor {
    /**
     * NumPy's `a[index] = value`, in place; returns this tensor. `a.set([1, 2], 7)` is
     * `a[1, 2] = 7`; `a.set([a.lt(0)], 0)` is `a[a < 0] = 0`.
     */
    set(index: IndexItem | readonly IndexItem[], value: TensorLike): Tensor;
  }
}
