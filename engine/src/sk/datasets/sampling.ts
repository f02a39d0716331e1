import type { RandomState as RawRandomState } from "../../random/index.js";

// Sampling helpers shared by the synthetic generators, each consuming NumPy's legacy stream in
// the order scikit-learn 1.2 does.

/**
 * `n` distinct integers from [0, population) in scikit-learn's `sample_without_replacement`
 * order (method "auto"): a permutation's head for ratios in (0.01, 0.99), otherwise tracking
 * selection (ratio < 0.2) or reservoir sampling.
 */
export function sampleWithoutReplacement(rs: RawRandomState, population: number, n: number): number[] {
  if (n > population) throw new RangeError(`cannot take ${n} distinct samples from a population of ${population}`);
  const ratio = population !== 0 ? n / population : 1;
  if (ratio > 0.01 && ratio < 0.99) return Array.from(rs.permutation(population).data.subarray(0, n));
  if (ratio < 0.2) {
    const seen = new Set<number>();
    const out: number[] = [];
    for (let i = 0; i < n; i++) {
      let j = rs.randint(population);
      while (seen.has(j)) j = rs.randint(population);
      seen.add(j);
      out.push(j);
    }
    return out;
  }
  const out = Array.from({ length: n }, (_, i) => i);
  for (let i = n; i < population; i++) {
    const j = rs.randint(0, i + 1);
    if (j < n) out[j] = i;
  }
  return out;
}

/**
 * `samples` distinct vertices of the `dims`-dimensional unit hypercube (0/1 rows, row-major),
 * as scikit-learn's `_generate_hypercube`: beyond 30 dimensions the leading ones are random bits.
 */
export function hypercube(rs: RawRandomState, samples: number, dims: number): Float64Array {
  const out = new Float64Array(samples * dims);
  let first = 0;
  if (dims > 30) {
    const extra = dims - 30;
    const bits = rs.randint(2, null, [samples, extra]).data;
    for (let i = 0; i < samples; i++) for (let j = 0; j < extra; j++) out[i * dims + j] = bits[i * extra + j];
    first = extra;
  }
  const d = dims - first;
  const picks = sampleWithoutReplacement(rs, 2 ** d, samples);
  picks.forEach((v, i) => {
    for (let j = 0; j < d; j++) out[i * dims + first + j] = Math.floor(v / 2 ** (d - 1 - j)) % 2;
  });
  return out;
}

/** A row-major copy of the `rows`×`cols` matrix `X` with its rows reordered by `perm`. */
export function permuteRows(X: Float64Array, cols: number, perm: ArrayLike<number>): Float64Array {
  const out = new Float64Array(X.length);
  for (let i = 0; i < perm.length; i++) out.set(X.subarray(perm[i] * cols, (perm[i] + 1) * cols), i * cols);
  return out;
}

/** A row-major copy of the matrix `X` (`cols` columns) with its columns reordered by `perm`. */
export function permuteColumns(X: Float64Array, cols: number, perm: ArrayLike<number>): Float64Array {
  const out = new Float64Array(X.length);
  const rows = X.length / cols;
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) out[i * cols + j] = X[i * cols + perm[j]];
  return out;
}

/** `A·B` for row-major `A` (m×k) and `B` (k×n), summed in index order. */
export function matmulRows(A: Float64Array, B: Float64Array, m: number, k: number, n: number): Float64Array {
  const out = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let p = 0; p < k; p++) s += A[i * k + p] * B[p * n + j];
      out[i * n + j] = s;
    }
  }
  return out;
}
