import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { np } from "tensorbook";
import { reduceLoop } from "../../../../../engine/src/backends/js/reduce-loops.js";
import { wasmReduce } from "../../../../../engine/src/backends/js/wasm/reduce-driver.js";
import {
  CHUNK_BYTES,
  setSimdKernelsEnabled,
  simdKernels,
} from "../../../../../engine/src/backends/js/wasm/module.js";
import type { ReduceKind } from "../../../../../engine/src/ops/reduce.js";
import { fill, onJsBackend, sameBits } from "./helpers.js";

const available = simdKernels() !== null;
const never = (v: number): never => {
  throw new Error(`overflow ${v}`);
};

// Runs one reduction both ways over data[off …] as [outer][B][M] and compares bit for bit.
function check(
  kind: ReduceKind,
  data: Float64Array | Float32Array,
  off: number,
  outer: number,
  B: number,
  M: number,
): void {
  const outDType = kind.startsWith("arg") ? "int32" : data instanceof Float64Array ? "float64" : "float32";
  const make = (): Float64Array | Float32Array | Int32Array =>
    outDType === "int32"
      ? new Int32Array(outer * M)
      : outDType === "float64"
        ? new Float64Array(outer * M)
        : new Float32Array(outer * M);
  const want = make();
  const got = make();
  reduceLoop(kind, data, outDType)(data, off, outer, B, M, want, never);
  assert.ok(wasmReduce(kind, data, off, outer, B, M, got), `${kind} declined`);
  for (let i = 0; i < want.length; i++) {
    if (!sameBits(got[i], want[i])) {
      assert.fail(
        `${kind} ${data.constructor.name} off=${off} [${outer}][${B}][${M}] at ${i}: ${got[i]} ≠ ${want[i]}`,
      );
    }
  }
}

const ARRAYS = [Float64Array, Float32Array] as const;
// Elements per chunk of float64 (C) and float32 (2C) data.
const C = CHUNK_BYTES / 8;

