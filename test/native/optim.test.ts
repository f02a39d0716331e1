// The fused optimizer updates of the addon against the optimizers' TypeScript loops: the same
// variables, gradients and steps through both paths must give the same bits (both compute in
// double precision and round once), for SGD, momentum, Nesterov, Adam, AMSGrad and AdamW, in
// float32 and float64, plus the binding's argument checks.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { keras, tf } from "tensorbook";
import type { Optimizer } from "../../engine/src/keras/optimizers/optimizer.js";
import type { FusedUpdate } from "../../engine/src/keras/optimizers/fused.js";
import { addon, FLOATS, needsAddon, randomArray, rng } from "./helpers.js";

// The same optimizer with the fused path switched off: its TypeScript updateStep runs.
function typescriptOnly<T extends Optimizer>(opt: T): T {
  (opt as unknown as { fusedUpdate: () => FusedUpdate | undefined }).fusedUpdate = () => undefined;
  return opt;
}

const CASES: [string, () => Optimizer][] = [
  ["SGD", () => new keras.optimizers.SGD({ learningRate: 0.1 })],
  ["SGD momentum", () => new keras.optimizers.SGD({ learningRate: 0.05, momentum: 0.9 })],
  ["SGD Nesterov", () => new keras.optimizers.SGD({ learningRate: 0.05, momentum: 0.8, nesterov: true })],
  ["Adam", () => new keras.optimizers.Adam({ learningRate: 0.01 })],
  ["Adam AMSGrad", () => new keras.optimizers.Adam({ learningRate: 0.01, amsgrad: true })],
  ["AdamW", () => new keras.optimizers.AdamW({ learningRate: 0.01, weightDecay: 0.1 })],
  ["SGD weight decay", () => new keras.optimizers.SGD({ learningRate: 0.1, weightDecay: 0.05 })],
];

describe("native fused optimizer updates", needsAddon, () => {
  for (const [dtype, Ctor] of FLOATS) {
    for (const [name, make] of CASES) {
      it(`${name} (${dtype}) matches the TypeScript update bit for bit`, () => {
        const next = rng(name.length * 7 + dtype.length);
        const shape = [37, 29]; // 1,073 elements: above the fused path's minimum size
        const init = randomArray(Ctor, 37 * 29, next);
        const fused = new tf.Variable(tf.reshape(tf.constant(init), shape));
        const plain = new tf.Variable(tf.reshape(tf.constant(init), shape));
        const a = make();
        const b = typescriptOnly(make());
        const native = addon();
        const step = native.optimizerStep;
        let calls = 0;
        native.optimizerStep = (...args) => (calls++, step(...args));
        try {
          for (let s = 0; s < 4; s++) {
            const g = tf.reshape(tf.constant(randomArray(Ctor, init.length, next)), shape);
            a.applyGradients([[g, fused]]);
            b.applyGradients([[g, plain]]);
          }
        } finally {
          native.optimizerStep = step;
        }
        assert.equal(calls, 4, "the fused path ran once per step");
        assert.equal(fused.dtype, dtype);
        assert.deepEqual(fused.dataSync(), plain.dataSync());
        for (const [va, vb] of a
          .variables()
          .slice(1)
          .map((v, i) => [v, b.variables()[i + 1]])) {
          assert.deepEqual(va.dataSync(), vb.dataSync(), `slot ${va.name}`);
        }
      });
    }
  }

  it("keeps earlier reads of a variable unchanged", () => {
    const v = new tf.Variable(tf.ones([40, 40]));
    const before = v.value();
    new keras.optimizers.SGD({ learningRate: 0.5 }).applyGradients([[tf.ones([40, 40]), v]]);
    assert.equal(before.dataSync()[0], 1);
    assert.equal(v.dataSync()[0], 0.5);
  });

  it("checks its arguments", () => {
    const b = addon();
    const w = new Float32Array(8);
    assert.throws(() => b.optimizerStep("sgd", [0.1], [w, w], [new Float32Array(8)]), /hyper-parameters/);
    assert.throws(
      () => b.optimizerStep("sgd", [0.1, 1], [w, new Float64Array(8)], [new Float32Array(8)]),
      /one float type/,
    );
    assert.throws(
      () => b.optimizerStep("sgd", [0.1, 1], [w, new Float32Array(7)], [new Float32Array(8)]),
      /length/,
    );
    assert.throws(() => b.optimizerStep("sgd", [0.1, 1], [w, w], [w]), /aliases/);
    assert.throws(
      () => b.optimizerStep("momentum", [0.1, 1, 0.9, 0], [w, w], [new Float32Array(8)]),
      /inputs/,
    );
    assert.throws(() => b.optimizerStep("rmsprop" as "sgd", [], [w, w], [w]), /unknown kind/);
    const out = new Float32Array(8);
    const g = Float32Array.from({ length: 8 }, (_, i) => i);
    assert.equal(b.optimizerStep("sgd", [0.5, 1], [new Float32Array(8).fill(1), g], [out]), true);
    assert.deepEqual(Array.from(out), [1, 0.5, 0, -0.5, -1, -1.5, -2, -2.5]);
  });
});
