import { isFloat, isInteger } from "../core/dtype.js";
import { normalizeAxes } from "../core/shape.js";
import type { Tensor } from "../core/tensor.js";
import { stopGradient } from "../autodiff/stop-gradient.js";
import * as ar from "../ops/arithmetic.js";
import * as cmp from "../ops/compare.js";
import * as m from "../ops/math.js";
import * as r from "../ops/reduce.js";
import { frozen, operand, tfTensor, type TfTensorLike } from "./convert.js";

// Reductions with TensorFlow's names: `tf.reduceSum(x, axis?, { keepdims })`; the axis may
// also come inside the options. No axis reduces everything.

/** Options of the `tf.reduce*` functions. */
export interface TfReduceOptions {
  axis?: number | readonly number[] | null;
  keepdims?: boolean;
}

type AxisArg = number | readonly number[] | null | TfReduceOptions | undefined;

function args(axis: AxisArg, opts: TfReduceOptions | undefined): TfReduceOptions {
  if (axis !== null && typeof axis === "object" && !Array.isArray(axis)) return axis as TfReduceOptions;
  return { ...opts, axis: (axis as number | readonly number[] | null | undefined) ?? opts?.axis ?? null };
}

function reduction(f: (x: Tensor, o: r.ReduceOptions) => Tensor) {
  return (x: TfTensorLike, axis?: AxisArg, opts?: TfReduceOptions): Tensor => {
    const t = tfTensor(x);
    const o = args(axis, opts);
    return frozen(f(t, { axis: o.axis ?? null, keepdims: o.keepdims ?? false }), [t]);
  };
}

/** Sum over axes (`tf.reduce_sum`). @example `tf.reduceSum(x, 1, { keepdims: true })` */
export const reduceSum = reduction((x, o) => r.sum(x, o));
/**
 * Mean over axes (`tf.reduce_mean`); integer tensors give the integer part, as in TensorFlow.
 *
 * @example
 * ```ts
 * tf.reduceMean(tf.square(y.sub(yPred)));
 * ```
 */
export const reduceMean = reduction((x, o) => {
  const mean = r.mean(x, o);
  return isInteger(x.dtype) ? mean.astype(x.dtype) : mean;
});
/** Largest element over axes (`tf.reduce_max`). */
export const reduceMax = reduction((x, o) => r.max(x, o));
/** Smallest element over axes (`tf.reduce_min`). */
export const reduceMin = reduction((x, o) => r.min(x, o));
/** Product over axes (`tf.reduce_prod`). */
export const reduceProd = reduction((x, o) => r.prod(x, o));
/** Whether all elements are true (`tf.reduce_all`). */
export const reduceAll = reduction((x, o) => r.all(x, o));
/** Whether any element is true (`tf.reduce_any`). */
export const reduceAny = reduction((x, o) => r.any(x, o));

/**
 * `log(sum(exp(x)))` over axes without overflow (`tf.reduce_logsumexp`): the maximum is taken
 * out first (as a constant for the gradient, which is exactly the softmax).
 *
 * @example
 * ```ts
 * tf.reduceLogSumExp([1000, 1000]); // 1000.6931
 * ```
 */
export const reduceLogSumExp = reduction((x, o) => logSumExp(x, o.axis ?? null, o.keepdims ?? false));

/** @internal log-sum-exp with the max shifted out; -Infinity maxima shift by 0. */
export function logSumExp(x: Tensor, axis: number | readonly number[] | null, keepdims: boolean): Tensor {
  const axes = normalizeAxes(axis, x.ndim);
  const top = stopGradient(r.max(x, { axis: axes, keepdims: true }));
  const shift = cmp.where(cmp.isfinite(top), top, 0);
  const lse = ar.add(m.log(r.sum(m.exp(ar.sub(x, shift)), { axis: axes, keepdims: true })), shift);
  return keepdims ? lse : lse.reshape(r.reducedShape(x.shape, axes, false));
}

/** Index of the largest element along `axis` (default 0, as in TensorFlow) (`tf.argmax`). @example `tf.argmax(probas, 1)` */
export function argmax(x: TfTensorLike, axis = 0): Tensor {
  return frozen(r.argmax(tfTensor(x), axis));
}

/** Index of the smallest element along `axis` (default 0) (`tf.argmin`). */
export function argmin(x: TfTensorLike, axis = 0): Tensor {
  return frozen(r.argmin(tfTensor(x), axis));
}

/** Options of `tf.norm`. */
export interface NormOptions extends TfReduceOptions {
  /** `"euclidean"` (default), 1, 2 or `Infinity`; vector norms over `axis`. */
  ord?: "euclidean" | "fro" | 1 | 2 | number;
}

/**
 * Vector norm over `axis` (all elements by default) (`tf.norm`).
 *
 * @example
 * ```ts
 * tf.norm([3, 4]); // 5
 * ```
 */
export function norm(x: TfTensorLike, opts: NormOptions = {}): Tensor {
  const t = tfTensor(x);
  const o = { axis: opts.axis ?? null, keepdims: opts.keepdims ?? false };
  const ord = opts.ord ?? "euclidean";
  let out: Tensor;
  if (ord === "euclidean" || ord === "fro" || ord === 2) out = m.sqrt(r.sum(m.square(t), o));
  else if (ord === 1) out = r.sum(ar.abs(t), o);
  else if (ord === Infinity) out = r.max(ar.abs(t), o);
  else if (typeof ord === "number" && ord > 0) out = ar.pow(r.sum(ar.pow(ar.abs(t), ord), o), 1 / ord);
  else throw new TypeError(`tf.norm: unsupported ord ${String(ord)}`);
  return frozen(out, [t]);
}

/**
 * Rescales `x` so its L2 norm over `axes` is at most `clipNorm` (`tf.clip_by_norm`).
 *
 * @example
 * ```ts
 * tf.clipByNorm(grad, 1.0);
 * ```
 */
export function clipByNorm(
  x: TfTensorLike,
  clipNorm: TfTensorLike,
  axes?: number | readonly number[],
): Tensor {
  const t = tfTensor(x);
  const c = operand(clipNorm);
  const l2 = m.sqrt(r.sum(m.square(t), { axis: axes ?? null, keepdims: true }));
  const scale = ar.div(c, m.maximum(l2, c));
  const out = ar.mul(t, scale);
  return frozen(isFloat(t.dtype) && out.dtype !== t.dtype ? out.astype(t.dtype) : out, [t]);
}
