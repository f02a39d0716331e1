import { toTensor } from "../core/convert.js";
import { broadcastView } from "../core/broadcast.js";
import { isFloat, promoteTypes, toDType, type DType } from "../core/dtype.js";
import { ValueError } from "../core/errors.js";
import { runKernel } from "../core/registry.js";
import { normalizeAxes, shapesEqual } from "../core/shape.js";
import { Tensor, type TensorLike } from "../core/tensor.js";
import { div, mul, sub } from "./arithmetic.js";
import { sqrt } from "./math.js";
import { installMethods } from "./methods.js";
import { eq } from "./compare.js";
import { any, mean, reduceArgs, reducedShape, sum, type Axis, type ReduceOptions } from "./reduce.js";
import { registerGradient } from "../autodiff/registry.js";
import { allocate } from "../core/dtype.js";
import { takeAlongAxis } from "./index-routines.js";
import { matmul } from "./products.js";
import type { SortAttrs } from "./sorting.js";

// Statistics over axes: variance, standard deviation, median, percentiles and weighted means.
// They are built from other ops (a future gradient follows them for free), except the order
// statistics, which ask the `quantile` kernel.

/** Options of `var` and `std`. */
export interface VarOptions extends ReduceOptions {
  /** Delta degrees of freedom: the divisor is `N - ddof` (0 by default; 1 for the sample variance). */
  ddof?: number;
}

/**
 * Variance over an axis or axes (`np.var`): the mean of squared deviations from the mean,
 * divided by `N - ddof`.
 *
 * @example
 * ```ts
 * np.var([1, 2, 3, 4]).item(); // 1.25
 * np.var(X, { axis: 0, ddof: 1 });
 * ```
 */
export function variance(a: TensorLike, axis?: Axis | VarOptions, opts?: VarOptions): Tensor {
  const o = reduceArgs(axis, opts);
  const t = toTensor(a);
  const axes = normalizeAxes(o.axis ?? null, t.ndim);
  const n = axes.reduce((p, ax) => p * t.shape[ax], 1);
  const dtype = o.dtype !== undefined ? toDType(o.dtype) : undefined;
  const m = mean(t, { axis: o.axis, keepdims: true, dtype });
  const d = sub(dtype === undefined ? t : t.astype(dtype), m);
  // NumPy divides by max(N - ddof, 0): a non-positive divisor gives inf or NaN.
  return div(sum(mul(d, d), { axis: o.axis, keepdims: o.keepdims }), Math.max(n - (o.ddof ?? 0), 0));
}

/**
 * Standard deviation over an axis or axes (`np.std`): the square root of `var`.
 *
 * @example
 * ```ts
 * np.std([1, 2, 3, 4], { ddof: 1 }).item(); // 1.2909944487358056
 * ```
 */
export function std(a: TensorLike, axis?: Axis | VarOptions, opts?: VarOptions): Tensor {
  return sqrt(variance(a, axis, opts));
}

/** Attributes of the `quantile` kernel. */
export interface QuantileAttrs {
  /** Quantiles in [0, 1]. */
  readonly qs: readonly number[];
  /** Median semantics: the mean of the two middle values of an even count. */
  readonly median: boolean;
  readonly dtype: DType;
}

/** Options of `median`, `percentile` and `quantile`. */
export interface QuantileOptions {
  axis?: Axis;
  keepdims?: boolean;
  /** Only NumPy's default, 'linear', is supported. */
  method?: "linear";
}

// The reduced axes moved last and flattened: [kept elements, reduced elements], then the kernel.
function orderStatistic(
  t: Tensor,
  qs: readonly number[],
  qShape: readonly number[],
  o: QuantileOptions,
  median: boolean,
  dtype: DType,
): Tensor {
  if (o.method !== undefined && o.method !== "linear") {
    throw new ValueError(`'${String(o.method)}' is not a valid method; Tensorbook supports 'linear'`);
  }
  const axes = normalizeAxes(o.axis ?? null, t.ndim);
  const kept = [...t.shape.keys()].filter((i) => !axes.includes(i));
  const n = axes.reduce((p, ax) => p * t.shape[ax], 1);
  const rows = kept.reduce((p, ax) => p * t.shape[ax], 1);
  const rowsView = t.transpose([...kept, ...axes]).reshape([rows, n]);
  const out = runKernel<QuantileAttrs>("quantile", [rowsView], { qs, median, dtype });
  return out.reshape([...qShape, ...reducedShape(t.shape, axes, o.keepdims ?? false)]);
}

