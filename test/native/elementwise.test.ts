// Element-wise ops and reductions: the native-cpu kernels against the js kernels on random
// shapes (odd sizes, broadcasting, transposed and strided views, both float dtypes), against
// NumPy fixtures, and under concurrent async calls.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { FloatArray } from "@tensorbook/native";
import { kernelFor } from "../../engine/src/core/registry.js";
import { Tensor } from "../../engine/src/core/tensor.js";
import { NATIVE_BINARY, NATIVE_UNARY, nativeSoftmax } from "../../engine/src/backends/native/index.js";
import type { ElementwiseAttrs } from "../../engine/src/ops/elementwise.js";
import type { ReduceAttrs, ReduceKind } from "../../engine/src/ops/reduce.js";
import { np } from "tensorbook";
import {
  addon,
  assertClose,
  ctorOf,
  fixtures,
  FLOATS,
  forEachIsa,
  needsAddon,
  randomArray,
  rng,
  type FloatCtor,
} from "./helpers.js";

type Dtype = "float32" | "float64";

function tensor(Ctor: FloatCtor, shape: number[], next: () => number, positive = false): Tensor {
  const n = shape.reduce((p, d) => p * d, 1);
  const data = randomArray(Ctor, n, next);
  if (positive) for (let i = 0; i < n; i++) data[i] = Math.abs(data[i]) * 3 + 0.01;
  else for (let i = 0; i < n; i++) data[i] *= 4;
  return Tensor.fromTypedArray(data, shape, Ctor === Float32Array ? "float32" : "float64");
}

// Views that are not contiguous: the transpose, and a strided slice of a bigger tensor.
function variants(t: Tensor, next: () => number): Tensor[] {
  const out = [t];
  if (t.ndim >= 2) out.push(t.T.copy().T); // same values, transposed layout
  const big = tensor(
    t.dtype === "float32" ? Float32Array : Float64Array,
    t.shape.map((d) => d * 2),
    next,
  );
  const strides = big.strides.map((s) => s * 2);
  out.push(big.view(t.shape, strides, big.strides[big.ndim - 1] ?? 0));
  return out;
}

function run<A>(op: string, backend: "js" | "native-cpu", inputs: Tensor[], attrs: A): Tensor {
  const k = kernelFor<A>(op, backend);
  assert.ok(k, `${backend} kernel for ${op}`);
  return k(inputs, attrs);
}

// libmvec's vector functions are within a few ulps of the correctly rounded result, the
// TypeScript kernels use V8's Math (within 1 ulp): compare with a few ulps of slack.
const ulps = (dtype: Dtype): { rtol: number; atol: number } =>
  dtype === "float32" ? { rtol: 4e-7, atol: 1e-7 } : { rtol: 2e-15, atol: 1e-15 };

const shapes: number[][] = [[97], [7, 13], [3, 5, 11], [2, 3, 4, 33]];
// Large enough to be split across the thread pool; run with the best kernel variant only.
const LARGE = [1000, 67];
const shapesFor = (isa: string): number[][] =>
  isa === addon().cpuInfo().bestIsa ? [...shapes, LARGE] : shapes;

