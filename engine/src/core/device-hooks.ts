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
  /** The device new work is placed on (`setDevice`, `tf.device`); "cpu" when undefined. */
  placement?: () => Device;
  /** New storage on `device` holding a row-major copy of the tensor's elements (its own buffer). */
  copyTo?: (t: Tensor, device: Device) => Storage;
  /**
   * Overwrites a device storage with the elements of `src` (same size, same dtype, any device),
   * in place, and bumps its version (assignments to variables that live on a device).
   */
  writeInto?: (dst: Storage, src: Tensor) => void;
  /**
   * Hands a buffer made outside kernels (a device copy of a host operand) to the innermost
   * `tf.tidy` scope, which then frees it; false when no scope is open. Installed by tf/memory.
   */
  adopt?: (s: Storage) => boolean;
  /** Bytes the device holds for tensors (and in its allocator's cache). */
  memory?: () => { inUse: number; cached: number };
} = {};
