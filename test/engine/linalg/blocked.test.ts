// The blocked reductions, the batched rotations and the U-free least squares against their
// unblocked counterparts and by reconstruction, at odd sizes and across the blocked/unblocked
// boundary (small block sizes and crossovers make many panels on small matrices).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { eigh, lstsq, pinv, svd, matmul, type Dense } from "../../../engine/src/linalg/index.js";
import { formPt, formQ, gebd2 } from "../../../engine/src/linalg/bidiag.js";
import { applyQt } from "../../../engine/src/linalg/blocked-householder.js";
import { gebrd, GEBRD_NX } from "../../../engine/src/linalg/gebrd.js";
import { geqrf, orgqr } from "../../../engine/src/linalg/qr.js";
import { applyBatched } from "../../../engine/src/linalg/rotation-batch.js";
import { rotateRows } from "../../../engine/src/linalg/rotations.js";
import { sytrd, SYTRD_NX } from "../../../engine/src/linalg/sytrd.js";
import { formTridiagQ, sytd2 } from "../../../engine/src/linalg/tridiag.js";
import { maxAbs, maxDiff, mul, orthoError } from "./helpers.js";

// Deterministic uniform(−½, ½) entries (mulberry32: 32-bit integer arithmetic, so the stream
// does not degrade the way a double-precision LCG does, and random matrices stay well conditioned).
function rand(count: number, seed: number): Float64Array {
  const out = new Float64Array(count);
  let s = seed >>> 0;
  for (let i = 0; i < count; i++) {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    out[i] = ((t ^ (t >>> 14)) >>> 0) / 4294967296 - 0.5;
  }
  return out;
}

function symmetric(n: number, seed: number): Float64Array {
  const A = rand(n * n, seed);
  for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) A[j * n + i] = A[i * n + j];
  return A;
}

function transposeOf(m: number, n: number, A: Float64Array): Float64Array {
  const T = new Float64Array(m * n);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) T[j * m + i] = A[i * n + j];
  return T;
}

// n, block size, crossover: tiny blocks, a panel that ends exactly at the crossover, odd sizes.
const shapes: [number, number, number][] = [
  [1, 4, 0],
  [2, 4, 0],
  [3, 2, 0],
  [7, 2, 1],
  [9, 4, 4],
  [10, 4, 5],
  [33, 4, 3],
  [37, 8, 20],
  [65, 32, 0],
  [66, 32, 33],
  [97, 16, 7],
];

describe("blocked tridiagonalisation (sytrd)", () => {
  it("gives Q·T·Qᵀ = A with orthogonal Q, and the unblocked loop's T, across block boundaries", () => {
    for (const [n, nb, nx] of [...shapes, [SYTRD_NX + 37, 32, SYTRD_NX] as [number, number, number]]) {
      const S = symmetric(n, n + 1);
      const A = S.slice();
      const t = sytrd(n, A, nb, nx);
      const ref = {
        d: new Float64Array(n),
        e: new Float64Array(Math.max(0, n - 1)),
        tau: new Float64Array(n),
      };
      sytd2(n, S.slice(), 0, ref);
      const Q = formTridiagQ(n, A, t.tau);
      const T = new Float64Array(n * n);
      for (let i = 0; i < n; i++) {
        T[i * n + i] = t.d[i];
        if (i < n - 1) T[i * n + i + 1] = T[(i + 1) * n + i] = t.e[i];
      }
      const QTQt = mul(n, n, n, mul(n, n, n, Q, T), transposeOf(n, n, Q));
      assert.ok(maxDiff(QTQt, S) <= 1e-13 * Math.max(1, maxAbs(S)) * n, `reconstruction n=${n} nb=${nb}`);
      assert.ok(orthoError(n, n, Q) <= 1e-13 * n, `orthogonality n=${n}`);
      // The tridiagonal is determined up to signs of e by A and the first column of Q.
      for (let i = 0; i < n; i++) assert.ok(Math.abs(t.d[i] - ref.d[i]) <= 1e-10, `d[${i}] n=${n}`);
      for (let i = 0; i < n - 1; i++)
        assert.ok(Math.abs(Math.abs(t.e[i]) - Math.abs(ref.e[i])) <= 1e-10, `e n=${n}`);
    }
  });
});

