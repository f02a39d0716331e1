// Every CUDA kernel against the CPU backend on seeded random inputs, through the engine (ops on
// device tensors vs the same ops on host tensors) and through the addon for the entry points
// that are not ops yet (softmax, conv, pooling, optimizers, RNG). Tolerances: tolerance() in
// helpers.ts. Skipped without a GPU.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { np, tf } from "tensorbook";
import type { Tensor } from "tensorbook";
import {
  conv2dGeometry,
  nativeAvgPool2d,
  nativeConv2d,
  nativeConv2dBackward,
  nativeMaxPool2d,
  nativeSoftmax,
  pool2dGeometry,
} from "../../engine/src/backends/native/index.js";
import { CUDA_BINARY, CUDA_UNARY } from "../../engine/src/backends/cuda/index.js";
import { assertClose } from "../native/helpers.js";
import { gpu, needsGpu, tolerance } from "./helpers.js";

const DTYPES = ["float32", "float64"] as const;

function rand(shape: number[], dtype: string, seed: number, lo = -1, hi = 1): Tensor {
  np.random.seed(seed);
  return np.random.uniform(lo, hi, shape).astype(dtype);
}

function close(
  got: Tensor,
  want: Tensor,
  dtype: string,
  kind: "pointwise" | "accumulated",
  what: string,
): void {
  assert.deepEqual(got.shape, want.shape, what);
  const { rtol, atol } = tolerance(dtype, kind);
  assertClose(got.cpu().dataSync() as Float64Array, want.dataSync() as Float64Array, rtol, atol, what);
}

/** Copies a host tensor into a new device buffer (raw addon calls). */
function upload(t: Tensor): number {
  const b = gpu();
  const data = t.dataSync();
  const id = b.cudaAlloc(data.byteLength);
  b.cudaUpload(id, data);
  return id;
}
function downloadAs(id: number, like: Float32Array | Float64Array): Float32Array | Float64Array {
  gpu().cudaDownload(id, like);
  return like;
}
const arr = (dtype: string, n: number) => (dtype === "float32" ? new Float32Array(n) : new Float64Array(n));

