/**
 * GEMM: the native addon against NumPy (OpenBLAS) in the same run, n = 256..2048, float32 and
 * float64, on 1 and 2 threads (OPENBLAS_NUM_THREADS matches). Each side is measured twice,
 * interleaved, and the best kept (the machine may be shared). GFLOP/s = 2n³ / time; "peak" is
 * the addon's register-only multiply-add rate on the same threads (peakGflops).
 */
import { bindingOrExit, best, fmt, python, ratio, table } from "./common.js";

const b = bindingOrExit();
const SIZES = (process.env.BENCH_GEMM_SIZES ?? "256,512,1024,2048").split(",").map(Number);
const DTYPES = ["float32", "float64"] as const;
const THREADS = [1, 2];
const key = (d: string, n: number, t: number): string => `${d}/${n}/${t}`;

function ours(t: number, into: Map<string, number>): void {
  b.setThreads(t);
  for (const d of DTYPES) {
    const Ctor = d === "float32" ? Float32Array : Float64Array;
    for (const n of SIZES) {
      const A = new Ctor(n * n).map(() => Math.random());
      const B = new Ctor(n * n).map(() => Math.random());
      const C = new Ctor(n * n);
      const s = best(() => b.gemm(A, 0, n, 1, B, 0, n, 1, C, 0, n, 1, n, n, n, 1, 0, 1, 0, 0, 0), 3, 0.5);
      const g = (2 * n ** 3) / s / 1e9;
      into.set(key(d, n, t), Math.max(into.get(key(d, n, t)) ?? 0, g));
    }
  }
}

function numpy(t: number, into: Map<string, number>): string | undefined {
  const code = `
import json, time, numpy as np
out = {}
for d in ${JSON.stringify(DTYPES)}:
    for n in ${JSON.stringify(SIZES)}:
        a = np.random.rand(n, n).astype(d); b = np.random.rand(n, n).astype(d)
        a @ b
        best, total, r = 1e9, 0.0, 0
        while r < 3 or total < 0.5:
            t0 = time.perf_counter(); a @ b; dt = time.perf_counter() - t0
            best = min(best, dt); total += dt; r += 1
        out[f"{d}/{n}/${t}"] = 2 * n**3 / best / 1e9
print(json.dumps(out))`;
  const r = python<Record<string, number>>(code, {
    OPENBLAS_NUM_THREADS: String(t),
    OMP_NUM_THREADS: String(t),
  });
  if (!r.ok) return r.why;
  for (const [k, v] of Object.entries(r.value)) into.set(k, Math.max(into.get(k) ?? 0, v));
  return undefined;
}

const tb = new Map<string, number>();
const np = new Map<string, number>();
const peak = new Map<string, number>();
const threadsBefore = b.cpuInfo().threads;
let npWhy: string | undefined;
for (let pass = 0; pass < 2; pass++) {
  for (const t of THREADS) {
    ours(t, tb);
    npWhy = numpy(t, np) ?? npWhy;
    for (const d of DTYPES)
      peak.set(`${d}/${t}`, Math.max(peak.get(`${d}/${t}`) ?? 0, b.peakGflops(d, t, 0.2)));
  }
}
b.setThreads(threadsBefore);
if (npWhy) console.log(`NumPy not measured: ${npWhy}`);

const info = b.cpuInfo();
console.log(
  `native isa ${info.isa}; ${info.brand}; L1d ${info.l1d / 1024} KiB, L2 ${info.l2 / 1024} KiB, L3 ${info.l3 >> 20} MiB`,
);
const rows: (string | number)[][] = [];
for (const d of DTYPES)
  for (const t of THREADS)
    for (const n of SIZES) {
      const k = key(d, n, t);
      const ours = tb.get(k);
      const p = peak.get(`${d}/${t}`);
      rows.push([
        d,
        n,
        t,
        fmt(ours),
        fmt(np.get(k)),
        ratio(ours, np.get(k)),
        fmt(p),
        p && ours ? `${((100 * ours) / p).toFixed(0)}%` : "n/a",
      ]);
    }
table(
  ["dtype", "n", "threads", "tensorbook GFLOP/s", "numpy GFLOP/s", "ratio", "peak GFLOP/s", "of peak"],
  rows,
);
