import { probeNative, type NativeBinding, type NativeCpuInfo } from "@tensorbook/native";

/** Whether the engine runs the native kernels in this process, and why (not). */
export interface NativeState {
  /** The addon loaded and passed its checks. */
  readonly available: boolean;
  /** The engine registered its kernels and prefers them on the CPU. */
  readonly inUse: boolean;
  /** Why it is unavailable or not used; empty when in use. */
  readonly reason: string;
  readonly cpu?: NativeCpuInfo;
  readonly binding?: NativeBinding;
}

let state: NativeState | undefined;

/**
 * Probes the addon once (a child process first, then this one) and decides whether to use it:
 * `TENSORBOOK_NATIVE=0` (or `TENSORBOOK_BACKEND=js`) keeps the TypeScript kernels.
 */
export function nativeState(): NativeState {
  if (state) return state;
  const off = process.env.TENSORBOOK_NATIVE === "0" || process.env.TENSORBOOK_BACKEND === "js";
  const probe = probeNative();
  if (!probe.available || !probe.binding) {
    state = { available: false, inUse: false, reason: probe.reason };
  } else if (off) {
    state = {
      available: true,
      inUse: false,
      reason: "turned off by TENSORBOOK_NATIVE=0 / TENSORBOOK_BACKEND=js",
      cpu: probe.cpu,
      binding: probe.binding,
    };
  } else {
    state = { available: true, inUse: true, reason: "", cpu: probe.cpu, binding: probe.binding };
  }
  return state;
}

/** The addon's kernels when the engine uses them, else undefined. */
export function nativeBinding(): NativeBinding | undefined {
  const s = nativeState();
  return s.inUse ? s.binding : undefined;
}
