import type { CudaStatus, NativeBinding } from "@tensorbook/native";
import { probeNative } from "@tensorbook/native";

/** Whether the CUDA backend can run in this process, and why (not). */
export interface CudaState {
  readonly available: boolean;
  /** Why it is unavailable; empty when available. */
  readonly reason: string;
  readonly status?: CudaStatus;
  readonly binding?: NativeBinding;
}

let state: CudaState | undefined;

/**
 * Starts CUDA once, on first use (not at import: loading the driver and opening a context
 * costs time and GPU memory that CPU-only sessions should not pay). The CUDA code lives in the
 * native addon, so the addon must load (TENSORBOOK_NATIVE=0 only turns off its CPU kernels);
 * `TENSORBOOK_CUDA=0` turns CUDA off.
 */
export function cudaState(): CudaState {
  if (state) return state;
  if (process.env.TENSORBOOK_CUDA === "0") {
    return (state = { available: false, reason: "turned off by TENSORBOOK_CUDA=0" });
  }
  const probe = probeNative();
  if (!probe.available || !probe.binding) {
    return (state = { available: false, reason: `the native addon is needed for CUDA: ${probe.reason}` });
  }
  const status = probe.binding.cudaStatus();
  state = status.available
    ? { available: true, reason: "", status, binding: probe.binding }
    : { available: false, reason: status.reason, status };
  return state;
}

/** The addon's CUDA functions, or an error saying why CUDA is unavailable. */
export function cudaBinding(): NativeBinding {
  const s = cudaState();
  if (!s.binding) throw new Error(`CUDA is unavailable: ${s.reason}`);
  return s.binding;
}
