/**
 * np.random throughput: Tensorbook's legacy RandomState against NumPy's, 10**7 draws each,
 * measured in the same run (best of several repeats). Prints times and Tensorbook/NumPy ratios.
 */
import { spawnSync } from "node:child_process";
import { RandomState, defaultRng } from "../../engine/src/random/index.js";

const N = 10_000_000;
const REPEATS = 3;

function best(fn: () => void): number {
  let min = Infinity;
  for (let r = 0; r < REPEATS; r++) {
    const t0 = performance.now();
    fn();
    min = Math.min(min, performance.now() - t0);
  }
  return min / 1000;
}

const rs = new RandomState(42);
const rng = defaultRng(42);
const ours: Record<string, number> = {
  "rand(1e7)": best(() => rs.rand(N)),
  "randn(1e7)": best(() => rs.randn(N)),
  "randint(0,100,1e7)": best(() => rs.randint(0, 100, N)),
  "default_rng.random(1e7)": best(() => rng.random(N)),
};

const py = `
import timeit, json, numpy as np
rs = np.random.RandomState(42); g = np.random.default_rng(42); N = ${N}
t = lambda s: min(timeit.repeat(s, globals=globals(), number=1, repeat=${REPEATS}))
print(json.dumps({"rand(1e7)": t("rs.rand(N)"), "randn(1e7)": t("rs.randn(N)"),
  "randint(0,100,1e7)": t("rs.randint(0, 100, N)"), "default_rng.random(1e7)": t("g.random(N)")}))
`;
const r = spawnSync("/usr/bin/python3", ["-c", py], { encoding: "utf8" });
let numpy: Record<string, number> | null = null;
if (r.status === 0) numpy = JSON.parse(r.stdout) as Record<string, number>;
else console.log(`NumPy not measured (${(r.stderr || String(r.error)).trim().split("\n").pop()})`);

console.log("op                        tensorbook    numpy      ratio");
for (const [name, t] of Object.entries(ours)) {
  const np = numpy?.[name];
  const ratio = np === undefined ? "n/a" : `${(t / np).toFixed(2)}x`;
  console.log(
    `${name.padEnd(26)}${(t * 1000).toFixed(0).padStart(7)} ms ${np === undefined ? "       n/a" : `${(np * 1000).toFixed(0).padStart(7)} ms`}  ${ratio.padStart(7)}`,
  );
}
