// keras.metrics: streaming results over several batches (with sample weights) against
// scikit-learn and NumPy references (test/fixtures/keras/make_optimizers.py), Keras' AUC
// algorithm, reset, accuracy resolution, strings and configs.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { keras, tf, type Tensor } from "tensorbook";
import { fixture, near } from "./helpers.js";

interface MetricFixture {
  batches: [number, number][];
  binary: { yTrue: number[]; score: number[]; weights: number[] };
  multiclass: { labels: number[]; probs: number[][] };
  regression: { yTrue: number[][]; yPred: number[][] };
  [key: string]: unknown;
}
const F = fixture<MetricFixture>("metrics.json");
const M = keras.metrics;
const num = (k: string): number => F[k] as number;

/** Feeds `metric` the fixture's batches of `yTrue`/`yPred` (and weights) and returns the result. */
function stream(
  metric: keras.metrics.Metric,
  yTrue: unknown[],
  yPred: unknown[],
  weights?: number[],
): number | number[] {
  for (const [a, b] of F.batches) {
    metric.updateState(
      tf.constant(yTrue.slice(a, b) as number[]),
      tf.constant(yPred.slice(a, b) as number[]),
      weights ? tf.constant(weights.slice(a, b)) : undefined,
    );
  }
  return metric.result().toArray() as number | number[];
}

describe("streaming metrics match scikit-learn / NumPy", () => {
  const { yTrue, score, weights } = F.binary;
  const { labels, probs } = F.multiclass;
  const reg = F.regression;

  it("Precision and Recall (thresholds, weights)", () => {
    near(stream(new M.Precision(), yTrue, score), num("precision"), 1e-6);
    near(stream(new M.Precision(), yTrue, score, weights), num("precision_weighted"), 1e-6);
    near(stream(new M.Recall(), yTrue, score), num("recall"), 1e-6);
    near(stream(new M.Recall({ thresholds: 0.7 }), yTrue, score), num("recall_0.7"), 1e-6);
    const both = stream(new M.Recall({ thresholds: [0.5, 0.7] }), yTrue, score) as number[];
    near(both, [num("recall"), num("recall_0.7")], 1e-6);
  });

  it("BinaryAccuracy (weighted too)", () => {
    const col = (v: number[]) => v.map((x) => [x]);
    near(stream(new M.BinaryAccuracy(), col(yTrue), col(score)), num("binary_accuracy"), 1e-6);
    near(
      stream(new M.BinaryAccuracy(), col(yTrue), col(score), weights),
      num("binary_accuracy_weighted"),
      1e-6,
    );
  });

  it("AUC: Keras' 200-threshold approximation (ROC, weighted, PR), close to sklearn's exact value", () => {
    near(stream(new M.AUC(), yTrue, score), num("auc_keras"), 1e-6);
    near(stream(new M.AUC(), yTrue, score, weights), num("auc_keras_weighted"), 1e-6);
    near(stream(new M.AUC({ curve: "PR" }), yTrue, score), num("auc_keras_pr"), 1e-6);
    near(stream(new M.AUC(), yTrue, score), num("auc_sklearn"), 0, 5e-3);
  });

  it("sparse categorical and top-k accuracies", () => {
    near(stream(new M.SparseCategoricalAccuracy(), labels, probs), num("sparse_categorical_accuracy"), 1e-6);
    near(
      stream(new M.SparseCategoricalAccuracy(), labels, probs, weights),
      num("sparse_categorical_accuracy_weighted"),
      1e-6,
    );
    near(stream(new M.SparseTopKCategoricalAccuracy({ k: 2 }), labels, probs), num("top2"), 1e-6);
    const oneHot = labels.map((l) => Array.from({ length: 5 }, (_, j) => (j === l ? 1 : 0)));
    near(stream(new M.TopKCategoricalAccuracy({ k: 3 }), oneHot, probs), num("top3"), 1e-6);
    near(stream(new M.CategoricalAccuracy(), oneHot, probs), num("sparse_categorical_accuracy"), 1e-6);
  });

  it("MeanSquaredError, MeanAbsoluteError, RootMeanSquaredError (weighted too)", () => {
    near(stream(new M.MeanSquaredError(), reg.yTrue, reg.yPred), num("mse"), 1e-6);
    near(stream(new M.MeanAbsoluteError(), reg.yTrue, reg.yPred), num("mae"), 1e-6);
    near(stream(new M.RootMeanSquaredError(), reg.yTrue, reg.yPred), num("rmse"), 1e-6);
    near(stream(new M.RootMeanSquaredError(), reg.yTrue, reg.yPred, weights), num("rmse_weighted"), 1e-6);
    near(stream(new M.MeanSquaredError(), reg.yTrue, reg.yPred, weights), num("mse_weighted"), 1e-6);
  });
});

