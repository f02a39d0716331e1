// Models: Sequential, functional and subclassed; summaries against Keras' layout and the book's
// parameter counts; training loop behaviour (callbacks, logs, weights, multi-output keys).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { keras, tf, type Tensor } from "tensorbook";

function lines(model: { summary(o: { printFn: (s: string) => void }): void }): string[] {
  let text = "";
  model.summary({ printFn: (s) => (text = s) });
  return text.split("\n");
}

function mlp(): keras.Sequential {
  return new keras.Sequential([
    new keras.layers.Flatten({ inputShape: [28, 28] }),
    new keras.layers.Dense(300, { activation: "relu" }),
    new keras.layers.Dense(100, { activation: "relu" }),
    new keras.layers.Dense(10, { activation: "softmax" }),
  ]);
}

describe("Sequential", () => {
  it("the chapter 10 MLP: Keras' summary with 266,610 parameters", () => {
    keras.backend.clearSession();
    const model = mlp();
    assert.deepEqual(lines(model), [
      'Model: "sequential"',
      "_".repeat(65),
      "Layer (type)                 Output Shape              Param #   ",
      "=".repeat(65),
      "flatten (Flatten)            (None, 784)               0         ",
      "_".repeat(65),
      "dense (Dense)                (None, 300)               235500    ",
      "_".repeat(65),
      "dense_1 (Dense)              (None, 100)               30100     ",
      "_".repeat(65),
      "dense_2 (Dense)              (None, 10)                1010      ",
      "=".repeat(65),
      "Total params: 266,610",
      "Trainable params: 266,610",
      "Non-trainable params: 0",
      "_".repeat(65),
    ]);
    const [kernel, bias] = model.layers[1].getWeights();
    assert.deepEqual([...kernel.shape], [784, 300]);
    assert.ok(bias.dataSync().every((v) => v === 0));
    assert.equal(model.getLayer("dense_1"), model.layers[2]);
    assert.equal(model.getLayer({ index: 0 }).name, "flatten");
  });

  it("built with add(), builds at the first call when no input shape is given", () => {
    const model = new keras.Sequential();
    model.add(new keras.layers.Dense(4, { activation: "relu" }));
    model.add(new keras.layers.Dense(1));
    assert.equal(model.built, false);
    assert.deepEqual([...model.apply(tf.ones([3, 5])).shape], [3, 1]);
    assert.equal(model.countParams(), 5 * 4 + 4 + 4 + 1);
  });

  it("BatchNormalization model: 271,346 parameters, 2,368 non-trainable (chapter 11)", () => {
    const model = new keras.Sequential([
      new keras.layers.Flatten({ inputShape: [28, 28] }),
      new keras.layers.BatchNormalization(),
      new keras.layers.Dense(300, { activation: "elu", kernelInitializer: "he_normal" }),
      new keras.layers.BatchNormalization(),
      new keras.layers.Dense(100, { activation: "elu", kernelInitializer: "he_normal" }),
      new keras.layers.BatchNormalization(),
      new keras.layers.Dense(10, { activation: "softmax" }),
    ]);
    const text = lines(model);
    assert.ok(text.includes("Total params: 271,346"));
    assert.ok(text.includes("Non-trainable params: 2,368"));
  });

  it("nests: a Sequential of Sequentials", () => {
    const encoder = new keras.Sequential([new keras.layers.Dense(2, { inputShape: [4] })]);
    const decoder = new keras.Sequential([new keras.layers.Dense(4, { inputShape: [2] })]);
    const ae = new keras.Sequential([encoder, decoder]);
    assert.deepEqual([...ae.apply(tf.ones([3, 4])).shape], [3, 4]);
    assert.equal(ae.weights.length, 4);
    assert.ok(lines(ae).some((l) => l.startsWith(`${encoder.name} (Sequential)`) && l.includes("(None, 2)")));
  });

  it("freezing a layer removes its weights from training", async () => {
    const model = new keras.Sequential([
      new keras.layers.Dense(3, { inputShape: [2] }),
      new keras.layers.Dense(1),
    ]);
    model.layers[0].trainable = false;
    assert.equal(model.trainableWeights.length, 2);
    const before = model.layers[0].getWeights()[0].toArray();
    model.compile({ loss: "mse", optimizer: "sgd" });
    await model.fit(tf.ones([8, 2]), tf.ones([8, 1]), { epochs: 2, verbose: 0 });
    assert.deepEqual(model.layers[0].getWeights()[0].toArray(), before);
    assert.ok(lines(model).includes("Non-trainable params: 9"));
  });
});

