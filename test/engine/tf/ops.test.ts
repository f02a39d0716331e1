// Values of the tf facade's ops, tf.random's seeding, and memory accounting.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { tf, type Tensor } from "tensorbook";

const arr = (t: Tensor): unknown => t.toArray();
const near = (got: unknown, want: unknown, tol = 1e-4): void => {
  if (Array.isArray(want)) {
    assert.ok(
      Array.isArray(got) && got.length === want.length,
      `${JSON.stringify(got)} vs ${JSON.stringify(want)}`,
    );
    want.forEach((w, i) => near((got as unknown[])[i], w, tol));
  } else
    assert.ok(
      got === want || Math.abs((got as number) - (want as number)) <= tol,
      `${String(got)} vs ${String(want)}`,
    );
};

describe("tf ops", () => {
  it("reductions with axis and keepdims", () => {
    const x = tf.constant([
      [1, 2],
      [3, 4],
    ]);
    assert.equal(arr(tf.reduceSum(x)), 10);
    assert.deepEqual(arr(tf.reduceSum(x, 1, { keepdims: true })), [[3], [7]]);
    assert.deepEqual(arr(tf.reduceMean(x, { axis: 0 })), [2, 3]);
    assert.deepEqual(arr(tf.reduceMax(x, 0)), [3, 4]);
    assert.deepEqual(arr(tf.reduceMin(x, 1)), [1, 3]);
    assert.equal(arr(tf.reduceProd(x)), 24);
    assert.deepEqual(arr(tf.argmax(x)), [1, 1]);
    assert.deepEqual(arr(tf.argmin(x, 1)), [0, 0]);
    assert.equal(arr(tf.reduceMean(tf.constant([1, 2], { dtype: "int32" }))), 1);
  });

  it("reduceLogSumExp and softmax do not overflow", () => {
    near(arr(tf.reduceLogSumExp([1000, 1000])), 1000 + Math.LN2);
    near(arr(tf.reduceLogSumExp([-Infinity, -Infinity])), -Infinity);
    near(arr(tf.nn.softmax([[1, 2, 3]])), [[0.0900306, 0.2447285, 0.665241]]);
    near(arr(tf.nn.softmax([1000, 1000])), [0.5, 0.5]);
    near(arr(tf.nn.logSoftmax([0, 0])), [-Math.LN2, -Math.LN2]);
  });

  it("activations", () => {
    assert.deepEqual(arr(tf.nn.relu([-1, 0, 2])), [0, 0, 2]);
    near(arr(tf.nn.elu([-1, 2])), [Math.expm1(-1), 2]);
    near(arr(tf.nn.selu([1])), [1.0507009873554805]);
    near(arr(tf.nn.leakyRelu([-1, 2])), [-0.2, 2]);
    near(arr(tf.sigmoid([0, -1000, 1000])), [0.5, 0, 1]);
    near(arr(tf.nn.softplus([0, 1000, -1000])), [Math.LN2, 1000, 0]);
  });

  it("losses from logits", () => {
    near(arr(tf.nn.sigmoidCrossEntropyWithLogits({ labels: [1, 0], logits: [0, 0] })), [Math.LN2, Math.LN2]);
    near(arr(tf.nn.softmaxCrossEntropyWithLogits({ labels: [[0, 1]], logits: [[0, 0]] })), [Math.LN2]);
    near(arr(tf.nn.sparseSoftmaxCrossEntropyWithLogits({ labels: [1], logits: [[0, 0]] })), [Math.LN2]);
    near(arr(tf.nn.l2Loss([3, 4])), 12.5);
  });

  it("shape ops", () => {
    const x = tf.reshape(tf.range(6), [2, 3]);
    assert.deepEqual(arr(tf.transpose(x)), [
      [0, 3],
      [1, 4],
      [2, 5],
    ]);
    assert.deepEqual(tf.split(x, 3, 1).map(arr), [
      [[0], [3]],
      [[1], [4]],
      [[2], [5]],
    ]);
    assert.deepEqual(
      tf.split(x, [1, -1], 1).map((t) => t.shape),
      [
        [2, 1],
        [2, 2],
      ],
    );
    assert.deepEqual(arr(tf.tile([[1, 2]], [2, 2])), [
      [1, 2, 1, 2],
      [1, 2, 1, 2],
    ]);
    assert.deepEqual(
      arr(
        tf.pad(
          [[1, 2]],
          [
            [1, 1],
            [0, 1],
          ],
          { constantValues: 9 },
        ),
      ),
      [
        [9, 9, 9],
        [1, 2, 9],
        [9, 9, 9],
      ],
    );
    assert.deepEqual(arr(tf.oneHot([0, 2, 5], 3)), [
      [1, 0, 0],
      [0, 0, 1],
      [0, 0, 0],
    ]);
    assert.deepEqual(tf.expandDims(x, -1).shape, [2, 3, 1]);
    assert.deepEqual(tf.squeeze(tf.ones([1, 3, 1])).shape, [3]);
    assert.deepEqual(arr(tf.shape(x)), [2, 3]);
  });

  it("clipping, norms, addN, where, cast, linspace", () => {
    assert.deepEqual(arr(tf.clipByValue([-2, 0.5, 3], 0, 1)), [0, 0.5, 1]);
    near(arr(tf.clipByNorm([3, 4], 1)), [0.6, 0.8]);
    near(arr(tf.clipByNorm([0.3, 0.4], 1)), [0.3, 0.4]);
    near(arr(tf.norm([3, 4])), 5);
    near(arr(tf.norm([3, -4], { ord: 1 })), 7);
    assert.deepEqual(arr(tf.addN([tf.ones([2]), tf.ones([2]), tf.ones([2])])), [3, 3]);
    assert.deepEqual(arr(tf.where([true, false], [1, 2], [3, 4])), [1, 4]);
    assert.deepEqual(arr(tf.cast([1.7, -1.7], "int32")), [1, -1]);
    near(arr(tf.linspace(0, 1, 5)), [0, 0.25, 0.5, 0.75, 1]);
  });
});

