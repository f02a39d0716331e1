import type { FloatArray, NativeBinding } from "@tensorbook/native";
import { readHost } from "../../core/host.js";
import { registerKernel } from "../../core/registry.js";
import { Tensor } from "../../core/tensor.js";
import type { ConvAttrs, PoolAttrs } from "../../ops/conv.js";

// The `native-cpu` kernels of ops/conv.ts: the addon's im2col + GEMM convolution and pooling
// (softmax is in elementwise.ts) on float32/float64 (the ops only make float inputs).

const data = (t: Tensor): FloatArray => readHost(t) as FloatArray;
const alloc = (t: Tensor, n: number): FloatArray =>
  t.dtype === "float32" ? new Float32Array(n) : new Float64Array(n);
const size = (shape: readonly number[]): number => shape.reduce((p, d) => p * d, 1);

/** Registers the addon's convolution and pooling kernels under the engine's op names. */
export function registerNn(b: NativeBinding): void {
  registerKernel<ConvAttrs>("conv2d", "native-cpu", ([x, w], { geom: g }) => {
    const shape = [g[0], g[13], g[14], g[6]];
    const y = alloc(x, size(shape));
    b.conv2dForward(data(x), data(w), y, g);
    return Tensor.fromTypedArray(y, shape, x.dtype);
  });
  // The addon computes dx and dw in one call; the operand it does not need is a zero array.
  registerKernel<ConvAttrs>("conv2dBackpropInput", "native-cpu", ([dy, w], { geom: g }) => {
    const shape = g.slice(0, 4);
    const dx = alloc(dy, size(shape));
    b.conv2dBackward(alloc(dy, dx.length), data(w), data(dy), dx, null, g);
    return Tensor.fromTypedArray(dx, shape, dy.dtype);
  });
  registerKernel<ConvAttrs>("conv2dBackpropFilter", "native-cpu", ([x, dy], { geom: g }) => {
    const shape = [g[4], g[5], g[3], g[6]];
    const dw = alloc(x, size(shape));
    b.conv2dBackward(data(x), alloc(x, dw.length), data(dy), null, dw, g);
    return Tensor.fromTypedArray(dw, shape, x.dtype);
  });
  const poolShape = (g: readonly number[]): number[] => [g[0], g[10], g[11], g[3]];
  registerKernel<PoolAttrs>("maxPool2d", "native-cpu", ([x], { geom: g }) => {
    const shape = poolShape(g);
    const y = alloc(x, size(shape));
    b.maxPool2dForward(data(x), y, null, g);
    return Tensor.fromTypedArray(y, shape, x.dtype);
  });
  registerKernel<PoolAttrs>("maxPool2dGrad", "native-cpu", ([x, dy], { geom: g }) => {
    const n = size(poolShape(g));
    const argmax = new Int32Array(n);
    b.maxPool2dForward(data(x), alloc(x, n), argmax, g);
    const dx = alloc(x, x.size);
    b.maxPool2dBackward(data(dy), argmax, dx, g);
    return Tensor.fromTypedArray(dx, x.shape, x.dtype);
  });
  registerKernel<PoolAttrs>("avgPool2d", "native-cpu", ([x], { geom: g }) => {
    const shape = poolShape(g);
    const y = alloc(x, size(shape));
    b.avgPool2dForward(data(x), y, g);
    return Tensor.fromTypedArray(y, shape, x.dtype);
  });
  registerKernel<PoolAttrs>("avgPool2dGrad", "native-cpu", ([dy], { geom: g }) => {
    const shape = g.slice(0, 4);
    const dx = alloc(dy, size(shape));
    b.avgPool2dBackward(data(dy), dx, g);
    return Tensor.fromTypedArray(dx, shape, dy.dtype);
  });
}
