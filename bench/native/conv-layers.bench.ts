/**
 * Where the chapter 14 CNN's convolution time goes: each conv layer (batch 32, float32) split
 * into forward, dW and dX, against PyTorch on the CPU in the same run (the same thread count;
 * `TENSORBOOK_BENCH_THREADS`, default 1). Each cell is the best CPU time of the process over
 * 20 runs (on a shared machine the wall clock also counts other jobs). PyTorch's passes are
 * `conv2d` and `convolution_backward` with only the one gradient asked for, without bias.
 */
import { bindingOrExit, fmt, python, ratio, table } from "./common.js";
import { conv2dGeometry } from "../../engine/src/backends/native/index.js";

const b = bindingOrExit();
const THREADS = Number(process.env.TENSORBOOK_BENCH_THREADS ?? 1);
const before = b.cpuInfo().threads;
// [height = width, channels in, filter size, filters]; "same" padding, unit stride.
const LAYERS = [
  [28, 1, 7, 64],
  [14, 64, 3, 128],
  [14, 128, 3, 128],
  [7, 128, 3, 256],
  [7, 256, 3, 256],
];

/** Best CPU milliseconds over `reps` runs after a warm-up. */
function cpuMs(fn: () => void, reps = 20): number {
  fn();
  let best = Infinity;
  for (let r = 0; r < reps; r++) {
    const c0 = process.cpuUsage();
    fn();
    const c = process.cpuUsage(c0);
    best = Math.min(best, (c.user + c.system) / 1e3);
  }
  return best;
}

b.setThreads(THREADS);
const ours: number[][] = [];
try {
  for (const [hw, c, k, f] of LAYERS) {
    const geom = conv2dGeometry([32, hw, hw, c], [k, k, c, f], { padding: "same" });
    const x = new Float32Array(32 * hw * hw * c).map(() => Math.random());
    const w = new Float32Array(k * k * c * f).map(() => Math.random() - 0.5);
    const y = new Float32Array(32 * hw * hw * f);
    const dy = new Float32Array(y.length).map(() => Math.random() - 0.5);
    const dx = new Float32Array(x.length),
      dw = new Float32Array(w.length);
    ours.push([
      cpuMs(() => b.conv2dForward(x, w, y, geom)),
      cpuMs(() => b.conv2dBackward(x, w, dy, null, dw, geom)),
      c === 1 ? NaN : cpuMs(() => b.conv2dBackward(x, w, dy, dx, null, geom)),
    ]);
  }
} finally {
  b.setThreads(before);
}

const py = `
import json, time, torch
torch.set_num_threads(${THREADS})
def cpu(f, reps=20):
    f(); best = 1e9
    for _ in range(reps):
        c0 = time.process_time(); f(); best = min(best, time.process_time() - c0)
    return best * 1e3
out = []
for hw, c, k, f in ${JSON.stringify(LAYERS)}:
    x = torch.rand(32, c, hw, hw); w = torch.rand(f, c, k, k) - 0.5; p = k // 2
    dy = torch.rand_like(torch.nn.functional.conv2d(x, w, padding=p)) - 0.5
    back = lambda mask: torch.ops.aten.convolution_backward(
        dy, x, w, None, [1, 1], [p, p], [1, 1], False, [0, 0], 1, mask)
    out.append([cpu(lambda: torch.nn.functional.conv2d(x, w, padding=p)),
                cpu(lambda: back([False, True, False])),
                None if c == 1 else cpu(lambda: back([True, False, False]))])
print(json.dumps(out))`;
const r = python<(number | null)[][]>(py, { OMP_NUM_THREADS: String(THREADS) });
if (!r.ok) console.log(`PyTorch not measured: ${r.why}`);
const theirs = r.ok ? r.value.map((row) => row.map((v) => v ?? NaN)) : LAYERS.map(() => [NaN, NaN, NaN]);

const cell = (v: number): string | undefined => (Number.isNaN(v) ? undefined : fmt(v, 2));
const num = (v: number): number | undefined => (Number.isNaN(v) ? undefined : v);
const rows: string[][] = [];
const total = (m: number[][], j: number): number =>
  m.reduce((s, row) => s + (Number.isNaN(row[j]) ? 0 : row[j]), 0);
LAYERS.forEach(([hw, c, k, f], i) => {
  const name = `${hw}x${hw}x${c} ${k}x${k}→${f}`;
  rows.push([
    name,
    ...[0, 1, 2].flatMap((j) => [
      cell(ours[i][j]) ?? "–",
      cell(theirs[i][j]) ?? "–",
      ratio(num(theirs[i][j]), num(ours[i][j])),
    ]),
  ]);
});
rows.push([
  "total",
  ...[0, 1, 2].flatMap((j) => [
    fmt(total(ours, j), 2),
    fmt(total(theirs, j), 2),
    ratio(total(theirs, j), total(ours, j)),
  ]),
]);
console.log(`${THREADS} thread(s), CPU ms; ×: PyTorch ÷ Tensorbook (> 1: we use less)`);
table(["layer", "fwd", "torch", "×", "dW", "torch", "×", "dX", "torch", "×"], rows);
