import { ValueError } from "../../core/errors.js";
import { isSerialized, type Config, type ConfigValue, type Serialized } from "../common/config.js";
import type { Layer } from "./layer.js";

// Built-in layer and model classes by class name, so saved configs can be turned back into
// layers; custom classes come from the `customObjects` map given to `loadModel`.

/** A layer class as saving sees it: a constructor with a static `fromConfig`. */
export interface LayerClass {
  readonly name: string;
  fromConfig(config: Config, customObjects?: CustomLayerObjects): Layer;
}

/** Custom classes and functions by name, as `loadModel(path, { customObjects })` takes them. */
export type CustomLayerObjects = Readonly<Record<string, unknown>>;

const classes = new Map<string, LayerClass>();

/** @internal Registers built-in layer classes under their class names. */
export function registerLayerClasses(...list: LayerClass[]): void {
  for (const c of list) classes.set(c.name, c);
}

/** @internal Whether `ctor` is a registered built-in layer or model class (not a subclass of one). */
export function isBuiltInLayerClass(ctor: unknown): boolean {
  return typeof ctor === "function" && (classes.get(ctor.name) as unknown) === ctor;
}

/** `{ className, config }` of a layer, as saving writes it. */
export function serializeLayer(layer: Layer): Serialized {
  return { className: layer.constructor.name, config: layer.getConfig() };
}

/** `serializeLayer` as a config value (to nest in another config). */
export function layerConfigValue(layer: Layer): ConfigValue {
  return serializeLayer(layer) as unknown as ConfigValue;
}

/**
 * Makes a layer from `{ className, config }`: a class from `customObjects` first, then the
 * built-in classes.
 */
export function deserializeLayer(s: Serialized, customObjects: CustomLayerObjects = {}): Layer {
  const custom = customObjects[s.className];
  const cls = (typeof custom === "function" ? custom : undefined) as unknown as LayerClass | undefined;
  const found = cls ?? classes.get(s.className);
  if (!found) {
    throw new ValueError(
      `Unknown layer: '${s.className}'. Please ensure you are using a keras Layer class and that it is passed in customObjects: ` +
        `keras.models.loadModel(path, { customObjects: { ${s.className} } })`,
    );
  }
  return found.fromConfig(s.config, customObjects);
}

/** Turns a saved activation that is a layer (`activation: LeakyReLU(0.2)`) back into one. */
export function reviveCallable(v: ConfigValue | undefined, customObjects?: CustomLayerObjects): unknown {
  return isSerialized(v) && (classes.has(v.className) || (customObjects && v.className in customObjects))
    ? deserializeLayer(v, customObjects)
    : v;
}
