import { RandomState, choice } from "../np/random.js";

/** Options of `df.sample`. */
export interface SampleOptions {
  /** Number of rows (default 1 unless `frac` is given). */
  n?: number;
  /** Fraction of the rows instead of `n`. */
  frac?: number;
  /** Draw with replacement. */
  replace?: boolean;
  /**
   * Seed of NumPy's legacy RandomState, so `randomState: 42` picks the rows pandas picks;
   * without it, the global `np.random` stream is used (as pandas does).
   */
  randomState?: number;
}

/**
 * Row positions for a sample of `rows` rows: `RandomState(seed).choice(rows, n, replace)`,
 * exactly what pandas' `sample` draws.
 */
export function sampleRows(rows: number, options: SampleOptions = {}): Int32Array {
  const n = options.frac !== undefined ? Math.round(options.frac * rows) : (options.n ?? 1);
  if (!Number.isInteger(n) || n < 0)
    throw new RangeError(`sample size must be a non-negative integer, got ${n}`);
  if (!options.replace && n > rows) {
    throw new RangeError(`cannot take a larger sample (${n}) than the ${rows} rows when replace is false`);
  }
  const replace = options.replace ?? false;
  const picked =
    options.randomState === undefined
      ? choice(rows, [n], { replace })
      : new RandomState(options.randomState).choice(rows, [n], { replace });
  return Int32Array.from(picked.dataSync());
}
