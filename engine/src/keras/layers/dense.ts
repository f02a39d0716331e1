import type { Tensor } from "../../core/tensor.js";
import { ValueError } from "../../core/errors.js";
import type { Variable } from "../../autodiff/variable.js";
import * as tf from "../../tf/index.js";
import { dense, type DenseActivation } from "../../ops/dense.js";
import { relu as reluActivation } from "../activations/functions.js";
import type { Config } from "../common/config.js";
import { Layer, type LayerOptions } from "../engine/layer.js";
import {
  getActivation,
  serializeActivation,
  serializeConstraint,
  serializeInitializer,
  serializeRegularizer,
  type ActivationFn,
  type ActivationLike,
  type ConstraintLike,
  type InitializerLike,
  type RegularizerLike,
} from "../engine/parts.js";
import { getRegularizer } from "../engine/parts.js";
import { reviveCallable, layerConfigValue, type CustomLayerObjects } from "../engine/layer-registry.js";
import type { ShapeSpec, ShapeSpecs } from "../engine/shapes.js";

/** Options of `new keras.layers.Dense(units, options)`. */
export interface DenseOptions extends LayerOptions {
  /** Applied to the output: "relu", "softmax", a function, an activation layer (default none). */
  activation?: ActivationLike | Layer;
  /** Whether to add a bias vector (default true). */
  useBias?: boolean;
  /** Initializer of the kernel (default "glorot_uniform"). */
  kernelInitializer?: InitializerLike;
  /** Initializer of the bias (default "zeros"). */
  biasInitializer?: InitializerLike;
  kernelRegularizer?: RegularizerLike | null;
  biasRegularizer?: RegularizerLike | null;
  /** Penalty on the layer's output, added to the losses. */
  activityRegularizer?: RegularizerLike | null;
  kernelConstraint?: ConstraintLike | null;
  biasConstraint?: ConstraintLike | null;
  /** Size of the input's last axis, a shortcut for `inputShape: [inputDim]`. */
  inputDim?: number;
}

/**
 * A fully connected layer: `activation(inputs · kernel + bias)`, on the last axis of inputs of
 * any rank.
 *
 * @example
 * ```ts
 * new keras.layers.Dense(300, { activation: "relu" });
 * new keras.layers.Dense(10, "softmax"); // activation given positionally, as Keras allows
 * ```
 */
export class Dense extends Layer {
  readonly units: number;
  readonly activation: ActivationFn;
  readonly useBias: boolean;
  kernel!: Variable;
  bias: Variable | null = null;
  private readonly opts: DenseOptions;
  // The activation the fused `dense` op applies itself ("linear": none, the rest after it).
  private readonly fused: DenseActivation;

  constructor(units: number, opts: DenseOptions | string = {}) {
    const o: DenseOptions = typeof opts === "string" ? { activation: opts } : opts;
    super(
      o.inputDim !== undefined && !o.inputShape && !o.batchInputShape
        ? { ...o, inputShape: [o.inputDim] }
        : o,
    );
    if (!(Number.isInteger(units) && units > 0)) {
      throw new ValueError(
        `Received an invalid value for \`units\`, expected a positive integer, got ${units}`,
      );
    }
    this.units = units;
    this.opts = o;
    this.activation = o.activation instanceof Layer ? o.activation : getActivation(o.activation);
    const relu = this.activation === getActivation("relu") || this.activation === reluActivation;
    this.fused = relu ? "relu" : "linear";
    this.useBias = o.useBias ?? true;
    if (o.activityRegularizer) this.activityRegularizer = getRegularizer(o.activityRegularizer);
  }

  override build(inputShape: ShapeSpecs): void {
    const s = inputShape as ShapeSpec;
    const inputDim = s[s.length - 1];
    if (inputDim === null || inputDim === undefined) {
      throw new ValueError(
        `${this.name}: the last axis of the input of a Dense layer must be known, got shape [${s.join(", ")}]`,
      );
    }
    this.kernel = this.addWeight({
      name: "kernel",
      shape: [inputDim, this.units],
      initializer: this.opts.kernelInitializer ?? "glorot_uniform",
      regularizer: this.opts.kernelRegularizer ?? undefined,
      constraint: this.opts.kernelConstraint ?? undefined,
    });
    if (this.useBias) {
      this.bias = this.addWeight({
        name: "bias",
        shape: [this.units],
        initializer: this.opts.biasInitializer ?? "zeros",
        regularizer: this.opts.biasRegularizer ?? undefined,
        constraint: this.opts.biasConstraint ?? undefined,
      });
    }
  }

  override call(inputs: Tensor): Tensor {
    if (inputs.shape[inputs.ndim - 1] !== this.kernel.shape[0]) {
      throw new ValueError(
        `Input of layer "${this.name}" is incompatible with the layer: expected the last axis to have length ${this.kernel.shape[0]}, found shape [${inputs.shape.join(", ")}]`,
      );
    }
    if (inputs.ndim !== 2) {
      let y = tf.matmul(inputs, this.kernel);
      if (this.bias) y = tf.add(y, this.bias);
      return this.activation(y);
    }
    // One op for the product, the bias and a relu (see ops/dense.ts).
    const y = dense(inputs, this.kernel, this.bias, this.fused);
    return this.fused === "relu" ? y : this.activation(y);
  }

  override computeOutputShape(inputShape: ShapeSpecs): ShapeSpec {
    const s = inputShape as ShapeSpec;
    return [...s.slice(0, -1), this.units];
  }

  override getConfig(): Config {
    const o = this.opts;
    return {
      ...super.getConfig(),
      units: this.units,
      activation:
        this.activation instanceof Layer
          ? layerConfigValue(this.activation)
          : serializeActivation(this.activation),
      useBias: this.useBias,
      kernelInitializer: serializeInitializer(o.kernelInitializer ?? "glorot_uniform"),
      biasInitializer: serializeInitializer(o.biasInitializer ?? "zeros"),
      kernelRegularizer: serializeRegularizer(o.kernelRegularizer ?? null),
      biasRegularizer: serializeRegularizer(o.biasRegularizer ?? null),
      activityRegularizer: serializeRegularizer(o.activityRegularizer ?? null),
      kernelConstraint: serializeConstraint(o.kernelConstraint ?? null),
      biasConstraint: serializeConstraint(o.biasConstraint ?? null),
    };
  }

  static override fromConfig(config: Config, customObjects?: CustomLayerObjects): Dense {
    const activation = reviveCallable(config.activation, customObjects);
    return new Dense(
      config.units as number,
      { ...(config as unknown as DenseOptions), activation } as DenseOptions,
    );
  }
}
