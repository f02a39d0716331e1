// `tf.linalg`: TensorFlow's linear-algebra module as thin wrappers of the `np.linalg` ops (so
// every one differentiates as they do), with TensorFlow's names, argument orders and return
// conventions (`svd` gives `[s, u, v]`, `qr` the thin factors by default). Results are immutable.
import { finfo } from "../core/dtype.js";
import type { Tensor } from "../core/tensor.js";
import * as la from "../ops/linalg/index.js";
import { diagEmbed, maskMatrix, swapLast } from "../ops/linalg/common.js";
import { mul as elementMul } from "../ops/arithmetic.js";
import { log } from "../ops/math.js";
import * as p from "../ops/products.js";
import { sum } from "../ops/reduce.js";
import { frozen, tfTensor, type TfTensorLike } from "./convert.js";

export { matmul } from "./products.js";
export { norm } from "./reduce.js";
export { eye } from "./creation.js";

const floatTensor = (x: TfTensorLike): Tensor => tfTensor(x);

/**
 * Matrix-vector product `a @ b` over the last axes (`tf.linalg.matvec`), batched.
 *
 * @example
 * ```ts
 * tf.linalg.matvec([[1, 2], [3, 4]], [1, 1]); // [3, 7]
 * ```
 */
export function matvec(a: TfTensorLike, b: TfTensorLike, opts: { transposeA?: boolean } = {}): Tensor {
  const m = floatTensor(a);
  const v = floatTensor(b);
  const out = p.matmul(opts.transposeA ? swapLast(m) : m, v.expandDims(-1));
  return frozen(out.reshape(out.shape.slice(0, -1)));
}

/** The transpose of the last two axes (`tf.linalg.matrix_transpose`, `adjoint` for real tensors). @example `tf.linalg.matrixTranspose(x)` */
export function matrixTranspose(a: TfTensorLike): Tensor {
  return frozen(swapLast(floatTensor(a)));
}
export { matrixTranspose as adjoint };

/** Inverse of each square matrix (`tf.linalg.inv`). @example `tf.linalg.inv([[2, 0], [0, 4]])` */
export function inv(a: TfTensorLike): Tensor {
  return frozen(la.inv(floatTensor(a)));
}

/** Determinant of each square matrix (`tf.linalg.det`). @example `tf.linalg.det([[1, 2], [3, 4]]) // -2` */
export function det(a: TfTensorLike): Tensor {
  return frozen(la.det(floatTensor(a)));
}

/**
 * Sign and log of the absolute determinant (`tf.linalg.slogdet`): `[sign, logAbsDeterminant]`.
 *
 * @example
 * ```ts
 * const [sign, logAbsDet] = tf.linalg.slogdet(A);
 * ```
 */
export function slogdet(a: TfTensorLike): [Tensor, Tensor] {
  const [s, l] = la.slogdet(floatTensor(a));
  return [frozen(s), frozen(l)];
}

/**
 * Log-determinant of a symmetric positive definite matrix, via Cholesky (`tf.linalg.logdet`):
 * `2·Σ log diag(L)`.
 *
 * @example
 * ```ts
 * tf.linalg.logdet([[4, 0], [0, 9]]); // log 36
 * ```
 */
export function logdet(a: TfTensorLike): Tensor {
  return frozen(elementMul(sum(log(diagPart(la.cholesky(floatTensor(a)))), -1), 2));
}

/** Lower Cholesky factor (`tf.linalg.cholesky`). @example `tf.linalg.cholesky([[4, 2], [2, 5]])` */
export function cholesky(a: TfTensorLike): Tensor {
  return frozen(la.cholesky(floatTensor(a)));
}

/**
 * QR decomposition (`tf.linalg.qr`): `[q, r]`, thin unless `fullMatrices`.
 *
 * @example
 * ```ts
 * const [q, r] = tf.linalg.qr(A);
 * ```
 */
export function qr(a: TfTensorLike, opts: { fullMatrices?: boolean } = {}): [Tensor, Tensor] {
  const [q, r] = la.qr(floatTensor(a), { mode: opts.fullMatrices ? "complete" : "reduced" });
  return [frozen(q), frozen(r)];
}

/** Options of `tf.linalg.svd`. */
export interface TfSvdOptions {
  /** Full U and V (default false: the thin factors). */
  fullMatrices?: boolean;
  /** Return `[s, u, v]` (default true) or `s` alone. */
  computeUv?: boolean;
}

/**
 * Singular value decomposition in TensorFlow's convention (`tf.linalg.svd`): `[s, u, v]` with
 * `a = u · diag(s) · vᵀ` (v, not vᵀ as NumPy returns), or `s` alone with `computeUv: false`.
 *
 * @example
 * ```ts
 * const [s, u, v] = tf.linalg.svd(A) as Tensor[];
 * const s2 = tf.linalg.svd(A, { computeUv: false });
 * ```
 */
export function svd(a: TfTensorLike, opts: TfSvdOptions = {}): Tensor | [Tensor, Tensor, Tensor] {
  const computeUv = opts.computeUv ?? true;
  const out = la.svd(floatTensor(a), { fullMatrices: opts.fullMatrices ?? false, computeUv });
  if (!computeUv) return frozen(out[0]);
  const [u, s, vh] = out;
  return [frozen(s), frozen(u), frozen(swapLast(vh))];
}

/**
 * Eigen-decomposition of self-adjoint (symmetric) matrices (`tf.linalg.eigh`): `[e, v]`,
 * eigenvalues ascending.
 *
 * @example
 * ```ts
 * const [e, v] = tf.linalg.eigh([[2, 1], [1, 2]]); // e = [1, 3]
 * ```
 */
