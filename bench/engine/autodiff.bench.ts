// Autodiff overhead on tiny tensors, where the per-op cost dominates (the custom training loops
// and RL chapters run many small ops): Tensorbook's tape against PyTorch's autograd on the CPU,
// in the same run. Target: forward+backward within 2x of PyTorch per op.
// Run: npm run bench -- bench/engine/autodiff.bench.ts
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { tf, type Tensor } from "tensorbook";

const K = 50; // chain length: K × (mul, add, tanh) + one sum
const OPS = 3 * K + 1;
const REPEAT = Number(process.env.BENCH_REPEAT ?? 7);
const ITERS = Number(process.env.BENCH_ITERS ?? 200);

/**
 * Mean µs per call of each function, best over REPEAT rounds; every round runs every function
 * in turn, so a busy moment on the machine hits all of them alike.
 */
function bestOf<K extends string>(fns: Record<K, () => unknown>): Record<K, number> {
  const best = {} as Record<K, number>;
  const names = Object.keys(fns) as K[];
  for (const k of names) best[k] = Infinity;
  for (let r = 0; r < REPEAT; r++) {
    for (const k of names) {
      const t0 = performance.now();
      for (let i = 0; i < ITERS; i++) fns[k]();
      best[k] = Math.min(best[k], ((performance.now() - t0) * 1000) / ITERS);
    }
  }
  return best;
}

const x = tf.constant([0.1, -0.2, 0.3, 0.4]);
const w = new tf.Variable([0.5, 0.9, -0.7, 1.1]);
const b = new tf.Variable([0.1, 0.2, 0.3, -0.1]);
const chain = (): Tensor => {
  let h = x;
  for (let i = 0; i < K; i++) h = tf.tanh(tf.add(tf.multiply(h, w), b));
  return tf.reduceSum(h);
};

// A tiny MLP step: [8, 4] → Dense 16 relu → Dense 1, MSE, gradients of 4 variables.
tf.random.setSeed(0);
const X = tf.random.normal([8, 4]);
const y = tf.random.normal([8, 1]);
const W1 = new tf.Variable(tf.random.normal([4, 16], 0, 0.5));
const b1 = new tf.Variable(tf.zeros([16]));
const W2 = new tf.Variable(tf.random.normal([16, 1], 0, 0.5));
const b2 = new tf.Variable(tf.zeros([1]));
const mlpLoss = (): Tensor => {
  const h = tf.nn.relu(tf.add(tf.matmul(X, W1), b1));
  return tf.reduceMean(tf.square(tf.subtract(tf.add(tf.matmul(h, W2), b2), y)));
};

// Warm every path first, so the first measure does not pay for compiling the shared ones.
for (let i = 0; i < 5 * ITERS; i++) {
  const tape = new tf.GradientTape();
  tape.gradient(tape.record(chain), [w, b]);
  const t2 = new tf.GradientTape();
  t2.gradient(t2.record(mlpLoss), [W1, b1, W2, b2]);
}

const ours = bestOf({
  forward: chain,
  recorded: () => new tf.GradientTape().record(chain),
  backward: () => {
    const tape = new tf.GradientTape();
    const loss = tape.record(chain);
    return tape.gradient(loss, [w, b]);
  },
  mlp: () => {
    const tape = new tf.GradientTape();
    const loss = tape.record(mlpLoss);
    return tape.gradient(loss, [W1, b1, W2, b2]);
  },
});

function torchTimes(): Record<string, number> | null {
  const python = existsSync("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
  const script = `
import json, time, torch
torch.set_num_threads(1)
K, R, N = ${K}, ${REPEAT}, ${ITERS}
x = torch.tensor([0.1, -0.2, 0.3, 0.4])
w = torch.tensor([0.5, 0.9, -0.7, 1.1], requires_grad=True)
b = torch.tensor([0.1, 0.2, 0.3, -0.1], requires_grad=True)
def chain():
    h = x
    for _ in range(K):
        h = torch.tanh(h * w + b)
    return h.sum()
torch.manual_seed(0)
X = torch.randn(8, 4); y = torch.randn(8, 1)
W1 = (torch.randn(4, 16) * 0.5).requires_grad_(); b1 = torch.zeros(16, requires_grad=True)
W2 = (torch.randn(16, 1) * 0.5).requires_grad_(); b2 = torch.zeros(1, requires_grad=True)
def mlp():
    h = torch.relu(X @ W1 + b1)
    loss = ((h @ W2 + b2 - y) ** 2).mean()
    return torch.autograd.grad(loss, [W1, b1, W2, b2])
def forward():
    with torch.no_grad():
        return chain()
fns = {"forward": forward, "recorded": chain, "backward": lambda: torch.autograd.grad(chain(), [w, b]), "mlp": mlp}
for fn in fns.values():
    for _ in range(N): fn()
out = {k: float("inf") for k in fns}
for _ in range(R):
    for k, fn in fns.items():
        t0 = time.perf_counter()
        for _ in range(N): fn()
        out[k] = min(out[k], (time.perf_counter() - t0) * 1e6 / N)
out["version"] = torch.__version__
print(json.dumps(out))
`;
  const r = spawnSync(python, ["-c", script], { encoding: "utf8", maxBuffer: 1 << 20 });
  if (r.status !== 0) {
    console.log(`PyTorch not measured (${python}: ${r.stderr.trim().split("\n").pop() ?? "failed"})`);
    return null;
  }
  return JSON.parse(r.stdout) as Record<string, number>;
}

const ref = torchTimes();
console.log(
  `chain of ${OPS} ops on [4] float32 (K=${K} × mul, add, tanh + sum); PyTorch ${ref?.version ?? "-"}, 1 thread`,
);
const rows: string[][] = [["measure", "Tensorbook µs/op", "PyTorch µs/op", "ratio"]];
const line = (name: string, ours: number, theirs: number | undefined, per: number): void => {
  rows.push([
    name,
    (ours / per).toFixed(2),
    theirs === undefined ? "-" : (theirs / per).toFixed(2),
    theirs ? `${(ours / theirs).toFixed(2)}x` : "-",
  ]);
};
line("forward, no tape", ours.forward, ref?.forward, OPS);
line("forward, recorded", ours.recorded, ref?.recorded, OPS);
line("forward + backward", ours.backward, ref?.backward, OPS);
rows.push([
  "recording overhead",
  ((ours.recorded - ours.forward) / OPS).toFixed(2),
  ref ? ((ref.recorded - ref.forward) / OPS).toFixed(2) : "-",
  "-",
]);
line("tiny MLP step (µs/step)", ours.mlp, ref?.mlp, 1);
const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
for (const r of rows)
  console.log(r.map((v, i) => (i === 0 ? v.padEnd(widths[i]) : v.padStart(widths[i]))).join("  "));
