import { toTensor } from "../core/convert.js";
import { isFloat, toDType } from "../core/dtype.js";
import { normalizeAxes } from "../core/shape.js";
import type { Tensor, TensorLike } from "../core/tensor.js";
import { div, mul, sub } from "./arithmetic.js";
import { isnan, logicalNot, where } from "./compare.js";
import { sqrt } from "./math.js";
import {
  argReduce,
  checkNotEmpty,
  countNonzero,
  max,
  min,
  prod,
  reduce,
  reduceArgs,
  sum,
  sumType,
  type ArgOptions,
  type Axis,
  type ReduceOptions,
} from "./reduce.js";
import type { VarOptions } from "./stats.js";

// Reductions that skip NaN (NumPy's nan* functions). Integer and bool arrays hold no NaN, so for
// them each is its plain counterpart.

/**
 * Sum treating NaN as zero (`np.nansum`).
 *
 * @example
 * ```ts
 * np.nansum([1, NaN, 2]).item(); // 3
 * ```
 */
export function nansum(a: TensorLike, axis?: Axis | ReduceOptions, opts?: ReduceOptions): Tensor {
  const t = toTensor(a);
  const o = reduceArgs(axis, opts);
  return isFloat(t.dtype) ? reduce("nansum", t, o, sumType) : sum(t, o);
}

/** Product treating NaN as one (`np.nanprod`). @example `np.nanprod([2, NaN, 3]) // 6` */
export function nanprod(a: TensorLike, axis?: Axis | ReduceOptions, opts?: ReduceOptions): Tensor {
  const t = toTensor(a);
  const o = reduceArgs(axis, opts);
  return isFloat(t.dtype) ? reduce("nanprod", t, o, sumType) : prod(t, o);
}

function nanExtreme(kind: "nanmax" | "nanmin", a: TensorLike, o: ReduceOptions): Tensor {
  const t = toTensor(a);
  if (!isFloat(t.dtype)) return kind === "nanmax" ? max(t, o) : min(t, o);
  checkNotEmpty(t, normalizeAxes(o.axis ?? null, t.ndim), kind === "nanmax" ? "fmax" : "fmin");
  return reduce(kind, t, o, (d) => d);
}

/** Largest element ignoring NaN; NaN for an all-NaN slice (`np.nanmax`). @example `np.nanmax([1, NaN, 3]) // 3` */
export function nanmax(a: TensorLike, axis?: Axis | ReduceOptions, opts?: ReduceOptions): Tensor {
  return nanExtreme("nanmax", a, reduceArgs(axis, opts));
}

/** Smallest element ignoring NaN; NaN for an all-NaN slice (`np.nanmin`). */
export function nanmin(a: TensorLike, axis?: Axis | ReduceOptions, opts?: ReduceOptions): Tensor {
  return nanExtreme("nanmin", a, reduceArgs(axis, opts));
}

/**
 * Index of the largest element ignoring NaN (`np.nanargmax`); an all-NaN slice is an error.
 *
 * @example
 * ```ts
 * np.nanargmax([NaN, 2, 5]).item(); // 2
 * ```
 */
export function nanargmax(a: TensorLike, axis?: number | null | ArgOptions, opts?: ArgOptions): Tensor {
  const t = toTensor(a);
  return argReduce(isFloat(t.dtype) ? "nanargmax" : "argmax", t, axis, opts);
}

/** Index of the smallest element ignoring NaN (`np.nanargmin`); see `nanargmax`. */
export function nanargmin(a: TensorLike, axis?: number | null | ArgOptions, opts?: ArgOptions): Tensor {
  const t = toTensor(a);
  return argReduce(isFloat(t.dtype) ? "nanargmin" : "argmin", t, axis, opts);
}

/**
 * Mean of the non-NaN elements (`np.nanmean`); NaN for an all-NaN slice.
 *
 * @example
 * ```ts
 * np.nanmean([1, NaN, 3]).item(); // 2
 * ```
 */
export function nanmean(a: TensorLike, axis?: Axis | ReduceOptions, opts?: ReduceOptions): Tensor {
  const t = toTensor(a);
  const o = reduceArgs(axis, opts);
  const dtype = o.dtype !== undefined ? toDType(o.dtype) : t.dtype === "float32" ? "float32" : "float64";
  // Sum in float64, count the non-NaN elements, divide, and round once to the result dtype.
  const total = reduce(isFloat(t.dtype) ? "nansum" : "sum", t, { ...o, dtype: "float64" }, () => "float64");
  const count = countNonzero(logicalNot(isnan(t)), o);
  const m = div(total, count);
  return m.dtype === dtype ? m : m.astype(dtype);
}

/**
 * Variance of the non-NaN elements (`np.nanvar`), divided by `count - ddof`; NaN where that is
 * not positive.
 *
 * @example
 * ```ts
 * np.nanvar([1, NaN, 3]).item(); // 1
 * ```
 */
export function nanvar(a: TensorLike, axis?: Axis | VarOptions, opts?: VarOptions): Tensor {
  const t = toTensor(a);
  const o = reduceArgs(axis, opts);
  const m = nanmean(t, { axis: o.axis, keepdims: true, dtype: o.dtype });
  const nan = isnan(t);
  const d = where(nan, 0, sub(t, m));
  const count = countNonzero(logicalNot(nan), { axis: o.axis, keepdims: o.keepdims });
  const squares = sum(mul(d, d), { axis: o.axis, keepdims: o.keepdims });
  const dof = sub(count, o.ddof ?? 0).astype(squares.dtype);
  const v = div(squares, dof);
  return where(dof.gt(0), v, NaN).astype(v.dtype);
}

/** Standard deviation of the non-NaN elements (`np.nanstd`): the square root of `nanvar`. */
export function nanstd(a: TensorLike, axis?: Axis | VarOptions, opts?: VarOptions): Tensor {
  return sqrt(nanvar(a, axis, opts));
}