export function eigh(a: TfTensorLike): [Tensor, Tensor] {
  const [e, v] = la.eigh(floatTensor(a));
  return [frozen(e), frozen(v)];
}

/** Eigenvalues of symmetric matrices, ascending (`tf.linalg.eigvalsh`). @example `tf.linalg.eigvalsh(C)` */
export function eigvalsh(a: TfTensorLike): Tensor {
  return frozen(la.eigvalsh(floatTensor(a)));
}

/**
 * Solves `matrix · x = rhs` for x (`tf.linalg.solve`; `rhs` is `[..., M, K]`), or
 * `matrixᵀ · x = rhs` with `adjoint`.
 *
 * @example
 * ```ts
 * tf.linalg.solve([[3, 1], [1, 2]], [[9], [8]]); // [[2], [3]]
 * ```
 */
export function solve(matrix: TfTensorLike, rhs: TfTensorLike, opts: { adjoint?: boolean } = {}): Tensor {
  const m = floatTensor(matrix);
  return frozen(la.solve(opts.adjoint ? swapLast(m) : m, floatTensor(rhs)));
}

/**
 * Moore-Penrose pseudo-inverse (`tf.linalg.pinv`); `rcond` defaults to TensorFlow's
 * `10·max(M, N)·eps`.
 *
 * @example
 * ```ts
 * tf.linalg.pinv(X);
 * ```
 */
export function pinv(a: TfTensorLike, opts: { rcond?: number } = {}): Tensor {
  const t = floatTensor(a);
  const [m, n] = t.shape.slice(-2);
  const eps = finfo(t.dtype === "float64" ? "float64" : "float32").eps;
  return frozen(la.pinv(t, opts.rcond ?? 10 * Math.max(m, n) * eps));
}

/**
 * Least-squares solution of `matrix · x ≈ rhs` (`tf.linalg.lstsq`, `rhs` `[M, K]`). With
 * `l2Regularizer` λ > 0 it solves the ridge system `(AᵀA + λI) x = Aᵀ·rhs`.
 *
 * @example
 * ```ts
 * const theta = tf.linalg.lstsq(Xb, y);
 * ```
 */
export function lstsq(
  matrix: TfTensorLike,
  rhs: TfTensorLike,
  opts: { l2Regularizer?: number } = {},
): Tensor {
  const a = floatTensor(matrix);
  const b = floatTensor(rhs);
  const l2 = opts.l2Regularizer ?? 0;
  if (l2 === 0) return frozen(la.lstsq(a, b)[0]);
  const at = swapLast(a);
  const n = a.shape[a.ndim - 1];
  const gram = p.matmul(at, a).add(maskMatrix(n, n, a.dtype, (i, j) => i === j).mul(l2));
  return frozen(la.solve(gram, p.matmul(at, b)));
}

/** Sum of the diagonal of each matrix over the last two axes (`tf.linalg.trace`). @example `tf.linalg.trace(A)` */
export function trace(a: TfTensorLike): Tensor {
  return frozen(p.trace(floatTensor(a), 0, -2, -1));
}

/** Diagonal matrices from vectors over the last axis (`tf.linalg.diag`). @example `tf.linalg.diag([1, 2])` */
export function diag(v: TfTensorLike): Tensor {
  return frozen(diagEmbed(floatTensor(v)));
}

/**
 * The main diagonal of each matrix over the last two axes (`tf.linalg.diag_part`), a copy.
 *
 * @example
 * ```ts
 * tf.linalg.diagPart([[1, 2], [3, 4]]); // [1, 4]
 * ```
 */
export function diagPart(a: TfTensorLike): Tensor {
  const t = floatTensor(a);
  const [m, n] = t.shape.slice(-2);
  const s = t.strides;
  const view = t.view(
    [...t.shape.slice(0, -2), Math.min(m, n)],
    [...s.slice(0, -2), s[s.length - 2] + s[s.length - 1]],
  );
  return frozen(view.copy());
}

/**
 * Keeps `numLower` sub-diagonals and `numUpper` super-diagonals (negative: all) and zeroes the
 * rest (`tf.linalg.band_part`); `bandPart(a, -1, 0)` is the lower triangle.
 *
 * @example
 * ```ts
 * tf.linalg.bandPart(A, 0, -1); // upper triangle
 * ```
 */
export function bandPart(a: TfTensorLike, numLower: number, numUpper: number): Tensor {
  const t = floatTensor(a);
  const [m, n] = t.shape.slice(-2);
  const mask = maskMatrix(
    m,
    n,
    t.dtype,
    (i, j) => (numLower < 0 || i - j <= numLower) && (numUpper < 0 || j - i <= numUpper),
  );
  return frozen(elementMul(t, mask));
}

/** Sum-product over axes (`tf.linalg.tensordot`). @example `tf.linalg.tensordot(a, b, 1)` */
export function tensordot(a: TfTensorLike, b: TfTensorLike, axes: number | [number[], number[]]): Tensor {
  return frozen(p.tensordot(floatTensor(a), floatTensor(b), axes));
}

/** Einstein summation (`tf.linalg.einsum`, also `tf.einsum`). @example `tf.linalg.einsum("ij,jk->ik", a, b)` */
export function einsum(subscripts: string, ...operands: TfTensorLike[]): Tensor {
  return frozen(p.einsum(subscripts, ...operands.map(floatTensor)));
}
