import { toTensor } from "../core/convert.js";
import { runKernel } from "../core/registry.js";
import type { Tensor, TensorLike } from "../core/tensor.js";
import { registerGradient } from "../autodiff/registry.js";
import { conv2dGeometry, pool2dGeometry, type Conv2dOptions, type Pool2dOptions } from "./conv-geometry.js";

// 2-D convolution and pooling on NHWC float tensors (TensorFlow's layout and padding). Each op
// asks the registry for its kernel (`js`, `native-cpu`, `cuda`); the geometry, computed once
// here, is the kernels' only attribute.

/** Attributes of the convolution kernels: conv2dGeometry's 15 numbers. */
export interface ConvAttrs {
  readonly geom: readonly number[];
}

/** Attributes of the pooling kernels: pool2dGeometry's 12 numbers. */
export interface PoolAttrs {
  readonly geom: readonly number[];
}

function floats(op: string, ...ts: Tensor[]): void {
  const d = ts[0].dtype;
  if ((d !== "float32" && d !== "float64") || ts.some((t) => t.dtype !== d)) {
    throw new TypeError(
      `${op} takes float32 or float64 tensors of one dtype, got ${ts.map((t) => t.dtype).join(" and ")}`,
    );
  }
}

/**
 * 2-D convolution (cross-correlation, as every deep-learning library) of `x` [N,H,W,C] with
 * `filters` [KH,KW,C,F], no bias: [N,OH,OW,F]. Differentiable in both inputs.
 *
 * @example
 * ```ts
 * const y = conv2d(images, filters, { strides: 1, padding: "same" });
 * ```
 */
export function conv2d(x: TensorLike, filters: TensorLike, opts: Conv2dOptions = {}): Tensor {
  const [a, w] = [toTensor(x), toTensor(filters)];
  floats("conv2d", a, w);
  return runKernel<ConvAttrs>("conv2d", [a, w], { geom: conv2dGeometry(a.shape, w.shape, opts) });
}

/** dL/dx of conv2d from dL/dy [N,OH,OW,F] and the filters (TensorFlow's Conv2DBackpropInput). */
export function conv2dBackpropInput(dy: Tensor, filters: Tensor, geom: readonly number[]): Tensor {
  return runKernel<ConvAttrs>("conv2dBackpropInput", [dy, filters], { geom });
}

/** dL/dfilters of conv2d from the input and dL/dy (TensorFlow's Conv2DBackpropFilter). */
export function conv2dBackpropFilter(x: Tensor, dy: Tensor, geom: readonly number[]): Tensor {
  return runKernel<ConvAttrs>("conv2dBackpropFilter", [x, dy], { geom });
}

registerGradient<ConvAttrs>("conv2d", (dy, [x, w], { geom }, _out, needs) => [
  needs[0] ? conv2dBackpropInput(dy, w, geom) : null,
  needs[1] ? conv2dBackpropFilter(x, dy, geom) : null,
]);
// Both backward ops are linear in each input, so their gradients are convolutions again
// (second-order gradients through a CNN).
registerGradient<ConvAttrs>("conv2dBackpropInput", (g, [dy, w], { geom }, _out, needs) => [
  needs[0] ? runKernel<ConvAttrs>("conv2d", [g, w], { geom }) : null,
  needs[1] ? conv2dBackpropFilter(g, dy, geom) : null,
]);
registerGradient<ConvAttrs>("conv2dBackpropFilter", (g, [x, dy], { geom }, _out, needs) => [
  needs[0] ? conv2dBackpropInput(dy, g, geom) : null,
  needs[1] ? runKernel<ConvAttrs>("conv2d", [x, g], { geom }) : null,
]);

/**
 * Max pooling of `x` [N,H,W,C] over `poolSize` windows (strides default to the pool size;
 * windows that reach into `same` padding take the maximum of their real pixels).
 *
 * @example
 * ```ts
 * maxPool2d(x, { poolSize: 2 }); // halves H and W
 * ```
 */
export function maxPool2d(x: TensorLike, opts: Pool2dOptions): Tensor {
  const a = toTensor(x);
  floats("maxPool2d", a);
  return runKernel<PoolAttrs>("maxPool2d", [a], { geom: pool2dGeometry(a.shape, opts) });
}

/**
 * Average pooling of `x` [N,H,W,C]; padding is not counted in the averages (TensorFlow's rule).
 *
 * @example
 * ```ts
 * avgPool2d(x, { poolSize: 2 });
 * ```
 */
export function avgPool2d(x: TensorLike, opts: Pool2dOptions): Tensor {
  const a = toTensor(x);
  floats("avgPool2d", a);
  return runKernel<PoolAttrs>("avgPool2d", [a], { geom: pool2dGeometry(a.shape, opts) });
}

// Max pooling's gradient goes to the first maximum of each window; the kernel finds it again
// from x (TensorFlow's MaxPoolGrad also takes the input).
registerGradient<PoolAttrs>("maxPool2d", (dy, [x], { geom }) => [
  runKernel<PoolAttrs>("maxPool2dGrad", [x, dy], { geom }),
]);
registerGradient<PoolAttrs>("avgPool2d", (dy, _inputs, { geom }) => [
  runKernel<PoolAttrs>("avgPool2dGrad", [dy], { geom }),
]);
// avgPool2dGrad is linear in dy: its adjoint is the pooling itself.
registerGradient<PoolAttrs>("avgPool2dGrad", (g, _inputs, { geom }) => [
  runKernel<PoolAttrs>("avgPool2d", [g], { geom }),
]);
