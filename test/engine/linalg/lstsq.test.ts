import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { inv, lstsq, matmul, matrixRank, pinv, type Dense } from "../../../engine/src/linalg/index.js";
import { assertClose, dense, f64, group, type Encoded } from "./helpers.js";

const T = (a: Dense): Dense => {
  const [m, n] = a.shape;
  const out = new Float64Array(m * n);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) out[j * m + i] = a.data[i * n + j];
  return { data: out, shape: [n, m] };
};

describe("lstsq", () => {
  it("matches NumPy's solution, residuals, rank and singular values (tall, multi-rhs, rank-deficient, wide, rcond)", () => {
    const all = group<
      {
        a: Encoded;
        b: Encoded;
        rcond: number | null;
        x: Encoded;
        residuals: Encoded;
        rank: number;
        s: Encoded;
      }[]
    >("lstsq");
    for (const c of all) {
      const r = lstsq(dense(c.a), dense(c.b), c.rcond);
      assert.equal(r.rank, c.rank, "rank");
      // The cond-1e10 problem is only solvable to ~1e-6 relative by any method.
      const tol = c.a.dtype === "float32" ? 1e-4 : c.rcond === 1e-8 ? 1e-6 : 1e-10;
      assertClose(r.x, c.x, tol, "x");
      assertClose(r.residuals, c.residuals, tol, "residuals");
      assertClose(r.s, c.s, c.a.dtype === "float32" ? 1e-4 : 1e-10, "s");
    }
  });

  it("rejects mismatched rows and non-2-D a", () => {
    assert.throws(() => lstsq(f64([3, 2], [1, 2, 3, 4, 5, 6]), f64([4], [1, 2, 3, 4])), {
      name: "LinAlgError",
      message: "Incompatible dimensions",
    });
    assert.throws(() => lstsq(f64([3], [1, 2, 3]), f64([3], [1, 2, 3])), { name: "LinAlgError" });
    assert.throws(() => lstsq(f64([2, 2], [Number.NaN, 0, 0, 1]), f64([2], [1, 2])), {
      message: "SVD did not converge in Linear Least Squares",
    });
  });
});

describe("pinv and matrixRank", () => {
  it("pinv matches NumPy (tall, wide, rank-deficient, batched, float32)", () => {
    for (const c of group<{ a: Encoded; pinv: Encoded }[]>("pinv"))
      assertClose(pinv(dense(c.a)), c.pinv, undefined, "pinv");
  });

  it("matrixRank matches NumPy, with the default and an explicit tol, batched and 1-D", () => {
    for (const c of group<{ a: Encoded; tol: number | null; rank: Encoded }[]>("rank")) {
      const r = matrixRank(dense(c.a), c.tol);
      assert.deepEqual(r.shape, c.rank.shape);
      assert.deepEqual([...r.data], c.rank.data);
    }
  });
});

describe("chapter 4: the normal equation on the book's seeded data", () => {
  const c = group<{
    X: Encoded;
    y: Encoded;
    thetaBest: Encoded;
    thetaLstsq: Encoded;
    residuals: Encoded;
    rank: number;
    s: Encoded;
    thetaPinv: Encoded;
  }>("chapter4");
  const X = dense(c.X);
  const Xb: Dense = { data: new Float64Array(200), shape: [100, 2] };
  for (let i = 0; i < 100; i++) {
    Xb.data[2 * i] = 1;
    Xb.data[2 * i + 1] = X.data[i];
  }
  const y = dense(c.y);

  it("inv(Xbᵀ·Xb)·Xbᵀ·y reproduces NumPy's theta (≈ [4.215, 2.770])", () => {
    const XbT = T(Xb);
    const theta = matmul(matmul(inv(matmul(XbT, Xb)), XbT), y);
    assertClose(theta, c.thetaBest, 1e-10, "theta");
    assert.ok(Math.abs(theta.data[0] - 4.21509616) < 1e-8 && Math.abs(theta.data[1] - 2.77011339) < 1e-8);
  });

  it("lstsq(Xb, y, rcond=1e-6) and pinv(Xb)·y agree with NumPy's", () => {
    const r = lstsq(Xb, y, 1e-6);
    assertClose(r.x, c.thetaLstsq, 1e-10, "lstsq theta");
    assertClose(r.residuals, c.residuals, 1e-10, "residuals");
    assert.equal(r.rank, c.rank);
    assertClose(r.s, c.s, 1e-10, "s");
    assertClose(matmul(pinv(Xb), y), c.thetaPinv, 1e-10, "pinv theta");
  });
});
