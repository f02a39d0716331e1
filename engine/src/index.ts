/**
 * Tensorbook's engine: what notebook cells import.
 *
 * @example
 * ```ts
 * import { datasets } from "tensorbook";
 * const csv = datasets.datasetPath("housing/housing.csv");
 * ```
 */
export * as datasets from "./datasets/index.js";
export { backendInfo, type BackendInfo } from "./backend-info.js";
