import { isFloat } from "../core/dtype.js";
import { normalizeAxis } from "../core/shape.js";
import type { Tensor } from "../core/tensor.js";
import { stopGradient } from "../autodiff/stop-gradient.js";
import * as ar from "../ops/arithmetic.js";
import * as cmp from "../ops/compare.js";
import * as m from "../ops/math.js";
import * as nn from "../ops/nn.js";
import * as conv from "../ops/conv.js";
import type { Padding } from "../ops/conv-geometry.js";
import * as r from "../ops/reduce.js";
import { softmaxLast, sparseSoftmaxCrossEntropy } from "../ops/softmax.js";
import { frozen, tfTensor, type TfTensorLike } from "./convert.js";
import { InvalidArgumentError } from "./errors.js";
import { uniform } from "./random.js";
import { logSumExp } from "./reduce.js";
import { oneHot } from "./shape.js";

// `tf.nn`: activations, normalisation moments and the losses computed from logits.

const f = (fn: (x: Tensor) => Tensor) => (x: TfTensorLike) => {
  const t = tfTensor(x);
  return frozen(fn(t), [t]);
};

/** `max(x, 0)` (NaN stays NaN); the gradient at 0 is 0, as TensorFlow's (`tf.nn.relu`). @example `tf.nn.relu(z)` */
export const relu = f(nn.relu);
/** `min(max(x, 0), 6)` (`tf.nn.relu6`). */
export const relu6 = f((x) => cmp.where(cmp.gt(x, 0), cmp.where(cmp.lt(x, 6), x, 6), 0));
/** Logistic sigmoid (`tf.nn.sigmoid`). */
export const sigmoid = f(m.expit);
/** Hyperbolic tangent (`tf.nn.tanh`). */
export const tanh = f(m.tanh);
/** `log(1 + e^x)` without overflow, gradient exact for large x (`tf.nn.softplus`). @example `tf.nn.softplus(1000)` */
export const softplus = f(nn.softplus);
/** `x / (1 + |x|)` (`tf.nn.softsign`). */
export const softsign = f((x) => ar.div(x, ar.add(ar.abs(x), 1)));
/** `x · sigmoid(x)` (`tf.nn.swish`, `silu`). */
export const swish = f((x) => ar.mul(x, m.expit(x)));

/**
 * `x` for x > 0, `alpha (e^x - 1)` otherwise (`tf.nn.elu`, alpha 1).
 *
 * @example
 * ```ts
 * tf.nn.elu([-1, 2]); // [-0.632, 2]
 * ```
 */
export function elu(x: TfTensorLike, alpha = 1): Tensor {
  const t = tfTensor(x);
  return frozen(eluOf(t, alpha), [t]);
}

// The negative branch sees min(x, 0), so a large x cannot overflow expm1 in the branch `where`
// drops (whose gradient would otherwise be 0 · ∞ = NaN).
function eluOf(x: Tensor, alpha: number): Tensor {
  return cmp.where(cmp.gt(x, 0), x, ar.mul(m.expm1(m.minimum(x, 0)), alpha));
}

const SELU_ALPHA = 1.6732632423543772;
const SELU_SCALE = 1.0507009873554805;

/** Scaled ELU with the self-normalising constants (`tf.nn.selu`). @example `tf.nn.selu(z)` */
export const selu = f((x) => ar.mul(eluOf(x, SELU_ALPHA), SELU_SCALE));

/** `x` for x > 0, `alpha · x` otherwise (`tf.nn.leaky_relu`, alpha 0.2). @example `tf.nn.leakyRelu(z, 0.01)` */
export function leakyRelu(x: TfTensorLike, alpha = 0.2): Tensor {
  const t = tfTensor(x);
  return frozen(cmp.where(cmp.gt(t, 0), t, ar.mul(t, alpha)), [t]);
}

/**
 * `exp(x) / sum(exp(x))` along `axis` (default the last), shifted by the maximum so it never
 * overflows (`tf.nn.softmax`).
 *
 * @example
 * ```ts
 * tf.nn.softmax([[1, 2, 3]]); // [[0.090, 0.245, 0.665]]
 * ```
 */
export function softmax(logits: TfTensorLike, axis = -1): Tensor {
  const t = tfTensor(logits);
  const ax = normalizeAxis(axis, t.ndim);
  if (ax === t.ndim - 1 && isFloat(t.dtype)) return frozen(softmaxLast(t), [t]);
  const e = m.exp(ar.sub(t, stopGradient(r.max(t, { axis: ax, keepdims: true }))));
  return frozen(ar.div(e, r.sum(e, { axis: ax, keepdims: true })), [t]);
}

