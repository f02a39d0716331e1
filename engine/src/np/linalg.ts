/**
 * `np.linalg`: NumPy's linear algebra. Functions returning several arrays in NumPy return a JS
 * array (`const [q, r] = np.linalg.qr(a)`). Errors are `LinAlgError`s with NumPy's messages.
 *
 * @example
 * ```ts
 * const theta = np.linalg.inv(Xb.T.matmul(Xb)).matmul(Xb.T).matmul(y);
 * const [U, s, Vt] = np.linalg.svd(Xc, { fullMatrices: false });
 * ```
 */
import { toTensor } from "../core/convert.js";
import { runKernel, runKernelMulti } from "../core/registry.js";
import type { Tensor, TensorLike } from "../core/tensor.js";
import type { NormOrd, QrMode, Uplo } from "../linalg/index.js";
import { registerGradient } from "../autodiff/registry.js";
import { mul, neg } from "../ops/arithmetic.js";
import { matmul } from "../ops/products.js";

export { LinAlgError } from "../linalg/index.js";
export { matmul, dot, vdot, inner, outer, tensordot, kron, trace, einsum } from "../ops/products.js";

const t = (x: TensorLike): Tensor => toTensor(x);

/** Inverse of a square matrix (or a stack of them). Singular input: "Singular matrix". */
export function inv(a: TensorLike): Tensor {
  return runKernel("linalg.inv", [t(a)], {});
}

/** Moore-Penrose pseudo-inverse via SVD; singular values below `rcond`·max are treated as zero. */
export function pinv(a: TensorLike, rcond = 1e-15): Tensor {
  return runKernel("linalg.pinv", [t(a)], { rcond });
}

/** Determinant (via LU). */
export function det(a: TensorLike): Tensor {
  return runKernel("linalg.det", [t(a)], {});
}

/** Sign and natural log of the absolute determinant: `const [sign, logdet] = np.linalg.slogdet(a)`. */
export function slogdet(a: TensorLike): [Tensor, Tensor] {
  const [sign, logabsdet] = runKernelMulti("linalg.slogdet", [t(a)], {});
  return [sign, logabsdet];
}

/** Solves `a x = b` (batched; b is a vector when it has one dimension less than a). */
export function solve(a: TensorLike, b: TensorLike): Tensor {
  return runKernel("linalg.solve", [t(a), t(b)], {});
}

/**
 * Least squares `min ||a x - b||`: returns `[x, residuals, rank, s]` like NumPy. `rcond` null (the
 * default) means eps·max(M, N).
 *
 * @example
 * ```ts
 * const [theta, residuals, rank, s] = np.linalg.lstsq(Xb, y, { rcond: 1e-6 });
 * ```
 */
export function lstsq(
  a: TensorLike,
  b: TensorLike,
  opts: { rcond?: number | null } = {},
): [Tensor, Tensor, number, Tensor] {
  const [x, residuals, rank, s] = runKernelMulti("linalg.lstsq", [t(a), t(b)], { rcond: opts.rcond ?? null });
  return [x, residuals, Number(rank.item()), s];
}

/** Lower Cholesky factor L with `a = L Lᵀ`; "Matrix is not positive definite" otherwise. */
export function cholesky(a: TensorLike): Tensor {
  return runKernel("linalg.cholesky", [t(a)], {});
}

/** QR decomposition by Householder reflections: `[q, r]` ("reduced", "complete") or `[r]` ("r"). */
export function qr(a: TensorLike, opts: { mode?: QrMode } = {}): Tensor[] {
  return runKernelMulti("linalg.qr", [t(a)], { mode: opts.mode ?? "reduced" });
}

/** Options of `svd`. */
export interface SvdOptions {
  /** U is M×M and Vᵀ N×N (default true); false gives the thin factors. */
  fullMatrices?: boolean;
  /** Return `[u, s, vh]` (default true) or just `[s]`. */
  computeUv?: boolean;
}

/** Singular value decomposition: `[u, s, vh]` with `s` descending (or `[s]`). */
export function svd(a: TensorLike, opts: SvdOptions = {}): Tensor[] {
  return runKernelMulti("linalg.svd", [t(a)], {
    fullMatrices: opts.fullMatrices ?? true,
    computeUv: opts.computeUv ?? true,
  });
}

/** Eigen-decomposition of a symmetric matrix: `[w, v]`, eigenvalues ascending. */
export function eigh(a: TensorLike, opts: { UPLO?: Uplo } = {}): [Tensor, Tensor] {
  const [w, v] = runKernelMulti("linalg.eigh", [t(a)], { uplo: opts.UPLO ?? "L" });
  return [w, v];
}

