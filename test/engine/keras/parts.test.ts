// keras.activations, initializers (statistics, limits, seeding), regularizers and constraints:
// values, gradients where they matter, get/serialize round trips and the custom-object registry.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { keras, tf, type Tensor } from "tensorbook";
import { near } from "./helpers.js";

const stats = (t: Tensor) => {
  const v = Array.from(t.dataSync());
  const mean = v.reduce((a, b) => a + b, 0) / v.length;
  const std = Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / v.length);
  return { mean, std, min: Math.min(...v), max: Math.max(...v) };
};

describe("activations", () => {
  const A = keras.activations;
  it("values", () => {
    near(A.relu([-10, -5, 0, 5, 10]).toArray(), [0, 0, 0, 5, 10]);
    near(A.relu([-10, 5, 10], { alpha: 0.5, maxValue: 8 }).toArray(), [-5, 5, 8]);
    near(A.relu([1, 2, 3], { threshold: 2 }).toArray(), [0, 0, 3]);
    near(A.sigmoid([0]).toArray(), [0.5]);
    near(A.softmax([[1, 2, 3]]).toArray(), [[0.09003057, 0.24472847, 0.66524096]], 1e-6);
    near(A.elu([-1, 2]).toArray(), [Math.expm1(-1), 2], 1e-6);
    near(A.selu([1]).toArray(), [1.0507009873554805], 1e-6);
    near(A.leakyRelu([-1, 1]).toArray(), [-0.2, 1], 1e-7);
    near(A.gelu([-1, 0, 1]).toArray(), [-0.15865526, 0, 0.84134474], 1e-6);
    near(A.gelu([1], { approximate: true }).toArray(), [0.841192], 1e-6);
    near(A.swish([1]).toArray(), [1 / (1 + Math.exp(-1))], 1e-6);
    near(A.softplus([1000]).toArray(), [1000]);
    near(A.softsign([1]).toArray(), [0.5]);
    near(A.exponential([1]).toArray(), [Math.E], 1e-6);
    near(A.hardSigmoid([-3, 0, 1, 3]).toArray(), [0, 0.5, 0.7, 1], 1e-6);
    near(A.linear([3]).toArray(), [3]);
  });
  it("get, serialize and custom functions", () => {
    for (const name of A.ACTIVATION_NAMES) assert.equal(typeof A.get(name), "function", name);
    assert.equal(A.serialize(A.get("relu")), "relu");
    assert.equal(A.serialize(A.relu), "relu");
    assert.equal(A.get(null), A.linear);
    function mySoftplus(z: Tensor): Tensor {
      return tf.log(tf.add(tf.exp(z), 1));
    }
    assert.equal(A.get(mySoftplus), mySoftplus);
    assert.equal(A.serialize(mySoftplus), "mySoftplus");
    assert.equal(A.deserialize("mySoftplus", { mySoftplus }), mySoftplus);
    assert.throws(() => A.get("rleu"), /Unknown activation function: 'rleu'. Valid names: relu, sigmoid/);
  });
  it("selu and elu gradients stay finite for large inputs", () => {
    const x = new tf.Variable([100, -100]);
    const tape = new tf.GradientTape();
    const y = tape.record(() => tf.reduceSum(A.selu(x)));
    const g = tape.gradient(y, x)!.toArray() as number[];
    assert.ok(g.every(Number.isFinite));
  });
});

