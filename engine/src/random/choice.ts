/** The sampling logic of the legacy `RandomState.choice`, step for step as NumPy's mtrand.pyx. */
import type { BitSource } from "./bit-source.js";
import { boundedFill } from "./bounded.js";
import { ValueError } from "./errors.js";
import { inferDType } from "./inputs.js";
import { permutationIndices } from "./shuffle.js";
import type { NumericArrayLike, RawArray } from "./types.js";
import { isRawArray } from "./types.js";

/** Options of `choice`, as NumPy's keywords. */
export interface ChoiceOptions {
  /** Sample with replacement (default true). */
  replace?: boolean;
  /** Probabilities of each entry of `a` (must sum to 1). */
  p?: NumericArrayLike | RawArray | null;
}

/** Kahan-compensated sum, as NumPy's `kahan_sum` (starting from the first element). */
function kahanSum(p: Float64Array): number {
  if (p.length === 0) return 0;
  let sum = p[0];
  let c = 0;
  for (let i = 1; i < p.length; i++) {
    const y = p[i] - c;
    const t = sum + y;
    c = t - sum - y;
    sum = t;
  }
  return sum;
}

/** cumsum(p) / cumsum(p)[-1], the CDF NumPy searches. */
function normalisedCdf(p: Float64Array): Float64Array {
  const cdf = new Float64Array(p.length);
  let acc = 0;
  for (let i = 0; i < p.length; i++) cdf[i] = acc += p[i];
  const last = cdf[cdf.length - 1];
  for (let i = 0; i < cdf.length; i++) cdf[i] /= last;
  return cdf;
}

/** searchsorted(cdf, x, side='right'): the first index whose value exceeds x. */
function searchRight(cdf: Float64Array, x: number): number {
  let lo = 0;
  let hi = cdf.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cdf[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The population of `choice`: its size and, when `a` is an array, its values. */
interface Population {
  size: number;
  values: RawArray | null;
}

function population(a: number | NumericArrayLike | RawArray, count: number | null): Population {
  const takesSamples = count === null || count !== 0;
  if (typeof a === "number") {
    if (!Number.isInteger(a)) throw new ValueError(`a must be 1-dimensional or an integer (got ${a})`);
    if (a <= 0 && takesSamples) {
      throw new ValueError(`a must be greater than 0 unless no samples are taken (got a=${a})`);
    }
    return { size: a, values: null };
  }
  let values: RawArray;
  if (isRawArray(a)) {
    if (a.shape.length === 0) return population(a.data[0], count);
    if (a.shape.length !== 1) {
      throw new ValueError(`a must be 1-dimensional (got an array of shape (${a.shape.join(", ")}))`);
    }
    values = a;
  } else {
    if (a.some((v) => Array.isArray(v))) throw new ValueError("a must be 1-dimensional (got a nested array)");
    const dtype = a instanceof Float64Array || a instanceof Float32Array ? "float64" : inferDType(a);
    values =
      dtype === "int32"
        ? { data: Int32Array.from(a), shape: [a.length], dtype }
        : { data: Float64Array.from(a), shape: [a.length], dtype };
  }
  if (values.shape[0] === 0 && takesSamples) {
    throw new ValueError("'a' cannot be empty unless no samples are taken");
  }
  return { size: values.shape[0], values };
}

/** Checks `p` as NumPy does and returns it as float64. */
function checkedP(p: NumericArrayLike | RawArray, popSize: number): Float64Array {
  let atol = Math.sqrt(2.220446049250313e-16);
  if (p instanceof Float32Array || (isRawArray(p) && p.data instanceof Float32Array)) {
    atol = Math.max(atol, Math.sqrt(1.1920928955078125e-7));
  }
  if (isRawArray(p) && p.shape.length !== 1) throw new ValueError("'p' must be 1-dimensional");
  const data = isRawArray(p) ? Float64Array.from(p.data) : Float64Array.from(p);
  if (data.length !== popSize) {
    throw new ValueError(`'a' and 'p' must have same size (a has ${popSize} entries, p has ${data.length})`);
  }
  const sum = kahanSum(data);
  if (Number.isNaN(sum)) throw new ValueError("probabilities contain NaN");
  if (data.some((v) => v < 0)) throw new ValueError("probabilities are not non-negative");
  if (Math.abs(sum - 1) > atol) {
    throw new ValueError(`probabilities do not sum to 1 (they sum to ${sum}; normalise p, e.g. p / p.sum())`);
  }
  return data;
}

/**
 * Draws the indices of `choice`: with p, CDF search on uniforms; without p and with
 * replacement, randint(0, n); without replacement, the first `count` of a permutation (no p)
 * or repeated CDF draws with the found entries zeroed (with p). Returns the indices and the
 * population's values (null when `a` was an int).
 */
export function choiceIndices(
  src: BitSource,
  a: number | NumericArrayLike | RawArray,
  count: number | null,
  options: ChoiceOptions,
): { idx: Int32Array; values: RawArray | null } {
  const { size: popSize, values } = population(a, count);
  const p = options.p === null || options.p === undefined ? null : checkedP(options.p, popSize);
  const n = count === null ? 1 : count;
  const replace = options.replace ?? true;
  let idx: Int32Array;
  if (replace) {
    idx = new Int32Array(n);
    if (p !== null) {
      const cdf = normalisedCdf(p);
      for (let i = 0; i < n; i++) idx[i] = searchRight(cdf, src.nextDouble());
    } else {
      boundedFill(src, 0, popSize - 1, idx);
    }
  } else {
    if (n > popSize) {
      throw new ValueError(
        `Cannot take a larger sample than population when 'replace=False' (asked for ${n} of ${popSize})`,
      );
    }
    if (p !== null) {
      let nonzero = 0;
      for (const v of p) if (v > 0) nonzero++;
      if (nonzero < n) throw new ValueError(`Fewer non-zero entries in p than size (${nonzero} < ${n})`);
      idx = new Int32Array(n);
      const q = Float64Array.from(p);
      let found = 0;
      const seen = new Uint8Array(popSize);
      while (found < n) {
        const x = new Float64Array(n - found);
        for (let i = 0; i < x.length; i++) x[i] = src.nextDouble();
        for (let i = 0; i < found; i++) q[idx[i]] = 0;
        const cdf = normalisedCdf(q);
        // np.unique(new, return_index) then sorting the indices keeps first occurrences in order.
        seen.fill(0);
        for (let i = 0; i < x.length; i++) {
          const k = searchRight(cdf, x[i]);
          if (seen[k] === 0) {
            seen[k] = 1;
            idx[found++] = k;
          }
        }
      }
    } else {
      idx = permutationIndices(src, popSize).slice(0, n);
    }
  }
  return { idx, values };
}

/** Gathers `values[idx]` (or the indices themselves) into a result of `shape`. */
export function gather(idx: Int32Array, values: RawArray | null, shape: number[]): RawArray {
  if (values === null) return { data: idx, shape, dtype: "int32" };
  const n = idx.length;
  const src = values.data;
  const data =
    src instanceof Float64Array
      ? new Float64Array(n)
      : src instanceof Int32Array
        ? new Int32Array(n)
        : new Uint8Array(n);
  for (let i = 0; i < idx.length; i++) data[i] = src[idx[i]];
  return { data, shape, dtype: values.dtype };
}
