// Shared by the GPU tests: they run only where CUDA is available (an NVIDIA GPU, driver, cuBLAS
// and NVRTC) and are skipped elsewhere with the reason. Data is seeded; tolerances are stated
// per dtype next to each comparison.
import assert from "node:assert/strict";
import type { NativeBinding } from "@tensorbook/native";
import { backendInfo } from "tensorbook";
import { cudaState } from "../../engine/src/backends/cuda/state.js";

const state = cudaState();

/** `{ skip: reason }` for node:test without a usable GPU. */
export const needsGpu: { skip?: string } = state.available
  ? {}
  : { skip: `no GPU for the CUDA tests: ${state.reason}` };

export function gpu(): NativeBinding {
  assert.ok(state.binding, "CUDA not available");
  return state.binding;
}

/**
 * TENSORBOOK_GPU_TESTS_QUICK=1 (set when test/engine/cuda/gpu-suite.test.ts dry-runs this suite
 * on the simulated GPU): the same tests on small sizes. A real GPU run uses the full sizes.
 */
export const quick = process.env.TENSORBOOK_GPU_TESTS_QUICK === "1";
export const size = (full: number, small: number): number => (quick ? small : full);

export const gpuName = (): string => backendInfo().find((b) => b.name === "cuda")?.device ?? "";

/** Relative/absolute tolerances of GPU results against the CPU's, by dtype and kind of result. */
export function tolerance(dtype: string, kind: "pointwise" | "accumulated"): { rtol: number; atol: number } {
  // float32: the GPU's exp/log/tanh are within 2 ulp; sums and products accumulate in another order.
  if (dtype === "float32")
    return kind === "pointwise" ? { rtol: 1e-5, atol: 1e-6 } : { rtol: 2e-4, atol: 1e-4 };
  return kind === "pointwise" ? { rtol: 1e-13, atol: 1e-14 } : { rtol: 1e-10, atol: 1e-10 };
}
