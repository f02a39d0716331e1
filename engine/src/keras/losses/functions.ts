import type { Tensor, TensorLike } from "../../core/tensor.js";
import * as tf from "../../tf/index.js";
import { epsilon } from "../common/epsilon.js";
import { softmaxLogits } from "../common/logits.js";
import { pair, predictions, sparseLabels } from "./inputs.js";

// Keras' loss functions: each returns one loss per sample (the mean, or sum, over the last axis),
// unreduced over the batch; the `Loss` classes reduce and weight them. Formulas and clipping as
// in tf.keras 2.x (clipping at epsilon = 1e-7 where Keras clips).

/** A loss as a function of targets and predictions, one value per sample (Keras' loss functions). */
export type LossFunction = (yTrue: Tensor, yPred: Tensor) => Tensor;

/**
 * `mean((yPred - yTrue)², axis=-1)` (`keras.losses.mean_squared_error`, `mse`).
 *
 * @example
 * ```ts
 * keras.losses.meanSquaredError([[0, 1]], [[1, 1]]); // [0.5]
 * ```
 */
export function meanSquaredError(yTrue: TensorLike, yPred: TensorLike): Tensor {
  const [t, p] = pair(yTrue, yPred);
  return tf.reduceMean(tf.squaredDifference(p, t), -1);
}

/** `mean(|yPred - yTrue|, axis=-1)` (`mean_absolute_error`, `mae`). @example `keras.losses.mae(y, yHat)` */
export function meanAbsoluteError(yTrue: TensorLike, yPred: TensorLike): Tensor {
  const [t, p] = pair(yTrue, yPred);
  return tf.reduceMean(tf.abs(tf.sub(p, t)), -1);
}

/**
 * `100 · mean(|yTrue - yPred| / max(|yTrue|, epsilon), axis=-1)` (`mean_absolute_percentage_error`, `mape`).
 *
 * @example
 * ```ts
 * keras.losses.mape([[2, 4]], [[1, 4]]); // [25]
 * ```
 */
export function meanAbsolutePercentageError(yTrue: TensorLike, yPred: TensorLike): Tensor {
  const [t, p] = pair(yTrue, yPred);
  const diff = tf.abs(tf.div(tf.sub(t, p), tf.maximum(tf.abs(t), epsilon())));
  return tf.mul(tf.reduceMean(diff, -1), 100);
}

/**
 * `mean((log(max(yPred, eps) + 1) - log(max(yTrue, eps) + 1))², axis=-1)`
 * (`mean_squared_logarithmic_error`, `msle`).
 *
 * @example
 * ```ts
 * keras.losses.msle(y, yHat);
 * ```
 */
export function meanSquaredLogarithmicError(yTrue: TensorLike, yPred: TensorLike): Tensor {
  const [t, p] = pair(yTrue, yPred);
  const lp = tf.log(tf.add(tf.maximum(p, epsilon()), 1));
  const lt = tf.log(tf.add(tf.maximum(t, epsilon()), 1));
  return tf.reduceMean(tf.squaredDifference(lp, lt), -1);
}

/** Options of `huber`. */
export interface HuberOptions {
  /** Where the loss turns from quadratic to linear (default 1). */
  delta?: number;
}

/**
 * Huber loss: `0.5 e²` where `|e| <= delta`, `delta·|e| - 0.5·delta²` elsewhere, averaged over
 * the last axis (`keras.losses.huber`).
 *
 * @example
 * ```ts
 * keras.losses.huber([[0]], [[3]], { delta: 2 }); // [4]
 * ```
 */
export function huber(yTrue: TensorLike, yPred: TensorLike, opts: HuberOptions = {}): Tensor {
  const delta = opts.delta ?? 1;
  const [t, p] = pair(yTrue, yPred);
  const err = tf.sub(p, t);
  const abs = tf.abs(err);
  const small = tf.mul(tf.square(err), 0.5);
  const large = tf.sub(tf.mul(abs, delta), 0.5 * delta * delta);
  return tf.reduceMean(tf.where(tf.lessEqual(abs, delta), small, large), -1);
}

/** `mean(log(cosh(yPred - yTrue)), axis=-1)`, computed without overflow (`keras.losses.log_cosh`). */
export function logCosh(yTrue: TensorLike, yPred: TensorLike): Tensor {
  const [t, p] = pair(yTrue, yPred);
  const x = tf.sub(p, t);
  // log(cosh(x)) = x + softplus(-2x) - log 2, finite for any x.
  return tf.reduceMean(tf.sub(tf.add(x, tf.nn.softplus(tf.mul(x, -2))), Math.LN2), -1);
}

