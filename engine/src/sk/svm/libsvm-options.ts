/**
 * What `SVC` and `SVR` share: their kernel options and checks, γ's "scale"/"auto" rules, the
 * training data handed to libsvm (features, a precomputed kernel, or a callable kernel's Gram
 * matrix), and the kernel between new samples and the support vectors.
 */
import { ValueError } from "../../core/errors.js";
import { toTensor } from "../../core/convert.js";
import { Tensor, type TensorLike } from "../../core/tensor.js";
import { InvalidParameterError } from "../base/errors.js";
import { checkArray } from "../base/validation.js";
import { matrixOf } from "../internal/matrix.js";
import { KERNELS, kernelBlock, rowNorms, type KernelName, type KernelParams } from "./kernels.js";
import type { LibsvmSettings, TrainData } from "./libsvm.js";

/** A kernel given as a function: the Gram matrix between the rows of X and of Y. */
export type KernelFunction = (X: Tensor, Y: Tensor) => TensorLike;

/** The kernel options of SVC and SVR. */
export interface KernelOptions {
  /** `"rbf"` (default), `"linear"`, `"poly"`, `"sigmoid"`, `"precomputed"`, or a function. */
  kernel?: KernelName | KernelFunction;
  /** Degree of the polynomial kernel (default 3). */
  degree?: number;
  /** `"scale"` (default: 1 / (n_features · X.var())), `"auto"` (1 / n_features) or a number ≥ 0. */
  gamma?: "scale" | "auto" | number;
  /** Independent term of the poly and sigmoid kernels (default 0). */
  coef0?: number;
  /** Stopping tolerance of the solver (default 1e-3). */
  tol?: number;
  /** Regularization: the bound on the dual coefficients (default 1; Infinity gives a hard margin). */
  C?: number;
  /** Whether to use the shrinking heuristic (default true). */
  shrinking?: boolean;
  /** Kernel cache size in MB (default 200). */
  cacheSize?: number;
  /** Accepted for scikit-learn compatibility (no solver log is printed). */
  verbose?: boolean;
  /** Solver iterations at most; −1 (default) for no limit. */
  maxIter?: number;
}

/** The option values as stored on an estimator. */
export interface KernelSettings {
  kernel: KernelName | KernelFunction;
  degree: number;
  gamma: "scale" | "auto" | number;
  coef0: number;
  tol: number;
  C: number;
  shrinking: boolean;
  cacheSize: number;
  maxIter: number;
}

/** Defaults shared by SVC and SVR. */
export const KERNEL_DEFAULTS = {
  kernel: "rbf",
  degree: 3,
  gamma: "scale",
  coef0: 0,
  tol: 1e-3,
  C: 1,
  shrinking: true,
  cacheSize: 200,
  verbose: false,
  maxIter: -1,
} as const;

function bad(est: string, name: string, what: string, got: unknown): InvalidParameterError {
  const shown = typeof got === "string" ? `'${got}'` : String(got);
  return new InvalidParameterError(
    `The '${name}' parameter of ${est} must be ${what}. Got ${shown} instead.`,
  );
}

/** Checks the kernel options (scikit-learn's parameter constraints, with its messages). */
export function checkKernelSettings(est: string, s: KernelSettings): void {
  if (typeof s.kernel !== "function" && !(KERNELS as readonly string[]).includes(s.kernel as string)) {
    throw bad(
      est,
      "kernel",
      "a str among {'linear', 'poly', 'rbf', 'sigmoid', 'precomputed'} or a callable",
      s.kernel,
    );
  }
  if (!(typeof s.C === "number" && s.C > 0)) throw bad(est, "C", "a float in the range (0.0, inf]", s.C);
  if (!(Number.isInteger(s.degree) && s.degree >= 0))
    throw bad(est, "degree", "an int in the range [0, inf)", s.degree);
  if (!(
    s.gamma === "scale" ||
    s.gamma === "auto" ||
    (typeof s.gamma === "number" && s.gamma >= 0 && Number.isFinite(s.gamma))
  )) {
    throw bad(est, "gamma", "a str among {'scale', 'auto'} or a float in the range [0.0, inf)", s.gamma);
  }
  if (!(typeof s.coef0 === "number" && Number.isFinite(s.coef0))) throw bad(est, "coef0", "a float", s.coef0);
  if (!(typeof s.tol === "number" && s.tol > 0))
    throw bad(est, "tol", "a float in the range (0.0, inf)", s.tol);
  if (!(typeof s.cacheSize === "number" && s.cacheSize > 0)) {
    throw bad(est, "cache_size", "a float in the range (0.0, inf)", s.cacheSize);
  }
  if (!(Number.isInteger(s.maxIter) && s.maxIter >= -1))
    throw bad(est, "max_iter", "an int in the range [-1, inf)", s.maxIter);
  if (typeof s.shrinking !== "boolean") throw bad(est, "shrinking", "an instance of 'bool'", s.shrinking);
}

