import { toTensor } from "../core/convert.js";
import { isFloat, isInteger, type DType } from "../core/dtype.js";
import { ValueError } from "../core/errors.js";
import { runKernel } from "../core/registry.js";
import { normalizeAxis } from "../core/shape.js";
import type { Tensor, TensorLike } from "../core/tensor.js";
import { div, sub } from "./arithmetic.js";
import { minimum } from "./math.js";
import { eq, isnan, logicalAnd, logicalNot, ne } from "./compare.js";
import { arange, linspace, zeros } from "./creation.js";
import { diff } from "./diff.js";
import { flatnonzero } from "./index-routines.js";
import { get } from "./indexing.js";
import { concatenate } from "./join.js";
import { all, any, max, min, sum } from "./reduce.js";
import { flip, moveaxis, repeat } from "./shape-ops.js";
import { argsort, sort } from "./sorting.js";
import { installMethods } from "./methods.js";

// Counting, searching and set operations: unique, bincount, searchsorted, digitize, histogram,
// isin. Sorted order is NumPy's (NaN last).

/** Attributes of the `searchsorted` kernel. */
export interface SearchsortedAttrs {
  readonly side: "left" | "right";
}
/** Attributes of the `bincount` kernel. */
export interface BincountAttrs {
  readonly minlength: number;
}
/** Attributes of the `histogram` kernel. */
export interface HistogramAttrs {
  /** Whether the edges are equally spaced (NumPy's fast arithmetic path). */
  readonly uniform: boolean;
  /** dtype of the counts: int32, or float64 with weights. */
  readonly dtype: "int32" | "float64";
}

/** Options of `unique`. */
export interface UniqueOptions {
  /** Also return the index of each unique value's first occurrence. */
  returnIndex?: boolean;
  /** Also return, for each input element, the index of its value among the unique values. */
  returnInverse?: boolean;
  /** Also return how many times each unique value occurs. */
  returnCounts?: boolean;
  /** Find unique slices along this axis (e.g. unique rows with 0) instead of unique elements. */
  axis?: number;
}

/**
 * The sorted unique values (`np.unique`); with options also the first-occurrence indices, the
 * inverse indices and the counts, returned as an array in that order.
 *
 * @example
 * ```ts
 * np.unique([3, 1, 3, 2]).toArray(); // [1, 2, 3]
 * const [values, counts] = np.unique(labels, { returnCounts: true });
 * ```
 */
export function unique(ar: TensorLike, opts: UniqueOptions & { returnIndex: true }): Tensor[];
export function unique(ar: TensorLike, opts: UniqueOptions & { returnInverse: true }): Tensor[];
export function unique(ar: TensorLike, opts: UniqueOptions & { returnCounts: true }): Tensor[];
export function unique(ar: TensorLike, opts?: UniqueOptions): Tensor;
export function unique(ar: TensorLike, opts: UniqueOptions = {}): Tensor | Tensor[] {
  const t = toTensor(ar);
  const byAxis = opts.axis !== undefined && opts.axis !== null;
  const ax = byAxis ? normalizeAxis(opts.axis as number, t.ndim) : 0;
  // Work on rows: one row per element, or one per slice along the axis.
  const moved = byAxis ? moveaxis(t, ax, 0) : t.ravel();
  const n = moved.shape[0];
  const rows = byAxis ? moved.reshape([n, -1]) : moved.reshape([n, 1]);
  const perm = byAxis ? runKernel("lexsortRows", [rows], {}) : argsort(moved);
  const sorted = get(rows, perm);
  let starts: Tensor;
  if (n === 0) starts = toTensor([], { dtype: "int32" });
  else {
    const next = sorted.get("1:");
    const prev = sorted.get(":-1");
    let differs = ne(next, prev);
    // NaNs count as one value, as in NumPy's default equal_nan.
    if (isFloat(t.dtype)) differs = logicalAnd(differs, logicalNot(logicalAnd(isnan(next), isnan(prev))));
    starts = flatnonzero(concatenate([[true], any(differs, 1)]));
  }
  const firstRows = get(sorted, starts);
  const values = byAxis
    ? moveaxis(firstRows.reshape([starts.size, ...moved.shape.slice(1)]), 0, ax)
    : firstRows.reshape([starts.size]);
  if (!opts.returnIndex && !opts.returnInverse && !opts.returnCounts) return values;
  const out = [values];
  if (opts.returnIndex) out.push(get(perm, starts));
  const counts = diff(concatenate([starts, [n]]));
  if (opts.returnInverse) {
    const inverse = zeros([n], { dtype: "int32" });
    inverse.set([perm], repeat(arange(starts.size), counts));
    out.push(inverse);
  }
  if (opts.returnCounts) out.push(counts);
  return out;
}

