import { toTensor } from "../core/convert.js";
import { toDType, type DType } from "../core/dtype.js";
import { ValueError } from "../core/errors.js";
import { runKernel } from "../core/registry.js";
import { normalizeAxes, normalizeAxis } from "../core/shape.js";
import type { Tensor, TensorLike } from "../core/tensor.js";
import { installMethods } from "./methods.js";
import { broadcastView } from "../core/broadcast.js";
import { div, mul, sub } from "./arithmetic.js";
import { eq, isnan, where } from "./compare.js";
import { LookupError } from "../autodiff/errors.js";
import { registerGradient } from "../autodiff/registry.js";

// Reductions along axes. NumPy lets `axis` come positionally (`a.sum(0)`) or as a keyword, so
// every reduction takes `(axis?, options?)` where the axis may also sit inside the options.

/** Which reduction a `reduce` kernel computes. */
export type ReduceKind =
  | "sum"
  | "prod"
  | "max"
  | "min"
  | "argmax"
  | "argmin"
  | "all"
  | "any"
  | "nansum"
  | "nanprod"
  | "nanmax"
  | "nanmin"
  | "nanargmax"
  | "nanargmin";

/** Attributes of the `reduce` kernel. */
export interface ReduceAttrs {
  readonly kind: ReduceKind;
  /** Sorted, normalised axes to reduce (all axes for a full reduction). */
  readonly axes: readonly number[];
  /** dtype of the result. */
  readonly dtype: DType;
}

/** An axis argument: one axis, several, or `null`/omitted for all. */
export type Axis = number | readonly number[] | null;

/** Options shared by reductions. */
export interface ReduceOptions {
  /** Axis or axes to reduce; all when omitted or null. */
  axis?: Axis;
  /** Keep reduced axes as length-1 axes so the result broadcasts against the input. */
  keepdims?: boolean;
  /** dtype of the result (and of the accumulation). */
  dtype?: DType | string;
}

/** Splits `(axis?, options?)` into one options object; an axis given both ways is an error. */
export function reduceArgs<O extends ReduceOptions>(axisOrOpts?: Axis | O, opts?: O): O {
  if (
    axisOrOpts === undefined ||
    axisOrOpts === null ||
    typeof axisOrOpts === "number" ||
    Array.isArray(axisOrOpts)
  ) {
    const o = { ...(opts ?? ({} as O)) };
    if (axisOrOpts !== undefined) {
      if (o.axis !== undefined) throw new TypeError("axis given twice: positionally and in the options");
      o.axis = axisOrOpts as Axis;
    }
    return o;
  }
  return axisOrOpts as O;
}

/** Shape after reducing `axes`, keeping them as 1s when `keepdims`. */
export function reducedShape(shape: readonly number[], axes: readonly number[], keepdims: boolean): number[] {
  return keepdims
    ? shape.map((d, i) => (axes.includes(i) ? 1 : d))
    : shape.filter((_, i) => !axes.includes(i));
}

/** Runs a reduction kernel and applies `keepdims`. */
export function reduce(
  kind: ReduceKind,
  a: TensorLike,
  opts: ReduceOptions,
  dtype: (d: DType) => DType,
): Tensor {
  const t = toTensor(a);
  const axes = normalizeAxes(opts.axis ?? null, t.ndim);
  const out = runKernel<ReduceAttrs>("reduce", [t], {
    kind,
    axes,
    dtype: opts.dtype !== undefined ? toDType(opts.dtype) : dtype(t.dtype),
  });
  return opts.keepdims ? out.reshape(reducedShape(t.shape, axes, true)) : out;
}

/** Refuses an empty reduction for ops without an identity (max, min, ptp), in NumPy's words. */
export function checkNotEmpty(t: Tensor, axes: readonly number[], name: string): void {
  if (axes.some((ax) => t.shape[ax] === 0) || (t.size === 0 && axes.length === t.ndim)) {
    throw new ValueError(`zero-size array to reduction operation ${name} which has no identity`);
  }
}

// NumPy sums small integers and bools in its default integer (int32 here).
export const sumType = (d: DType): DType => (d === "bool" || d === "uint8" ? "int32" : d);

/**
 * Sum of elements over an axis or axes (`np.sum`).
 *
 * @example
 * ```ts
 * np.sum([[1, 2], [3, 4]], 0).toArray(); // [4, 6]
 * a.sum(1, { keepdims: true });
 * ```
 */
export function sum(a: TensorLike, axis?: Axis | ReduceOptions, opts?: ReduceOptions): Tensor {
  return reduce("sum", a, reduceArgs(axis, opts), sumType);
}

/** Product of elements over an axis or axes (`np.prod`). @example `np.prod([1, 2, 3]) // 6` */
export function prod(a: TensorLike, axis?: Axis | ReduceOptions, opts?: ReduceOptions): Tensor {
  return reduce("prod", a, reduceArgs(axis, opts), sumType);
}

