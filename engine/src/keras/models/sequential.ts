import { ValueError } from "../../core/errors.js";
import type { Tensor } from "../../core/tensor.js";
import type { Config, ConfigValue, Serialized } from "../common/config.js";
import { InputLayer } from "../engine/input-layer.js";
import { Layer, type CallOptions, type LayerOptions } from "../engine/layer.js";
import { deserializeLayer, layerConfigValue, type CustomLayerObjects } from "../engine/layer-registry.js";
import { formatShapeSpec, isShapeList, type ShapeSpec, type ShapeSpecs } from "../engine/shapes.js";
import type { KerasTensor } from "../engine/symbolic.js";
import { Model } from "./model.js";

/**
 * A plain stack of layers, each feeding the next (Keras' `keras.Sequential`). Give the first
 * layer an `inputShape` (or start with an InputLayer) to build it at once; otherwise it builds
 * at its first call.
 *
 * @example
 * ```ts
 * const model = new keras.Sequential([
 *   new keras.layers.Flatten({ inputShape: [28, 28] }),
 *   new keras.layers.Dense(300, { activation: "relu" }),
 *   new keras.layers.Dense(100, { activation: "relu" }),
 *   new keras.layers.Dense(10, { activation: "softmax" }),
 * ]);
 * model.add(new keras.layers.Dropout(0.2));
 * ```
 */
export class Sequential extends Model<KerasTensor> {
  /** @internal The stacked layers (input layers excluded). */
  stack: Layer[] = [];
  private shapes = new Map<Layer, ShapeSpecs>();

  constructor(layers: readonly Layer[] | null = null, opts: LayerOptions = {}) {
    super(opts);
    for (const l of layers ?? []) this.add(l);
  }

  protected override defaultNameBase(): string {
    return this.constructor === Sequential ? "Sequential" : this.constructor.name;
  }

  /**
   * Adds a layer on top of the stack.
   *
   * @example
   * ```ts
   * model.add(new keras.layers.Dense(10, { activation: "softmax" }));
   * ```
   */
  add(layer: Layer): void {
    if (!(layer instanceof Layer)) {
      throw new TypeError(
        `The added layer must be an instance of class Layer. Received: layer=${String(layer)}`,
      );
    }
    if (this.stack.some((l) => l.name === layer.name)) {
      throw new ValueError(
        `All layers added to a Sequential model should have unique names. Name "${layer.name}" is already the name of a layer in this model. Update the \`name\` argument to pass a unique name.`,
      );
    }
    if (layer instanceof InputLayer) {
      if (this.stack.length)
        throw new ValueError("An InputLayer can only be the first layer of a Sequential model");
      this.batchInputShape = layer.batchInputShape;
      this.maybeBuild(layer.batchInputShape!);
      return;
    }
    this.stack.push(layer);
    if (this.built) {
      const prev =
        this.stack.length > 1 ? this.shapes.get(this.stack[this.stack.length - 2])! : this.buildInputShape!;
      this.shapes.set(layer, this.propagate(layer, prev));
    } else if (this.stack.length === 1 && layer.batchInputShape) {
      this.batchInputShape = layer.batchInputShape;
      this.maybeBuild(layer.batchInputShape);
    }
  }

  /** Removes the top layer. @example `model.pop()` */
  pop(): Layer {
    const l = this.stack.pop();
    if (!l) throw new TypeError("There are no layers in the model");
    this.shapes.delete(l);
    return l;
  }

  override get layers(): Layer[] {
    return [...this.stack];
  }

  override get subLayers(): Layer[] {
    return [...this.stack];
  }

  override build(inputShape: ShapeSpecs): void {
    let shape = inputShape;
    for (const l of this.stack) shape = this.propagate(l, shape);
  }

  private propagate(layer: Layer, shape: ShapeSpecs): ShapeSpecs {
    const s: ShapeSpecs = isShapeList(shape) ? shape : [null, ...(shape as ShapeSpec).slice(1)];
    layer.maybeBuild(s);
    const out = layer.computeOutputShape(s);
    this.shapes.set(layer, out);
    return out;
  }

  override computeOutputShape(inputShape: ShapeSpecs): ShapeSpecs {
    let shape = inputShape;
    for (const l of this.stack) shape = l.computeOutputShape(shape);
    return shape;
  }

  /** @internal Output shapes for the summary. */
  layerOutputShape(layer: Layer): ShapeSpecs | null {
    return this.shapes.get(layer) ?? null;
  }

  override call(inputs: Tensor, opts: CallOptions = {}): Tensor {
    if (this.stack.length === 0)
      throw new ValueError(`Sequential model ${this.name} has no layers: add some before calling it`);
    let x: Tensor = inputs;
    for (const l of this.stack) x = l.apply(x, { training: opts.training });
    return x;
  }

  override get inputNames(): string[] {
    return ["input_1"];
  }

  override get outputNames(): string[] {
    const last = this.stack[this.stack.length - 1];
    return [last ? last.name : "output_1"];
  }

  override getConfig(): Config {
    const c: Record<string, ConfigValue> = {
      name: this.name,
      trainable: this.trainable,
      layers: this.stack.map(layerConfigValue),
    };
    if (this.buildInputShape)
      c.buildInputShape = isShapeList(this.buildInputShape)
        ? this.buildInputShape.map((s) => [...s])
        : [...this.buildInputShape];
    return c;
  }

  static override fromConfig(config: Config, customObjects: CustomLayerObjects = {}): Sequential {
    const layers = (config.layers as unknown as Serialized[]).map((s) => deserializeLayer(s, customObjects));
    const model = new Sequential(layers, { name: config.name as string });
    const shape = config.buildInputShape as ShapeSpec | null | undefined;
    if (shape && !model.built) model.maybeBuild(shape);
    return model;
  }

  override toString(): string {
    return `<Sequential name=${this.name}, built=${this.built ? "True" : "False"}${this.buildInputShape && !isShapeList(this.buildInputShape) ? `, input_shape=${formatShapeSpec(this.buildInputShape)}` : ""}>`;
  }
}
