import { deviceHooks } from "../core/device-hooks.js";
import { runKernel } from "../core/registry.js";
import type { Tensor } from "../core/tensor.js";
import { registerGradient } from "../autodiff/registry.js";
import { add } from "./arithmetic.js";
import { matmul } from "./products.js";
import { relu, reluGrad } from "./nn.js";
import { sum } from "./reduce.js";

// A fully connected layer's forward pass as one op: `act(x · w + b)`. It computes exactly what
// `matmul`, `add` and `relu` compute one after the other (the same kernels' arithmetic, in the
// same order), with one result array instead of three and one recorded op instead of four
// (the bias's broadcast view included); its gradient is written out beside it.

/** The activations the `dense` op applies itself. */
export type DenseActivation = "linear" | "relu";

/** Attributes of the `dense` op. */
export interface DenseAttrs {
  readonly activation: DenseActivation;
}

/**
 * Whether the fused op can run these operands: 2-D `x` and `w` and a 1-D `b` of one float
 * dtype, on the CPU (a device keeps the separate ops, which it has kernels for).
 */
function fusable(x: Tensor, w: Tensor, b: Tensor | null): boolean {
  const d = x.dtype;
  if ((d !== "float32" && d !== "float64") || w.dtype !== d || x.ndim !== 2 || w.ndim !== 2) return false;
  if (x.shape[1] !== w.shape[0]) return false;
  if (b && (b.dtype !== d || b.ndim !== 1 || b.shape[0] !== w.shape[1])) return false;
  if (x.storage.device !== "cpu" || w.storage.device !== "cpu" || (b && b.storage.device !== "cpu"))
    return false;
  return (deviceHooks.placement?.() ?? "cpu") === "cpu";
}

/**
 * `activation(x · w + b)` for a batch of rows `x` [m, k], weights `w` [k, n] and bias `b` [n]
 * (or null): the computation of a `Dense` layer. Float operands of one dtype on the CPU run as
 * one `dense` op; anything else (other ranks or dtypes, a device) runs `matmul`, `add` and
 * `relu` separately, with the same result.
 *
 * @example
 * ```ts
 * dense(x, kernel, bias, "relu"); // relu(x @ kernel + bias)
 * ```
 */
export function dense(x: Tensor, w: Tensor, b: Tensor | null, activation: DenseActivation): Tensor {
  if (fusable(x, w, b)) {
    const attrs: DenseAttrs = { activation };
    return runKernel("dense", b ? [x, w, b] : [x, w], attrs);
  }
  let y = matmul(x, w);
  if (b) y = add(y, b);
  return activation === "relu" ? relu(y) : y;
}

// With z = x·w + b and y = act(z): dz = reluGrad(dy, y) (or dy), dx = dz·wᵀ, dw = xᵀ·dz,
// db = Σ_rows dz — the gradients `relu`, `add` (through the bias's broadcast) and `matmul`
// compute, with the same ops, so results agree bit for bit and higher orders work.
registerGradient<DenseAttrs>("dense", (dy, [x, w, b], { activation }, out, needs) => {
  const dz = activation === "relu" ? reluGrad(dy, out) : dy;
  return [
    needs[0] ? matmul(dz, w.T) : null,
    needs[1] ? matmul(x.T, dz) : null,
    b && needs[2] ? sum(dz, 0) : null,
  ];
});
