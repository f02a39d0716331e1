import { toTensor } from "../core/convert.js";
import { isInteger } from "../core/dtype.js";
import { IndexError, ValueError } from "../core/errors.js";
import { runKernel } from "../core/registry.js";
import { checkShape, normalizeAxis, sizeOf } from "../core/shape.js";
import type { Tensor, TensorLike } from "../core/tensor.js";
import { floorDiv, mod } from "./arithmetic.js";
import { checkMutable, set } from "./assign.js";
import { nonzeroIndices } from "./compare.js";
import { arange, zeros } from "./creation.js";
import { get } from "./indexing.js";
import { clip } from "./math.js";
import { installMethods } from "./methods.js";
import { any } from "./reduce.js";
import { alongAxis } from "./shape-ops.js";

// NumPy's indexing routines, written with `get`/`set` and element-wise ops: take/put and their
// along-axis forms, the nonzero family, unravelIndex, fillDiagonal.

/** How out-of-range indices are handled by `take` and `put`. */
export type IndexMode = "raise" | "wrap" | "clip";

/** Options of `take` and `put`. */
export interface TakeOptions {
  /** `"raise"` (default) fails on an out-of-range index, `"wrap"` wraps it, `"clip"` clamps it. */
  mode?: IndexMode;
}

function intIndex(indices: TensorLike): Tensor {
  const t = toTensor(indices);
  if (t.size === 0 && !isInteger(t.dtype)) return t.astype("int32");
  if (!isInteger(t.dtype)) {
    throw new TypeError(
      `Cannot cast array data from dtype('${t.dtype}') to dtype('int64') according to the rule 'safe'`,
    );
  }
  return t;
}

function applyMode(idx: Tensor, n: number, mode: IndexMode = "raise"): Tensor {
  if (mode === "wrap") return n === 0 ? idx : mod(idx, n);
  if (mode === "clip") return clip(idx, 0, Math.max(0, n - 1));
  if (mode !== "raise")
    throw new ValueError(`clipmode must be one of 'clip', 'raise', or 'wrap' (got '${String(mode)}')`);
  return idx;
}

/**
 * Elements at the given indices along an axis, or of the flattened array without `axis`
 * (`np.take`); always a copy.
 *
 * @example
 * ```ts
 * np.take([4, 3, 5, 7], [0, 1, 4 - 1]).toArray(); // [4, 3, 7]
 * np.take(X, [0, 2], 1);                          // columns 0 and 2
 * ```
 */
export function take(
  a: TensorLike,
  indices: TensorLike,
  axis?: number | null,
  opts: TakeOptions = {},
): Tensor {
  let t = toTensor(a);
  if (axis === undefined || axis === null) t = t.ravel();
  const ax = axis === undefined || axis === null ? 0 : normalizeAxis(axis, t.ndim);
  const idx = applyMode(intIndex(indices), t.shape[ax], opts.mode);
  const out = get(t, ...alongAxis(ax), idx);
  // A 0-d index is read as an integer, which makes a view: take always copies.
  return idx.ndim === 0 ? out.copy() : out;
}

/** Index arrays that pair `indices` along `axis` with every position of the other axes. */
function alongAxisIndex(arr: Tensor, indices: Tensor, axis: number): Tensor[] {
  if (indices.ndim !== arr.ndim) {
    throw new ValueError("`indices` and `arr` must have the same number of dimensions");
  }
  return arr.shape.map((n, d) => {
    if (d === axis) return indices;
    const shape = arr.shape.map(() => 1);
    shape[d] = n;
    return arange(n).reshape(shape);
  });
}

/**
 * Picks one element per position along `axis` by an index array of the same rank, as returned
 * by `argsort` (`np.take_along_axis`).
 *
 * @example
 * ```ts
 * const order = np.argsort(a, 1);
 * np.takeAlongAxis(a, order, 1); // each row sorted
 * ```
 */
export function takeAlongAxis(arr: TensorLike, indices: TensorLike, axis: number | null): Tensor {
  let t = toTensor(arr);
  let idx = intIndex(indices);
  if (axis === null) {
    t = t.ravel();
    idx = idx.ravel();
  }
  const ax = axis === null ? 0 : normalizeAxis(axis, t.ndim);
  return get(t, ...alongAxisIndex(t, idx, ax));
}

/**
 * Writes `values` at positions picked like `takeAlongAxis`, in place (`np.put_along_axis`).
 *
 * @example
 * ```ts
 * np.putAlongAxis(a, a.argmax(1, { keepdims: true }), 0, 1); // zero each row's largest
 * ```
 */
export function putAlongAxis(
  arr: Tensor,
  indices: TensorLike,
  values: TensorLike,
  axis: number | null,
): void {
  checkMutable(arr);
  if (axis === null) {
    put(arr, intIndex(indices).ravel(), values);
    return;
  }
  const ax = normalizeAxis(axis, arr.ndim);
  set(arr, alongAxisIndex(arr, intIndex(indices), ax), values);
}

/** `v`'s elements repeated cyclically (or cut) to `n` of them, as NumPy's `put` and `flat` do. */
function cyclic(v: TensorLike, n: number): Tensor {
  const t = toTensor(v).ravel();
  if (t.size === n) return t;
  if (t.size === 0) throw new ValueError("cannot repeat an empty array of values");
  return get(t, mod(arange(n), t.size));
}

