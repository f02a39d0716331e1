// The cuda backend's engine-level work on the simulated GPU (test/native/cuda/sim.ts: the real
// kernel source run on the CPU, cuBLAS by loops): convolution, pooling and softmax ops with
// their gradients, fused optimizer updates, device random numbers, variables on the device, and
// Keras fit/evaluate/predict on the device, each against the same work on the CPU; and device
// memory staying flat over many training steps. Each scenario runs in its own process (CUDA
// starts once per process).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { needsAddon } from "../../native/helpers.js";
import { haveGxx, runNode } from "../../native/cuda/helpers.js";
import { simEnv } from "../../native/cuda/sim.js";

const skip = needsAddon.skip ?? (haveGxx ? undefined : "g++ is not available to build the simulated GPU");

function run<T>(script: string): T {
  const r = runNode(script, simEnv());
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as T;
}

type Pairs = Record<string, { cpu: number[]; dev: number[]; device?: string }>;

// Both sides' values as flat arrays, compared with a tolerance per dtype.
function assertPairs(pairs: Pairs, rtol: number, atol: number): void {
  for (const [name, { cpu, dev, device }] of Object.entries(pairs)) {
    if (device !== undefined) assert.equal(device, "cuda", `${name} stays on the device`);
    assert.equal(dev.length, cpu.length, name);
    cpu.forEach((v, i) =>
      assert.ok(Math.abs(v - dev[i]) <= atol + rtol * Math.abs(v), `${name}[${i}]: cpu ${v}, gpu ${dev[i]}`),
    );
  }
}

const PRELUDE = `import { np, tf, keras, setDevice, getDevice, cudaFallbackOps } from "tensorbook";
import { probeNative } from "@tensorbook/native";
const flat = (t) => Array.from(t.dataSync());
const out = {};
`;

