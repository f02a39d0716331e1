import type { Tensor } from "../../core/tensor.js";
import * as tf from "../../tf/index.js";
import { outputLength, type Padding } from "../../ops/conv-geometry.js";
import type { Config } from "../common/config.js";
import { Layer, type LayerOptions } from "../engine/layer.js";
import type { ShapeSpec, ShapeSpecs } from "../engine/shapes.js";
import { pair2, paddingOf, type Size2 } from "./conv2d.js";

/** Options of the 2-D pooling layers. */
export interface Pooling2DOptions extends LayerOptions {
  /** Default 2. */
  poolSize?: Size2;
  /** Default: the pool size. */
  strides?: Size2 | null;
  /** "valid" (default) or "same". */
  padding?: "valid" | "same" | "VALID" | "SAME";
}

abstract class Pooling2D extends Layer {
  readonly poolSize: [number, number];
  readonly strides: [number, number];
  readonly padding: Padding;

  constructor(opts: Pooling2DOptions | number = {}) {
    const o: Pooling2DOptions = typeof opts === "number" ? { poolSize: opts } : opts;
    super(o);
    this.poolSize = pair2(o.poolSize ?? 2, "poolSize");
    this.strides = pair2(o.strides ?? this.poolSize, "strides");
    this.padding = paddingOf(o.padding);
  }

  override computeOutputShape(inputShape: ShapeSpecs): ShapeSpec {
    const s = inputShape as ShapeSpec;
    const len = (d: number | null, i: 0 | 1): number | null =>
      d === null ? null : outputLength(d, this.poolSize[i], this.strides[i], 1, this.padding).out;
    return [s[0], len(s[1], 0), len(s[2], 1), s[3]];
  }

  override getConfig(): Config {
    return {
      ...super.getConfig(),
      poolSize: [...this.poolSize],
      strides: [...this.strides],
      padding: this.padding,
    };
  }
}

/**
 * Max pooling over NHWC images (`keras.layers.MaxPooling2D`, alias `MaxPool2D`).
 *
 * @example
 * ```ts
 * new keras.layers.MaxPooling2D({ poolSize: 2 }); // or new keras.layers.MaxPool2D(2)
 * ```
 */
export class MaxPooling2D extends Pooling2D {
  override call(inputs: Tensor): Tensor {
    return tf.nn.maxPool2d(inputs, this.poolSize, this.strides, this.padding);
  }

  static override fromConfig(config: Config): MaxPooling2D {
    return new MaxPooling2D(config as unknown as Pooling2DOptions);
  }
}

/**
 * Average pooling over NHWC images, padding not counted (`keras.layers.AveragePooling2D`,
 * alias `AvgPool2D`).
 *
 * @example
 * ```ts
 * new keras.layers.AveragePooling2D({ poolSize: 2 });
 * ```
 */
export class AveragePooling2D extends Pooling2D {
  override call(inputs: Tensor): Tensor {
    return tf.nn.avgPool2d(inputs, this.poolSize, this.strides, this.padding);
  }

  static override fromConfig(config: Config): AveragePooling2D {
    return new AveragePooling2D(config as unknown as Pooling2DOptions);
  }
}

/**
 * The mean of each channel over height and width (`keras.layers.GlobalAveragePooling2D`,
 * alias `GlobalAvgPool2D`): [N, H, W, C] → [N, C].
 *
 * @example
 * ```ts
 * new keras.layers.GlobalAveragePooling2D();
 * ```
 */
export class GlobalAveragePooling2D extends Layer {
  override call(inputs: Tensor): Tensor {
    return tf.reduceMean(inputs, [1, 2]);
  }

  override computeOutputShape(inputShape: ShapeSpecs): ShapeSpec {
    const s = inputShape as ShapeSpec;
    return [s[0], s[3]];
  }
}

/** Keras' short names of the pooling layers. */
export const MaxPool2D = MaxPooling2D;
export const AvgPool2D = AveragePooling2D;
export const GlobalAvgPool2D = GlobalAveragePooling2D;