/** Multi-axis index arrays for flat (row-major) indices into `shape`. */
function flatToIndex(flat: Tensor, shape: readonly number[]): Tensor[] {
  const out: Tensor[] = new Array<Tensor>(shape.length);
  let rest = flat;
  for (let d = shape.length - 1; d >= 0; d--) {
    out[d] = mod(rest, shape[d]);
    rest = floorDiv(rest, shape[d]);
  }
  return out;
}

/**
 * Writes `v` at flat (row-major) positions `ind` of `a`, in place; `v` repeats as needed
 * (`np.put`).
 *
 * @example
 * ```ts
 * const a = np.arange(5);
 * np.put(a, [0, 2], [-44, -55]); // a is [-44, 1, -55, 3, 4]
 * ```
 */
export function put(a: Tensor, ind: TensorLike, v: TensorLike, opts: TakeOptions = {}): void {
  checkMutable(a);
  const flat = applyMode(intIndex(ind), a.size, opts.mode).ravel();
  const values = cyclic(v, flat.size);
  if (a.isContiguous) {
    // A contiguous array's flat view is a view: the write lands in `a`.
    set(a.reshape([a.size]), [flat], values);
    return;
  }
  if (flat.size > 0) {
    const bad = any(flat.lt(-a.size).logicalOr(flat.ge(a.size))).item();
    if (bad) throw new IndexError(`index out of bounds for axis 0 with size ${a.size}`);
  }
  set(a, flatToIndex(mod(flat, Math.max(a.size, 1)), a.shape), values);
}

/**
 * Indices of the non-zero (true) elements, one int32 array per axis (`np.nonzero`).
 *
 * @example
 * ```ts
 * const [rows, cols] = np.nonzero(np.eye(2)); // [0, 1] and [0, 1]
 * ```
 */
export function nonzero(a: TensorLike): Tensor[] {
  return nonzeroIndices(a);
}

/**
 * Indices of the non-zero elements as rows of a (count, ndim) array (`np.argwhere`).
 *
 * @example
 * ```ts
 * np.argwhere([[0, 1], [1, 0]]).toArray(); // [[0, 1], [1, 0]]
 * ```
 */
export function argwhere(a: TensorLike): Tensor {
  const t = toTensor(a);
  if (t.ndim === 0) return zeros([nonzeroIndices(t.reshape([1]))[0].size, 0], { dtype: "int32" });
  const idx = runKernel("nonzero", [t], {});
  return idx.T.copy();
}

/** Flat indices of the non-zero elements (`np.flatnonzero`). @example `np.flatnonzero([0, 3, 0, 4]) // [1, 3]` */
export function flatnonzero(a: TensorLike): Tensor {
  return nonzeroIndices(toTensor(a).ravel())[0];
}

/**
 * Converts flat indices into one index array per axis of `shape` (`np.unravel_index`).
 *
 * @example
 * ```ts
 * const [r, c] = np.unravelIndex(np.argmax(a), a.shape);
 * ```
 */
export function unravelIndex(indices: TensorLike, shape: number | readonly number[]): Tensor[] {
  const dims = checkShape(shape);
  const flat = intIndex(indices);
  const size = sizeOf(dims);
  if (flat.size > 0) {
    if (any(flat.lt(0)).item()) throw new ValueError("invalid entry in index array");
    if (any(flat.ge(size)).item()) {
      const worst = flat.max().item();
      throw new ValueError(`index ${worst} is out of bounds for array with size ${size}`);
    }
  }
  return flatToIndex(flat, dims);
}

/**
 * Writes `val` on the main diagonal of `a`, in place (`np.fill_diagonal`); an array `val`
 * repeats along the diagonal. With `wrap`, a tall matrix's diagonal starts again every
 * `columns + 1` rows.
 *
 * @example
 * ```ts
 * const m = np.zeros([3, 3]);
 * np.fillDiagonal(m, 5); // 5 on the diagonal
 * ```
 */
export function fillDiagonal(a: Tensor, val: TensorLike, wrap = false): void {
  checkMutable(a);
  if (a.ndim < 2) throw new ValueError("array must be at least 2-d");
  if (a.ndim > 2 && a.shape.some((d) => d !== a.shape[0])) {
    throw new ValueError("All dimensions of input must be of equal length");
  }
  if (a.ndim === 2 && wrap && a.shape[0] > a.shape[1] + 1) {
    const [n, m] = a.shape;
    const positions = arange(0, n * m, m + 1);
    put(a, positions, val);
    return;
  }
  const len = Math.min(...a.shape);
  const diagonal = a.view([len], [a.strides.reduce((s, x) => s + x, 0)], a.offset);
  set(diagonal, "...", cyclic(val, len));
}

installMethods({ take, put, nonzero });

declare module "../core/tensor.js" {
  interface Tensor {
    /** Elements at indices along an axis (see `np.take`). */
    take(indices: TensorLike, axis?: number | null, opts?: TakeOptions): Tensor;
    /** Writes values at flat positions, in place (see `np.put`). */
    put(ind: TensorLike, v: TensorLike, opts?: TakeOptions): void;
    /** Indices of the non-zero elements, one array per axis. */
    nonzero(): Tensor[];
  }
}
