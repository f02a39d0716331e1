// tf.linalg: TensorFlow's names and return conventions over the np.linalg ops, and gradients
// through them.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { tf, type Tensor } from "tensorbook";

const near = (got: Tensor | number, want: readonly number[] | number, tol = 1e-5): void => {
  const g = typeof got === "number" ? [got] : Array.from(got.dataSync(), Number);
  const w = typeof want === "number" ? [want] : want;
  assert.equal(g.length, w.length, `${JSON.stringify(g)} vs ${JSON.stringify(w)}`);
  g.forEach((v, i) => assert.ok(Math.abs(v - w[i]) <= tol, `${JSON.stringify(g)} vs ${JSON.stringify(w)}`));
};

const A = [
  [4, 2],
  [2, 5],
];

describe("tf.linalg", () => {
  it("has the aliases the book's TensorFlow code reaches for", () => {
    for (const name of [
      "matmul",
      "matvec",
      "inv",
      "det",
      "slogdet",
      "logdet",
      "cholesky",
      "qr",
      "svd",
      "eigh",
      "eigvalsh",
      "norm",
      "solve",
      "pinv",
      "lstsq",
      "trace",
      "diag",
      "diagPart",
      "bandPart",
      "matrixTranspose",
      "adjoint",
      "eye",
      "tensordot",
      "einsum",
    ]) {
      assert.equal(typeof (tf.linalg as Record<string, unknown>)[name], "function", name);
    }
  });

  it("products, inverse, determinants, Cholesky (float32 by default, immutable)", () => {
    const x = tf.linalg.inv(A);
    assert.equal(x.dtype, "float32");
    assert.equal(x.mutable, false);
    near(x, [5 / 16, -2 / 16, -2 / 16, 4 / 16]);
    near(tf.linalg.det(A), 16);
    const [sign, logAbsDet] = tf.linalg.slogdet([
      [0, 1],
      [1, 0],
    ]);
    near(sign, -1);
    near(logAbsDet, 0);
    near(tf.linalg.logdet(A), Math.log(16));
    near(tf.linalg.cholesky(A), [2, 0, 1, 2]);
    near(tf.linalg.matmul(A, A, { transposeB: true }), [20, 18, 18, 29]);
    near(tf.linalg.matvec(A, [1, 1]), [6, 7]);
    near(tf.linalg.matvec(A, [1, 0], { transposeA: true }), [4, 2]);
    near(tf.linalg.trace(A), 9);
    near(tf.linalg.matrixTranspose([[1, 2, 3]]), [1, 2, 3]);
    assert.deepEqual(tf.linalg.matrixTranspose([[1, 2, 3]]).shape, [3, 1]);
  });

  it("svd returns [s, u, v] with a = u·diag(s)·vᵀ; qr and eigh", () => {
    const a = tf.constant([
      [3, 0],
      [4, 5],
      [0, 1],
    ]);
    const [s, u, v] = tf.linalg.svd(a) as Tensor[];
    assert.deepEqual(u.shape, [3, 2]);
    assert.deepEqual(v.shape, [2, 2]);
    near(tf.matmul(u.mul(s), v, { transposeB: true }), [3, 0, 4, 5, 0, 1], 1e-4);
    near(tf.linalg.svd(a, { computeUv: false }) as Tensor, s.dataSync() as unknown as number[]);
    const [q, r] = tf.linalg.qr(a);
    assert.deepEqual(
      [q.shape, r.shape],
      [
        [3, 2],
        [2, 2],
      ],
    );
    near(tf.matmul(q, r), [3, 0, 4, 5, 0, 1], 1e-4);
    const [e, vecs] = tf.linalg.eigh([
      [2, 1],
      [1, 2],
    ]);
    near(e, [1, 3]);
    near(tf.abs(vecs), [Math.SQRT1_2, Math.SQRT1_2, Math.SQRT1_2, Math.SQRT1_2]);
    near(tf.linalg.eigvalsh(A), [(9 - Math.sqrt(17)) / 2, (9 + Math.sqrt(17)) / 2]);
  });

  it("solve, pinv, lstsq (with and without an l2 regularizer)", () => {
    near(tf.linalg.solve(A, [[8], [7]]), [1.625, 0.75]);
    const upper = [
      [1, 2],
      [0, 1],
    ];
    near(tf.linalg.solve(upper, [[1], [4]]), [-7, 4]);
    near(tf.linalg.solve(upper, [[1], [4]], { adjoint: true }), [1, 2]);
    const X = tf.constant([
      [1, 0],
      [1, 1],
      [1, 2],
    ]);
    const y = tf.constant([[1], [2], [4]]);
    // Normal equations: XᵀX = [[3, 3], [3, 5]], Xᵀy = [7, 10] → θ = [5/6, 3/2].
    near(tf.linalg.lstsq(X, y), [5 / 6, 1.5], 1e-4);
    near(tf.linalg.pinv(X).matmul(y), [5 / 6, 1.5], 1e-4);
    // Ridge: (XᵀX + I) θ = Xᵀy → [[4, 3], [3, 6]] θ = [7, 10] → θ = [4/5, 19/15].
    near(tf.linalg.lstsq(X, y, { l2Regularizer: 1 }), [12 / 15, 19 / 15], 1e-4);
  });

  it("diag, diagPart, bandPart, tensordot, einsum, eye, norm", () => {
    near(tf.linalg.diag([1, 2]), [1, 0, 0, 2]);
    near(
      tf.linalg.diagPart([
        [1, 2, 3],
        [4, 5, 6],
      ]),
      [1, 5],
    );
    const m = tf.constant([
      [1, 2, 3],
      [4, 5, 6],
      [7, 8, 9],
    ]);
    near(tf.linalg.bandPart(m, 0, -1), [1, 2, 3, 0, 5, 6, 0, 0, 9]);
    near(tf.linalg.bandPart(m, 1, 0), [1, 0, 0, 4, 5, 0, 0, 8, 9]);
    near(tf.linalg.tensordot([1, 2], [3, 4], 1), 11);
    near(tf.linalg.einsum("ij,j->i", A, [1, 1]), [6, 7]);
    near(tf.einsum("ii", A), 9);
    near(tf.linalg.eye(2), [1, 0, 0, 1]);
    near(tf.linalg.norm([3, 4]), 5);
  });

  it("differentiates: d logdet(A)/dA = A⁻ᵀ, d trace(AᵀA)/dA = 2A, and through svd", () => {
    const a = new tf.Variable(tf.constant(A, { dtype: "float64" }));
    const tape = new tf.GradientTape({ persistent: true });
    const [logdet, tr, sv] = tape.record(() => [
      tf.linalg.logdet(a),
      tf.linalg.trace(tf.linalg.matmul(a, a, { transposeA: true })),
      tf.reduceSum(tf.linalg.svd(a, { computeUv: false }) as Tensor),
    ]);
    near(tape.gradient(logdet, a) as Tensor, [5 / 16, -2 / 16, -2 / 16, 4 / 16], 1e-9);
    near(tape.gradient(tr, a) as Tensor, [8, 4, 4, 10], 1e-9);
    // Σ singular values of a symmetric positive definite matrix = its trace: gradient I.
    near(tape.gradient(sv, a) as Tensor, [1, 0, 0, 1], 1e-9);
  });
});