describe("tf.random", () => {
  it("setSeed makes sequences reproducible", () => {
    tf.random.setSeed(7);
    const a = tf.random.normal([5]).toArray();
    const b = tf.random.uniform([3]).toArray();
    tf.random.setSeed(7);
    assert.deepEqual(tf.random.normal([5]).toArray(), a);
    assert.deepEqual(tf.random.uniform([3]).toArray(), b);
  });

  it("distributions have the asked moments and ranges", () => {
    tf.random.setSeed(1);
    const n = tf.random.normal([20000], 2, 3);
    near(arr(tf.reduceMean(n)), 2, 0.1);
    near(Math.sqrt(tf.nn.moments(n, [0])[1].item() as number), 3, 0.1);
    const t = tf.random.truncatedNormal([5000], { stddev: 2 });
    assert.ok((tf.reduceMax(tf.abs(t)).item() as number) <= 4);
    const u = tf.random.uniform([1000], 5, 6);
    assert.ok((tf.reduceMin(u).item() as number) >= 5 && (tf.reduceMax(u).item() as number) < 6);
    const ints = tf.random.uniform([100], { minval: 0, maxval: 3, dtype: "int32" });
    assert.equal(ints.dtype, "int32");
    assert.ok((ints.toArray() as number[]).every((v) => v >= 0 && v < 3));
  });

  it("categorical follows the logits; shuffle permutes rows", () => {
    tf.random.setSeed(3);
    const draws = tf.random.categorical(tf.math.log([[0.1, 0.9]]), 2000);
    assert.deepEqual(draws.shape, [1, 2000]);
    near(arr(tf.reduceMean(tf.cast(draws, "float32"))), 0.9, 0.03);
    const s = tf.random.shuffle(tf.reshape(tf.range(10), [5, 2]));
    const rows = (s.toArray() as number[][]).map((r) => r[0]).sort((p, q) => p - q);
    assert.deepEqual(rows, [0, 2, 4, 6, 8]);
  });

  it("dropout zeroes about `rate` of the elements and rescales the rest", () => {
    tf.random.setSeed(5);
    const y = tf.nn.dropout(tf.ones([10000]), 0.3).toArray() as number[];
    const kept = y.filter((v) => v !== 0);
    near(kept.length / y.length, 0.7, 0.02);
    near(kept[0], 1 / 0.7);
  });
});

describe("tf memory", () => {
  it("tidy releases what it made except the result; dispose releases at once", () => {
    const x = tf.ones([100]);
    const before = tf.memory().numBytes;
    const y = tf.tidy(() => tf.add(tf.square(tf.multiply(x, 2)), 1));
    const after = tf.memory().numBytes;
    assert.equal(after - before, 400, "only the result's 100 float32 remain");
    y.dispose();
    assert.equal(tf.memory().numBytes, before);
  });
});
