// Keras models inside scikit-learn: the wrappers' parameters, training, scores and searches.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { keras, np, sk, tf } from "tensorbook";

function buildRegressor({ nHidden = 1, nNeurons = 16, learningRate = 0.05 }: Record<string, unknown>) {
  const model = new keras.Sequential();
  model.add(new keras.layers.InputLayer({ inputShape: [2] }));
  for (let i = 0; i < (nHidden as number); i++) {
    model.add(new keras.layers.Dense(nNeurons as number, { activation: "relu" }));
  }
  model.add(new keras.layers.Dense(1));
  model.compile({
    loss: "mse",
    optimizer: new keras.optimizers.SGD({ learningRate: learningRate as number }),
  });
  return model;
}

function buildClassifier() {
  const model = new keras.Sequential([
    new keras.layers.Dense(16, { activation: "relu", inputShape: [2] }),
    new keras.layers.Dense(3, { activation: "softmax" }),
  ]);
  model.compile({ loss: "sparse_categorical_crossentropy", optimizer: "adam", metrics: ["accuracy"] });
  return model;
}

describe("keras.wrappers", () => {
  np.random.seed(0);
  tf.random.setSeed(0);
  const X = np.random.rand(200, 2).astype("float32");
  const y = X.get(":", 0).mul(3).add(X.get(":", 1).mul(-2)).add(1);

  it("KerasRegressor exposes build and fit options as parameters and clones", () => {
    const reg = new keras.wrappers.KerasRegressor(buildRegressor, { nHidden: 2, epochs: 3 });
    const params = reg.getParams();
    assert.equal(params.nHidden, 2);
    assert.equal(params.epochs, 3);
    const copy = sk.clone(reg);
    assert.equal(copy.getParams().nHidden, 2);
    assert.notEqual(copy, reg);
    assert.throws(() => reg.predict(X), /not fitted yet/);
  });

  it("KerasRegressor trains synchronously; score is the negative loss; predict is 1-D", () => {
    const reg = new keras.wrappers.KerasRegressor(buildRegressor, { epochs: 30, batchSize: 16 });
    assert.equal(reg.fit(X, y), reg);
    const pred = reg.predict(X);
    assert.deepEqual([...pred.shape], [200]);
    const score = reg.score(X, y);
    assert.ok(score < 0 && score > -0.1, `score ${score}`);
    const mse = np.mean(pred.sub(y).square()).item() as number;
    assert.ok(Math.abs(-score - mse) < 1e-3, `score ${score} vs mse ${mse}`);
  });

  it("KerasRegressor works inside RandomizedSearchCV", () => {
    const reg = new keras.wrappers.KerasRegressor(buildRegressor, { epochs: 5 });
    const search = new sk.RandomizedSearchCV(
      reg,
      { nHidden: [0, 1], learningRate: [0.01, 0.05] },
      { nIter: 2, cv: 2, randomState: 42 },
    );
    search.fit(X, y);
    assert.ok([0, 1].includes(search.bestParams_!.nHidden as number));
    assert.ok(search.bestEstimator_ instanceof keras.wrappers.KerasRegressor);
  });

  it("KerasClassifier encodes string labels, predicts them back, and scores accuracy", () => {
    const [blobs, yb] = sk.datasets.makeBlobs(150, { centers: 3, randomState: 0 });
    const Xb = new sk.StandardScaler().fitTransform(blobs);
    const names = ["setosa", "versicolor", "virginica"];
    const labels = (yb.toArray() as number[]).map((i) => names[i]);
    const clf = new keras.wrappers.KerasClassifier(buildClassifier, { epochs: 100 });
    clf.fit(Xb, labels);
    assert.deepEqual(clf.classes_, names);
    const pred = clf.predict(Xb) as string[];
    assert.ok(pred.every((p) => names.includes(p)));
    assert.ok(clf.score(Xb, labels) > 0.9, `accuracy ${clf.score(Xb, labels)}`);
    assert.deepEqual([...clf.predictProba(Xb).shape], [150, 3]);
  });

  it("says what the build function must do", () => {
    assert.throws(
      () => new keras.wrappers.KerasRegressor({ epochs: 1 }).fit(X, y),
      /needs the function that builds the model/,
    );
    const uncompiled = () => new keras.Sequential([new keras.layers.Dense(1, { inputShape: [2] })]);
    assert.throws(() => new keras.wrappers.KerasRegressor(uncompiled).fit(X, y), /must compile the model/);
  });
});