/** Options of `bincount`. */
export interface BincountOptions {
  /** A weight per element: the result sums weights instead of counting (float64). */
  weights?: TensorLike | null;
  /** Smallest length of the result. */
  minlength?: number;
}

/**
 * How many times each non-negative integer occurs (`np.bincount`); with weights, the sum of
 * the weights of each value.
 *
 * @example
 * ```ts
 * np.bincount([0, 1, 1, 3]).toArray(); // [1, 2, 0, 1]
 * ```
 */
export function bincount(
  x: TensorLike,
  weights?: TensorLike | null | BincountOptions,
  minlength?: number,
): Tensor {
  const isOpts = (w: unknown): w is BincountOptions =>
    typeof w === "object" && w !== null && !Array.isArray(w) && !ArrayBuffer.isView(w) && !("shape" in w);
  const o: BincountOptions = isOpts(weights) ? weights : { weights, minlength };
  const t = toTensor(x);
  if (t.ndim > 1) throw new ValueError("object too deep for desired array");
  if (t.ndim === 0) throw new ValueError("object of too small depth for desired array");
  if (!isInteger(t.dtype) && t.dtype !== "bool") {
    throw new TypeError(
      `Cannot cast array data from dtype('${t.dtype}') to dtype('int64') according to the rule 'safe'`,
    );
  }
  const ml = o.minlength ?? 0;
  if (ml < 0) throw new ValueError("'minlength' must not be negative");
  const inputs = [t];
  if (o.weights !== undefined && o.weights !== null) {
    const w = toTensor(o.weights);
    if (w.size !== t.size) throw new ValueError("The weights and list don't have the same length.");
    inputs.push(w.ravel());
  }
  return runKernel<BincountAttrs>("bincount", inputs, { minlength: ml });
}

/** Options of `searchsorted`. */
export interface SearchsortedOptions {
  /** `"left"` (default): the first suitable position; `"right"`: the last. */
  side?: "left" | "right";
  /** Indices that sort `a`, when `a` itself is not sorted. */
  sorter?: TensorLike;
}

/**
 * Where `v`'s elements would be inserted into the sorted 1-D `a` to keep it sorted
 * (`np.searchsorted`).
 *
 * @example
 * ```ts
 * np.searchsorted([1, 2, 3, 4, 5], 3).item();           // 2
 * np.searchsorted([1, 2, 3, 4, 5], [3], "right").toArray(); // [3]
 * ```
 */
export function searchsorted(
  a: TensorLike,
  v: TensorLike,
  side?: "left" | "right" | SearchsortedOptions,
  opts: SearchsortedOptions = {},
): Tensor {
  const o = typeof side === "object" ? side : { ...opts, side: side ?? opts.side };
  let sorted = toTensor(a);
  if (sorted.ndim !== 1) throw new ValueError("object too deep for desired array");
  if (o.sorter !== undefined) sorted = get(sorted, toTensor(o.sorter));
  const s = o.side ?? "left";
  if (s !== "left" && s !== "right") {
    throw new ValueError(`side must be 'left' or 'right' (got '${String(s)}')`);
  }
  return runKernel<SearchsortedAttrs>("searchsorted", [sorted, toTensor(v)], { side: s });
}

/**
 * The index of the bin each value of `x` falls in (`np.digitize`): for increasing `bins`,
 * `i` such that `bins[i-1] <= x < bins[i]` (`<` and `<=` swapped with `right`).
 *
 * @example
 * ```ts
 * np.digitize([0.2, 6.4, 3.0], [0, 1, 2.5, 4]).toArray(); // [1, 4, 3]
 * ```
 */
export function digitize(x: TensorLike, bins: TensorLike, right = false): Tensor {
  const b = toTensor(bins);
  if (b.ndim !== 1) throw new ValueError("object too deep for desired array");
  const steps = diff(b.astype("float64"));
  const increasing = steps.size === 0 || all(steps.ge(0)).item();
  if (!increasing && !all(steps.le(0)).item()) {
    throw new ValueError("bins must be monotonically increasing or decreasing");
  }
  const side = right ? "left" : "right";
  if (increasing) return searchsorted(b, x, side);
  // Decreasing bins: search the reversed bins and count from the end, as NumPy does.
  const fromEnd = searchsorted(flip(b), x, side);
  return sub(b.size, fromEnd);
}