describe("functional API", () => {
  it("wide & deep: Keras' summary with connections and 1,239 parameters", () => {
    keras.backend.clearSession();
    const input = keras.Input({ shape: [8] });
    const hidden1 = new keras.layers.Dense(30, { activation: "relu" }).apply(input);
    const hidden2 = new keras.layers.Dense(30, { activation: "relu" }).apply(hidden1);
    const concat = keras.layers.concatenate([input, hidden2]);
    const output = new keras.layers.Dense(1).apply(concat);
    const model = new keras.Model({ inputs: [input], outputs: [output] });
    assert.deepEqual(lines(model), [
      'Model: "model"',
      "_".repeat(98),
      "Layer (type)                    Output Shape         Param #     Connected to                     ",
      "=".repeat(98),
      "input_1 (InputLayer)            [(None, 8)]          0                                            ",
      "_".repeat(98),
      "dense (Dense)                   (None, 30)           270         input_1[0][0]                    ",
      "_".repeat(98),
      "dense_1 (Dense)                 (None, 30)           930         dense[0][0]                      ",
      "_".repeat(98),
      "concatenate (Concatenate)       (None, 38)           0           input_1[0][0]                    ",
      "                                                                 dense_1[0][0]                    ",
      "_".repeat(98),
      "dense_2 (Dense)                 (None, 1)            39          concatenate[0][0]                ",
      "=".repeat(98),
      "Total params: 1,239",
      "Trainable params: 1,239",
      "Non-trainable params: 0",
      "_".repeat(98),
    ]);
  });

  it("two inputs, two outputs, shared layers, names in the logs", async () => {
    const inputA = keras.Input({ shape: [5], name: "wide_input" });
    const inputB = keras.Input({ shape: [6], name: "deep_input" });
    const shared = new keras.layers.Dense(4, { activation: "relu" });
    const h = shared.apply(inputB);
    const h2 = shared.apply(new keras.layers.Dense(6).apply(h));
    const concat = keras.layers.concatenate([inputA, h2]);
    const main = new keras.layers.Dense(1, { name: "main_output" }).apply(concat);
    const aux = new keras.layers.Dense(1, { name: "aux_output" }).apply(h2);
    const model = new keras.Model({ inputs: [inputA, inputB], outputs: [main, aux] });
    assert.equal(shared.inboundNodes.length, 2);
    model.compile({ loss: ["mse", "mse"], lossWeights: [0.9, 0.1], optimizer: "sgd" });
    const xa = tf.random.normal([20, 5]);
    const xb = tf.random.normal([20, 6]);
    const y = tf.random.normal([20, 1]);
    const history = await model.fit([xa, xb], [y, y], { epochs: 2, verbose: 0 });
    assert.deepEqual(Object.keys(history.history), ["loss", "main_output_loss", "aux_output_loss"]);
    const [total, mainLoss, auxLoss] = model.evaluate({ wide_input: xa, deep_input: xb }, [y, y], {
      verbose: 0,
    }) as number[];
    assert.ok(Math.abs(total - (0.9 * mainLoss + 0.1 * auxLoss)) < 1e-4);
    const [yMain, yAux] = model.predict([xa, xb]);
    assert.deepEqual([...yMain.shape, ...yAux.shape], [20, 1, 20, 1]);
  });

  it("arithmetic on symbolic tensors becomes layers of the model", () => {
    const x = keras.Input({ shape: [3] });
    const y = keras.ops.relu(x.mul(2).sub(1) as keras.KerasTensor);
    const model = new keras.Model({ inputs: x, outputs: y });
    assert.deepEqual(model.predict(tf.constant([[0, 1, 2]])).toArray(), [[0, 1, 3]]);
    const clone = keras.models.cloneModel(model);
    assert.deepEqual(clone.predict(tf.constant([[0, 1, 2]])).toArray(), [[0, 1, 3]]);
  });

  it("refuses a graph whose outputs need an input it was not given", () => {
    const a = keras.Input({ shape: [2] });
    const b = keras.Input({ shape: [2] });
    const out = keras.layers.add([a, b]);
    assert.throws(() => new keras.Model({ inputs: a, outputs: out }), /Graph disconnected/);
  });

  it("cloneModel gives new weights; setWeights copies them", () => {
    const input = keras.Input({ shape: [4] });
    const model = new keras.Model({ inputs: input, outputs: new keras.layers.Dense(2).apply(input) });
    const clone = keras.models.cloneModel(model);
    assert.notDeepEqual(clone.getWeights()[0].toArray(), model.getWeights()[0].toArray());
    clone.setWeights(model.getWeights());
    const x = tf.ones([1, 4]);
    assert.deepEqual(clone.predict(x).toArray(), model.predict(x).toArray());
  });
});

