// Convolution and pooling (NHWC, forward and backward) against NumPy fixtures and a direct
// TypeScript reference on random geometries, on every kernel variant; async and cancel.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { FloatArray } from "@tensorbook/native";
import { Tensor } from "../../engine/src/core/tensor.js";
import {
  conv2dGeometry,
  nativeAvgPool2d,
  nativeAvgPool2dBackward,
  nativeConv2d,
  nativeConv2dBackward,
  nativeMaxPool2d,
  nativeMaxPool2dBackward,
  type Padding,
} from "../../engine/src/backends/native/index.js";
import {
  addon,
  assertClose,
  ctorOf,
  fixtures,
  FLOATS,
  forEachIsa,
  needsAddon,
  randomArray,
  rng,
  tol,
} from "./helpers.js";

// Direct convolution and its gradients in float64, straight from the definition.
function convRef(
  x: FloatArray,
  w: FloatArray,
  dy: FloatArray,
  g: number[],
): { y: number[]; dx: number[]; dw: number[] } {
  const [n, h, wd, c, kh, kw, f, sh, sw, dh, dw, pt, pl, oh, ow] = g;
  const y = new Array<number>(n * oh * ow * f).fill(0);
  const dx = new Array<number>(x.length).fill(0);
  const dW = new Array<number>(w.length).fill(0);
  for (let b = 0; b < n; b++)
    for (let a = 0; a < oh; a++)
      for (let e = 0; e < ow; e++)
        for (let i = 0; i < kh; i++)
          for (let j = 0; j < kw; j++) {
            const ih = a * sh - pt + i * dh,
              iw = e * sw - pl + j * dw;
            if (ih < 0 || ih >= h || iw < 0 || iw >= wd) continue;
            for (let ci = 0; ci < c; ci++) {
              const xi = ((b * h + ih) * wd + iw) * c + ci;
              for (let fo = 0; fo < f; fo++) {
                const wi = ((i * kw + j) * c + ci) * f + fo,
                  yi = ((b * oh + a) * ow + e) * f + fo;
                y[yi] += x[xi] * w[wi];
                dx[xi] += dy[yi] * w[wi];
                dW[wi] += x[xi] * dy[yi];
              }
            }
          }
  return { y, dx, dw: dW };
}

