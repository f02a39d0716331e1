import type { Tensor } from "../../core/tensor.js";
import type { Variable } from "../../autodiff/variable.js";
import * as tf from "../../tf/index.js";
import type { Config } from "../common/config.js";
import { Layer, type LayerOptions } from "../engine/layer.js";
import {
  serializeConstraint,
  serializeInitializer,
  serializeRegularizer,
  type ConstraintLike,
  type InitializerLike,
  type RegularizerLike,
} from "../engine/parts.js";
import type { ShapeSpec, ShapeSpecs } from "../engine/shapes.js";

/** Options of `new keras.layers.PReLU(options)`. */
export interface PReLUOptions extends LayerOptions {
  /** Initial slopes (default "zeros"). */
  alphaInitializer?: InitializerLike;
  alphaRegularizer?: RegularizerLike | null;
  alphaConstraint?: ConstraintLike | null;
  /** Axes (1-based, the batch axis is 0) along which one slope is shared. */
  sharedAxes?: number[] | null;
}

/**
 * Parametric ReLU: leaky ReLU whose negative slopes are learned, one per input unit.
 *
 * @example
 * ```ts
 * new keras.layers.PReLU();
 * ```
 */
export class PReLU extends Layer {
  alpha!: Variable;
  private readonly opts: PReLUOptions;

  constructor(opts: PReLUOptions = {}) {
    super(opts);
    this.opts = opts;
  }

  override build(inputShape: ShapeSpecs): void {
    const s = (inputShape as ShapeSpec).slice(1).map((d) => d ?? 1);
    for (const a of this.opts.sharedAxes ?? []) s[a - 1] = 1;
    this.alpha = this.addWeight({
      name: "alpha",
      shape: s,
      initializer: this.opts.alphaInitializer ?? "zeros",
      regularizer: this.opts.alphaRegularizer ?? undefined,
      constraint: this.opts.alphaConstraint ?? undefined,
    });
  }

  override call(inputs: Tensor): Tensor {
    const pos = tf.nn.relu(inputs);
    const neg = tf.multiply(tf.negative(this.alpha), tf.nn.relu(tf.negative(inputs)));
    return tf.add(pos, neg);
  }

  override computeOutputShape(s: ShapeSpecs): ShapeSpecs {
    return s;
  }

  override getConfig(): Config {
    return {
      ...super.getConfig(),
      alphaInitializer: serializeInitializer(this.opts.alphaInitializer ?? "zeros"),
      alphaRegularizer: serializeRegularizer(this.opts.alphaRegularizer ?? null),
      alphaConstraint: serializeConstraint(this.opts.alphaConstraint ?? null),
      sharedAxes: this.opts.sharedAxes ?? null,
    };
  }
}
