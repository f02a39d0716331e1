/**
 * Tensorbook's engine: what notebook cells import.
 *
 * @example
 * ```ts
 * import { np } from "tensorbook";
 * np.arange(6).reshape(2, 3).sum(0); // array([3, 5, 7])
 * ```
 */
export * as np from "./np/index.js";
export * as tf from "./tf/index.js";
export * as pd from "./pd/index.js";
export * as sk from "./sk/index.js";
export * as keras from "./keras/index.js";
export {
  Tensor,
  DISPLAY,
  TO_ARRAY,
  type TensorLike,
  type ArrayConvertible,
  type MimeBundle,
} from "./core/tensor.js";
export type { DType } from "./core/dtype.js";
export * as datasets from "./datasets/index.js";
export { backendInfo, type BackendInfo } from "./backend-info.js";
export { setDevice, getDevice, cudaFallbackOps } from "./backends/cuda/index.js";
export * as plt from "./plt/index.js";
