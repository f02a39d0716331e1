/**
 * `RandomState`: NumPy's legacy seeded generator (MT19937 plus the legacy distributions),
 * returning plain {@link RawArray}s so it stands apart from the Tensor class.
 */
import type { ChoiceOptions } from "./choice.js";
import { choiceIndices, gather } from "./choice.js";
import { IndexError, OverflowError, ValueError } from "./errors.js";
import { asFloat64, asMatrix } from "./inputs.js";
import type { GaussState } from "./legacy-distributions.js";
import {
  legacyBinomialSampler,
  legacyGauss,
  legacyPoissonSampler,
  legacyStandardExponential,
} from "./legacy-distributions.js";
import type { Seed } from "./legacy-seeding.js";
import { legacySeed } from "./legacy-seeding.js";
import { MT19937 } from "./mt19937.js";
import type { MultivariateNormalOptions } from "./multivariate-normal.js";
import { applyFactor, covarianceFactor } from "./multivariate-normal.js";
import type { RandintDType } from "./randint.js";
import { randint } from "./randint.js";
import type { Shufflable } from "./shuffle.js";
import { permutationIndices, shuffleInPlace } from "./shuffle.js";
import type { ArrayInput, NumericArrayLike, RawArray, Size } from "./types.js";
import { isRawArray, shapeSize, toShape } from "./types.js";

/** The state of a {@link RandomState}, as NumPy's `get_state()` tuple, by name. */
export interface LegacyState {
  bitGenerator: "MT19937";
  /** The 624 state words. */
  key: Uint32Array;
  /** Position in the key (624 = the next draw regenerates the words). */
  pos: number;
  /** 1 when a second normal from the polar method is cached. */
  hasGauss: number;
  /** That cached normal. */
  cachedGaussian: number;
}

// NumPy's LEGACY_POISSON_LAM_MAX: the largest lam whose draws still fit a C long.
const POISSON_LAM_MAX = 2 ** 63 - Math.sqrt(2 ** 63) * 10;

function checkNonNegative(v: number, name: string): void {
  if (!Number.isNaN(v) && (v < 0 || Object.is(v, -0))) throw new ValueError(`${name} < 0 (got ${name}=${v})`);
}

function checkDims(dims: readonly number[]): number[] {
  for (const d of dims) {
    if (typeof d !== "number" || !Number.isInteger(d)) {
      throw new TypeError(
        `'float' object cannot be interpreted as an integer (dimensions must be integers, got ${String(d)})`,
      );
    }
    if (d < 0) throw new ValueError(`negative dimensions are not allowed (got ${d})`);
  }
  return [...dims];
}

/**
 * NumPy's legacy `RandomState`: the same seed gives the same numbers as NumPy, bit for bit
 * (see the module README for the exact guarantees).
 *
 * Results: with `size` omitted (or `rand()` with no dimensions) a method returns a number, as
 * NumPy returns a Python scalar; otherwise a {@link RawArray}. Integer results are int32 data
 * when the possible values fit in int32 (NumPy's int64), float64 data otherwise.
 *
 * @example
 * ```ts
 * const rs = new RandomState(42);
 * rs.rand(3).data; // Float64Array [0.3745401188473625, 0.9507143064099162, 0.7319939418114051]
 * ```
 */
export class RandomState {
  private readonly mt = new MT19937();
  private readonly gauss: GaussState = { hasGauss: false, gauss: 0 };

  constructor(seed?: Seed) {
    this.seed(seed);
  }

  /**
   * Reseeds: an int in [0, 2**32 - 1] (init_genrand), a 1-d array of such ints (init_by_array),
   * or nothing for OS entropy. Clears the cached normal, as NumPy does.
   */
  seed(seed?: Seed): void {
    legacySeed(this.mt, seed);
    this.gauss.hasGauss = false;
    this.gauss.gauss = 0;
  }

  /** A copy of the generator's state (NumPy's `get_state()`). */
  getState(): LegacyState {
    return {
      bitGenerator: "MT19937",
      key: Uint32Array.from(this.mt.key),
      pos: this.mt.pos,
      hasGauss: this.gauss.hasGauss ? 1 : 0,
      cachedGaussian: this.gauss.gauss,
    };
  }