/**
 * Arithmetic mean over an axis or axes (`np.mean`); integers average in float64.
 *
 * @example
 * ```ts
 * X.mean(0); // the column means
 * ```
 */
export function mean(a: TensorLike, axis?: Axis | ReduceOptions, opts?: ReduceOptions): Tensor {
  const o = reduceArgs(axis, opts);
  const t = toTensor(a);
  const axes = normalizeAxes(o.axis ?? null, t.ndim);
  const count = axes.reduce((n, ax) => n * t.shape[ax], 1);
  const dtype = o.dtype !== undefined ? toDType(o.dtype) : t.dtype === "float32" ? "float32" : "float64";
  // Accumulate in float64 whatever the input, then round once to the result dtype.
  const meanF64 = reduce("sum", t, { ...o, dtype: "float64" }, () => "float64").div(count);
  return dtype === "float64" ? meanF64 : meanF64.astype(dtype);
}

/** Largest element over an axis or axes; NaN propagates (`np.max`, `np.amax`). @example `X.max(0)` */
export function max(a: TensorLike, axis?: Axis | ReduceOptions, opts?: ReduceOptions): Tensor {
  const o = reduceArgs(axis, opts);
  const t = toTensor(a);
  checkNotEmpty(t, normalizeAxes(o.axis ?? null, t.ndim), "maximum");
  return reduce("max", t, o, (d) => d);
}

/** Smallest element over an axis or axes; NaN propagates (`np.min`, `np.amin`). @example `X.min(0)` */
export function min(a: TensorLike, axis?: Axis | ReduceOptions, opts?: ReduceOptions): Tensor {
  const o = reduceArgs(axis, opts);
  const t = toTensor(a);
  checkNotEmpty(t, normalizeAxes(o.axis ?? null, t.ndim), "minimum");
  return reduce("min", t, o, (d) => d);
}

/** Options of `argmax`/`argmin`: one axis at most. */
export interface ArgOptions {
  axis?: number | null;
  keepdims?: boolean;
}

/** @internal argmax/argmin and their NaN-ignoring variants over one axis or the flattened array. */
export function argReduce(
  kind: "argmax" | "argmin" | "nanargmax" | "nanargmin",
  a: TensorLike,
  axis?: number | null | ArgOptions,
  opts?: ArgOptions,
): Tensor {
  const o = reduceArgs<ArgOptions>(axis as number | null | ArgOptions | undefined, opts);
  let t = toTensor(a);
  if (Array.isArray(o.axis)) throw new TypeError(`${kind} takes one axis, got ${JSON.stringify(o.axis)}`);
  const flat = o.axis === undefined || o.axis === null;
  if (flat) t = t.ravel();
  const ax = flat ? 0 : normalizeAxis(o.axis as number, t.ndim);
  if (t.shape[ax] === 0) throw new ValueError(`attempt to get ${kind} of an empty sequence`);
  const out = runKernel<ReduceAttrs>("reduce", [t], { kind, axes: [ax], dtype: "int32" });
  // The kernel marks an all-NaN slice with index -1.
  if (kind.startsWith("nan") && out.size > 0 && (min(out).item() as number) < 0) {
    throw new ValueError("All-NaN slice encountered");
  }
  if (!o.keepdims) return out;
  const original = toTensor(a);
  return out.reshape(flat ? original.shape.map(() => 1) : reducedShape(t.shape, [ax], true));
}

/**
 * Index of the largest element, over the flattened array or along an axis; the first one on
 * ties, the first NaN if any (`np.argmax`).
 *
 * @example
 * ```ts
 * np.argmax([[1, 9], [8, 2]], 1).toArray(); // [1, 0]
 * ```
 */
export function argmax(a: TensorLike, axis?: number | null | ArgOptions, opts?: ArgOptions): Tensor {
  return argReduce("argmax", a, axis, opts);
}

/** Index of the smallest element (`np.argmin`); see `argmax`. */
export function argmin(a: TensorLike, axis?: number | null | ArgOptions, opts?: ArgOptions): Tensor {
  return argReduce("argmin", a, axis, opts);
}

/** Whether every element is true (non-zero) over an axis or axes (`np.all`). @example `a.eq(b).all()` */
export function all(a: TensorLike, axis?: Axis | ReduceOptions, opts?: ReduceOptions): Tensor {
  return reduce("all", a, reduceArgs(axis, opts), () => "bool");
}

/** Whether any element is true (non-zero) over an axis or axes (`np.any`). */
export function any(a: TensorLike, axis?: Axis | ReduceOptions, opts?: ReduceOptions): Tensor {
  return reduce("any", a, reduceArgs(axis, opts), () => "bool");
}

/**
 * Range of values (maximum minus minimum) over an axis or axes (`np.ptp`).
 *
 * @example
 * ```ts
 * np.ptp([[1, 5], [2, 9]], 0).toArray(); // [1, 4]
 * ```
 */
