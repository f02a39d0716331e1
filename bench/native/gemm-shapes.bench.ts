/**
 * GEMM on the shapes the book's models produce, against PyTorch's `torch.mm` on the same
 * shapes and operand layouts, float32, in the same run (torch.set_num_threads matches):
 * the chapter 10 MLP (784-300-100-10) at batch 32 and 256 — forward X·W, backward dY·Wᵀ and
 * Xᵀ·dY — and the im2col products of the chapter 14 CNN at batch 32 (forward cols·W, backward
 * colsᵀ·dY and dY·Wᵀ). Transposed operands are strided views on both sides. GFLOP/s =
 * 2mnk / best time. `BENCH_THREADS=1,2` picks the thread counts (default 1),
 * `BENCH_SHAPES=mlp|conv` one group.
 */
import { bindingOrExit, best, fmt, python, ratio, table } from "./common.js";

const b = bindingOrExit();
const THREADS = (process.env.BENCH_THREADS ?? "1").split(",").map(Number);
const GROUP = process.env.BENCH_SHAPES ?? "all";

/** m×n×k with A and B stored transposed (tA/tB) or not. */
interface Shape {
  name: string;
  m: number;
  n: number;
  k: number;
  tA: boolean;
  tB: boolean;
}

const shapes: Shape[] = [];
if (GROUP !== "conv")
  for (const batch of [32, 256])
    for (const [fin, fout] of [
      [784, 300],
      [300, 100],
      [100, 10],
    ]) {
      const l = `mlp${batch} ${fin}-${fout}`;
      shapes.push({ name: `${l} X·W`, m: batch, n: fout, k: fin, tA: false, tB: false });
      shapes.push({ name: `${l} dY·Wᵀ`, m: batch, n: fin, k: fout, tA: false, tB: true });
      shapes.push({ name: `${l} Xᵀ·dY`, m: fin, n: fout, k: batch, tA: true, tB: false });
    }
if (GROUP !== "mlp")
  for (const [rows, K, F, name] of [
    [32 * 784, 49, 64, "conv1 7x7x1→64"],
    [32 * 196, 576, 128, "conv2 3x3x64→128"],
    [32 * 196, 1152, 128, "conv3 3x3x128→128"],
    [32 * 49, 1152, 256, "conv4 3x3x128→256"],
    [32 * 49, 2304, 256, "conv5 3x3x256→256"],
  ] as const) {
    shapes.push({ name: `${name} cols·W`, m: rows, n: F, k: K, tA: false, tB: false });
    shapes.push({ name: `${name} colsᵀ·dY`, m: K, n: F, k: rows, tA: true, tB: false });
    shapes.push({ name: `${name} dY·Wᵀ`, m: rows, n: K, k: F, tA: false, tB: true });
  }

const flops = (s: Shape): number => 2 * s.m * s.n * s.k;
const key = (s: Shape, t: number): string => `${s.name}/${t}`;

function ours(t: number, into: Map<string, number>): void {
  b.setThreads(t);
  for (const s of shapes) {
    const A = new Float32Array(s.m * s.k).map(() => Math.random());
    const B = new Float32Array(s.k * s.n).map(() => Math.random());
    const C = new Float32Array(s.m * s.n);
    const [rsa, csa] = s.tA ? [1, s.m] : [s.k, 1];
    const [rsb, csb] = s.tB ? [1, s.k] : [s.n, 1];
    const sec = best(
      () => b.gemm(A, 0, rsa, csa, B, 0, rsb, csb, C, 0, s.n, 1, s.m, s.n, s.k, 1, 0, 1, 0, 0, 0),
      5,
      0.15,
    );
    into.set(key(s, t), Math.max(into.get(key(s, t)) ?? 0, flops(s) / sec / 1e9));
  }
}

function torch(t: number, into: Map<string, number>): string | undefined {
  const list = shapes.map((s) => [key(s, t), s.m, s.n, s.k, s.tA, s.tB]);
  const code = `
import json, time, torch
torch.set_num_threads(${t})
out = {}
for name, m, n, k, ta, tb in json.loads(${JSON.stringify(JSON.stringify(list))}):
    a = torch.rand(k, m).t() if ta else torch.rand(m, k)
    b = torch.rand(n, k).t() if tb else torch.rand(k, n)
    c = torch.empty(m, n)
    torch.mm(a, b, out=c)
    best, total, r = 1e9, 0.0, 0
    while r < 5 or total < 0.15:
        t0 = time.perf_counter(); torch.mm(a, b, out=c); dt = time.perf_counter() - t0
        best = min(best, dt); total += dt; r += 1
        if r > 50: break
    out[name] = 2 * m * n * k / best / 1e9
print(json.dumps(out))`;
  const r = python<Record<string, number>>(code, { OMP_NUM_THREADS: String(t), MKL_NUM_THREADS: String(t) });
  if (!r.ok) return r.why;
  for (const [k, v] of Object.entries(r.value)) into.set(k, Math.max(into.get(k) ?? 0, v));
  return undefined;
}

const tb = new Map<string, number>();
const pt = new Map<string, number>();
const threadsBefore = b.cpuInfo().threads;
let why: string | undefined;
for (let pass = 0; pass < 2; pass++)
  for (const t of THREADS) {
    ours(t, tb);
    why = torch(t, pt) ?? why;
  }
b.setThreads(threadsBefore);
if (why) console.log(`PyTorch not measured: ${why}`);
const rows: string[][] = [];
for (const t of THREADS)
  for (const s of shapes) {
    const o = tb.get(key(s, t)),
      p = pt.get(key(s, t));
    rows.push([s.name, `${s.m}×${s.n}×${s.k}`, String(t), fmt(o), fmt(p), ratio(o, p)]);
  }
table(["product", "m×n×k", "threads", "tensorbook GFLOP/s", "pytorch GFLOP/s", "ratio"], rows);
