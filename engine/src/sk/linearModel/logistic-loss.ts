/**
 * The objectives LogisticRegression minimises (scikit-learn 1.2's `LinearModelLoss`):
 *
 *     Σᵢ swᵢ · loss(yᵢ, xᵢ·W + b) + ½·(1/C)·‖W‖²      (the intercept is not penalised)
 *
 * with the half-binomial loss log(1+e^z) − y·z (y ∈ {0,1}) or the multinomial cross-entropy.
 * Parameters are packed as [W (k×d row-major), b (k)]; gradients use two matrix products.
 */
import { gemm } from "../../linalg/index.js";
import type { Matrix } from "../internal/matrix.js";
import type { Objective } from "./lbfgs.js";

function log1pExp(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

/** The binary objective for targets y ∈ {0, 1}. */
export function binomialObjective(
  X: Matrix,
  y: Float64Array,
  sw: Float64Array,
  l2: number,
  fitIntercept: boolean,
): Objective {
  const { rows: n, cols: d, data } = X;
  const z = new Float64Array(n);
  return (w, g) => {
    const b = fitIntercept ? w[d] : 0;
    z.fill(b);
    gemm(false, false, n, 1, d, 1, data, d, w, 1, 1, z, 1);
    let f = 0;
    let gb = 0;
    for (let i = 0; i < n; i++) {
      const zi = z[i];
      f += sw[i] * (log1pExp(zi) - y[i] * zi);
      const p = zi >= 0 ? 1 / (1 + Math.exp(-zi)) : Math.exp(zi) / (1 + Math.exp(zi));
      z[i] = sw[i] * (p - y[i]);
      gb += z[i];
    }
    gemm(true, false, d, 1, n, 1, data, d, z, 1, 0, g, 1);
    let reg = 0;
    for (let j = 0; j < d; j++) {
      reg += w[j] * w[j];
      g[j] += l2 * w[j];
    }
    if (fitIntercept) g[d] = gb;
    return f + 0.5 * l2 * reg;
  };
}

/** The multinomial objective for class codes `y` in [0, k). */
export function multinomialObjective(
  X: Matrix,
  y: Int32Array,
  k: number,
  sw: Float64Array,
  l2: number,
  fitIntercept: boolean,
): Objective {
  const { rows: n, cols: d, data } = X;
  const Z = new Float64Array(n * k);
  const E = new Float64Array(k);
  return (w, g) => {
    for (let i = 0; i < n; i++) for (let c = 0; c < k; c++) Z[i * k + c] = fitIntercept ? w[k * d + c] : 0;
    gemm(false, true, n, k, d, 1, data, d, w, d, 1, Z, k);
    let f = 0;
    const gb = new Float64Array(k);
    // Fused softmax: one exp per entry, kept in E for the gradient (p = e / Σe).
    for (let i = 0; i < n; i++) {
      const o = i * k;
      let mx = -Infinity;
      for (let c = 0; c < k; c++) mx = Math.max(mx, Z[o + c]);
      let s = 0;
      for (let c = 0; c < k; c++) s += E[c] = Math.exp(Z[o + c] - mx);
      const lse = mx + Math.log(s);
      const yi = y[i];
      f += sw[i] * (lse - Z[o + yi]);
      const scale = sw[i] / s;
      for (let c = 0; c < k; c++) {
        const gi = scale * E[c] - (c === yi ? sw[i] : 0);
        Z[o + c] = gi;
        gb[c] += gi;
      }
    }
    gemm(true, false, k, d, n, 1, Z, k, data, d, 0, g, d);
    let reg = 0;
    for (let j = 0; j < k * d; j++) {
      reg += w[j] * w[j];
      g[j] += l2 * w[j];
    }
    if (fitIntercept) for (let c = 0; c < k; c++) g[k * d + c] = gb[c];
    return f + 0.5 * l2 * reg;
  };
}
