import { broadcastView } from "../core/broadcast.js";
import { toTensor } from "../core/convert.js";
import { ValueError } from "../core/errors.js";
import { checkShape, normalizeAxes, normalizeAxis } from "../core/shape.js";
import { Tensor, type NestedArray, type TensorLike } from "../core/tensor.js";
import { get } from "./indexing.js";
import { installMethods } from "./methods.js";

// Shaping: views that move, flip or repeat axes (`flip`, `moveaxis`, `swapaxes`,
// `broadcastTo`, `atleast*`), and the copies built from such views (`tile`, `repeat`, `roll`).

/** `":"` for each axis before `axis`: the prefix that makes `get` index along `axis`. */
export function alongAxis(axis: number): string[] {
  return new Array<string>(axis).fill(":");
}

/**
 * Reverses the order of elements along an axis, several, or all (`np.flip`); a view.
 *
 * @example
 * ```ts
 * np.flip(np.arange(3)).toArray(); // [2, 1, 0]
 * np.flip(img, 1);                 // mirror left-right
 * ```
 */
export function flip(m: TensorLike, axis?: number | readonly number[] | null): Tensor {
  const t = toTensor(m);
  const axes = normalizeAxes(axis ?? null, t.ndim);
  const strides = [...t.strides];
  let offset = t.offset;
  for (const ax of axes) {
    if (t.shape[ax] > 0) offset += (t.shape[ax] - 1) * t.strides[ax];
    strides[ax] = -strides[ax];
  }
  return t.view(t.shape, strides, offset);
}

/**
 * Moves axes to new positions, the others keeping their order (`np.moveaxis`); a view.
 *
 * @example
 * ```ts
 * np.moveaxis(np.zeros([3, 4, 5]), 0, -1).shape; // [4, 5, 3]
 * ```
 */
export function moveaxis(
  a: TensorLike,
  source: number | readonly number[],
  destination: number | readonly number[],
): Tensor {
  const t = toTensor(a);
  const src = typeof source === "number" ? [source] : [...source];
  const dst = typeof destination === "number" ? [destination] : [...destination];
  if (src.length !== dst.length) {
    throw new ValueError("`source` and `destination` arguments must have the same number of elements");
  }
  const s = src.map((x) => normalizeAxis(x, t.ndim));
  const d = dst.map((x) => normalizeAxis(x, t.ndim));
  if (new Set(s).size !== s.length || new Set(d).size !== d.length) {
    throw new ValueError("repeated axis in `source` or `destination` argument");
  }
  const order = [...t.shape.keys()].filter((ax) => !s.includes(ax));
  const pairs = d.map((to, i) => [to, s[i]] as const).sort((x, y) => x[0] - y[0]);
  for (const [to, from] of pairs) order.splice(to, 0, from);
  return t.transpose(order);
}

/** Exchanges two axes (`np.swapaxes`); a view. @example `np.swapaxes(x, 0, 1)` */
export function swapaxes(a: TensorLike, axis1: number, axis2: number): Tensor {
  const t = toTensor(a);
  const order = [...t.shape.keys()];
  const i = normalizeAxis(axis1, t.ndim);
  const j = normalizeAxis(axis2, t.ndim);
  [order[i], order[j]] = [order[j], order[i]];
  return t.transpose(order);
}

/**
 * A read-only view of `a` repeated to `shape` by broadcasting, without copying
 * (`np.broadcast_to`).
 *
 * @example
 * ```ts
 * np.broadcastTo([1, 2, 3], [2, 3]).toArray(); // [[1, 2, 3], [1, 2, 3]]
 * ```
 */
export function broadcastTo(a: TensorLike, shape: number | readonly number[]): Tensor {
  const v = broadcastView(toTensor(a), checkShape(shape));
  // Writing to a broadcast view would write one element many times: NumPy makes it read-only.
  return new Tensor(v.storage, v.shape, v.strides, v.offset, false);
}

/** `a` with at least one axis (`np.atleast_1d`). */
export function atleast1d(a: TensorLike): Tensor {
  const t = toTensor(a);
  return t.ndim >= 1 ? t : t.reshape([1]);
}

/** `a` with at least two axes: a 1-D array becomes one row (`np.atleast_2d`). @example `np.atleast2d([1, 2]).shape // [1, 2]` */
export function atleast2d(a: TensorLike): Tensor {
  const t = toTensor(a);
  if (t.ndim >= 2) return t;
  return t.reshape([1, t.size]);
}

/** `a` with at least three axes: (n,) becomes (1, n, 1), (m, n) becomes (m, n, 1) (`np.atleast_3d`). */
export function atleast3d(a: TensorLike): Tensor {
  const t = toTensor(a);
  if (t.ndim >= 3) return t;
  if (t.ndim === 2) return t.expandDims(2);
  return t.reshape([1, t.size, 1]);
}

/**
 * `A` repeated `reps` times along each axis (`np.tile`).
 *
 * @example
 * ```ts
 * np.tile([1, 2], 2).toArray();      // [1, 2, 1, 2]
 * np.tile([1, 2], [2, 1]).toArray(); // [[1, 2], [1, 2]]
 * ```
 */
