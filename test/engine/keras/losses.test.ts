// keras.losses: values and gradients (with respect to yPred) against Keras' formulas written
// with PyTorch in float64 (test/fixtures/keras/make_optimizers.py), reductions, sample weights,
// numerical stability, classes, strings, custom losses and config round trips.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { keras, tf, type Tensor } from "tensorbook";
import { fixture, near } from "./helpers.js";

interface LossCase {
  name: string;
  yTrue: number[] | number[][];
  yPred: number[][];
  sampleWeight: number[] | null;
  reduction: "sum_over_batch_size" | "sum" | "none";
  value: number | number[];
  grad: number[][];
}
const CASES = fixture<LossCase[]>("losses.json");
const L = keras.losses;

function lossFor(name: string, reduction: LossCase["reduction"]): keras.losses.Loss {
  const o = { reduction };
  switch (name) {
    case "huber":
      return new L.Huber(o);
    case "huber_delta_0.5_sum":
      return new L.Huber(0.5, o);
    case "huber_none":
      return new L.Huber({ delta: 1, ...o });
    case "binary_crossentropy_weighted":
      return new L.BinaryCrossentropy(o);
    case "binary_crossentropy_logits":
      return new L.BinaryCrossentropy({ fromLogits: true, ...o });
    case "categorical_crossentropy_soft":
      return new L.CategoricalCrossentropy(o);
    case "categorical_crossentropy_logits":
      return new L.CategoricalCrossentropy({ fromLogits: true, ...o });
    case "sparse_categorical_crossentropy_logits":
      return new L.SparseCategoricalCrossentropy({ fromLogits: true, ...o });
    default:
      return L.get(name);
  }
}

describe("loss values and gradients match the references", () => {
  for (const c of CASES) {
    it(c.name, () => {
      const loss = lossFor(c.name, c.reduction);
      const yPred = new tf.Variable(tf.constant(c.yPred, { dtype: "float64" }));
      const yTrue = tf.constant(c.yTrue, { dtype: "float64" });
      const tape = new tf.GradientTape();
      const value = tape.record(() => {
        const v = loss.apply(
          yTrue,
          yPred,
          c.sampleWeight ? tf.constant(c.sampleWeight, { dtype: "float64" }) : null,
        );
        return c.reduction === "none" ? tf.reduceSum(v) : v;
      });
      if (c.reduction === "none") {
        near(
          loss.apply(yTrue, yPred, tf.constant(c.sampleWeight!, { dtype: "float64" })).toArray(),
          c.value,
          1e-9,
        );
      } else near(value.item(), c.value, 1e-9, 1e-12);
      near(tape.gradient(value, yPred)!.toArray(), c.grad, 1e-7, 1e-10);
    });
  }
});