function quantileArgs(q: TensorLike, scale: number, what: string): { qs: number[]; shape: number[] } {
  const qt = toTensor(q);
  const qs = Array.from(qt.dataSync(), (v) => v / scale);
  if (qs.some((v) => !(v >= 0 && v <= 1))) {
    throw new ValueError(`${what} must be in the range [0, ${scale === 100 ? 100 : 1}]`);
  }
  return { qs, shape: [...qt.shape] };
}

// NumPy interpolates with `b - a`, which it refuses for bools.
function notBool(a: TensorLike): Tensor {
  const t = toTensor(a);
  if (t.dtype === "bool") {
    throw new TypeError("numpy boolean subtract, the `-` operator, is not supported, use logicalXor instead");
  }
  return t;
}

const resultOf = (d: DType): DType => (d === "float32" ? "float32" : "float64");

/**
 * Median over an axis or axes (`np.median`); NaN if a slice holds NaN.
 *
 * @example
 * ```ts
 * np.median([[1, 3], [2, 8]], 0).toArray(); // [1.5, 5.5]
 * ```
 */
export function median(a: TensorLike, axis?: Axis | QuantileOptions, opts?: QuantileOptions): Tensor {
  const t = toTensor(a);
  return orderStatistic(t, [0.5], [], reduceArgs(axis, opts), true, resultOf(t.dtype));
}

/**
 * The `q`-th quantiles (`q` in [0, 1], a number or an array) over an axis or axes, with NumPy's
 * default 'linear' interpolation (`np.quantile`). An array `q` adds its axes in front.
 *
 * @example
 * ```ts
 * np.quantile([1, 2, 3, 4], 0.25).item(); // 1.75
 * ```
 */
export function quantile(
  a: TensorLike,
  q: TensorLike,
  axis?: Axis | QuantileOptions,
  opts?: QuantileOptions,
): Tensor {
  const { qs, shape } = quantileArgs(q, 1, "Quantiles");
  return orderStatistic(notBool(a), qs, shape, reduceArgs(axis, opts), false, "float64");
}

/**
 * The `q`-th percentiles (`q` in [0, 100]) over an axis or axes (`np.percentile`); see `quantile`.
 *
 * @example
 * ```ts
 * np.percentile(scores, 90);
 * np.percentile([1, 2, 3, 4, 5], [25, 75]).toArray(); // [2, 4]
 * ```
 */
export function percentile(
  a: TensorLike,
  q: TensorLike,
  axis?: Axis | QuantileOptions,
  opts?: QuantileOptions,
): Tensor {
  const { qs, shape } = quantileArgs(q, 100, "Percentiles");
  return orderStatistic(notBool(a), qs, shape, reduceArgs(axis, opts), false, "float64");
}

/** Options of `average`. */
export interface AverageOptions {
  axis?: Axis;
  /** One weight per element of `a`, or a 1-D array along a single `axis`. */
  weights?: TensorLike;
  /** Also return the sum of the weights: `[average, sumOfWeights]`. */
  returned?: boolean;
  keepdims?: boolean;
}

/**
 * Weighted mean over an axis or axes (`np.average`); without weights, the mean. With
 * `returned`, `[average, sumOfWeights]`.
 *
 * @example
 * ```ts
 * np.average([1, 2, 3], { weights: [3, 1, 0] }).item(); // 1.25
 * const [avg, wsum] = np.average(X, 0, { weights: w, returned: true });
 * ```
 */
