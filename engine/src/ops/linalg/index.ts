/**
 * The `np.linalg` ops: each forward definition sits beside its gradient (one file per family).
 * Decompositions are multi-output ops (`runKernelMulti`), recorded by tapes as one op.
 */
export { inv, det, slogdet, solve } from "./inverse.js";
export { cholesky } from "./cholesky.js";
export { qr } from "./qr.js";
export { svd, type SvdOptions } from "./svd.js";
export { eigh, eigvalsh } from "./eigh.js";
export { eig, eigvals, type ComplexTensor } from "./eig.js";
export { pinv, lstsq, matrixRank } from "./lstsq.js";
export { norm, cond, type NormOptions } from "./norm.js";
export { matrixPower } from "./power.js";
export { swapLast } from "./common.js";
