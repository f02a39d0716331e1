// keras.callbacks with a fake model: EarlyStopping (patience, minDelta, restoreBestWeights),
// ReduceLROnPlateau, LearningRateScheduler, ModelCheckpoint (saveBestOnly, path formatting),
// CSVLogger, TerminateOnNaN, LambdaCallback, the JSON-lines log, CallbackList and History.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { keras, tf, type Tensor } from "tensorbook";

const C = keras.callbacks;

/** A model that records what callbacks ask of it; its one weight is the epoch it was set at. */
class FakeModel implements keras.callbacks.CallbackModel {
  stopTraining = false;
  optimizer = new keras.optimizers.SGD({ learningRate: 0.1 });
  weights: Tensor[] = [tf.constant([0])];
  saved: string[] = [];
  getWeights(): Tensor[] {
    return [...this.weights];
  }
  setWeights(w: readonly Tensor[]): void {
    this.weights = [...w];
  }
  save(path: string): void {
    this.saved.push(`model:${path}`);
  }
  async saveWeights(path: string): Promise<void> {
    await Promise.resolve();
    this.saved.push(`weights:${path}`);
  }
}

/** Runs the epoch loop of `fit` with the given per-epoch logs; returns the epochs run. */
async function fit(
  model: FakeModel,
  callbacks: keras.callbacks.Callback[],
  epochLogs: keras.callbacks.Logs[],
) {
  const list = new C.CallbackList(callbacks, {
    model,
    params: { epochs: epochLogs.length, steps: 2 },
    addHistory: true,
  });
  await list.onTrainBegin();
  let ran = 0;
  for (let epoch = 0; epoch < epochLogs.length; epoch++) {
    model.weights = [tf.constant([epoch])];
    await list.onEpochBegin(epoch);
    for (let b = 0; b < 2; b++) {
      await list.onTrainBatchBegin(b);
      await list.onTrainBatchEnd(b, { loss: epochLogs[epoch].loss ?? 0 });
      if (model.stopTraining) break;
    }
    const logs = { ...epochLogs[epoch] };
    await list.onEpochEnd(epoch, logs);
    ran++;
    if (model.stopTraining) break;
  }
  await list.onTrainEnd();
  return { ran, history: list.history };
}

const vals = (xs: number[]) => xs.map((v) => ({ loss: v, val_loss: v }));

describe("EarlyStopping", () => {
  it("stops after `patience` epochs without improvement and restores the best weights", async () => {
    const model = new FakeModel();
    const es = new C.EarlyStopping({ patience: 2, restoreBestWeights: true });
    const { ran } = await fit(model, [es], vals([5, 4, 3, 3.5, 3.2, 1, 0.5]));
    assert.equal(ran, 5);
    assert.equal(es.stoppedEpoch, 4);
    assert.equal(es.bestEpoch, 2);
    assert.deepEqual(model.weights[0].toArray(), [2]);
  });

  it("minDelta and mode max (accuracy)", async () => {
    const model = new FakeModel();
    const es = new C.EarlyStopping({ monitor: "val_accuracy", patience: 1, minDelta: 0.05 });
    const logs = [0.5, 0.6, 0.62, 0.64, 0.9].map((a) => ({ val_accuracy: a }));
    const { ran } = await fit(model, [es], logs);
    assert.equal(ran, 3); // 0.62 and 0.64 are not 0.05 better than 0.6
    assert.deepEqual(model.weights[0].toArray(), [2]); // not restored without restoreBestWeights
  });

  it("runs to the end while improving, and warns when the monitor is missing", async () => {
    const model = new FakeModel();
    const { ran } = await fit(model, [new C.EarlyStopping({ patience: 0 })], vals([5, 4, 3]));
    assert.equal(ran, 3);
    const warn = console.warn;
    const seen: string[] = [];
    console.warn = (m: string) => void seen.push(m);
    try {
      await fit(new FakeModel(), [new C.EarlyStopping()], [{ loss: 1 }]);
    } finally {
      console.warn = warn;
    }
    assert.match(seen[0], /`val_loss` which is not available. Available metrics are: loss/);
  });
});

describe("learning-rate callbacks", () => {
  it("ReduceLROnPlateau halves the rate after `patience` flat epochs and logs lr", async () => {
    const model = new FakeModel();
    const r = new C.ReduceLROnPlateau({ factor: 0.5, patience: 2 });
    const { history } = await fit(model, [r], vals([1, 0.9, 0.9, 0.9, 0.9, 0.9, 0.5]));
    // Keras logs the rate the epoch ran with; a reduction takes effect from the next epoch.
    assert.deepEqual(history.history.lr, [0.1, 0.1, 0.1, 0.1, 0.05, 0.05, 0.025]);
    assert.equal(model.optimizer.learningRate, 0.025);
    assert.throws(() => new C.ReduceLROnPlateau({ factor: 1.5 }), /factor >= 1.0/);
  });

  it("ReduceLROnPlateau respects cooldown and minLr", async () => {
    const model = new FakeModel();
    const r = new C.ReduceLROnPlateau({ factor: 0.1, patience: 1, cooldown: 1, minLr: 0.002 });
    const { history } = await fit(model, [r], vals([1, 1, 1, 1, 1, 1]));
    assert.deepEqual(
      history.history.lr.map((x) => +x.toFixed(6)),
      [0.1, 0.1, 0.01, 0.002, 0.002, 0.002],
    );
  });

  it("LearningRateScheduler sets the rate per epoch from (epoch, lr) and records it", async () => {
    const model = new FakeModel();
    const s = new C.LearningRateScheduler((epoch, lr) => (epoch < 2 ? lr : lr * 0.5));
    const { history } = await fit(model, [s], vals([1, 1, 1, 1]));
    assert.deepEqual(history.history.lr, [0.1, 0.1, 0.05, 0.025]);
    const bad = new C.LearningRateScheduler(() => NaN);
    await assert.rejects(fit(new FakeModel(), [bad], vals([1])), /should be a finite number/);
  });
});

