/**
 * The SVM kernels on row-major float64 matrices: linear u·v, polynomial (γu·v + r)^d, RBF
 * exp(−γ‖u − v‖²), sigmoid tanh(γu·v + r), and precomputed Gram matrices. Blocks of kernel values
 * come from one GEMM (the dot products) followed by an element-wise map; single rows from a
 * matrix–vector product.
 */
import { gemm } from "../../linalg/gemm.js";
import { gemvN } from "../../linalg/gemv.js";

/** Kernel names scikit-learn accepts (a callable is turned into "precomputed" by the estimator). */
export const KERNELS = ["linear", "poly", "rbf", "sigmoid", "precomputed"] as const;

/** One of {@link KERNELS}. */
export type KernelName = (typeof KERNELS)[number];

/** A kernel with its resolved parameters. */
export interface KernelParams {
  kernel: KernelName;
  gamma: number;
  degree: number;
  coef0: number;
}

/** base^times by repeated squaring, for integer degrees (what libsvm's polynomial kernel does). */
export function powi(base: number, times: number): number {
  let tmp = base;
  let ret = 1;
  for (let t = times; t > 0; t = Math.floor(t / 2)) {
    if (t % 2 === 1) ret *= tmp;
    tmp *= tmp;
  }
  return ret;
}

/** The kernel value from the dot product u·v and the squared norms (RBF only uses the norms). */
export function kernelFromDot(p: KernelParams, dot: number, sqU: number, sqV: number): number {
  switch (p.kernel) {
    case "linear":
    case "precomputed":
      return dot;
    case "poly":
      return powi(p.gamma * dot + p.coef0, p.degree);
    case "rbf":
      return Math.exp(-p.gamma * Math.max(sqU + sqV - 2 * dot, 0));
    case "sigmoid":
      return Math.tanh(p.gamma * dot + p.coef0);
  }
}

/** Squared Euclidean norm of each row of an n×d matrix. */
export function rowNorms(X: Float64Array, n: number, d: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    const o = i * d;
    for (let j = 0; j < d; j++) s += X[o + j] * X[o + j];
    out[i] = s;
  }
  return out;
}

/**
 * The kernel block K(A, B) (nA×nB, row-major, written into `out`): one GEMM for the dot products,
 * then the kernel's map. `sqA`/`sqB` are the row norms (needed by RBF only).
 */
export function kernelBlock(
  p: KernelParams,
  A: Float64Array,
  nA: number,
  B: Float64Array,
  nB: number,
  d: number,
  sqA: Float64Array | null,
  sqB: Float64Array | null,
  out: Float64Array,
): void {
  gemm(false, true, nA, nB, d, 1, A, d, B, d, 0, out, nB);
  if (p.kernel === "linear") return;
  for (let i = 0; i < nA; i++) {
    const o = i * nB;
    const si = sqA ? sqA[i] : 0;
    for (let j = 0; j < nB; j++) out[o + j] = kernelFromDot(p, out[o + j], si, sqB ? sqB[j] : 0);
  }
}

/**
 * One kernel row K(x_r, X) for a row r of the n×d matrix X, into `out` (length n): a
 * matrix–vector product (the native addon's GEMM when it is built) and the kernel's map.
 */
export function kernelRow(
  p: KernelParams,
  X: Float64Array,
  n: number,
  d: number,
  sq: Float64Array,
  r: number,
  out: Float64Array,
): void {
  gemvN(n, d, 1, X, 0, d, X, r * d, 1, 0, out, 0, 1);
  if (p.kernel === "linear") return;
  const sr = sq[r];
  for (let j = 0; j < n; j++) out[j] = kernelFromDot(p, out[j], sr, sq[j]);
  if (p.kernel === "rbf") out[r] = 1; // exactly, whatever the rounding of the expansion
}

/** K(x_r, x_r). */
export function kernelDiag(p: KernelParams, sq: Float64Array, r: number): number {
  if (p.kernel === "rbf") return 1;
  return kernelFromDot(p, sq[r], sq[r], sq[r]);
}
