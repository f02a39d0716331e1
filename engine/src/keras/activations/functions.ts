import { Tensor, type TensorLike } from "../../core/tensor.js";
import { markSoftmaxOutput } from "../common/logits.js";
import * as tf from "../../tf/index.js";
import { tfTensor } from "../../tf/convert.js";
import { erf } from "../../ops/math.js";

// Keras' activation functions, element-wise (softmax along an axis), made of differentiable
// ops. Where Keras 2 and Keras 3 differ (hard_sigmoid, leaky_relu's slope), the doc says which.

/** Options of `relu`. */
export interface ReluOptions {
  /** Slope below the threshold (default 0). */
  alpha?: number;
  /** Upper bound of the output (default none). */
  maxValue?: number | null;
  /** Values below it are zeroed (or scaled by alpha) (default 0). */
  threshold?: number;
}

/**
 * `max(x, 0)`, with Keras' `alpha`, `maxValue` and `threshold` options (`keras.activations.relu`).
 *
 * @example
 * ```ts
 * keras.activations.relu([-10, -5, 0, 5, 10]); // [0, 0, 0, 5, 10]
 * keras.activations.relu([-10, 5, 10], { alpha: 0.5, maxValue: 8 }); // [-5, 5, 8]
 * ```
 */
export function relu(x: TensorLike, opts: ReluOptions = {}): Tensor {
  const t = tfTensor(x);
  const { alpha = 0, maxValue = null, threshold = 0 } = opts;
  let y: Tensor;
  if (threshold === 0 && alpha === 0) y = tf.nn.relu(t);
  else {
    const above = tf.greater(t, threshold);
    y = tf.where(above, t, alpha === 0 ? tf.zerosLike(t) : tf.mul(tf.sub(t, threshold), alpha));
  }
  return maxValue == null ? y : tf.minimum(y, maxValue);
}

/** `1 / (1 + e^-x)` (`keras.activations.sigmoid`). @example `keras.activations.sigmoid([0])` */
export function sigmoid(x: TensorLike): Tensor {
  return tf.sigmoid(x);
}

/** Hyperbolic tangent (`keras.activations.tanh`). */
export function tanh(x: TensorLike): Tensor {
  return tf.tanh(x);
}

/**
 * `exp(x) / sum(exp(x))` along `axis` (default the last), without overflow
 * (`keras.activations.softmax`).
 *
 * @example
 * ```ts
 * keras.activations.softmax([[1, 2, 3]]); // [[0.090, 0.245, 0.665]]
 * ```
 */
export function softmax(x: TensorLike, axis = -1): Tensor {
  const y = tf.nn.softmax(x, axis);
  // The losses then work from the logits (see common/logits.ts).
  return x instanceof Tensor && (axis === -1 || axis === x.ndim - 1) ? markSoftmaxOutput(y, x) : y;
}

/** `x` for x > 0, `alpha (e^x - 1)` otherwise (`keras.activations.elu`, alpha 1). */
export function elu(x: TensorLike, alpha = 1): Tensor {
  return tf.nn.elu(x, alpha);
}

/** Scaled ELU with the self-normalising constants (`keras.activations.selu`); pair it with `lecun_normal`. */
export function selu(x: TensorLike): Tensor {
  return tf.nn.selu(x);
}

/** `x` for x > 0, `negativeSlope · x` otherwise (`keras.activations.leaky_relu`, slope 0.2 as in Keras 3 and `tf.nn`). */
export function leakyRelu(x: TensorLike, negativeSlope = 0.2): Tensor {
  return tf.nn.leakyRelu(x, negativeSlope);
}

/** Options of `gelu`. */
export interface GeluOptions {
  /** Use the tanh approximation (default false: the exact erf form). */
  approximate?: boolean;
}

/**
 * Gaussian error linear unit `x · Φ(x)` (`keras.activations.gelu`).
 *
 * @example
 * ```ts
 * keras.activations.gelu([-1, 0, 1]); // [-0.159, 0, 0.841]
 * ```
 */
export function gelu(x: TensorLike, opts: GeluOptions = {}): Tensor {
  const t = tfTensor(x);
  if (opts.approximate) {
    const inner = tf.mul(tf.add(t, tf.mul(tf.pow(t, 3), 0.044715)), Math.sqrt(2 / Math.PI));
    return tf.mul(tf.mul(t, 0.5), tf.add(tf.tanh(inner), 1));
  }
  return tf.mul(tf.mul(t, 0.5), tf.add(erf(tf.div(t, Math.SQRT2)), 1));
}

/** `x · sigmoid(x)` (`keras.activations.swish`, also `silu`). */
export function swish(x: TensorLike): Tensor {
  return tf.nn.swish(x);
}

/** `log(1 + e^x)`, exact for large x (`keras.activations.softplus`). */
export function softplus(x: TensorLike): Tensor {
  return tf.nn.softplus(x);
}

/** `x / (1 + |x|)` (`keras.activations.softsign`). */
export function softsign(x: TensorLike): Tensor {
  return tf.nn.softsign(x);
}

/** `e^x` (`keras.activations.exponential`). */
export function exponential(x: TensorLike): Tensor {
  return tf.exp(x);
}

/**
 * Keras 2's piecewise-linear sigmoid: 0 below -2.5, 1 above 2.5, `0.2x + 0.5` between
 * (`keras.activations.hard_sigmoid`; Keras 3 uses `relu6(x + 3) / 6` instead).
 */
export function hardSigmoid(x: TensorLike): Tensor {
  return tf.clipByValue(tf.add(tf.mul(tfTensor(x), 0.2), 0.5), 0, 1);
}

/** The identity (`keras.activations.linear`); `null` or `undefined` activations mean this. */
export function linear(x: TensorLike): Tensor {
  return tfTensor(x);
}