describe("initializers", () => {
  const I = keras.initializers;
  const shape = [400, 300];
  const fanIn = 400;
  const fanAvg = 350;
  const cases: [string, number, "normal" | "uniform"][] = [
    ["glorot_uniform", Math.sqrt(1 / fanAvg), "uniform"],
    ["glorot_normal", Math.sqrt(1 / fanAvg), "normal"],
    ["he_normal", Math.sqrt(2 / fanIn), "normal"],
    ["he_uniform", Math.sqrt(2 / fanIn), "uniform"],
    ["lecun_normal", Math.sqrt(1 / fanIn), "normal"],
    ["lecun_uniform", Math.sqrt(1 / fanIn), "uniform"],
  ];
  for (const [name, std, kind] of cases) {
    it(`${name}: mean 0, std ${std.toFixed(4)}, limits`, () => {
      const w = I.get(name).apply(shape);
      assert.deepEqual(w.shape, shape);
      assert.equal(w.dtype, "float32");
      const s = stats(w);
      assert.ok(Math.abs(s.mean) < 0.01 * std * 10, `mean ${s.mean}`);
      near(s.std, std, 0.02);
      const bound = kind === "uniform" ? Math.sqrt(3) * std : (2 * std) / 0.8796256610342398;
      assert.ok(s.max <= bound + 1e-6 && s.min >= -bound - 1e-6, `${s.min}..${s.max} vs ${bound}`);
      assert.ok(s.max > 0.95 * bound, "reaches near its limit");
    });
  }
  it("VarianceScaling modes and distributions; conv fans", () => {
    const vs = new I.VarianceScaling({ scale: 2, mode: "fan_avg", distribution: "uniform", seed: 1 });
    near(stats(vs.apply([200, 100])).max, Math.sqrt((3 * 2) / 150), 0.02);
    const un = new I.VarianceScaling({ distribution: "untruncated_normal", mode: "fan_out", seed: 2 });
    near(stats(un.apply([50, 400])).std, Math.sqrt(1 / 400), 0.03);
    assert.deepEqual(I.computeFans([3, 3, 16, 32]), [144, 288]);
    assert.throws(() => new I.VarianceScaling({ mode: "fan_x" as never }), /fan_in, fan_out or fan_avg/);
  });
  it("constant families and random defaults", () => {
    assert.deepEqual(I.get("zeros").apply([2]).toArray(), [0, 0]);
    assert.deepEqual(I.get("ones").apply([2], "float64").toArray(), [1, 1]);
    assert.deepEqual(new I.Constant(0.5).apply([2]).toArray(), [0.5, 0.5]);
    const n = stats(I.get("random_normal").apply([100, 100]));
    near(n.std, 0.05, 0.03);
    const u = stats(I.get("uniform").apply([100, 100]));
    assert.ok(u.min >= -0.05 && u.max <= 0.05);
    const t = stats(new I.TruncatedNormal({ stddev: 1 }).apply([100, 100]));
    assert.ok(t.max <= 2 && t.min >= -2);
  });
  it("seeded initializers repeat; unseeded ones follow tf.random.setSeed", () => {
    const a = new I.HeNormal({ seed: 42 }).apply([3, 3]).toArray();
    assert.deepEqual(new I.HeNormal({ seed: 42 }).apply([3, 3]).toArray(), a);
    const init = new I.GlorotUniform({ seed: 7 });
    assert.deepEqual(init.apply([2, 2]).toArray(), init.apply([2, 2]).toArray());
    assert.notDeepEqual(new I.HeNormal({ seed: 43 }).apply([3, 3]).toArray(), a);
    tf.random.setSeed(5);
    const x = I.get("glorot_uniform").apply([4, 4]).toArray();
    tf.random.setSeed(5);
    assert.deepEqual(I.get("glorot_uniform").apply([4, 4]).toArray(), x);
  });
  it("orthogonal gives orthonormal columns (and rows when wide)", () => {
    const q = new I.Orthogonal({ seed: 1 }).apply([6, 4], "float64");
    near(
      tf.matmul(q, q, { transposeA: true }).toArray(),
      tf.eye(4, 4, { dtype: "float64" }).toArray() as number[][],
      0,
      1e-10,
    );
    const w = new I.Orthogonal({ gain: 2, seed: 1 }).apply([3, 5], "float64");
    near(
      tf.matmul(w, w, { transposeB: true }).toArray(),
      tf.mul(tf.eye(3, 3, { dtype: "float64" }), 4).toArray() as number[][],
      0,
      1e-10,
    );
  });
  it("custom functions, configs and round trips", () => {
    const myInit = (shape: readonly number[]) => tf.fill(shape, 7);
    assert.deepEqual(I.get(myInit).apply([2]).toArray(), [7, 7]);
    for (const init of [
      new I.VarianceScaling({ scale: 2, mode: "fan_avg", distribution: "uniform", seed: 3 }),
      new I.GlorotUniform({ seed: 1 }),
      new I.HeNormal(),
      new I.Constant(3),
      new I.RandomUniform({ minval: -1, maxval: 1 }),
      new I.Orthogonal({ gain: 2 }),
    ]) {
      const back = I.deserialize(I.serialize(init));
      assert.equal(back.constructor, init.constructor);
      assert.deepEqual(back.getConfig(), init.getConfig());
    }
    assert.deepEqual(I.serialize(new I.GlorotUniform({ seed: 1 })), {
      className: "GlorotUniform",
      config: { seed: 1 },
    });
    assert.throws(() => I.get("glorot"), /Unknown initializer: 'glorot'. Valid names: zeros, ones/);
  });
});

