import { ValueError } from "../../core/errors.js";
import type { Tensor } from "../../core/tensor.js";
import type { Variable } from "../../autodiff/variable.js";
import * as tf from "../../tf/index.js";
import type { Config } from "../common/config.js";
import { Layer, type CallInputs, type LayerOptions } from "../engine/layer.js";
import {
  serializeConstraint,
  serializeInitializer,
  serializeRegularizer,
  type ConstraintLike,
  type InitializerLike,
  type RegularizerLike,
} from "../engine/parts.js";
import type { ShapeSpec, ShapeSpecs } from "../engine/shapes.js";

/** Options of `new keras.layers.Embedding(inputDim, outputDim, options)`. */
export interface EmbeddingOptions extends LayerOptions {
  /** Initial vectors (default "uniform": U(-0.05, 0.05)). */
  embeddingsInitializer?: InitializerLike;
  embeddingsRegularizer?: RegularizerLike | null;
  embeddingsConstraint?: ConstraintLike | null;
  /** Treat index 0 as padding and emit a mask for the following layers (default false). */
  maskZero?: boolean;
  /** Length of the input sequences, when fixed (Keras 2's `input_length`). */
  inputLength?: number | null;
}

/**
 * Maps integer indices (`0 … inputDim-1`) to trainable dense vectors of length `outputDim`.
 *
 * @example
 * ```ts
 * new keras.layers.Embedding(10000, 128, { maskZero: true });
 * ```
 */
export class Embedding extends Layer {
  readonly inputDim: number;
  readonly outputDim: number;
  readonly maskZero: boolean;
  embeddings!: Variable;
  private readonly opts: EmbeddingOptions;

  constructor(inputDim: number, outputDim: number, opts: EmbeddingOptions = {}) {
    super(
      opts.inputLength != null && !opts.inputShape && !opts.batchInputShape
        ? { ...opts, inputShape: [opts.inputLength] }
        : opts,
    );
    if (!(Number.isInteger(inputDim) && inputDim > 0 && Number.isInteger(outputDim) && outputDim > 0)) {
      throw new ValueError(
        `Both inputDim and outputDim should be positive integers, got ${inputDim} and ${outputDim}`,
      );
    }
    this.inputDim = inputDim;
    this.outputDim = outputDim;
    this.maskZero = opts.maskZero ?? false;
    this.opts = opts;
    this.supportsMasking = this.maskZero;
  }

  override build(): void {
    this.embeddings = this.addWeight({
      name: "embeddings",
      shape: [this.inputDim, this.outputDim],
      initializer: this.opts.embeddingsInitializer ?? "random_uniform",
      regularizer: this.opts.embeddingsRegularizer ?? undefined,
      constraint: this.opts.embeddingsConstraint ?? undefined,
    });
  }

  override call(inputs: Tensor): Tensor {
    const idx = inputs.dtype === "int32" ? inputs : tf.cast(inputs, "int32");
    return tf.gather(this.embeddings, idx);
  }

  override computeMask(inputs: CallInputs): Tensor | null {
    return this.maskZero ? tf.notEqual(inputs as Tensor, 0) : null;
  }

  override computeOutputShape(s: ShapeSpecs): ShapeSpec {
    return [...(s as ShapeSpec), this.outputDim];
  }

  override getConfig(): Config {
    return {
      ...super.getConfig(),
      inputDim: this.inputDim,
      outputDim: this.outputDim,
      embeddingsInitializer: serializeInitializer(this.opts.embeddingsInitializer ?? "random_uniform"),
      embeddingsRegularizer: serializeRegularizer(this.opts.embeddingsRegularizer ?? null),
      embeddingsConstraint: serializeConstraint(this.opts.embeddingsConstraint ?? null),
      maskZero: this.maskZero,
    };
  }

  static override fromConfig(config: Config): Embedding {
    return new Embedding(
      config.inputDim as number,
      config.outputDim as number,
      config as unknown as EmbeddingOptions,
    );
  }
}
