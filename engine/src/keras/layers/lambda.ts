import { ValueError } from "../../core/errors.js";
import type { Tensor } from "../../core/tensor.js";
import * as np from "../../np/index.js";
import * as tf from "../../tf/index.js";
import type { Config } from "../common/config.js";
import { Layer, type CallInputs, type CallOutputs, type LayerOptions } from "../engine/layer.js";
import type { ShapeSpecs } from "../engine/shapes.js";

/** Options of `new keras.layers.Lambda(fn, options)`. */
export interface LambdaOptions extends LayerOptions {
  /** The output shape (without the batch axis) or a function of the input shape; default: inferred by running `fn`. */
  outputShape?: ShapeSpecs | ((inputShape: ShapeSpecs) => ShapeSpecs) | null;
  /** Extra keyword arguments passed to `fn` as its second argument. */
  arguments?: Record<string, unknown>;
}

/** Options of `Lambda.fromConfig` (loading a saved Lambda). */
export interface LambdaLoadOptions {
  /** Allow rebuilding the function from its saved source text (default false: it runs code from the file). */
  safeMode?: boolean;
}

type LambdaFn = (x: Tensor & Tensor[], args?: Record<string, unknown>) => Tensor | Tensor[];

/**
 * Wraps a function of tensors as a layer (`keras.layers.Lambda(lambda x: tf.exp(x))`).
 *
 * @example
 * ```ts
 * new keras.layers.Lambda((x) => tf.exp(x));
 * ```
 */
export class Lambda extends Layer {
  readonly fn: LambdaFn;
  private readonly opts: LambdaOptions;

  constructor(fn: (x: never, args?: Record<string, unknown>) => Tensor | Tensor[], opts: LambdaOptions = {}) {
    super(opts);
    if (typeof fn !== "function")
      throw new TypeError(
        "keras.layers.Lambda takes a function of tensors, e.g. new Lambda((x) => tf.exp(x))",
      );
    this.fn = fn as unknown as LambdaFn;
    this.opts = opts;
  }

  protected override defaultNameBase(): string {
    return "lambda";
  }

  override call(inputs: CallInputs): CallOutputs {
    return this.fn(inputs as Tensor & Tensor[], this.opts.arguments);
  }

  override computeOutputShape(inputShape: ShapeSpecs): ShapeSpecs {
    const os = this.opts.outputShape;
    if (typeof os === "function") return os(inputShape);
    if (os) {
      const batch = Array.isArray(inputShape[0])
        ? (inputShape[0] as (number | null)[])[0]
        : (inputShape[0] as number | null);
      return [batch, ...(os as (number | null)[])];
    }
    return super.computeOutputShape(inputShape);
  }

  /** Saves the function's source text; loading it back needs `safeMode: false`. */
  override getConfig(): Config {
    return {
      ...super.getConfig(),
      function: { source: this.fn.toString() },
      outputShape: Array.isArray(this.opts.outputShape) ? (this.opts.outputShape as (number | null)[]) : null,
    };
  }

  static override fromConfig(config: Config, customObjects: Readonly<Record<string, unknown>> = {}): Lambda {
    const saved = config.function as { source?: string; name?: string } | null;
    const named = saved?.name ? customObjects[saved.name] : undefined;
    if (typeof named === "function") return new Lambda(named as LambdaFn, config as unknown as LambdaOptions);
    if (customObjects.safeMode !== false) {
      throw new ValueError(
        "Requested the deserialization of a Lambda layer, whose function is saved as source code: loading it runs that code. " +
          "If you trust the file, pass { safeMode: false } to keras.models.loadModel.",
      );
    }
    // The source sees `tf` and `np`, the names notebook code uses.
    const fn = new Function("tf", "np", `return (${saved?.source ?? "(x) => x"});`)(tf, np) as LambdaFn;
    return new Lambda(fn, config as unknown as LambdaOptions);
  }
}