describe("native element-wise kernels", needsAddon, () => {
  for (const [dtype, Ctor] of FLOATS) {
    it(`${dtype}: every binary op equals the js kernel, with broadcasting and strided views`, () => {
      const next = rng(10);
      forEachIsa((isa) => {
        for (const shape of shapesFor(isa)) {
          const x = tensor(Ctor, shape, next);
          const yFull = tensor(Ctor, shape, next);
          // y broadcast along the first axis (stride 0) and along the last.
          const yRow = tensor(Ctor, [1, ...shape.slice(1)], next).view(shape, [0, ...contig(shape.slice(1))]);
          const yCol = tensor(Ctor, [...shape.slice(0, -1), 1], next);
          const yColB = yCol.view(shape, [...contig(shape.slice(0, -1)), 0]);
          for (const [op] of Object.entries(NATIVE_BINARY)) {
            for (const xv of variants(x, next)) {
              for (const y of [yFull, yRow, yColB, ...variants(yFull, next).slice(1)]) {
                const attrs: ElementwiseAttrs = { dtype };
                const want = run(op, "js", [xv, y], attrs);
                const got = run(op, "native-cpu", [xv, y], attrs);
                assert.deepEqual(got.shape, want.shape);
                // + - * / max min are exactly rounded in both: bit-identical.
                assert.deepEqual(got.dataSync(), want.dataSync(), `${isa} ${op} ${shape}`);
              }
            }
          }
        }
      });
    });

    it(`${dtype}: every unary op matches the js kernel on contiguous and strided views`, () => {
      const next = rng(11);
      forEachIsa((isa) => {
        for (const shape of shapesFor(isa)) {
          for (const [op] of Object.entries(NATIVE_UNARY)) {
            const positive = ["sqrt", "log", "log1p", "reciprocal"].includes(op);
            const x = tensor(Ctor, shape, next, positive);
            for (const xv of variants(x, next)) {
              const attrs: ElementwiseAttrs = { dtype };
              const want = run(op, "js", [xv], attrs);
              const got = run(op, "native-cpu", [xv], attrs);
              const { rtol, atol } = ulps(dtype);
              assertClose(got.dataSync(), want.dataSync(), rtol * 4, atol, `${isa} ${op} ${shape}`);
            }
          }
        }
      });
    });

    it(`${dtype}: reductions along every axis set match the js kernel`, () => {
      const next = rng(12);
      const kinds: ReduceKind[] = ["sum", "prod", "max", "min"];
      for (const shape of [[97], [7, 13], [3, 5, 11], [4, 3, 5, 7], [300, 400]]) {
        const x = tensor(Ctor, shape, next);
        const small = Tensor.fromTypedArray(
          (x.dataSync() as FloatArray).map((v) => 1 + v / 40),
          shape,
          dtype,
        ); // products of values near 1 stay finite
        const nd = shape.length;
        const axesSets: number[][] = [[...Array(nd).keys()]];
        for (let a = 0; a < nd; a++) axesSets.push([a]);
        if (nd >= 3) axesSets.push([0, nd - 1], [1, 2]);
        for (const axes of axesSets) {
          for (const kind of kinds) {
            const src = kind === "prod" ? small : x;
            for (const xv of variants(src, next)) {
              for (const outType of [dtype, "float64"] as Dtype[]) {
                const attrs: ReduceAttrs = { kind, axes, dtype: outType };
                const want = run("reduce", "js", [xv], attrs);
                const got = run("reduce", "native-cpu", [xv], attrs);
                assert.deepEqual(got.shape, want.shape);
                const exact = kind === "max" || kind === "min";
                const r = outType === "float32" ? 1e-6 : 1e-12;
                assertClose(
                  got.dataSync(),
                  want.dataSync(),
                  exact ? 0 : r,
                  exact ? 0 : r,
                  `${kind} ${axes} of ${shape}`,
                );
              }
            }
          }
          if (axes.length === 1) {
            for (const kind of ["argmax", "argmin"] as ReduceKind[]) {
              const attrs: ReduceAttrs = { kind, axes, dtype: "int32" };
              for (const xv of variants(x, next)) {
                assert.deepEqual(
                  run("reduce", "native-cpu", [xv], attrs).dataSync(),
                  run("reduce", "js", [xv], attrs).dataSync(),
                );
              }
            }
          }
        }
      }
    });
  }

  it("NaN handling follows NumPy: maximum/min/max propagate NaN, fmax ignores it, argmax picks the first NaN", () => {
    const x = np.array(Array.from({ length: 100 }, (_, i) => (i === 37 ? NaN : i % 7)));
    const y = np.zeros([100]);
    assert.ok(Number.isNaN(np.maximum(x, y).item(37) as number));
    assert.ok(Number.isNaN(x.max() as unknown as number) || Number.isNaN(x.max().item() as number));
    assert.equal(np.argmax(x).item(), 37);
  });

  it("vectorized max/min/argmax/argmin: NaNs, infinities and ties anywhere in a run, every ISA", () => {
    // Rows of lengths around the vector widths and unroll factors (16, 64 float32 lanes), with
    // the special values placed in the first block, a later block and the scalar tail.
    const next = rng(11);
    const lengths = [1, 3, 15, 16, 17, 63, 64, 65, 127, 128, 129, 200, 1000];
    const specials: [string, (n: number) => Map<number, number>][] = [
      ["plain", () => new Map()],
      ["NaN first", () => new Map([[0, NaN]])],
      ["NaN middle", (n) => new Map([[Math.floor(n / 2), NaN]])],
      ["NaN last", (n) => new Map([[n - 1, NaN]])],
      ["two NaNs", (n) => new Map([[n - 1, NaN], [Math.floor(n / 3), NaN]])], // prettier-ignore
      ["+inf and -inf", (n) => new Map([[Math.floor(n / 4), Infinity], [n - 1, -Infinity]])], // prettier-ignore
      ["tied extremes", (n) => new Map([[n - 1, 9], [Math.floor(n / 2), 9], [0, -9], [n - 1 - Math.floor(n / 5), -9]])], // prettier-ignore
    ];
    forEachIsa((isa) => {
      for (const [dtype, Ctor] of FLOATS) {
        for (const n of lengths) {
          for (const [label, place] of specials) {
            const data = randomArray(Ctor, 2 * n, next);
            for (const [i, v] of place(n)) data[n + i] = v; // second row only
            const x = Tensor.fromTypedArray(data, [2, n], dtype);
            for (const kind of ["max", "min"] as ReduceKind[]) {
              const attrs: ReduceAttrs = { kind, axes: [1], dtype };
              const got = run("reduce", "native-cpu", [x], attrs).dataSync();
              const want = run("reduce", "js", [x], attrs).dataSync();
              assertClose(got, want, 0, 0, `${isa} ${dtype} ${kind} n=${n} ${label}`);
            }
            for (const kind of ["argmax", "argmin"] as ReduceKind[]) {
              const attrs: ReduceAttrs = { kind, axes: [1], dtype: "int32" };
              assert.deepEqual(
                run("reduce", "native-cpu", [x], attrs).dataSync(),
                run("reduce", "js", [x], attrs).dataSync(),
                `${isa} ${dtype} ${kind} n=${n} ${label}`,
              );
            }
          }
        }
      }
    });
  });

  it("argmax/argmin down the rows (column blocks walked row by row): NaNs, infinities and ties, every ISA", () => {
    const next = rng(13);
    forEachIsa((isa) => {
      for (const [dtype, Ctor] of FLOATS) {
        // Column counts around the 256-column blocks; a middle axis kept after the reduced one.
        for (const shape of [
          [50, 7],
          [33, 257],
          [9, 600],
          [4, 30, 19],
        ]) {
          const n = shape.reduce((p, d) => p * d, 1);
          const cols = n / shape[0];
          // Few distinct values so ties are common.
          const data = randomArray(Ctor, n, next).map((v) => Math.round(v * 4));
          data[0] = NaN; // column 0: a NaN in the first row
          data[5 * cols + 1] = NaN; // column 1: NaNs in rows 5 and 9
          data[9 * cols + 1] = NaN;
          data[(shape[0] - 1) * cols + cols - 1] = NaN; // last column: the last row
          data[3 * cols + 2] = Infinity;
          data[7 * cols + 2] = -Infinity;
          const x = Tensor.fromTypedArray(data, shape, dtype);
          for (const xv of [x, x.get("::-1")]) {
            for (const kind of ["argmax", "argmin"] as ReduceKind[]) {
              const attrs: ReduceAttrs = { kind, axes: [0], dtype: "int32" };
              assert.deepEqual(
                run("reduce", "native-cpu", [xv], attrs).dataSync(),
                run("reduce", "js", [xv], attrs).dataSync(),
                `${isa} ${dtype} ${kind} down ${shape}`,
              );
            }
          }
        }
      }
    });
  });

  it("sums and extremes down the rows of a narrow matrix (row chunks on threads) match the js kernel, for any thread count", () => {
    const b = addon()!;
    const threads = b.cpuInfo().threads;
    const next = rng(91);
    for (const [dtype, Ctor] of FLOATS) {
      // 5,000 rows of 300 columns: one column block, so the rows are split into chunks.
      for (const shape of [
        [5000, 300],
        [2, 2600, 40],
      ]) {
        const n = shape.reduce((p, d) => p * d, 1);
        const data = randomArray(Ctor, n, next);
        data[shape.at(-1)! * 1234 + 7] = NaN; // a NaN in a middle chunk wins its column's max
        const x = Tensor.fromTypedArray(data, shape, dtype);
        const axes = [shape.length - 2];
        for (const kind of ["sum", "max", "min"] as ReduceKind[]) {
          const attrs: ReduceAttrs = { kind, axes, dtype };
          const want = run("reduce", "js", [x], attrs).dataSync();
          let one: ArrayLike<number>, all: ArrayLike<number>;
          try {
            b.setThreads(1);
            one = run("reduce", "native-cpu", [x], attrs).dataSync();
            b.setThreads(Math.max(2, threads));
            all = run("reduce", "native-cpu", [x], attrs).dataSync();
          } finally {
            b.setThreads(threads);
          }
          const what = `${dtype} ${kind} over axis ${axes[0]} of [${shape}]`;
          assert.deepEqual(Array.from(one), Array.from(all), `${what}: 1 thread vs ${Math.max(2, threads)}`);
          assertClose(
            all,
            want,
            kind === "sum" ? (dtype === "float32" ? 1e-6 : 1e-13) : 0,
            kind === "sum" ? 1e-9 : 0,
            what,
          );
          if (kind === "max") assert.ok(Number.isNaN(all[7]), `${what}: the NaN column`);
          if (kind === "sum" && dtype === "float64" && shape.length === 2) {
            // The documented order: chunks of 1,024 rows, each summed in row order, then added.
            const [rows, cols] = shape;
            for (const j of [0, 150, cols - 1]) {
              let total = 0;
              for (let c0 = 0; c0 < rows; c0 += 1024) {
                let part = 0;
                for (let r = c0; r < Math.min(rows, c0 + 1024); r++) part += data[r * cols + j];
                total = c0 === 0 ? part : total + part;
              }
              assert.equal(all[j], total, `${what}: column ${j} in chunk order`);
            }
          }
        }
      }
    }
  });

  it("unary kernels read broadcast (stride 0) and transposed inputs, not just contiguous runs", () => {
    for (const dtype of ["float32", "float64"] as const) {
      const scalar = np.broadcastTo(np.array(2, { dtype }), [300]);
      for (const op of ["neg", "abs", "sqrt", "exp"] as const) {
        const viaNative = run(op, "native-cpu", [scalar], { dtype }).dataSync();
        const viaJs = run(op, "js", [scalar], { dtype }).dataSync();
        // exp comes from libmvec, within an ulp of the correctly rounded value.
        viaNative.forEach((v, i) =>
          assert.ok(
            Math.abs(v - viaJs[i]) <= 1e-6 * Math.abs(viaJs[i]),
            `${op} of a broadcast ${dtype} scalar [${i}]: ${v}`,
          ),
        );
      }
      const t = np.arange(600).astype(dtype).reshape(20, 30).T;
      assert.deepEqual(
        run("sqrt", "native-cpu", [t], { dtype }).toArray(),
        run("sqrt", "js", [t], { dtype }).toArray(),
      );
    }
  });

  it("engine ops run on native-cpu for floats and fall through to js for integers", () => {
    const a = np.arange(200).astype("float32");
    assert.equal(a.add(a).dtype, "float32");
    const ints = np.arange(200);
    assert.equal(ints.add(ints).item(5), 10);
    assert.equal(ints.add(ints).dtype, ints.dtype);
    assert.equal(a.mul(2).sum().item(), 39800);
  });

  it("matches NumPy (fixtures): binary with broadcasting, unary, reductions, softmax", () => {
    const b = addon();
    for (const c of [
      ...fixtures("binary"),
      ...fixtures("unary"),
      ...fixtures("reduce"),
      ...fixtures("softmax"),
    ]) {
      const Ctor = ctorOf(c.dtype);
      const x = c.inputs.x;
      const xd = Ctor.from(x.data);
      const expect = c.expect.out;
      const n = expect.data.length;
      const p = c.params as { op: string; kind: string; axes: number[]; log: boolean };
      let out: FloatArray | Int32Array;
      if (c.kind === "binary") {
        const y = c.inputs.y;
        const shape = expect.shape;
        const bstr = (s: number[]): number[] => {
          const st = contig(s);
          return shape.map((d, i) => {
            const j = i - (shape.length - s.length);
            return j < 0 || s[j] === 1 ? 0 : st[j];
          });
        };
        out = new Ctor(n);
        b.binary(p.op, out, xd, 0, bstr(x.shape), Ctor.from(y.data), 0, bstr(y.shape), shape);
      } else if (c.kind === "unary") {
        out = new Ctor(n);
        b.unary(p.op, out, xd, 0, contig(x.shape), x.shape);
      } else if (c.kind === "reduce") {
        out = p.kind.startsWith("arg") ? new Int32Array(n) : new Ctor(n);
        b.reduce(p.kind, out, xd, 0, x.shape, contig(x.shape), p.axes);
      } else {
        out = new Ctor(n);
        b.softmax(out, xd, 0, x.shape[0], x.shape[1], p.log);
      }
      const f32 = c.dtype === "float32";
      const loose = c.kind === "unary" || c.kind === "softmax" || p.kind === "prod" || p.kind === "sum";
      assertClose(out, expect.data, f32 ? (loose ? 1e-6 : 0) : loose ? 1e-14 : 0, f32 ? 1e-6 : 1e-14, c.name);
    }
  });

  it("softmax and a*b+c through the engine helpers", () => {
    const next = rng(13);
    for (const [dtype, Ctor] of FLOATS) {
      const x = tensor(Ctor, [37, 129], next);
      const p = nativeSoftmax(x);
      const lp = nativeSoftmax(x, { log: true });
      assert.ok(p && lp);
      const rows = p.sum(1).dataSync();
      assertClose(rows, new Array(37).fill(1), 1e-6, 1e-6, `${dtype} softmax rows sum to 1`);
      assertClose(
        lp.dataSync(),
        (p.dataSync() as FloatArray).map(Math.log),
        dtype === "float32" ? 1e-5 : 1e-12,
        1e-6,
        "log softmax",
      );
      const a = tensor(Ctor, [50, 40], next),
        bb = tensor(Ctor, [40], next),
        cc = tensor(Ctor, [50, 1], next);
      const fused = np.mulAdd(a.T.copy().T, bb, cc);
      assert.deepEqual(
        fused.dataSync(),
        a.mul(bb).add(cc).dataSync(),
        `${dtype} a*b+c rounds like the unfused expression`,
      );
    }
  });

  it("the softmax op's native kernel matches the js kernel (both forms, sliced rows)", () => {
    const next = rng(15);
    for (const [dtype, Ctor] of FLOATS) {
      for (const shape of [[37, 129], [5, 3, 10], [300]]) {
        const big = tensor(Ctor, [shape[0] + 2, ...shape.slice(1)], next);
        const x = shape.length === 1 ? tensor(Ctor, shape, next) : big.get("1:-1"); // an offset view
        for (const log of [false, true]) {
          const want = run("softmax", "js", [x], { log }).dataSync();
          const got = run("softmax", "native-cpu", [x], { log }).dataSync();
          assertClose(got, want, dtype === "float32" ? 2e-6 : 1e-13, 1e-7, `${dtype} ${shape} log=${log}`);
        }
      }
    }
  });

  it("is safe under many concurrent async calls (results equal the synchronous ones)", async () => {
    const b = addon();
    const next = rng(14);
    const n = 300_000;
    const x = randomArray(Float64Array, n, next);
    const y = randomArray(Float64Array, n, next);
    const jobs = Array.from({ length: 16 }, (_, i) => {
      const out = new Float64Array(n);
      const done =
        i % 3 === 0
          ? b.unaryAsync("exp", out, x, 0, [1], [n])
          : i % 3 === 1
            ? b.binaryAsync("mul", out, x, 0, [1], y, 0, [1], [n])
            : b.reduceAsync("sum", out.subarray(0, 1), x, 0, [n], [1], [0]);
      return { i, out, done };
    });
    const refExp = new Float64Array(n),
      refMul = new Float64Array(n),
      refSum = new Float64Array(1);
    b.unary("exp", refExp, x, 0, [1], [n]);
    b.binary("mul", refMul, x, 0, [1], y, 0, [1], [n]);
    b.reduce("sum", refSum, x, 0, [n], [1], [0]);
    for (const j of jobs) {
      assert.equal(await j.done, true);
      if (j.i % 3 === 0) assert.deepEqual(j.out, refExp);
      else if (j.i % 3 === 1) assert.deepEqual(j.out, refMul);
      else assert.equal(j.out[0], refSum[0]);
    }
  });

  it("rejects out-of-bounds views and unknown ops", () => {
    const b = addon();
    const x = new Float32Array(10),
      out = new Float32Array(10);
    assert.throws(() => b.unary("exp", out, x, 1, [1], [10]), RangeError);
    assert.throws(() => b.unary("exp", out, x, 0, [2], [10]), RangeError);
    assert.throws(() => b.unary("nope", out, x, 0, [1], [10]), TypeError);
    assert.throws(() => b.binary("add", out, x, 0, [1], new Float64Array(10), 0, [1], [10]), TypeError);
    assert.throws(() => b.reduce("sum", new Float32Array(1), x, 0, [10], [1], [1]), RangeError);
  });
});

function contig(shape: readonly number[]): number[] {
  const st = new Array<number>(shape.length);
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    st[i] = s;
    s *= shape[i];
  }
  return st;
}