/** `x - logsumexp(x)` along `axis` (default the last) (`tf.nn.log_softmax`). @example `tf.nn.logSoftmax(logits)` */
export function logSoftmax(logits: TfTensorLike, axis = -1): Tensor {
  const t = tfTensor(logits);
  const ax = normalizeAxis(axis, t.ndim);
  if (ax === t.ndim - 1 && isFloat(t.dtype)) return frozen(softmaxLast(t, { log: true }), [t]);
  return frozen(ar.sub(t, logSumExp(t, ax, true)), [t]);
}

/** TensorFlow's padding names, either case. */
export type PaddingName = "SAME" | "VALID" | "same" | "valid";

// TensorFlow's strides / ksize: a number, [h, w], or [1, h, w, 1] (NHWC).
function spatial(v: number | readonly number[], what: string): [number, number] {
  if (typeof v === "number") return [v, v];
  if (v.length === 1) return [v[0], v[0]];
  if (v.length === 2) return [v[0], v[1]];
  if (v.length === 4 && v[0] === 1 && v[3] === 1) return [v[1], v[2]];
  throw new InvalidArgumentError(
    `${what} must be a number, [h, w] or [1, h, w, 1] (NHWC), got [${v.join(", ")}]`,
  );
}

const padding = (p: PaddingName): Padding => {
  const l = p.toLowerCase();
  if (l !== "same" && l !== "valid")
    throw new InvalidArgumentError(`padding must be "SAME" or "VALID", got ${p}`);
  return l;
};

/**
 * 2-D convolution of NHWC images with [KH, KW, C, F] filters (`tf.nn.conv2d(input, filters,
 * strides, padding)`), differentiable in both.
 *
 * @example
 * ```ts
 * tf.nn.conv2d(images, filters, 1, "SAME");
 * tf.nn.conv2d(images, filters, [1, 2, 2, 1], "VALID", { dilations: 1 });
 * ```
 */
export function conv2d(
  input: TfTensorLike,
  filters: TfTensorLike,
  strides: number | readonly number[],
  pad: PaddingName,
  opts: { dilations?: number | readonly number[] } = {},
): Tensor {
  const [x, w] = [tfTensor(input), tfTensor(filters)];
  return frozen(
    conv.conv2d(x, w, {
      strides: spatial(strides, "strides"),
      padding: padding(pad),
      dilations: spatial(opts.dilations ?? 1, "dilations"),
    }),
    [x, w],
  );
}

// The pooling ops' shared argument handling (TensorFlow's ksize/strides/padding forms).
function pool(
  op: typeof conv.maxPool2d,
  input: TfTensorLike,
  ksize: number | readonly number[],
  strides: number | readonly number[],
  pad: PaddingName,
): Tensor {
  const x = tfTensor(input);
  const opts = {
    poolSize: spatial(ksize, "ksize"),
    strides: spatial(strides, "strides"),
    padding: padding(pad),
  };
  return frozen(op(x, opts), [x]);
}

/**
 * Max pooling of NHWC images (`tf.nn.max_pool2d(input, ksize, strides, padding)`).
 *
 * @example
 * ```ts
 * tf.nn.maxPool2d(x, 2, 2, "VALID");
 * ```
 */
export function maxPool2d(
  input: TfTensorLike,
  ksize: number | readonly number[],
  strides: number | readonly number[],
  pad: PaddingName,
): Tensor {
  return pool(conv.maxPool2d, input, ksize, strides, pad);
}

/**
 * Average pooling of NHWC images, padding not counted (`tf.nn.avg_pool2d`).
 *
 * @example
 * ```ts
 * tf.nn.avgPool2d(x, 2, 2, "SAME");
 * ```
 */
export function avgPool2d(
  input: TfTensorLike,
  ksize: number | readonly number[],
  strides: number | readonly number[],
  pad: PaddingName,
): Tensor {
  return pool(conv.avgPool2d, input, ksize, strides, pad);
}

/** Options of `tf.nn.moments`. */
export interface MomentsOptions {
  keepdims?: boolean;
}

/**
 * Mean and variance over `axes` (`tf.nn.moments`), returned as `[mean, variance]`.
 *
 * @example
 * ```ts
 * const [mean, variance] = tf.nn.moments(x, [0]);
 * ```
 */
export function moments(
  x: TfTensorLike,
  axes: readonly number[],
  opts: MomentsOptions = {},
): [Tensor, Tensor] {
  const t = tfTensor(x);
  const mean = r.mean(t, { axis: axes, keepdims: true });
  // The mean enters the variance as a constant: d var / d mean is 0 anyway, and TensorFlow does
  // the same.
  const variance = r.mean(m.square(ar.sub(t, stopGradient(mean))), { axis: axes, keepdims: true });
  if (opts.keepdims) return [frozen(mean), frozen(variance)];
  const shape = t.shape.filter((_, i) => !axes.map((a) => normalizeAxis(a, t.ndim)).includes(i));
  return [frozen(mean.reshape(shape)), frozen(variance.reshape(shape))];
}

