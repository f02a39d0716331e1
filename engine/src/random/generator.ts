/**
 * `Generator`: NumPy's modern generator API on {@link PCG64}, as `np.random.default_rng(seed)`
 * builds it. Implemented methods reproduce NumPy 1.24's streams: `random`, `integers`,
 * `uniform`, `choice`, `permutation`, `shuffle`. (NumPy's ziggurat normals are not provided;
 * use {@link RandomState} for seeded normals.)
 */
import type { BitSource } from "./bit-source.js";
import { OverflowError, ValueError } from "./errors.js";
import { asFloat64, inferDType } from "./inputs.js";
import { lemireBounded } from "./lemire.js";
import { PCG64 } from "./pcg64.js";
import type { Entropy } from "./seed-sequence.js";
import { SeedSequence } from "./seed-sequence.js";
import type { Shufflable } from "./shuffle.js";
import { shuffleInPlace } from "./shuffle.js";
import type { ArrayInput, NumericArrayLike, RawArray, Size } from "./types.js";
import { isRawArray, shapeSize, toShape } from "./types.js";

/** Options of {@link Generator.integers}. */
export interface IntegersOptions {
  /** Include `high` (draw from [low, high]); default false. */
  endpoint?: boolean;
}

/** Options of {@link Generator.choice}. */
export interface GeneratorChoiceOptions {
  replace?: boolean;
  p?: NumericArrayLike | RawArray | null;
  /** Shuffle the picks of a sample without replacement (default true). */
  shuffle?: boolean;
}

/** Seed input of {@link defaultRng}: an int, a list of ints, a SeedSequence, or nothing (OS entropy). */
export type GeneratorState = Entropy | SeedSequence | null | undefined;

/** Smallest all-ones mask covering `max` (up to 2**53). */
function mask53(max: number): number {
  let m = 1;
  while (m <= max) m *= 2;
  return m - 1;
}

/**
 * NumPy's `Generator` on PCG64.
 *
 * @example
 * ```ts
 * const rng = defaultRng(42);
 * rng.random(3).data; // Float64Array [0.7739560485559633, 0.4388784397520523, 0.8585979199113825]
 * ```
 */
export class Generator {
  /** The bit generator. */
  readonly bitGenerator: PCG64;

  constructor(bitGenerator: PCG64) {
    this.bitGenerator = bitGenerator;
  }

  /** Uniform floats in [0, 1). */
  random(size?: null): number;
  random(size: number | readonly number[]): RawArray<"float64">;
  random(size?: Size): number | RawArray<"float64">;
  random(size?: Size): number | RawArray<"float64"> {
    const bits = this.bitGenerator;
    const shape = toShape(size);
    if (shape === null) return bits.nextDouble();
    const data = new Float64Array(shapeSize(shape));
    for (let i = 0; i < data.length; i++) data[i] = bits.nextDouble();
    return { data, shape, dtype: "float64" };
  }

  /** Uniform floats in [low, high). */
  uniform(low?: number, high?: number, size?: null): number;
  uniform(low: number, high: number, size: number | readonly number[]): RawArray<"float64">;
  uniform(low = 0, high = 1, size?: Size): number | RawArray<"float64"> {
    const range = high - low;
    if (!Number.isFinite(range))
      throw new OverflowError(`Range exceeds valid bounds (high - low = ${range})`);
    const bits = this.bitGenerator;
    const shape = toShape(size);
    if (shape === null) return low + range * bits.nextDouble();
    const data = new Float64Array(shapeSize(shape));
    for (let i = 0; i < data.length; i++) data[i] = low + range * bits.nextDouble();
    return { data, shape, dtype: "float64" };
  }

