/**
 * `keras`: Keras' API spelled the TypeScript way. Only `datasets` is here so far.
 *
 * @example
 * ```ts
 * import { keras } from "tensorbook";
 * const [[xTrain, yTrain]] = keras.datasets.mnist.loadData();
 * ```
 */
export * as datasets from "./datasets/index.js";
