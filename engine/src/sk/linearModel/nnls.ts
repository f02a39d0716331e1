/**
 * Non-negative least squares (Lawson–Hanson active set), for `LinearRegression({ positive: true })`
 * as SciPy's `nnls` serves scikit-learn. It works on the Gram matrix XᵀX, which is small for the
 * feature counts where a constrained fit is asked for.
 */
import { gemm } from "../../linalg/index.js";
import type { Matrix } from "../internal/matrix.js";
import { solveSpd } from "./spd.js";

function nnlsOne(G: Float64Array, h: Float64Array, n: number, tol: number): Float64Array {
  const x = new Float64Array(n);
  const passive = new Uint8Array(n);
  const grad = (): Float64Array => {
    const w = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let s = h[i];
      for (let j = 0; j < n; j++) s -= G[i * n + j] * x[j];
      w[i] = s;
    }
    return w;
  };
  const solvePassive = (): Float64Array => {
    const idx: number[] = [];
    for (let i = 0; i < n; i++) if (passive[i]) idx.push(i);
    const p = idx.length;
    const A = new Float64Array(p * p);
    const b = new Float64Array(p);
    idx.forEach((gi, a) => {
      b[a] = h[gi];
      idx.forEach((gj, c) => (A[a * p + c] = G[gi * n + gj]));
    });
    const sol = solveSpd(A, b, p, 1);
    const s = new Float64Array(n);
    idx.forEach((gi, a) => (s[gi] = sol[a]));
    return s;
  };
  for (let outer = 0; outer < 3 * n; outer++) {
    const w = grad();
    let j = -1;
    let best = tol;
    for (let i = 0; i < n; i++) {
      if (!passive[i] && w[i] > best) {
        best = w[i];
        j = i;
      }
    }
    if (j < 0) break;
    passive[j] = 1;
    for (;;) {
      const s = solvePassive();
      let alpha = Infinity;
      for (let i = 0; i < n; i++) if (passive[i] && s[i] <= 0) alpha = Math.min(alpha, x[i] / (x[i] - s[i]));
      if (alpha === Infinity) {
        x.set(s);
        break;
      }
      for (let i = 0; i < n; i++) {
        x[i] += alpha * (s[i] - x[i]);
        if (passive[i] && x[i] <= tol) {
          passive[i] = 0;
          x[i] = 0;
        }
      }
    }
  }
  return x;
}

/** Solves each target column of Y with x ≥ 0; returns W as targets×features (row-major). */
export function nnlsColumns(X: Matrix, Y: Matrix): Float64Array {
  const n = X.cols;
  const G = new Float64Array(n * n);
  gemm(true, false, n, n, X.rows, 1, X.data, n, X.data, n, 0, G, n);
  const H = new Float64Array(n * Y.cols);
  gemm(true, false, n, Y.cols, X.rows, 1, X.data, n, Y.data, Y.cols, 0, H, Y.cols);
  let norm1 = 0;
  for (let i = 0; i < X.data.length; i++) norm1 = Math.max(norm1, Math.abs(X.data[i]));
  const tol = 10 * 2.220446049250313e-16 * norm1 * Math.max(X.rows, n) * Math.max(1, norm1);
  const W = new Float64Array(Y.cols * n);
  for (let t = 0; t < Y.cols; t++) {
    const h = new Float64Array(n);
    for (let i = 0; i < n; i++) h[i] = H[i * Y.cols + t];
    W.set(nnlsOne(G, h, n, tol), t * n);
  }
  return W;
}