/** `mean(yPred - yTrue · log(yPred + eps), axis=-1)` (`keras.losses.poisson`). */
export function poisson(yTrue: TensorLike, yPred: TensorLike): Tensor {
  const [t, p] = pair(yTrue, yPred);
  return tf.reduceMean(tf.sub(p, tf.mul(t, tf.log(tf.add(p, epsilon())))), -1);
}

/**
 * Kullback-Leibler divergence `sum(yTrue · log(yTrue / yPred), axis=-1)`, both clipped to
 * `[eps, 1]` (`kl_divergence`, `kld`, `kullback_leibler_divergence`).
 *
 * @example
 * ```ts
 * keras.losses.klDivergence([[0.5, 0.5]], [[0.9, 0.1]]);
 * ```
 */
export function klDivergence(yTrue: TensorLike, yPred: TensorLike): Tensor {
  const [t0, p0] = pair(yTrue, yPred);
  const t = tf.clipByValue(t0, epsilon(), 1);
  const p = tf.clipByValue(p0, epsilon(), 1);
  return tf.reduceSum(tf.mul(t, tf.log(tf.div(t, p))), -1);
}

/** Options of `cosineSimilarity`. */
export interface CosineSimilarityOptions {
  /** The axis the similarity is computed along (default -1). */
  axis?: number;
}

/** `-sum(l2normalize(yTrue) · l2normalize(yPred), axis)` (`keras.losses.cosine_similarity`). */
export function cosineSimilarity(
  yTrue: TensorLike,
  yPred: TensorLike,
  opts: CosineSimilarityOptions = {},
): Tensor {
  const axis = opts.axis ?? -1;
  const [t, p] = pair(yTrue, yPred);
  const unit = (x: Tensor): Tensor =>
    tf.mul(x, tf.rsqrt(tf.maximum(tf.reduceSum(tf.square(x), axis, { keepdims: true }), 1e-12)));
  return tf.negative(tf.reduceSum(tf.mul(unit(t), unit(p)), axis));
}

/** Hinge loss `mean(max(1 - yTrue · yPred, 0), axis=-1)`; 0/1 targets become -1/1 (`keras.losses.hinge`). */
export function hinge(yTrue: TensorLike, yPred: TensorLike): Tensor {
  const [t, p] = pair(yTrue, yPred);
  return tf.reduceMean(tf.maximum(tf.sub(1, tf.mul(signed(t), p)), 0), -1);
}

/** `mean(max(1 - yTrue · yPred, 0)², axis=-1)`; 0/1 targets become -1/1 (`keras.losses.squared_hinge`). */
export function squaredHinge(yTrue: TensorLike, yPred: TensorLike): Tensor {
  const [t, p] = pair(yTrue, yPred);
  return tf.reduceMean(tf.square(tf.maximum(tf.sub(1, tf.mul(signed(t), p)), 0)), -1);
}

// Keras maps 0/1 hinge targets to -1/1 when every target is 0 or 1.
function signed(t: Tensor): Tensor {
  const v = t.dataSync();
  const binary = v.every((x) => x === 0 || x === 1);
  return binary ? tf.sub(tf.mul(t, 2), 1) : t;
}

/** Options of the cross-entropy losses. */
export interface CrossentropyOptions {
  /** Whether `yPred` holds logits rather than probabilities (default false). */
  fromLogits?: boolean;
  /** Smooth the targets toward uniform by this much, in [0, 1] (default 0). */
  labelSmoothing?: number;
  /** The class axis (default -1). */
  axis?: number;
}

/**
 * Binary cross-entropy, averaged over the last axis (`keras.losses.binary_crossentropy`): from
 * logits it is `softplus(x) - x·y` (exact for any logit); from probabilities they are clipped to
 * `[eps, 1 - eps]` and `-(y·log(p + eps) + (1 - y)·log(1 - p + eps))` is taken, as Keras does.
 *
 * @example
 * ```ts
 * keras.losses.binaryCrossentropy([[1], [0]], [[0.9], [0.2]]); // [0.105, 0.223]
 * keras.losses.binaryCrossentropy(y, logits, { fromLogits: true });
 * ```
 */
