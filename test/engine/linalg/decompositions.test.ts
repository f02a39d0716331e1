import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { eig, eigh, eigvals, eigvalsh, qr, svd, type Dense } from "../../../engine/src/linalg/index.js";
import {
  assertClose,
  dense,
  f64,
  group,
  matrices,
  maxAbs,
  maxDiff,
  mul,
  orthoError,
  type Encoded,
} from "./helpers.js";

const tolOf = (a: Dense): number => (a.data instanceof Float32Array ? 1e-4 : 1e-10);

describe("qr", () => {
  it("reconstructs a = q·r with orthonormal q and upper-triangular r in every mode; |diag r| matches NumPy", () => {
    for (const c of group<{ a: Encoded; absdiag: Encoded }[]>("qr")) {
      const a = dense(c.a);
      const tol = tolOf(a);
      const { m, n, list } = matrices(a);
      const k = Math.min(m, n);
      for (const mode of ["reduced", "complete"] as const) {
        const { q, r } = qr(a, mode);
        const qc = mode === "complete" ? m : k;
        assert.deepEqual(q?.shape, [...a.shape.slice(0, -2), m, qc]);
        assert.deepEqual(r.shape, [...a.shape.slice(0, -2), qc, n]);
        const qs = matrices(q as Dense).list;
        const rs = matrices(r).list;
        list.forEach((A, t) => {
          assert.ok(maxDiff(mul(m, qc, n, qs[t], rs[t]), A) <= tol * Math.max(1, maxAbs(A)), "q·r = a");
          assert.ok(orthoError(m, qc, qs[t]) <= tol, "qᵀq = I");
          for (let i = 0; i < qc; i++)
            for (let j = 0; j < Math.min(i, n); j++) assert.equal(rs[t][i * n + j], 0);
        });
      }
      const only = qr(a, "r");
      assert.equal(only.q, undefined);
      const absdiag = dense(c.absdiag);
      const rs = matrices(only.r).list;
      rs.forEach((R, t) => {
        for (let i = 0; i < k; i++) {
          assert.ok(
            Math.abs(Math.abs(R[i * n + i]) - absdiag.data[t * k + i]) <=
              tol * Math.max(1, maxAbs(absdiag.data)),
          );
        }
      });
    }
  });
});

describe("svd", () => {
  it("singular values match NumPy (random, tall, wide, rank-deficient, cond 1e12, batched, float32, zero)", () => {
    for (const c of group<{ a: Encoded; s: Encoded }[]>("svd")) {
      const a = dense(c.a);
      assertClose(svd(a, { computeUv: false }).s, c.s, tolOf(a), `s of ${c.a.shape}`);
    }
  });

  it("u·diag(s)·vh reconstructs a with orthonormal factors, for fullMatrices true and false", () => {
    for (const c of group<{ a: Encoded; s: Encoded }[]>("svd")) {
      const a = dense(c.a);
      const tol = tolOf(a);
      const { m, n, list } = matrices(a);
      const k = Math.min(m, n);
      for (const fullMatrices of [true, false]) {
        const { u, s, vh } = svd(a, { fullMatrices });
        const uc = fullMatrices ? m : k;
        const vr = fullMatrices ? n : k;
        assert.deepEqual(u?.shape, [...a.shape.slice(0, -2), m, uc]);
        assert.deepEqual(vh?.shape, [...a.shape.slice(0, -2), vr, n]);
        const us = matrices(u as Dense).list;
        const vs = matrices(vh as Dense).list;
        list.forEach((A, t) => {
          const US = new Float64Array(m * k);
          for (let i = 0; i < m; i++)
            for (let j = 0; j < k; j++) US[i * k + j] = us[t][i * uc + j] * s.data[t * k + j];
          const Vk = vs[t].subarray(0, k * n);
          assert.ok(
            maxDiff(mul(m, k, n, US, Vk), A) <= tol * Math.max(1, maxAbs(A)),
            `reconstruction ${c.a.shape}`,
          );
          assert.ok(orthoError(m, uc, us[t]) <= tol, "uᵀu = I");
          const Vt = new Float64Array(n * vr);
          for (let i = 0; i < vr; i++) for (let j = 0; j < n; j++) Vt[j * vr + i] = vs[t][i * n + j];
          assert.ok(orthoError(n, vr, Vt) <= tol, "vh·vhᵀ = I");
        });
      }
    }
  });

  it("keeps float32 in float32 and sorts singular values descending", () => {
    const { s, u } = svd({ data: Float32Array.of(1, 0, 0, 0, 3, 0, 0, 0, 2), shape: [3, 3] });
    assert.ok(s.data instanceof Float32Array && u?.data instanceof Float32Array);
    assert.deepEqual([...s.data], [3, 2, 1]);
  });

  it("reports NaN/Inf input as non-convergence and rejects 1-D input", () => {
    assert.throws(() => svd(f64([2, 2], [Number.NaN, 1, 1, 1])), {
      name: "LinAlgError",
      message: "SVD did not converge",
    });
    assert.throws(() => svd(f64([2, 2], [Infinity, 1, 1, 1])), { message: "SVD did not converge" });
    assert.throws(() => svd(f64([3], [1, 2, 3])), {
      message: "1-dimensional array given. Array must be at least two-dimensional",
    });
  });
});

