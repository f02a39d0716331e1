import type { FloatArray, NativeBinding } from "@tensorbook/native";
import { hostOf, readHost } from "../../core/host.js";
import { kernelFor, registerKernel } from "../../core/registry.js";
import type { DenseAttrs } from "../../ops/dense.js";
import { addBiasActivation } from "../js/dense.js";
import { NATIVE_MIN_SIZE } from "./elementwise.js";
import { nativeMatmul } from "./gemm.js";

// The `native-cpu` kernel of the `dense` op: the GEMM writes x·w into a new array, then the
// addon's `add` (the bias broadcast along the rows) and `relu` run over that array in place,
// each element read before it is written. Small results take the TypeScript loops, as the
// separate element-wise ops would.

/** Registers the addon's `dense` kernel. */
export function registerDense(b: NativeBinding): void {
  registerKernel<DenseAttrs>("dense", "native-cpu", (inputs, attrs) => {
    const [x, w, bias] = inputs;
    const y = nativeMatmul(x, w);
    if (!y) {
      const js = kernelFor<DenseAttrs>("dense", "js");
      if (!js) throw new Error("no js kernel for 'dense' to fall back on");
      return js(inputs, attrs);
    }
    const out = hostOf(y).data as FloatArray;
    const [m, n] = y.shape;
    const relu = attrs.activation === "relu";
    if (m * n < NATIVE_MIN_SIZE) {
      addBiasActivation(out, m, n, bias ? readHost(bias) : null, relu);
      return y;
    }
    const rowMajor = [n, 1];
    if (bias) {
      const bd = hostOf(bias).data as FloatArray;
      b.binary("add", out, out, 0, rowMajor, bd, bias.offset, [0, bias.strides[0]], y.shape);
    }
    if (relu) b.unary("relu", out, out, 0, rowMajor, y.shape);
    return y;
  });
}
