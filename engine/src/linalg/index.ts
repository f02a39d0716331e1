/**
 * Tensorbook's linear-algebra layer: NumPy's `linalg` and matrix products on plain row-major
 * typed arrays (`Dense` = `{ data, shape }`), independent of the engine's `Tensor`.
 *
 * Conventions: inputs are contiguous row-major `Float64Array`/`Float32Array`; stacked inputs
 * `(..., M, N)` are processed matrix by matrix; results keep the input dtype (promoted for two
 * inputs). Decompositions compute in float64 and round float32 results once. Errors are
 * {@link LinAlgError} / {@link ValueError} with NumPy's messages.
 *
 * @example
 * ```ts
 * import * as linalg from "./linalg/index.js";
 * const a = { data: new Float64Array([4, 2, 2, 3]), shape: [2, 2] };
 * linalg.solve(a, { data: new Float64Array([2, 1]), shape: [2] }).data; // [0.5, 0]
 * const { u, s, vh } = linalg.svd(a, { fullMatrices: false });
 * ```
 */
export {
  type Dense,
  type IntDense,
  type FloatArray,
  type FloatDType,
  dtypeOf,
  epsOf,
  promote,
} from "./types.js";
export { LinAlgError, ValueError, MSG } from "./errors.js";
export { gemm, gemmJs, setGemmAccelerator, type GemmAccelerator } from "./gemm.js";
export { loadKernels, type WasmKernels } from "./wasm-kernel.js";
export { getrf, getrs, solve, inv, det, slogdet } from "./lu.js";
export { potrf, cholesky } from "./cholesky.js";
export { geqrf, orgqr, qr, type QrMode } from "./qr.js";
export { svd, svdMatrix, type SvdOptions, type SvdResult, type UvMode } from "./svd.js";
export { eigh, eigvalsh, eighMatrix, steqr, type Uplo } from "./eigh.js";
export { eig, eigvals, eigMatrix, type EigOutput, type EigResult } from "./eig.js";
export { lstsq, lstsqInPlace, pinv, matrixRank, type LstsqResult } from "./lstsq.js";
export { norm, cond, matrixNorm, type NormOrd, type NormOptions } from "./norm.js";
export { matmul, dot, vdot, inner, outer, tensordot, kron, trace, matrixPower } from "./products.js";
export { einsum } from "./einsum.js";
export { planEinsum, type EinsumPlan } from "./einsum-plan.js";