describe("cuda backend on the simulated GPU", { skip }, () => {
  for (const dtype of ["float32", "float64"] as const) {
    it(`${dtype}: conv2d, pooling and softmax with gradients equal the CPU's`, () => {
      const pairs = run<Pairs>(`${PRELUDE}
np.random.seed(5);
const x = np.random.randn(2, 7, 6, 3).astype("${dtype}");
const w = np.random.randn(3, 2, 3, 4).astype("${dtype}");
function work(x, w) {
  const tape = new tf.GradientTape();
  const r = {};
  const loss = tape.record(() => {
    tape.watch([x, w]);
    const c = tf.nn.conv2d(x, w, [2, 1], "SAME", { dilations: [1, 2] });
    const v = tf.nn.conv2d(x, w, 1, "VALID");
    const m = tf.nn.maxPool2d(c, 2, 1, "VALID");
    const a = tf.nn.avgPool2d(v, 3, 2, "SAME");
    const s = tf.nn.softmax(m);
    const l = tf.nn.logSoftmax(a);
    Object.assign(r, { c, v, m, a, s, l });
    return tf.addN([tf.reduceSum(tf.square(s)), tf.reduceSum(l), tf.reduceSum(c)]);
  });
  const [dx, dw] = tape.gradient(loss, [x, w]);
  return { ...r, loss, dx, dw };
}
const cpu = work(x, w);
const dev = tf.device("gpu", () => work(x.to("cuda"), w.to("cuda")));
for (const k of Object.keys(cpu)) out[k] = { cpu: flat(cpu[k]), dev: flat(dev[k]), device: dev[k].device };
out.fallbacks = { cpu: [], dev: cudaFallbackOps().filter((o) => /conv|pool|softmax|matmul/.test(o)) };
process.stdout.write(JSON.stringify(out));`);
      assertPairs(pairs, dtype === "float32" ? 1e-5 : 1e-12, dtype === "float32" ? 1e-5 : 1e-12);
    });
  }

  it("fused optimizer updates (SGD, momentum, Nesterov, Adam, AdamW, RMSprop, Adagrad) and the generic path (Nadam, clipping) equal the CPU's", () => {
    const pairs = run<Pairs>(`${PRELUDE}
const make = () => ({
  sgd: new keras.optimizers.SGD({ learningRate: 0.1 }),
  momentum: new keras.optimizers.SGD({ learningRate: 0.1, momentum: 0.9 }),
  nesterov: new keras.optimizers.SGD({ learningRate: 0.1, momentum: 0.9, nesterov: true }),
  adam: new keras.optimizers.Adam({ learningRate: 0.01 }),
  adamw: new keras.optimizers.AdamW({ learningRate: 0.01, weightDecay: 0.1 }),
  rmsprop: new keras.optimizers.RMSprop({ learningRate: 0.01 }),
  rmspropCentered: new keras.optimizers.RMSprop({ learningRate: 0.01, momentum: 0.5, centered: true }),
  adagrad: new keras.optimizers.Adagrad({ learningRate: 0.1 }),
  nadam: new keras.optimizers.Nadam({ learningRate: 0.01 }),
  clipped: new keras.optimizers.Adam({ learningRate: 0.01, clipnorm: 0.5 }),
});
np.random.seed(2);
const w0 = np.random.randn(5, 3).astype("float32");
const grads = [0, 1, 2].map(() => np.random.randn(5, 3).astype("float32"));
function train(device) {
  const res = {};
  for (const [name, opt] of Object.entries(make())) {
    const v = new tf.Variable(w0, { device });
    for (const g of grads) opt.applyGradients([[device === "cuda" ? g.to("cuda") : g, v]]);
    res[name] = { v, slots: opt.variables().slice(1) };
  }
  return res;
}
const cpu = train("cpu");
const dev = train("cuda");
for (const k of Object.keys(cpu)) {
  out[k] = { cpu: flat(cpu[k].v), dev: flat(dev[k].v), device: dev[k].v.device };
  cpu[k].slots.forEach((s, i) => (out[k + " slot " + i] = { cpu: flat(s), dev: flat(dev[k].slots[i]) }));
}
out.slotDevices = { cpu: [], dev: [], device: [...new Set(dev.adam.slots.map((s) => s.device))].join() };
process.stdout.write(JSON.stringify(out));`);
    assertPairs(pairs, 1e-5, 1e-6);
  });

  it("tf.random under cuda placement draws on the device: repeatable with a seed, normal moments, a stream of its own", () => {
    const o = run<Record<string, number | string | boolean>>(`${PRELUDE}
const cpuDraw = (tf.random.setSeed(3), flat(tf.random.uniform([4])));
setDevice("cuda");
tf.random.setSeed(3);
const a = tf.random.normal([20000], 1, 2);
const b = tf.random.uniform([8], -1, 1, { seed: 9 });
tf.random.setSeed(3);
const a2 = tf.random.normal([20000], 1, 2);
const u = tf.random.uniform([4]);
const init = new keras.layers.Dense(4);
init.build([null, 3]);
const z = flat(a);
const mean = z.reduce((s, v) => s + v, 0) / z.length;
const sd = Math.sqrt(z.reduce((s, v) => s + (v - mean) ** 2, 0) / z.length);
Object.assign(out, {
  device: a.device, kernel: init.kernel.device, mean, sd,
  same: JSON.stringify(flat(a2)) === JSON.stringify(z),
  inRange: flat(b).every((v) => v >= -1 && v < 1),
  differsFromCpu: JSON.stringify(flat(u)) !== JSON.stringify(cpuDraw),
  fallbacks: cudaFallbackOps().join(),
});
process.stdout.write(JSON.stringify(out));`);
    assert.equal(o.device, "cuda");
    assert.equal(o.kernel, "cuda", "an unseeded Keras initializer draws on the device");
    assert.ok(
      Math.abs((o.mean as number) - 1) < 0.05 && Math.abs((o.sd as number) - 2) < 0.05,
      `${o.mean} ${o.sd}`,
    );
    assert.equal(o.same, true);
    assert.equal(o.inRange, true);
    assert.equal(o.differsFromCpu, true);
  });

  it("variables: placed on the device, assigned in place, moved both ways", () => {
    const o = run<Record<string, unknown>>(`${PRELUDE}
const b = probeNative().binding;
const h = new tf.Variable([1, 2, 3]);
const d = new tf.Variable([1, 2, 3], { device: "cuda" });
const before = d.storage.id;
d.assignAdd([1, 1, 1]);
d.assign(tf.constant([5, 6, 7]).to("cuda"));
d.assignSub(1);
const after = d.storage.id;
setDevice("cuda");
const p = new tf.Variable([1.5]);
const i = new tf.Variable(0, { dtype: "int32" });
setDevice("cpu");
h.moveTo("cuda");
const hDev = h.device;
h.moveTo("cpu");
Object.assign(out, { h: [hDev, h.device, flat(h)], d: [d.device, flat(d)], ids: [before, after], p: p.device, i: i.device });
process.stdout.write(JSON.stringify(out));`);
    assert.deepEqual(o.h, ["cuda", "cpu", [1, 2, 3]]);
    assert.deepEqual(o.d, ["cuda", [4, 5, 6]]);
    const [before, after] = o.ids as number[];
    assert.equal(after, before, "assignments write into the variable's own device buffer");
    assert.equal(o.p, "cuda", "a float variable made under cuda placement lives there");
    assert.equal(o.i, "cpu", "an int32 counter stays on the CPU");
  });

  it("Keras fit/evaluate/predict of an MLP and a CNN on the device equal the CPU's; weights stay there", () => {
    const pairs = run<Pairs>(`${PRELUDE}
np.random.seed(0);
const X = np.random.randn(96, 6, 6, 1).astype("float32");
const y = np.argmax(X.reshape(96, 36).get(":", ":3"), 1).astype("int32");
const builders = {
  mlp: () => new keras.Sequential([
    new keras.layers.Flatten({ inputShape: [6, 6, 1] }),
    new keras.layers.Dense(16, { activation: "relu" }),
    new keras.layers.Dense(3, { activation: "softmax" }),
  ]),
  cnn: () => new keras.Sequential([
    new keras.layers.Conv2D(4, 3, { activation: "relu", padding: "same", inputShape: [6, 6, 1] }),
    new keras.layers.MaxPooling2D(2),
    new keras.layers.Conv2D(6, 2, { activation: "relu" }),
    new keras.layers.Flatten(),
    new keras.layers.Dense(3, { activation: "softmax" }),
  ]),
};
const optimizers = { mlp: () => new keras.optimizers.SGD({ learningRate: 0.05, momentum: 0.9 }), cnn: () => "adam" };
for (const [name, build] of Object.entries(builders)) {
  tf.random.setSeed(1);
  const cpu = build();
  cpu.compile({ loss: "sparse_categorical_crossentropy", optimizer: optimizers[name](), metrics: ["accuracy"] });
  const dev = build();
  dev.compile({ loss: "sparse_categorical_crossentropy", optimizer: optimizers[name](), metrics: ["accuracy"] });
  dev.setWeights(cpu.getWeights());
  const hc = await cpu.fit(X, y, { epochs: 2, batchSize: 16, verbose: 0, shuffle: false });
  setDevice("cuda");
  const hd = await dev.fit(X, y, { epochs: 2, batchSize: 16, verbose: 0, shuffle: false });
  const ed = dev.evaluate(X, y, { verbose: 0 });
  const pd = dev.predict(X.get(":7"), { verbose: 0 });
  setDevice("cpu");
  out[name + " loss"] = { cpu: hc.history.loss, dev: hd.history.loss };
  out[name + " accuracy"] = { cpu: hc.history.accuracy, dev: hd.history.accuracy };
  out[name + " evaluate"] = { cpu: cpu.evaluate(X, y, { verbose: 0 }), dev: ed };
  out[name + " predict"] = { cpu: flat(cpu.predict(X.get(":7"), { verbose: 0 })), dev: flat(pd) };
  dev.weights.forEach((w, i) => (out[name + " weight " + i] = { cpu: flat(cpu.weights[i]), dev: flat(w), device: w.device }));
}
process.stdout.write(JSON.stringify(out));`);
    assertPairs(pairs, 2e-4, 2e-5);
  });

  it("device memory stays flat over 300 training steps (tf.memory and the allocator's live blocks)", () => {
    const o = run<{ bytes: number[]; blocks: number[]; loss: number[] }>(`${PRELUDE}
const b = probeNative().binding;
setDevice("cuda");
tf.random.setSeed(4);
np.random.seed(4);
const X = np.random.randn(160, 12).astype("float32");
const y = np.random.randint(0, 4, [160]).astype("int32");
const model = new keras.Sequential([
  new keras.layers.Dense(24, { activation: "relu", inputShape: [12] }),
  new keras.layers.BatchNormalization(),
  new keras.layers.Dropout(0.2),
  new keras.layers.Dense(4, { activation: "softmax" }),
]);
model.compile({ loss: "sparse_categorical_crossentropy", optimizer: "adam", metrics: ["accuracy"] });
const bytes = [], blocks = [];
class Probe extends keras.callbacks.Callback {
  onTrainBatchEnd() { bytes.push(tf.memory().numBytesInGPU); blocks.push(b.cudaMemory().blocks); }
}
const h = await model.fit(X, y, { epochs: 30, batchSize: 16, verbose: 0, callbacks: [new Probe()] });
process.stdout.write(JSON.stringify({ bytes, blocks, loss: h.history.loss }));`);
    assert.equal(o.bytes.length, 300);
    // After the first step (which makes the optimizer's slots) nothing accumulates: no step
    // holds more than the second did (the garbage collector may free older leftovers, which can
    // only lower the figures).
    const grew = (v: number[]): number[] => v.slice(1).filter((x) => x > v[1]);
    assert.deepEqual(grew(o.bytes), [], `numBytesInGPU per step: ${o.bytes.join(", ")}`);
    assert.deepEqual(grew(o.blocks), [], `live blocks per step: ${o.blocks.join(", ")}`);
    assert.ok(o.bytes[1] > 0 && o.blocks[1] > 0);
    assert.ok(o.loss[29] < o.loss[0], `loss ${o.loss[0]} → ${o.loss[29]}`);
  });
});
