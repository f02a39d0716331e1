import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  cholesky,
  det,
  inv,
  LinAlgError,
  slogdet,
  solve,
  ValueError,
} from "../../../engine/src/linalg/index.js";
import { assertClose, dense, f64, group, maxDiff, mul, type Encoded } from "./helpers.js";

describe("solve, inv, det, slogdet (LU)", () => {
  it("solve matches NumPy on vectors, matrices, broadcast batches, ill-conditioned and float32 systems", () => {
    for (const c of group<{ a: Encoded; b: Encoded; x: Encoded }[]>("solve")) {
      const x = solve(dense(c.a), dense(c.b));
      // The ill-conditioned case (cond 1e6) loses ~6 digits, as NumPy does.
      const tol = c.a.dtype === "float32" ? 1e-4 : c.a.shape[0] === 8 ? 1e-8 : 1e-10;
      assertClose(x, c.x, tol, "solve");
      assert.equal(x.data.constructor, c.a.dtype === "float32" ? Float32Array : Float64Array);
    }
  });

  it("inv, det and slogdet match NumPy (random, batched, Hilbert, float32, large entries)", () => {
    for (const c of group<{ a: Encoded; inv: Encoded; det: Encoded; sign: Encoded; logabsdet: Encoded }[]>(
      "square",
    )) {
      const a = dense(c.a);
      const hilbert = c.a.shape.length === 2 && c.a.shape[0] === 8;
      // Hilbert(8) has cond ≈ 1.5e10: its inverse has only ~6 correct digits in any float64 solver.
      assertClose(inv(a), c.inv, hilbert ? 1e-5 : undefined, "inv");
      const d = det(a);
      const dExp = dense(c.det);
      for (let i = 0; i < d.data.length; i++) {
        assert.ok(
          Math.abs(d.data[i] - dExp.data[i]) <=
            (c.a.dtype === "float32" ? 1e-4 : hilbert ? 1e-6 : 1e-9) * Math.abs(dExp.data[i]),
          `det ${d.data[i]} vs ${dExp.data[i]}`,
        );
      }
      assert.deepEqual(d.shape, c.det.shape);
      const s = slogdet(a);
      assertClose(s.sign, c.sign, 0, "sign");
      assertClose(
        s.logabsdet,
        c.logabsdet,
        c.a.dtype === "float32" ? 1e-4 : hilbert ? 1e-8 : 1e-10,
        "logabsdet",
      );
    }
  });

  it("gives det 0 and slogdet (0, -inf) for a singular matrix, like NumPy", () => {
    const c = group<{ a: Encoded; det: Encoded; sign: Encoded; logabsdet: Encoded }>("singular");
    assert.equal(det(dense(c.a)).data[0], 0);
    const s = slogdet(dense(c.a));
    assert.equal(s.sign.data[0], 0);
    assert.equal(s.logabsdet.data[0], -Infinity);
  });

  it("inverts exactly on a permutation that needs pivoting", () => {
    const p = f64([3, 3], [0, 1, 0, 0, 0, 1, 1, 0, 0]);
    assert.deepEqual([...inv(p).data], [0, 0, 1, 1, 0, 0, 0, 1, 0]);
    assert.equal(det(p).data[0], 1);
  });

  it("solves a 200×200 system to a small residual (blocked path)", () => {
    const n = 200;
    const A = new Float64Array(n * n).map((_, i) => Math.sin(i * 0.37) + (i % (n + 1) === 0 ? 5 : 0));
    const b = new Float64Array(n).map((_, i) => Math.cos(i));
    const x = solve(f64([n, n], [...A]), f64([n], [...b])).data;
    assert.ok(maxDiff(mul(n, n, 1, A, x), b) < 1e-11);
  });

  it("reports NumPy's errors", () => {
    assert.throws(() => inv(f64([2, 2], [1, 2, 2, 4])), { name: "LinAlgError", message: "Singular matrix" });
    assert.throws(
      () => solve(f64([2, 2], [0, 0, 0, 0]), f64([2], [1, 1])),
      new LinAlgError("Singular matrix"),
    );
    assert.throws(() => inv(f64([2, 3], [1, 2, 3, 4, 5, 6])), {
      message: "Last 2 dimensions of the array must be square",
    });
    assert.throws(() => det(f64([3], [1, 2, 3])), {
      message: "1-dimensional array given. Array must be at least two-dimensional",
    });
    assert.throws(
      () => solve(f64([2, 2], [1, 0, 0, 1]), f64([3], [1, 2, 3])),
      (e: unknown) =>
        e instanceof ValueError &&
        /solve1: Input operand 1 has a mismatch in its core dimension 0/.test(e.message),
    );
  });
});

describe("cholesky", () => {
  it("matches NumPy's lower factor (float64, batched, float32)", () => {
    for (const c of group<{ a: Encoded; l: Encoded }[]>("cholesky"))
      assertClose(cholesky(dense(c.a)), c.l, undefined, "L");
  });

  it("reads only the lower triangle", () => {
    const l = cholesky(f64([2, 2], [4, 999, 2, 5]));
    assert.deepEqual([...l.data], [2, 0, 1, 2]);
  });

  it("rejects matrices that are not positive definite, and NaN", () => {
    for (const bad of [
      [1, 2, 2, 1],
      [-1, 0, 0, 1],
      [Number.NaN, 0, 0, 1],
      [0, 0, 0, 0],
    ]) {
      assert.throws(() => cholesky(f64([2, 2], bad)), {
        name: "LinAlgError",
        message: "Matrix is not positive definite",
      });
    }
    assert.throws(() => cholesky(f64([2, 3], [1, 0, 0, 0, 1, 0])), {
      message: "Last 2 dimensions of the array must be square",
    });
  });
});
