/**
 * `keras`: the Keras API. This file gathers the sub-namespaces.
 *
 * @example
 * ```ts
 * import { keras } from "tensorbook";
 * const opt = new keras.optimizers.Adam({ learningRate: 1e-3 });
 * const loss = keras.losses.get("sparse_categorical_crossentropy");
 * ```
 */
import "../tf/index.js";

export * as optimizers from "./optimizers/index.js";
export * as losses from "./losses/index.js";
export * as metrics from "./metrics/index.js";
export * as callbacks from "./callbacks/index.js";
export * as utils from "./utils/index.js";
export * as backend from "./backend/index.js";
