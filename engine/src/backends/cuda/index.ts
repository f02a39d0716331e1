/**
 * The `cuda` backend: tensors in GPU memory and kernels from the native addon (cuBLAS GEMM,
 * NVRTC-compiled element-wise and reduction kernels). Nothing starts at import: CUDA is probed
 * on first use (backendInfo, setDevice, t.to("cuda")), and without a GPU it reports why and
 * everything stays on the CPU.
 */
import type { Device } from "../../core/backend.js";
import { deviceHooks } from "../../core/device-hooks.js";
import { Tensor } from "../../core/tensor.js";
import { hostFallback } from "./fallback.js";
import { registerElementwise } from "./kernels.js";
import { registerMatmul } from "./matmul.js";
import { registerNn } from "./nn.js";
import { currentPlacement, route, setPlacement } from "./placement.js";
import { cudaBinding, cudaState } from "./state.js";
import { copyToCuda, download, freeCuda, isCudaStorage, toCuda, toHost, writeInto } from "./storage.js";
import { registerOptimizers } from "./optim.js";
import { registerRandom } from "./random.js";

export { cudaState, type CudaState } from "./state.js";
export { cudaFallbackOps } from "./fallback.js";
export { CUDA_BINARY, CUDA_UNARY, CUDA_REDUCE, CUDA_COMPARE, CUDA_PREDICATE } from "./kernels.js";

let active = false;

/** Registers the kernels and the core's device hooks (once, when CUDA is first used). */
function activate(): void {
  if (active) return;
  const b = cudaBinding();
  active = true;
  registerElementwise(b);
  registerMatmul(b);
  registerNn(b);
  registerOptimizers(b);
  registerRandom(b);
  deviceHooks.download = (s) => {
    if (!isCudaStorage(s)) throw new Error(`cannot read a tensor on ${s.device}`);
    return download(s);
  };
  deviceHooks.free = (s) => {
    if (isCudaStorage(s)) freeCuda(s);
  };
  deviceHooks.memory = () => {
    const m = b.cudaMemory();
    return { inUse: m.inUse, cached: m.cached };
  };
  deviceHooks.fallback = (op) => hostFallback(op);
  deviceHooks.placement = currentPlacement;
  deviceHooks.copyTo = (t, device) => {
    if (device !== "cuda") throw new Error(`cannot copy a tensor to ${device}`);
    return copyToCuda(t);
  };
  deviceHooks.writeInto = (dst, src) => {
    if (!isCudaStorage(dst)) throw new Error(`cannot write into a buffer on ${dst.device}`);
    writeInto(dst, src);
  };
  deviceHooks.route = route;
}

/** Whether the CUDA backend has started in this process (tensors may live on the GPU). */
export const cudaActive = (): boolean => active;

/** Accepted device names: TensorFlow's ("gpu", "/GPU:0", "/device:GPU:0") and PyTorch's ("cuda", "cuda:0"). */
export function parseDevice(name: string): Device {
  const n = name.toLowerCase().replace(/^\/(device:)?/, "");
  if (/^(cpu)(:0)?$/.test(n)) return "cpu";
  if (/^(gpu|cuda)(:0)?$/.test(n)) return "cuda";
  throw new Error(`unknown device '${name}': use "cpu" or "cuda" (also "gpu", "/GPU:0")`);
}

/**
 * Puts new work on a device: `setDevice("cuda")` runs ops on the GPU (inputs are copied there
 * as needed); `setDevice("cpu")` goes back. Fails with the reason when CUDA is unavailable.
 *
 * @example
 * ```ts
 * tb.setDevice("cuda"); // Error: cannot use the GPU: no NVIDIA driver found (...) on a CPU-only machine
 * ```
 */
export function setDevice(name: string): void {
  const d = parseDevice(name);
  if (d === "cuda") {
    const s = cudaState();
    if (!s.available) throw new Error(`cannot use the GPU: ${s.reason}`);
    activate();
  }
  setPlacement(d);
}

/** The device new work runs on ("cpu" or "cuda"). @example `tb.getDevice()` */
export const getDevice = (): Device => currentPlacement();

/**
 * Runs `fn` with work placed on a device, then restores the previous placement (after the
 * promise settles when `fn` is async) — TensorFlow's `with tf.device("/GPU:0"):`.
 *
 * @example
 * ```ts
 * const y = tf.device("gpu", () => tf.matmul(a, b));
 * ```
 */
export function withDevice<T>(name: string, fn: () => T): T {
  const before = currentPlacement();
  setDevice(name);
  let result: T;
  try {
    result = fn();
  } catch (e) {
    setPlacement(before);
    throw e;
  }
  if (result instanceof Promise) {
    return result.finally(() => setPlacement(before)) as T;
  }
  setPlacement(before);
  return result;
}

declare module "../../core/tensor.js" {
  interface Tensor {
    /** Where the elements live: "cpu" or "cuda". */
    readonly device: Device;
    /** The tensor on `device` (itself when already there; else a copy). @example `x.to("cuda")` */
    to(device: string): Tensor;
    /** The tensor on the CPU. @example `y.cpu().toArray()` */
    cpu(): Tensor;
  }
}

Object.defineProperty(Tensor.prototype, "device", {
  get(this: Tensor): Device {
    return this.storage.device;
  },
  configurable: true,
});
Tensor.prototype.to = function (this: Tensor, device: string): Tensor {
  if (parseDevice(device) === "cpu") return toHost(this);
  const s = cudaState();
  if (!s.available) throw new Error(`cannot move a tensor to the GPU: ${s.reason}`);
  activate();
  return toCuda(this);
};
Tensor.prototype.cpu = function (this: Tensor): Tensor {
  return toHost(this);
};

// TENSORBOOK_DEVICE=cuda asks for the GPU from the start; without one the session still runs,
// on the CPU, after saying why once.
const wanted = process.env.TENSORBOOK_DEVICE;
if (wanted && parseDevice(wanted) === "cuda") {
  try {
    setDevice("cuda");
  } catch (e) {
    process.stderr.write(
      `[tensorbook] TENSORBOOK_DEVICE=${wanted}: ${(e as Error).message}; using the CPU\n`,
    );
  }
}
