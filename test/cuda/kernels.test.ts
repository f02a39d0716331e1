// Every CUDA kernel against the CPU backend on seeded random inputs, through the engine: ops on
// device tensors vs the same ops on host tensors (element-wise, reductions, GEMM, convolution,
// pooling, softmax, with gradients), Keras optimizers on device variables (the fused update
// kernels) vs on host ones, and the device RNG through the addon. Tolerances per dtype:
// tolerance() in helpers.ts. Skipped without a GPU.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { keras, np, tf } from "tensorbook";
import type { Tensor } from "tensorbook";
import {
  CUDA_BINARY,
  CUDA_COMPARE,
  CUDA_PREDICATE,
  CUDA_UNARY,
} from "../../engine/src/backends/cuda/index.js";
import { reluGrad } from "../../engine/src/ops/nn.js";
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
      // reluGrad is an engine op without an np spelling.
      const binary = (op: string) => (op === "reluGrad" ? reluGrad : np[op as "add"]);
      for (const op of Object.keys(CUDA_BINARY)) {
        const cpu = binary(op)(a.T.T, b);
        const dev = binary(op)(a.to("cuda"), b.to("cuda"));
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

    it(`${dtype}: comparisons, isnan/isinf/isfinite and where on broadcast views (exact)`, () => {
      const a = rand([33, 20], dtype, 20).get(":", "::2");
      const b = rand([10], dtype, 21);
      const special = np.array([1, NaN, Infinity, -Infinity, 0], { dtype });
      for (const op of Object.keys(CUDA_COMPARE)) {
        const f = np[op as "gt"];
        assert.deepEqual(f(a.to("cuda"), b.to("cuda")).cpu().toArray(), f(a, b).toArray(), op);
        assert.deepEqual(
          f(special.to("cuda"), special.to("cuda")).cpu().toArray(),
          f(special, special).toArray(),
          op,
        );
      }
      for (const op of Object.keys(CUDA_PREDICATE)) {
        const f = np[op as "isnan"];
        assert.deepEqual(f(special.to("cuda")).cpu().toArray(), f(special).toArray(), op);
      }
      const mask = a.gt(0);
      close(
        np.where(mask.to("cuda"), a.to("cuda"), b.to("cuda")),
        np.where(mask, a, b),
        dtype,
        "pointwise",
        "where",
      );
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

    it(`${dtype}: conv2d, max/avg pooling, softmax and log-softmax with their gradients (engine ops)`, () => {
      const x = rand([3, 11, 13, 4], dtype, 11);
      const w = rand([3, 3, 4, 6], dtype, 12);
      const work = (x: Tensor, w: Tensor): Record<string, Tensor> => {
        const tape = new tf.GradientTape();
        const r: Record<string, Tensor> = {};
        const loss = tape.record(() => {
          tape.watch([x, w]);
          r.same = tf.nn.conv2d(x, w, 1, "SAME");
          r.strided = tf.nn.conv2d(x, w, [2, 1], "VALID", { dilations: [1, 2] });
          r.max = tf.nn.maxPool2d(r.same, 2, 2, "VALID");
          r.avg = tf.nn.avgPool2d(r.same, 3, 2, "SAME");
          r.softmax = tf.nn.softmax(r.max);
          r.logSoftmax = tf.nn.logSoftmax(r.avg);
          return tf.addN([
            tf.reduceSum(tf.square(r.softmax)),
            tf.reduceSum(r.logSoftmax),
            tf.reduceSum(r.strided),
          ]);
        });
        const [dx, dw] = tape.gradient(loss, [x, w]) as Tensor[];
        return { ...r, loss, dx, dw };
      };
      const cpu = work(x, w);
      const dev = tf.device("gpu", () => work(x.to("cuda"), w.to("cuda")));
      for (const k of Object.keys(cpu)) {
        assert.equal(dev[k].device, "cuda", k);
        // Max pooling picks the same element: exact; the rest accumulate.
        close(dev[k], cpu[k], dtype, k === "max" ? "pointwise" : "accumulated", k);
      }
    });

    it(`${dtype}: fused optimizer updates on device variables match the CPU's (SGD, momentum, Nesterov, Adam, AdamW, RMSprop, Adagrad)`, () => {
      const make = (): Record<string, keras.optimizers.Optimizer> => ({
        sgd: new keras.optimizers.SGD({ learningRate: 0.1 }),
        momentum: new keras.optimizers.SGD({ learningRate: 0.1, momentum: 0.9 }),
        nesterov: new keras.optimizers.SGD({ learningRate: 0.1, momentum: 0.9, nesterov: true }),
        adam: new keras.optimizers.Adam({ learningRate: 0.01 }),
        adamw: new keras.optimizers.AdamW({ learningRate: 0.01, weightDecay: 0.1 }),
        rmsprop: new keras.optimizers.RMSprop({ learningRate: 0.01 }),
        rmspropCentered: new keras.optimizers.RMSprop({ learningRate: 0.01, momentum: 0.5, centered: true }),
        adagrad: new keras.optimizers.Adagrad({ learningRate: 0.1 }),
      });
      const w0 = rand([1000], dtype, 14);
      const grads = [15, 16, 17].map((s) => rand([1000], dtype, s));
      const cpu = make();
      const dev = make();
      for (const name of Object.keys(cpu)) {
        const [vc, vd] = [new tf.Variable(w0), new tf.Variable(w0, { device: "cuda" })];
        for (const g of grads) {
          cpu[name].applyGradients([[g, vc]]);
          dev[name].applyGradients([[g.to("cuda"), vd]]);
        }
        assert.equal(vd.device, "cuda");
        // Three steps of a few flops per element: float32 within 10 ulp-ish of the CPU's loops.
        const { rtol, atol } = tolerance(dtype, "pointwise");
        assertClose(
          vd.cpu().dataSync() as Float64Array,
          vc.dataSync() as Float64Array,
          rtol * 10,
          atol * 10,
          name,
        );
      }
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
      // tf.random under cuda placement draws there, repeatably from tf.random.setSeed.
      const draw = (): Tensor =>
        tf.device("gpu", () => (tf.random.setSeed(7), tf.random.normal([4096], 0, 1, { dtype })));
      const [d1, d2] = [draw(), draw()];
      assert.equal(d1.device, "cuda");
      assert.deepEqual(d1.cpu().toArray(), d2.cpu().toArray());
    });
  }
});