/** `sum(x²) / 2` (`tf.nn.l2_loss`). @example `tf.nn.l2Loss(w)` */
export const l2Loss = f((x) => ar.div(r.sum(m.square(x)), 2));

/** Labels and logits, as the cross-entropy losses take them (keywords in Python). */
export interface LabelsAndLogits {
  labels: TfTensorLike;
  logits: TfTensorLike;
  /** The class axis of the softmax losses (default the last). */
  axis?: number;
}

function same(labels: Tensor, logits: Tensor): void {
  if (labels.shape.length !== logits.shape.length || labels.shape.some((d, i) => d !== logits.shape[i])) {
    throw new InvalidArgumentError(
      `logits and labels must have the same shape, got [${logits.shape.join(",")}] and [${labels.shape.join(",")}]`,
    );
  }
}

/**
 * Element-wise logistic loss from logits, `softplus(x) - x·z`, exact for large |x|
 * (`tf.nn.sigmoid_cross_entropy_with_logits`).
 *
 * @example
 * ```ts
 * tf.nn.sigmoidCrossEntropyWithLogits({ labels: y, logits: z });
 * ```
 */
export function sigmoidCrossEntropyWithLogits(a: LabelsAndLogits): Tensor {
  const logits = tfTensor(a.logits);
  const labels = tfTensor(a.labels, logits.dtype);
  same(labels, logits);
  return frozen(ar.sub(nn.softplus(logits), ar.mul(logits, labels)));
}

/**
 * Cross-entropy between label distributions and `softmax(logits)` along the class axis
 * (`tf.nn.softmax_cross_entropy_with_logits`); one loss per example.
 *
 * @example
 * ```ts
 * tf.nn.softmaxCrossEntropyWithLogits({ labels: oneHotY, logits });
 * ```
 */
export function softmaxCrossEntropyWithLogits(a: LabelsAndLogits): Tensor {
  const logits = tfTensor(a.logits);
  const labels = tfTensor(a.labels, logits.dtype);
  same(labels, logits);
  const ax = normalizeAxis(a.axis ?? -1, logits.ndim);
  const logp = ar.sub(logits, logSumExp(logits, ax, true));
  return frozen(ar.neg(r.sum(ar.mul(labels, logp), { axis: ax })));
}

/**
 * Cross-entropy with integer class labels (`tf.nn.sparse_softmax_cross_entropy_with_logits`):
 * labels of shape `[n]`, logits `[n, classes]`, one loss per example.
 *
 * @example
 * ```ts
 * tf.nn.sparseSoftmaxCrossEntropyWithLogits({ labels: [0, 2], logits });
 * ```
 */
export function sparseSoftmaxCrossEntropyWithLogits(a: LabelsAndLogits): Tensor {
  const logits = tfTensor(a.logits);
  const labels = tfTensor(a.labels, "int32");
  const classes = logits.shape[logits.ndim - 1];
  if (labels.ndim !== logits.ndim - 1) {
    throw new InvalidArgumentError(
      `labels must have rank ${logits.ndim - 1} (logits rank minus 1), got shape [${labels.shape.join(",")}]`,
    );
  }
  if (isFloat(logits.dtype) && labels.shape.every((d, i) => d === logits.shape[i])) {
    return frozen(sparseSoftmaxCrossEntropy(logits, labels));
  }
  const logp = ar.sub(logits, logSumExp(logits, -1, true));
  const pick = oneHot(labels, classes, { dtype: logits.dtype === "float64" ? "float64" : "float32" });
  return frozen(ar.neg(r.sum(ar.mul(pick, logp), { axis: -1 })));
}

/** Options of `tf.nn.dropout`. */
export interface DropoutOptions {
  /** Shape of the keep mask, broadcast against `x` (default `x`'s shape). */
  noiseShape?: readonly number[];
  /** Seed of this op's random mask. */
  seed?: number;
}

/**
 * Zeroes each element with probability `rate` and scales the rest by `1 / (1 - rate)`
 * (`tf.nn.dropout`).
 *
 * @example
 * ```ts
 * tf.nn.dropout(x, 0.5);
 * ```
 */
export function dropout(x: TfTensorLike, rate: number, opts: DropoutOptions = {}): Tensor {
  const t = tfTensor(x);
  if (!(rate >= 0 && rate < 1)) throw new RangeError(`rate must be in [0, 1), got ${rate}`);
  if (rate === 0) return frozen(t, [t]);
  const u = uniform(opts.noiseShape ?? t.shape, { seed: opts.seed, dtype: "float32" });
  const keep = cmp.ge(u, rate).astype(t.dtype);
  return frozen(ar.mul(t, ar.div(keep, 1 - rate)), [t]);
}
