import type { FloatArray } from "@tensorbook/native";
import { readHost } from "../../core/host.js";
import { Tensor } from "../../core/tensor.js";
import { uninitializedFloat } from "./alloc.js";
import { nativeBinding } from "./state.js";
import {
  conv2dGeometry,
  pool2dGeometry,
  type Conv2dOptions,
  type Pool2dOptions,
} from "../../ops/conv-geometry.js";

export {
  conv2dGeometry,
  pool2dGeometry,
  outputLength,
  type Conv2dOptions,
  type Padding,
  type Pool2dOptions,
} from "../../ops/conv-geometry.js";

// Convolution, pooling and softmax for the CNN chapters, on NHWC float tensors (TensorFlow's
// layout and padding rules). Each returns undefined when the native backend cannot run it, so
// the layers keep their TypeScript path as the fallback.

const isFloat = (t: Tensor): boolean => t.dtype === "float32" || t.dtype === "float64";
const data = (t: Tensor): FloatArray => readHost(t) as FloatArray;
// Every kernel here writes all of its outputs (the backward ones zero them first themselves).
const alloc = (t: Tensor, n: number): FloatArray => uninitializedFloat(t.dtype as "float32" | "float64", n);

/**
 * 2-D convolution of x [N,H,W,C] with filters w [KH,KW,C,F] (no bias): [N,OH,OW,F].
 *
 * @example
 * ```ts
 * const y = nativeConv2d(x, w, { strides: 1, padding: "same" });
 * ```
 */
export function nativeConv2d(x: Tensor, w: Tensor, opts: Conv2dOptions = {}): Tensor | undefined {
  const b = nativeBinding();
  if (!b || !isFloat(x) || x.dtype !== w.dtype) return undefined;
  const g = conv2dGeometry(x.shape, w.shape, opts);
  const y = alloc(x, g[0] * g[13] * g[14] * g[6]);
  b.conv2dForward(data(x), data(w), y, g);
  return Tensor.fromTypedArray(y, [g[0], g[13], g[14], g[6]], x.dtype);
}

/** Gradients of a loss through {@link nativeConv2d}, given dL/dy: dL/dx and dL/dw. */
export function nativeConv2dBackward(
  x: Tensor,
  w: Tensor,
  dy: Tensor,
  opts: Conv2dOptions = {},
): { dx: Tensor; dw: Tensor } | undefined {
  const b = nativeBinding();
  if (!b || !isFloat(x) || x.dtype !== w.dtype || dy.dtype !== x.dtype) return undefined;
  const g = conv2dGeometry(x.shape, w.shape, opts);
  const dx = alloc(x, x.size);
  const dw = alloc(x, w.size);
  b.conv2dBackward(data(x), data(w), data(dy), dx, dw, g);
  return {
    dx: Tensor.fromTypedArray(dx, x.shape, x.dtype),
    dw: Tensor.fromTypedArray(dw, w.shape, x.dtype),
  };
}

/** Max pooling of x [N,H,W,C]; `argmax` feeds {@link nativeMaxPool2dBackward}. */
export function nativeMaxPool2d(
  x: Tensor,
  opts: Pool2dOptions,
): { y: Tensor; argmax: Int32Array } | undefined {
  const b = nativeBinding();
  if (!b || !isFloat(x)) return undefined;
  const g = pool2dGeometry(x.shape, opts);
  const shape = [g[0], g[10], g[11], g[3]];
  const n = shape[0] * shape[1] * shape[2] * shape[3];
  const y = alloc(x, n);
  const argmax = new Int32Array(n);
  b.maxPool2dForward(data(x), y, argmax, g);
  return { y: Tensor.fromTypedArray(y, shape, x.dtype), argmax };
}

/** dL/dx of max pooling from dL/dy and the forward pass's argmax. */
export function nativeMaxPool2dBackward(
  dy: Tensor,
  argmax: Int32Array,
  xShape: readonly number[],
  opts: Pool2dOptions,
): Tensor | undefined {
  const b = nativeBinding();
  if (!b || !isFloat(dy)) return undefined;
  const g = pool2dGeometry(xShape, opts);
  const dx = alloc(
    dy,
    xShape.reduce((p, d) => p * d, 1),
  );
  b.maxPool2dBackward(data(dy), argmax, dx, g);
  return Tensor.fromTypedArray(dx, xShape, dy.dtype);
}

/** Average pooling of x [N,H,W,C] (padding is not counted in the averages). */
export function nativeAvgPool2d(x: Tensor, opts: Pool2dOptions): Tensor | undefined {
  const b = nativeBinding();
  if (!b || !isFloat(x)) return undefined;
  const g = pool2dGeometry(x.shape, opts);
  const shape = [g[0], g[10], g[11], g[3]];
  const y = alloc(x, shape[0] * shape[1] * shape[2] * shape[3]);
  b.avgPool2dForward(data(x), y, g);
  return Tensor.fromTypedArray(y, shape, x.dtype);
}

/** dL/dx of average pooling from dL/dy. */
export function nativeAvgPool2dBackward(
  dy: Tensor,
  xShape: readonly number[],
  opts: Pool2dOptions,
): Tensor | undefined {
  const b = nativeBinding();
  if (!b || !isFloat(dy)) return undefined;
  const g = pool2dGeometry(xShape, opts);
  const dx = alloc(
    dy,
    xShape.reduce((p, d) => p * d, 1),
  );
  b.avgPool2dBackward(data(dy), dx, g);
  return Tensor.fromTypedArray(dx, xShape, dy.dtype);
}

/**
 * Softmax (or log-softmax with `log: true`) along the last axis of a float tensor.
 *
 * @example
 * ```ts
 * const p = nativeSoftmax(logits) ?? jsSoftmax(logits);
 * ```
 */
export function nativeSoftmax(x: Tensor, opts: { log?: boolean } = {}): Tensor | undefined {
  const b = nativeBinding();
  if (!b || !isFloat(x) || x.ndim === 0) return undefined;
  const n = x.shape[x.ndim - 1];
  const rows = n === 0 ? 0 : x.size / n;
  const out = alloc(x, x.size);
  b.softmax(out, data(x), 0, rows, n, opts.log ?? false);
  return Tensor.fromTypedArray(out, x.shape, x.dtype);
}
