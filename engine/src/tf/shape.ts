import { broadcastView } from "../core/broadcast.js";
import { ValueError } from "../core/errors.js";
import { contiguousStrides, normalizeAxis } from "../core/shape.js";
import type { Tensor } from "../core/tensor.js";
import { viewAdjoint } from "../autodiff/layout-grads.js";
import * as ar from "../ops/arithmetic.js";
import * as cmp from "../ops/compare.js";
import { arange, ones } from "../ops/creation.js";
import { frozen, tfTensor, type TfTensorLike } from "./convert.js";

// Shape ops with TensorFlow's names. They are views (or copies) made of recorded ops, so
// gradients flow through them.

/** The same elements in a new shape; one length may be -1 (`tf.reshape`). @example `tf.reshape(x, [-1, 1])` */
export function reshape(x: TfTensorLike, shape: readonly number[]): Tensor {
  const t = tfTensor(x);
  return frozen(t.reshape(shape), [t]);
}

/** Permutes axes, reversing them by default (`tf.transpose`). @example `tf.transpose(t)` */
export function transpose(x: TfTensorLike, perm?: readonly number[]): Tensor {
  const t = tfTensor(x);
  return frozen(perm ? t.transpose(perm) : t.transpose(), [t]);
}

/** Removes length-1 axes (`tf.squeeze`). @example `tf.squeeze(x, [1])` */
export function squeeze(x: TfTensorLike, axis?: number | readonly number[]): Tensor {
  const t = tfTensor(x);
  return frozen(t.squeeze(axis), [t]);
}

/** Inserts a length-1 axis (`tf.expand_dims`). @example `tf.expandDims(x, -1)` */
export function expandDims(x: TfTensorLike, axis: number): Tensor {
  const t = tfTensor(x);
  return frozen(t.expandDims(axis), [t]);
}

/**
 * Splits along `axis` into `n` equal parts or parts of the given sizes (`tf.split`); one size
 * may be -1.
 *
 * @example
 * ```ts
 * const [a, b] = tf.split(x, 2, 1);
 * ```
 */
export function split(x: TfTensorLike, numOrSizes: number | readonly number[], axis = 0): Tensor[] {
  const t = tfTensor(x);
  const ax = normalizeAxis(axis, t.ndim);
  const len = t.shape[ax];
  let sizes: number[];
  if (typeof numOrSizes === "number") {
    if (len % numOrSizes !== 0) {
      throw new ValueError(`Dimension ${ax} of size ${len} cannot be split into ${numOrSizes} equal parts`);
    }
    sizes = new Array<number>(numOrSizes).fill(len / numOrSizes);
  } else {
    sizes = [...numOrSizes];
    const unknown = sizes.indexOf(-1);
    if (unknown >= 0) sizes[unknown] = len - sizes.reduce((a, b) => (b === -1 ? a : a + b), 0);
    if (sizes.reduce((a, b) => a + b, 0) !== len) {
      throw new ValueError(`tf.split: sizes ${JSON.stringify(numOrSizes)} do not add up to ${len}`);
    }
  }
  let start = 0;
  return sizes.map((n) => {
    const shape = [...t.shape];
    shape[ax] = n;
    const part = t.view(shape, t.strides, t.offset + start * t.strides[ax]);
    start += n;
    return frozen(part, [t]);
  });
}

/**
 * Repeats `x` `multiples[i]` times along each axis (`tf.tile`).
 *
 * @example
 * ```ts
 * tf.tile([[1, 2]], [2, 2]); // [[1, 2, 1, 2], [1, 2, 1, 2]]
 * ```
 */
export function tile(x: TfTensorLike, multiples: readonly number[]): Tensor {
  const t = tfTensor(x);
  if (multiples.length !== t.ndim) {
    throw new ValueError(`tf.tile: multiples has ${multiples.length} entries for a rank-${t.ndim} tensor`);
  }
  // [a, b] → [1, a, 1, b] → broadcast to [m, a, n, b] → [m·a, n·b]; all recorded views.
  const inter = t.shape.flatMap((d) => [1, d]);
  const wide = t.shape.flatMap((d, i) => [multiples[i], d]);
  const out = broadcastView(t.reshape(inter), wide).reshape(t.shape.map((d, i) => d * multiples[i]));
  return frozen(out, [t]);
}

/** Options of `tf.pad`. */
export interface PadOptions {
  /** Only `"CONSTANT"` is supported. */
  mode?: "CONSTANT";
  /** The value of the padding (default 0). */
  constantValues?: number;
}

/**
 * Pads each axis with `paddings[i] = [before, after]` elements (`tf.pad`, constant mode).
 *
 * @example
 * ```ts
 * tf.pad([[1, 2]], [[1, 1], [0, 0]]); // [[0, 0], [1, 2], [0, 0]]
 * ```
 */
export function pad(
  x: TfTensorLike,
  paddings: readonly (readonly [number, number])[],
  opts: PadOptions = {},
): Tensor {
  const t = tfTensor(x);
  if ((opts.mode ?? "CONSTANT").toUpperCase() !== "CONSTANT") {
    throw new ValueError(`tf.pad: only the CONSTANT mode is supported, got ${opts.mode}`);
  }
  if (paddings.length !== t.ndim) throw new ValueError(`tf.pad: paddings must have ${t.ndim} rows`);
  const shape = t.shape.map((d, i) => d + paddings[i][0] + paddings[i][1]);
  const strides = contiguousStrides(shape);
  const offset = paddings.reduce((o, [before], i) => o + before * strides[i], 0);
  // Placing x inside a zero buffer is the adjoint of slicing it back out: one linear, recorded op.
  const place = (v: Tensor): Tensor =>
    viewAdjoint(v, {
      from: { shape: v.shape, strides, offset },
      to: { shape, strides, offset: 0 },
      scatterFirst: false,
      gatherFirst: false,
    });
  let out = place(t);
  const c = opts.constantValues ?? 0;
  if (c !== 0) out = ar.add(out, ar.mul(ar.sub(1, place(ones(t.shape, { dtype: t.dtype }))), c));
  return frozen(out, [t]);
}

/** Options of `tf.oneHot`. */
export interface OneHotOptions {
  onValue?: number;
  offValue?: number;
  dtype?: "float32" | "float64" | "int32";
}

/**
 * One-hot encoding of integer `indices` into `depth` classes along a new last axis
 * (`tf.one_hot`); out-of-range indices give all `offValue`.
 *
 * @example
 * ```ts
 * tf.oneHot([0, 2], 3); // [[1, 0, 0], [0, 0, 1]]
 * ```
 */
export function oneHot(indices: TfTensorLike, depth: number, opts: OneHotOptions = {}): Tensor {
  const idx = tfTensor(indices, "int32");
  const hit = cmp.eq(idx.expandDims(-1), arange(depth));
  return frozen(cmp.where(hit, opts.onValue ?? 1, opts.offValue ?? 0).astype(opts.dtype ?? "float32"));
}

/** The shape as an int32 tensor (`tf.shape`). @example `tf.shape(x)` */
export function shape(x: TfTensorLike): Tensor {
  return frozen(tfTensor([...tfTensor(x).shape], "int32"));
}

/** Number of elements as an int32 scalar (`tf.size`). */
export function size(x: TfTensorLike): Tensor {
  return frozen(tfTensor(tfTensor(x).size, "int32"));
}

/** Number of axes as an int32 scalar (`tf.rank`). */
export function rank(x: TfTensorLike): Tensor {
  return frozen(tfTensor(tfTensor(x).ndim, "int32"));
}