/** Options of `histogram`. */
export interface HistogramOptions {
  /** Lower and upper edge of the bins (default: the data's min and max); values outside are ignored. */
  range?: readonly [number, number] | null;
  /** Return a probability density (integrates to 1) instead of counts. */
  density?: boolean;
  /** A weight per value, summed instead of counted. */
  weights?: TensorLike | null;
}

/**
 * Counts of values in bins (`np.histogram`): `bins` is a number of equal bins (default 10) or
 * the bin edges. Returns `[hist, binEdges]`; every bin is half-open `[a, b)` but the last,
 * which includes its right edge.
 *
 * @example
 * ```ts
 * const [hist, edges] = np.histogram([1, 2, 1], [0, 1, 2, 3]);
 * hist.toArray(); // [0, 2, 1]
 * ```
 */
export function histogram(
  a: TensorLike,
  bins: number | TensorLike = 10,
  opts: HistogramOptions = {},
): [Tensor, Tensor] {
  const data = toTensor(a).ravel();
  let edges: Tensor;
  let uniform = false;
  if (typeof bins === "number") {
    if (!Number.isInteger(bins)) throw new TypeError("`bins` must be an integer, a string, or an array");
    if (bins < 1) throw new ValueError("`bins` must be positive, when an integer");
    const [first, last] = outerEdges(data, opts.range ?? null);
    const dtype: DType = data.dtype === "float32" ? "float32" : "float64";
    edges = linspace(first, last, bins + 1, { dtype });
    uniform = true;
  } else {
    edges = toTensor(bins);
    if (edges.ndim !== 1) throw new ValueError("`bins` must be 1d, when an array");
    if (edges.size > 1 && any(edges.get(":-1").gt(edges.get("1:"))).item()) {
      throw new ValueError("`bins` must increase monotonically, when an array");
    }
  }
  const inputs = [data, edges];
  let dtype: "int32" | "float64" = "int32";
  if (opts.weights !== undefined && opts.weights !== null) {
    const w = toTensor(opts.weights).ravel();
    if (w.size !== data.size) throw new ValueError("weights should have the same shape as a.");
    inputs.push(w);
    dtype = isInteger(w.dtype) || w.dtype === "bool" ? "int32" : "float64";
  }
  const hist = runKernel<HistogramAttrs>("histogram", inputs, { uniform, dtype });
  if (!opts.density) return [hist, edges];
  return [div(div(hist, diff(edges.astype("float64"))), sum(hist)), edges];
}

function outerEdges(data: Tensor, range: readonly [number, number] | null): [number, number] {
  let first: number;
  let last: number;
  if (range !== null) {
    [first, last] = range;
    if (first > last) throw new ValueError("max must be larger than min in range parameter.");
    if (!Number.isFinite(first) || !Number.isFinite(last)) {
      throw new ValueError(`supplied range of [${first}, ${last}] is not finite`);
    }
  } else if (data.size === 0) {
    [first, last] = [0, 1];
  } else {
    first = Number(min(data).item());
    last = Number(max(data).item());
    if (!Number.isFinite(first) || !Number.isFinite(last)) {
      throw new ValueError(`autodetected range of [${first}, ${last}] is not finite`);
    }
  }
  return first === last ? [first - 0.5, last + 0.5] : [first, last];
}

/** Options of `isin`. */
export interface IsinOptions {
  /** Return the opposite: whether each element is *not* in `testElements`. */
  invert?: boolean;
  /** Accepted for NumPy compatibility (no effect). */
  assumeUnique?: boolean;
}

/**
 * Whether each element of `element` occurs in `testElements`, shaped like `element`
 * (`np.isin`).
 *
 * @example
 * ```ts
 * np.isin([1, 2, 3], [2, 5]).toArray(); // [false, true, false]
 * ```
 */
export function isin(element: TensorLike, testElements: TensorLike, opts: IsinOptions = {}): Tensor {
  const e = toTensor(element);
  const pool = sort(toTensor(testElements).ravel());
  let found: Tensor;
  if (pool.size === 0) found = zeros(e.shape, { dtype: "bool" });
  else {
    // Binary search each element; the position found holds an equal element or none does.
    const at = minimum(searchsorted(pool, e), pool.size - 1);
    found = eq(get(pool, at), e);
  }
  return opts.invert ? logicalNot(found) : found;
}

installMethods({
  searchsorted: (t: Tensor, v: TensorLike, side?: "left" | "right" | SearchsortedOptions) =>
    searchsorted(t, v, side),
});

declare module "../core/tensor.js" {
  interface Tensor {
    /** Insertion points of `v` into this sorted 1-D tensor (see `np.searchsorted`). */
    searchsorted(v: TensorLike, side?: "left" | "right" | SearchsortedOptions): Tensor;
  }
}