  /** Restores a state from {@link getState} (NumPy's `set_state`). */
  setState(state: LegacyState): void {
    if (state.bitGenerator !== "MT19937") {
      throw new ValueError("set_state can only be used with legacy MT19937 state instances.");
    }
    if (state.key.length !== 624)
      throw new ValueError(`state key must hold 624 words, got ${state.key.length}`);
    if (!Number.isInteger(state.pos) || state.pos < 0 || state.pos > 624) {
      throw new ValueError(`state pos must be an integer in [0, 624], got ${state.pos}`);
    }
    this.mt.key.set(state.key);
    this.mt.pos = state.pos;
    this.gauss.hasGauss = state.hasGauss !== 0;
    this.gauss.gauss = state.cachedGaussian;
  }

  /** Uniform floats in [0, 1) of shape `dims` (`rand()` alone gives one number). */
  rand(): number;
  rand(...dims: number[]): RawArray<"float64">;
  rand(...dims: number[]): number | RawArray<"float64"> {
    if (dims.length === 0) return this.mt.nextDouble();
    return this.randomSample(checkDims(dims));
  }

  /** Standard normal floats of shape `dims` (`randn()` alone gives one number). */
  randn(): number;
  randn(...dims: number[]): RawArray<"float64">;
  randn(...dims: number[]): number | RawArray<"float64"> {
    if (dims.length === 0) return this.standardNormal();
    return this.standardNormal(checkDims(dims));
  }

  /** Uniform floats in [0, 1) (NumPy's `random_sample`). */
  randomSample(size?: null): number;
  randomSample(size: number | readonly number[]): RawArray<"float64">;
  randomSample(size?: Size): number | RawArray<"float64">;
  randomSample(size?: Size): number | RawArray<"float64"> {
    const shape = toShape(size);
    if (shape === null) return this.mt.nextDouble();
    const data = new Float64Array(shapeSize(shape));
    this.mt.fillDoubles(data);
    return { data, shape, dtype: "float64" };
  }

  /** Alias of {@link randomSample} (NumPy's `random`). */
  random(size?: null): number;
  random(size: number | readonly number[]): RawArray<"float64">;
  random(size?: Size): number | RawArray<"float64"> {
    return this.randomSample(size);
  }

  /** Draws `size` values (or one) from a per-draw sampler into float64. */
  private fill(size: Size, draw: () => number): number | RawArray<"float64"> {
    const shape = toShape(size);
    if (shape === null) return draw();
    const data = new Float64Array(shapeSize(shape));
    for (let i = 0; i < data.length; i++) data[i] = draw();
    return { data, shape, dtype: "float64" };
  }

  /** Uniform floats in [low, high): low + (high - low) * U. */
  uniform(low?: number, high?: number, size?: null): number;
  uniform(low: number, high: number, size: number | readonly number[]): RawArray<"float64">;
  uniform(low = 0, high = 1, size?: Size): number | RawArray<"float64"> {
    const range = high - low;
    if (!Number.isFinite(range)) {
      throw new OverflowError(
        `Range exceeds valid bounds (high - low = ${range} for low=${low}, high=${high})`,
      );
    }
    const mt = this.mt;
    return this.fill(size, () => low + range * mt.nextDouble());
  }

  /** Standard normal floats (legacy polar method, the second value of each pair cached). */
  standardNormal(size?: null): number;
  standardNormal(size: number | readonly number[]): RawArray<"float64">;
  standardNormal(size?: Size): number | RawArray<"float64">;
  standardNormal(size?: Size): number | RawArray<"float64"> {
    const shape = toShape(size);
    if (shape === null) return legacyGauss(this.mt, this.gauss);
    const data = new Float64Array(shapeSize(shape));
    for (let i = 0; i < data.length; i++) data[i] = legacyGauss(this.mt, this.gauss);
    return { data, shape, dtype: "float64" };
  }

  /** Normal floats: loc + scale * standard normal. */
  normal(loc?: number, scale?: number, size?: null): number;
  normal(loc: number, scale: number, size: number | readonly number[]): RawArray<"float64">;
  normal(loc = 0, scale = 1, size?: Size): number | RawArray<"float64"> {
    checkNonNegative(scale, "scale");
    const mt = this.mt;
    const g = this.gauss;
    return this.fill(size, () => loc + scale * legacyGauss(mt, g));
  }

