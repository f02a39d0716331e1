// The layer suite: one table, one row per layer. Every row is checked for its output shape
// (eager and symbolic), a config round trip (the rebuilt layer, given the same weights,
// computes the same), and its gradients against central differences (float64 layers), in
// inference mode and, for deterministic layers, in training mode.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { keras, tf, type Tensor } from "tensorbook";
import { fixedRandom, layerGradientError } from "./model-helpers.js";

type LayerClass = { fromConfig(c: never, o?: never): keras.layers.Layer };

interface LayerCase {
  name: string;
  make: () => keras.layers.Layer;
  /** Input shape(s), batch first. */
  input: number[] | number[][];
  /** Output shape for that input. */
  output: number[];
  /** Integer inputs in [0, n) instead of random floats. */
  intInputs?: number;
  /** Random in training mode: skip the training-mode gradient check. */
  random?: boolean;
  /** No gradient with respect to the input (integer indices). */
  noInputGradient?: boolean;
  /** Gradient tolerance (default 1e-5). */
  tol?: number;
}

const f64 = { dtype: "float64" } as const;

const CASES: LayerCase[] = [
  {
    name: "Dense",
    make: () => new keras.layers.Dense(4, { activation: "tanh", ...f64 }),
    input: [3, 5],
    output: [3, 4],
  },
  {
    name: "Dense (3-D input)",
    make: () => new keras.layers.Dense(2, f64),
    input: [2, 3, 4],
    output: [2, 3, 2],
  },
  {
    name: "Dense (no bias)",
    make: () => new keras.layers.Dense(3, { useBias: false, activation: "sigmoid", ...f64 }),
    input: [2, 4],
    output: [2, 3],
  },
  { name: "Flatten", make: () => new keras.layers.Flatten(f64), input: [2, 3, 4], output: [2, 12] },
  { name: "Activation", make: () => new keras.layers.Activation("elu", f64), input: [2, 5], output: [2, 5] },
  {
    name: "Dropout",
    make: () => new keras.layers.Dropout(0.3, f64),
    input: [4, 6],
    output: [4, 6],
    random: true,
  },
  {
    name: "AlphaDropout",
    make: () => new keras.layers.AlphaDropout(0.2, f64),
    input: [4, 6],
    output: [4, 6],
    random: true,
  },
  {
    name: "GaussianNoise",
    make: () => new keras.layers.GaussianNoise(0.1, f64),
    input: [4, 6],
    output: [4, 6],
    random: true,
  },
  {
    name: "BatchNormalization",
    make: () => new keras.layers.BatchNormalization(f64),
    input: [6, 3],
    output: [6, 3],
    tol: 1e-4,
  },
  {
    name: "LayerNormalization",
    make: () => new keras.layers.LayerNormalization(f64),
    input: [3, 5],
    output: [3, 5],
    tol: 1e-4,
  },
  {
    name: "LeakyReLU",
    make: () => new keras.layers.LeakyReLU({ alpha: 0.2, ...f64 }),
    input: [3, 4],
    output: [3, 4],
  },
  {
    name: "PReLU",
    make: () => new keras.layers.PReLU({ alphaInitializer: "ones", ...f64 }),
    input: [3, 4],
    output: [3, 4],
  },
  { name: "ELU", make: () => new keras.layers.ELU({ alpha: 0.5, ...f64 }), input: [3, 4], output: [3, 4] },
  {
    name: "ReLU",
    make: () => new keras.layers.ReLU({ maxValue: 0.5, ...f64 }),
    input: [3, 4],
    output: [3, 4],
  },
  { name: "Softmax", make: () => new keras.layers.Softmax(f64), input: [3, 4], output: [3, 4] },
  { name: "Reshape", make: () => new keras.layers.Reshape([2, -1], f64), input: [2, 6], output: [2, 2, 3] },
  {
    name: "Concatenate",
    make: () => new keras.layers.Concatenate(f64),
    input: [
      [2, 3],
      [2, 4],
    ],
    output: [2, 7],
  },
  {
    name: "Add",
    make: () => new keras.layers.Add(f64),
    input: [
      [2, 3],
      [2, 3],
    ],
    output: [2, 3],
  },
  {
    name: "Multiply",
    make: () => new keras.layers.Multiply(f64),
    input: [
      [2, 3],
      [2, 3],
    ],
    output: [2, 3],
  },
  {
    name: "Average",
    make: () => new keras.layers.Average(f64),
    input: [
      [2, 3],
      [2, 3],
    ],
    output: [2, 3],
  },
  {
    name: "Normalization",
    make: () => new keras.layers.Normalization({ mean: [1, 2, 3], variance: [1, 4, 9], ...f64 }),
    input: [4, 3],
    output: [4, 3],
  },
  {
    name: "Embedding",
    make: () => new keras.layers.Embedding(10, 4, f64),
    input: [3, 5],
    output: [3, 5, 4],
    intInputs: 10,
    noInputGradient: true,
  },
];