export function binaryCrossentropy(
  yTrue: TensorLike,
  yPred: TensorLike,
  opts: CrossentropyOptions = {},
): Tensor {
  let [t, p] = pair(yTrue, yPred);
  const ls = opts.labelSmoothing ?? 0;
  if (ls) t = tf.add(tf.mul(t, 1 - ls), 0.5 * ls);
  let bce: Tensor;
  if (opts.fromLogits) {
    bce = tf.nn.sigmoidCrossEntropyWithLogits({ labels: t, logits: p });
  } else {
    const eps = epsilon();
    p = tf.clipByValue(p, eps, 1 - eps);
    const pos = tf.mul(t, tf.log(tf.add(p, eps)));
    const neg = tf.mul(tf.sub(1, t), tf.log(tf.add(tf.sub(1, p), eps)));
    bce = tf.negative(tf.add(pos, neg));
  }
  return tf.reduceMean(bce, opts.axis ?? -1);
}

/**
 * Categorical cross-entropy with one-hot (or soft) targets (`categorical_crossentropy`): from
 * logits through a shifted log-softmax; from probabilities they are renormalised to sum to 1,
 * clipped to `[eps, 1 - eps]`, and `-sum(y · log(p))` is taken.
 *
 * @example
 * ```ts
 * keras.losses.categoricalCrossentropy([[0, 1, 0]], [[0.05, 0.9, 0.05]]); // [0.105]
 * ```
 */
export function categoricalCrossentropy(
  yTrue: TensorLike,
  yPred: TensorLike,
  opts: CrossentropyOptions = {},
): Tensor {
  let [t, p] = pair(yTrue, yPred);
  const axis = opts.axis ?? -1;
  const ls = opts.labelSmoothing ?? 0;
  if (ls) {
    const k = p.shape[p.ndim - 1];
    t = tf.add(tf.mul(t, 1 - ls), ls / k);
  }
  if (opts.fromLogits) return tf.nn.softmaxCrossEntropyWithLogits({ labels: t, logits: p, axis });
  const z = softmaxLogits(p);
  if (z && (axis === -1 || axis === p.ndim - 1))
    return tf.nn.softmaxCrossEntropyWithLogits({ labels: t, logits: z });
  const eps = epsilon();
  p = tf.div(p, tf.reduceSum(p, axis, { keepdims: true }));
  p = tf.clipByValue(p, eps, 1 - eps);
  return tf.negative(tf.reduceSum(tf.mul(t, tf.log(p)), axis));
}

/** Options of `sparseCategoricalCrossentropy`. */
export interface SparseCrossentropyOptions {
  /** Whether `yPred` holds logits rather than probabilities (default false). */
  fromLogits?: boolean;
  /** A label whose samples count as 0 loss (e.g. padding), or null. */
  ignoreClass?: number | null;
}

/**
 * Cross-entropy with integer class targets (`sparse_categorical_crossentropy`): targets of
 * shape `[n]` or `[n, 1]` (or `[batch, time]` for per-step predictions `[batch, time, classes]`).
 * Probabilities are clipped to `[eps, 1 - eps]` and their logs treated as logits, as Keras does.
 *
 * @example
 * ```ts
 * keras.losses.sparseCategoricalCrossentropy([1], [[0.05, 0.9, 0.05]]); // [0.105]
 * ```
 */
export function sparseCategoricalCrossentropy(
  yTrue: TensorLike,
  yPred: TensorLike,
  opts: SparseCrossentropyOptions = {},
): Tensor {
  const p = predictions(yPred);
  let labels = sparseLabels(yTrue, p);
  if (labels.ndim !== p.ndim - 1 || labels.shape.some((d, i) => d !== p.shape[i])) {
    throw new RangeError(
      `sparse_categorical_crossentropy: targets of shape [${labels.shape.join(", ")}] do not match predictions of shape ` +
        `[${p.shape.join(", ")}]; pass one integer class per sample (shape [${p.shape.slice(0, -1).join(", ")}]), ` +
        `or use categorical_crossentropy for one-hot targets`,
    );
  }
  let keep: Tensor | null = null;
  if (opts.ignoreClass != null) {
    keep = tf.notEqual(labels, tf.constant(opts.ignoreClass, { dtype: "int32" }));
    labels = tf.where(keep, labels, tf.zerosLike(labels));
  }
  const z = opts.fromLogits ? undefined : softmaxLogits(p);
  const logits = opts.fromLogits ? p : (z ?? tf.log(tf.clipByValue(p, epsilon(), 1 - epsilon())));
  const loss = tf.nn.sparseSoftmaxCrossEntropyWithLogits({ labels, logits });
  return keep ? tf.mul(loss, tf.cast(keep, loss.dtype)) : loss;
}
