import type { Tensor } from "../../core/tensor.js";
import type { Variable } from "../../autodiff/variable.js";
import { withoutRecording } from "../../autodiff/recorder.js";
import * as tf from "../../tf/index.js";
import type { Config } from "../common/config.js";
import { Layer, type CallOptions, type LayerOptions } from "../engine/layer.js";
import {
  serializeConstraint,
  serializeInitializer,
  serializeRegularizer,
  type ConstraintLike,
  type InitializerLike,
  type RegularizerLike,
} from "../engine/parts.js";
import type { ShapeSpec, ShapeSpecs } from "../engine/shapes.js";
import { broadcastShape, featureAxes } from "./normalization-axes.js";

/** Options of `new keras.layers.BatchNormalization(options)`. */
export interface BatchNormalizationOptions extends LayerOptions {
  /** The feature axis (default -1, the last). */
  axis?: number | number[];
  /** Weight of the old value in the moving averages (default 0.99). */
  momentum?: number;
  /** Added to the variance before the square root (default 0.001). */
  epsilon?: number;
  /** Learn an offset `beta` (default true). */
  center?: boolean;
  /** Learn a scale `gamma` (default true). */
  scale?: boolean;
  betaInitializer?: InitializerLike;
  gammaInitializer?: InitializerLike;
  movingMeanInitializer?: InitializerLike;
  movingVarianceInitializer?: InitializerLike;
  betaRegularizer?: RegularizerLike | null;
  gammaRegularizer?: RegularizerLike | null;
  betaConstraint?: ConstraintLike | null;
  gammaConstraint?: ConstraintLike | null;
}

/**
 * Batch normalization: in training, normalises each feature with the batch's mean and variance
 * and updates moving averages of them; at inference, uses the moving averages. Then scales by
 * `gamma` and shifts by `beta`. Four weights per feature, two of them (the moving statistics)
 * not trainable.
 *
 * @example
 * ```ts
 * new keras.layers.BatchNormalization();
 * ```
 */
export class BatchNormalization extends Layer {
  readonly axis: number | number[];
  readonly momentum: number;
  readonly epsilon: number;
  readonly center: boolean;
  readonly scale: boolean;
  gamma: Variable | null = null;
  beta: Variable | null = null;
  movingMean!: Variable;
  movingVariance!: Variable;
  private readonly opts: BatchNormalizationOptions;
  private axes: number[] = [];

  constructor(opts: BatchNormalizationOptions = {}) {
    super(opts);
    this.opts = opts;
    this.axis = opts.axis ?? -1;
    this.momentum = opts.momentum ?? 0.99;
    this.epsilon = opts.epsilon ?? 1e-3;
    this.center = opts.center ?? true;
    this.scale = opts.scale ?? true;
    this.supportsMasking = true;
  }

  override build(inputShape: ShapeSpecs): void {
    const s = inputShape as ShapeSpec;
    this.axes = featureAxes(this.name, this.axis, s);
    const shape = this.axes.map((a) => s[a] as number);
    const o = this.opts;
    if (this.scale) {
      this.gamma = this.addWeight({
        name: "gamma",
        shape,
        initializer: o.gammaInitializer ?? "ones",
        regularizer: o.gammaRegularizer ?? undefined,
        constraint: o.gammaConstraint ?? undefined,
      });
    }
    if (this.center) {
      this.beta = this.addWeight({
        name: "beta",
        shape,
        initializer: o.betaInitializer ?? "zeros",
        regularizer: o.betaRegularizer ?? undefined,
        constraint: o.betaConstraint ?? undefined,
      });
    }
    this.movingMean = this.addWeight({
      name: "moving_mean",
      shape,
      initializer: o.movingMeanInitializer ?? "zeros",
      trainable: false,
    });
    this.movingVariance = this.addWeight({
      name: "moving_variance",
      shape,
      initializer: o.movingVarianceInitializer ?? "ones",
      trainable: false,
    });
  }

  override call(inputs: Tensor, opts: CallOptions = {}): Tensor {
    const ndim = inputs.ndim;
    const reduce = Array.from({ length: ndim }, (_, i) => i).filter((i) => !this.axes.includes(i));
    const bshape = broadcastShape(ndim, this.axes, inputs.shape);
    const x = inputs.dtype === this.dtype ? inputs : tf.cast(inputs, this.dtype);
    let mean: Tensor;
    let variance: Tensor;
    // A frozen BatchNormalization runs in inference mode even during fit, as in Keras 2.1+
    // (what fine-tuning a pretrained network needs).
    if (opts.training && this.trainable) {
      [mean, variance] = tf.nn.moments(x, reduce, { keepdims: true });
      const m = this.momentum;
      const bm = mean;
      const bv = variance;
      withoutRecording(() => {
        this.movingMean.assign(
          tf.add(tf.multiply(this.movingMean, m), tf.multiply(tf.reshape(bm, this.movingMean.shape), 1 - m)),
        );
        this.movingVariance.assign(
          tf.add(
            tf.multiply(this.movingVariance, m),
            tf.multiply(tf.reshape(bv, this.movingVariance.shape), 1 - m),
          ),
        );
      });
    } else {
      mean = tf.reshape(this.movingMean, bshape);
      variance = tf.reshape(this.movingVariance, bshape);
    }
    let y = tf.multiply(tf.subtract(x, mean), tf.rsqrt(tf.add(variance, this.epsilon)));
    if (this.gamma) y = tf.multiply(y, tf.reshape(this.gamma, bshape));
    if (this.beta) y = tf.add(y, tf.reshape(this.beta, bshape));
    return y;
  }

  override computeOutputShape(s: ShapeSpecs): ShapeSpecs {
    return s;
  }

  override getConfig(): Config {
    const o = this.opts;
    return {
      ...super.getConfig(),
      axis: this.axis,
      momentum: this.momentum,
      epsilon: this.epsilon,
      center: this.center,
      scale: this.scale,
      betaInitializer: serializeInitializer(o.betaInitializer ?? "zeros"),
      gammaInitializer: serializeInitializer(o.gammaInitializer ?? "ones"),
      movingMeanInitializer: serializeInitializer(o.movingMeanInitializer ?? "zeros"),
      movingVarianceInitializer: serializeInitializer(o.movingVarianceInitializer ?? "ones"),
      betaRegularizer: serializeRegularizer(o.betaRegularizer ?? null),
      gammaRegularizer: serializeRegularizer(o.gammaRegularizer ?? null),
      betaConstraint: serializeConstraint(o.betaConstraint ?? null),
      gammaConstraint: serializeConstraint(o.gammaConstraint ?? null),
    };
  }
}
