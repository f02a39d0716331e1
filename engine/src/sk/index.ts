/**
 * `sk`: scikit-learn's API spelled the TypeScript way. Only `datasets` is here so far.
 *
 * @example
 * ```ts
 * import { sk } from "tensorbook";
 * const iris = sk.datasets.loadIris();
 * ```
 */
export * as datasets from "./datasets/index.js";