  /**
   * Integers in [low, high) (or [low, high] with `endpoint`), by Lemire's method as NumPy's
   * `Generator.integers` (default int64; int32 data when the bounds fit, float64 otherwise).
   */
  integers(low: number, high?: number | null, size?: null, options?: IntegersOptions): number;
  integers(
    low: number,
    high: number | null | undefined,
    size: number | readonly number[],
    options?: IntegersOptions,
  ): RawArray<"int32" | "float64">;
  integers(
    low: number,
    high?: number | null,
    size?: Size,
    options: IntegersOptions = {},
  ): number | RawArray<"int32" | "float64"> {
    if (high === null || high === undefined) {
      high = low;
      low = 0;
    }
    const closed = options.endpoint ?? false;
    const shape = toShape(size);
    const lo = Math.trunc(low);
    const hi = Math.trunc(high) - (closed ? 0 : 1);
    if (Number.isNaN(lo) || Number.isNaN(hi)) throw new ValueError("cannot convert float NaN to integer");
    if (lo > hi) {
      const cmp = closed ? ["<", ">"] : ["<=", ">="];
      throw new ValueError(
        lo === 0
          ? `high ${cmp[0]} 0 (got high=${high})`
          : `low ${cmp[1]} high (got low=${low}, high=${high})`,
      );
    }
    if (!Number.isSafeInteger(lo) || !Number.isSafeInteger(hi) || !Number.isSafeInteger(hi - lo)) {
      throw new ValueError(`integers bounds beyond 2**53 are not supported (low=${low}, high=${high})`);
    }
    const rng = hi - lo;
    const bits = this.bitGenerator;
    if (shape === null) return lemireBounded(bits, lo, rng);
    const n = shapeSize(shape);
    const fits = lo >= -2147483648 && hi <= 2147483647;
    const data = fits ? new Int32Array(n) : new Float64Array(n);
    for (let i = 0; i < n; i++) data[i] = lemireBounded(bits, lo, rng);
    return fits
      ? { data: data as Int32Array, shape, dtype: "int32" }
      : { data: data as Float64Array, shape, dtype: "float64" };
  }

  /** Shuffles in place along the first axis (NumPy's Generator.shuffle, axis 0). */
  shuffle(x: Shufflable): void {
    shuffleInPlace(this.bitGenerator, x);
  }

  /** A shuffled copy: arange(n) for an int, else the array shuffled along axis 0. */
  permutation(x: number | ArrayInput): RawArray {
    if (typeof x === "number") {
      if (!Number.isInteger(x)) throw new ValueError(`x must be an integer or an array (got ${x})`);
      const n = Math.max(0, x);
      const data = new Int32Array(n);
      for (let i = 0; i < n; i++) data[i] = i;
      shuffleInPlace(this.bitGenerator, data);
      return { data, shape: [n], dtype: "int32" };
    }
    const copy: RawArray = isRawArray(x)
      ? { data: x.data.slice(), shape: [...x.shape], dtype: x.dtype }
      : inferDType(x) === "int32" && !(x instanceof Float64Array)
        ? { data: Int32Array.from(x), shape: [x.length], dtype: "int32" }
        : { data: asFloat64(x).data.slice(), shape: [x.length], dtype: "float64" };
    shuffleInPlace(this.bitGenerator, copy);
    return copy;
  }

  /**
   * Samples from `a` (an int n means arange(n)). With replacement: Lemire integers, or CDF
   * search with `p`. Without replacement and no p: NumPy's Floyd/tail-shuffle selection.
   */
  choice(a: number | NumericArrayLike, size?: null, options?: GeneratorChoiceOptions): number;
  choice(
    a: number | NumericArrayLike,
    size: number | readonly number[],
    options?: GeneratorChoiceOptions,
  ): RawArray;
  choice(a: number | NumericArrayLike, size?: Size, options: GeneratorChoiceOptions = {}): number | RawArray {
    const values = typeof a === "number" ? null : a;
    const popSize = typeof a === "number" ? a : a.length;
    if (typeof a === "number" && !Number.isInteger(a))
      throw new ValueError(`a must be a sequence or an integer, not ${a}`);
    const shape = toShape(size);
    const n = shape === null ? 1 : shapeSize(shape);
    if (popSize <= 0 && n !== 0) {
      throw new ValueError(
        typeof a === "number"
          ? "a must be a positive integer unless no samples are taken"
          : "a cannot be empty unless no samples are taken",
      );
    }
    const idx = this.choiceIndices(popSize, n, options);
    const dtype =
      values === null
        ? "int32"
        : values instanceof Float64Array || values instanceof Float32Array
          ? "float64"
          : inferDType(values);
    const data = dtype === "int32" ? new Int32Array(n) : new Float64Array(n);
    for (let i = 0; i < n; i++) data[i] = values === null ? idx[i] : values[idx[i]];
    if (shape === null) return data[0];
    return dtype === "int32"
      ? { data: data as Int32Array, shape, dtype }
      : { data: data as Float64Array, shape, dtype };
  }