export function average(
  a: TensorLike,
  axis?: Axis | AverageOptions,
  opts?: AverageOptions,
): Tensor | Tensor[] {
  const o = reduceArgs(axis, opts);
  const t = toTensor(a);
  const axes = normalizeAxes(o.axis ?? null, t.ndim);
  if (o.weights === undefined) {
    const avg = mean(t, { axis: o.axis, keepdims: o.keepdims });
    if (!o.returned) return avg;
    const count = axes.reduce((p, ax) => p * t.shape[ax], 1);
    const scl = Tensor.fromTypedArray(new Float64Array(avg.size).fill(count), avg.shape, "float64");
    return [avg, scl.astype(avg.dtype)];
  }
  let w = toTensor(o.weights);
  if (!shapesEqual(w.shape, t.shape)) {
    if (o.axis === undefined || o.axis === null) {
      throw new TypeError("Axis must be specified when shapes of a and weights differ.");
    }
    if (w.ndim !== 1) throw new TypeError("1D weights expected when shapes of a and weights differ.");
    if (axes.length !== 1 || w.shape[0] !== t.shape[axes[0]]) {
      throw new ValueError("Length of weights not compatible with specified axis.");
    }
    // Along the one axis: a shape with 1 everywhere else, so it broadcasts against `a`.
    w = w.reshape(t.shape.map((d, i) => (i === axes[0] ? d : 1)));
  }
  // NumPy's result type: integer and bool data average in float64 at least.
  const common = promoteTypes(t.dtype, w.dtype);
  const dtype: DType = common === "float32" && isFloat(t.dtype) ? "float32" : "float64";
  const wf = broadcastView(w.astype(dtype), t.shape);
  const scl = sum(wf, { axis: o.axis, keepdims: o.keepdims });
  if (any(eq(scl, 0)).item()) {
    throw new ZeroDivisionError("Weights sum to zero, can't be normalized");
  }
  const avg = div(sum(mul(t, wf), { axis: o.axis, keepdims: o.keepdims }), scl).astype(dtype);
  return o.returned ? [avg, scl] : avg;
}

/** Python's ZeroDivisionError, raised where NumPy raises it. */
export class ZeroDivisionError extends Error {
  override name = "ZeroDivisionError";
}

installMethods({ var: variance, std });

// The weight each sorted position of an n-long row has in each quantile: the linear
// interpolation between the two neighbouring order statistics (the middle pair for an even
// median), as a constant [quantiles, n] matrix.
function quantileWeights(qs: readonly number[], n: number, median: boolean, dtype: DType): Tensor {
  const w = allocate(dtype, qs.length * n);
  qs.forEach((q, k) => {
    if (median) {
      const h = n >> 1;
      if (n % 2) w[k * n + h] = 1;
      else w[k * n + h - 1] = w[k * n + h] = 0.5;
      return;
    }
    const at = (n - 1) * q;
    const lo = Math.floor(at);
    const hi = Math.min(lo + 1, n - 1);
    w[k * n + lo] += 1 - (at - lo);
    w[k * n + hi] += at - lo;
  });
  return Tensor.fromTypedArray(w, [qs.length, n], dtype);
}

// The kernel's input is [rows, n], its output [quantiles, rows]: the gradient with respect to
// each sorted row is dyᵀ·W, sent back through the inverse of the (stable) sorting permutation.
registerGradient<QuantileAttrs>("quantile", (dy, [x], { qs, median }) => {
  const n = x.shape[1];
  if (n === 0) return [null];
  const dtype: DType = dy.dtype === "float32" ? "float32" : "float64";
  const sorted = matmul(dy.T, quantileWeights(qs, n, median, dtype));
  const perm = runKernel<SortAttrs>("sort", [x], { axis: 1, indices: true });
  const inverse = runKernel<SortAttrs>("sort", [perm], { axis: 1, indices: true });
  return [takeAlongAxis(sorted, inverse, 1)];
});

declare module "../core/tensor.js" {
  interface Tensor {
    /** Variance over an axis or axes. @example `X.var(0, { ddof: 1 })` */
    var(axis?: Axis | VarOptions, opts?: VarOptions): Tensor;
    /** Standard deviation over an axis or axes. @example `X.std(0)` */
    std(axis?: Axis | VarOptions, opts?: VarOptions): Tensor;
  }
}
