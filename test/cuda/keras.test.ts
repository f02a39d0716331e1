// The book's models trained with Keras `fit` on the GPU: the chapter 10 MLP on Fashion-MNIST
// and the chapter 14 CNN, each against the same run on the CPU from the same weights (no
// shuffling, no dropout, so both sides take the same steps), and 1,000 steps with device memory
// flat. Tolerances: float32 throughout; the losses of the two runs drift apart as the GPU sums
// in another order, by at most 2% over these runs. Skipped without a GPU.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { keras, setDevice, tf, type Tensor } from "tensorbook";
import { chapter10Mlp, chapter14Cnn } from "../engine/keras/model-zoo.js";
import { gpu, needsGpu, quick, size } from "./helpers.js";

// Fashion-MNIST as shipped: the 10,000 test images split 8,000 / 2,000, scaled to [0, 1].
function fashion(n: number): { X: Tensor; y: Tensor; Xv: Tensor; yv: Tensor } {
  const [[X, y], [Xv, yv]] = keras.datasets.fashionMnist.loadData({ fromTestSet: true });
  const scale = (t: Tensor, m: number): Tensor => t.get(`:${m}`).astype("float32").div(255);
  return {
    X: scale(X, n),
    y: y.get(`:${n}`),
    Xv: scale(Xv, Math.min(2000, n)),
    yv: yv.get(`:${Math.min(2000, n)}`),
  };
}

interface Run {
  loss: number[];
  valAccuracy: number[];
  seconds: number;
}

async function fitOn(
  device: "cpu" | "cuda",
  model: keras.Sequential,
  X: Tensor,
  y: Tensor,
  opts: keras.FitOptions,
): Promise<Run> {
  setDevice(device);
  try {
    const t = performance.now();
    const h = await model.fit(X, y, { verbose: 0, shuffle: false, ...opts });
    return {
      loss: h.history.loss as number[],
      valAccuracy: (h.history.val_accuracy as number[] | undefined) ?? [],
      seconds: (performance.now() - t) / 1000,
    };
  } finally {
    setDevice("cpu");
  }
}

function twins(
  build: () => keras.Sequential,
  optimizer: () => keras.optimizers.Optimizer,
): keras.Sequential[] {
  tf.random.setSeed(42);
  const [a, b] = [build(), build()];
  b.setWeights(a.getWeights());
  for (const m of [a, b])
    m.compile({ loss: "sparse_categorical_crossentropy", optimizer: optimizer(), metrics: ["accuracy"] });
  return [a, b];
}

function assertNear(gpuLoss: number[], cpuLoss: number[], rtol: number): void {
  gpuLoss.forEach((l, i) =>
    assert.ok(
      Math.abs(l - cpuLoss[i]) <= rtol * Math.abs(cpuLoss[i]),
      `epoch ${i}: gpu ${l} vs cpu ${cpuLoss[i]}`,
    ),
  );
}

describe("Keras training on the GPU", needsGpu, () => {
  it("chapter 10 MLP on Fashion-MNIST: the GPU's epochs follow the CPU's", async () => {
    const { X, y, Xv, yv } = fashion(size(8000, 256));
    const [cpu, dev] = twins(chapter10Mlp, () => new keras.optimizers.SGD({ learningRate: 0.01 }));
    const opts = { epochs: size(3, 1), batchSize: 32, validationData: [Xv, yv] as [Tensor, Tensor] };
    const c = await fitOn("cpu", cpu, X, y, opts);
    const g = await fitOn("cuda", dev, X, y, opts);
    assert.ok(
      dev.weights.every((w) => w.device === "cuda"),
      "weights live on the GPU",
    );
    assertNear(g.loss, c.loss, 0.02);
    if (!quick) assert.ok(g.valAccuracy.at(-1)! > 0.75, `val accuracy ${g.valAccuracy.join(", ")}`);
    process.stdout.write(
      `# ch10 MLP: cpu ${c.seconds.toFixed(1)} s, gpu ${g.seconds.toFixed(1)} s for ${opts.epochs} epochs\n`,
    );
  });

  it("chapter 14 CNN: the GPU's training steps follow the CPU's", async () => {
    const { X, y } = fashion(size(1024, 8));
    const images = X.reshape(X.shape[0], 28, 28, 1);
    const [cpu, dev] = twins(
      () => chapter14Cnn({ dropout: 0 }),
      () => new keras.optimizers.Nadam(),
    );
    const opts = { epochs: size(2, 1), batchSize: size(32, 4) };
    const c = await fitOn("cpu", cpu, images, y, opts);
    const g = await fitOn("cuda", dev, images, y, opts);
    assertNear(g.loss, c.loss, 0.02);
    if (!quick) assert.ok(g.loss.at(-1)! < g.loss[0], `loss ${g.loss.join(" → ")}`);
    process.stdout.write(`# ch14 CNN: cpu ${c.seconds.toFixed(1)} s, gpu ${g.seconds.toFixed(1)} s\n`);
  });

  it("1,000 steps of fit keep device memory flat (tf.memory and the allocator's live blocks)", async () => {
    const { X, y } = fashion(size(8000, 64));
    const steps = size(1000, 40);
    const [model] = twins(chapter10Mlp, () => new keras.optimizers.Adam());
    const bytes: number[] = [];
    const blocks: number[] = [];
    class Probe extends keras.callbacks.Callback {
      override onTrainBatchEnd(): void {
        bytes.push(tf.memory().numBytesInGPU);
        blocks.push(gpu().cudaMemory().blocks);
      }
    }
    const batchSize = 32;
    const perEpoch = Math.ceil(X.shape[0] / batchSize);
    await fitOn("cuda", model, X, y, {
      epochs: Math.ceil(steps / perEpoch),
      batchSize,
      shuffle: true,
      callbacks: [new Probe()],
    });
    assert.ok(bytes.length >= steps, `${bytes.length} steps`);
    // After the first step (the optimizer's slots), no step holds more than the second.
    const grew = (v: number[]): number[] => v.slice(1).filter((x) => x > v[1]);
    assert.deepEqual(grew(bytes), [], `numBytesInGPU grew: ${[...new Set(bytes)].join(", ")}`);
    assert.deepEqual(grew(blocks), [], `live blocks grew: ${[...new Set(blocks)].join(", ")}`);
  });
});