describe("blocked bidiagonalisation (gebrd)", () => {
  it("gives Q·B·Pᵀ = A with orthogonal Q and P, and the unblocked loop's B, across block boundaries", () => {
    for (const [n, nb, nx] of [...shapes, [GEBRD_NX + 41, 32, GEBRD_NX] as [number, number, number]]) {
      const S = rand(n * n, 3 * n + 7);
      const A = S.slice();
      const b = gebrd(n, A, nb, nx);
      const ref = {
        d: new Float64Array(n),
        e: new Float64Array(Math.max(0, n - 1)),
        tauq: new Float64Array(n),
        taup: new Float64Array(n),
      };
      gebd2(n, S.slice(), 0, ref);
      const Q = formQ(n, A, b.tauq);
      const Pt = formPt(n, A, b.taup);
      const B = new Float64Array(n * n);
      for (let i = 0; i < n; i++) {
        B[i * n + i] = b.d[i];
        if (i < n - 1) B[i * n + i + 1] = b.e[i];
      }
      const QBPt = mul(n, n, n, mul(n, n, n, Q, B), Pt);
      assert.ok(maxDiff(QBPt, S) <= 1e-13 * Math.max(1, maxAbs(S)) * n, `reconstruction n=${n} nb=${nb}`);
      assert.ok(
        orthoError(n, n, Q) <= 1e-13 * n && orthoError(n, n, Pt) <= 1e-13 * n,
        `orthogonality n=${n}`,
      );
      for (let i = 0; i < n; i++)
        assert.ok(Math.abs(Math.abs(b.d[i]) - Math.abs(ref.d[i])) <= 1e-10, `d n=${n}`);
      for (let i = 0; i < n - 1; i++)
        assert.ok(Math.abs(Math.abs(b.e[i]) - Math.abs(ref.e[i])) <= 1e-10, `e n=${n}`);
    }
  });
});

describe("batched row rotations", () => {
  it("equal the rotations applied one by one (sweeps, deflated blocks, far-apart pairs, windows of every fill)", () => {
    for (const [rows, cols, sweeps] of [
      [5, 70, 9],
      [127, 64, 40],
      [129, 65, 3],
      [300, 100, 90],
      [261, 80, 700],
    ]) {
      const cap = sweeps * rows + sweeps;
      const ri = new Int32Array(cap);
      const rj = new Int32Array(cap);
      const rc = new Float64Array(cap);
      const rs = new Float64Array(cap);
      const angles = rand(cap, rows + cols);
      let k = 0;
      let hi = rows - 1;
      for (let sw = 0; sw < sweeps; sw++) {
        if (sw % 7 === 6 && hi > 1) hi--;
        const lo = sw % 5 === 4 ? hi >> 1 : 0;
        for (let r = lo; r < hi; r++, k++) {
          ri[k] = r;
          rj[k] = r + 1;
          rc[k] = Math.cos(6.3 * angles[k]);
          rs[k] = Math.sin(6.3 * angles[k]);
        }
        // A zero-shift chase rotates rows far apart (as bdsqr's chaseRow does).
        if (sw % 11 === 3) {
          ri[k] = hi;
          rj[k] = 0;
          rc[k] = 0.6;
          rs[k++] = 0.8;
        }
      }
      const M = rand(rows * cols, 5);
      const ref = M.slice();
      for (let q = 0; q < k; q++) rotateRows(ref, cols, ri[q], rj[q], rc[q], rs[q]);
      applyBatched(M, rows, cols, ri, rj, rc, rs, k);
      assert.ok(maxDiff(M, ref) <= 1e-12, `rows=${rows} cols=${cols} sweeps=${sweeps}`);
    }
  });
});

