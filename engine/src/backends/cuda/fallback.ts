import { backendPreference, kernelFor, type Kernel } from "../../core/registry.js";
import type { Tensor } from "../../core/tensor.js";
import { isCudaStorage, toCuda, writeBack } from "./storage.js";

// Ops the CUDA backend has no kernel for (or cases it does not cover: integer dtypes, more
// than 8 axes...) run on the CPU: the CPU kernel reads the device inputs through hostOf (a
// download), and its result is moved to the device, so a model on the GPU keeps working op by
// op while the missing kernels are written. Each such op is remembered for cudaFallbackOps().

const fellBack = new Set<string>();

/** The ops that ran on the CPU for device tensors in this process (performance hint). */
export function cudaFallbackOps(): string[] {
  return [...fellBack].sort();
}

/** A kernel running `op` on the CPU backends for device inputs. */
export function hostFallback<A>(op: string): Kernel<A> {
  return (inputs: readonly Tensor[], attrs: A) => {
    fellBack.add(op);
    let kernel: Kernel<A> | undefined;
    for (const b of backendPreference("cpu")) if ((kernel = kernelFor<A>(op, b))) break;
    if (!kernel) throw new Error(`no CPU kernel for '${op}' to run device tensors with`);
    const out = kernel(inputs, attrs);
    // An in-place kernel (assign) wrote into the host copy of its device target: write it back.
    for (const t of inputs) {
      if (t === out) {
        if (isCudaStorage(t.storage)) writeBack(t.storage);
        return out;
      }
    }
    return toCuda(out);
  };
}
