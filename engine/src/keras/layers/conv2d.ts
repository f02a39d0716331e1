import type { Tensor } from "../../core/tensor.js";
import { ValueError } from "../../core/errors.js";
import type { Variable } from "../../autodiff/variable.js";
import * as tf from "../../tf/index.js";
import { outputLength, type Padding } from "../../ops/conv-geometry.js";
import type { Config } from "../common/config.js";
import { Layer, type LayerOptions } from "../engine/layer.js";
import {
  getActivation,
  getRegularizer,
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
import { reviveCallable, type CustomLayerObjects } from "../engine/layer-registry.js";
import type { ShapeSpec, ShapeSpecs } from "../engine/shapes.js";

/** A size per spatial axis, or one for both. */
export type Size2 = number | readonly [number, number];

/** Options of `new keras.layers.Conv2D(filters, kernelSize, options)`. */
export interface Conv2DOptions extends LayerOptions {
  /** Default 1. */
  strides?: Size2;
  /** "valid" (default) or "same" (either case). */
  padding?: "valid" | "same" | "VALID" | "SAME";
  /** Default 1. */
  dilationRate?: Size2;
  activation?: ActivationLike;
  /** Default true. */
  useBias?: boolean;
  /** Default "glorot_uniform". */
  kernelInitializer?: InitializerLike;
  /** Default "zeros". */
  biasInitializer?: InitializerLike;
  kernelRegularizer?: RegularizerLike | null;
  biasRegularizer?: RegularizerLike | null;
  activityRegularizer?: RegularizerLike | null;
  kernelConstraint?: ConstraintLike | null;
  biasConstraint?: ConstraintLike | null;
}

export const pair2 = (v: Size2, what: string): [number, number] => {
  const p: [number, number] = typeof v === "number" ? [v, v] : [v[0], v[1]];
  if (p.some((d) => !(Number.isInteger(d) && d > 0)))
    throw new ValueError(`${what} must be a positive integer or two, got ${String(v)}`);
  return p;
};

export const paddingOf = (p: string | undefined): Padding => {
  const l = (p ?? "valid").toLowerCase();
  if (l !== "valid" && l !== "same") throw new ValueError(`padding must be "valid" or "same", got ${p}`);
  return l;
};

/**
 * 2-D convolution over NHWC images (`keras.layers.Conv2D`): `activation(conv2d(x, kernel) +
 * bias)`, kernel [KH, KW, C, filters]. Runs on the GPU when work is placed there.
 *
 * @example
 * ```ts
 * new keras.layers.Conv2D(64, 7, { activation: "relu", padding: "same", inputShape: [28, 28, 1] });
 * ```
 */
export class Conv2D extends Layer {
  readonly filters: number;
  readonly kernelSize: [number, number];
  readonly strides: [number, number];
  readonly padding: Padding;
  readonly dilationRate: [number, number];
  readonly activation: ActivationFn;
  readonly useBias: boolean;
  kernel!: Variable;
  bias: Variable | null = null;
  private readonly opts: Conv2DOptions;

  constructor(filters: number, kernelSize: Size2, opts: Conv2DOptions = {}) {
    super(opts);
    if (!(Number.isInteger(filters) && filters > 0))
      throw new ValueError(`filters must be a positive integer, got ${filters}`);
    this.filters = filters;
    this.kernelSize = pair2(kernelSize, "kernelSize");
    this.strides = pair2(opts.strides ?? 1, "strides");
    this.dilationRate = pair2(opts.dilationRate ?? 1, "dilationRate");
    this.padding = paddingOf(opts.padding);
    this.activation = getActivation(opts.activation);
    this.useBias = opts.useBias ?? true;
    this.opts = opts;
    if (opts.activityRegularizer) this.activityRegularizer = getRegularizer(opts.activityRegularizer);
  }

  override build(inputShape: ShapeSpecs): void {
    const s = inputShape as ShapeSpec;
    const c = s[3];
    if (s.length !== 4 || c === null || c === undefined)
      throw new ValueError(
        `${this.name}: Conv2D takes [batch, height, width, channels] with known channels, got [${s.join(", ")}]`,
      );
    this.kernel = this.addWeight({
      name: "kernel",
      shape: [...this.kernelSize, c, this.filters],
      initializer: this.opts.kernelInitializer ?? "glorot_uniform",
      regularizer: this.opts.kernelRegularizer ?? undefined,
      constraint: this.opts.kernelConstraint ?? undefined,
    });
    if (this.useBias) {
      this.bias = this.addWeight({
        name: "bias",
        shape: [this.filters],
        initializer: this.opts.biasInitializer ?? "zeros",
        regularizer: this.opts.biasRegularizer ?? undefined,
        constraint: this.opts.biasConstraint ?? undefined,
      });
    }
  }

  override call(inputs: Tensor): Tensor {
    const x = inputs.dtype === this.kernel.dtype ? inputs : tf.cast(inputs, this.kernel.dtype);
    let y = tf.nn.conv2d(x, this.kernel, this.strides, this.padding, { dilations: this.dilationRate });
    if (this.bias) y = tf.add(y, this.bias);
    return this.activation(y);
  }

  override computeOutputShape(inputShape: ShapeSpecs): ShapeSpec {
    const s = inputShape as ShapeSpec;
    const len = (d: number | null, i: 0 | 1): number | null =>
      d === null
        ? null
        : outputLength(d, this.kernelSize[i], this.strides[i], this.dilationRate[i], this.padding).out;
    return [s[0], len(s[1], 0), len(s[2], 1), this.filters];
  }

  override getConfig(): Config {
    const o = this.opts;
    return {
      ...super.getConfig(),
      filters: this.filters,
      kernelSize: [...this.kernelSize],
      strides: [...this.strides],
      padding: this.padding,
      dilationRate: [...this.dilationRate],
      activation: serializeActivation(this.activation),
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

  static override fromConfig(config: Config, customObjects?: CustomLayerObjects): Conv2D {
    const activation = reviveCallable(config.activation, customObjects);
    const c = config as unknown as Conv2DOptions & { filters: number; kernelSize: [number, number] };
    return new Conv2D(c.filters, c.kernelSize, { ...c, activation } as Conv2DOptions);
  }
}
