/** Options of `df.sample`. */
export interface SampleOptions {
  /** Number of rows (default 1 unless `frac` is given). */
  n?: number;
  /** Fraction of the rows instead of `n`. */
  frac?: number;
  /** Draw with replacement. */
  replace?: boolean;
  /** Seed for a reproducible sample. */
  randomState?: number;
}

/**
 * A small seeded generator (SplitMix32 stepping into xorshift-style mixing). Samples are
 * reproducible for a seed, but they are not the rows NumPy's RandomState would pick for the
 * same seed: that stream lives in `np.random`, which `sample` does not depend on yet.
 */
function generator(seed: number): () => number {
  let s = (seed >>> 0) + 0x9e3779b9;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Row positions for a sample of `n` of `rows` rows. */
export function sampleRows(rows: number, options: SampleOptions = {}): Int32Array {
  const n = options.frac !== undefined ? Math.round(options.frac * rows) : (options.n ?? 1);
  if (!Number.isInteger(n) || n < 0)
    throw new RangeError(`sample size must be a non-negative integer, got ${n}`);
  if (!options.replace && n > rows) {
    throw new RangeError(`cannot take a larger sample (${n}) than the ${rows} rows when replace is false`);
  }
  const rand = generator(options.randomState ?? Math.floor(Math.random() * 2 ** 32));
  const out = new Int32Array(n);
  if (options.replace) {
    for (let i = 0; i < n; i++) out[i] = Math.floor(rand() * rows);
    return out;
  }
  // A partial Fisher–Yates shuffle: the first n slots are a uniform sample without repeats.
  const perm = Int32Array.from({ length: rows }, (_, i) => i);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(rand() * (rows - i));
    const t = perm[i];
    perm[i] = perm[j];
    perm[j] = t;
    out[i] = perm[i];
  }
  return out;
}
