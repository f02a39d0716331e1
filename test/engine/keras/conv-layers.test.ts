// Conv2D and the 2-D pooling layers: shapes, parameter counts of the chapter 14 CNN (the
// book's summary: 1,413,834), values equal to tf.nn ops with the layer's weights, config round
// trips, and a small CNN that learns on the CPU.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { keras, np, tf, type Tensor } from "tensorbook";
import { assertClose } from "../../native/helpers.js";
import { chapter14Cnn } from "./model-zoo.js";

describe("keras convolution and pooling layers", () => {
  it("the chapter 14 CNN has the book's parameter counts and output shapes", () => {
    const m = chapter14Cnn();
    assert.deepEqual(
      m.layers.slice(0, 9).map((l) => l.countParams()),
      [3200, 0, 73856, 147584, 0, 295168, 590080, 0, 0],
    );
    assert.equal(m.countParams(), 1413834);
    assert.deepEqual(m.layers[7].computeOutputShape([null, 7, 7, 256]), [null, 3, 3, 256]);
    assert.deepEqual(m.layers[0].computeOutputShape([null, 28, 28, 1]), [null, 28, 28, 64]);
    assert.deepEqual((m.predict(np.zeros([2, 28, 28, 1]), { verbose: 0 }) as Tensor).shape, [2, 10]);
  });

  it("Conv2D and pooling compute the tf.nn ops with their weights", () => {
    np.random.seed(3);
    const x = np.random.randn(2, 9, 8, 3).astype("float32");
    const conv = new keras.layers.Conv2D(4, [3, 2], { strides: 2, padding: "same", activation: "relu" });
    const y = conv.apply(x) as Tensor;
    const want = tf.nn.relu(tf.add(tf.nn.conv2d(x, conv.kernel, 2, "SAME"), conv.bias!));
    assert.deepEqual(y.shape, [2, 5, 4, 4]);
    assertClose(y.dataSync(), want.dataSync(), 0, 0, "conv");
    const mp = new keras.layers.MaxPooling2D({ poolSize: 3, strides: 2, padding: "same" }).apply(x) as Tensor;
    assertClose(mp.dataSync(), tf.nn.maxPool2d(x, 3, 2, "SAME").dataSync(), 0, 0, "max pool");
    const ap = new keras.layers.AveragePooling2D().apply(x) as Tensor;
    assert.deepEqual(ap.shape, [2, 4, 4, 3]);
    const gap = new keras.layers.GlobalAveragePooling2D().apply(x) as Tensor;
    assertClose(gap.dataSync(), tf.reduceMean(x, [1, 2]).dataSync(), 1e-6, 1e-7, "global average");
  });

  it("configs round-trip and bad arguments are named", () => {
    const conv = new keras.layers.Conv2D(8, 5, {
      strides: [1, 2],
      padding: "SAME",
      dilationRate: 1,
      activation: "relu",
    });
    const copy = keras.layers.Conv2D.fromConfig(conv.getConfig());
    assert.deepEqual(copy.getConfig(), conv.getConfig());
    assert.equal(conv.getConfig().padding, "same");
    assert.throws(() => new keras.layers.Conv2D(0, 3), /filters must be a positive integer/);
    assert.throws(
      () => new keras.layers.Conv2D(4, 3, { padding: "full" as "same" }),
      /padding must be "valid" or "same"/,
    );
    assert.throws(
      () => new keras.layers.MaxPooling2D({ poolSize: 0 }),
      /poolSize must be a positive integer/,
    );
  });

  it("a small CNN learns a synthetic image task on the CPU", async () => {
    tf.random.setSeed(7);
    np.random.seed(7);
    // Label: whether the bright pixels sit in the left or the right half.
    const X = np.random.uniform(0, 0.2, [64, 8, 8, 1]).astype("float32");
    const y = np.zeros([64], { dtype: "int32" });
    for (let i = 0; i < 64; i++) {
      const right = i % 2;
      X.set([i, ":", right ? "4:" : ":4", 0], 1);
      y.set(i, right);
    }
    const model = new keras.Sequential([
      new keras.layers.Conv2D(4, 3, { activation: "relu", inputShape: [8, 8, 1] }),
      new keras.layers.MaxPooling2D(2),
      new keras.layers.Flatten(),
      new keras.layers.Dense(2, { activation: "softmax" }),
    ]);
    model.compile({ loss: "sparse_categorical_crossentropy", optimizer: "adam", metrics: ["accuracy"] });
    const h = await model.fit(X, y, { epochs: 30, batchSize: 16, verbose: 0 });
    const loss = h.history.loss as number[];
    assert.ok(loss[loss.length - 1] < loss[0] * 0.5, `loss ${loss[0]} → ${loss[loss.length - 1]}`);
    assert.equal((h.history.accuracy as number[]).at(-1), 1);
  });
});