  /** Exponential floats with mean `scale`: scale * -log(1 - U). */
  exponential(scale?: number, size?: null): number;
  exponential(scale: number, size: number | readonly number[]): RawArray<"float64">;
  exponential(scale = 1, size?: Size): number | RawArray<"float64"> {
    checkNonNegative(scale, "scale");
    const mt = this.mt;
    return this.fill(size, () => scale * legacyStandardExponential(mt));
  }

  /** Exponential floats with mean 1. */
  standardExponential(size?: null): number;
  standardExponential(size: number | readonly number[]): RawArray<"float64">;
  standardExponential(size?: Size): number | RawArray<"float64"> {
    const mt = this.mt;
    return this.fill(size, () => legacyStandardExponential(mt));
  }

  /** Draws integer samples; int32 data when every draw fits, float64 otherwise. */
  private fillInt(
    size: Size,
    draw: () => number,
    fitsInt32: boolean,
  ): number | RawArray<"int32" | "float64"> {
    const shape = toShape(size);
    if (shape === null) return draw();
    const n = shapeSize(shape);
    if (fitsInt32) {
      const data = new Int32Array(n);
      for (let i = 0; i < n; i++) data[i] = draw();
      return { data, shape, dtype: "int32" };
    }
    const data = new Float64Array(n);
    for (let i = 0; i < n; i++) data[i] = draw();
    return { data, shape, dtype: "float64" };
  }

  /**
   * Binomial counts of successes in `n` trials of probability `p` (legacy inversion/BTPE).
   * A fractional n is truncated, as NumPy does.
   */
  binomial(n: number, p: number, size?: null): number;
  binomial(n: number, p: number, size: number | readonly number[]): RawArray<"int32" | "float64">;
  binomial(n: number, p: number, size?: Size): number | RawArray<"int32" | "float64"> {
    if (Number.isNaN(n)) throw new ValueError("cannot convert float NaN to integer (n is NaN)");
    if (!Number.isFinite(n)) throw new OverflowError(`cannot convert float infinity to integer (n is ${n})`);
    const trials = Math.trunc(n);
    if (!(p >= 0) || !(p <= 1))
      throw new ValueError(`p < 0, p > 1 or p is NaN (got p=${p}; p must be in [0, 1])`);
    if (trials < 0) throw new ValueError(`n < 0 (got n=${n}; the number of trials must be >= 0)`);
    const sample = legacyBinomialSampler(trials, p);
    const mt = this.mt;
    return this.fillInt(size, () => sample(mt), trials <= 2147483647);
  }

  /** Poisson counts with mean `lam` (legacy multiplication method below 10, PTRS above). */
  poisson(lam?: number, size?: null): number;
  poisson(lam: number, size: number | readonly number[]): RawArray<"int32" | "float64">;
  poisson(lam = 1, size?: Size): number | RawArray<"int32" | "float64"> {
    if (!(lam >= 0)) throw new ValueError(`lam < 0 or lam is NaN (got lam=${lam})`);
    if (!(lam <= POISSON_LAM_MAX))
      throw new ValueError(`lam value too large (got lam=${lam}, at most ${POISSON_LAM_MAX})`);
    const sample = legacyPoissonSampler(lam);
    const mt = this.mt;
    // Draws beyond lam + 40 sqrt(lam) + 100 do not happen in practice; bigger lam gets float64.
    return this.fillInt(size, () => sample(mt), lam + 40 * Math.sqrt(lam) + 100 < 2147483647);
  }

  /**
   * Integers in [low, high) — or [0, low) when high is omitted — by NumPy's masked rejection.
   * `dtype` "int64" (default, NumPy's `int`) yields int32 data when the bounds fit in int32,
   * else float64 data (exact up to 2**53); "int32", "uint8" and "bool" follow NumPy's paths
   * for those dtypes.
   */
  randint(low: number, high?: number | null, size?: null, options?: { dtype?: RandintDType }): number;
  randint(
    low: number,
    high: number | null | undefined,
    size: number | readonly number[],
    options?: { dtype?: RandintDType },
  ): RawArray;
  randint(
    low: number,
    high?: number | null,
    size?: Size,
    options: { dtype?: RandintDType } = {},
  ): number | RawArray {
    if (high === null || high === undefined) {
      high = low;
      low = 0;
    }
    return randint(this.mt, low, high, toShape(size), options.dtype ?? "int64");
  }

