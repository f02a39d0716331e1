// The js backend's WebAssembly SIMD kernels against its JavaScript loops, interleaved in one
// process (trial by trial, best of R each), with NumPy's times from the same run: on a shared
// machine this is steadier than comparing two separate runs. The last columns compare CPU time
// (user + system) of the kernels and NumPy, which waiting for a core does not inflate.
// Run with TENSORBOOK_NATIVE=0:
//   TENSORBOOK_NATIVE=0 npm run bench -- bench/engine/elementwise-simd.bench.ts
import { np } from "tensorbook";
import { setSimdKernelsEnabled } from "../../engine/src/backends/js/wasm/module.js";
import { spawnSync } from "node:child_process";
const N = 10_000_000,
  R = Number(process.env.R ?? 15);
const py = spawnSync(
  "/usr/bin/python3",
  [
    "-c",
    `
import json, time, timeit, numpy as np
rng = np.random.default_rng(0); out = {}
for dt in ["float64","float32"]:
    a, b, c = (rng.uniform(-1, 1, ${N}).astype(dt) for _ in range(3)); m = a.reshape(10000, 1000)
    for name, stmt in [("a*b+c","a*b+c"),("exp","np.exp(a)"),("sum","np.sum(a)"),("sum1","np.sum(m,axis=1)"),("sum0","np.sum(m,axis=0)"),("argmax1","np.argmax(m,axis=1)")]:
        g = dict(np=np,a=a,b=b,c=c,m=m)
        out[dt+name] = min(timeit.repeat(stmt, globals=g, number=1, repeat=${R}))*1000
        out[dt+name+"|cpu"] = min(timeit.repeat(stmt, globals=g, number=1, repeat=${R}, timer=time.process_time))*1000
print(json.dumps(out))`,
  ],
  { encoding: "utf8" },
);
// Without NumPy the ratios are left out; the JS-vs-WASM columns still compare.
const ref = (py.status === 0 ? JSON.parse(py.stdout) : {}) as Record<string, number>;
console.log(
  "dtype    op       JS loops ms  WASM ms  NumPy ms  ratio before  ratio after  WASM CPU ms  NumPy CPU ms  CPU ratio",
);
for (const dtype of ["float64", "float32"] as const) {
  const mk = () =>
    np.array(
      Float64Array.from({ length: N }, () => Math.random() * 2 - 1),
      { dtype },
    );
  const a = mk(),
    b = mk(),
    c = mk(),
    m = a.reshape(10000, 1000);
  const cases: [string, () => unknown][] = [
    ["a*b+c", () => a.mul(b).add(c)],
    ["exp", () => np.exp(a)],
    ["sum", () => np.sum(a)],
    ["sum1", () => np.sum(m, 1)],
    ["sum0", () => np.sum(m, 0)],
    ["argmax1", () => np.argmax(m, 1)],
  ];
  for (const [name, f] of cases) {
    const best = [Infinity, Infinity];
    let cpu = Infinity;
    for (let i = 0; i < R; i++)
      for (const w of [0, 1]) {
        setSimdKernelsEnabled(w === 1);
        const c0 = process.cpuUsage();
        const t0 = performance.now();
        f();
        best[w] = Math.min(best[w], performance.now() - t0);
        const c = process.cpuUsage(c0);
        if (w === 1) cpu = Math.min(cpu, (c.user + c.system) / 1000);
      }
    const pc = ref[dtype + name + "|cpu"];
    const p = ref[dtype + name];
    const ratio = (ms: number): string => (p ? `${(ms / p).toFixed(2)}x` : "-");
    const cols = [
      best[0].toFixed(1),
      best[1].toFixed(1),
      p ? p.toFixed(1) : "-",
      ratio(best[0]),
      ratio(best[1]),
      cpu.toFixed(1),
      pc ? pc.toFixed(1) : "-",
      pc ? `${(cpu / pc).toFixed(2)}x` : "-",
    ];
    const widths = [11, 8, 9, 13, 12, 12, 13, 10];
    console.log(`${dtype}  ${name.padEnd(8)} ${cols.map((c, i) => c.padStart(widths[i])).join("")}`);
  }
}