describe("eigh / eigvalsh", () => {
  it("eigenvalues match NumPy (ascending), reading only the UPLO triangle", () => {
    for (const c of group<{ a: Encoded; uplo: "L" | "U"; w: Encoded }[]>("eigh")) {
      const a = dense(c.a);
      assertClose(eigvalsh(a, c.uplo), c.w, tolOf(a), "eigvalsh");
      assertClose(eigh(a, c.uplo).w, c.w, tolOf(a), "eigh w");
    }
  });

  it("A·v = v·diag(w) with orthonormal v, including repeated eigenvalues", () => {
    for (const c of group<{ a: Encoded; uplo: "L" | "U"; w: Encoded }[]>("eigh")) {
      const a = dense(c.a);
      const tol = tolOf(a);
      const { w, v } = eigh(a, c.uplo);
      const { n, list } = matrices(a);
      const vs = matrices(v).list;
      list.forEach((A0, t) => {
        const A = A0.slice();
        // Rebuild the symmetric matrix from the triangle NumPy read.
        for (let i = 0; i < n; i++)
          for (let j = 0; j < n; j++) if (c.uplo === "L" ? j > i : j < i) A[i * n + j] = A0[j * n + i];
        const AV = mul(n, n, n, A, vs[t]);
        let err = 0;
        for (let i = 0; i < n; i++)
          for (let j = 0; j < n; j++)
            err = Math.max(err, Math.abs(AV[i * n + j] - vs[t][i * n + j] * w.data[t * n + j]));
        assert.ok(err <= tol * Math.max(1, maxAbs(A)), `A·v = v·w (${err})`);
        assert.ok(orthoError(n, n, vs[t]) <= tol, "vᵀv = I");
      });
    }
  });

  it("reports NaN input and non-square input", () => {
    assert.throws(() => eigh(f64([2, 2], [Number.NaN, 0, 0, 1])), {
      name: "LinAlgError",
      message: "Eigenvalues did not converge",
    });
    assert.throws(() => eigvalsh(f64([2, 3], [1, 2, 3, 4, 5, 6])), {
      message: "Last 2 dimensions of the array must be square",
    });
  });
});

describe("eig / eigvals", () => {
  // LAPACK's eigenvalue order is an artefact of the Schur form: compare as sorted multisets.
  const sorted = (
    re: ArrayLike<number>,
    im: ArrayLike<number>,
    from: number,
    n: number,
  ): [number, number][] =>
    Array.from({ length: n }, (_, i) => [re[from + i], im[from + i]] as [number, number]).sort(
      (x, y) => x[0] - y[0] || x[1] - y[1],
    );

  it("eigenvalues match NumPy's (complex pairs, triangular, companion, batched, float32)", () => {
    for (const c of group<{ a: Encoded; re: Encoded; im: Encoded }[]>("eig")) {
      const a = dense(c.a);
      const tol = a.data instanceof Float32Array ? 1e-4 : 1e-9;
      const { wRe, wIm, isReal } = eigvals(a);
      const n = a.shape[a.shape.length - 1];
      const re = dense(c.re).data;
      const im = dense(c.im).data;
      assert.equal(
        isReal,
        [...im].every((x) => x === 0),
      );
      for (let t = 0; t < re.length / n; t++) {
        const mine = sorted(wRe.data, wIm.data, t * n, n);
        const ref = sorted(re, im, t * n, n);
        mine.forEach(([x, y], i) => {
          assert.ok(
            Math.hypot(x - ref[i][0], y - ref[i][1]) <= tol * Math.max(1, Math.hypot(...ref[i])),
            `λ ${x}+${y}i vs ${ref[i]}`,
          );
        });
      }
    }
  });

  it("A·v = λ·v for every (complex) eigenpair, with unit-norm vectors", () => {
    for (const c of group<{ a: Encoded }[]>("eig")) {
      const a = dense(c.a);
      const tol = a.data instanceof Float32Array ? 1e-4 : 1e-10;
      const r = eig(a);
      const { n, list } = matrices(a);
      list.forEach((A, t) => {
        const vr = r.vRe.data.subarray(t * n * n);
        const vi = r.vIm.data.subarray(t * n * n);
        for (let j = 0; j < n; j++) {
          const lr = r.wRe.data[t * n + j];
          const li = r.wIm.data[t * n + j];
          let nrm = 0;
          for (let i = 0; i < n; i++) {
            let ar = 0;
            let ai = 0;
            for (let k = 0; k < n; k++) {
              ar += A[i * n + k] * vr[k * n + j];
              ai += A[i * n + k] * vi[k * n + j];
            }
            const er = ar - (lr * vr[i * n + j] - li * vi[i * n + j]);
            const ei = ai - (lr * vi[i * n + j] + li * vr[i * n + j]);
            assert.ok(Math.hypot(er, ei) <= tol * Math.max(1, maxAbs(A)) * n, `A v = λ v (${er}, ${ei})`);
            nrm += vr[i * n + j] ** 2 + vi[i * n + j] ** 2;
          }
          assert.ok(Math.abs(nrm - 1) <= tol, "‖v‖ = 1");
        }
      });
    }
  });

  it("represents a rotation's eigenvalues ±i as separate real and imaginary parts", () => {
    const r = eig(f64([2, 2], [0, -1, 1, 0]));
    assert.equal(r.isReal, false);
    assert.deepEqual([...r.wRe.data], [0, 0]);
    assert.deepEqual([...r.wIm.data], [1, -1]);
  });

  it("rejects NaN/Inf input with NumPy's message", () => {
    assert.throws(() => eig(f64([2, 2], [Number.NaN, 1, 1, 1])), {
      name: "LinAlgError",
      message: "Array must not contain infs or NaNs",
    });
    assert.throws(() => eigvals(f64([2, 3], [1, 2, 3, 4, 5, 6])), {
      message: "Last 2 dimensions of the array must be square",
    });
  });
});
