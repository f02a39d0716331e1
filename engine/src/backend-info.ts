import { probeNative } from "@tensorbook/native";

/** One compute backend and its state in this process. */
export interface BackendInfo {
  readonly name: "js" | "native-cpu" | "cuda";
  readonly state: "in use" | "available" | "unavailable";
  /** Why a backend is unavailable; empty otherwise. */
  readonly reason: string;
}

/**
 * Every backend the engine knows, with its state: the pure-TypeScript kernels always work; the
 * native addon is used when it was built and loads.
 *
 * @example
 * ```ts
 * backendInfo(); // [{ name: "js", state: "in use", reason: "" }, ...]
 * ```
 */
export function backendInfo(): BackendInfo[] {
  const native = probeNative();
  return [
    { name: "js", state: native.available ? "available" : "in use", reason: "" },
    {
      name: "native-cpu",
      state: native.available ? "in use" : "unavailable",
      reason: native.reason,
    },
    { name: "cuda", state: "unavailable", reason: "the CUDA backend is not built yet" },
  ];
}
