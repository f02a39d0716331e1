/**
 * `np.linalg`: NumPy's linear algebra. Functions returning several arrays in NumPy return a JS
 * array (`const [q, r] = np.linalg.qr(a)`). Errors are `LinAlgError`s with NumPy's messages.
 * The functions are ops with gradients (see docs/autodiff.md), except `eig`/`eigvals` and
 * `matrixRank`.
 *
 * @example
 * ```ts
 * const theta = np.linalg.inv(Xb.T.matmul(Xb)).matmul(Xb.T).matmul(y);
 * const [U, s, Vt] = np.linalg.svd(Xc, { fullMatrices: false });
 * ```
 */
export { LinAlgError } from "../linalg/index.js";
export { matmul, dot, vdot, inner, outer, tensordot, kron, trace, einsum } from "../ops/products.js";
export {
  inv,
  det,
  slogdet,
  solve,
  cholesky,
  qr,
  svd,
  eigh,
  eigvalsh,
  eig,
  eigvals,
  pinv,
  lstsq,
  matrixRank,
  norm,
  cond,
  matrixPower,
  type SvdOptions,
  type ComplexTensor,
  type NormOptions,
} from "../ops/linalg/index.js";
