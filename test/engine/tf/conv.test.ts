// tf.nn.conv2d / maxPool2d / avgPool2d and the fused last-axis softmax, on every CPU backend
// (the addon's kernels and the TypeScript ones), against NumPy fixtures
// (test/fixtures/native/make_native.py): forward values, and gradients through a GradientTape.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { tf, type Tensor } from "tensorbook";
import { backendPreference, setBackendPreference } from "../../../engine/src/core/registry.js";
import type { BackendName } from "../../../engine/src/core/backend.js";
import { assertClose, fixtures, tol } from "../../native/helpers.js";

const tensor = (v: { shape: number[]; data: number[] }, dtype: string): Tensor =>
  tf.constant(v.data, { dtype }).reshape(v.shape);

const orders: BackendName[][] = backendPreference("cpu").includes("native-cpu")
  ? [["native-cpu", "js"], ["js"]]
  : [["js"]];

function withBackends(order: BackendName[], fn: () => void): void {
  const before = [...backendPreference("cpu")];
  setBackendPreference("cpu", order);
  try {
    fn();
  } finally {
    setBackendPreference("cpu", before);
  }
}

const upper = (p: string): "SAME" | "VALID" => (p === "same" ? "SAME" : "VALID");

for (const order of orders) {
  describe(`convolution and pooling ops on ${order[0]}`, () => {
    it("conv2d forward, dL/dx and dL/dw match NumPy", () =>
      withBackends(order, () => {
        for (const c of fixtures("conv2d")) {
          const [x, w, dy] = ["x", "w", "dy"].map((k) => tensor(c.inputs[k], c.dtype));
          const p = c.params as { strides: number; dilations: number; padding: string };
          const tape = new tf.GradientTape();
          let y!: Tensor;
          const loss = tape.record(() => {
            tape.watch([x, w]);
            y = tf.nn.conv2d(x, w, p.strides, upper(p.padding), { dilations: p.dilations });
            return tf.reduceSum(tf.multiply(y, dy));
          });
          const [dx, dw] = tape.gradient(loss, [x, w]) as Tensor[];
          const { rtol, atol } = tol(c.dtype);
          assert.deepEqual(y.shape, c.expect.y.shape, c.name);
          assert.equal(y.dtype, c.dtype);
          assertClose(y.dataSync(), c.expect.y.data, rtol * 5, atol * 5, `${c.name} y`);
          assertClose(dx.dataSync(), c.expect.dx.data, rtol * 5, atol * 5, `${c.name} dx`);
          assertClose(dw.dataSync(), c.expect.dw.data, rtol * 5, atol * 5, `${c.name} dw`);
        }
      }));

    it("max and average pooling forward and backward match NumPy", () =>
      withBackends(order, () => {
        for (const c of fixtures("pool2d")) {
          const [x, dy] = ["x", "dy"].map((k) => tensor(c.inputs[k], c.dtype));
          const p = c.params as { poolSize: number; strides: number; padding: string };
          const tape = new tf.GradientTape({ persistent: true });
          const [mx, av, lmax, lavg] = tape.record(() => {
            tape.watch(x);
            const m = tf.nn.maxPool2d(x, p.poolSize, p.strides, upper(p.padding));
            const a = tf.nn.avgPool2d(x, p.poolSize, p.strides, upper(p.padding));
            return [m, a, tf.reduceSum(tf.multiply(m, dy)), tf.reduceSum(tf.multiply(a, dy))];
          });
          const { rtol, atol } = tol(c.dtype);
          assertClose(mx.dataSync(), c.expect.max.data, 0, 0, `${c.name} max`);
          assertClose(av.dataSync(), c.expect.avg.data, rtol, atol, `${c.name} avg`);
          const dmax = tape.gradient(lmax, x) as Tensor;
          const davg = tape.gradient(lavg, x) as Tensor;
          assertClose(dmax.dataSync(), c.expect.dmax.data, rtol, atol, `${c.name} dmax`);
          assertClose(davg.dataSync(), c.expect.davg.data, rtol, atol, `${c.name} davg`);
        }
      }));

    it("softmax and log-softmax along the last axis equal the composed formula", () =>
      withBackends(order, () => {
        const x = tf.constant([
          [1, 2, 3, -40],
          [0.5, 0.5, 0.5, 0.5],
          [1000, 0, -1000, 999],
        ]);
        const e = tf.exp(tf.sub(x, tf.reduceMax(x, -1, { keepdims: true })));
        const want = tf.div(e, tf.reduceSum(e, -1, { keepdims: true }));
        assertClose(tf.nn.softmax(x).dataSync(), want.dataSync(), 1e-6, 1e-7, "softmax");
        // The composed float32 form rounds log-sum-exp near 1000 to 6e-5; the fused one does not.
        assertClose(
          tf.nn.logSoftmax(x).dataSync(),
          tf.sub(x, tf.reduceLogSumExp(x, -1, { keepdims: true })).dataSync(),
          1e-6,
          1e-4,
          "log-softmax",
        );
        assert.throws(
          () => tf.nn.conv2d(tf.ones([1, 3, 3, 2]), tf.ones([2, 2, 3, 1]), 1, "SAME"),
          /do not match/,
        );
        assert.throws(
          () => tf.nn.maxPool2d(tf.ones([1, 3, 3, 2]), 2, 2, "FULL" as "SAME"),
          /SAME" or "VALID/,
        );
      }));
  });
}