  /**
   * Samples from `a` (an int n means arange(n)), with or without replacement, optionally with
   * probabilities `p`; NumPy's legacy algorithm, so the picks equal NumPy's.
   */
  choice(a: number | NumericArrayLike | RawArray, size?: null, options?: ChoiceOptions): number;
  choice(
    a: number | NumericArrayLike | RawArray,
    size: number | readonly number[],
    options?: ChoiceOptions,
  ): RawArray;
  choice(
    a: number | NumericArrayLike | RawArray,
    size?: Size,
    options: ChoiceOptions = {},
  ): number | RawArray {
    const shape = toShape(size);
    const { idx, values } = choiceIndices(this.mt, a, shape === null ? null : shapeSize(shape), options);
    const out = gather(idx, values, shape ?? []);
    return shape === null ? out.data[0] : out;
  }

  /**
   * A shuffled copy: `permutation(n)` shuffles arange(n); an array is copied and shuffled
   * along its first axis.
   */
  permutation(x: number | ArrayInput): RawArray {
    if (typeof x === "number") {
      if (!Number.isInteger(x)) {
        throw new IndexError(`x must be an integer or at least 1-dimensional (got ${x})`);
      }
      const n = Math.max(x, 0);
      return { data: permutationIndices(this.mt, n), shape: [n], dtype: "int32" };
    }
    if (isRawArray(x)) {
      if (x.shape.length === 0) throw new IndexError("x must be an integer or at least 1-dimensional");
      const copy: RawArray = { data: x.data.slice(), shape: [...x.shape], dtype: x.dtype };
      shuffleInPlace(this.mt, copy);
      return copy;
    }
    const { data } = asFloat64(x);
    const typed = x instanceof Float64Array || x instanceof Float32Array;
    const out: RawArray =
      !typed && data.every((v) => Number.isInteger(v) && Math.abs(v) <= 2147483647)
        ? { data: Int32Array.from(data), shape: [data.length], dtype: "int32" }
        : { data: Float64Array.from(data), shape: [data.length], dtype: "float64" };
    shuffleInPlace(this.mt, out);
    return out;
  }

  /** Shuffles in place along the first axis (JS arrays, typed arrays, RawArrays). */
  shuffle(x: Shufflable): void {
    shuffleInPlace(this.mt, x);
  }

  /**
   * Multivariate normal draws of shape [...size, n]: standard normals times sqrt(s)·vh of
   * cov's SVD, plus mean, as NumPy does. Values equal NumPy's up to the SVD's rounding and
   * signs (exact when cov is diagonal; see {@link MultivariateNormalOptions.svd}).
   */
  multivariateNormal(
    mean: ArrayInput,
    cov: readonly (readonly number[])[] | RawArray,
    size?: Size,
    options: MultivariateNormalOptions = {},
  ): RawArray<"float64"> {
    const m = asFloat64(mean);
    if (m.shape.length !== 1)
      throw new ValueError(`mean must be 1 dimensional (got shape (${m.shape.join(", ")}))`);
    const c = asMatrix(cov, "cov");
    if (c.shape.length !== 2 || c.shape[0] !== c.shape[1]) {
      throw new ValueError(`cov must be 2 dimensional and square (got shape (${c.shape.join(", ")}))`);
    }
    const n = m.shape[0];
    if (c.shape[0] !== n) {
      throw new ValueError(
        `mean and cov must have same length (mean has ${n}, cov is ${c.shape[0]}x${c.shape[1]})`,
      );
    }
    const shape = [...(toShape(size) ?? []), n];
    const z = this.standardNormal(shape).data;
    const factor = covarianceFactor(c.data, n, options);
    applyFactor(z, factor, m.data, n);
    return { data: z, shape, dtype: "float64" };
  }
}