describe("subclassed models", () => {
  class WideAndDeepModel extends keras.Model<keras.KerasTensor[]> {
    hidden1: keras.layers.Dense;
    hidden2: keras.layers.Dense;
    mainOutput: keras.layers.Dense;
    auxOutput: keras.layers.Dense;
    constructor(units = 30, activation = "relu", opts: keras.layers.LayerOptions = {}) {
      super(opts);
      this.hidden1 = new keras.layers.Dense(units, { activation });
      this.hidden2 = new keras.layers.Dense(units, { activation });
      this.mainOutput = new keras.layers.Dense(1);
      this.auxOutput = new keras.layers.Dense(1);
    }
    override call(inputs: Tensor[]): Tensor[] {
      const [inputA, inputB] = inputs;
      const hidden2 = this.hidden2.apply(this.hidden1.apply(inputB));
      const concat = tf.concat([inputA, hidden2], 1);
      return [this.mainOutput.apply(concat), this.auxOutput.apply(hidden2)];
    }
  }

  it("trains with two inputs and two outputs; logs use output_1/output_2", async () => {
    keras.backend.clearSession();
    const model = new WideAndDeepModel(8, "relu");
    assert.equal(model.name, "wide_and_deep_model");
    model.compile({ loss: "mse", lossWeights: [0.9, 0.1], optimizer: "sgd" });
    const xa = tf.random.normal([16, 5]);
    const xb = tf.random.normal([16, 6]);
    const y = tf.random.normal([16, 1]);
    const h = await model.fit([xa, xb], [y, y], { epochs: 1, verbose: 0 });
    assert.deepEqual(Object.keys(h.history), ["loss", "output_1_loss", "output_2_loss"]);
    assert.equal(model.layers.length, 4);
    assert.equal(model.weights.length, 8);
    assert.ok(lines(model).some((l) => l.startsWith("dense (Dense)") && l.includes("multiple")));
  });
});

