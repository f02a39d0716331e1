// `npm run bench -- bench/engine/linalg.bench.ts`: the linear algebra against NumPy in the same
// run. NumPy runs twice: pinned to one thread (OPENBLAS_NUM_THREADS=1 etc., the one-core
// comparison the targets refer to) and with its default threading. The decompositions' GEMMs go
// through the native addon when it is built (as in the engine); TENSORBOOK_NATIVE=0 measures the
// pure-TypeScript path (WebAssembly SIMD GEMM). The gemm rows always measure the TypeScript GEMM.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import {
  eigh,
  gemm,
  lstsq,
  setGemmAccelerator,
  solve,
  svd,
  type Dense,
} from "../../engine/src/linalg/index.js";

const native =
  process.env.TENSORBOOK_NATIVE === "0"
    ? null
    : (await import("../../engine/src/backends/native/index.js")).nativeGemm;
// The GEMM rows measure the TypeScript kernel; the accelerator is switched on after them.
setGemmAccelerator(undefined);

const PY = "/usr/bin/python3";

// Deterministic fill so that both sides see well-conditioned random-like inputs.
function fill(
  n: number,
  seed: number,
  F: Float64ArrayConstructor | Float32ArrayConstructor = Float64Array,
): Float64Array | Float32Array {
  const out = new F(n);
  let s = seed;
  for (let i = 0; i < n; i++) {
    s = (s * 1103515245 + 12345) % 2147483648;
    out[i] = s / 2147483648 - 0.5;
  }
  return out;
}

function time(f: () => void, minSeconds: number, minReps = 1): number {
  f();
  let reps = 0;
  const t0 = performance.now();
  let el = 0;
  while (reps < minReps || el < minSeconds * 1000) {
    f();
    reps++;
    el = performance.now() - t0;
  }
  return el / 1000 / reps;
}

const sizes = [256, 512, 1024];
const ours: Record<string, number> = {};
for (const dt of ["float32", "float64"] as const) {
  for (const n of sizes) {
    const F = dt === "float32" ? Float32Array : Float64Array;
    const A = fill(n * n, 1, F);
    const B = fill(n * n, 2, F);
    const C = new F(n * n);
    ours[`gemm ${dt} ${n}`] = time(() => gemm(false, false, n, n, n, 1, A, n, B, n, 0, C, n), 1.5, 2);
  }
}
if (native) setGemmAccelerator(native);
console.log(`decompositions' GEMM: ${native ? "native addon" : "TypeScript (WebAssembly SIMD)"}`);
const sq = (n: number, seed: number): Dense => {
  const d = fill(n * n, seed) as Float64Array;
  for (let i = 0; i < n; i++) d[i * n + i] += 4; // keep solve well conditioned
  return { data: d, shape: [n, n] };
};
const X = { data: fill(2000 * 784, 3), shape: [2000, 784] };
ours["svd 2000x784 (full_matrices=False)"] = time(() => svd(X, { fullMatrices: false }), 0);
ours["svd 2000x784 (values only)"] = time(() => svd(X, { computeUv: false }), 0);
const S = (() => {
  const B = fill(784 * 784, 4) as Float64Array;
  const out = new Float64Array(784 * 784);
  gemm(false, true, 784, 784, 784, 1, B, 784, B, 784, 0, out, 784);
  return { data: out, shape: [784, 784] };
})();
ours["eigh 784x784"] = time(() => eigh(S), 0);
const A1000 = sq(1000, 5);
const b1000 = { data: fill(1000, 6), shape: [1000] };
ours["solve 1000x1000"] = time(() => solve(A1000, b1000), 1);
ours["lstsq 1000x1000"] = time(() => lstsq(A1000, b1000), 0);

const pyScript = `
import json, time, sys, numpy as np
def t(f, min_s, min_reps=1):
    f(); reps = 0; t0 = time.perf_counter(); el = 0
    while reps < min_reps or el < min_s:
        f(); reps += 1; el = time.perf_counter() - t0
    return el / reps
out = {}
rng = np.random.RandomState(0)
for dt in ("float32", "float64"):
    for n in (256, 512, 1024):
        a = (rng.rand(n, n) - .5).astype(dt); b = (rng.rand(n, n) - .5).astype(dt)
        out[f"gemm {dt} {n}"] = t(lambda: a @ b, 1.5, 2)
X = rng.rand(2000, 784) - .5
out["svd 2000x784 (full_matrices=False)"] = t(lambda: np.linalg.svd(X, full_matrices=False), 0)
out["svd 2000x784 (values only)"] = t(lambda: np.linalg.svd(X, compute_uv=False), 0)
B = rng.rand(784, 784) - .5; S = B @ B.T
out["eigh 784x784"] = t(lambda: np.linalg.eigh(S), 0)
A = rng.rand(1000, 1000) - .5 + 4 * np.eye(1000); b = rng.rand(1000) - .5
out["solve 1000x1000"] = t(lambda: np.linalg.solve(A, b), 1)
out["lstsq 1000x1000"] = t(lambda: np.linalg.lstsq(A, b, rcond=None), 0)
blas = sorted({l.split()[-1] for l in open("/proc/self/maps") if "blas" in l or "lapack" in l})
print(json.dumps({"times": out, "numpy": np.__version__, "libs": blas}))
`;

function numpy(pinned: boolean): { times: Record<string, number>; numpy: string; libs: string[] } | null {
  if (!existsSync(PY)) return null;
  const env = { ...process.env };
  if (pinned)
    for (const k of ["OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"])
      env[k] = "1";
  const r = spawnSync(PY, ["-c", pyScript], { env, encoding: "utf8", maxBuffer: 1 << 24 });
  if (r.status !== 0) {
    console.log(
      `NumPy run failed (${pinned ? "1 thread" : "default"}): ${r.stderr.trim().split("\n").pop()}`,
    );
    return null;
  }
  return JSON.parse(r.stdout) as { times: Record<string, number>; numpy: string; libs: string[] };
}

const one = numpy(true);
const dflt = numpy(false);
if (one) console.log(`NumPy ${one.numpy}; BLAS/LAPACK libraries: ${one.libs.join(", ") || "(none found)"}`);
const flops = (k: string): number => {
  const n = Number(k.split(" ")[2]);
  return 2 * n ** 3;
};
const pad = (s: string, w: number): string => s.padEnd(w);
const fmtT = (s: number | undefined): string =>
  s === undefined ? "-" : s < 1 ? `${(s * 1000).toFixed(1)} ms` : `${s.toFixed(2)} s`;
console.log(
  `${pad("case", 38)}${pad("tensorbook", 14)}${pad("numpy 1 thr", 14)}${pad("ratio (1 thr)", 15)}${pad("numpy default", 15)}ratio (default)`,
);
for (const k of Object.keys(ours)) {
  const isGemm = k.startsWith("gemm");
  const show = (s: number | undefined): string =>
    s === undefined ? "-" : isGemm ? `${(flops(k) / s / 1e9).toFixed(2)} GF/s` : fmtT(s);
  // Ratio = NumPy time / our time: 1 means parity, 0.25 means NumPy is 4× faster.
  const ratio = (s: number | undefined): string => (s === undefined ? "-" : (s / ours[k]).toFixed(2));
  console.log(
    `${pad(k, 38)}${pad(show(ours[k]), 14)}${pad(show(one?.times[k]), 14)}${pad(ratio(one?.times[k]), 15)}${pad(show(dflt?.times[k]), 15)}${ratio(dflt?.times[k])}`,
  );
}
console.log("ratio = NumPy time / Tensorbook time (throughput ratio; ≥ 0.25 is the GEMM target).");