describe("loss behaviour", () => {
  it("functions give one value per sample; classes reduce", () => {
    near(L.meanSquaredError([[0, 1]], [[1, 1]]).toArray(), [0.5]);
    near(
      L.mse(
        [
          [0, 1],
          [1, 1],
        ],
        [
          [1, 1],
          [1, 1],
        ],
      ).toArray(),
      [0.5, 0],
    );
    near(
      new L.MeanSquaredError()
        .apply(
          [
            [0, 1],
            [1, 1],
          ],
          [
            [1, 1],
            [1, 1],
          ],
        )
        .item(),
      0.25,
    );
    near(
      new L.MeanSquaredError({ reduction: "sum" })
        .apply(
          [
            [0, 1],
            [1, 1],
          ],
          [
            [1, 1],
            [1, 1],
          ],
        )
        .item(),
      0.5,
    );
    near(L.huber([[0]], [[3]], { delta: 2 }).toArray(), [4]);
    near(L.sparseCategoricalCrossentropy([1], [[0.05, 0.9, 0.05]]).toArray(), [-Math.log(0.9)], 1e-6);
    near(L.sparseCategoricalCrossentropy([[1]], [[0.05, 0.9, 0.05]]).toArray(), [-Math.log(0.9)], 1e-6);
  });

  it("per-time-step sparse targets ([batch, time] against [batch, time, classes])", () => {
    const p = tf.nn.softmax(tf.random.normal([2, 3, 4], { seed: 1 }));
    const labels = tf.constant(
      [
        [0, 1, 2],
        [3, 2, 1],
      ],
      { dtype: "int32" },
    );
    const v = L.sparseCategoricalCrossentropy(labels, p);
    assert.deepEqual(v.shape, [2, 3]);
    const oneHot = tf.oneHot(labels, 4);
    near(v.toArray(), L.categoricalCrossentropy(oneHot, p).toArray() as number[][], 1e-5);
  });

  it("from logits stays finite at extreme logits, with finite gradients", () => {
    const logits = new tf.Variable([[1000, -1000]]);
    const tape = new tf.GradientTape();
    const v = tape.record(() => new L.CategoricalCrossentropy({ fromLogits: true }).apply([[0, 1]], logits));
    near(v.item(), 2000, 1e-6);
    near(tape.gradient(v, logits)!.toArray(), [[1, -1]]);
    const b = L.binaryCrossentropy([[1, 0]], [[-500, 500]], { fromLogits: true });
    near(b.toArray(), [500]);
  });

  it("probabilities are clipped at epsilon as Keras clips them", () => {
    // p = 0 for the true class: Keras gives -log(1e-7 + 1e-7) per element
    near(L.binaryCrossentropy([[1]], [[0]]).toArray(), [-Math.log(2e-7)], 1e-5);
    near(L.categoricalCrossentropy([[1, 0]], [[0, 1]]).toArray(), [-Math.log(1e-7)], 1e-4);
    near(keras.backend.epsilon(), 1e-7);
  });

  it("probabilities from a softmax activation are scored from its logits, as Keras does", () => {
    // softmax([0, -100]) underflows: clipping would give -log(1e-7) ≈ 16.1; the logits give 100.
    const z = new tf.Variable([[0, -100]]);
    const tape = new tf.GradientTape({ persistent: true });
    const sparse = tape.record(() => L.sparseCategoricalCrossentropy([1], keras.activations.softmax(z)));
    const dense = tape.record(() => L.categoricalCrossentropy([[0, 1]], keras.activations.softmax(z)));
    near(sparse.toArray(), [100], 1e-6);
    near(dense.toArray(), [100], 1e-6);
    near(tape.gradient(sparse, z)!.toArray(), [[1, -1]], 1e-6);
    // The same probabilities as a plain tensor are clipped.
    const p = tf.constant(keras.activations.softmax(z).toArray() as number[][]);
    near(L.sparseCategoricalCrossentropy([1], p).toArray(), [-Math.log(1e-7)], 1e-4);
  });

  it("label smoothing and ignoreClass", () => {
    const smooth = L.binaryCrossentropy([[1]], [[0.9]], { labelSmoothing: 0.2 });
    const y = 0.9; // 1 · 0.8 + 0.5 · 0.2
    near(smooth.toArray(), [-(y * Math.log(0.9 + 1e-7) + (1 - y) * Math.log(0.1 + 1e-7))], 1e-5);
    const ign = L.sparseCategoricalCrossentropy(
      [0, 1],
      [
        [0.5, 0.5],
        [0.2, 0.8],
      ],
      { ignoreClass: 0 },
    );
    near(ign.toArray(), [0, -Math.log(0.8)], 1e-6);
  });

  it("strings, aliases, custom functions and an unknown name", () => {
    for (const [id, name] of [
      ["mse", "mean_squared_error"],
      ["mean_squared_error", "mean_squared_error"],
      ["mae", "mean_absolute_error"],
      ["mape", "mean_absolute_percentage_error"],
      ["msle", "mean_squared_logarithmic_error"],
      ["huber", "huber_loss"],
      ["binary_crossentropy", "binary_crossentropy"],
      ["categorical_crossentropy", "categorical_crossentropy"],
      ["sparse_categorical_crossentropy", "sparse_categorical_crossentropy"],
      ["kl_divergence", "kl_divergence"],
      ["kullback_leibler_divergence", "kl_divergence"],
    ]) {
      assert.equal(L.get(id).name, name, id);
    }
    function myMae(yTrue: Tensor, yPred: Tensor): Tensor {
      return tf.reduceMean(tf.abs(tf.sub(yTrue, yPred)), -1);
    }
    const custom = L.get(myMae);
    assert.equal(custom.name, "myMae");
    near(custom.apply([[1], [2]], [[0], [0]]).item(), 1.5);
    assert.throws(
      () => L.get("mean_square_error"),
      /Unknown loss: 'mean_square_error'. Valid names: mean_squared_error, mse/,
    );
  });

  it("a Loss subclass with getConfig, saved and loaded with customObjects or the registry", () => {
    class HuberLoss extends L.Loss {
      readonly threshold: number;
      constructor(opts: { threshold?: number } & keras.losses.LossOptions = {}) {
        super(opts);
        this.threshold = opts.threshold ?? 1;
      }
      call(yTrue: Tensor, yPred: Tensor): Tensor {
        return L.huber(yTrue, yPred, { delta: this.threshold });
      }
      override getConfig() {
        return { ...super.getConfig(), threshold: this.threshold };
      }
    }
    const saved = L.serialize(new HuberLoss({ threshold: 2 }));
    assert.deepEqual(saved, {
      className: "HuberLoss",
      config: { name: "huber_loss", reduction: "sum_over_batch_size", threshold: 2 },
    });
    const back = L.deserialize(saved, { HuberLoss });
    assert.ok(back instanceof HuberLoss);
    assert.equal((back as HuberLoss).threshold, 2);
    assert.throws(() => L.deserialize(saved), /customObjects/);
    keras.utils.registerKerasSerializable({ package: "test" })(HuberLoss);
    assert.equal(L.serialize(new HuberLoss()).className, "test>HuberLoss");
    assert.ok(L.deserialize(L.serialize(new HuberLoss({ threshold: 3 }))) instanceof HuberLoss);
  });

  it("built-in classes round-trip through getConfig", () => {
    for (const loss of [
      new L.Huber(2.0),
      new L.BinaryCrossentropy({ fromLogits: true, labelSmoothing: 0.1 }),
      new L.SparseCategoricalCrossentropy({ fromLogits: true, reduction: "none" }),
      new L.CategoricalCrossentropy({ axis: 1 }),
      new L.MeanSquaredError({ name: "my_mse" }),
    ]) {
      const back = L.deserialize(L.serialize(loss));
      assert.equal(back.constructor, loss.constructor);
      assert.deepEqual(back.getConfig(), loss.getConfig());
    }
    function namedLoss(t: Tensor, p: Tensor): Tensor {
      return L.mae(t, p);
    }
    const wrapped = L.get(namedLoss);
    assert.equal(L.serialize(wrapped).className, "namedLoss");
    assert.ok(
      L.deserialize(L.serialize(wrapped), { namedLoss })
        .apply([[1]], [[0]])
        .item() === 1,
    );
  });
});
