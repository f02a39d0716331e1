/**
 * The closed-form Ridge solvers of scikit-learn on centred data: `cholesky` (normal equations
 * XᵀX + αI, or the kernel form XXᵀ + αI when there are more features than samples) and `svd`
 * (shrunk singular values, robust to singular X). Each returns W as targets×features.
 */
import { gemm, svdMatrix } from "../../linalg/index.js";
import { gram, type Matrix } from "../internal/matrix.js";
import { solveSpd } from "./spd.js";

/** Ridge by Cholesky of the normal equations (primal when n ≥ d, dual otherwise). */
export function ridgeCholesky(X: Matrix, Y: Matrix, alpha: Float64Array): Float64Array {
  const { rows: n, cols: d } = X;
  const k = Y.cols;
  const W = new Float64Array(k * d);
  const sameAlpha = alpha.every((a) => a === alpha[0]);
  if (d > n) {
    // Kernel ridge: w = Xᵀ (XXᵀ + αI)⁻¹ y, cheaper when features outnumber samples.
    const K = new Float64Array(n * n);
    gemm(false, true, n, n, d, 1, X.data, d, X.data, d, 0, K, n);
    for (let t = 0; t < (sameAlpha ? 1 : k); t++) {
      const A = K.slice();
      for (let i = 0; i < n; i++) A[i * n + i] += alpha[t];
      let rhs: Float64Array;
      let kk: number;
      if (sameAlpha) {
        rhs = Y.data;
        kk = k;
      } else {
        rhs = new Float64Array(n);
        for (let i = 0; i < n; i++) rhs[i] = Y.data[i * k + t];
        kk = 1;
      }
      const dual = solveSpd(A, rhs, n, kk);
      const part = new Float64Array(kk * d);
      gemm(true, false, kk, d, n, 1, dual, kk, X.data, d, 0, part, d);
      W.set(part, sameAlpha ? 0 : t * d);
    }
    return W;
  }
  const G = gram(X);
  const XtY = new Float64Array(d * k);
  gemm(true, false, d, k, n, 1, X.data, d, Y.data, k, 0, XtY, k);
  for (let t = 0; t < (sameAlpha ? 1 : k); t++) {
    const A = G.slice();
    for (let i = 0; i < d; i++) A[i * d + i] += alpha[t];
    if (sameAlpha) {
      const sol = solveSpd(A, XtY, d, k);
      for (let j = 0; j < d; j++) for (let c = 0; c < k; c++) W[c * d + j] = sol[j * k + c];
    } else {
      const rhs = new Float64Array(d);
      for (let j = 0; j < d; j++) rhs[j] = XtY[j * k + t];
      W.set(solveSpd(A, rhs, d, 1), t * d);
    }
  }
  return W;
}

/** Ridge through the thin SVD X = U·S·Vᵀ: w = V·diag(s/(s²+α))·Uᵀy (singular values ≤ 1e-15 dropped). */
export function ridgeSvd(X: Matrix, Y: Matrix, alpha: Float64Array): Float64Array {
  const { rows: n, cols: d } = X;
  const k = Y.cols;
  const { s, U, Vt } = svdMatrix(n, d, X.data.slice(), "reduced");
  const r = s.length;
  const UtY = new Float64Array(r * k);
  gemm(true, false, r, k, n, 1, U as Float64Array, r, Y.data, k, 0, UtY, k);
  for (let i = 0; i < r; i++) {
    for (let c = 0; c < k; c++) {
      const f = s[i] > 1e-15 ? s[i] / (s[i] * s[i] + alpha[c]) : 0;
      UtY[i * k + c] *= f;
    }
  }
  // W (k×d) = (V · dUtY)ᵀ = dUtYᵀ · Vt.
  const W = new Float64Array(k * d);
  gemm(true, false, k, d, r, 1, UtY, k, Vt as Float64Array, d, 0, W, d);
  return W;
}