/** Eigenvalues of a symmetric matrix, ascending. */
export function eigvalsh(a: TensorLike, opts: { UPLO?: Uplo } = {}): Tensor {
  return runKernel("linalg.eigvalsh", [t(a)], { uplo: opts.UPLO ?? "L" });
}

/**
 * Complex values as two real tensors (NumPy would return a complex array): `re` and `im` have the
 * same shape.
 */
export interface ComplexTensor {
  readonly re: Tensor;
  readonly im: Tensor;
}

/**
 * Eigenvalues and right eigenvectors of a general real matrix: `[w, v]`. When every eigenvalue
 * is real (NumPy then returns real arrays) `w` and `v` are tensors; otherwise each is a
 * `ComplexTensor` `{ re, im }`.
 */
export function eig(a: TensorLike): [Tensor, Tensor] | [ComplexTensor, ComplexTensor] {
  const [wRe, wIm, isReal, vRe, vIm] = runKernelMulti("linalg.eig", [t(a)], { vectors: true });
  return isReal.item()
    ? [wRe, vRe]
    : [
        { re: wRe, im: wIm },
        { re: vRe, im: vIm },
      ];
}

/** Eigenvalues of a general real matrix (a tensor when all are real, else `{ re, im }`). */
export function eigvals(a: TensorLike): Tensor | ComplexTensor {
  const [wRe, wIm, isReal] = runKernelMulti("linalg.eig", [t(a)], { vectors: false });
  return isReal.item() ? wRe : { re: wRe, im: wIm };
}

/** Rank by SVD: singular values above `tol` (default `S.max() * max(M, N) * eps`). */
export function matrixRank(a: TensorLike, opts: { tol?: number | null } = {}): Tensor {
  return runKernel("linalg.matrixRank", [t(a)], { tol: opts.tol ?? null });
}

/** Condition number in norm `p` (default 2: ratio of extreme singular values). */
export function cond(a: TensorLike, p: NormOrd = null): Tensor {
  return runKernel("linalg.cond", [t(a)], { p });
}

/** Options of `norm`. */
export interface NormOptions {
  /** Vector norm along one axis, or matrix norm over two. */
  axis?: number | [number, number];
  keepdims?: boolean;
}

/**
 * Vector or matrix norm (`ord`: numbers, Infinity, "fro", "nuc"; default 2-norm / Frobenius).
 *
 * @example
 * ```ts
 * np.linalg.norm([3, 4]); // 5
 * np.linalg.norm(X, 1, { axis: 1 });
 * ```
 */
export function norm(x: TensorLike, ord: NormOrd | NormOptions = null, opts: NormOptions = {}): Tensor {
  if (ord !== null && typeof ord === "object") return norm(x, null, ord);
  return runKernel("linalg.norm", [t(x)], { ord, axis: opts.axis, keepdims: opts.keepdims });
}

/** `a` raised to the integer power `n` by repeated squaring (negative n inverts). */
export function matrixPower(a: TensorLike, n: number): Tensor {
  return runKernel("matrixPower", [t(a)], { n });
}

// ---- Gradients -------------------------------------------------------------------------------
// On the last two axes (batched). inv: dA = -A⁻ᵀ·dY·A⁻ᵀ. det: dA = dY·det·A⁻ᵀ.
// solve (x = A⁻¹b): db = A⁻ᵀ·dx, dA = -db·xᵀ.

const swapLast = (m: Tensor): Tensor => {
  const perm = [...m.shape.keys()];
  [perm[m.ndim - 2], perm[m.ndim - 1]] = [perm[m.ndim - 1], perm[m.ndim - 2]];
  return m.transpose(perm);
};

registerGradient("linalg.inv", (dy, _inputs, _attrs, out) => {
  const outT = swapLast(out);
  return [neg(matmul(matmul(outT, dy), outT))];
});

registerGradient("linalg.det", (dy, [a], _attrs, out) => {
  const scale = mul(dy, out).reshape([...out.shape, 1, 1]);
  return [mul(scale, swapLast(inv(a)))];
});

registerGradient("linalg.solve", (dy, [a, b], _attrs, x, needs) => {
  const vector = b.ndim === a.ndim - 1;
  const db = solve(swapLast(a), dy);
  const col = (v: Tensor): Tensor => (vector ? v.reshape([...v.shape, 1]) : v);
  return [needs[0] ? neg(matmul(col(db), swapLast(col(x)))) : null, db];
});
