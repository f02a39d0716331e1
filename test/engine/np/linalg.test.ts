// np.linalg and the products on tensors (the linear-algebra layer itself is checked against
// NumPy in test/engine/linalg).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { np } from "tensorbook";

function close(got: unknown, want: number[], tol = 1e-8): void {
  const g = (got as number[]).flat(2) as number[];
  assert.equal(g.length, want.length);
  g.forEach((v, i) => assert.ok(Math.abs(v - want[i]) < tol, `[${i}] ${v} vs ${want[i]}`));
}

describe("np.linalg on tensors", () => {
  it("reproduces chapter 4's normal equation from the seeded data (theta = [4.21509616, 2.77011339])", () => {
    np.random.seed(42);
    const X = np.random.rand(100, 1).mul(2);
    const y = X.mul(3).add(4).add(np.random.randn(100, 1));
    const Xb = np.c_(np.ones([100, 1]), X);
    const theta = np.linalg.inv(Xb.T.matmul(Xb)).matmul(Xb.T).matmul(y);
    close(theta.toArray(), [4.21509616, 2.77011339], 5e-9);
    const [viaLstsq, , rank, s] = np.linalg.lstsq(Xb, y, { rcond: 1e-6 });
    close(viaLstsq.toArray(), [4.21509616, 2.77011339], 5e-9);
    assert.equal(rank, 2);
    assert.deepEqual([...s.shape], [2]);
    close(np.linalg.pinv(Xb).matmul(y).toArray(), [4.21509616, 2.77011339], 5e-9);
  });

  it("keeps integer products integer and batches matmul", () => {
    const a = np.arange(6).reshape(2, 3);
    const p = a.matmul(a.T);
    assert.equal(p.dtype, "int32");
    assert.deepEqual(p.toArray(), [
      [5, 14],
      [14, 50],
    ]);
    const batch = np.ones([4, 2, 3]).matmul(np.ones([3, 5]));
    assert.deepEqual([...batch.shape], [4, 2, 5]);
    assert.equal(np.einsum("ii", np.eye(3)).item(), 3);
  });

  it("returns several results as arrays and names singular matrices", () => {
    const [q, r] = np.linalg.qr([
      [1, 2],
      [3, 4],
    ]);
    close(q.matmul(r).toArray(), [1, 2, 3, 4], 1e-12);
    const [u, s, vh] = np.linalg.svd([
      [3, 0],
      [0, 4],
    ]);
    close(s.toArray(), [4, 3], 1e-12);
    assert.deepEqual([...u.shape, ...vh.shape], [2, 2, 2, 2]);
    const [w] = np.linalg.eigh([
      [2, 1],
      [1, 2],
    ]);
    close(w.toArray(), [1, 3], 1e-12);
    assert.throws(
      () =>
        np.linalg.inv([
          [1, 2],
          [2, 4],
        ]),
      { name: "LinAlgError", message: "Singular matrix" },
    );
    assert.throws(
      () => np.matmul(np.ones([2, 3]), np.ones([2, 3])),
      /matmul: Input operand 1 has a mismatch in its core dimension 0/,
    );
    assert.equal(np.linalg.norm([3, 4]).item(), 5);
  });
});
