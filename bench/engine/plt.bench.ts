// The 70,000-point scatter (MNIST-sized, e.g. a t-SNE map coloured by class): time to build the
// spec (which rasterises the points) and to render the SVG and PNG, next to matplotlib drawing the
// same scatter to PNG when Python with matplotlib is installed.
import { spawnSync } from "node:child_process";
import { plt } from "tensorbook";

const n = 70000;
let s = 42;
const rand = (): number => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0), s / 4294967296);
const x = Float64Array.from({ length: n }, () => rand() * 10);
const y = Float64Array.from({ length: n }, (_, i) => Math.sin(x[i]) + rand());
const c = Float64Array.from({ length: n }, (_, i) => i % 10);

function time(label: string, f: () => unknown, reps = 3): number {
  f();
  const t0 = performance.now();
  for (let i = 0; i < reps; i++) f();
  const ms = (performance.now() - t0) / reps;
  console.log(`${label.padEnd(40)} ${ms.toFixed(1)} ms`);
  return ms;
}

plt.figure({ figsize: [8, 6] });
plt.scatter(x, y, { c, cmap: "jet", s: 4, alpha: 0.5 });
plt.colorbar();
const fig = plt.gcf();
time("spec (rasterise 70k points)", () => fig.toSpec());
time("spec + SVG", () => fig.toSVG());
const tsPng = time("spec + SVG + PNG (144 dpi)", () => fig.toPNG());
console.log(`spec size: ${(JSON.stringify(fig.toSpec()).length / 1024).toFixed(0)} kB`);

const py = `
import time, numpy as np, io
import matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
r = np.random.RandomState(42); x = r.rand(${n}) * 10; y = np.sin(x) + r.rand(${n}); c = np.arange(${n}) % 10
def draw():
    fig = plt.figure(figsize=(8, 6)); plt.scatter(x, y, c=c, cmap="jet", s=4, alpha=0.5); plt.colorbar()
    fig.savefig(io.BytesIO(), format="png", dpi=144); plt.close(fig)
draw(); t = time.perf_counter()
for _ in range(3): draw()
print((time.perf_counter() - t) / 3 * 1000)
`;
const r = spawnSync("/usr/bin/python3", ["-c", py], { encoding: "utf8" });
if (r.status === 0) {
  const ms = Number(r.stdout.trim());
  console.log(
    `${"matplotlib (Agg) to PNG".padEnd(40)} ${ms.toFixed(1)} ms   ratio tensorbook/matplotlib: ${(tsPng / ms).toFixed(2)}`,
  );
} else console.log("matplotlib not available: no comparison");
