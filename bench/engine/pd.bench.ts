// pd on chapter 2's housing.csv (20,640 × 10): readCsv, describe, corr and groupby().mean(),
// Tensorbook against pandas in the same run (best of N on both sides). Target: within 2x.
// Run: npm run bench -- bench/engine/pd.bench.ts
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { datasets, pd } from "tensorbook";

const REPEAT = Number(process.env.BENCH_REPEAT ?? 10);
const path = datasets.datasetPath("housing/housing.csv");
// Read from bytes already in memory on both sides, so neither measures the disk or checksums.
const bytes = readFileSync(path);

interface Case {
  name: string;
  ts: (df: pd.DataFrame) => unknown;
  py: string;
}

const CASES: Case[] = [
  { name: "readCsv(housing.csv)", ts: () => pd.readCsv(bytes), py: "pd.read_csv(io.BytesIO(raw))" },
  { name: "describe()", ts: (df) => df.describe(), py: "df.describe()" },
  { name: "corr(numericOnly)", ts: (df) => df.corr({ numericOnly: true }), py: "df.corr(numeric_only=True)" },
  {
    name: 'groupby("ocean_proximity").mean()',
    ts: (df) => df.groupby("ocean_proximity").mean(),
    py: 'df.groupby("ocean_proximity").mean(numeric_only=True)',
  },
  {
    name: "valueCounts()",
    ts: (df) => df.col("ocean_proximity").valueCounts(),
    py: 'df["ocean_proximity"].value_counts()',
  },
  {
    name: "sortValues(median_income)",
    ts: (df) => df.sortValues("median_income"),
    py: 'df.sort_values("median_income")',
  },
];

function bestOf(fn: () => unknown): number {
  for (let i = 0; i < 3; i++) fn(); // warm-up: lets the JIT compile the loops
  let best = Infinity;
  for (let i = 0; i < REPEAT; i++) {
    const t0 = performance.now();
    fn();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

function pandasTimes(): Record<string, number> | null {
  const python = existsSync("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
  const script = `
import io, json, timeit, warnings
import pandas as pd
warnings.simplefilter("ignore")
raw = open(${JSON.stringify(path)}, "rb").read()
df = pd.read_csv(io.BytesIO(raw))
out = {}
for name, stmt in ${JSON.stringify(CASES.map((c) => [c.name, c.py]))}:
    g = dict(pd=pd, io=io, raw=raw, df=df)
    timeit.repeat(stmt, globals=g, number=1, repeat=3)
    out[name] = min(timeit.repeat(stmt, globals=g, number=1, repeat=${REPEAT})) * 1000
print(json.dumps(out))
`;
  const r = spawnSync(python, ["-c", script], { encoding: "utf8", maxBuffer: 1 << 20 });
  if (r.status !== 0) {
    console.log(`pandas not measured (${python}: ${r.stderr.trim().split("\n").pop() ?? "failed"})`);
    return null;
  }
  return JSON.parse(r.stdout) as Record<string, number>;
}

const ref = pandasTimes();
const df = pd.readCsv(bytes);
const rows: string[][] = [["op", "Tensorbook ms", "pandas ms", "ratio"]];
for (const c of CASES) {
  const ms = bestOf(() => c.ts(df));
  const py = ref?.[c.name];
  rows.push([
    c.name,
    ms.toFixed(2),
    py === undefined ? "-" : py.toFixed(2),
    py === undefined ? "-" : `${(ms / py).toFixed(2)}x`,
  ]);
}
const widths = rows[0].map((_, j) => Math.max(...rows.map((r) => r[j].length)));
for (const r of rows)
  console.log(r.map((c, j) => (j === 0 ? c.padEnd(widths[j]) : c.padStart(widths[j]))).join("  "));
console.log("ratio = Tensorbook / pandas (lower is better; target ≤ 2x)");
