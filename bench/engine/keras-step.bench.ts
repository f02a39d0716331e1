// The fixed cost of one training step: a 784-4-4-10 ReLU MLP (the chapter 10 model with 4-unit
// hidden layers, so the arithmetic is negligible), softmax, sparse categorical cross-entropy,
// SGD, batch 32, on MNIST images: Tensorbook's `model.fit` against a plain PyTorch training
// loop (1 thread) with the same model, data and batches, in the same run. Reports milliseconds
// per step, wall-clock and CPU time; what remains is the engine's per-step bookkeeping (layers,
// tape, tensors, optimizer and metric updates).
// Each side runs BENCH_REPEATS epochs of BENCH_SAMPLES images and reports its fastest epoch, which
// on a shared machine is the one least disturbed by other jobs.
// Run: npm run bench -- bench/engine/keras-step.bench.ts
// (BENCH_SAMPLES, BENCH_REPEATS, BENCH_BATCH, BENCH_HIDDEN=300,100 for the full chapter 10 model)
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { backendInfo, keras, tf } from "tensorbook";

const N = Number(process.env.BENCH_SAMPLES ?? 4000);
// Hidden layer widths, e.g. BENCH_HIDDEN=300,100 for the chapter 10 model itself.
const HIDDEN = (process.env.BENCH_HIDDEN ?? "4,4").split(",").map(Number);
const BATCH = Number(process.env.BENCH_BATCH ?? 32);
const REPEATS = Number(process.env.BENCH_REPEATS ?? 20);

function loadMnist(n: number): [tf.Tensor, tf.Tensor] {
  const img = gunzipSync(readFileSync(join("datasets", "mnist", "train-images-idx3-ubyte.gz")));
  const lab = gunzipSync(readFileSync(join("datasets", "mnist", "train-labels-idx1-ubyte.gz")));
  const x = new Float32Array(n * 784);
  for (let i = 0; i < x.length; i++) x[i] = img[16 + i] / 255;
  return [
    tf.reshape(tf.constant(x), [n, 28, 28]),
    tf.constant(Int32Array.from(lab.subarray(8, 8 + n)), { dtype: "int32" }),
  ];
}

interface Run {
  ms: number;
  cpuMs: number;
}

async function ours(X: tf.Tensor, y: tf.Tensor): Promise<Run> {
  tf.random.setSeed(42);
  const m = new keras.Sequential([
    new keras.layers.Flatten({ inputShape: [28, 28] }),
    ...HIDDEN.map((h) => new keras.layers.Dense(h, { activation: "relu" })),
    new keras.layers.Dense(10, { activation: "softmax" }),
  ]);
  m.compile({
    loss: "sparse_categorical_crossentropy",
    optimizer: new keras.optimizers.SGD({ learningRate: 0.01 }),
    metrics: ["accuracy"],
  });
  await m.fit(X.get(":2048"), y.get(":2048"), { epochs: 1, batchSize: BATCH, verbose: 0 });
  let best: Run = { ms: Infinity, cpuMs: Infinity };
  for (let r = 0; r < REPEATS; r++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    await m.fit(X, y, { epochs: 1, batchSize: BATCH, verbose: 0 });
    const c = process.cpuUsage(c0);
    const steps = Math.ceil(N / BATCH);
    const run = { ms: (performance.now() - t0) / steps, cpuMs: (c.user + c.system) / 1e3 / steps };
    best = { ms: Math.min(best.ms, run.ms), cpuMs: Math.min(best.cpuMs, run.cpuMs) };
  }
  return best;
}

function torch(): Run | null {
  const python = existsSync("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
  const script = `
import gzip, json, time, numpy as np, torch
torch.set_num_threads(1)
n, bs, hidden = ${N}, ${BATCH}, [${HIDDEN.join(", ")}]
img = np.frombuffer(gzip.open("datasets/mnist/train-images-idx3-ubyte.gz").read(), np.uint8, offset=16)[: n * 784]
lab = np.frombuffer(gzip.open("datasets/mnist/train-labels-idx1-ubyte.gz").read(), np.uint8, offset=8)[:n]
X = torch.tensor(img.reshape(n, 784).astype(np.float32) / 255)
y = torch.tensor(lab.astype(np.int64))
torch.manual_seed(42)
sizes = [784] + hidden
layers = [torch.nn.Flatten()]
for a, b in zip(sizes, sizes[1:]): layers += [torch.nn.Linear(a, b), torch.nn.ReLU()]
model = torch.nn.Sequential(*layers, torch.nn.Linear(sizes[-1], 10))
opt = torch.optim.SGD(model.parameters(), lr=0.01)
lossf = torch.nn.CrossEntropyLoss()
def epoch(X, y):
    perm = torch.randperm(len(X)); total = 0.0
    for s in range(0, len(X), bs):
        idx = perm[s:s + bs]
        out = model(X[idx]); loss = lossf(out, y[idx])
        opt.zero_grad(); loss.backward(); opt.step()
        correct = (out.argmax(1) == y[idx]).float().mean().item()
        total += loss.item() * len(idx)
    return total / len(X)
epoch(X[:2048], y[:2048])
best = [1e9, 1e9]
steps = (n + bs - 1) // bs
for _ in range(${REPEATS}):
    t0 = time.perf_counter(); c0 = time.process_time(); epoch(X, y)
    best = [min(best[0], (time.perf_counter() - t0) * 1e3 / steps), min(best[1], (time.process_time() - c0) * 1e3 / steps)]
print(json.dumps({"ms": best[0], "cpuMs": best[1]}))
`;
  const r = spawnSync(python, ["-c", script], { encoding: "utf8", maxBuffer: 1 << 20 });
  if (r.status !== 0) {
    console.log(`PyTorch not measured (${python}: ${r.stderr.trim().split("\n").pop() ?? "failed"})`);
    return null;
  }
  return JSON.parse(r.stdout) as Run;
}

const [X, y] = loadMnist(N);
console.log(
  `${[784, ...HIDDEN, 10].join("-")} ReLU MLP, SGD, batch ${BATCH}, ${N} samples, best of ${REPEATS} epochs; backend: ${JSON.stringify(backendInfo())}`,
);
const a = await ours(X, y);
const t = torch();
const rows = [
  ["", "ms/step", "cpu ms/step"],
  ["Tensorbook", a.ms.toFixed(3), a.cpuMs.toFixed(3)],
  ["PyTorch 1 thread", t ? t.ms.toFixed(3) : "-", t ? t.cpuMs.toFixed(3) : "-"],
  ["ratio", t ? `${(a.ms / t.ms).toFixed(2)}x` : "-", t ? `${(a.cpuMs / t.cpuMs).toFixed(2)}x` : "-"],
];
const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
for (const r of rows) console.log(r.map((v, i) => v.padStart(widths[i])).join("  "));