  private choiceIndices(popSize: number, n: number, options: GeneratorChoiceOptions): Float64Array {
    const bits: BitSource = this.bitGenerator;
    const idx = new Float64Array(n);
    const p = options.p === null || options.p === undefined ? null : asFloat64(options.p).data;
    if (p !== null) {
      if (p.length !== popSize)
        throw new ValueError(`a and p must have same size (${popSize} vs ${p.length})`);
      let sum = p[0];
      let c = 0;
      for (let i = 1; i < p.length; i++) {
        const y = p[i] - c;
        const t = sum + y;
        c = t - sum - y;
        sum = t;
      }
      if (Number.isNaN(sum)) throw new ValueError("probabilities contain NaN");
      if (p.some((v) => v < 0)) throw new ValueError("probabilities are not non-negative");
      if (Math.abs(sum - 1) > Math.sqrt(2.220446049250313e-16))
        throw new ValueError(`probabilities do not sum to 1 (sum is ${sum})`);
    }
    const cdfOf = (q: Float64Array): Float64Array => {
      const cdf = new Float64Array(q.length);
      let acc = 0;
      for (let i = 0; i < q.length; i++) cdf[i] = acc += q[i];
      const last = cdf[cdf.length - 1];
      for (let i = 0; i < cdf.length; i++) cdf[i] /= last;
      return cdf;
    };
    const search = (cdf: Float64Array, x: number): number => {
      let lo = 0;
      let hi = cdf.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (cdf[mid] <= x) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    if (options.replace ?? true) {
      if (p !== null) {
        const cdf = cdfOf(p);
        for (let i = 0; i < n; i++) idx[i] = search(cdf, bits.nextDouble());
      } else {
        for (let i = 0; i < n; i++) idx[i] = lemireBounded(bits, 0, popSize - 1);
      }
      return idx;
    }
    if (n > popSize) {
      throw new ValueError(
        `Cannot take a larger sample than population when replace is False (asked for ${n} of ${popSize})`,
      );
    }
    if (p !== null) {
      let nonzero = 0;
      for (const v of p) if (v > 0) nonzero++;
      if (nonzero < n) throw new ValueError("Fewer non-zero entries in p than size");
      const q = Float64Array.from(p);
      let found = 0;
      const seen = new Uint8Array(popSize);
      while (found < n) {
        const x = new Float64Array(n - found);
        for (let i = 0; i < x.length; i++) x[i] = bits.nextDouble();
        for (let i = 0; i < found; i++) q[idx[i]] = 0;
        const cdf = cdfOf(q);
        seen.fill(0);
        for (let i = 0; i < x.length; i++) {
          const k = search(cdf, x[i]);
          if (seen[k] === 0) {
            seen[k] = 1;
            idx[found++] = k;
          }
        }
      }
      return idx;
    }
    const shuffle = options.shuffle ?? true;
    const cutoff = shuffle ? 50 : 20;
    const shuffleTail = (data: Float64Array, len: number, first: number): void => {
      for (let i = len - 1; i >= first; i--) {
        const j = lemireBounded(bits, 0, i);
        const t = data[j];
        data[j] = data[i];
        data[i] = t;
      }
    };
    if (popSize > 10000 && n > Math.floor(popSize / cutoff)) {
      const all = new Float64Array(popSize);
      for (let i = 0; i < popSize; i++) all[i] = i;
      shuffleTail(all, popSize, Math.max(popSize - n, 1));
      idx.set(all.subarray(popSize - n));
      return idx;
    }
    // Floyd's sampling with an open-addressing hash set, as NumPy does.
    const mask = mask53(Math.trunc(1.2 * n));
    const table = new Float64Array(mask + 1).fill(-1);
    for (let j = popSize - n; j < popSize; j++) {
      const val = lemireBounded(bits, 0, j);
      let loc = val & mask;
      while (table[loc] !== -1 && table[loc] !== val) loc = (loc + 1) & mask;
      if (table[loc] === -1) {
        table[loc] = val;
        idx[j - popSize + n] = val;
      } else {
        loc = j & mask;
        while (table[loc] !== -1) loc = (loc + 1) & mask;
        table[loc] = j;
        idx[j - popSize + n] = j;
      }
    }
    if (shuffle) shuffleTail(idx, n, 1);
    return idx;
  }
}

/**
 * NumPy's `np.random.default_rng(seed)`: a {@link Generator} on PCG64 seeded through
 * SeedSequence, so `defaultRng(42).random(3)` equals NumPy's `default_rng(42).random(3)`.
 *
 * @example
 * ```ts
 * defaultRng(42).integers(0, 10, 3).data; // Int32Array [0, 7, 6]
 * ```
 */
export function defaultRng(seed?: GeneratorState): Generator {
  return new Generator(new PCG64(seed instanceof SeedSequence ? seed : (seed ?? null)));
}
