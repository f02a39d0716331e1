import type { NativeBinding } from "@tensorbook/native";
import { registerKernel } from "../../core/registry.js";
import type { Tensor } from "../../core/tensor.js";
import type { ElementwiseAttrs } from "../../ops/elementwise.js";
import type { ReduceAttrs } from "../../ops/reduce.js";
import { hostFallback } from "./fallback.js";
import { cudaTensor, isCudaFloat, type CudaStorage } from "./storage.js";

// The CUDA kernels of element-wise ops and reductions, under the engine's op names. They take
// float32/float64 operands of the result dtype with at most 8 axes; every other case runs on
// the CPU through hostFallback.

/** Engine op name → the NVRTC kernel (ew_<name>) for unary and binary element-wise ops. */
export const CUDA_UNARY: Readonly<Record<string, string>> = {
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
  expit: "expit",
  softplus: "softplus",
  relu: "relu",
  floor: "floor",
  ceil: "ceil",
  trunc: "trunc",
};
export const CUDA_BINARY: Readonly<Record<string, string>> = {
  add: "add",
  sub: "sub",
  mul: "mul",
  div: "div",
  maximum: "maximum",
  minimum: "minimum",
  fmax: "fmax",
  fmin: "fmin",
  pow: "pow",
  reluGrad: "relu_grad",
};
export const CUDA_REDUCE = new Set(["sum", "prod", "max", "min", "argmax", "argmin"]);
/** Comparisons (engine op → kernel cmp_<name>) and predicates (→ is_<name>), writing bool masks. */
export const CUDA_COMPARE: Readonly<Record<string, string>> = {
  eq: "eq",
  ne: "ne",
  lt: "lt",
  le: "le",
  gt: "gt",
  ge: "ge",
};
export const CUDA_PREDICATE: Readonly<Record<string, "nan" | "inf" | "finite">> = {
  isnan: "nan",
  isinf: "inf",
  isfinite: "finite",
};

/** The device buffer id of a tensor that is known to be on the device. */
export const idOf = (t: Tensor): number => (t.storage as CudaStorage).id;

export function registerElementwise(b: NativeBinding): void {
  for (const [op, name] of Object.entries(CUDA_BINARY)) {
    const cpu = hostFallback<ElementwiseAttrs>(op);
    registerKernel<ElementwiseAttrs>(op, "cuda", (inputs, attrs) => {
      const [x, y] = inputs;
      const { dtype } = attrs;
      if (!isCudaFloat(dtype) || x.dtype !== dtype || y.dtype !== dtype || x.ndim > 8)
        return cpu(inputs, attrs);
      const out = cudaTensor(dtype, x.shape);
      b.cudaBinary(
        name,
        dtype,
        idOf(out),
        idOf(x),
        x.offset,
        x.strides,
        idOf(y),
        y.offset,
        y.strides,
        x.shape,
      );
      return out;
    });
  }
  for (const [op, name] of Object.entries(CUDA_UNARY)) {
    const cpu = hostFallback<ElementwiseAttrs>(op);
    registerKernel<ElementwiseAttrs>(op, "cuda", (inputs, attrs) => {
      const [x] = inputs;
      const { dtype } = attrs;
      if (!isCudaFloat(dtype) || x.dtype !== dtype || x.ndim > 8) return cpu(inputs, attrs);
      const out = cudaTensor(dtype, x.shape);
      b.cudaUnary(name, dtype, idOf(out), idOf(x), x.offset, x.strides, x.shape, attrs.param ?? 0);
      return out;
    });
  }
  for (const [op, name] of Object.entries(CUDA_COMPARE)) {
    const cpu = hostFallback<ElementwiseAttrs>(op);
    registerKernel<ElementwiseAttrs>(op, "cuda", (inputs, attrs) => {
      const [x, y] = inputs;
      if (!isCudaFloat(x.dtype) || y.dtype !== x.dtype || attrs.dtype !== "bool" || x.ndim > 8)
        return cpu(inputs, attrs);
      const out = cudaTensor("bool", x.shape);
      b.cudaCompare(
        name,
        x.dtype,
        idOf(out),
        idOf(x),
        x.offset,
        x.strides,
        idOf(y),
        y.offset,
        y.strides,
        x.shape,
      );
      return out;
    });
  }
  for (const [op, name] of Object.entries(CUDA_PREDICATE)) {
    const cpu = hostFallback<ElementwiseAttrs>(op);
    registerKernel<ElementwiseAttrs>(op, "cuda", (inputs, attrs) => {
      const [x] = inputs;
      if (!isCudaFloat(x.dtype) || attrs.dtype !== "bool" || x.ndim > 8) return cpu(inputs, attrs);
      const out = cudaTensor("bool", x.shape);
      b.cudaPredicate(name, x.dtype, idOf(out), idOf(x), x.offset, x.strides, x.shape);
      return out;
    });
  }
  const cpuWhere = hostFallback<ElementwiseAttrs>("where");
  registerKernel<ElementwiseAttrs>("where", "cuda", (inputs, attrs) => {
    const [c, x, y] = inputs;
    const { dtype } = attrs;
    if (c.dtype !== "bool" || !isCudaFloat(dtype) || x.dtype !== dtype || y.dtype !== dtype || x.ndim > 8)
      return cpuWhere(inputs, attrs);
    const out = cudaTensor(dtype, x.shape);
    b.cudaWhere(
      dtype,
      idOf(out),
      idOf(c),
      c.offset,
      c.strides,
      idOf(x),
      x.offset,
      x.strides,
      idOf(y),
      y.offset,
      y.strides,
      x.shape,
    );
    return out;
  });
  const cpuReduce = hostFallback<ReduceAttrs>("reduce");
  registerKernel<ReduceAttrs>("reduce", "cuda", (inputs, attrs) => {
    const [x] = inputs;
    const { kind, axes, dtype } = attrs;
    const arg = kind === "argmax" || kind === "argmin";
    const ok =
      isCudaFloat(x.dtype) &&
      CUDA_REDUCE.has(kind) &&
      x.ndim <= 8 &&
      (arg ? dtype === "int32" && axes.length === 1 : dtype === x.dtype);
    if (!ok) return cpuReduce(inputs, attrs);
    const outShape = x.shape.filter((_, i) => !axes.includes(i));
    const out = cudaTensor(dtype, outShape);
    b.cudaReduce(
      kind,
      x.dtype as "float32" | "float64",
      idOf(out),
      idOf(x),
      x.offset,
      x.shape,
      x.strides,
      axes,
    );
    return out;
  });
}