function inputsOf(c: LayerCase): Tensor | Tensor[] {
  const one = (shape: number[], seed: number): Tensor =>
    c.intInputs
      ? tf.cast(tf.floor(tf.multiply(tf.add(fixedRandom(shape, seed), 1), c.intInputs / 2.0001)), "int32")
      : fixedRandom(shape, seed);
  return Array.isArray(c.input[0])
    ? (c.input as number[][]).map((s, i) => one(s, i + 3))
    : one(c.input as number[], 3);
}

function specOf(c: LayerCase): keras.KerasTensor | keras.KerasTensor[] {
  const one = (s: number[]): keras.KerasTensor =>
    keras.Input({ shape: s.slice(1), dtype: c.intInputs ? "int32" : "float64" });
  return Array.isArray(c.input[0]) ? (c.input as number[][]).map(one) : one(c.input as number[]);
}

const call = (l: keras.layers.Layer, x: unknown, training = false): Tensor =>
  (l.apply as (x: unknown, o: object) => Tensor)(x, { training });

describe("layer suite", () => {
  for (const c of CASES) {
    describe(c.name, () => {
      it("output shape, eager and symbolic", () => {
        const layer = c.make();
        assert.deepEqual([...call(layer, inputsOf(c)).shape], c.output);
        const sym = (c.make().apply as (x: unknown) => keras.KerasTensor)(specOf(c));
        assert.deepEqual([...sym.shape], [null, ...c.output.slice(1)]);
      });

      it("config round trip computes the same", () => {
        const layer = c.make();
        const x = inputsOf(c);
        const y = call(layer, x);
        const cls = layer.constructor as unknown as LayerClass;
        const again = cls.fromConfig(layer.getConfig() as never);
        assert.deepEqual(again.getConfig(), layer.getConfig());
        call(again, x);
        again.setWeights(layer.getWeights());
        assert.deepEqual(call(again, x).toArray(), y.toArray());
      });

      it("gradients match central differences (inference)", () => {
        const layer = c.make();
        const x = inputsOf(c);
        if (Array.isArray(x)) {
          const wrapper = new keras.layers.Lambda(
            (xs: Tensor) => call(layer, [xs, tf.multiply(xs, 0.5)]),
            f64,
          );
          assert.ok(layerGradientError(wrapper, x[0]) < (c.tol ?? 1e-5));
          return;
        }
        call(layer, x);
        const err = layerGradientError(layer, c.noInputGradient ? x : x);
        assert.ok(err < (c.tol ?? 1e-5), `max relative error ${err}`);
      });

      if (!c.random) {
        it("gradients match central differences (training)", () => {
          const layer = c.make();
          const x = inputsOf(c);
          if (Array.isArray(x)) return;
          call(layer, x, true);
          const err = layerGradientError(layer, x, true);
          assert.ok(err < (c.tol ?? 1e-5), `max relative error ${err}`);
        });
      }
    });
  }
});

