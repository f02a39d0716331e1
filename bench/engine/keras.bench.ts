// One training epoch of the chapter 10 MLP (784-300-100-10 ReLU, softmax, sparse categorical
// cross-entropy, SGD lr 0.01) on 55,000 MNIST images with batch 32 and with batch 256:
// Tensorbook's `model.fit` against PyTorch on the CPU (a plain training loop with the same
// model, data and batches), in the same run, with the peak memory of each. Each side reports
// wall-clock and CPU seconds (all threads of the process): on a shared machine the wall clock
// also counts the time other jobs held the cores, the CPU time does not.
// Run: npm run bench -- bench/engine/keras.bench.ts   (BENCH_SAMPLES=10000 for a quicker run)
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { backendInfo, keras, tf } from "tensorbook";

const N = Number(process.env.BENCH_SAMPLES ?? 55000);
const BATCHES = [32, 256];

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

function model(): keras.Sequential {
  const m = new keras.Sequential([
    new keras.layers.Flatten({ inputShape: [28, 28] }),
    new keras.layers.Dense(300, { activation: "relu" }),
    new keras.layers.Dense(100, { activation: "relu" }),
    new keras.layers.Dense(10, { activation: "softmax" }),
  ]);
  m.compile({
    loss: "sparse_categorical_crossentropy",
    optimizer: new keras.optimizers.SGD({ learningRate: 0.01 }),
    metrics: ["accuracy"],
  });
  return m;
}

interface Run {
  seconds: number;
  cpu: number;
  peakMiB: number;
  loss: number;
}

async function ours(X: tf.Tensor, y: tf.Tensor, batchSize: number): Promise<Run> {
  tf.random.setSeed(42);
  const m = model();
  // Warm-up: a few batches compile the hot paths.
  await m.fit(X.get(":2048"), y.get(":2048"), { epochs: 1, batchSize, verbose: 0 });
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const h = await m.fit(X, y, { epochs: 1, batchSize, verbose: 0 });
  const c = process.cpuUsage(c0);
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(timer);
  return { seconds, cpu: (c.user + c.system) / 1e6, peakMiB: peak / 2 ** 20, loss: h.history.loss[0] };
}

function torch(batchSize: number, threads: number | null): (Run & { version: string }) | null {
  const python = existsSync("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
  const script = `
import gzip, json, resource, time, numpy as np, torch
${threads ? `torch.set_num_threads(${threads})` : ""}
n, bs = ${N}, ${batchSize}
img = np.frombuffer(gzip.open("datasets/mnist/train-images-idx3-ubyte.gz").read(), np.uint8, offset=16)[: n * 784]
lab = np.frombuffer(gzip.open("datasets/mnist/train-labels-idx1-ubyte.gz").read(), np.uint8, offset=8)[:n]
X = torch.tensor(img.reshape(n, 784).astype(np.float32) / 255)
y = torch.tensor(lab.astype(np.int64))
torch.manual_seed(42)
model = torch.nn.Sequential(torch.nn.Flatten(), torch.nn.Linear(784, 300), torch.nn.ReLU(), torch.nn.Linear(300, 100), torch.nn.ReLU(), torch.nn.Linear(100, 10))
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
t0 = time.perf_counter(); c0 = time.process_time(); loss = epoch(X, y); t = time.perf_counter() - t0; c = time.process_time() - c0
print(json.dumps({"seconds": t, "cpu": c, "peakMiB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "loss": loss, "version": torch.__version__, "threads": torch.get_num_threads()}))
`;
  const r = spawnSync(python, ["-c", script], { encoding: "utf8", maxBuffer: 1 << 20 });
  if (r.status !== 0) {
    console.log(`PyTorch not measured (${python}: ${r.stderr.trim().split("\n").pop() ?? "failed"})`);
    return null;
  }
  return JSON.parse(r.stdout) as Run & { version: string };
}

const [X, y] = loadMnist(N);
console.log(
  `784-300-100-10 ReLU MLP, SGD(0.01), one epoch on ${N} MNIST images; backend: ${JSON.stringify(backendInfo())}`,
);
const rows: string[][] = [
  [
    "batch",
    "Tensorbook s (cpu)",
    "PyTorch 1 thread s (cpu)",
    "ratio (cpu)",
    "PyTorch all threads s (cpu)",
    "ratio (cpu)",
    "peak MiB (ours / torch)",
    "loss (ours / torch)",
  ],
];
const pair = (r: Run): string => `${r.seconds.toFixed(2)} (${r.cpu.toFixed(2)})`;
const versus = (a: Run, t: Run | null): string =>
  t ? `${(a.seconds / t.seconds).toFixed(2)}x (${(a.cpu / t.cpu).toFixed(2)}x)` : "-";
for (const bs of BATCHES) {
  const a = await ours(X, y, bs);
  const t1 = torch(bs, 1);
  const tn = torch(bs, null);
  rows.push([
    String(bs),
    pair(a),
    t1 ? pair(t1) : "-",
    versus(a, t1),
    tn ? pair(tn) : "-",
    versus(a, tn),
    `${a.peakMiB.toFixed(0)} / ${t1 ? t1.peakMiB.toFixed(0) : "-"}`,
    `${a.loss.toFixed(3)} / ${t1 ? t1.loss.toFixed(3) : "-"}`,
  ]);
}
const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
for (const r of rows) console.log(r.map((v, i) => v.padStart(widths[i])).join("  "));