describe("CUDA kernels vs the CPU", needsGpu, () => {
  for (const dtype of DTYPES) {
    it(`${dtype}: binary ops with broadcasting and transposed views`, () => {
      const a = rand([37, 65], dtype, 1, 0.1, 2);
      const b = rand([65], dtype, 2, 0.1, 2);
      for (const op of Object.keys(CUDA_BINARY)) {
        const cpu = np[op as "add"](a.T.T, b);
        const dev = np[op as "add"](a.to("cuda"), b.to("cuda"));
        assert.equal(dev.device, "cuda", op);
        close(dev, cpu, dtype, "pointwise", op);
      }
    });

    it(`${dtype}: unary ops on strided views`, () => {
      const x = rand([40, 70], dtype, 3, 0.05, 3).get(":", "::2");
      for (const op of Object.keys(CUDA_UNARY)) {
        const fn =
          (np as unknown as Record<string, (t: Tensor) => Tensor>)[op] ??
          (tf as unknown as Record<string, (t: Tensor) => Tensor>)[op];
        if (!fn) continue;
        close(fn(x.to("cuda")), fn(x), dtype, "pointwise", op);
      }
    });

    it(`${dtype}: reductions over every axis set, arg-reductions`, () => {
      const x = rand([9, 130, 7], dtype, 4);
      for (const axis of [0, 1, 2, [0, 2], [0, 1, 2]] as const) {
        for (const kind of ["sum", "max", "min", "prod"] as const) {
          const y = kind === "prod" ? x.mul(0.5).add(1) : x;
          close(
            np[kind](y.to("cuda"), axis as number),
            np[kind](y, axis as number),
            dtype,
            "accumulated",
            `${kind} ${axis}`,
          );
        }
      }
      const big = rand([1 << 20], dtype, 5);
      close(np.sum(big.to("cuda")), np.sum(big), dtype, "accumulated", "full sum of 2^20");
      assert.deepEqual(np.argmax(x.to("cuda"), 1).cpu().toArray(), np.argmax(x, 1).toArray());
      assert.deepEqual(np.argmin(x.to("cuda"), 2).cpu().toArray(), np.argmin(x, 2).toArray());
    });

    it(`${dtype}: matmul (cuBLAS), 2-D, transposed and batched`, () => {
      const a = rand([130, 70], dtype, 6);
      const b = rand([70, 90], dtype, 7);
      close(np.matmul(a.to("cuda"), b.to("cuda")), np.matmul(a, b), dtype, "accumulated", "matmul");
      close(np.matmul(b.T.to("cuda"), a.T.to("cuda")), np.matmul(b.T, a.T), dtype, "accumulated", "matmul T");
      const p = rand([5, 33, 17], dtype, 8);
      const q = rand([5, 17, 29], dtype, 9);
      close(np.matmul(p.to("cuda"), q.to("cuda")), np.matmul(p, q), dtype, "accumulated", "batched");
    });

    it(`${dtype}: softmax and log-softmax rows`, () => {
      const b = gpu();
      const x = rand([64, 10], dtype, 10, -5, 5);
      for (const log of [false, true]) {
        const out = b.cudaAlloc(640 * 8);
        const xi = upload(x);
        b.cudaSoftmax(dtype, out, xi, 64, 10, log);
        const got = downloadAs(out, arr(dtype, 640));
        const want = nativeSoftmax(x, { log })!.dataSync() as Float64Array;
        const { rtol, atol } = tolerance(dtype, "accumulated");
        assertClose(got, want, rtol, atol, `softmax log=${log}`);
        b.cudaFree(out);
        b.cudaFree(xi);
      }
    });

    it(`${dtype}: conv2d forward/backward and pooling vs the native CPU kernels`, () => {
      const b = gpu();
      const x = rand([3, 11, 13, 4], dtype, 11);
      const w = rand([3, 3, 4, 6], dtype, 12);
      for (const opts of [
        { padding: "same" as const },
        {
          padding: "valid" as const,
          strides: [2, 1] as [number, number],
          dilations: [1, 2] as [number, number],
        },
      ]) {
        const [n, h, ww, c, kh, kw, f, sh, sw, dh, dw, pt, pl, oh, ow] = conv2dGeometry(
          x.shape,
          w.shape,
          opts,
        );
        const g = { n, h, w: ww, c, kh, kw, f, sh, sw, dh, dw, pt, pl, oh, ow };
        const [xi, wi, yi] = [upload(x), upload(w), b.cudaAlloc(n * oh * ow * f * 8)];
        b.cudaConv2dForward(dtype, g, xi, wi, yi);
        const want = nativeConv2d(x, w, opts)!;
        const { rtol, atol } = tolerance(dtype, "accumulated");
        assertClose(
          downloadAs(yi, arr(dtype, want.size)),
          want.dataSync() as Float64Array,
          rtol,
          atol,
          "conv fwd",
        );
        const dy = rand(want.shape as number[], dtype, 13);
        const dyi = upload(dy);
        const [dxi, dwi] = [b.cudaAlloc(x.size * 8), b.cudaAlloc(w.size * 8)];
        b.cudaConv2dBackward(dtype, g, xi, wi, dyi, dxi, dwi);
        const ref = nativeConv2dBackward(x, w, dy, opts)!;
        assertClose(
          downloadAs(dxi, arr(dtype, x.size)),
          ref.dx.dataSync() as Float64Array,
          rtol,
          atol,
          "conv dx",
        );
        assertClose(
          downloadAs(dwi, arr(dtype, w.size)),
          ref.dw.dataSync() as Float64Array,
          rtol,
          atol,
          "conv dw",
        );
        for (const id of [xi, wi, yi, dyi, dxi, dwi]) b.cudaFree(id);
      }
      for (const popts of [
        { poolSize: [2, 2] as [number, number] },
        {
          poolSize: [3, 3] as [number, number],
          strides: [2, 2] as [number, number],
          padding: "same" as const,
        },
      ]) {
        const [n, h, ww, c, ph, pw, sh, sw, pt, pl, oh, ow] = pool2dGeometry(x.shape, popts);
        const g = { n, h, w: ww, c, ph, pw, sh, sw, pt, pl, oh, ow };
        const [xi, yi, ai] = [upload(x), b.cudaAlloc(n * oh * ow * c * 8), b.cudaAlloc(n * oh * ow * c * 4)];
        b.cudaMaxPoolForward(dtype, g, xi, yi, ai);
        const mp = nativeMaxPool2d(x, popts)!;
        assertClose(downloadAs(yi, arr(dtype, mp.y.size)), mp.y.dataSync() as Float64Array, 0, 0, "max pool");
        b.cudaAvgPoolForward(dtype, g, xi, yi);
        const ap = nativeAvgPool2d(x, popts)!;
        const { rtol, atol } = tolerance(dtype, "accumulated");
        assertClose(
          downloadAs(yi, arr(dtype, ap.size)),
          ap.dataSync() as Float64Array,
          rtol,
          atol,
          "avg pool",
        );
        for (const id of [xi, yi, ai]) b.cudaFree(id);
      }
    });

    it(`${dtype}: fused SGD momentum and Adam match the unfused formulas`, () => {
      const b = gpu();
      const n = 1000;
      const p = rand([n], dtype, 14),
        g = rand([n], dtype, 15),
        v = rand([n], dtype, 16).mul(0.1);
      const [pi, gi, vi] = [upload(p), upload(g), upload(v)];
      b.cudaSgdMomentum(dtype, pi, gi, vi, n, 0.01, 0.9, false);
      const v1 = v.mul(0.9).sub(g.mul(0.01));
      const { rtol, atol } = tolerance(dtype, "pointwise");
      assertClose(
        downloadAs(vi, arr(dtype, n)),
        v1.dataSync() as Float64Array,
        rtol * 10,
        atol * 10,
        "sgd v",
      );
      assertClose(
        downloadAs(pi, arr(dtype, n)),
        p.add(v1).dataSync() as Float64Array,
        rtol * 10,
        atol * 10,
        "sgd p",
      );
      const [mi, si, qi] = [
        upload(np.zeros([n]).astype(dtype)),
        upload(np.zeros([n]).astype(dtype)),
        upload(p),
      ];
      b.cudaAdam(dtype, qi, gi, mi, si, n, 0.001, 0.9, 0.999, 1e-7, 1);
      const alpha = (0.001 * Math.sqrt(1 - 0.999)) / (1 - 0.9);
      const m1 = g.mul(0.1),
        s1 = g.square().mul(0.001);
      const want = p.sub(m1.mul(alpha).div(np.sqrt(s1).add(1e-7)));
      assertClose(downloadAs(qi, arr(dtype, n)), want.dataSync() as Float64Array, 1e-4, 1e-6, "adam");
      for (const id of [pi, gi, vi, mi, si, qi]) b.cudaFree(id);
    });

    it(`${dtype}: device RNG: range, moments, reproducible from (seed, offset)`, () => {
      const b = gpu();
      const n = 1 << 20;
      const id = b.cudaAlloc(n * 8);
      b.cudaRandom(dtype, id, n, 42, 0, "normal", 0, 1);
      const z = Array.from(downloadAs(id, arr(dtype, n)));
      const mean = z.reduce((s, v) => s + v, 0) / n;
      const sd = Math.sqrt(z.reduce((s, v) => s + (v - mean) ** 2, 0) / n);
      assert.ok(Math.abs(mean) < 0.01 && Math.abs(sd - 1) < 0.01, `normal mean ${mean} std ${sd}`);
      b.cudaRandom(dtype, id, n, 42, 0, "uniform", -1, 1);
      const u = downloadAs(id, arr(dtype, n)).slice();
      assert.ok(u.every((v) => v >= -1 && v < 1));
      b.cudaRandom(dtype, id, n, 42, 0, "uniform", -1, 1);
      assert.deepEqual(downloadAs(id, arr(dtype, n)), u);
      b.cudaFree(id);
    });
  }
});