describe("wasm reduction kernels", { skip: !available && "WebAssembly SIMD unavailable or disabled" }, () => {
  for (const Arr of ARRAYS) {
    const name = Arr.name;

    it(`${name} sums over the last axis keep the pairwise order exactly`, () => {
      // Rows shorter than a leaf, leaf-sized, odd, and longer than a chunk.
      const shapes: [number, number][] = [
        [1024, 1],
        [300, 7],
        [200, 8],
        [60, 9],
        [20, 127],
        [20, 128],
        [20, 129],
        [13, 1000],
        [1, C + 5],
        [2, 2 * C + 11],
        [1, 6 * C + 3],
      ];
      for (const [outer, B] of shapes) {
        for (const off of [0, 1, 3]) {
          const data = Arr.from(fill(outer * B + off, outer * B + off));
          check("sum", data, off, outer, B, 1);
        }
      }
    });

    it(`${name} column sums match the JS loop, four-row groups included`, () => {
      // Row counts around the groups of four; widths odd, one lane short, and wider than a tile.
      const shapes: [number, number, number][] = [
        [1, 1025, 3],
        [1, 130, 17],
        [2, 33, 64],
        [1, 7, 1001],
        [1, 45, 5003],
        [1, 10, C / 2 + 11],
      ];
      for (const [outer, B, M] of shapes) {
        for (const off of [0, 1]) {
          const data = Arr.from(fill(outer * B * M + off, B * M));
          check("sum", data, off, outer, B, M);
        }
      }
    });

    for (const kind of ["max", "min", "argmax", "argmin"] as const) {
      it(`${name} ${kind} over the last axis: first extreme, first NaN, signed zeros`, () => {
        for (const [outer, B] of [
          [300, 7],
          [64, 33],
          [12, 1000],
          [1, C + 8],
          [1, 2 * C + 3],
        ] as const) {
          for (const off of [0, 2]) {
            const n = outer * B + off;
            // Few distinct values so ties are common.
            const data = Arr.from(fill(n, n).map((x) => Math.round(x * 8)));
            check(kind, data, off, outer, B, 1);
            // NaNs: two in the first row, one late in the last row (past a chunk for long rows).
            data[off + 3] = NaN;
            data[off + 5] = NaN;
            data[off + (outer - 1) * B + B - 2] = NaN;
            check(kind, data, off, outer, B, 1);
            // Finite values whose running sums overflow, and one infinity among numbers: the
            // kernels' all-finite shortcut must hand these rows to the exact pass.
            const big = data instanceof Float32Array ? 3e38 : 1.7e308;
            for (let i = off; i < n; i++) data[i] = big * (((i * 7) % 5) - 2) * 0.5;
            check(kind, data, off, outer, B, 1);
            data[off + (outer - 1) * B + (B >> 1)] = kind.endsWith("max") ? Infinity : -Infinity;
            check(kind, data, off, outer, B, 1);
            // Zeros of both signs as the extreme, infinities everywhere.
            data.fill(-0);
            for (let i = off; i < n; i += 3) data[i] = 0;
            check(kind, data, off, outer, B, 1);
            data.fill(kind.endsWith("max") ? -Infinity : Infinity);
            check(kind, data, off, outer, B, 1);
          }
        }
      });
    }
  }

  for (const Arr of ARRAYS) {
    for (const kind of ["max", "min", "argmax", "argmin"] as const) {
      it(`${Arr.name} ${kind} down columns: first extreme, first NaN per column, odd widths and tiles`, () => {
        // Widths below a vector, odd, and wider than a tile (C/2 float64, C float32 columns).
        for (const [outer, B, M] of [
          [1, 600, 3],
          [3, 41, 17],
          [1, 9, 1001],
          [2, 70, 250],
          [1, 3, C + 7],
        ] as const) {
          for (const off of [0, 1]) {
            const n = outer * B * M + off;
            const data = Arr.from(fill(n, n).map((x) => Math.round(x * 8)));
            check(kind, data, off, outer, B, M);
            // NaNs: late in column 0, early and late in the last column, first row of column 1.
            data[off + (B - 1) * M] = NaN;
            data[off + 2 * M + M - 1] = NaN;
            data[off + (B - 1) * M + M - 1] = NaN;
            data[off + 1] = NaN;
            check(kind, data, off, outer, B, M);
            data.fill(-0);
            for (let i = off; i < n; i += 3) data[i] = 0;
            check(kind, data, off, outer, B, M);
            data.fill(kind.endsWith("max") ? -Infinity : Infinity);
            check(kind, data, off, outer, B, M);
          }
        }
      });
    }
  }

  it("declines strided kinds it has no kernel for, integer data and small inputs", () => {
    const out = new Float64Array(4);
    assert.equal(wasmReduce("prod", new Float64Array(4096), 0, 4, 1024, 1, out), false);
    assert.equal(wasmReduce("prod", new Float64Array(4096), 0, 1, 64, 64, new Float64Array(64)), false);
    assert.equal(wasmReduce("argmax", new Float64Array(4096), 0, 1, 64, 64, new Float64Array(64)), false);
    assert.equal(wasmReduce("sum", new Int32Array(4096), 0, 4, 1024, 1, out), false);
    assert.equal(wasmReduce("sum", new Float64Array(64), 0, 4, 16, 1, out), false);
  });
});

describe("reductions of views through the public ops", { skip: !available && "no WebAssembly SIMD" }, () => {
  // Transposed and sliced views take the kernels on a gathered copy (or the column kernels);
  // the same ops with the kernels off run the JavaScript loops: the results must agree.
  it("argmax/argmin/max/sum of transposed and strided views agree with the JS loops", () => {
    for (const dtype of ["float64", "float32"] as const) {
      const base = np
        .array(
          fill(97 * 61, 5).map((x) => Math.round(x * 16)),
          { dtype },
        )
        .reshape(97, 61);
      const data = base.dataSync();
      data[7 * 61 + 3] = NaN;
      data[90 * 61 + 60] = NaN;
      const views = [base, base.T, base.get("::2", "1:"), base.get("1:", "::3").T];
      for (const v of views) {
        for (const axis of [0, 1]) {
          const run = () =>
            [np.argmax(v, axis), np.argmin(v, axis), np.max(v, axis), np.sum(v, axis)].map((t) =>
              Array.from(t.dataSync()),
            );
          const got = onJsBackend(run);
          setSimdKernelsEnabled(false);
          const want = onJsBackend(run);
          setSimdKernelsEnabled(true);
          assert.deepEqual(got, want, `${dtype} view ${v.shape} axis ${axis}`);
        }
      }
    }
  });
});
