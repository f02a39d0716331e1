// Result arrays reused between training steps on the CPU (engine/src/core/recycle.ts): a fit
// whose steps reuse arrays trains exactly as one that does not, reads taken outside a step keep
// their values, and the pool hands out only what a finished step made and no variable holds.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { backendInfo, keras, tf } from "tensorbook";
import { uninitializedFloat } from "../../../engine/src/backends/native/alloc.js";
import { recycledCount, runRecyclingStep } from "../../../engine/src/core/recycle.js";
import { fitSync } from "../../../engine/src/keras/engine/training.js";

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
});
