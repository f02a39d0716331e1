import { toTensor } from "../core/convert.js";
import { ValueError } from "../core/errors.js";
import { runKernel } from "../core/registry.js";
import { normalizeAxis } from "../core/shape.js";
import type { Tensor, TensorLike } from "../core/tensor.js";
import { registerGradient } from "../autodiff/registry.js";
import { checkMutable, set } from "./assign.js";
import { takeAlongAxis } from "./index-routines.js";
import { installMethods } from "./methods.js";

// Sorting along an axis. Every sort is stable and puts NaN last, as NumPy's "stable" kind
// does; the `kind` option is accepted for NumPy compatibility and does not change the result.

/** Attributes of the `sort` kernel. */
export interface SortAttrs {
  /** The (normalised) axis to sort along. */
  readonly axis: number;
  /** Whether to return the sorting permutation (argsort) instead of the sorted values. */
  readonly indices: boolean;
}

/** NumPy's sorting algorithm names; all give the same (stable) result here. */
export type SortKind = "quicksort" | "mergesort" | "heapsort" | "stable";

/** Options of the sorting functions. */
export interface SortOptions {
  /** Axis to sort along (default -1, the last; `null` sorts the flattened array). */
  axis?: number | null;
  /** Accepted for NumPy compatibility; every sort is stable. */
  kind?: SortKind;
}

const KINDS = ["quicksort", "mergesort", "heapsort", "stable"];

function sortArgs(axis: number | null | SortOptions | undefined, opts: SortOptions | undefined): SortOptions {
  const o =
    typeof axis === "object" && axis !== null
      ? axis
      : { ...opts, axis: axis === undefined ? opts?.axis : axis };
  if (o.kind !== undefined && !KINDS.includes(o.kind)) {
    throw new ValueError(`sort kind must be one of 'quick', 'heap', or 'stable' (got '${String(o.kind)}')`);
  }
  return o;
}

function runSort(a: TensorLike, o: SortOptions, indices: boolean): Tensor {
  let t = toTensor(a);
  if (o.axis === null) t = t.ravel();
  const axis = normalizeAxis(o.axis ?? -1, t.ndim);
  return runKernel<SortAttrs>("sort", [t], { axis, indices });
}

/**
 * A sorted copy of `a` along an axis (default the last; `null` flattens) (`np.sort`). NaN sorts
 * last. The method `t.sort()` sorts in place instead, as NumPy's `a.sort()` does.
 *
 * @example
 * ```ts
 * np.sort([3, 1, 2]).toArray();          // [1, 2, 3]
 * np.sort([[3, 1], [0, 5]], 0).toArray(); // [[0, 1], [3, 5]]
 * ```
 */
export function sort(a: TensorLike, axis?: number | null | SortOptions, opts?: SortOptions): Tensor {
  return runSort(a, sortArgs(axis, opts), false);
}

/**
 * The indices that sort `a` along an axis (`np.argsort`); stable: equal elements keep their
 * order.
 *
 * @example
 * ```ts
 * np.argsort([3, 1, 2]).toArray(); // [1, 2, 0]
 * ```
 */
export function argsort(a: TensorLike, axis?: number | null | SortOptions, opts?: SortOptions): Tensor {
  return runSort(a, sortArgs(axis, opts), true);
}

function checkKth(t: Tensor, kth: number | readonly number[], axis: number | null | undefined): void {
  const n = axis === null ? t.size : t.shape[normalizeAxis(axis ?? -1, t.ndim)];
  for (const k of typeof kth === "number" ? [kth] : kth) {
    if (!Number.isInteger(k)) throw new TypeError("Partition index must be integer");
    if (k < -n || k >= n) throw new ValueError(`kth(=${k}) out of bounds (${n})`);
  }
}

/**
 * A copy of `a` with the element that would be at position `kth` in sorted order moved there,
 * smaller ones before it and larger ones after (`np.partition`). This implementation returns a
 * fully sorted array, which is one valid partition.
 *
 * @example
 * ```ts
 * np.partition([3, 4, 2, 1], 2).get(2).item(); // 3
 * ```
 */
export function partition(a: TensorLike, kth: number | readonly number[], axis: number | null = -1): Tensor {
  const t = toTensor(a);
  checkKth(t, kth, axis);
  return sort(t, axis);
}

/**
 * The indices that would partition `a` around position `kth` (`np.argpartition`): the first
 * `kth` indices point at the smallest elements. Returns a full stable sort order, which is one
 * valid partition.
 *
 * @example
 * ```ts
 * const top3 = np.argpartition(scores.neg(), 2).get(":3"); // indices of the 3 largest
 * ```
 */
export function argpartition(
  a: TensorLike,
  kth: number | readonly number[],
  axis: number | null = -1,
): Tensor {
  const t = toTensor(a);
  checkKth(t, kth, axis);
  return argsort(t, axis);
}

/** NumPy's in-place `a.sort(axis)`: sorts the tensor's own elements and returns it. */
function sortInPlace(t: Tensor, axis?: number | null | SortOptions, opts?: SortOptions): Tensor {
  checkMutable(t);
  const o = sortArgs(axis, opts);
  if (o.axis === null)
    throw new ValueError("in-place sort needs an axis; use np.sort(a, null) for a flat copy");
  return set(t, "...", runSort(t, o, false));
}

installMethods({ sort: sortInPlace, argsort, argpartition });

// sort(x)[j] = x[perm[j]] with perm the (stable) argsort: the gradient sends dy[j] back to
// position perm[j], that is x's gradient is dy read through the inverse permutation (a gather,
// so it differentiates again). Equal elements keep their order, so ties are resolved as the
// forward sort resolved them.
registerGradient<SortAttrs>("sort", (dy, [x], { axis, indices }) => {
  if (indices) return [null];
  const perm = runKernel<SortAttrs>("sort", [x], { axis, indices: true });
  const inverse = runKernel<SortAttrs>("sort", [perm], { axis, indices: true });
  return [takeAlongAxis(dy, inverse, axis)];
});

declare module "../core/tensor.js" {
  interface Tensor {
    /**
     * Sorts this tensor in place along an axis (default the last) and returns it, as NumPy's
     * `a.sort()`; `np.sort(a)` returns a sorted copy instead.
     */
    sort(axis?: number | null | SortOptions, opts?: SortOptions): Tensor;
    /** The indices that sort this tensor along an axis (stable). */
    argsort(axis?: number | null | SortOptions, opts?: SortOptions): Tensor;
    /** Indices that partition this tensor around `kth` (see `np.argpartition`). */
    argpartition(kth: number | readonly number[], axis?: number | null): Tensor;
  }
}
