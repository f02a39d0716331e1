import { toTensor } from "../core/convert.js";
import { ValueError } from "../core/errors.js";
import { normalizeAxis } from "../core/shape.js";
import type { Tensor, TensorLike } from "../core/tensor.js";
import { sub } from "./arithmetic.js";
import { ne } from "./compare.js";
import { get } from "./indexing.js";
import { concatenate } from "./join.js";
import { alongAxis, broadcastTo } from "./shape-ops.js";

/** Options of `diff`. */
export interface DiffOptions {
  /** Values put before `a` along the axis before differencing (a scalar is repeated). */
  prepend?: TensorLike;
  /** Values put after `a` along the axis before differencing. */
  append?: TensorLike;
}

// A scalar `prepend`/`append` becomes one slice of `a`'s shape along the axis, as in NumPy.
function edgeSlice(v: TensorLike, a: Tensor, axis: number): Tensor {
  const t = toTensor(v);
  if (t.ndim > 0) return t;
  const shape = [...a.shape];
  shape[axis] = 1;
  return broadcastTo(t, shape);
}

/**
 * The `n`-th discrete difference along an axis, `a[i+1] - a[i]` (`np.diff`); booleans give
 * `a[i+1] != a[i]`.
 *
 * @example
 * ```ts
 * np.diff([1, 2, 4, 7]).toArray();    // [1, 2, 3]
 * np.diff([1, 2, 4, 7], 2).toArray(); // [1, 1]
 * ```
 */
export function diff(a: TensorLike, n = 1, axis = -1, opts: DiffOptions = {}): Tensor {
  let t = toTensor(a);
  if (n === 0) return t;
  if (!Number.isInteger(n) || n < 0) throw new ValueError(`order must be non-negative but got ${n}`);
  if (t.ndim === 0) throw new ValueError("diff requires input that is at least one dimensional");
  const ax = normalizeAxis(axis, t.ndim);
  if (opts.prepend !== undefined || opts.append !== undefined) {
    const parts = [t];
    if (opts.prepend !== undefined) parts.unshift(edgeSlice(opts.prepend, t, ax));
    if (opts.append !== undefined) parts.push(edgeSlice(opts.append, t, ax));
    t = concatenate(parts, ax);
  }
  const pre = alongAxis(ax);
  for (let k = 0; k < n; k++) {
    const next = get(t, ...pre, "1:");
    const prev = get(t, ...pre, ":-1");
    t = t.dtype === "bool" ? ne(next, prev) : sub(next, prev);
  }
  return t;
}
