import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { np, type Tensor } from "tensorbook";
import { binaryLoop } from "../../../../../engine/src/backends/js/loops.js";
import { WASM_BINARY_OPS } from "../../../../../engine/src/backends/js/wasm/binary-kernels.js";
import {
  wasmBinary,
  wasmMulAdd,
  wasmUnary,
} from "../../../../../engine/src/backends/js/wasm/elementwise-driver.js";
import {
  CHUNK_BYTES,
  setSimdKernelsEnabled,
  simdKernels,
} from "../../../../../engine/src/backends/js/wasm/module.js";
import { fill, onJsBackend, sameBits, ulps } from "./helpers.js";

// The JavaScript backend's expressions (math.ts, arithmetic.ts): the reference, bit for bit.
const EXPR: Record<string, string> = {
  add: "x + y",
  sub: "x - y",
  mul: "x * y",
  div: "x / y",
  maximum: "(x > y || x !== x ? x : y)",
  minimum: "(x < y || x !== x ? x : y)",
};

const available = simdKernels() !== null;
const DTYPES = ["float64", "float32"] as const;
// Around the threshold, a chunk (C float64, 2C float32 elements) and several chunks, odd tails.
const C = CHUNK_BYTES / 8;
const LENGTHS = [512, 513, 515, 1031, C - 1, C + 1, 2 * C, 2 * C + 3, 4 * C + 11];

describe(
  "wasm element-wise kernels",
  { skip: !available && "WebAssembly SIMD unavailable or disabled" },
  () => {
    for (const dtype of DTYPES) {
      const Arr = dtype === "float64" ? Float64Array : Float32Array;
      for (const op of WASM_BINARY_OPS) {
        it(`${op} ${dtype}: vector·vector, vector·scalar, scalar·vector match the JS loop bit for bit`, () => {
          const loop = binaryLoop(`test:${op}:${dtype}`, EXPR[op]);
          for (const n of LENGTHS) {
            for (const [ao, bo] of [
              [0, 0],
              [1, 3],
              [3, 2],
            ]) {
              const a = Arr.from(fill(n + ao, n + 1));
              const b = Arr.from(fill(n + bo, n + 2));
              // Specials where they pair with each other and with numbers.
              for (const [i, x, y] of [
                [ao, NaN, 1],
                [ao + 1, 1, NaN],
                [ao + 2, 0, -0],
                [ao + 3, -0, 0],
                [ao + 4, Infinity, -Infinity],
                [ao + n - 1, NaN, NaN],
              ]) {
                a[i] = x;
                b[i - ao + bo] = y;
              }
              const cases = [
                { as: [1], bs: [1], label: "vv" },
                { as: [1], bs: [0], label: "vs" },
                { as: [0], bs: [1], label: "sv" },
              ];
              for (const { as, bs, label } of cases) {
                const want = new Arr(n);
                const got = new Arr(n);
                loop(want, a, ao, as, b, bo, bs, [n]);
                const used = wasmBinary(
                  op,
                  dtype,
                  got,
                  [n],
                  { data: a, offset: ao, strides: as },
                  { data: b, offset: bo, strides: bs },
                );
                assert.ok(used, `${op} ${dtype} ${label} declined`);
                for (let i = 0; i < n; i++) {
                  if (!sameBits(got[i], want[i])) {
                    assert.fail(
                      `${op} ${dtype} ${label} n=${n} offsets ${ao},${bo} at ${i}: ${got[i]} ≠ ${want[i]}`,
                    );
                  }
                }
              }
            }
          }
        });
      }
    }

    for (const dtype of DTYPES) {
      const Arr = dtype === "float64" ? Float64Array : Float32Array;
      it(`mulAdd ${dtype}: a*b + c matches the JS mul then add loops bit for bit`, () => {
        const mul = binaryLoop(`test:mul:${dtype}`, EXPR.mul);
        const add = binaryLoop(`test:add:${dtype}`, EXPR.add);
        for (const n of LENGTHS) {
          for (const [ao, bo, co] of [
            [0, 0, 0],
            [1, 3, 2],
          ]) {
            const a = Arr.from(fill(n + ao, n + 1));
            const b = Arr.from(fill(n + bo, n + 2));
            const c = Arr.from(fill(n + co, n + 3));
            // Specials, and a product that rounds before the sum (a fused multiply-add would not).
            a[ao] = NaN;
            b[bo + 1] = Infinity;
            c[co + 2] = -Infinity;
            // (1 + ε)² = 1 + 2ε + ε² loses its ε² when rounded: the sum then gives 2ε, not 2ε + ε².
            const eps = dtype === "float64" ? 2 ** -27 : 2 ** -12;
            a[ao + 3] = 1 + eps;
            b[bo + 3] = 1 + eps;
            c[co + 3] = -1;
            const want = new Arr(n);
            const tmp = new Arr(n);
            mul(tmp, a, ao, [1], b, bo, [1], [n]);
            add(want, tmp, 0, [1], c, co, [1], [n]);
            const got = new Arr(n);
            const op = (data: Float64Array | Float32Array, offset: number) => ({
              data,
              offset,
              strides: [1],
            });
            assert.ok(wasmMulAdd(dtype, got, [n], op(a, ao), op(b, bo), op(c, co)), `declined n=${n}`);
            for (let i = 0; i < n; i++) {
              if (!sameBits(got[i], want[i])) {
                assert.fail(
                  `mulAdd ${dtype} n=${n} offsets ${ao},${bo},${co} at ${i}: ${got[i]} ≠ ${want[i]}`,
                );
              }
            }
          }
        }
      });
    }

    it("declines strided views, small arrays, other dtypes and mixed array types", () => {
      const a = new Float64Array(4096);
      const out = new Float64Array(2048);
      const op = (data: Float64Array | Float32Array, strides: number[]) => ({ data, offset: 0, strides });
      assert.equal(wasmBinary("maximum", "float64", out, [2048], op(a, [2]), op(a, [1])), false);
      assert.equal(
        wasmBinary("maximum", "float64", new Float64Array(100), [100], op(a, [1]), op(a, [1])),
        false,
      );
      assert.equal(
        wasmBinary("maximum", "float64", out, [2048], op(new Float32Array(4096), [1]), op(a, [1])),
        false,
      );
      assert.equal(
        wasmBinary(
          "pow",
          "float32",
          new Float32Array(2048),
          [2048],
          op(new Float32Array(2048), [1]),
          op(new Float32Array(2048), [1]),
        ),
        false,
      );
      assert.equal(wasmUnary("exp", "float64", out, [2048], op(a, [2])), false);
      assert.equal(wasmMulAdd("float64", out, [2048], op(a, [1]), op(a, [0]), op(a, [1])), false);
      assert.equal(
        wasmMulAdd("float64", out, [2048], op(a, [1]), op(new Float32Array(2048), [1]), op(a, [1])),
        false,
      );
    });
  },
);

