// GEMM: every kernel variant against a float64 reference on odd sizes, transposed and sliced
// operands, batches and alpha/beta; NumPy fixtures; bounds checks; async runs and cancelling.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { FloatArray } from "@tensorbook/native";
import { nativeGemm, nativeMatmul } from "../../engine/src/backends/native/index.js";
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
  tol,
  type FloatCtor,
} from "./helpers.js";

interface Mat {
  data: FloatArray;
  off: number;
  rs: number;
  cs: number;
}

// C = alpha·A·B + beta·C in float64, reading every operand through its strides.
function reference(
  m: number,
  n: number,
  k: number,
  A: Mat,
  B: Mat,
  C: Mat,
  alpha: number,
  beta: number,
): number[] {
  const out: number[] = [];
  for (let i = 0; i < m; i++)
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let p = 0; p < k; p++)
        s += A.data[A.off + i * A.rs + p * A.cs] * B.data[B.off + p * B.rs + j * B.cs];
      const c = C.data[C.off + i * C.rs + j * C.cs];
      out.push(alpha * s + (beta === 0 ? 0 : beta * c));
    }
  return out;
}

function readC(m: number, n: number, C: Mat): number[] {
  const out: number[] = [];
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) out.push(C.data[C.off + i * C.rs + j * C.cs]);
  return out;
}

// A matrix stored in a bigger array: transposed or not, with a padded row stride and an offset,
// so that packing must honour every stride.
function layout(Ctor: FloatCtor, rows: number, cols: number, trans: boolean, next: () => number): Mat {
  const pad = Math.floor(next() * 3);
  const off = Math.floor(next() * 5);
  const ld = (trans ? rows : cols) + pad;
  const data = randomArray(Ctor, off + ld * (trans ? cols : rows), next);
  return trans ? { data, off, rs: 1, cs: ld } : { data, off, rs: ld, cs: 1 };
}

/** C ← alpha·A·B + beta·C through the addon; `packA` sends A through the pre-packed entry. */
function run(
  A: Mat,
  B: Mat,
  C: Mat,
  m: number,
  n: number,
  k: number,
  alpha: number,
  beta: number,
  packA = false,
): void {
  addon().gemm(
    A.data,
    A.off,
    A.rs,
    A.cs,
    B.data,
    B.off,
    B.rs,
    B.cs,
    C.data,
    C.off,
    C.rs,
    C.cs,
    m,
    n,
    k,
    alpha,
    beta,
    1,
    0,
    0,
    0,
    undefined,
    packA,
  );
}

