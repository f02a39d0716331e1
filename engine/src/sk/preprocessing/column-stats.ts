/** Per-column statistics on row-major float64 data, skipping NaN (missing) values. */
import { Tensor } from "../../core/tensor.js";

/** Row-major float64 data of a 2-D tensor (no copy when already contiguous float64). */
export function matrixData(t: Tensor): Float64Array {
  const c = t.dtype === "float64" && t.isContiguous ? t : t.astype("float64");
  const d = c.dataSync() as Float64Array;
  return d;
}

/** A float64 tensor over `data` with `shape`. */
export function tensorOf(data: Float64Array, shape: readonly number[]): Tensor {
  return Tensor.fromTypedArray(data, shape, "float64");
}

/** Count of non-NaN values, mean and (population) variance of each column. */
export function columnMeanVar(
  d: Float64Array,
  n: number,
  m: number,
): { count: Float64Array; mean: Float64Array; variance: Float64Array } {
  const count = new Float64Array(m);
  const mean = new Float64Array(m);
  const variance = new Float64Array(m);
  for (let i = 0; i < n; i++) {
    const row = i * m;
    for (let j = 0; j < m; j++) {
      const v = d[row + j];
      if (v === v) {
        count[j]++;
        mean[j] += v;
      }
    }
  }
  for (let j = 0; j < m; j++) mean[j] = count[j] ? mean[j] / count[j] : NaN;
  // Two passes (sum of squared deviations) keep the variance accurate for large offsets.
  for (let i = 0; i < n; i++) {
    const row = i * m;
    for (let j = 0; j < m; j++) {
      const v = d[row + j];
      if (v === v) variance[j] += (v - mean[j]) * (v - mean[j]);
    }
  }
  for (let j = 0; j < m; j++) variance[j] = count[j] ? variance[j] / count[j] : NaN;
  return { count, mean, variance };
}

/** Sorted non-NaN values of column j. */
export function sortedColumn(d: Float64Array, n: number, m: number, j: number): Float64Array {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const v = d[i * m + j];
    if (v === v) out.push(v);
  }
  return Float64Array.from(out).sort();
}

/** NumPy's default (linear) percentile of sorted values, q in [0, 100]. */
export function percentileSorted(s: Float64Array, q: number): number {
  if (s.length === 0) return NaN;
  const pos = (q / 100) * (s.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, s.length - 1);
  const frac = pos - lo;
  return s[lo] + (s[hi] - s[lo]) * frac;
}

/** scikit-learn's `_handle_zeros_in_scale`: scales too close to 0 become 1 (constant features). */
export function handleZerosInScale(scale: Float64Array): Float64Array {
  const eps = 10 * Number.EPSILON;
  for (let j = 0; j < scale.length; j++) if (scale[j] < eps) scale[j] = 1;
  return scale;
}

/** Names `x0, x1, ...` or the fitted feature names, as scikit-learn's `getFeatureNamesOut`. */
export function inputFeatureNames(
  nFeatures: number,
  featureNamesIn?: readonly string[],
  given?: readonly string[],
): string[] {
  if (given) return [...given];
  if (featureNamesIn) return [...featureNamesIn];
  return Array.from({ length: nFeatures }, (_, j) => `x${j}`);
}
