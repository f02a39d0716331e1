import type { Layer } from "../engine/layer.js";
import { deserializeLayer, serializeLayer } from "../engine/layer-registry.js";
import type { KerasTensor } from "../engine/symbolic.js";
import { rebuildGraph } from "./functional-config.js";
import { Model } from "./model.js";
import { Sequential } from "./sequential.js";

/** Options of `keras.models.cloneModel`. */
export interface CloneOptions {
  /** Makes each new layer from an old one (default: a fresh layer from the old one's config). */
  cloneFunction?: (layer: Layer) => Layer;
  /** Custom layer classes by name, for layers not built in. */
  customObjects?: Readonly<Record<string, unknown>>;
}

/**
 * A new model with the same architecture and new, freshly initialized weights (Keras'
 * `clone_model`); copy the weights with `clone.setWeights(model.getWeights())`.
 *
 * @example
 * ```ts
 * const modelAClone = keras.models.cloneModel(modelA);
 * modelAClone.setWeights(modelA.getWeights());
 * ```
 */
export function cloneModel<M extends Model<KerasTensor | KerasTensor[]>>(
  model: M,
  opts: CloneOptions = {},
): M {
  const custom = opts.customObjects ?? {};
  const fresh = (l: Layer): Layer =>
    opts.cloneFunction
      ? opts.cloneFunction(l)
      : deserializeLayer(serializeLayer(l), { [l.constructor.name]: l.constructor, ...custom });
  if (model instanceof Sequential) {
    const clone = new Sequential(model.layers.map(fresh), { name: model.name });
    if (!clone.built && model.buildInputShape) clone.maybeBuild(model.buildInputShape);
    return clone as unknown as M;
  }
  if (model.graph) {
    const byName = new Map(model.graph.layers.map((l) => [l.name, l]));
    const config = model.getConfig();
    const { inputs, outputs } = rebuildGraph(config, custom, (s) =>
      fresh(byName.get((s as unknown as { name: string }).name)!),
    );
    const ins =
      model.inputStructure === "single"
        ? inputs[0]
        : model.inputStructure === "dict"
          ? Object.fromEntries(inputs.map((t) => [t.history!.layer.name, t]))
          : inputs;
    const outs = model.outputStructure === "single" ? outputs[0] : outputs;
    return new Model({ inputs: ins, outputs: outs, name: model.name }) as unknown as M;
  }
  const Cls = model.constructor as unknown as { fromConfig(c: unknown, o?: unknown): M };
  return Cls.fromConfig(model.getConfig(), custom);
}