describe("native gemm", needsAddon, () => {
  for (const [dtype, Ctor] of FLOATS) {
    it(`${dtype}: random odd shapes, transposes, strides, alpha/beta, every ISA`, () => {
      const next = rng(dtype === "float32" ? 1 : 2);
      const shapes = [
        [1, 1, 1],
        [3, 5, 7],
        [13, 31, 17],
        [33, 65, 5],
        [70, 45, 300],
        [129, 97, 40],
        [12, 32, 0],
        // Few rows, several depth blocks: B is read in place (a row-major B) or packed.
        [40, 200, 700],
      ];
      forEachIsa((isa) => {
        for (const [m, n, k] of shapes) {
          for (const [ta, tb] of [
            [false, false],
            [true, false],
            [false, true],
            [true, true],
          ]) {
            const A = layout(Ctor, m, k, ta, next);
            const B = layout(Ctor, k, n, tb, next);
            const C = layout(Ctor, m, n, next() < 0.3, next);
            const alpha = next() < 0.5 ? 1 : 0.75;
            const beta = [0, 1, -0.5][Math.floor(next() * 3)];
            const want = reference(m, n, k, A, B, C, alpha, beta);
            run(A, B, C, m, n, k, alpha, beta);
            const { rtol, atol } = tol(dtype);
            assertClose(
              readC(m, n, C),
              want,
              rtol * 10,
              atol * Math.max(1, k / 10),
              `${isa} ${m}x${n}x${k} tA=${ta} tB=${tb}`,
            );
          }
        }
      });
    });

    it(`${dtype}: edge tiles — m, n and k swept over 1..40, every ISA, nothing outside C's view written`, () => {
      const next = rng(dtype === "float32" ? 11 : 12);
      // [m, n, k, transA, transB]: row-major A is read in place (whole 12- or 6-row panels, the
      // ragged last one packed), transposed A is packed; row-major B with few rows is read in
      // place (its ragged last panel packed narrow), otherwise B is packed. The sweeps cross
      // every edge width (half vector, one vector, two) and every row remainder.
      const cases: [number, number, number, boolean, boolean][] = [];
      for (let s = 1; s <= 40; s++) {
        const t = s % 4;
        cases.push([s, 37, 19, t === 1 || t === 3, t >= 2]);
        cases.push([26, s, 23, t === 2 || t === 3, t === 1 || t === 3]);
        cases.push([13, 45, s, t >= 2, t === 1 || t === 3]);
      }
      // Tall products (B packed even when row-major) with ragged column panels.
      for (const n of [1, 4, 5, 8, 9, 15, 16, 17, 31, 33, 40]) cases.push([400, n, 9, false, false]);
      forEachIsa((isa) => {
        for (const [m, n, k, ta, tb] of cases) {
          const A = layout(Ctor, m, k, ta, next);
          const B = layout(Ctor, k, n, tb, next);
          // C with a padded row stride and 40 spare elements after its last row.
          const cOff = Math.floor(next() * 5),
            cRs = n + Math.floor(next() * 3);
          const C: Mat = { data: randomArray(Ctor, cOff + cRs * m + 40, next), off: cOff, rs: cRs, cs: 1 };
          const beta = next() < 0.5 ? 0 : 0.5;
          // beta = 0 never reads C: NaNs there must not leak into the result.
          for (let i = 0; i < m; i++)
            for (let j = 0; j < n; j++) if (beta === 0) C.data[C.off + i * C.rs + j] = NaN;
          const before = Float64Array.from(C.data);
          const want = reference(m, n, k, A, B, C, 1, beta);
          run(A, B, C, m, n, k, 1, beta);
          const what = `${isa} ${m}x${n}x${k} tA=${ta} tB=${tb} beta=${beta}`;
          const { rtol, atol } = tol(dtype);
          assertClose(readC(m, n, C), want, rtol * 10, atol * Math.max(1, k / 10), what);
          for (let e = 0; e < before.length; e++) {
            const r = Math.floor((e - C.off) / C.rs),
              col = e - C.off - r * C.rs;
            const inside = e >= C.off && r < m && col < n;
            if (!inside && !Object.is(C.data[e], before[e]))
              assert.fail(`${what}: wrote element ${e} outside C`);
          }
        }
        // A row stride of 1024 float32s (4 KiB): the kernels pack A rather than read it in
        // place (its rows would share L1 sets), with the same answer.
        const m = 30,
          n = 20,
          k = 1024;
        const A: Mat = { data: randomArray(Ctor, m * k, next), off: 0, rs: k, cs: 1 };
        const B = layout(Ctor, k, n, false, next);
        const C: Mat = { data: new Ctor(m * n), off: 0, rs: n, cs: 1 };
        const want = reference(m, n, k, A, B, C, 1, 0);
        run(A, B, C, m, n, k, 1, 0);
        const { rtol, atol } = tol(dtype);
        assertClose(readC(m, n, C), want, rtol * 10, atol * 100, `${isa} 4 KiB row stride`);
      });
    });

    it(`${dtype}: large blocked product (crosses every cache block) on every ISA`, () => {
      const next = rng(3);
      const m = 301,
        n = 517,
        k = 800;
      const A = layout(Ctor, m, k, false, next);
      const B = layout(Ctor, k, n, true, next);
      forEachIsa((isa) => {
        const C = { data: new Ctor(m * n), off: 0, rs: n, cs: 1 };
        run(A, B, C, m, n, k, 1, 0);
        // Check a sample of entries against the reference (the full one is slow in JS).
        for (let s = 0; s < 200; s++) {
          const i = Math.floor(next() * m),
            j = Math.floor(next() * n);
          let ref = 0;
          for (let p = 0; p < k; p++) ref += A.data[A.off + i * A.rs + p] * B.data[B.off + p + j * B.cs];
          const got = C.data[i * n + j];
          assert.ok(
            Math.abs(got - ref) <= (dtype === "float32" ? 1e-3 : 1e-11),
            `${isa} (${i},${j}): ${got} vs ${ref}`,
          );
        }
      });
    });

    it(`${dtype}: batched with broadcast (stride 0) and per-matrix operands`, () => {
      const next = rng(4);
      const batch = 5,
        m = 9,
        n = 11,
        k = 6;
      const A = randomArray(Ctor, batch * m * k, next);
      const B = randomArray(Ctor, k * n, next); // one B for the whole batch
      const C = new Ctor(batch * m * n);
      addon().gemm(A, 0, k, 1, B, 0, n, 1, C, 0, n, 1, m, n, k, 1, 0, batch, m * k, 0, m * n);
      for (let b = 0; b < batch; b++) {
        const want = reference(
          m,
          n,
          k,
          { data: A, off: b * m * k, rs: k, cs: 1 },
          { data: B, off: 0, rs: n, cs: 1 },
          { data: C, off: 0, rs: n, cs: 1 },
          1,
          0,
        );
        const { rtol, atol } = tol(dtype);
        assertClose(C.subarray(b * m * n, (b + 1) * m * n), want, rtol, atol, `batch ${b}`);
      }
    });
  }

  it("matches NumPy's products (fixtures)", () => {
    for (const c of fixtures("gemm")) {
      const Ctor = ctorOf(c.dtype);
      const p = c.params as {
        m: number;
        n: number;
        k: number;
        transA: boolean;
        transB: boolean;
        alpha: number;
        beta: number;
      };
      const A = Ctor.from(c.inputs.a.data),
        B = Ctor.from(c.inputs.b.data),
        C = Ctor.from(c.inputs.c.data);
      const ok = nativeGemm(
        p.transA,
        p.transB,
        p.m,
        p.n,
        p.k,
        p.alpha,
        A,
        c.inputs.a.shape[1],
        B,
        c.inputs.b.shape[1],
        p.beta,
        C,
        p.n,
      );
      assert.equal(ok, true);
      const { rtol, atol } = tol(c.dtype);
      assertClose(C, c.expect.c.data, rtol * 5, atol * 5, c.name);
    }
  });

  it("nativeGemm declines mixed dtypes; nativeMatmul multiplies tensors and transposed views", () => {
    assert.equal(
      nativeGemm(
        false,
        false,
        1,
        1,
        1,
        1,
        new Float32Array(1),
        1,
        new Float64Array(1),
        1,
        0,
        new Float64Array(1),
        1,
      ),
      false,
    );
    const a = np.arange(12).reshape(3, 4).astype("float64");
    const b = np.arange(20).reshape(5, 4).astype("float64").T;
    const c = nativeMatmul(a, b);
    assert.ok(c);
    assert.deepEqual(c.shape, [3, 5]);
    const want = [
      [14, 38, 62, 86, 110],
      [38, 126, 214, 302, 390],
      [62, 214, 366, 518, 670],
    ];
    assert.deepEqual(c.toArray(), want);
    const batched = nativeMatmul(
      np.ones([2, 3, 2, 4]).astype("float32"),
      np.ones([2, 3, 4, 3]).astype("float32"),
    );
    assert.deepEqual(batched?.shape, [2, 3, 2, 3]);
    assert.ok((batched?.dataSync() as Float32Array).every((v) => v === 4));
  });

  it("rejects views that reach outside their arrays and wrong array types", () => {
    const b = addon();
    const a = new Float64Array(4),
      c = new Float64Array(4);
    assert.throws(() => b.gemm(a, 0, 2, 1, a, 0, 2, 1, c, 0, 2, 1, 3, 2, 2, 1, 0, 1, 0, 0, 0), RangeError);
    assert.throws(() => b.gemm(a, 1, 2, 1, a, 0, 2, 1, c, 0, 2, 1, 2, 2, 2, 1, 0, 1, 0, 0, 0), RangeError);
    assert.throws(() => b.gemm(a, -1, 2, 1, a, 0, 2, 1, c, 0, 2, 1, 2, 2, 2, 1, 0, 1, 0, 0, 0), RangeError);
    assert.throws(
      () => b.gemm(new Float32Array(4), 0, 2, 1, a, 0, 2, 1, c, 0, 2, 1, 2, 2, 2, 1, 0, 1, 0, 0, 0),
      TypeError,
    );
  });

  it("runs async off the event loop, concurrently, and stops when cancelled", async () => {
    const b = addon();
    const n = 200;
    const next = rng(5);
    const jobs = Array.from({ length: 6 }, (_, i) => {
      const Ctor = i % 2 ? Float32Array : Float64Array;
      const A = randomArray(Ctor, n * n, next),
        B = randomArray(Ctor, n * n, next),
        C = new Ctor(n * n);
      return { A, B, C, done: b.gemmAsync(A, 0, n, 1, B, 0, n, 1, C, 0, n, 1, n, n, n, 1, 0, 1, 0, 0, 0) };
    });
    // The event loop keeps turning while they run, and each result equals the synchronous one.
    await new Promise((r) => setImmediate(r));
    for (const j of jobs) {
      assert.equal(await j.done, true);
      const sync = new (j.C.constructor as FloatCtor)(n * n);
      b.gemm(j.A, 0, n, 1, j.B, 0, n, 1, sync, 0, n, 1, n, n, n, 1, 0, 1, 0, 0, 0);
      assert.deepEqual(j.C, sync);
    }
    // A flag set before the run stops it at the first block check.
    const big = 1500;
    const A = new Float32Array(big * big),
      C = new Float32Array(big * big);
    const cancel = new Int32Array(1);
    cancel[0] = 1;
    assert.equal(
      await b.gemmAsync(A, 0, big, 1, A, 0, big, 1, C, 0, big, 1, big, big, big, 1, 0, 1, 0, 0, 0, cancel),
      false,
    );
    // And one set while it runs stops it too (or it finished first: both are fine, no crash).
    cancel[0] = 0;
    const running = b.gemmAsync(
      A,
      0,
      big,
      1,
      A,
      0,
      big,
      1,
      C,
      0,
      big,
      1,
      big,
      big,
      big,
      1,
      0,
      1,
      0,
      0,
      0,
      cancel,
    );
    cancel[0] = 1;
    assert.equal(typeof (await running), "boolean");
  });

  it("gives the same answer with 1 thread and with the whole pool", () => {
    const b = addon();
    const threads = b.cpuInfo().threads;
    const next = rng(6);
    const m = 150,
      n = 170,
      k = 190;
    const A = randomArray(Float64Array, m * k, next),
      B = randomArray(Float64Array, k * n, next);
    const one = new Float64Array(m * n),
      all = new Float64Array(m * n);
    try {
      b.setThreads(1);
      b.gemm(A, 0, k, 1, B, 0, n, 1, one, 0, n, 1, m, n, k, 1, 0, 1, 0, 0, 0);
      b.setThreads(Math.max(2, threads));
      b.gemm(A, 0, k, 1, B, 0, n, 1, all, 0, n, 1, m, n, k, 1, 0, 1, 0, 0, 0);
    } finally {
      b.setThreads(threads);
    }
    assert.deepEqual(one, all);
  });

  // The pre-packed entry (GemmArgs::pack_a, which the convolution's dW gathers into): A goes
  // through a packer instead of being read, with panels, edge rows and depth blocks as usual.
  for (const [dtype, Ctor] of FLOATS)
    it(`${dtype}: A through the pre-packed entry — edge sizes, every ISA, 1 thread and the pool`, () => {
      const b = addon();
      const threads = b.cpuInfo().threads;
      const next = rng(dtype === "float32" ? 31 : 32);
      // Rows across every remainder of the 12/6/4-row panels (an 8-row edge at 128), columns
      // across the edge widths, depths across several blocks; tall ones split over threads.
      const shapes: [number, number, number][] = [
        [1, 1, 1],
        [5, 3, 2],
        [13, 17, 9],
        [128, 64, 700],
        [64, 33, 1000],
        [35, 256, 81],
        [800, 40, 50],
        [12, 32, 0],
      ];
      for (let s = 1; s <= 26; s++) shapes.push([s, 19, 37]);
      forEachIsa((isa) => {
        for (const [m, n, k] of shapes)
          for (const ta of [true, false]) {
            // Transposed A (contiguous columns: the dW case) or row-major (the strided packer).
            const A = layout(Ctor, m, k, ta, next);
            const B = layout(Ctor, k, n, next() < 0.3, next);
            const beta = next() < 0.5 ? 0 : 0.5;
            const C0 = randomArray(Ctor, m * n, next);
            const mk = (): Mat => ({ data: Ctor.from(C0), off: 0, rs: n, cs: 1 });
            const what = `${isa} ${m}x${n}x${k} tA=${ta} beta=${beta}`;
            const want = reference(m, n, k, A, B, mk(), 1, beta);
            const runs = [1, Math.max(2, threads)].map((t) => {
              const C = mk();
              try {
                b.setThreads(t);
                run(A, B, C, m, n, k, 1, beta, true);
              } finally {
                b.setThreads(threads);
              }
              return C.data;
            });
            const { rtol, atol } = tol(dtype);
            assertClose(runs[0], want, rtol * 10, atol * Math.max(1, k / 10), what);
            // Rows are split between threads, never the depth: identical bits.
            assert.deepEqual(runs[1], runs[0], `${what}: 1 thread vs the pool`);
            if (ta) {
              // A transposed is packed by the ordinary path too: the same panels, the same bits.
              const C = mk();
              run(A, B, C, m, n, k, 1, beta);
              assert.deepEqual(runs[0], C.data, `${what}: packer vs ordinary packing`);
            }
          }
      });
      assert.throws(
        () =>
          b.gemm(
            new Ctor(4),
            0,
            2,
            1,
            new Ctor(4),
            0,
            2,
            1,
            new Ctor(8),
            0,
            2,
            1,
            2,
            2,
            2,
            1,
            0,
            2,
            0,
            0,
            4,
            undefined,
            true,
          ),
        /batch 1/,
      );
    });
});
