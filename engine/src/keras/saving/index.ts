/**
 * Saving and loading models (`model.save`, `keras.models.loadModel`, `saveWeights`,
 * `loadWeights`) in Tensorbook's own one-file format (docs/keras.md, "Saving").
 *
 * @example
 * ```ts
 * model.save("my_keras_model.keras");
 * const again = keras.saving.loadModel("my_keras_model.keras");
 * ```
 */
import { saveHooks } from "../models/model.js";
import { loadWeights } from "./load.js";
import { saveModel, saveWeights } from "./save.js";

saveHooks.save = saveModel;
saveHooks.saveWeights = saveWeights;
saveHooks.loadWeights = loadWeights;

export { saveModel, saveWeights, type ModelFileHeader } from "./save.js";
export { loadModel, loadWeights, type LoadOptions } from "./load.js";
