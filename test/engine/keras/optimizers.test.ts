// keras.optimizers: update steps against the Keras formulas (NumPy, float64; SGD variants also
// checked against PyTorch) from test/fixtures/keras/make_optimizers.py, schedules, state and
// config round trips.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { keras, tf, type Tensor } from "tensorbook";
import { fixture, near } from "./helpers.js";

type Nested = number[] | number[][];
interface Case {
  name: string;
  className: string;
  options: Record<string, number | boolean>;
  schedule: { className: string; config: Record<string, unknown> } | null;
  expected: Nested[][];
  torch_checked: boolean;
}
const F = fixture<{ w0: Nested[]; grads: Nested[][]; cases: Case[]; schedules: Record<string, number[]> }>(
  "optimizers.json",
);

const CLASSES = {
  SGD: keras.optimizers.SGD,
  Adagrad: keras.optimizers.Adagrad,
  RMSprop: keras.optimizers.RMSprop,
  Adam: keras.optimizers.Adam,
  AdamW: keras.optimizers.AdamW,
  Adamax: keras.optimizers.Adamax,
  Nadam: keras.optimizers.Nadam,
} as const;

function makeOptimizer(c: Case): keras.optimizers.Optimizer {
  const options: keras.optimizers.OptimizerOptions = { ...c.options };
  if (c.schedule) options.learningRate = keras.optimizers.schedules.deserialize(c.schedule as never);
  return new CLASSES[c.className as keyof typeof CLASSES](options);
}

describe("optimizer steps match Keras' update formulas", () => {
  for (const c of F.cases) {
    it(`${c.name}${c.torch_checked ? " (also PyTorch)" : ""}`, () => {
      const vars = F.w0.map((w) => new tf.Variable(tf.constant(w, { dtype: "float64" })));
      const opt = makeOptimizer(c);
      c.expected.forEach((want, step) => {
        const grads = F.grads[step].map((g) => tf.constant(g, { dtype: "float64" }));
        opt.applyGradients(grads.map((g, i) => [g, vars[i]] as const));
        want.forEach((w, i) =>
          near(vars[i].toArray(), w, 1e-9, 1e-12, `${c.name} step ${step + 1} var ${i}`),
        );
      });
      assert.equal(opt.iterations.item(), c.expected.length);
    });
  }

  it("float32 variables follow the same path within float32 rounding", () => {
    const c = F.cases.find((x) => x.name === "adam")!;
    const vars = F.w0.map((w) => new tf.Variable(tf.constant(w, { dtype: "float32" })));
    const opt = new keras.optimizers.Adam({ learningRate: 0.01 });
    c.expected.forEach((want, step) => {
      opt.applyGradients(
        F.grads[step].map((g) => tf.constant(g, { dtype: "float32" })),
        vars,
      );
      want.forEach((w, i) => near(vars[i].toArray(), w, 1e-5, 1e-6));
    });
    assert.equal(vars[0].dtype, "float32");
  });
});