describe("training loop", () => {
  it("calls the callback hooks in Keras' order and stops on stopTraining", async () => {
    const calls: string[] = [];
    class Recorder extends keras.callbacks.Callback {
      override onTrainBegin() {
        calls.push("train_begin");
      }
      override onEpochBegin(e: number) {
        calls.push(`epoch_begin ${e}`);
      }
      override onTrainBatchBegin(b: number) {
        calls.push(`batch_begin ${b}`);
      }
      override onTrainBatchEnd(b: number, logs: keras.callbacks.Logs = {}) {
        calls.push(`batch_end ${b} ${Object.keys(logs).join(",")}`);
      }
      override onTestBegin() {
        calls.push("test_begin");
      }
      override onTestEnd() {
        calls.push("test_end");
      }
      override onEpochEnd(e: number, logs: keras.callbacks.Logs = {}) {
        calls.push(`epoch_end ${e} ${Object.keys(logs).join(",")}`);
        if (e === 1) (this.model as { stopTraining: boolean }).stopTraining = true;
      }
      override onTrainEnd() {
        calls.push("train_end");
      }
    }
    const model = new keras.Sequential([new keras.layers.Dense(1, { inputShape: [2] })]);
    model.compile({ loss: "mse", optimizer: "sgd", metrics: ["mae"] });
    const x = tf.ones([4, 2]);
    const history = await model.fit(x, tf.ones([4]), {
      epochs: 5,
      batchSize: 2,
      validationData: [x, tf.ones([4])],
      callbacks: [new Recorder()],
      verbose: 0,
    });
    assert.deepEqual(calls.slice(0, 7), [
      "train_begin",
      "epoch_begin 0",
      "batch_begin 0",
      "batch_end 0 loss,mae",
      "batch_begin 1",
      "batch_end 1 loss,mae",
      "test_begin",
    ]);
    assert.deepEqual(calls.slice(7, 9), ["test_end", "epoch_end 0 loss,mae,val_loss,val_mae"]);
    assert.equal(calls[calls.length - 1], "train_end");
    assert.deepEqual(history.epoch, [0, 1]);
    assert.deepEqual(history.params, { verbose: 0, epochs: 5, steps: 2, batchSize: 2, samples: 4 });
  });

  it("gives the same history with and without batch hooks (running logs are made only when needed)", async () => {
    const run = async (hooks: boolean) => {
      tf.random.setSeed(3);
      const model = new keras.Sequential([
        new keras.layers.Dense(4, { inputShape: [3], activation: "relu" }),
        new keras.layers.Dense(3, { activation: "softmax" }),
      ]);
      model.compile({ loss: "sparse_categorical_crossentropy", optimizer: "sgd", metrics: ["accuracy"] });
      const seen: number[] = [];
      const callbacks = hooks
        ? [
            new keras.callbacks.LambdaCallback({
              onBatchEnd: (_b, logs) => void seen.push(logs?.loss ?? NaN),
            }),
          ]
        : [];
      const x = tf.random.normal([10, 3]);
      const y = tf.constant([0, 1, 2, 0, 1, 2, 0, 1, 2, 0], { dtype: "int32" });
      const h = await model.fit(x, y, { epochs: 2, batchSize: 4, verbose: 0, callbacks });
      return { history: h.history, seen };
    };
    const plain = await run(false);
    const hooked = await run(true);
    assert.deepEqual(plain.history, hooked.history);
    assert.equal(hooked.seen.length, 6);
    assert.equal(hooked.seen[2], hooked.history.loss[0]);
  });

  it("validationSplit holds out the last examples; sampleWeight and classWeight weigh the loss", async () => {
    const model = new keras.Sequential([
      new keras.layers.Dense(1, { inputShape: [1], kernelInitializer: "zeros" }),
    ]);
    model.compile({ loss: "mse", optimizer: new keras.optimizers.SGD({ learningRate: 0 }) });
    const x = tf.constant([[1], [1], [1], [1]]);
    const y = tf.constant([0, 1, 2, 3]);
    const h = await model.fit(x, y, { validationSplit: 0.25, verbose: 0, shuffle: false });
    assert.ok(Math.abs(h.history.val_loss[0] - 9) < 1e-6);
    assert.ok(Math.abs(h.history.loss[0] - (0 + 1 + 4) / 3) < 1e-5);
    const weighted = model.evaluate(x, y, { sampleWeight: [0, 0, 0, 1], verbose: 0 }) as number;
    assert.ok(Math.abs(weighted - 9 / 4) < 1e-6);
    const h2 = await model.fit(x, y, { classWeight: { 3: 4 }, verbose: 0, shuffle: false });
    assert.ok(Math.abs(h2.history.loss[0] - (0 + 1 + 4 + 36) / 4) < 1e-5);
  });

  it("regularization losses are added to the training loss", async () => {
    const reg = (w: Tensor) => tf.multiply(0.5, tf.reduceSum(tf.square(w)));
    const model = new keras.Sequential([
      new keras.layers.Dense(1, {
        inputShape: [1],
        kernelInitializer: "ones",
        kernelRegularizer: reg,
        useBias: false,
      }),
    ]);
    assert.equal(model.losses.length, 1);
    model.compile({ loss: "mse", optimizer: new keras.optimizers.SGD({ learningRate: 0 }) });
    const loss = model.evaluate(tf.constant([[1]]), tf.constant([1]), { verbose: 0 }) as number;
    assert.ok(Math.abs(loss - 0.5) < 1e-6);
  });

  it("trainOnBatch, testOnBatch, predictOnBatch", () => {
    const model = new keras.Sequential([new keras.layers.Dense(1, { inputShape: [2] })]);
    model.compile({ loss: "mse", optimizer: "sgd", metrics: ["mae"] });
    const x = tf.ones([3, 2]);
    const y = tf.zeros([3, 1]);
    const first = model.testOnBatch(x, y) as number[];
    const trained = model.trainOnBatch(x, y) as number[];
    assert.ok(Math.abs(first[0] - trained[0]) < 1e-5);
    assert.ok((model.testOnBatch(x, y) as number[])[0] < first[0]);
    assert.deepEqual([...model.predictOnBatch(x).shape], [3, 1]);
  });

  it("fit yields to the event loop while it trains", async () => {
    const model = new keras.Sequential([
      new keras.layers.Dense(8, { inputShape: [16], activation: "relu" }),
      new keras.layers.Dense(1),
    ]);
    model.compile({ loss: "mse", optimizer: "sgd" });
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    await model.fit(tf.random.normal([4000, 16]), tf.random.normal([4000]), {
      epochs: 2,
      batchSize: 8,
      verbose: 0,
    });
    clearInterval(timer);
    assert.ok(ticks > 2, `timer ran ${ticks} times during fit`);
  });

  it("shows live progress through the kernel's display hook", async () => {
    const shown: { id: string; update: boolean; bundle: Record<string, unknown> }[] = [];
    // A stand-in for the kernel's hooks (docs/kernel.md).
    const key = Symbol.for("tensorbook.kernel");
    (globalThis as Record<symbol, unknown>)[key] = {
      display: (
        obj: Record<symbol, () => Record<string, unknown>>,
        o: { displayId: string; update: boolean },
      ) => {
        shown.push({ id: o.displayId, update: o.update, bundle: obj[Symbol.for("Jupyter.display")]() });
        return { displayId: o.displayId, update: () => undefined };
      },
      cellEnd: new Set(),
      interrupted: () => false,
      throwIfInterrupted: () => undefined,
    };
    try {
      const model = new keras.Sequential([new keras.layers.Dense(1, { inputShape: [2] })]);
      model.compile({ loss: "mse", optimizer: "sgd", metrics: ["mae"] });
      await model.fit(tf.ones([64, 2]), tf.ones([64]), {
        epochs: 2,
        validationData: [tf.ones([8, 2]), tf.ones([8])],
      });
    } finally {
      delete (globalThis as Record<symbol, unknown>)[key];
    }
    assert.equal(shown[0].update, false);
    assert.ok(shown.slice(1).every((s) => s.update && s.id === shown[0].id));
    const last = shown[shown.length - 1].bundle;
    const text = last["text/plain"] as string;
    assert.match(
      text,
      // Unseeded weights: a lucky draw makes the loss tiny, printed as Keras does (2.2115e-05).
      /^Epoch 1\/2\n2\/2 \[==============================\] - \d+s \d+[mu]?s\/step - loss: [\d.e+-]+ - mae: [\d.e+-]+ - val_loss: [\d.e+-]+ - val_mae: [\d.e+-]+\nEpoch 2\/2\n/,
    );
    const json = last["application/vnd.tensorbook.training+json"] as {
      epochs: number;
      epoch: number;
      steps: number;
      done: boolean;
      stopped: boolean;
      history: Record<string, number[]>;
    };
    assert.equal(json.epochs, 2);
    assert.equal(json.epoch, 2);
    assert.equal(json.steps, 2);
    assert.equal(json.done, true);
    assert.equal(json.stopped, false);
    assert.deepEqual(Object.keys(json.history), ["loss", "mae", "val_loss", "val_mae"]);
  });
});
