// Saving: model.save → keras.models.loadModel gives identical predictions (Sequential,
// functional, subclassed with getConfig, custom layers and losses), optimizer state comes back
// so training continues where it stopped, and saveWeights/loadWeights round-trip.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { keras, tf, type Tensor } from "tensorbook";

const dir = mkdtempSync(join(tmpdir(), "tensorbook-keras-"));

function data(): [Tensor, Tensor] {
  tf.random.setSeed(5);
  const x = tf.random.normal([64, 4]);
  return [x, tf.reduceSum(x, 1, { keepdims: true })];
}

class MyDense extends keras.layers.Layer {
  kernel!: tf.Variable;
  constructor(
    readonly units: number,
    opts: keras.layers.LayerOptions = {},
  ) {
    super(opts);
  }
  override build(s: keras.ShapeSpecs): void {
    const shape = s as (number | null)[];
    this.kernel = this.addWeight({ name: "kernel", shape: [shape[shape.length - 1]!, this.units] });
  }
  override call(x: Tensor): Tensor {
    return tf.matmul(x, this.kernel);
  }
  override getConfig() {
    return { ...super.getConfig(), units: this.units };
  }
  static override fromConfig(c: Record<string, unknown>): MyDense {
    return new MyDense(c.units as number, c);
  }
}

function myMae(yTrue: Tensor, yPred: Tensor): Tensor {
  return tf.reduceMean(tf.abs(tf.subtract(yTrue, yPred)), -1);
}

describe("saving", () => {
  it("Sequential: save → load → identical predictions, compile settings and optimizer state", async () => {
    const [x, y] = data();
    const model = new keras.Sequential([
      new keras.layers.Dense(8, { activation: "relu", inputShape: [4] }),
      new keras.layers.BatchNormalization(),
      new keras.layers.Dense(1),
    ]);
    model.compile({
      loss: "mse",
      optimizer: new keras.optimizers.Adam({ learningRate: 0.01 }),
      metrics: ["mae"],
    });
    await model.fit(x, y, { epochs: 2, verbose: 0 });
    const path = join(dir, "seq.keras");
    model.save(path);
    assert.equal(readFileSync(path).toString("ascii", 0, 8), "TBKERAS1");
    const loaded = keras.models.loadModel(path) as keras.Sequential;
    assert.deepEqual(loaded.predict(x).toArray(), model.predict(x).toArray());
    assert.deepEqual(
      loaded.layers.map((l) => l.name),
      model.layers.map((l) => l.name),
    );
    assert.equal(loaded.optimizer!.constructor.name, "Adam");
    assert.deepEqual(
      loaded.optimizer!.getWeights().map((t) => t.toArray()),
      model.optimizer!.getWeights().map((t) => t.toArray()),
    );
    // Both continue identically from the same state.
    await model.fit(x, y, { epochs: 1, verbose: 0, shuffle: false });
    await loaded.fit(x, y, { epochs: 1, verbose: 0, shuffle: false });
    assert.deepEqual(loaded.predict(x).toArray(), model.predict(x).toArray());
  });

  it("functional with two outputs and custom objects (a layer and a loss function)", () => {
    const [x] = data();
    const input = keras.Input({ shape: [4], name: "features" });
    const h = new MyDense(3).apply(input);
    const a = new keras.layers.Dense(1, { name: "a" }).apply(h);
    const b = new keras.layers.Dense(2, { activation: "softmax", name: "b" }).apply(
      keras.layers.concatenate([input, h]),
    );
    const model = new keras.Model({ inputs: input, outputs: [a, b] });
    model.compile({ loss: [myMae, "sparse_categorical_crossentropy"], optimizer: "sgd" });
    const path = join(dir, "functional.keras");
    model.save(path);
    assert.throws(() => keras.models.loadModel(path), /Unknown layer: 'MyDense'.*customObjects/);
    const loaded = keras.models.loadModel<keras.KerasTensor[]>(path, { customObjects: { MyDense, myMae } });
    const [p1, p2] = loaded.predict(x);
    const [q1, q2] = model.predict(x);
    assert.deepEqual([p1.toArray(), p2.toArray()], [q1.toArray(), q2.toArray()]);
    assert.deepEqual(loaded.outputNames, ["a", "b"]);
  });

  it("a subclassed model with getConfig comes back through customObjects", () => {
    class Regressor extends keras.Model {
      hidden: keras.layers.Dense;
      out: keras.layers.Dense;
      constructor(
        readonly units = 5,
        opts: keras.ModelArgs = {},
      ) {
        super(opts);
        this.hidden = new keras.layers.Dense(units, { activation: "elu" });
        this.out = new keras.layers.Dense(1);
      }
      override call(x: Tensor): Tensor {
        return this.out.apply(this.hidden.apply(x));
      }
      override getConfig() {
        return { units: this.units, name: this.name };
      }
      static override fromConfig(c: Record<string, unknown>): Regressor {
        return new Regressor(c.units as number, { name: c.name as string });
      }
    }
    const [x] = data();
    const model = new Regressor(6);
    const before = model.predict(x);
    const path = join(dir, "subclassed.keras");
    model.save(path);
    const loaded = keras.models.loadModel(path, { customObjects: { Regressor } });
    assert.deepEqual(loaded.predict(x).toArray(), before.toArray());
  });

  it("saveWeights / loadWeights into a model of the same architecture", () => {
    const [x] = data();
    const make = () =>
      new keras.Sequential([new keras.layers.Dense(3, { inputShape: [4] }), new keras.layers.Dense(1)]);
    const a = make();
    const b = make();
    const path = join(dir, "weights.weights.h5");
    a.saveWeights(path);
    b.loadWeights(path);
    assert.deepEqual(b.predict(x).toArray(), a.predict(x).toArray());
    const other = new keras.Sequential([new keras.layers.Dense(2, { inputShape: [4] })]);
    assert.throws(() => other.loadWeights(path), /file has 4 weights but model .* has 2/);
  });

  it("a Lambda layer needs safeMode: false to come back", () => {
    const model = new keras.Sequential([
      new keras.layers.Lambda((x: Tensor) => tf.exp(x), { inputShape: [2] }),
    ]);
    const path = join(dir, "lambda.keras");
    model.save(path);
    assert.throws(() => keras.models.loadModel(path), /safeMode: false/);
    const loaded = keras.models.loadModel(path, { safeMode: false });
    assert.deepEqual(loaded.predict(tf.zeros([1, 2])).toArray(), [[1, 1]]);
  });
});
