/**
 * Element-wise ops and reductions on 10**7 elements through the engine (native-cpu kernels,
 * allocation of the result included) against NumPy in the same run, float32 and float64.
 * NumPy is single-threaded here; the addon uses its thread pool (TENSORBOOK_NUM_THREADS).
 */
import { Tensor } from "../../engine/src/core/tensor.js";
import { nativeSoftmax } from "../../engine/src/backends/native/index.js";
import { np } from "tensorbook";
import { bindingOrExit, best, fmt, python, ratio, table } from "./common.js";

const b = bindingOrExit();
const N = 10_000_000;
const ROWS = 10_000;
const COLS = N / ROWS;

type Case = [string, (x: Tensor, y: Tensor) => unknown, string];
const CASES: Case[] = [
  ["add", (x, y) => x.add(y), "x + y"],
  ["mul", (x, y) => x.mul(y), "x * y"],
  ["a*b+c", (x, y) => x.mul(y).add(x), "x * y + x"],
  // One pass and one result; NumPy's peer is the same expression (it reuses its temporary).
  ["mulAdd", (x, y) => np.mulAdd(x, y, x), "x * y + x"],
  ["add row-broadcast", (x) => x, "x2 + row"],
  ["exp", (x) => np.exp(x), "np.exp(x)"],
  ["tanh", (x) => np.tanh(x), "np.tanh(x)"],
  ["sum", (x) => x.sum(), "x.sum()"],
  ["sum axis 0", (x) => x.reshape(ROWS, COLS).sum(0), "x2.sum(0)"],
  ["sum axis 1", (x) => x.reshape(ROWS, COLS).sum(1), "x2.sum(1)"],
  ["max", (x) => x.max(), "x.max()"],
  ["argmax axis 0", (x) => x.reshape(ROWS, COLS).argmax(0), "x2.argmax(0)"],
  ["argmax axis 1", (x) => x.reshape(ROWS, COLS).argmax(1), "x2.argmax(1)"],
  ["softmax rows", (x) => nativeSoftmax(x.reshape(ROWS, COLS)), "sm(x2)"],
];

const ours = new Map<string, number>();
for (const dtype of ["float32", "float64"] as const) {
  const Ctor = dtype === "float32" ? Float32Array : Float64Array;
  const x = Tensor.fromTypedArray(
    new Ctor(N).map(() => Math.random() * 4 - 2),
    [N],
    dtype,
  );
  const y = Tensor.fromTypedArray(
    new Ctor(N).map(() => Math.random() * 4 - 2),
    [N],
    dtype,
  );
  const row = Tensor.fromTypedArray(
    new Ctor(COLS).map(() => Math.random()),
    [COLS],
    dtype,
  );
  for (const [name, fn] of CASES) {
    const f = name === "add row-broadcast" ? () => x.reshape(ROWS, COLS).add(row) : () => fn(x, y);
    ours.set(`${dtype}/${name}`, best(f, 5, 0.3));
  }
}

const py = `
import json, time, numpy as np
N, R, C = ${N}, ${ROWS}, ${COLS}
def sm(a):
    e = np.exp(a - a.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)
out = {}
for d in ["float32", "float64"]:
    x = (np.random.rand(N) * 4 - 2).astype(d); y = (np.random.rand(N) * 4 - 2).astype(d)
    x2 = x.reshape(R, C); y2 = y.reshape(R, C); row = np.random.rand(C).astype(d)
    cases = ${JSON.stringify(CASES.map(([n, , e]) => [n, e]))}
    for name, expr in cases:
        if name == "add row-broadcast": expr = "x2 + row"
        f = eval("lambda: " + expr)
        f()
        best, total, r = 1e9, 0.0, 0
        while r < 5 or total < 0.3:
            t0 = time.perf_counter(); f(); dt = time.perf_counter() - t0
            best = min(best, dt); total += dt; r += 1
        out[d + "/" + name] = best
print(json.dumps(out))`;
const r = python<Record<string, number>>(py);
if (!r.ok) console.log(`NumPy not measured: ${r.why}`);
const npT = r.ok ? r.value : {};

console.log(
  `10**7 elements (${ROWS}x${COLS} for the axis cases); native pool: ${b.cpuInfo().threads} threads, isa ${b.cpuInfo().isa}`,
);
const rows: string[][] = [];
for (const dtype of ["float32", "float64"])
  for (const [name] of CASES) {
    const k = `${dtype}/${name}`;
    const o = ours.get(k);
    const n = npT[k];
    rows.push([dtype, name, fmt(o && o * 1000, 2), fmt(n && n * 1000, 2), ratio(n, o)]);
  }
table(["dtype", "op", "tensorbook ms", "numpy ms", "speed-up vs numpy"], rows);
