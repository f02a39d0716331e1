import { broadcastView } from "../../core/broadcast.js";
import { broadcastShapes } from "../../core/shape.js";
import { kernelFor, registerKernel, type Kernel } from "../../core/registry.js";
import type { Tensor } from "../../core/tensor.js";
import { nativeMatmul } from "./gemm.js";

// The `native-cpu` kernel of `matmul`: float operands of one dtype with at least two axes go to
// the addon's GEMM as they are — transposed views (the backward pass's Bᵀ and Aᵀ), slices and
// broadcast batch axes are read through their strides, so nothing is copied first (the `js`
// kernel reads every operand into a row-major array). 1-D operands, integers and mixed dtypes
// go to `js`.

/** Registers the addon's `matmul` kernel. */
export function registerProducts(): void {
  // Looked up at call time: this module may be imported before the js kernels are registered.
  const js: Kernel<unknown> = (inputs, attrs) => {
    const k = kernelFor("matmul", "js");
    if (!k) throw new Error("no js kernel for 'matmul' to fall back on");
    return k(inputs, attrs);
  };
  registerKernel("matmul", "native-cpu", (inputs, attrs) => {
    const [a, b] = inputs;
    const float = a.dtype === "float32" || a.dtype === "float64";
    if (!float || b.dtype !== a.dtype || a.ndim < 2 || b.ndim < 2) return js(inputs, attrs);
    return matmulBroadcast(a, b) ?? js(inputs, attrs);
  });
}

// Broadcasts the batch axes (as stride-0 views, no copies), then one strided GEMM call per
// matrix run; undefined when the batch shapes do not broadcast (js raises NumPy's error).
function matmulBroadcast(a: Tensor, b: Tensor): Tensor | undefined {
  if (a.ndim === 2 && b.ndim === 2) return nativeMatmul(a, b);
  const la = a.shape.slice(0, -2);
  const lb = b.shape.slice(0, -2);
  if (!broadcastable(la, lb)) return undefined;
  const lead = broadcastShapes(la, lb);
  const av = broadcastView(a, [...lead, ...a.shape.slice(-2)]);
  const bv = broadcastView(b, [...lead, ...b.shape.slice(-2)]);
  return nativeMatmul(av, bv);
}

function broadcastable(x: readonly number[], y: readonly number[]): boolean {
  for (let i = 1; i <= Math.min(x.length, y.length); i++) {
    const p = x[x.length - i];
    const q = y[y.length - i];
    if (p !== q && p !== 1 && q !== 1) return false;
  }
  return true;
}
