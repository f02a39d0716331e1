import type { Device, HostStorage, Storage } from "./backend.js";
import type { Kernel } from "./registry.js";
import type { Tensor } from "./tensor.js";

/**
 * What the core asks of a device backend (today: `cuda`), filled in when that backend starts.
 * The core stays free of device code: with no device backend active every hook is undefined
 * and costs one property check.
 */
export const deviceHooks: {
  /** A host copy of a device storage (for printing, `dataSync`, and CPU kernels reading it). */
  download?: (s: Storage) => HostStorage;
  /** Frees a device storage's memory now (`dispose`, `tf.tidy`). */
  free?: (s: Storage) => void;
  /**
   * Chooses where an op runs and moves its inputs there (placement and the mixing rule, see
   * backends/cuda/placement.ts).
   */
  route?: (op: string, inputs: readonly Tensor[]) => { device: Device; inputs: readonly Tensor[] };
  /** A kernel for an op the device backend lacks: runs the CPU kernel and moves the result. */
  fallback?: (op: string, device: Device) => Kernel<never> | undefined;
  /** Bytes the device holds for tensors (and in its allocator's cache). */
  memory?: () => { inUse: number; cached: number };
} = {};
