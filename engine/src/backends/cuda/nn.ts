import type { CudaConvGeometry, CudaPoolGeometry, NativeBinding } from "@tensorbook/native";
import { isRowMajor } from "../../core/host.js";
import { registerKernel } from "../../core/registry.js";
import type { Tensor } from "../../core/tensor.js";
import type { ConvAttrs, PoolAttrs } from "../../ops/conv.js";
import type { SoftmaxAttrs } from "../../ops/softmax.js";
import { idOf } from "./kernels.js";
import { cudaTensor, freeCuda, isCudaFloat, type CudaStorage } from "./storage.js";

// The CUDA kernels of ops/conv.ts and ops/softmax.ts: im2col + cuBLAS convolution, gathering
// pooling kernels and the row softmax. They read whole row-major buffers from their start, so
// other views are first copied on the device (and the copy freed once the kernel is queued: the
// stream orders the free after it).

const shapeSize = (s: readonly number[]): number => s.reduce((p, d) => p * d, 1);

export function registerNn(b: NativeBinding): void {
  const temps: Tensor[] = [];
  // The tensor as a row-major buffer from element 0 (itself, or a device copy freed by done()).
  const dense = (t: Tensor): Tensor => {
    if (t.offset === 0 && isRowMajor(t.shape, t.strides)) return t;
    const c = cudaTensor(t.dtype, t.shape);
    b.cudaUnary("copy", t.dtype as "float32", idOf(c), idOf(t), t.offset, t.strides, t.shape, 0);
    temps.push(c);
    return c;
  };
  const done = (): void => {
    for (const t of temps.splice(0)) freeCuda(t.storage as CudaStorage);
  };
  const dtypeOf = (t: Tensor): "float32" | "float64" => {
    if (!isCudaFloat(t.dtype))
      throw new Error(`CUDA convolution and pooling take float tensors, got ${t.dtype}`);
    return t.dtype;
  };
  const conv = (g: readonly number[]): CudaConvGeometry => {
    const [n, h, w, c, kh, kw, f, sh, sw, dh, dw, pt, pl, oh, ow] = g;
    return { n, h, w, c, kh, kw, f, sh, sw, dh, dw, pt, pl, oh, ow };
  };
  const pool = (g: readonly number[]): CudaPoolGeometry => {
    const [n, h, w, c, ph, pw, sh, sw, pt, pl, oh, ow] = g;
    return { n, h, w, c, ph, pw, sh, sw, pt, pl, oh, ow };
  };

  registerKernel<ConvAttrs>("conv2d", "cuda", ([x, w], { geom }) => {
    const g = conv(geom);
    const y = cudaTensor(x.dtype, [g.n, g.oh, g.ow, g.f]);
    if (y.size) b.cudaConv2dForward(dtypeOf(x), g, idOf(dense(x)), idOf(dense(w)), idOf(y));
    done();
    return y;
  });
  registerKernel<ConvAttrs>("conv2dBackpropInput", "cuda", ([dy, w], { geom }) => {
    const g = conv(geom);
    const dx = cudaTensor(dy.dtype, [g.n, g.h, g.w, g.c]);
    if (dx.size) b.cudaConv2dBackward(dtypeOf(dy), g, 0, idOf(dense(w)), idOf(dense(dy)), idOf(dx), 0);
    done();
    return dx;
  });
  registerKernel<ConvAttrs>("conv2dBackpropFilter", "cuda", ([x, dy], { geom }) => {
    const g = conv(geom);
    const dw = cudaTensor(x.dtype, [g.kh, g.kw, g.c, g.f]);
    if (dw.size) {
      // An empty batch contributes nothing: the gradient is 0.
      if (g.n * g.oh * g.ow === 0) b.cudaUnary("fill", dtypeOf(x), idOf(dw), idOf(dw), 0, [1], [dw.size], 0);
      else b.cudaConv2dBackward(dtypeOf(x), g, idOf(dense(x)), 0, idOf(dense(dy)), 0, idOf(dw));
    }
    done();
    return dw;
  });
  // Max pooling's backward pass needs the forward's argmax: the gradient kernel recomputes it.
  const argmaxOf = (x: Tensor, g: CudaPoolGeometry): { y: Tensor; argmax: number } => {
    const y = cudaTensor(x.dtype, [g.n, g.oh, g.ow, g.c]);
    const argmax = b.cudaAlloc(Math.max(1, y.size) * 4);
    if (y.size) b.cudaMaxPoolForward(dtypeOf(x), g, idOf(dense(x)), idOf(y), argmax);
    return { y, argmax };
  };
  registerKernel<PoolAttrs>("maxPool2d", "cuda", ([x], { geom }) => {
    const { y, argmax } = argmaxOf(x, pool(geom));
    b.cudaFree(argmax);
    done();
    return y;
  });
  registerKernel<PoolAttrs>("maxPool2dGrad", "cuda", ([x, dy], { geom }) => {
    const g = pool(geom);
    const { y, argmax } = argmaxOf(x, g);
    const dx = cudaTensor(x.dtype, x.shape);
    if (dx.size) b.cudaMaxPoolBackward(dtypeOf(x), g, idOf(dense(dy)), argmax, idOf(dx));
    b.cudaFree(argmax);
    freeCuda(y.storage as CudaStorage);
    done();
    return dx;
  });
  registerKernel<PoolAttrs>("avgPool2d", "cuda", ([x], { geom }) => {
    const g = pool(geom);
    const y = cudaTensor(x.dtype, [g.n, g.oh, g.ow, g.c]);
    if (y.size) b.cudaAvgPoolForward(dtypeOf(x), g, idOf(dense(x)), idOf(y));
    done();
    return y;
  });
  registerKernel<PoolAttrs>("avgPool2dGrad", "cuda", ([dy], { geom }) => {
    const g = pool(geom);
    const dx = cudaTensor(dy.dtype, [g.n, g.h, g.w, g.c]);
    if (dx.size) b.cudaAvgPoolBackward(dtypeOf(dy), g, idOf(dense(dy)), idOf(dx));
    done();
    return dx;
  });
  registerKernel<SoftmaxAttrs>("softmax", "cuda", ([x], { log }) => {
    const n = x.shape[x.ndim - 1];
    const y = cudaTensor(x.dtype, x.shape);
    if (y.size) b.cudaSoftmax(dtypeOf(x), idOf(y), idOf(dense(x)), shapeSize(x.shape) / n, n, log);
    done();
    return y;
  });
}