/** γ as fitted: "scale" → 1 / (d · var(X)) (1 when X is constant), "auto" → 1 / d. */
export function resolveGamma(gamma: KernelSettings["gamma"], X: Float64Array, d: number): number {
  if (typeof gamma === "number") return gamma;
  if (gamma === "auto") return 1 / d;
  let mean = 0;
  for (let i = 0; i < X.length; i++) mean += X[i];
  mean /= X.length;
  let v = 0;
  for (let i = 0; i < X.length; i++) v += (X[i] - mean) * (X[i] - mean);
  v /= X.length;
  return v !== 0 ? 1 / (d * v) : 1;
}

/** The fitted kernel: what prediction needs besides the support vectors. */
export interface FittedKernel {
  params: KernelParams;
  /** For a kernel function: the training X (the function is evaluated against it). */
  fitX: Tensor | null;
}

/** The training data for libsvm from the validated X, and the kernel to use with it. */
export function trainingData(
  est: string,
  s: KernelSettings,
  Xt: Tensor,
): { data: TrainData; kernel: FittedKernel } {
  const [n, d] = Xt.shape;
  if (typeof s.kernel === "function") {
    const K = matrixOf(checkKernelMatrix(s.kernel(Xt, Xt), n, n, est));
    return {
      data: { X: K.data, n, d: n },
      kernel: { params: { kernel: "precomputed", gamma: 0, degree: s.degree, coef0: s.coef0 }, fitX: Xt },
    };
  }
  const M = matrixOf(Xt);
  if (s.kernel === "precomputed" && n !== d) {
    throw new ValueError(`Precomputed matrix must be a square matrix. Input is a ${n}x${d} matrix.`);
  }
  const gamma = s.kernel === "precomputed" ? 0 : resolveGamma(s.gamma, M.data, d);
  return {
    data: { X: M.data, n, d },
    kernel: { params: { kernel: s.kernel, gamma, degree: s.degree, coef0: s.coef0 }, fitX: null },
  };
}

function checkKernelMatrix(K: TensorLike, rows: number, cols: number, est: string): Tensor {
  const t = checkArray(K instanceof Tensor ? K : toTensor(K), { estimator: est, what: "the kernel matrix" });
  if (t.shape[0] !== rows || t.shape[1] !== cols) {
    throw new ValueError(
      `The kernel function returned a ${t.shape.join("x")} matrix; expected ${rows}x${cols} (rows of X by rows of Y).`,
    );
  }
  return t;
}

/** Solver settings from the options. */
export function libsvmSettings(s: KernelSettings, kernel: KernelParams): LibsvmSettings {
  return {
    kernel,
    tol: s.tol,
    shrinking: s.shrinking,
    maxIter: s.maxIter,
    cacheBytes: s.cacheSize * 1024 * 1024,
  };
}

/**
 * Calls `each(K, start, rows)` for consecutive blocks of the kernel between the rows of `X`
 * (n×d, or n×n_train for a precomputed kernel) and the support vectors: `K` is rows×nSV.
 */
export function forSupportKernel(
  kernel: FittedKernel,
  support: Int32Array,
  SV: Float64Array,
  X: Tensor,
  kernelFn: KernelFunction | null,
  each: (K: Float64Array, start: number, rows: number) => void,
): void {
  const n = X.shape[0];
  const nSV = support.length;
  const p = kernel.params;
  if (p.kernel === "precomputed") {
    const full =
      kernel.fitX && kernelFn
        ? matrixOf(checkKernelMatrix(kernelFn(X, kernel.fitX), n, kernel.fitX.shape[0], "SVM"))
        : matrixOf(X);
    const cols = full.cols;
    const K = new Float64Array(n * nSV);
    for (let i = 0; i < n; i++)
      for (let t = 0; t < nSV; t++) K[i * nSV + t] = full.data[i * cols + support[t]];
    each(K, 0, n);
    return;
  }
  const d = X.shape[1];
  const M = matrixOf(X);
  const sqSV = rowNorms(SV, nSV, d);
  const block = Math.max(1, Math.min(n, Math.floor(4_000_000 / Math.max(nSV, 1))));
  const K = new Float64Array(block * nSV);
  for (let s = 0; s < n; s += block) {
    const rows = Math.min(block, n - s);
    const A = M.data.subarray(s * d, (s + rows) * d);
    kernelBlock(p, A, rows, SV, nSV, d, rowNorms(A, rows, d), sqSV, K);
    each(K, s, rows);
  }
}
