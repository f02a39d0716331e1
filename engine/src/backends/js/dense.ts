import type { TypedArray } from "../../core/dtype.js";
import { hostOf, readHost } from "../../core/host.js";
import { kernelFor, registerKernel } from "../../core/registry.js";
import type { Tensor } from "../../core/tensor.js";
import type { DenseAttrs } from "../../ops/dense.js";

// The `js` kernel of the `dense` op (ops/dense.ts): the `matmul` kernel's product, then the bias
// and relu applied in place with the arithmetic of the `add` and `relu` kernels.

/**
 * Adds `bias` (one value per column, or none) to the m × n row-major `out` and applies relu, in
 * place: `out[i, j] = relu(out[i, j] + bias[j])`, rounded to `out`'s type at each step as the
 * separate `add` and `relu` kernels round.
 */
export function addBiasActivation(
  out: TypedArray,
  m: number,
  n: number,
  bias: ArrayLike<number> | null,
  relu: boolean,
): void {
  if (bias) {
    for (let i = 0, p = 0; i < m; i++) for (let j = 0; j < n; j++, p++) out[p] = out[p] + bias[j];
  }
  if (relu) {
    for (let p = 0; p < m * n; p++) {
      const v = out[p];
      if (!(v > 0 || v !== v)) out[p] = 0;
    }
  }
}

registerKernel<DenseAttrs>("dense", "js", (inputs, { activation }) => {
  const [x, w, b] = inputs;
  const matmul = kernelFor<Record<string, never>>("matmul", "js");
  if (!matmul) throw new Error("no js kernel for 'matmul'");
  const y: Tensor = matmul([x, w], {});
  addBiasActivation(hostOf(y).data, x.shape[0], w.shape[1], b ? readHost(b) : null, activation === "relu");
  return y;
});
