import { nativeState } from "./backends/native/state.js";
import { cudaState } from "./backends/cuda/state.js";
import { getDevice } from "./backends/cuda/index.js";

/** One compute backend and its state in this process. */
export interface BackendInfo {
  readonly name: "js" | "native-cpu" | "cuda";
  readonly state: "in use" | "available" | "unavailable";
  /** Why a backend is unavailable or not used; empty otherwise. */
  readonly reason: string;
  /** Instruction set of its kernels (`avx512`, `avx2`, `generic`; `javascript` for js). */
  readonly isa?: string;
  /** Threads its kernels run on. */
  readonly threads?: number;
  /** The CPU as the backend sees it (brand, cache sizes), or the GPU's name, when it knows. */
  readonly device?: string;
  /** The device's memory in bytes (GPUs). */
  readonly memory?: number;
  /** More about the device (free memory, compute capability, driver and compiler versions). */
  readonly details?: string;
}

const kib = (n: number): string => (n >= 1 << 20 ? `${n / (1 << 20)} MiB` : `${n / 1024} KiB`);

/**
 * Every backend the engine knows, with its state: the pure-TypeScript kernels always work; the
 * native addon is used when it was built and loads (and `js` then covers what it lacks).
 *
 * @example
 * ```ts
 * backendInfo();
 * // [{ name: "js", state: "available", ... },
 * //  { name: "native-cpu", state: "in use", isa: "avx512", threads: 2, ... }, ...]
 * ```
 */
export function backendInfo(): BackendInfo[] {
  const native = nativeState();
  const cpu = native.cpu;
  return [
    {
      name: "js",
      state: native.inUse ? "available" : "in use",
      reason: native.inUse ? "ops the native addon lacks still run here" : "",
      isa: "javascript",
      threads: 1,
    },
    {
      name: "native-cpu",
      state: native.inUse ? "in use" : native.available ? "available" : "unavailable",
      reason: native.reason,
      ...(cpu
        ? {
            isa: cpu.isa,
            threads: cpu.threads,
            device: `${cpu.brand || cpu.vendor} (L1d ${kib(cpu.l1d)}, L2 ${kib(cpu.l2)}, L3 ${kib(cpu.l3)})`,
          }
        : {}),
    },
    cudaInfo(),
  ];
}

const gib = (n: number): string => `${(n / 2 ** 30).toFixed(1)} GiB`;

// Probing starts CUDA (driver, context) the first time: backendInfo is where a learner asks.
function cudaInfo(): BackendInfo {
  const s = cudaState();
  const st = s.status;
  if (!s.available || !st?.name) return { name: "cuda", state: "unavailable", reason: s.reason };
  const inUse = getDevice() === "cuda";
  return {
    name: "cuda",
    state: inUse ? "in use" : "available",
    reason: inUse ? "" : 'tb.setDevice("cuda") or TENSORBOOK_DEVICE=cuda runs work on it',
    device: st.name,
    memory: st.totalMemory ?? 0,
    details:
      `${gib(st.totalMemory ?? 0)}, ${gib(st.freeMemory ?? 0)} free, compute capability ` +
      `${st.computeCapability}, driver CUDA ${st.driverVersion}, NVRTC ${st.nvrtcVersion}`,
  };
}