describe("metric behaviour", () => {
  it("Mean, Sum, resetState and variables", () => {
    const m = new M.Mean();
    m.updateState([1, 3, 5, 7]);
    near(m.result().item(), 4);
    m.updateState([1, 3, 5, 7], [1, 1, 0, 0]);
    near(m.result().item(), 20 / 6, 1e-6);
    assert.equal(m.variables.length, 2);
    m.resetState();
    near(m.result().item(), 0);
    const s = new M.Sum();
    s.updateState([1, 3, 5, 7]);
    near(s.result().item(), 16);
    s.resetStates();
    near(s.result().item(), 0);
  });

  it("Keras' documented examples", () => {
    const p = new M.Precision();
    near(p.apply([0, 1, 1, 1, 0, 1, 0, 1], [1, 1, 0, 1, 0, 1, 0, 1]).item(), 0.8, 1e-6);
    const auc = new M.AUC({ numThresholds: 3 });
    auc.updateState([0, 0, 1, 1], [0, 0.5, 0.3, 0.9]);
    near(auc.result().item(), 0.75, 1e-6);
    const acc = new M.Accuracy();
    acc.updateState([[1], [2], [3], [4]], [[0], [2], [3], [4]]);
    near(acc.result().item(), 0.75);
    const b = new M.BinaryAccuracy();
    b.updateState([[1], [1], [0], [0]], [[0.98], [1], [0], [0.6]]);
    near(b.result().item(), 0.75);
  });

  it("sparse categorical accuracy counts hits as argmax and equal do (ties, NaN, -Infinity rows)", () => {
    const p = tf.constant(
      [
        [0.1, 0.7, 0.7],
        [NaN, 0.9, NaN],
        [0.2, NaN, 0.9],
        [-Infinity, -Infinity, -Infinity],
        [0.3, 0.2, 0.1],
      ],
      { dtype: "float32" },
    );
    const labels = tf.constant([1, 0, 1, 0, 2], { dtype: "int32" });
    const want = tf.cast(tf.equal(labels, tf.argmax(p, -1)), "float32");
    assert.deepEqual(M.sparseCategoricalAccuracy(labels, p).toArray(), want.toArray());
    assert.deepEqual(want.toArray(), [1, 1, 1, 1, 0]);
    // [n, 1] labels of another dtype, and a 3-D prediction.
    assert.deepEqual(
      M.sparseCategoricalAccuracy(
        [[2], [1]],
        [
          [0, 1, 5],
          [3, 1, 0],
        ],
      ).toArray(),
      [1, 0],
    );
    const p3 = tf.reshape(tf.range(12, undefined, undefined, { dtype: "float32" }), [2, 2, 3]);
    assert.deepEqual(
      M.sparseCategoricalAccuracy(
        [
          [2, 0],
          [2, 1],
        ],
        p3,
      ).toArray(),
      [
        [1, 0],
        [1, 0],
      ],
    );
  });

  it("assignAdd of a number casts it to the variable's dtype first, as a tensor would be", () => {
    const v = new tf.Variable(tf.constant([1, 2], { dtype: "int32" }), { trainable: false });
    v.assignAdd(1.7);
    assert.deepEqual(v.toArray(), [2, 3]);
    const f = new tf.Variable(tf.constant([0.1], { dtype: "float32" }), { trainable: false });
    f.assignAdd(0.2);
    assert.equal(f.item(), Math.fround(Math.fround(0.1) + Math.fround(0.2)));
  });

  it("resolveAccuracy picks the variant Keras picks", () => {
    assert.ok(
      M.resolveAccuracy("sparse_categorical_crossentropy", [null, 10]) instanceof M.SparseCategoricalAccuracy,
    );
    assert.ok(M.resolveAccuracy("categorical_crossentropy", [null, 10]) instanceof M.CategoricalAccuracy);
    assert.ok(M.resolveAccuracy("binary_crossentropy", [null, 1]) instanceof M.BinaryAccuracy);
    assert.ok(M.resolveAccuracy("mse", [null, 1]) instanceof M.BinaryAccuracy);
    assert.ok(
      M.resolveAccuracy(null, [null, 10], { yTrueShape: [null] }) instanceof M.SparseCategoricalAccuracy,
    );
    assert.ok(
      M.resolveAccuracy(null, [null, 10], { yTrueShape: [null, 10] }) instanceof M.CategoricalAccuracy,
    );
    const acc = M.get("acc", { lossName: "sparse_categorical_crossentropy", yPredShape: [null, 10] });
    assert.equal(acc.name, "acc");
    assert.ok(acc instanceof M.SparseCategoricalAccuracy);
  });

  it("strings keep the user's spelling as the metric name; unknown names are listed", () => {
    assert.equal(M.get("mse").name, "mse");
    assert.equal(M.get("mean_absolute_error").name, "mean_absolute_error");
    assert.ok(M.get("AUC") instanceof M.AUC);
    const m = M.get("sparse_top_k_categorical_accuracy");
    m.updateState([2], [[0.1, 0.2, 0.3, 0.25, 0.15, 0.0]]);
    near(m.result().item(), 1);
    assert.throws(() => M.get("accurracy"), /Unknown metric: 'accurracy'. Valid names: .*accuracy/);
  });

  it("custom metric functions and Metric subclasses", () => {
    function lastTimeStepMse(yTrue: Tensor, yPred: Tensor): Tensor {
      return M.meanSquaredError(yTrue.get(":", -1), yPred.get(":", -1));
    }
    const m = M.get(lastTimeStepMse);
    assert.equal(m.name, "lastTimeStepMse");
    m.updateState([[[0], [1]]], [[[5], [3]]]);
    near(m.result().item(), 4);

    class HuberMetric extends M.Metric {
      total = this.addWeight("total", { initializer: "zeros" });
      count = this.addWeight("count");
      updateState(yTrue: Tensor, yPred: Tensor) {
        const v = keras.losses.huber(yTrue, yPred);
        this.total.assignAdd(tf.reduceSum(v));
        this.count.assignAdd(v.size);
      }
      result() {
        return tf.divide(this.total, this.count);
      }
    }
    const h = new HuberMetric();
    assert.equal(h.name, "huber_metric");
    h.updateState(tf.constant([[0], [0]]), tf.constant([[3], [0.5]]));
    near(h.result().item(), (2.5 + 0.125) / 2);
    h.resetState();
    assert.ok(Number.isNaN(h.result().item()));
  });

  it("configs round-trip through serialize/deserialize", () => {
    for (const m of [
      new M.AUC({ numThresholds: 50, curve: "PR" }),
      new M.Precision({ thresholds: [0.3, 0.6], name: "p" }),
      new M.BinaryAccuracy({ threshold: 0.7 }),
      new M.SparseTopKCategoricalAccuracy({ k: 3 }),
      new M.RootMeanSquaredError(),
      M.get("mse"),
    ]) {
      const back = M.deserialize(M.serialize(m));
      assert.equal(back.constructor, m.constructor);
      assert.deepEqual(back.getConfig(), m.getConfig());
    }
  });
});
