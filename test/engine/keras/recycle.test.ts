// Result arrays reused between training steps on the CPU (engine/src/core/recycle.ts): a fit
// whose steps reuse arrays trains exactly as one that does not, reads taken outside a step keep
// their values, and the pool hands out only what a finished step made and no variable holds.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { backendInfo, keras, tf } from "tensorbook";
import { uninitializedFloat } from "../../../engine/src/backends/native/alloc.js";
import { recycledCount, runRecyclingStep } from "../../../engine/src/core/recycle.js";
import { fitSync } from "../../../engine/src/keras/engine/training.js";
import { builtInStep } from "../../../engine/src/keras/engine/recycle-guard.js";

const native = backendInfo().some((b) => b.name === "native-cpu" && b.state === "in use");

// Big enough that results take the unzeroed allocation path (64 KiB and more).
function data(): [tf.Tensor, tf.Tensor] {
  tf.random.setSeed(7);
  const x = tf.random.uniform([192, 64]);
  const y = tf.cast(tf.floor(tf.mul(tf.random.uniform([192]), 10)), "int32");
  return [x, y];
}

function model(optimizer: () => keras.optimizers.Optimizer): keras.Sequential {
  tf.random.setSeed(3);
  const m = new keras.Sequential([
    new keras.layers.Dense(300, { activation: "relu", inputShape: [64] }),
    new keras.layers.Dense(100, { activation: "relu" }),
    new keras.layers.Dense(10, { activation: "softmax" }),
  ]);
  m.compile({ loss: "sparse_categorical_crossentropy", optimizer: optimizer(), metrics: ["accuracy"] });
  return m;
}

const weights = (m: keras.Sequential): number[][] => m.getWeights().map((w) => Array.from(w.dataSync()));