describe("wasm exp", { skip: !available && "WebAssembly SIMD unavailable or disabled" }, () => {
  // A dense sweep over the whole finite-result range and beyond, small arguments, and specials.
  function samples(lo: number, hi: number): number[] {
    const xs: number[] = [];
    for (let i = 0; i <= 200_000; i++) xs.push(lo + ((hi - lo) * i) / 200_000);
    for (let i = -2000; i <= 2000; i++) xs.push(i * 1e-9, i * 1e-4, i / 64);
    xs.push(0, -0, NaN, Infinity, -Infinity, Number.MIN_VALUE, -Number.MIN_VALUE, 1e-300, -1e-300);
    return xs;
  }

  it("float64 is within 1 ulp of Math.exp, with exact specials and over/underflow edges", () => {
    const xs = samples(-750, 712);
    xs.push(709.782712893384, 709.7827128933841, -708.3964185322641, -745.1332191019411, -745.1332191019412);
    const a = Float64Array.from(xs);
    const got = new Float64Array(a.length);
    assert.ok(wasmUnary("exp", "float64", got, [a.length], { data: a, offset: 0, strides: [1] }));
    let worst = 0;
    for (let i = 0; i < a.length; i++) {
      const want = Math.exp(a[i]);
      const d = ulps(got[i], want, "float64");
      if (d > worst) worst = d;
      assert.ok(d <= 1, `exp(${a[i]}) = ${got[i]}, Math.exp gives ${want} (${d} ulp)`);
    }
    assert.ok(worst <= 1);
    const at = (x: number): number => got[xs.indexOf(x)];
    assert.ok(Number.isNaN(got[xs.findIndex((x) => Number.isNaN(x))]));
    assert.equal(at(Infinity), Infinity);
    assert.equal(at(-Infinity), 0);
    assert.equal(at(0), 1);
    assert.equal(at(-0), 1);
    assert.ok(Number.isFinite(at(709.782712893384)));
    assert.equal(at(709.7827128933841), Infinity);
    assert.equal(at(-745.1332191019411), Number.MIN_VALUE);
    assert.equal(at(-745.1332191019412), 0);
  });

  it("float32 is within 2 ulp of float32(Math.exp), with exact specials and edges", () => {
    const xs = samples(-110, 92).map(Math.fround);
    xs.push(
      Math.fround(88.72283),
      Math.fround(88.7229),
      Math.fround(-87.33654),
      Math.fround(-103.97208),
      Math.fround(-103.9721),
    );
    const a = Float32Array.from(xs);
    const got = new Float32Array(a.length);
    assert.ok(wasmUnary("exp", "float32", got, [a.length], { data: a, offset: 0, strides: [1] }));
    for (let i = 0; i < a.length; i++) {
      const want = Math.fround(Math.exp(a[i]));
      const d = ulps(got[i], want, "float32");
      assert.ok(d <= 2, `exp(${a[i]}) = ${got[i]}, float32(Math.exp) gives ${want} (${d} ulp)`);
    }
    const at = (x: number): number => got[a.indexOf(Math.fround(x))];
    assert.ok(Number.isNaN(got[xs.findIndex((x) => Number.isNaN(x))]));
    assert.equal(at(Infinity), Infinity);
    assert.equal(at(-Infinity), 0);
    assert.equal(at(0), 1);
    assert.equal(at(88.7229), Infinity);
    assert.ok(Number.isFinite(at(88.72283)));
  });

  it("mixes in-range lanes with large, infinite and NaN ones in every lane of a pass", () => {
    // A pass is 8 float64: one special anywhere sends the whole pass down the careful path.
    for (const dtype of DTYPES) {
      const Arr = dtype === "float64" ? Float64Array : Float32Array;
      const specials =
        dtype === "float64"
          ? [NaN, Infinity, -Infinity, 708.5, -709, -745, 1e300]
          : [NaN, Infinity, -Infinity, 88.5, -90, -103, 1e30];
      for (const s of specials) {
        for (let at = 0; at < 9; at++) {
          const a = Arr.from(fill(1029, at + 7).map((v) => v * 40));
          a[at] = s;
          a[1029 - 1 - at] = s;
          const got = new Arr(a.length);
          assert.ok(wasmUnary("exp", dtype, got, [a.length], { data: a, offset: 0, strides: [1] }));
          for (let i = 0; i < a.length; i++) {
            const want = dtype === "float64" ? Math.exp(a[i]) : Math.fround(Math.exp(a[i]));
            assert.ok(
              ulps(got[i], want, dtype) <= 1,
              `${dtype} exp(${a[i]}) at ${i} = ${got[i]}, want ${want}`,
            );
          }
        }
      }
    }
  });

  it("works at odd offsets and lengths", () => {
    for (const n of [512, 1027, 2 * C + 5]) {
      const a = Float64Array.from(fill(n + 3, n));
      const got = new Float64Array(n);
      assert.ok(wasmUnary("exp", "float64", got, [n], { data: a, offset: 3, strides: [1] }));
      for (let i = 0; i < n; i++) assert.ok(ulps(got[i], Math.exp(a[i + 3]), "float64") <= 1);
    }
  });
});

