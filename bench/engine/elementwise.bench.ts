// Element-wise ops and reductions on 10^7 elements, Tensorbook's pure-TypeScript backend against
// NumPy in the same run (best of N on both sides). Target: within 3x of NumPy.
// Run: npm run bench -- bench/engine/elementwise.bench.ts
// Both sides are timed by the wall clock and by the process's CPU time (user + system, so page
// faults count): on a shared machine a process waiting for a core inflates its wall time but not
// its CPU time, so the CPU ratio is the steadier of the two when the load average exceeds the
// core count.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { np, type Tensor } from "tensorbook";

const N = 10_000_000;
const ROWS = 10_000;
const COLS = 1_000;
const REPEAT = Number(process.env.BENCH_REPEAT ?? 5);
const DTYPES = ["float64", "float32"] as const;

interface Case {
  name: string;
  ts: (x: Record<string, Tensor>) => unknown;
  py: string;
}

const CASES: Case[] = [
  { name: "a*b+c", ts: ({ a, b, c }) => a.mul(b).add(c), py: "a*b+c" },
  // One pass and one result (NumPy reuses the a*b temporary for `+ c`; see docs/np.md).
  { name: "mulAdd(a,b,c)", ts: ({ a, b, c }) => np.mulAdd(a, b, c), py: "a*b+c" },
  { name: "exp(a)", ts: ({ a }) => np.exp(a), py: "np.exp(a)" },
  { name: "sum(a)", ts: ({ a }) => np.sum(a), py: "np.sum(a)" },
  { name: "sum(M, axis=1)", ts: ({ m }) => np.sum(m, 1), py: "np.sum(m, axis=1)" },
  { name: "sum(M, axis=0)", ts: ({ m }) => np.sum(m, 0), py: "np.sum(m, axis=0)" },
  { name: "argmax(M, axis=1)", ts: ({ m }) => np.argmax(m, 1), py: "np.argmax(m, axis=1)" },
  { name: "argmax(M, axis=0)", ts: ({ m }) => np.argmax(m, 0), py: "np.argmax(m, axis=0)" },
];

/** Best wall-clock and best CPU milliseconds over REPEAT runs, after a warm-up run. */
function bestOf(fn: () => unknown): { wall: number; cpu: number } {
  fn(); // warm-up: compiles the generated loops
  let wall = Infinity;
  let cpu = Infinity;
  for (let i = 0; i < REPEAT; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn();
    wall = Math.min(wall, performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu = Math.min(cpu, (c.user + c.system) / 1000);
  }
  return { wall, cpu };
}

function numpyTimes(): Record<string, number> | null {
  const python = existsSync("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
  const script = `
import json, time, timeit, numpy as np
rng = np.random.default_rng(0)
out = {}
for dt in ${JSON.stringify(DTYPES)}:
    a, b, c = (rng.uniform(-1, 1, ${N}).astype(dt) for _ in range(3))
    m = a.reshape(${ROWS}, ${COLS})
    for name, stmt in ${JSON.stringify(CASES.map((c) => [c.name, c.py]))}:
        g = dict(np=np, a=a, b=b, c=c, m=m)
        for clock, timer in (("", time.perf_counter), ("|cpu", time.process_time)):
            t = min(timeit.repeat(stmt, globals=g, number=1, repeat=${REPEAT}, timer=timer))
            out[dt + "|" + name + clock] = t * 1000
print(json.dumps(out))
`;
  const r = spawnSync(python, ["-c", script], { encoding: "utf8", maxBuffer: 1 << 20 });
  if (r.status !== 0) {
    console.log(`NumPy not measured (${python}: ${r.stderr.trim().split("\n").pop() ?? "failed"})`);
    return null;
  }
  return JSON.parse(r.stdout) as Record<string, number>;
}

const ref = numpyTimes();
const rows: string[][] = [
  ["dtype", "op", "Tensorbook ms", "NumPy ms", "ratio", "Tensorbook CPU ms", "NumPy CPU ms", "CPU ratio"],
];
const cols = (ms: number, py: number | undefined): string[] => [
  ms.toFixed(1),
  py === undefined ? "-" : py.toFixed(1),
  py ? `${(ms / py).toFixed(2)}x` : "-",
];
for (const dtype of DTYPES) {
  const make = () =>
    np.array(
      Float64Array.from({ length: N }, () => Math.random() * 2 - 1),
      { dtype },
    );
  const x = { a: make(), b: make(), c: make() } as Record<string, Tensor>;
  x.m = x.a.reshape(ROWS, COLS);
  for (const c of CASES) {
    const t = bestOf(() => c.ts(x));
    const key = `${dtype}|${c.name}`;
    rows.push([dtype, c.name, ...cols(t.wall, ref?.[key]), ...cols(t.cpu, ref?.[`${key}|cpu`])]);
  }
}
const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
for (const r of rows)
  console.log(r.map((v, i) => (i < 2 ? v.padEnd(widths[i]) : v.padStart(widths[i]))).join("  "));
