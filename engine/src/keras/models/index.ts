/**
 * `keras.models`: `Sequential`, `Model`, `cloneModel`, `loadModel`.
 *
 * @example
 * ```ts
 * const clone = keras.models.cloneModel(model);
 * const restored = keras.models.loadModel("my_keras_model.keras");
 * ```
 */
import { registerLayerClasses } from "../engine/layer-registry.js";
import { Model } from "./model.js";
import { Sequential } from "./sequential.js";

export { Model, type ModelArgs, type CompileOptions, type EagerOf } from "./model.js";
export { Sequential } from "./sequential.js";
export { cloneModel, type CloneOptions } from "./clone.js";
export { loadModel, type LoadOptions } from "../saving/load.js";

registerLayerClasses(Model as never, Sequential as never);
