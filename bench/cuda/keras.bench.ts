// GPU benchmark of Keras training: the chapter 14 CNN's full training step (forward, loss,
// backward, Adam) at batch 32 and 256, and one epoch of the chapter 10 MLP on Fashion-MNIST-sized
// data (batch 32, SGD, loss read every step), each against PyTorch on the same GPU in the same
// run (bench/cuda/torch_keras.py) with the ratio. Without a GPU it says why and exits 0.
//
//   npm run bench -- bench/cuda/keras.bench.ts      (TENSORBOOK_BENCH_QUICK=1: batch 32, 2,048 examples)
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { keras, np, setDevice, tf } from "tensorbook";
import { cudaState } from "../../engine/src/backends/cuda/state.js";
import { chapter10Mlp, chapter14Cnn } from "../../test/engine/keras/model-zoo.js";

const quick = process.env.TENSORBOOK_BENCH_QUICK === "1";
const BATCHES = quick ? [32] : [32, 256];
const N = quick ? 2048 : 8000;

const state = cudaState();
if (!state.available || !state.binding) {
  console.log(`CUDA Keras benchmark skipped: ${state.reason}`);
  process.exit(0);
}
const b = state.binding;
const seconds = (fn: () => void): number => {
  b.cudaSynchronize();
  const t = performance.now();
  fn();
  b.cudaSynchronize();
  return (performance.now() - t) / 1000;
};

setDevice("cuda");
console.log(`GPU: ${state.status?.name}, float32, TF32 off`);
const cnn: number[] = [];
for (const bs of BATCHES) {
  const model = chapter14Cnn({ dropout: 0 });
  model.compile({ loss: "sparse_categorical_crossentropy", optimizer: "adam" });
  const x = np.random.uniform(0, 1, [bs, 28, 28, 1]).astype("float32");
  const y = np.random.randint(0, 10, [bs]).astype("int32");
  model.trainOnBatch(x, y); // builds, compiles the kernels, makes the optimizer's slots
  cnn.push(Math.min(...Array.from({ length: 10 }, () => seconds(() => model.trainOnBatch(x, y)))));
}
const mlp = chapter10Mlp();
mlp.compile({
  loss: "sparse_categorical_crossentropy",
  optimizer: new keras.optimizers.SGD({ learningRate: 0.01 }),
});
const X = np.random.uniform(0, 1, [N, 28, 28]).astype("float32");
const Y = np.random.randint(0, 10, [N]).astype("int32");
await mlp.fit(X.get(":64"), Y.get(":64"), { epochs: 1, verbose: 0 });
let epoch = Infinity;
for (let r = 0; r < 3; r++) {
  b.cudaSynchronize();
  const t = performance.now();
  await mlp.fit(X, Y, { epochs: 1, batchSize: 32, verbose: 0 });
  epoch = Math.min(epoch, (performance.now() - t) / 1000);
}
setDevice("cpu");
tf.dispose([X, Y]);

const script = fileURLToPath(new URL("./torch_keras.py", import.meta.url));
const r = spawnSync(process.env.PYTHON ?? "python3", [script, BATCHES.join(","), String(N)], {
  encoding: "utf8",
});
const torch =
  r.status === 0 ? (JSON.parse(r.stdout) as { cnn: Record<string, number>; mlp_epoch: number }) : undefined;
if (!torch)
  console.log(`(PyTorch side skipped: ${(r.stderr || r.error?.message || "").trim().split("\n").pop()})`);
const ratio = (t: number | undefined, o: number): string => (t ? `${(o / t).toFixed(2)}x` : "-");

console.log("\nch14 CNN training step  batch  tensorbook ms  torch ms  time ratio (tensorbook/torch)");
BATCHES.forEach((bs, i) => {
  const t = torch?.cnn[String(bs)];
  console.log(
    `${String(bs).padStart(30)}  ${(cnn[i] * 1000).toFixed(2).padStart(13)}  ${(t ? (t * 1000).toFixed(2) : "-").padStart(8)}  ${ratio(t, cnn[i])}`,
  );
});
console.log(`\nch10 MLP epoch (${N} examples, batch 32)  tensorbook s  torch s  time ratio`);
console.log(
  `${"".padStart(39)}  ${epoch.toFixed(2).padStart(12)}  ${(torch ? torch.mlp_epoch.toFixed(2) : "-").padStart(7)}  ${ratio(torch?.mlp_epoch, epoch)}`,
);