describe(
  "element-wise ops on views through the public ops",
  { skip: !available && "no WebAssembly SIMD" },
  () => {
    it("exp and arithmetic of transposed and strided views agree with the JS loops", () => {
      for (const dtype of DTYPES) {
        const a = np.array(fill(97 * 61, 3), { dtype }).reshape(97, 61);
        const b = np.array(fill(97 * 61, 4), { dtype }).reshape(97, 61);
        const cases: [string, () => Tensor][] = [
          ["exp(a.T)", () => np.exp(a.T)],
          ["exp(a[::2])", () => np.exp(a.get("::2"))],
          ["a.T * b.T + 1", () => a.T.mul(b.T).add(1)],
          ["a[:, 1:] - b[:, :-1]", () => a.get(":", "1:").sub(b.get(":", ":-1"))],
          ["a / b[0]", () => a.div(b.get(0))],
        ];
        for (const [label, f] of cases) {
          const got = onJsBackend(() => f().dataSync());
          setSimdKernelsEnabled(false);
          const want = onJsBackend(() => f().dataSync());
          setSimdKernelsEnabled(true);
          assert.equal(got.length, want.length);
          for (let i = 0; i < got.length; i++)
            assert.ok(
              ulps(got[i], want[i], dtype) <= 1,
              `${dtype} ${label} at ${i}: ${got[i]} vs ${want[i]}`,
            );
        }
      }
    });
  },
);