describe("regularizers", () => {
  const R = keras.regularizers;
  const w = tf.constant([
    [1, -2],
    [3, -4],
  ]);
  it("values", () => {
    near(R.l2(0.01).apply(w).item(), 0.3, 1e-6);
    near(R.l1(0.1).apply(w).item(), 1, 1e-6);
    near(R.l1L2(0.1, 0.01).apply(w).item(), 1.3, 1e-6);
    near(R.get("l2").apply(w).item(), 0.3, 1e-6);
    near(new R.L1L2({ l2: 0.05 }).apply(w).item(), 1.5, 1e-6);
  });
  it("is differentiable", () => {
    const v = new tf.Variable([1, -2]);
    const tape = new tf.GradientTape();
    const p = tape.record(() => R.l1L2(0.1, 0.01).apply(v));
    near(tape.gradient(p, v)!.toArray(), [0.1 + 0.02, -0.1 - 0.04], 1e-6);
  });
  it("custom function, subclass, round trips", () => {
    function myL1(x: Tensor): Tensor {
      return tf.reduceSum(tf.abs(tf.mul(x, 0.01)));
    }
    near(R.get(myL1).apply(w).item(), 0.1, 1e-6);
    assert.deepEqual(R.serialize(R.get(myL1)), { className: "myL1", config: {} });
    assert.ok(R.deserialize({ className: "myL1", config: {} }, { myL1 }) instanceof R.FunctionRegularizer);
    for (const r of [R.l1(0.1), R.l2(0.05), R.l1L2(0.1, 0.01)]) {
      const back = R.deserialize(R.serialize(r));
      assert.equal(back.constructor, r.constructor);
      assert.deepEqual(back.getConfig(), r.getConfig());
    }
    class MyL1Regularizer extends R.Regularizer {
      constructor(readonly factor = 0.01) {
        super();
      }
      apply(x: Tensor) {
        return tf.reduceSum(tf.abs(tf.mul(x, this.factor)));
      }
      override getConfig() {
        return { factor: this.factor };
      }
      static override fromConfig<T extends keras.regularizers.Regularizer>(
        this: never,
        c: { factor?: number },
      ): T {
        return new MyL1Regularizer(c.factor) as unknown as T;
      }
    }
    const back = R.deserialize(R.serialize(new MyL1Regularizer(0.5)), { MyL1Regularizer });
    near(back.apply(w).item(), 5, 1e-6);
  });
});

describe("constraints", () => {
  const K = keras.constraints;
  it("max_norm, non_neg, unit_norm, min_max_norm", () => {
    near(
      K.maxNorm(1)
        .apply(
          tf.constant([
            [3, 0.1],
            [4, 0.2],
          ]),
        )
        .toArray(),
      [
        [0.6, 0.1],
        [0.8, 0.2],
      ],
      1e-6,
    );
    near(
      K.maxNorm(1, { axis: 1 })
        .apply(tf.constant([[3, 4]]))
        .toArray(),
      [[0.6, 0.8]],
      1e-6,
    );
    near(
      K.get("non_neg")
        .apply(tf.constant([-1, 2]))
        .toArray(),
      [0, 2],
    );
    near(
      K.unitNorm()
        .apply(tf.constant([[3], [4]]))
        .toArray(),
      [[0.6], [0.8]],
      1e-6,
    );
    near(
      K.minMaxNorm({ minValue: 1, maxValue: 2 })
        .apply(tf.constant([[0.3], [0.4]]))
        .toArray(),
      [[0.6], [0.8]],
      1e-6,
    );
  });
  it("an optimizer applies a variable's constraint after each step", () => {
    const v = new tf.Variable([[3], [4]], { constraint: K.asVariableConstraint(K.maxNorm(1)) });
    new keras.optimizers.SGD().applyGradients([[tf.constant([[0], [0]]), v]]);
    near(v.toArray(), [[0.6], [0.8]], 1e-6);
  });
  it("custom functions and round trips", () => {
    const positive = (w: Tensor) => tf.where(tf.less(w, 0), tf.zerosLike(w), w);
    near(
      K.get(positive)
        .apply(tf.constant([-1, 1]))
        .toArray(),
      [0, 1],
    );
    for (const c of [
      K.maxNorm(1, { axis: [0, 1] }),
      K.nonNeg(),
      K.unitNorm({ axis: 1 }),
      K.minMaxNorm({ rate: 0.5 }),
    ]) {
      const back = K.deserialize(K.serialize(c));
      assert.equal(back.constructor, c.constructor);
      assert.deepEqual(back.getConfig(), c.getConfig());
    }
    assert.throws(() => K.get("maxnorm2"), /Unknown constraint: 'maxnorm2'. Valid names: max_norm/);
  });
});

describe("custom-object registry", () => {
  it("registered functions are found by short or full name; customObjects win", () => {
    function scaledTanh(x: Tensor): Tensor {
      return tf.mul(tf.tanh(x), 2);
    }
    keras.utils.registerKerasSerializable({ package: "parts" })(scaledTanh);
    assert.equal(keras.activations.serialize(scaledTanh), "parts>scaledTanh");
    assert.equal(keras.activations.get("parts>scaledTanh"), scaledTanh);
    assert.equal(keras.activations.get("scaledTanh"), scaledTanh);
    const other = (x: Tensor) => x;
    assert.equal(keras.activations.get("scaledTanh", { scaledTanh: other }), other);
  });
});