describe("arrays reused between training steps", () => {
  for (const [name, opt] of [
    ["SGD", () => new keras.optimizers.SGD({ learningRate: 0.05 })],
    ["Adam (slots)", () => new keras.optimizers.Adam({ learningRate: 0.01 })],
  ] as const) {
    it(`${name}: the same weights, bit for bit, as a fit that reuses nothing`, async () => {
      const [x, y] = data();
      const a = model(opt);
      const b = model(opt);
      assert.deepEqual(weights(a), weights(b));
      const before = recycledCount();
      const ha = await a.fit(x, y, { epochs: 3, batchSize: 32, shuffle: false, verbose: 0 });
      if (native)
        assert.ok(
          recycledCount() - before > 18 * 6,
          "steps after the first take their results from the pool",
        );
      // One enclosing step: nothing is handed out again until the whole fit has finished.
      const mid = recycledCount();
      const hb = runRecyclingStep(() =>
        fitSync(b as never, x, y, { epochs: 3, batchSize: 32, shuffle: false, verbose: 0 }),
      );
      assert.equal(recycledCount(), mid);
      assert.deepEqual(ha.history.loss, hb.history.loss);
      assert.deepEqual(weights(a), weights(b));
    });
  }

  it("values read before fit and in callbacks keep their values", async () => {
    const [x, y] = data();
    const m = model(() => new keras.optimizers.SGD({ learningRate: 0.05 }));
    const kernel = m.layers[0].weights[0];
    const before = kernel.value();
    const beforeCopy = Array.from(before.dataSync());
    const seen: [tf.Tensor, number[]][] = [];
    const grab = new (class extends keras.callbacks.Callback {
      override onTrainBatchEnd(batch: number): void {
        if (batch % 2) return;
        const v = batch % 4 ? kernel.value() : kernel.T; // a read, or a view of the variable
        seen.push([v, Array.from(v.dataSync())]);
      }
    })();
    await m.fit(x, y, { epochs: 2, batchSize: 32, shuffle: false, verbose: 0, callbacks: [grab] });
    assert.deepEqual(Array.from(before.dataSync()), beforeCopy);
    assert.ok(seen.length >= 6);
    for (const [v, copy] of seen) assert.deepEqual(Array.from(v.dataSync()), copy);
    assert.notDeepEqual(Array.from(kernel.dataSync()), beforeCopy, "the kernel did train");
  });

  it("the pool holds what a finished step made, less what variables adopted", () => {
    const a = runRecyclingStep(() => uninitializedFloat("float32", 20000));
    const again = runRecyclingStep(() => uninitializedFloat("float32", 20000));
    assert.equal(again, a, "the next step reuses the array");
    assert.notEqual(
      runRecyclingStep(() => uninitializedFloat("float64", 20000)),
      a,
      "another dtype gets its own array",
    );
    // The pool lasts one step: the float64 step above left no float32 array.
    assert.notEqual(
      runRecyclingStep(() => uninitializedFloat("float32", 20000)),
      a,
    );
    // A step that throws pools nothing.
    let thrown: Float32Array | Float64Array | undefined;
    assert.throws(() =>
      runRecyclingStep(() => {
        thrown = uninitializedFloat("float32", 20000);
        throw new Error("boom");
      }),
    );
    assert.notEqual(
      runRecyclingStep(() => uninitializedFloat("float32", 20000)),
      thrown,
    );
    // Adopted by a variable: kept out of the pool; replaced unread, it is free again.
    const v = new tf.Variable(tf.zeros([20000]));
    const first = runRecyclingStep(() => {
      const w = uninitializedFloat("float32", 20000).fill(1);
      v.adoptArray(w);
      return w;
    });
    const second = runRecyclingStep(() => {
      const n = uninitializedFloat("float32", 20000);
      assert.notEqual(n, first, "the variable's array is not handed out");
      v.adoptArray(n.fill(2));
      return n;
    });
    assert.equal(v.dataSync()[0], 2);
    assert.equal(
      runRecyclingStep(() => uninitializedFloat("float32", 20000)),
      first,
    );
    // Read outside a step, the replaced array stays with its reader.
    const snapshot = v.value();
    runRecyclingStep(() => v.adoptArray(uninitializedFloat("float32", 20000).fill(3)));
    const next = runRecyclingStep(() => uninitializedFloat("float32", 20000).fill(4));
    assert.notEqual(next, second);
    assert.equal(snapshot.dataSync()[0], 2);
  });

  it("is on only when every layer, loss, metric and optimizer is built in", () => {
    const sgd = () => new keras.optimizers.SGD({ learningRate: 0.05 });
    assert.equal(builtInStep(model(sgd) as never), true);
    const cnn = new keras.Sequential([
      new keras.layers.Conv2D(4, 3, {
        activation: "relu",
        inputShape: [8, 8, 1],
        kernelRegularizer: keras.regularizers.l2(0.01),
      }),
      new keras.layers.MaxPooling2D(2),
      new keras.layers.Flatten(),
      new keras.layers.Dropout(0.5),
      new keras.layers.Dense(10, {
        activation: keras.layers.LeakyReLU ? new keras.layers.LeakyReLU() : "relu",
      }),
    ]);
    cnn.compile({
      loss: keras.losses.sparseCategoricalCrossentropy,
      optimizer: new keras.optimizers.Adam(),
      metrics: ["accuracy"],
    });
    assert.equal(builtInStep(cnn as never), true);
    const inp = keras.layers.Input({ shape: [4] });
    const functional = new keras.Model({
      inputs: inp,
      outputs: new keras.layers.Dense(2).apply(inp) as never,
    });
    functional.compile({ loss: "mse", optimizer: "sgd" });
    assert.equal(builtInStep(functional as never), true);

    const variants: [string, () => keras.Sequential][] = [
      [
        "a custom activation function",
        () =>
          new keras.Sequential([
            new keras.layers.Dense(3, { activation: (t: tf.Tensor) => tf.maximum(t, 0), inputShape: [4] }),
          ]),
      ],
      [
        "a Lambda layer",
        () =>
          new keras.Sequential([
            new keras.layers.Lambda((t: tf.Tensor) => t, { inputShape: [4] } as never),
            new keras.layers.Dense(2),
          ]),
      ],
      [
        "a custom layer class",
        () => {
          class Keep extends keras.layers.Layer {
            override call(t: tf.Tensor): tf.Tensor {
              return t;
            }
          }
          return new keras.Sequential([new keras.layers.Dense(3, { inputShape: [4] }), new Keep()]);
        },
      ],
    ];
    for (const [what, make] of variants) {
      const m = make();
      m.compile({ loss: "mse", optimizer: "sgd" });
      assert.equal(builtInStep(m as never), false, what);
    }
    const m = new keras.Sequential([new keras.layers.Dense(2, { inputShape: [4] })]);
    m.compile({
      loss: (a: tf.Tensor, b: tf.Tensor) => tf.reduceMean(tf.square(tf.sub(a, b))),
      optimizer: "sgd",
    });
    assert.equal(builtInStep(m as never), false, "a custom loss function");
    m.compile({
      loss: "mse",
      optimizer: "sgd",
      metrics: [(a: tf.Tensor, b: tf.Tensor) => tf.reduceMean(tf.abs(tf.sub(a, b)))],
    });
    assert.equal(builtInStep(m as never), false, "a custom metric function");
  });

  it("a custom layer that keeps its output sees it intact after fit (no reuse)", async () => {
    const kept: tf.Tensor[] = [];
    class Keep extends keras.layers.Layer {
      override call(t: tf.Tensor): tf.Tensor {
        const out = tf.mul(t, 1);
        kept.push(out);
        return out;
      }
    }
    const [x, y] = data();
    tf.random.setSeed(3);
    const m = new keras.Sequential([
      new keras.layers.Dense(300, { activation: "relu", inputShape: [64] }),
      new Keep(),
      new keras.layers.Dense(10, { activation: "softmax" }),
    ]);
    m.compile({ loss: "sparse_categorical_crossentropy", optimizer: "sgd" });
    const copies: number[][] = [];
    const first = kept.length;
    await m.fit(x, y, {
      epochs: 1,
      batchSize: 32,
      shuffle: false,
      verbose: 0,
      callbacks: [
        new keras.callbacks.LambdaCallback({
          onBatchEnd: () => void copies.push(Array.from(kept[kept.length - 1].dataSync())),
        }),
      ],
    });
    assert.ok(kept.length - first >= 6);
    for (let i = 0; i < copies.length; i++)
      assert.deepEqual(Array.from(kept[first + i].dataSync()), copies[i], `step ${i}'s kept output`);
  });
});