export function ptp(a: TensorLike, axis?: Axis | ReduceOptions, opts?: ReduceOptions): Tensor {
  const o = reduceArgs(axis, opts);
  const t = toTensor(a);
  if (t.dtype === "bool") {
    throw new TypeError("numpy boolean subtract, the `-` operator, is not supported, use logicalXor instead");
  }
  return sub(max(t, o), min(t, o));
}

/**
 * Number of non-zero (true) elements over an axis or axes (`np.count_nonzero`), as int32.
 *
 * @example
 * ```ts
 * np.countNonzero([[0, 1], [2, 0]], 0).toArray(); // [1, 1]
 * ```
 */
export function countNonzero(a: TensorLike, axis?: Axis | ReduceOptions, opts?: ReduceOptions): Tensor {
  const o = reduceArgs(axis, opts);
  const t = toTensor(a);
  // A bool view of the data (no arithmetic), summed in int32.
  return reduce("sum", t.dtype === "bool" ? t : t.astype("bool"), o, () => "int32");
}

installMethods({ sum, prod, mean, max, min, argmax, argmin, all, any, ptp });

declare module "../core/tensor.js" {
  interface Tensor {
    /** Sum over an axis or axes. @example `a.sum(1, { keepdims: true })` */
    sum(axis?: Axis | ReduceOptions, opts?: ReduceOptions): Tensor;
    /** Product over an axis or axes. */
    prod(axis?: Axis | ReduceOptions, opts?: ReduceOptions): Tensor;
    /** Mean over an axis or axes. @example `X.mean(0)` */
    mean(axis?: Axis | ReduceOptions, opts?: ReduceOptions): Tensor;
    /** Largest element over an axis or axes. */
    max(axis?: Axis | ReduceOptions, opts?: ReduceOptions): Tensor;
    /** Smallest element over an axis or axes. */
    min(axis?: Axis | ReduceOptions, opts?: ReduceOptions): Tensor;
    /** Index of the largest element. @example `probas.argmax(1)` */
    argmax(axis?: number | null | ArgOptions, opts?: ArgOptions): Tensor;
    /** Index of the smallest element. */
    argmin(axis?: number | null | ArgOptions, opts?: ArgOptions): Tensor;
    /** Whether all elements are true. */
    all(axis?: Axis | ReduceOptions, opts?: ReduceOptions): Tensor;
    /** Whether any element is true. */
    any(axis?: Axis | ReduceOptions, opts?: ReduceOptions): Tensor;
    /** Maximum minus minimum over an axis or axes. @example `X.ptp(0)` */
    ptp(axis?: Axis | ReduceOptions, opts?: ReduceOptions): Tensor;
  }
}

// ---- Gradients -------------------------------------------------------------------------------
// Gradients of the `reduce` kernel. `dy` has the reduced shape; it is reshaped with the reduced
// axes kept as 1s and broadcast back over the input.

const spread = (t: Tensor, x: Tensor, axes: readonly number[]): Tensor =>
  broadcastView(t.reshape(reducedShape(x.shape, axes, true)), x.shape);

registerGradient<ReduceAttrs>("reduce", (dy, [x], { kind, axes }, y) => {
  switch (kind) {
    case "sum":
      return [spread(dy, x, axes)];
    case "prod":
      return [prodGradient(dy, x, y, axes)];
    case "max":
    case "min":
      return [extremumGradient(dy, x, y, axes)];
    case "nansum":
      return [where(isnan(x), 0, spread(dy, x, axes))];
    case "nanmax":
    case "nanmin":
      // NaN never equals the extremum, so the tie-sharing rule skips it.
      return [extremumGradient(dy, x, y, axes)];
    case "nanprod":
      throw new LookupError("No gradient defined for nanprod");
    default:
      // Integer and bool results (argmax, all, any) are never recorded.
      return [null];
  }
});

// Ties share the gradient equally, as TensorFlow does.
function extremumGradient(dy: Tensor, x: Tensor, y: Tensor, axes: readonly number[]): Tensor {
  const mask = eq(x, spread(y, x, axes)).astype(x.dtype);
  const count = sum(mask, axes, { keepdims: true });
  return mul(mask, div(spread(dy, x, axes), count));
}

// d prod / d x_i = product of the other elements, computed without dividing by zero: where the
// slice has one zero, that element gets the product of the rest; with two or more, all get 0.
function prodGradient(dy: Tensor, x: Tensor, y: Tensor, axes: readonly number[]): Tensor {
  const isZero = eq(x, 0);
  const zeros = sum(isZero.astype(x.dtype), axes, { keepdims: true });
  const safe = where(isZero, 1, x);
  const nonzeroProd = broadcastView(prod(safe, axes, { keepdims: true }), x.shape);
  const others = where(
    isZero,
    where(eq(broadcastView(zeros, x.shape), 1), nonzeroProd, 0),
    div(spread(y, x, axes), safe),
  );
  return mul(spread(dy, x, axes), others);
}