describe("ModelCheckpoint", () => {
  it("saveBestOnly saves only improvements, formatting the path", async () => {
    const model = new FakeModel();
    const ck = new C.ModelCheckpoint("ckpt_{epoch:02d}_{val_loss:.2f}.h5", { saveBestOnly: true });
    await fit(model, [ck], vals([0.5, 0.6, 0.4, 0.45]));
    assert.deepEqual(model.saved, ["model:ckpt_01_0.50.h5", "model:ckpt_03_0.40.h5"]);
  });

  it("every epoch, weights only (awaited), or every n batches", async () => {
    const model = new FakeModel();
    await fit(model, [new C.ModelCheckpoint("w.{epoch}.weights", { saveWeightsOnly: true })], vals([1, 2]));
    assert.deepEqual(model.saved, ["weights:w.1.weights", "weights:w.2.weights"]);
    const m2 = new FakeModel();
    await fit(m2, [new C.ModelCheckpoint("b{epoch}_{batch}.h5", { saveFreq: 3 })], vals([1, 2, 3]));
    assert.deepEqual(m2.saved, ["model:b2_1.h5", "model:b3_2.h5"]);
  });

  it("formatPath follows Python's format specs", () => {
    assert.equal(
      C.formatPath("m_{epoch:03d}-{val_loss:.4f}.h5", { epoch: 7, val_loss: 0.123456 }),
      "m_007-0.1235.h5",
    );
    assert.equal(C.formatPath("{loss:.2e}", { loss: 0.000015 }), "1.50e-05");
    assert.throws(() => C.formatPath("{val_acc}", { loss: 1 }), /'val_acc' is not in the logs/);
  });
});

describe("other callbacks", () => {
  it("TerminateOnNaN stops at a NaN loss", async () => {
    const model = new FakeModel();
    const log = console.log;
    console.log = () => {};
    try {
      const { ran } = await fit(model, [new C.TerminateOnNaN()], [{ loss: 1 }, { loss: NaN }, { loss: 1 }]);
      assert.equal(ran, 2);
    } finally {
      console.log = log;
    }
  });

  it("CSVLogger writes a header and one row per epoch", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kparts-"));
    const file = join(dir, "training.log");
    await fit(new FakeModel(), [new C.CSVLogger(file)], vals([0.5, 0.25]));
    assert.equal(readFileSync(file, "utf8"), "epoch,loss,val_loss\n0,0.5,0.5\n1,0.25,0.25\n");
    await fit(new FakeModel(), [new C.CSVLogger(file, { append: true })], vals([0.125]));
    assert.equal(readFileSync(file, "utf8").split("\n").length, 5);
  });

  it("LambdaCallback calls the given hooks; unknown hook names are refused", async () => {
    const seen: string[] = [];
    const cb = new C.LambdaCallback({
      onEpochBegin: (e) => void seen.push(`epoch ${e}`),
      onBatchEnd: (b, logs) => void seen.push(`batch ${b} ${logs?.loss}`),
      onTrainEnd: () => void seen.push("end"),
    });
    await fit(new FakeModel(), [cb], vals([0.5]));
    assert.deepEqual(seen, ["epoch 0", "batch 0 0.5", "batch 1 0.5", "end"]);
    assert.throws(
      () => new C.LambdaCallback({ onEpochStart: () => {} } as never),
      /unknown hook 'onEpochStart'/,
    );
  });

  it("TrainingLogger/TensorBoard write a JSON-lines log", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kparts-"));
    const tb = new C.TensorBoard({ logDir: join(dir, "run_1"), updateFreq: "batch" });
    await fit(
      new FakeModel(),
      [tb],
      [
        { loss: 0.5, val_loss: NaN },
        { loss: 0.25, val_loss: 0.3 },
      ],
    );
    const events = C.readTrainingLog(join(dir, "run_1", "events.jsonl"));
    assert.deepEqual(
      events.map((e) => e.event),
      ["train_begin", "batch", "batch", "epoch", "batch", "batch", "epoch", "train_end"],
    );
    const last = events[6];
    assert.ok(last.event === "epoch" && last.step === 4 && last.logs.val_loss === 0.3);
    const first = events[3];
    assert.ok(first.event === "epoch" && first.logs.val_loss === null);
  });

  it("CallbackList refuses non-callbacks and History records every key", async () => {
    assert.throws(() => new C.CallbackList([(() => {}) as never]), /LambdaCallback/);
    const { history } = await fit(
      new FakeModel(),
      [],
      [
        { loss: 2, accuracy: 0.5 },
        { loss: 1, accuracy: 0.7 },
      ],
    );
    assert.deepEqual(history.history, { loss: [2, 1], accuracy: [0.5, 0.7] });
    assert.deepEqual(history.epoch, [0, 1]);
    assert.equal(history.params.epochs, 2);
  });

  it("a callback without a model says how to attach it", () => {
    assert.throws(() => new C.EarlyStopping().onEpochEnd(0, { val_loss: 1 }), /model.fit\(\{ callbacks/);
  });
});