describe("native convolution and pooling", needsAddon, () => {
  it("matches NumPy (fixtures): conv2d forward and both gradients", () => {
    for (const c of fixtures("conv2d")) {
      const Ctor = ctorOf(c.dtype);
      const x = Tensor.fromTypedArray(Ctor.from(c.inputs.x.data), c.inputs.x.shape, c.dtype);
      const w = Tensor.fromTypedArray(Ctor.from(c.inputs.w.data), c.inputs.w.shape, c.dtype);
      const dy = Tensor.fromTypedArray(Ctor.from(c.inputs.dy.data), c.inputs.dy.shape, c.dtype);
      const p = c.params as { strides: number; dilations: number; padding: Padding };
      const y = nativeConv2d(x, w, p);
      const grads = nativeConv2dBackward(x, w, dy, p);
      assert.ok(y && grads);
      assert.deepEqual(y.shape, c.expect.y.shape, c.name);
      const { rtol, atol } = tol(c.dtype);
      assertClose(y.dataSync(), c.expect.y.data, rtol * 5, atol * 5, `${c.name} y`);
      assertClose(grads.dx.dataSync(), c.expect.dx.data, rtol * 5, atol * 5, `${c.name} dx`);
      assertClose(grads.dw.dataSync(), c.expect.dw.data, rtol * 5, atol * 5, `${c.name} dw`);
    }
  });

  it("matches NumPy (fixtures): max and average pooling forward and backward", () => {
    for (const c of fixtures("pool2d")) {
      const Ctor = ctorOf(c.dtype);
      const x = Tensor.fromTypedArray(Ctor.from(c.inputs.x.data), c.inputs.x.shape, c.dtype);
      const dy = Tensor.fromTypedArray(Ctor.from(c.inputs.dy.data), c.inputs.dy.shape, c.dtype);
      const p = c.params as { poolSize: number; strides: number; padding: Padding };
      const mx = nativeMaxPool2d(x, p);
      const av = nativeAvgPool2d(x, p);
      assert.ok(mx && av);
      assertClose(mx.y.dataSync(), c.expect.max.data, 0, 0, `${c.name} max`);
      const { rtol, atol } = tol(c.dtype);
      assertClose(av.dataSync(), c.expect.avg.data, rtol, atol, `${c.name} avg`);
      const dmax = nativeMaxPool2dBackward(dy, mx.argmax, x.shape, p);
      const davg = nativeAvgPool2dBackward(dy, x.shape, p);
      assert.ok(dmax && davg);
      assertClose(dmax.dataSync(), c.expect.dmax.data, rtol, atol, `${c.name} dmax`);
      assertClose(davg.dataSync(), c.expect.davg.data, rtol, atol, `${c.name} davg`);
    }
  });

  for (const [dtype, Ctor] of FLOATS) {
    it(`${dtype}: random geometries (strides, dilation, same/valid, 1x1) equal the direct definition on every ISA`, () => {
      const next = rng(20);
      const pick = (v: number[]): number => v[Math.floor(next() * v.length)];
      const cases = Array.from({ length: 12 }, () => ({
        n: pick([1, 2, 3]),
        h: pick([5, 8, 11]),
        w: pick([4, 7, 12]),
        c: pick([1, 3, 8]),
        k: pick([1, 2, 3, 5]),
        f: pick([1, 4, 17]),
        s: pick([1, 2, 3]),
        d: pick([1, 1, 2]),
        pad: pick([0, 1]) ? ("same" as const) : ("valid" as const),
      })).filter((q) => q.pad === "same" || (q.k - 1) * q.d + 1 <= Math.min(q.h, q.w));
      forEachIsa((isa) => {
        for (const q of cases) {
          const x = randomArray(Ctor, q.n * q.h * q.w * q.c, next);
          const w = randomArray(Ctor, q.k * q.k * q.c * q.f, next);
          const g = conv2dGeometry([q.n, q.h, q.w, q.c], [q.k, q.k, q.c, q.f], {
            strides: q.s,
            dilations: q.d,
            padding: q.pad,
          });
          const dy = randomArray(Ctor, q.n * g[13] * g[14] * q.f, next);
          const ref = convRef(x, w, dy, g);
          const y = new Ctor(ref.y.length),
            dx = new Ctor(x.length),
            dW = new Ctor(w.length);
          addon().conv2dForward(x, w, y, g);
          addon().conv2dBackward(x, w, dy, dx, dW, g);
          const { rtol, atol } = tol(dtype);
          const what = `${isa} ${JSON.stringify(q)}`;
          assertClose(y, ref.y, rtol * 5, atol * 5, `${what} y`);
          assertClose(dx, ref.dx, rtol * 5, atol * 5, `${what} dx`);
          assertClose(dW, ref.dw, rtol * 10, atol * 10, `${what} dw`);
        }
      });
    });
  }

  it("wide inputs (blocks of rows, dW by filter position, filters split across tasks) equal the definition, with any thread count", () => {
    const b = addon();
    const threads = b.cpuInfo().threads;
    const next = rng(22);
    // 3x3 over 40 channels: several row blocks forward, dW one task per filter position;
    // 2x2 'valid' with 128 filters: few positions, so the filters are split across tasks too;
    // a stride-2 dilated one and a 1-channel 5x5 (the first layer's chunked dW path).
    const cases = [
      { n: 3, h: 9, w: 9, c: 40, k: 3, f: 20, s: 1, d: 1, pad: "same" as const },
      { n: 2, h: 6, w: 7, c: 32, k: 2, f: 128, s: 1, d: 1, pad: "valid" as const },
      { n: 2, h: 11, w: 10, c: 33, k: 3, f: 9, s: 2, d: 2, pad: "same" as const },
      { n: 4, h: 12, w: 12, c: 1, k: 5, f: 16, s: 1, d: 1, pad: "same" as const },
      // Padding skipped by classes of pixels: a dilated 5x5 (classes seeing 1-5 filter rows
      // and columns, column runs gathered one by one; dX as a dilated forward of dY) and a
      // 'valid' one whose dX forward is padded while its own forward is not.
      { n: 2, h: 8, w: 9, c: 32, k: 5, f: 40, s: 1, d: 2, pad: "same" as const },
      { n: 3, h: 5, w: 6, c: 64, k: 3, f: 33, s: 1, d: 1, pad: "valid" as const },
    ];
    for (const [dtype, Ctor] of FLOATS)
      for (const q of cases) {
        const x = randomArray(Ctor, q.n * q.h * q.w * q.c, next);
        const w = randomArray(Ctor, q.k * q.k * q.c * q.f, next);
        const g = conv2dGeometry([q.n, q.h, q.w, q.c], [q.k, q.k, q.c, q.f], {
          strides: q.s,
          dilations: q.d,
          padding: q.pad,
        });
        const dy = randomArray(Ctor, q.n * g[13] * g[14] * q.f, next);
        const ref = convRef(x, w, dy, g);
        const runs = [1, Math.max(2, threads)].map((t) => {
          const y = new Ctor(ref.y.length),
            dx = new Ctor(x.length),
            dW = new Ctor(w.length);
          try {
            b.setThreads(t);
            b.conv2dForward(x, w, y, g);
            b.conv2dBackward(x, w, dy, dx, dW, g);
          } finally {
            b.setThreads(threads);
          }
          return { y, dx, dW };
        });
        const { rtol, atol } = tol(dtype);
        const what = `${dtype} ${JSON.stringify(q)}`;
        assertClose(runs[0].y, ref.y, rtol * 5, atol * 5, `${what} y`);
        assertClose(runs[0].dx, ref.dx, rtol * 5, atol * 5, `${what} dx`);
        assertClose(runs[0].dW, ref.dw, rtol * 20, atol * 20, `${what} dw`);
        // Every element is summed in the same order whatever the split: identical bits.
        assert.deepEqual(runs[1], runs[0], `${what}: 1 thread vs the pool`);
      }
  });

  it("a Fashion-MNIST-sized batch runs async and stops when cancelled", async () => {
    const b = addon();
    const next = rng(21);
    const g = conv2dGeometry([32, 28, 28, 32], [3, 3, 32, 64], { padding: "same" });
    const x = randomArray(Float32Array, 32 * 28 * 28 * 32, next),
      w = randomArray(Float32Array, 3 * 3 * 32 * 64, next);
    const y1 = new Float32Array(32 * 28 * 28 * 64),
      y2 = new Float32Array(y1.length);
    assert.equal(await b.conv2dForwardAsync(x, w, y1, g), true);
    b.conv2dForward(x, w, y2, g);
    assert.deepEqual(y1, y2);
    const cancel = new Int32Array([1]);
    assert.equal(await b.conv2dBackwardAsync(x, w, y1, new Float32Array(x.length), null, g, cancel), false);
  });

  it("rejects arrays too short for the geometry", () => {
    const b = addon();
    const g = [1, 4, 4, 1, 3, 3, 1, 1, 1, 1, 1, 1, 1, 4, 4];
    assert.throws(
      () => b.conv2dForward(new Float32Array(15), new Float32Array(9), new Float32Array(16), g),
      RangeError,
    );
    assert.throws(
      () => b.conv2dForward(new Float32Array(16), new Float32Array(9), new Float32Array(15), g),
      RangeError,
    );
    assert.throws(
      () =>
        b.maxPool2dBackward(
          new Float32Array(4),
          new Int32Array(3),
          new Float32Array(16),
          [1, 4, 4, 1, 2, 2, 2, 2, 0, 0, 2, 2],
        ),
      RangeError,
    );
  });
});
