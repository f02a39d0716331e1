import { toDType, type DType } from "../core/dtype.js";
import type { Tensor } from "../core/tensor.js";
import * as np from "../ops/creation.js";
import { track } from "./memory.js";
import { frozen, tfTensor, type TfTensorLike } from "./convert.js";

// Tensor creation with TensorFlow's names and defaults (float32; immutable results).

/** Options naming a dtype. */
export interface DTypeOptions {
  dtype?: DType | string;
}

const dt = (o: DTypeOptions | undefined, fallback: DType = "float32"): DType =>
  o?.dtype === undefined ? fallback : toDType(o.dtype);

/**
 * An immutable tensor from a value (`tf.constant`): JavaScript numbers give float32, bools give
 * bool, tensors and typed arrays keep their dtype (a float64 NumPy array stays float64).
 *
 * @example
 * ```ts
 * tf.constant([[1, 2, 3], [4, 5, 6]]); // float32, shape [2, 3]
 * tf.constant(42, { dtype: "int32" });
 * ```
 */
export function constant(
  value: TfTensorLike,
  opts: DTypeOptions & { shape?: readonly number[] } = {},
): Tensor {
  const src = tfTensor(value, opts.dtype);
  // A constant owns its values: a tensor passed in (say a NumPy array) is copied.
  let t = src === value ? src.copy() : src;
  if (opts.shape)
    t = t.size === 1 ? np.full(opts.shape, t.item() as number, { dtype: t.dtype }) : t.reshape(opts.shape);
  return frozen(track(t));
}

/** Zeros (`tf.zeros`), float32 unless told. @example `tf.zeros([2, 1])` */
export function zeros(shape: readonly number[], opts?: DTypeOptions): Tensor {
  return frozen(track(np.zeros(shape, { dtype: dt(opts) })));
}

/** Ones (`tf.ones`), float32 unless told. @example `tf.ones([3, 1], { dtype: "float64" })` */
export function ones(shape: readonly number[], opts?: DTypeOptions): Tensor {
  return frozen(track(np.ones(shape, { dtype: dt(opts) })));
}

/** Zeros with the shape and dtype of `t` (`tf.zeros_like`). @example `tf.zerosLike(x)` */
export function zerosLike(t: TfTensorLike, opts?: DTypeOptions): Tensor {
  const x = tfTensor(t);
  return frozen(track(np.zeros(x.shape, { dtype: dt(opts, x.dtype) })));
}

/** Ones with the shape and dtype of `t` (`tf.ones_like`). @example `tf.onesLike(x)` */
export function onesLike(t: TfTensorLike, opts?: DTypeOptions): Tensor {
  const x = tfTensor(t);
  return frozen(track(np.ones(x.shape, { dtype: dt(opts, x.dtype) })));
}

/** A tensor of `shape` filled with `value` (`tf.fill`), float32 unless told. @example `tf.fill([2, 2], 9)` */
export function fill(shape: readonly number[], value: number | boolean, opts?: DTypeOptions): Tensor {
  return frozen(
    track(np.full(shape, value, { dtype: dt(opts, typeof value === "boolean" ? "bool" : "float32") })),
  );
}

/**
 * `[start, limit)` by `delta` (`tf.range`): `range(limit)` or `range(start, limit, delta)`.
 * Integer arguments give int32, as in TensorFlow (this is the one creation function that does
 * not default to float32: ranges are mostly indices).
 *
 * @example
 * ```ts
 * tf.range(5); // [0, 1, 2, 3, 4] int32
 * tf.range(0, 1, 0.25); // float32
 * ```
 */
export function range(start: number, limit?: number, delta = 1, opts?: DTypeOptions): Tensor {
  if (limit === undefined) [start, limit] = [0, start];
  const ints = [start, limit, delta].every(Number.isInteger);
  return frozen(track(np.arange(start, limit, delta, { dtype: dt(opts, ints ? "int32" : "float32") })));
}

/** `num` evenly spaced values from `start` to `stop` inclusive (`tf.linspace`), float32. @example `tf.linspace(0, 1, 5)` */
export function linspace(start: number, stop: number, num: number, opts?: DTypeOptions): Tensor {
  return frozen(track(np.linspace(start, stop, num, { dtype: dt(opts) })));
}

/** The identity matrix (`tf.eye`), float32. @example `tf.eye(3)` */
export function eye(n: number, m?: number, opts?: DTypeOptions): Tensor {
  return frozen(track(np.eye(n, m ?? n, 0, { dtype: dt(opts) })));
}