describe("optimizer behaviour", () => {
  it("learningRate is settable and readable (K.set_value / K.get_value)", () => {
    const opt = new keras.optimizers.SGD({ learningRate: 0.1 });
    assert.equal(opt.learningRate, 0.1);
    opt.learningRate = 0.01;
    assert.equal(opt.learningRate, 0.01);
    assert.equal(opt.lr, 0.01);
    const w = new tf.Variable([1, 2], { dtype: "float64" });
    opt.applyGradients([[tf.constant([1, 1], { dtype: "float64" }), w]]);
    near(w.toArray(), [0.99, 1.99], 1e-12);
    assert.throws(() => {
      opt.learningRate = NaN;
    }, /finite number/);
  });

  it("a schedule is evaluated at the iteration count", () => {
    const s = new keras.optimizers.schedules.ExponentialDecay(0.01, 20, 0.1);
    const opt = new keras.optimizers.SGD({ learningRate: s });
    assert.equal(opt.learningRate, 0.01);
    const w = new tf.Variable([1], { dtype: "float64" });
    for (let i = 0; i < 20; i++) opt.applyGradients([[tf.constant([0], { dtype: "float64" }), w]]);
    near(opt.learningRate, 0.001, 1e-12);
    assert.equal(opt.learningRateSchedule, s);
  });

  it("null gradients are skipped, constraints applied, minimize works", () => {
    const a = new tf.Variable([3, 4], { constraint: (v: Tensor) => tf.clipByValue(v, 0, 3.5) });
    const b = new tf.Variable([1]);
    const opt = new keras.optimizers.SGD({ learningRate: 0.5 });
    opt.applyGradients([
      [tf.constant([-2, 0]), a],
      [null, b],
    ]);
    assert.deepEqual(a.toArray(), [3.5, 3.5]);
    assert.deepEqual(b.toArray(), [1]);
    const w = new tf.Variable([2], { dtype: "float64" });
    for (let i = 0; i < 50; i++) opt.minimize(() => tf.reduceSum(tf.square(tf.sub(w, 5))), [w]);
    near(w.toArray(), [5], 1e-9);
  });

  it("refuses two clipping options and mismatched pairs, naming the fix", () => {
    assert.throws(() => new keras.optimizers.SGD({ clipnorm: 1, clipvalue: 1 }), /Only one of clipnorm/);
    const opt = new keras.optimizers.SGD();
    assert.throws(() => opt.applyGradients([tf.constant([1])], []), /1 gradients for 0 variables/);
    assert.throws(() => opt.applyGradients([[tf.constant([1]), tf.constant([1]) as never]]), /tf.Variable/);
  });

  it("state round trip: getWeights/setWeights after build, and getConfig/fromConfig", () => {
    const w = new tf.Variable([1, 2, 3], { dtype: "float64" });
    const g = tf.constant([0.5, -1, 2], { dtype: "float64" });
    const a = new keras.optimizers.Nadam({ learningRate: 0.01 });
    a.applyGradients([[g, w]]);
    a.applyGradients([[g, w]]);
    const state = a.getWeights();
    assert.equal(state.length, 4); // iterations, u_product, m, v
    const w2 = new tf.Variable(w.value(), { dtype: "float64" });
    const b = keras.optimizers.Nadam.fromConfig(a.getConfig());
    b.build([w2]);
    b.setWeights(state);
    a.applyGradients([[g, w]]);
    b.applyGradients([[g, w2]]);
    near(w2.toArray(), w.toArray() as number[], 1e-12);
    assert.deepEqual(b.getConfig(), a.getConfig());
    assert.throws(() => new keras.optimizers.Nadam().setWeights(state), /optimizer.build/);
  });

  it("a schedule survives serialize/deserialize", () => {
    const opt = new keras.optimizers.SGD({
      learningRate: new keras.optimizers.schedules.PiecewiseConstantDecay([5, 15], [0.01, 0.005, 0.001]),
      momentum: 0.9,
    });
    const copy = keras.optimizers.deserialize(keras.optimizers.serialize(opt));
    assert.ok(copy instanceof keras.optimizers.SGD);
    assert.ok(copy.learningRateSchedule instanceof keras.optimizers.schedules.PiecewiseConstantDecay);
    assert.deepEqual(copy.getConfig(), opt.getConfig());
  });

  it("get resolves Keras' strings and lists them when unknown", () => {
    for (const [s, C] of [
      ["sgd", keras.optimizers.SGD],
      ["adam", keras.optimizers.Adam],
      ["nadam", keras.optimizers.Nadam],
      ["rmsprop", keras.optimizers.RMSprop],
      ["adagrad", keras.optimizers.Adagrad],
      ["adamax", keras.optimizers.Adamax],
      ["adamw", keras.optimizers.AdamW],
    ] as const) {
      assert.ok(keras.optimizers.get(s) instanceof C, s);
    }
    assert.equal(new keras.optimizers.SGD().learningRate, 0.01);
    assert.equal(new keras.optimizers.Adam().learningRate, 0.001);
    assert.throws(
      () => keras.optimizers.get("adamm"),
      /Unknown optimizer: 'adamm'. Valid names: sgd, adagrad/,
    );
  });

  it("updates do not leave tensors behind and keep earlier reads", () => {
    const w = new tf.Variable([1, 2]);
    const before = w.value();
    const opt = new keras.optimizers.Adam();
    opt.applyGradients([[tf.constant([1, 1]), w]]);
    const n = tf.memory().numTensors;
    for (let i = 0; i < 10; i++) opt.applyGradients([[tf.constant([1, 1]), w]]);
    assert.ok(tf.memory().numTensors - n <= 10, "one gradient tensor per step at most");
    assert.deepEqual(before.toArray(), [1, 2]);
  });
});

describe("learning-rate schedules", () => {
  const steps = Array.from({ length: 15 }, (_, i) => i * 7);
  const S = keras.optimizers.schedules;
  const cases: [string, keras.optimizers.schedules.LearningRateSchedule][] = [
    ["exponential", new S.ExponentialDecay(0.01, 20, 0.1)],
    ["exponential_staircase", new S.ExponentialDecay(0.01, 20, 0.1, { staircase: true })],
    ["inverse_time", new S.InverseTimeDecay(0.01, 10, 0.5)],
    [
      "inverse_time_staircase",
      new S.InverseTimeDecay({ initialLearningRate: 0.01, decaySteps: 10, decayRate: 0.5, staircase: true }),
    ],
    ["polynomial", new S.PolynomialDecay(1.0, 50, 0.01, { power: 2 })],
    ["polynomial_cycle", new S.PolynomialDecay(1.0, 50, 0.01, { cycle: true })],
    ["piecewise", new S.PiecewiseConstantDecay([10, 30], [1.0, 0.5, 0.1])],
  ];
  for (const [name, s] of cases) {
    it(name, () => {
      near(
        steps.map((t) => s.call(t)),
        F.schedules[name],
        1e-12,
      );
      const back = S.deserialize(S.serialize(s));
      near(
        steps.map((t) => back.call(t)),
        F.schedules[name],
        1e-12,
      );
    });
  }
  it("checks its arguments", () => {
    assert.throws(() => new S.PiecewiseConstantDecay([1, 2], [1]), /1 less than the length of values/);
    assert.throws(() => new S.ExponentialDecay(0.1, 0, 0.5), /decaySteps must be positive/);
  });
});
