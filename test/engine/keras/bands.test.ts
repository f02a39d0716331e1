// The spec's acceptance bands, sized for a test run on two cores: the chapter 10 MLP on an MNIST
// subset, the California housing regression MLP and wide & deep model, and DLwP chapter 3's
// linear classifier trained with compile/fit.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { keras, np, tf } from "tensorbook";
import { californiaHousing, mnist } from "./model-helpers.js";

describe("acceptance bands", () => {
  it("MNIST subset (5,000 train, 2 epochs): MLP classifier reaches ≥ 0.88 test accuracy", async () => {
    tf.random.setSeed(42);
    const [Xtrain, ytrain] = mnist("train", 5000);
    const [Xtest, ytest] = mnist("t10k", 1000);
    const model = new keras.Sequential([
      new keras.layers.Flatten({ inputShape: [28, 28] }),
      new keras.layers.Dense(100, { activation: "relu" }),
      new keras.layers.Dense(10, { activation: "softmax" }),
    ]);
    model.compile({
      loss: "sparse_categorical_crossentropy",
      optimizer: new keras.optimizers.SGD({ learningRate: 0.1 }),
      metrics: ["accuracy"],
    });
    const history = await model.fit(Xtrain, ytrain, {
      epochs: 2,
      validationData: [Xtest, ytest],
      verbose: 0,
    });
    assert.deepEqual(Object.keys(history.history), ["loss", "accuracy", "val_loss", "val_accuracy"]);
    assert.ok(history.history.loss[1] < history.history.loss[0]);
    const [, accuracy] = model.evaluate(Xtest, ytest, { verbose: 0 }) as number[];
    assert.ok(accuracy >= 0.88, `test accuracy ${accuracy}`);
    const yProba = model.predict(Xtest.get(":3"));
    const yPred = tf.argmax(yProba, -1).toArray();
    assert.deepEqual(yPred, ytest.get(":3").toArray(), "the first three test digits (7, 2, 1)");
  });

  it("California housing: Dense(30, relu) → Dense(1) reaches test MSE ≤ 0.55 (book: 0.42 after 20 epochs)", async () => {
    tf.random.setSeed(42);
    const { train, valid, test } = californiaHousing();
    const model = new keras.Sequential([
      new keras.layers.Dense(30, { activation: "relu", inputShape: [8] }),
      new keras.layers.Dense(1),
    ]);
    model.compile({
      loss: "mean_squared_error",
      optimizer: new keras.optimizers.SGD({ learningRate: 1e-2 }),
    });
    const history = await model.fit(train[0], train[1], { epochs: 6, validationData: valid, verbose: 0 });
    const mse = model.evaluate(test[0], test[1], { verbose: 0 }) as number;
    assert.ok(mse <= 0.55, `test MSE ${mse}`);
    assert.ok(history.history.val_loss[5] <= 0.6, `val_loss ${history.history.val_loss}`);
  });

  it("California housing wide & deep (functional): test MSE ≤ 0.6 (book: 0.40)", async () => {
    tf.random.setSeed(42);
    const { train, test } = californiaHousing();
    const input = keras.Input({ shape: [8] });
    const hidden1 = new keras.layers.Dense(30, { activation: "relu" }).apply(input);
    const hidden2 = new keras.layers.Dense(30, { activation: "relu" }).apply(hidden1);
    const concat = keras.layers.concatenate([input, hidden2]);
    const output = new keras.layers.Dense(1).apply(concat);
    const model = new keras.Model({ inputs: [input], outputs: [output] });
    model.compile({ loss: "mse", optimizer: new keras.optimizers.SGD({ learningRate: 1e-2 }) });
    await model.fit(train[0], train[1], { epochs: 5, verbose: 0 });
    const mse = model.evaluate(test[0], test[1], { verbose: 0 }) as number;
    assert.ok(mse <= 0.6, `test MSE ${mse}`);
  });

  it("DLwP chapter 3: Dense(1) linear classifier, RMSprop(0.1), 5 epochs: accuracy ≥ 0.93, loss ≤ 0.1", async () => {
    np.random.seed(0);
    tf.random.setSeed(0);
    const cov = [
      [1, 0.5],
      [0.5, 1],
    ];
    const neg = np.random.multivariateNormal([0, 3], cov, 1000);
    const pos = np.random.multivariateNormal([3, 0], cov, 1000);
    const inputs = np.vstack([neg, pos]).astype("float32");
    const targets = np.vstack([
      np.zeros([1000, 1], { dtype: "float32" }),
      np.ones([1000, 1], { dtype: "float32" }),
    ]);
    const model = new keras.Sequential([new keras.layers.Dense(1)]);
    model.compile({
      optimizer: new keras.optimizers.RMSprop({ learningRate: 0.1 }),
      loss: new keras.losses.MeanSquaredError(),
      metrics: [new keras.metrics.BinaryAccuracy()],
    });
    const history = await model.fit(inputs, targets, { epochs: 5, batchSize: 128, verbose: 0 });
    const acc = history.history.binary_accuracy;
    const loss = history.history.loss;
    assert.ok(acc[4] >= 0.93, `binary_accuracy ${acc}`);
    assert.ok(loss[4] <= 0.1, `loss ${loss}`);
    const scores = model.predict(inputs.get(":10"), { batchSize: 128 }).dataSync();
    assert.ok(scores.every((v) => v > -0.5 && v < 1.5));
  });
});
