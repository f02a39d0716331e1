import type { NativeBinding } from "@tensorbook/native";
import { registerKernel } from "../../core/registry.js";
import type { RandomFillAttrs } from "../../ops/random-fill.js";
import { idOf } from "./kernels.js";
import { cudaTensor, isCudaFloat } from "./storage.js";

// randomFill on the GPU: Philox4x32-10 from (seed, offset), uniform or normal (Box-Muller).

export function registerRandom(b: NativeBinding): void {
  registerKernel<RandomFillAttrs>("randomFill", "cuda", (_inputs, a) => {
    if (!isCudaFloat(a.dtype))
      throw new Error(`random numbers on the GPU are float32 or float64, not ${a.dtype}`);
    const out = cudaTensor(a.dtype, a.shape);
    if (out.size) b.cudaRandom(a.dtype, idOf(out), out.size, a.seed, a.offset, a.dist, a.a, a.b);
    return out;
  });
}
