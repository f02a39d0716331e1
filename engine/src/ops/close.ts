import { toTensor } from "../core/convert.js";
import { isFloat } from "../core/dtype.js";
import { broadcastShapes, shapesEqual } from "../core/shape.js";
import type { Tensor, TensorLike } from "../core/tensor.js";
import { abs, add, mul, sub } from "./arithmetic.js";
import { eq, isfinite, isnan, le, logicalAnd, logicalOr, where } from "./compare.js";
import { all } from "./reduce.js";

// Tolerant and exact array comparisons: isclose, allclose, arrayEqual.

/** Options of `isclose` and `allclose`. */
export interface CloseOptions {
  /** Relative tolerance (default 1e-5), scaled by `|b|`. */
  rtol?: number;
  /** Absolute tolerance (default 1e-8). */
  atol?: number;
  /** Whether NaN equals NaN (default false). */
  equalNan?: boolean;
}

// Integers and bools are compared as float64, as NumPy does, so that `a - b` cannot wrap.
const asFloat = (x: TensorLike): Tensor => {
  const t = toTensor(x);
  return isFloat(t.dtype) ? t : t.astype("float64");
};

/**
 * Element-wise `|a - b| <= atol + rtol * |b|` (not symmetric, like NumPy's `isclose`);
 * infinities are close only to themselves, NaN to nothing unless `equalNan`.
 *
 * @example
 * ```ts
 * np.isclose([1, 2], [1 + 1e-9, 2.1]).toArray(); // [true, false]
 * ```
 */
export function isclose(a: TensorLike, b: TensorLike, opts: CloseOptions = {}): Tensor {
  const { rtol = 1e-5, atol = 1e-8, equalNan = false } = opts;
  const x = asFloat(a);
  const y = asFloat(b);
  broadcastShapes(x.shape, y.shape);
  const finite = logicalAnd(isfinite(x), isfinite(y));
  const near = le(abs(sub(x, y)), add(mul(abs(y), rtol), atol));
  let out = where(finite, near, eq(x, y));
  if (equalNan) out = logicalOr(out, logicalAnd(isnan(x), isnan(y)));
  return out;
}

/**
 * Whether every element of `a` is close to the matching element of `b` (`np.allclose`); see
 * `isclose` for the test.
 *
 * @example
 * ```ts
 * np.allclose(np.array([0.1 + 0.2]), [0.3]); // true
 * ```
 */
export function allclose(a: TensorLike, b: TensorLike, opts: CloseOptions = {}): boolean {
  return all(isclose(a, b, opts)).item() as boolean;
}

/**
 * Whether two arrays have the same shape and equal elements (`np.array_equal`); NaN counts as
 * equal to NaN only with `equalNan`.
 *
 * @example
 * ```ts
 * np.arrayEqual([1, 2], np.array([1, 2])); // true
 * ```
 */
export function arrayEqual(a: TensorLike, b: TensorLike, opts: { equalNan?: boolean } = {}): boolean {
  const x = toTensor(a);
  const y = toTensor(b);
  if (!shapesEqual(x.shape, y.shape)) return false;
  let same = eq(x, y);
  if (opts.equalNan) same = logicalOr(same, logicalAnd(isnan(x), isnan(y)));
  return all(same).item() as boolean;
}