describe("applyQt", () => {
  it("equals Qᵀ·C with Q formed explicitly (odd sizes, several blocks)", () => {
    for (const [m, n, k] of [
      [5, 3, 1],
      [70, 33, 2],
      [131, 97, 5],
    ]) {
      const A = rand(m * n, m);
      const tau = new Float64Array(n);
      geqrf(m, n, A, n, tau);
      const C = rand(m * k, k);
      const Q = orgqr(m, m, n, A, 0, n, tau);
      const ref = mul(m, m, k, transposeOf(m, m, Q), C);
      applyQt(m, n, A, 0, n, tau, 0, C, 0, k, k);
      assert.ok(maxDiff(C, ref) <= 1e-12, `${m}×${n}`);
    }
  });
});

const dense = (shape: [number, number], data: Float64Array): Dense => ({ data, shape });

describe("decompositions past the blocked crossover", () => {
  it("eigh: A·V = V·diag(w) with orthonormal V at 150 and 203", () => {
    for (const n of [150, 203]) {
      const S = symmetric(n, n);
      const { w, v } = eigh(dense([n, n], S));
      const V = v.data as Float64Array;
      const AV = mul(n, n, n, S, V);
      for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) AV[i * n + j] -= V[i * n + j] * w.data[j];
      assert.ok(maxAbs(AV) <= 1e-12 * n, `residual n=${n}`);
      assert.ok(orthoError(n, n, V) <= 1e-12 * n, `orthogonality n=${n}`);
      for (let i = 1; i < n; i++) assert.ok(w.data[i] >= w.data[i - 1]);
    }
  });

  it("svd: tall, square and wide beyond the crossover reconstruct with orthonormal factors", () => {
    for (const [m, n] of [
      [400, 131],
      [140, 140],
      [97, 260],
    ]) {
      const A = rand(m * n, m + n);
      const k = Math.min(m, n);
      const { u, s, vh } = svd(dense([m, n], A), { fullMatrices: false });
      const U = (u as Dense).data as Float64Array;
      const US = U.slice();
      for (let i = 0; i < m; i++) for (let j = 0; j < k; j++) US[i * k + j] *= s.data[j];
      assert.ok(maxDiff(mul(m, k, n, US, (vh as Dense).data as Float64Array), A) <= 1e-12 * k, `${m}×${n}`);
      assert.ok(orthoError(m, k, U) <= 1e-12 * k, "uᵀu = I");
      const values = svd(dense([m, n], A), { computeUv: false }).s;
      assert.ok(maxDiff(values.data, s.data) <= 1e-12 * maxAbs(s.data), "values-only path agrees");
    }
  });

  it("lstsq without U matches pinv(a)·b (tall, square, rank-deficient, several right-hand sides)", () => {
    for (const [m, n, k, rankDrop] of [
      [300, 131, 3, 0],
      [140, 140, 1, 0],
      [97, 65, 2, 5],
    ]) {
      const A = rand(m * n, 7 * m + n);
      // Repeat earlier columns to make the matrix rank-deficient.
      for (let c = 0; c < rankDrop; c++) for (let i = 0; i < m; i++) A[i * n + n - 1 - c] = A[i * n + c];
      const b = dense([m, k], rand(m * k, 11));
      const r = lstsq(dense([m, n], A), b);
      assert.equal(r.rank, n - rankDrop);
      const ref = matmul(pinv(dense([m, n], A), 1e-12), b);
      assert.ok(maxDiff(r.x.data, ref.data) <= 1e-9 * Math.max(1, maxAbs(ref.data)), `${m}×${n}`);
      const s = svd(dense([m, n], A), { computeUv: false }).s;
      assert.ok(maxDiff(r.s.data, s.data) <= 1e-12 * maxAbs(s.data), "singular values");
    }
  });
});
