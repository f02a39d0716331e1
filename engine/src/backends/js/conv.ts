import { allocate, type DType, type TypedArray } from "../../core/dtype.js";
import { readHost } from "../../core/host.js";
import { registerKernel } from "../../core/registry.js";
import { Tensor } from "../../core/tensor.js";
import type { ConvAttrs, PoolAttrs } from "../../ops/conv.js";

// The `js` kernels of convolution, pooling and softmax: direct loops from the definitions (the
// native addon's im2col + GEMM versions take over when it loads; these keep the engine whole
// without it). Sums accumulate in float64.

// A float64 accumulator rounded to the result dtype.
function narrow(dtype: DType, acc: Float64Array): TypedArray {
  const o = allocate(dtype, acc.length);
  o.set(acc);
  return o;
}

const out = (dtype: DType, shape: number[], data: TypedArray): Tensor =>
  Tensor.fromTypedArray(data, shape, dtype);

// Visits every (output pixel, tap, input pixel) triple of a convolution.
function eachTap(g: readonly number[], visit: (yBase: number, xBase: number, wBase: number) => void): void {
  const [n, h, w, c, kh, kw, f, sh, sw, dh, dw, pt, pl, oh, ow] = g;
  for (let b = 0; b < n; b++)
    for (let y = 0; y < oh; y++)
      for (let x = 0; x < ow; x++) {
        const yBase = ((b * oh + y) * ow + x) * f;
        for (let i = 0; i < kh; i++) {
          const iy = y * sh - pt + i * dh;
          if (iy < 0 || iy >= h) continue;
          for (let j = 0; j < kw; j++) {
            const ix = x * sw - pl + j * dw;
            if (ix < 0 || ix >= w) continue;
            visit(yBase, ((b * h + iy) * w + ix) * c, (i * kw + j) * c * f);
          }
        }
      }
}

registerKernel<ConvAttrs>("conv2d", "js", ([x, w], { geom: g }) => {
  const [n, , , c, , , f, , , , , , , oh, ow] = g;
  const xs = readHost(x);
  const ws = readHost(w);
  const acc = new Float64Array(n * oh * ow * f);
  eachTap(g, (yb, xb, wb) => {
    for (let ch = 0; ch < c; ch++) {
      const v = xs[xb + ch];
      const wr = wb + ch * f;
      for (let o = 0; o < f; o++) acc[yb + o] += v * ws[wr + o];
    }
  });
  return out(x.dtype, [n, oh, ow, f], narrow(x.dtype, acc));
});

registerKernel<ConvAttrs>("conv2dBackpropInput", "js", ([dy, w], { geom: g }) => {
  const [n, h, wd, c, , , f] = g;
  const ds = readHost(dy);
  const ws = readHost(w);
  const acc = new Float64Array(n * h * wd * c);
  eachTap(g, (yb, xb, wb) => {
    for (let ch = 0; ch < c; ch++) {
      let s = 0;
      const wr = wb + ch * f;
      for (let o = 0; o < f; o++) s += ds[yb + o] * ws[wr + o];
      acc[xb + ch] += s;
    }
  });
  return out(dy.dtype, [n, h, wd, c], narrow(dy.dtype, acc));
});

registerKernel<ConvAttrs>("conv2dBackpropFilter", "js", ([x, dy], { geom: g }) => {
  const [, , , c, kh, kw, f] = g;
  const xs = readHost(x);
  const ds = readHost(dy);
  const acc = new Float64Array(kh * kw * c * f);
  eachTap(g, (yb, xb, wb) => {
    for (let ch = 0; ch < c; ch++) {
      const v = xs[xb + ch];
      const wr = wb + ch * f;
      for (let o = 0; o < f; o++) acc[wr + o] += v * ds[yb + o];
    }
  });
  return out(x.dtype, [kh, kw, c, f], narrow(x.dtype, acc));
});

// Visits every pooling window: its output index and the input indices it covers.
function eachWindow(g: readonly number[], visit: (o: number, inputs: number[]) => void): void {
  const [n, h, w, c, kh, kw, sh, sw, pt, pl, oh, ow] = g;
  const inputs: number[] = [];
  for (let b = 0; b < n; b++)
    for (let y = 0; y < oh; y++)
      for (let x = 0; x < ow; x++)
        for (let ch = 0; ch < c; ch++) {
          inputs.length = 0;
          for (let i = 0; i < kh; i++) {
            const iy = y * sh - pt + i;
            if (iy < 0 || iy >= h) continue;
            for (let j = 0; j < kw; j++) {
              const ix = x * sw - pl + j;
              if (ix >= 0 && ix < w) inputs.push(((b * h + iy) * w + ix) * c + ch);
            }
          }
          visit(((b * oh + y) * ow + x) * c + ch, inputs);
        }
}

// The first maximum of a window, NaN winning (as the native and CUDA kernels).
function argmaxOf(xs: TypedArray, inputs: number[]): number {
  let at = inputs[0];
  for (const k of inputs) {
    const v = xs[k];
    if (v !== v) return k;
    if (v > xs[at]) at = k;
  }
  return at;
}

const poolShape = (g: readonly number[]): number[] => [g[0], g[10], g[11], g[3]];

registerKernel<PoolAttrs>("maxPool2d", "js", ([x], { geom }) => {
  const xs = readHost(x);
  const shape = poolShape(geom);
  const y = allocate(
    x.dtype,
    shape.reduce((p, d) => p * d, 1),
  );
  eachWindow(geom, (o, inputs) => (y[o] = inputs.length ? xs[argmaxOf(xs, inputs)] : 0));
  return out(x.dtype, shape, y);
});

registerKernel<PoolAttrs>("maxPool2dGrad", "js", ([x, dy], { geom }) => {
  const xs = readHost(x);
  const ds = readHost(dy);
  const dx = allocate(x.dtype, x.size);
  eachWindow(geom, (o, inputs) => {
    if (inputs.length) dx[argmaxOf(xs, inputs)] += ds[o];
  });
  return out(x.dtype, [geom[0], geom[1], geom[2], geom[3]], dx);
});

registerKernel<PoolAttrs>("avgPool2d", "js", ([x], { geom }) => {
  const xs = readHost(x);
  const shape = poolShape(geom);
  const y = allocate(
    x.dtype,
    shape.reduce((p, d) => p * d, 1),
  );
  eachWindow(geom, (o, inputs) => {
    let s = 0;
    for (const k of inputs) s += xs[k];
    y[o] = inputs.length ? s / inputs.length : 0;
  });
  return out(x.dtype, shape, y);
});

registerKernel<PoolAttrs>("avgPool2dGrad", "js", ([dy], { geom }) => {
  const ds = readHost(dy);
  const dx = new Float64Array(geom[0] * geom[1] * geom[2] * geom[3]);
  eachWindow(geom, (o, inputs) => {
    for (const k of inputs) dx[k] += ds[o] / inputs.length;
  });
  return out(dy.dtype, [geom[0], geom[1], geom[2], geom[3]], narrow(dy.dtype, dx));
});