export function tile(A: TensorLike, reps: number | readonly number[]): Tensor {
  let t = toTensor(A);
  let r = typeof reps === "number" ? [reps] : [...reps];
  checkShape(r, "reps");
  if (t.ndim < r.length) t = t.reshape([...new Array<number>(r.length - t.ndim).fill(1), ...t.shape]);
  if (r.length < t.ndim) r = [...new Array<number>(t.ndim - r.length).fill(1), ...r];
  // Each axis becomes (repeat, length) with a stride-0 repeat axis; one copy lays it out.
  const shape = t.shape.flatMap((d, i) => [r[i], d]);
  const strides = t.strides.flatMap((s) => [0, s]);
  return t
    .view(shape, strides)
    .copy()
    .reshape(t.shape.map((d, i) => d * r[i]));
}

/**
 * Repeats each element (`np.repeat`): `repeats` is one count for all, or one per element along
 * `axis`; without `axis` the array is flattened first.
 *
 * @example
 * ```ts
 * np.repeat([1, 2], 2).toArray();                     // [1, 1, 2, 2]
 * np.repeat([[1, 2], [3, 4]], [1, 2], 0).toArray();   // [[1, 2], [3, 4], [3, 4]]
 * ```
 */
export function repeat(
  a: TensorLike,
  repeats: number | readonly number[] | Tensor,
  axis?: number | null,
): Tensor {
  let t = toTensor(a);
  if (axis === undefined || axis === null) t = t.ravel();
  const ax = axis === undefined || axis === null ? 0 : normalizeAxis(axis, t.ndim);
  const n = t.shape[ax];
  const raw = repeats instanceof Tensor ? repeats.toArray() : repeats;
  const counts = (
    typeof raw === "number" || typeof raw === "boolean" ? [Number(raw)] : (raw as NestedArray[])
  ).map(Number);
  if (counts.some((c) => !Number.isInteger(c))) throw new TypeError("repeats must be integers");
  if (counts.some((c) => c < 0)) throw new ValueError("negative dimensions are not allowed");
  if (counts.length === 1) {
    // One count: a stride-0 axis after `ax`, laid out by one copy.
    const shape = [...t.shape.slice(0, ax + 1), counts[0], ...t.shape.slice(ax + 1)];
    const strides = [...t.strides.slice(0, ax + 1), 0, ...t.strides.slice(ax + 1)];
    const outShape = [...t.shape];
    outShape[ax] = n * counts[0];
    return t.view(shape, strides).copy().reshape(outShape);
  }
  if (counts.length !== n) {
    throw new ValueError(`operands could not be broadcast together with shape (${n},) (${counts.length},)`);
  }
  const index = new Int32Array(counts.reduce((s, c) => s + c, 0));
  let k = 0;
  counts.forEach((c, i) => index.fill(i, k, (k += c)));
  return get(t, ...alongAxis(ax), index);
}

/**
 * Shifts elements along an axis, those pushed off the end coming back at the start
 * (`np.roll`); without `axis` the array is rolled flat and keeps its shape.
 *
 * @example
 * ```ts
 * np.roll(np.arange(5), 2).toArray(); // [3, 4, 0, 1, 2]
 * ```
 */
export function roll(
  a: TensorLike,
  shift: number | readonly number[],
  axis?: number | readonly number[] | null,
): Tensor {
  const t = toTensor(a);
  if (axis === undefined || axis === null) {
    const total = typeof shift === "number" ? shift : shift.reduce((x, y) => x + y, 0);
    return roll(t.ravel(), total, 0).reshape(t.shape);
  }
  const axes = typeof axis === "number" ? [axis] : [...axis];
  const shifts = typeof shift === "number" ? axes.map(() => shift) : [...shift];
  if (shifts.length !== axes.length) {
    throw new ValueError("'shift' and 'axis' should be scalars or 1D sequences of the same length");
  }
  // Shifts on one axis add up; then each axis is one gather through a rotated index.
  const total = new Map<number, number>();
  axes.forEach((ax, i) => {
    const k = normalizeAxis(ax, t.ndim);
    total.set(k, (total.get(k) ?? 0) + shifts[i]);
  });
  let out = t;
  for (const [ax, s] of total) {
    const n = t.shape[ax];
    if (n === 0) continue;
    const k = ((s % n) + n) % n;
    const index = new Int32Array(n);
    for (let i = 0; i < n; i++) index[i] = (i - k + n) % n;
    out = get(out, ...alongAxis(ax), index);
  }
  return out === t ? t.copy() : out;
}

installMethods({ swapaxes, repeat, flip });

declare module "../core/tensor.js" {
  interface Tensor {
    /** Exchanges two axes; a view. */
    swapaxes(axis1: number, axis2: number): Tensor;
    /** Repeats each element (see `np.repeat`). */
    repeat(repeats: number | readonly number[] | Tensor, axis?: number | null): Tensor;
    /** Reverses along axes (see `np.flip`); a view. */
    flip(axis?: number | readonly number[] | null): Tensor;
  }
}
