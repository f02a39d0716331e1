/**
 * Stochastic Average Gradient for the squared loss with an L2 penalty (scikit-learn's `sag`
 * solver as Ridge uses it, on dense centred data without intercept). Samples are drawn with
 * scikit-learn's xorshift from the seed it would draw, so a seeded fit follows the same path.
 *
 * The weights are kept as `wscale · w` so that the L2 shrink of every step costs one multiply;
 * the averaged-gradient step of each iteration is applied lazily at the next one, as scikit-learn's
 * just-in-time updates do for dense rows.
 */
import { ValueError } from "../../core/errors.js";
import type { Matrix } from "../internal/matrix.js";
import { ourRandR } from "../internal/random.js";

/** Options of {@link sagSquared}. */
export interface SagOptions {
  alpha: number;
  tol: number;
  maxIter: number;
  /** The dataset seed (scikit-learn's `make_dataset` draw, in [1, 2³¹−1)). */
  seed: number;
  sampleWeight: Float64Array | null;
}

/** Minimises ½Σ swᵢ(xᵢ·w − yᵢ)² + ½α‖w‖² for one target; returns w and the epochs run. */
export function sagSquared(X: Matrix, y: Float64Array, o: SagOptions): { w: Float64Array; nIter: number } {
  const { rows: n, cols: d, data } = X;
  const alphaScaled = o.alpha / n;
  let maxSq = 0;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < d; j++) s += data[i * d + j] ** 2;
    if (s > maxSq) maxSq = s;
  }
  const step = 1 / (maxSq + alphaScaled);
  if (step * alphaScaled === 1) {
    throw new ValueError("Current sag implementation does not handle the case step_size * alpha_scaled == 1");
  }
  const shrink = 1 - step * alphaScaled;
  const w = new Float64Array(d);
  const sumGrad = new Float64Array(d);
  const prev = new Float64Array(d);
  const memory = new Float64Array(n);
  const seen = new Uint8Array(n);
  const state = new Uint32Array([o.seed]);
  let numSeen = 0;
  let wscale = 1;
  let pending = 0;
  const flush = (): void => {
    for (let j = 0; j < d; j++) w[j] = (w[j] - pending * sumGrad[j]) * wscale;
    wscale = 1;
    pending = 0;
  };
  let epoch = 0;
  for (; epoch < o.maxIter; epoch++) {
    for (let it = 0; it < n; it++) {
      const s = ourRandR(state) % n;
      if (!seen[s]) {
        seen[s] = 1;
        numSeen++;
      }
      const row = s * d;
      let dot = 0;
      if (pending !== 0) {
        for (let j = 0; j < d; j++) {
          w[j] -= pending * sumGrad[j];
          dot += w[j] * data[row + j];
        }
      } else {
        for (let j = 0; j < d; j++) dot += w[j] * data[row + j];
      }
      const g = (wscale * dot - y[s]) * (o.sampleWeight ? o.sampleWeight[s] : 1);
      wscale *= shrink;
      const delta = g - memory[s];
      for (let j = 0; j < d; j++) sumGrad[j] += data[row + j] * delta;
      memory[s] = g;
      pending = step / (wscale * numSeen);
      if (wscale < 1e-9) flush();
    }
    flush();
    let maxChange = 0;
    let maxWeight = 0;
    for (let j = 0; j < d; j++) {
      maxWeight = Math.max(maxWeight, Math.abs(w[j]));
      maxChange = Math.max(maxChange, Math.abs(w[j] - prev[j]));
      prev[j] = w[j];
    }
    if ((maxWeight !== 0 && maxChange / maxWeight <= o.tol) || (maxWeight === 0 && maxChange === 0)) break;
    if (!Number.isFinite(maxWeight)) {
      throw new ValueError(
        `Floating-point under-/overflow occurred at epoch #${epoch + 1}. Scaling the input data with StandardScaler or MinMaxScaler might help.`,
      );
    }
  }
  return { w, nIter: Math.min(epoch + 1, o.maxIter) };
}
