import type { FloatArray, NativeBinding } from "@tensorbook/native";
import type { DType } from "../../core/dtype.js";
import { hostOf, isRowMajor } from "../../core/host.js";
import { uninitializedFloat } from "./alloc.js";
import { kernelFor, registerKernel, type Kernel } from "../../core/registry.js";
import { Tensor } from "../../core/tensor.js";
import type { ElementwiseAttrs } from "../../ops/elementwise.js";
import type { ReduceAttrs } from "../../ops/reduce.js";
import type { SoftmaxAttrs } from "../../ops/softmax.js";

// The `native-cpu` kernels of element-wise ops and reductions. They take the float32/float64
// cases where inputs already have the result dtype and hand everything else (integers, bools,
// mixed dtypes, tiny arrays where the call costs more than the loop) to the `js` kernel.

/** Below this many elements the `js` kernel is faster than crossing into the addon. */
export const NATIVE_MIN_SIZE = 64;

/** Engine op name → the addon's name for the element-wise ops it implements. */
export const NATIVE_UNARY: Readonly<Record<string, string>> = {
  copy: "copy",
  neg: "neg",
  abs: "abs",
  sign: "sign",
  sqrt: "sqrt",
  square: "square",
  reciprocal: "reciprocal",
  exp: "exp",
  expm1: "expm1",
  log: "log",
  log1p: "log1p",
  sin: "sin",
  cos: "cos",
  tanh: "tanh",
  expit: "sigmoid",
  relu: "relu",
  floor: "floor",
  ceil: "ceil",
  trunc: "trunc",
};
export const NATIVE_BINARY: Readonly<Record<string, string>> = {
  add: "add",
  sub: "sub",
  mul: "mul",
  div: "div",
  maximum: "maximum",
  minimum: "minimum",
  fmax: "fmax",
  fmin: "fmin",
  reluGrad: "relu_grad",
};

const isFloat = (d: DType): d is "float32" | "float64" => d === "float32" || d === "float64";

// The kernels write every element of their results, so those need no zero-filling.
const newFloat = uninitializedFloat;

function fallback<A>(op: string): Kernel<A> {
  return (inputs, attrs) => {
    const k = kernelFor<A>(op, "js");
    if (!k) throw new Error(`no js kernel for '${op}' to fall back on`);
    return k(inputs, attrs);
  };
}

/** Registers the addon's element-wise and reduction kernels under the engine's op names. */
export function registerElementwise(b: NativeBinding): void {
  const mulAddJs = fallback<ElementwiseAttrs>("mulAdd");
  registerKernel<ElementwiseAttrs>("mulAdd", "native-cpu", (inputs, attrs) => {
    const [x, y, z] = inputs;
    const { dtype } = attrs;
    if (!isFloat(dtype) || inputs.some((t) => t.dtype !== dtype) || x.size < NATIVE_MIN_SIZE) {
      return mulAddJs(inputs, attrs);
    }
    const out = newFloat(dtype, x.size);
    const data = (t: Tensor) => hostOf(t).data as FloatArray;
    b.fma(
      out,
      data(x),
      x.offset,
      x.strides,
      data(y),
      y.offset,
      y.strides,
      data(z),
      z.offset,
      z.strides,
      x.shape,
    );
    return Tensor.fromTypedArray(out, x.shape, dtype);
  });
  for (const [op, name] of Object.entries(NATIVE_BINARY)) {
    const js = fallback<ElementwiseAttrs>(op);
    registerKernel<ElementwiseAttrs>(op, "native-cpu", (inputs, attrs) => {
      const [x, y] = inputs;
      const { dtype } = attrs;
      if (!isFloat(dtype) || x.dtype !== dtype || y.dtype !== dtype || x.size < NATIVE_MIN_SIZE) {
        return js(inputs, attrs);
      }
      const out = newFloat(dtype, x.size);
      const xs = hostOf(x).data as FloatArray;
      const ys = hostOf(y).data as FloatArray;
      b.binary(name, out, xs, x.offset, x.strides, ys, y.offset, y.strides, x.shape);
      return Tensor.fromTypedArray(out, x.shape, dtype);
    });
  }
  for (const [op, name] of Object.entries(NATIVE_UNARY)) {
    const js = fallback<ElementwiseAttrs>(op);
    registerKernel<ElementwiseAttrs>(op, "native-cpu", (inputs, attrs) => {
      const [x] = inputs;
      const { dtype } = attrs;
      if (!isFloat(dtype) || x.dtype !== dtype || x.size < NATIVE_MIN_SIZE) return js(inputs, attrs);
      const out = newFloat(dtype, x.size);
      b.unary(name, out, hostOf(x).data as FloatArray, x.offset, x.strides, x.shape);
      return Tensor.fromTypedArray(out, x.shape, dtype);
    });
  }
  const jsReduce = fallback<ReduceAttrs>("reduce");
  registerKernel<ReduceAttrs>("reduce", "native-cpu", (inputs, attrs) => {
    const [x] = inputs;
    const { kind, axes, dtype } = attrs;
    const arg = kind === "argmax" || kind === "argmin";
    const supported =
      isFloat(x.dtype) &&
      x.size >= NATIVE_MIN_SIZE &&
      (arg ? dtype === "int32" && axes.length === 1 : isFloat(dtype) && kind !== "all" && kind !== "any");
    if (!supported) return jsReduce(inputs, attrs);
    const outShape = x.shape.filter((_, i) => !axes.includes(i));
    const n = outShape.reduce((p, d) => p * d, 1);
    const out = arg ? new Int32Array(n) : newFloat(dtype as "float32" | "float64", n);
    b.reduce(kind, out, hostOf(x).data as FloatArray, x.offset, x.shape, x.strides, axes);
    return Tensor.fromTypedArray(out, outShape, dtype);
  });
}

/** Registers the addon's row softmax under the `softmax` op (last axis, contiguous input). */
export function registerSoftmax(b: NativeBinding): void {
  const js = fallback<SoftmaxAttrs>("softmax");
  registerKernel<SoftmaxAttrs>("softmax", "native-cpu", (inputs, attrs) => {
    const [x] = inputs;
    if (!isFloat(x.dtype) || x.size < NATIVE_MIN_SIZE || !isRowMajor(x.shape, x.strides))
      return js(inputs, attrs);
    const n = x.shape[x.ndim - 1];
    const out = newFloat(x.dtype, x.size);
    b.softmax(out, hostOf(x).data as FloatArray, x.offset, x.size / n, n, attrs.log);
    return Tensor.fromTypedArray(out, x.shape, x.dtype);
  });
}
