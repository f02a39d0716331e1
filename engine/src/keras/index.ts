/**
 * `keras`: Keras' API spelled the TypeScript way. This file gathers the sub-namespaces.
 *
 * @example
 * ```ts
 * import { keras } from "tensorbook";
 * const [[xTrain, yTrain]] = keras.datasets.mnist.loadData();
 * const opt = new keras.optimizers.Adam({ learningRate: 1e-3 });
 * const loss = keras.losses.get("sparse_categorical_crossentropy");
 * ```
 */
import "../tf/index.js";

export * as datasets from "./datasets/index.js";
export * as optimizers from "./optimizers/index.js";
export * as losses from "./losses/index.js";
export * as metrics from "./metrics/index.js";
export * as callbacks from "./callbacks/index.js";
export * as activations from "./activations/index.js";
export * as initializers from "./initializers/index.js";
export * as regularizers from "./regularizers/index.js";
export * as constraints from "./constraints/index.js";
export * as utils from "./utils/index.js";
export * as backend from "./backend/index.js";
