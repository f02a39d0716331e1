import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { gemm, gemmJs, loadKernels } from "../../../engine/src/linalg/index.js";

// A deterministic pseudo-random fill (tests must not depend on Math.random).
function fill(n: number, seed: number): Float64Array {
  const out = new Float64Array(n);
  let s = seed;
  for (let i = 0; i < n; i++) {
    s = (s * 1103515245 + 12345) % 2147483648;
    out[i] = s / 2147483648 - 0.5;
  }
  return out;
}

function naive(
  tA: boolean,
  tB: boolean,
  m: number,
  n: number,
  k: number,
  alpha: number,
  A: ArrayLike<number>,
  lda: number,
  B: ArrayLike<number>,
  ldb: number,
  beta: number,
  C: ArrayLike<number>,
  ldc: number,
): Float64Array {
  const out = Float64Array.from(C);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let p = 0; p < k; p++)
        s += (tA ? A[p * lda + i] : A[i * lda + p]) * (tB ? B[j * ldb + p] : B[p * ldb + j]);
      out[i * ldc + j] = alpha * s + beta * C[i * ldc + j];
    }
  }
  return out;
}

describe("gemm", () => {
  it("matches the naive product for every transpose combination, odd sizes and alpha/beta", () => {
    // Sizes straddle the register block (4) and the cache blocks (KC 256, MC 128).
    for (const [m, n, k] of [
      [1, 1, 1],
      [7, 5, 3],
      [13, 9, 300],
      [130, 6, 17],
      [5, 131, 260],
    ]) {
      for (const tA of [false, true]) {
        for (const tB of [false, true]) {
          const A = fill(m * k, m + 3 * k),
            B = fill(k * n, n + 7 * k),
            C0 = fill(m * n, 99);
          const lda = tA ? m : k,
            ldb = tB ? k : n;
          const C = C0.slice();
          gemm(tA, tB, m, n, k, 0.5, A, lda, B, ldb, -2, C, n);
          const ref = naive(tA, tB, m, n, k, 0.5, A, lda, B, ldb, -2, C0, n);
          for (let i = 0; i < C.length; i++)
            assert.ok(
              Math.abs(C[i] - ref[i]) <= 1e-12 * (1 + Math.abs(ref[i])),
              `${m}x${n}x${k} ${tA} ${tB}`,
            );
        }
      }
    }
  });

  it("addresses sub-matrices through offsets and leading dimensions", () => {
    const big = fill(10 * 12, 5);
    const C = new Float64Array(6 * 8).fill(Number.NaN); // beta = 0 must not read C
    // op(A) = rows 2..5, cols 1..6 of a 10×12 parent; op(B) = its rows 3..8, cols 4..7 (ld 12).
    gemm(false, false, 4, 4, 6, 1, big, 12, big, 12, 0, C, 8, { a: 2 * 12 + 1, b: 3 * 12 + 4, c: 8 + 2 });
    for (let i = 0; i < 4; i++) {
      for (let j = 0; j < 4; j++) {
        let s = 0;
        for (let p = 0; p < 6; p++) s += big[(2 + i) * 12 + 1 + p] * big[(3 + p) * 12 + 4 + j];
        assert.ok(Math.abs(C[8 + 2 + i * 8 + j] - s) < 1e-14);
      }
    }
    assert.ok(Number.isNaN(C[0]), "outside the target block C is untouched");
  });

  it("uses the WebAssembly SIMD kernels on Node", () => {
    assert.ok(loadKernels(1 << 20, 1 << 22), "WebAssembly SIMD should be available in Node ≥ 16");
  });

  it("the plain-JS fallback matches the naive product too", () => {
    for (const [m, n, k] of [
      [7, 5, 3],
      [130, 9, 300],
    ]) {
      for (const tA of [false, true]) {
        for (const tB of [false, true]) {
          const A = fill(m * k, 11),
            B = fill(k * n, 12),
            C0 = fill(m * n, 13);
          const lda = tA ? m : k,
            ldb = tB ? k : n;
          const C = C0.slice();
          gemmJs(tA, tB, m, n, k, 0.5, A, 0, lda, B, 0, ldb, C, 0, n);
          const ref = naive(tA, tB, m, n, k, 0.5, A, lda, B, ldb, 1, C0, n);
          for (let i = 0; i < C.length; i++)
            assert.ok(Math.abs(C[i] - ref[i]) <= 1e-12 * (1 + Math.abs(ref[i])));
        }
      }
    }
    const A32 = Float32Array.from(fill(64, 1)),
      C32 = new Float32Array(64);
    gemmJs(false, false, 8, 8, 8, 1, A32, 0, 8, A32, 0, 8, C32, 0, 8);
    const ref = naive(false, false, 8, 8, 8, 1, A32, 8, A32, 8, 0, new Float64Array(64), 8);
    for (let i = 0; i < 64; i++) assert.ok(Math.abs(C32[i] - ref[i]) <= 1e-6);
  });

  it("computes float32 products in float32 (as sgemm) to float32 accuracy", () => {
    const m = 33,
      n = 17,
      k = 64;
    const A = Float32Array.from(fill(m * k, 1)),
      B = Float32Array.from(fill(k * n, 2));
    const C = new Float32Array(m * n);
    gemm(false, false, m, n, k, 1, A, k, B, n, 0, C, n);
    const ref = naive(false, false, m, n, k, 1, A, k, B, n, 0, new Float64Array(m * n), n);
    // k = 64 terms of size ≤ 0.25 summed in float32: error well under 64·2⁻²⁴.
    for (let i = 0; i < C.length; i++) assert.ok(Math.abs(C[i] - ref[i]) <= 1e-5, `${C[i]} vs ${ref[i]}`);
  });

  it("does nothing but scale C when k = 0 or alpha = 0", () => {
    const C = Float64Array.of(1, 2, 3, 4);
    gemm(false, false, 2, 2, 0, 1, new Float64Array(0), 1, new Float64Array(0), 2, 3, C, 2);
    assert.deepEqual([...C], [3, 6, 9, 12]);
  });
});