describe("training and inference behaviour", () => {
  it("Dropout drops about `rate` of the inputs and rescales the rest in training only", () => {
    tf.random.setSeed(1);
    const d = new keras.layers.Dropout(0.5);
    const x = tf.ones([100, 100]);
    assert.deepEqual(d.apply(x).toArray(), x.toArray());
    const y = d.apply(x, { training: true }).dataSync();
    const zeros = y.filter((v) => v === 0).length / y.length;
    assert.ok(Math.abs(zeros - 0.5) < 0.03, `dropped ${zeros}`);
    assert.ok(y.every((v) => v === 0 || Math.abs(v - 2) < 1e-6));
  });

  it("a model called with { training: true } reaches its Dropout (MC Dropout)", () => {
    tf.random.setSeed(2);
    const model = new keras.Sequential([new keras.layers.Dropout(0.5, { inputShape: [50] })]);
    const x = tf.ones([4, 50]);
    assert.deepEqual(model.apply(x).toArray(), x.toArray());
    assert.ok(
      model
        .apply(x, { training: true })
        .dataSync()
        .some((v) => v === 0),
    );
  });

  it("AlphaDropout keeps mean and variance of standard normal inputs", () => {
    tf.random.setSeed(3);
    const x = tf.random.normal([200, 200]);
    const y = new keras.layers.AlphaDropout(0.2).apply(x, { training: true });
    const [m, v] = tf.nn.moments(y, [0, 1]);
    assert.ok(Math.abs(m.item() as number) < 0.05 && Math.abs((v.item() as number) - 1) < 0.1);
  });

  it("BatchNormalization: batch statistics in training, moving averages in inference", () => {
    const bn = new keras.layers.BatchNormalization({ momentum: 0.5 });
    const x = tf.constant([
      [1, 10],
      [3, 30],
    ]);
    const y = bn.apply(x, { training: true }).toArray() as number[][];
    // (x - mean) / sqrt(var + eps): var 1 and 100.
    assert.ok(
      Math.abs(y[0][0] + 1 / Math.sqrt(1.001)) < 1e-5 && Math.abs(y[1][1] - 10 / Math.sqrt(100.001)) < 1e-5,
    );
    assert.deepEqual(bn.movingMean.toArray(), [1, 10]);
    assert.deepEqual(bn.movingVariance.toArray(), [1, 50.5]);
    const inf = bn.apply(x).toArray() as number[][];
    assert.ok(Math.abs(inf[0][0] - 0) < 1e-5 && Math.abs(inf[1][0] - 2 / Math.sqrt(1.001)) < 1e-5);
    assert.deepEqual(
      bn.weights.map((w) => [w.name, w.trainable]),
      [
        [`${bn.name}/gamma`, true],
        [`${bn.name}/beta`, true],
        [`${bn.name}/moving_mean`, false],
        [`${bn.name}/moving_variance`, false],
      ],
    );
  });

  it("a frozen BatchNormalization runs in inference mode during training", () => {
    const bn = new keras.layers.BatchNormalization();
    const x = tf.constant([
      [1, 10],
      [3, 30],
    ]);
    bn.apply(x);
    bn.trainable = false;
    assert.deepEqual(bn.apply(x, { training: true }).toArray(), bn.apply(x).toArray());
    assert.equal(bn.trainableWeights.length, 0);
    assert.equal(bn.nonTrainableWeights.length, 4);
  });

  it("GaussianNoise adds noise only in training", () => {
    const g = new keras.layers.GaussianNoise(1);
    const x = tf.zeros([10, 10]);
    assert.deepEqual(g.apply(x).toArray(), x.toArray());
    assert.ok(
      g
        .apply(x, { training: true })
        .dataSync()
        .some((v) => v !== 0),
    );
  });

  it("Normalization.adapt learns the mean and variance", () => {
    const norm = new keras.layers.Normalization();
    norm.adapt([
      [1, 10],
      [3, 30],
    ]);
    assert.deepEqual(norm.mean.toArray(), [2, 20]);
    assert.deepEqual(norm.variance.toArray(), [1, 100]);
    assert.deepEqual(norm.apply(tf.constant([[2, 30]])).toArray(), [[0, 1]]);
    assert.equal(norm.countParams(), 5);
  });

  it("Embedding with maskZero passes a mask to the next layers", () => {
    const emb = new keras.layers.Embedding(5, 2, { maskZero: true });
    const soft = new keras.layers.Softmax({ axis: 1 });
    const x = tf.constant([[1, 2, 0]], { dtype: "int32" });
    const e = tf.reduceSum(emb.apply(x), -1);
    assert.equal(e.shape.length, 2);
    const p = soft.apply(tf.expandDims(emb.apply(x), 0)).shape;
    assert.deepEqual([...p], [1, 1, 3, 2]);
  });

  it("layer names are unique per class, Keras style", () => {
    keras.backend.clearSession();
    assert.deepEqual(
      [
        new keras.layers.Dense(1),
        new keras.layers.Dense(1),
        new keras.layers.BatchNormalization(),
        new keras.layers.PReLU(),
      ].map((l) => l.name),
      ["dense", "dense_1", "batch_normalization", "p_re_lu"],
    );
    assert.equal(keras.Input({ shape: [2] }).history!.layer.name, "input_1");
  });

  it("shape errors name the layer and the shapes", () => {
    const d = new keras.layers.Dense(3);
    d.apply(tf.ones([2, 4]));
    assert.throws(() => d.apply(tf.ones([2, 5])), /dense.*expected the last axis to have length 4.*\[2, 5\]/);
    assert.throws(
      () =>
        new keras.layers.Concatenate().apply([
          keras.Input({ shape: [2, 3] }),
          keras.Input({ shape: [4, 3] }),
        ]),
      /matching shapes/,
    );
  });

  it("a custom layer with build/call/addWeight/getConfig works eagerly and symbolically", () => {
    class SimpleDense extends keras.layers.Layer {
      w!: tf.Variable;
      b!: tf.Variable;
      constructor(
        readonly units: number,
        opts: keras.layers.LayerOptions = {},
      ) {
        super(opts);
      }
      override build(inputShape: keras.ShapeSpecs): void {
        const s = inputShape as (number | null)[];
        this.w = this.addWeight({
          name: "kernel",
          shape: [s[s.length - 1]!, this.units],
          initializer: "random_normal",
        });
        this.b = this.addWeight({ name: "bias", shape: [this.units], initializer: "zeros" });
      }
      override call(x: Tensor): Tensor {
        return tf.nn.relu(tf.add(tf.matmul(x, this.w), this.b));
      }
    }
    const layer = new SimpleDense(32);
    assert.deepEqual([...layer(tf.ones([2, 784])).shape], [2, 32]);
    assert.equal(layer.weights.length, 2);
    assert.deepEqual([...new SimpleDense(5).apply(keras.Input({ shape: [3] })).shape], [null, 5]);
  });
});
