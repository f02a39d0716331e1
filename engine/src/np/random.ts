/**
 * `np.random`: NumPy's legacy seeded generator (MT19937 `RandomState`, bit for bit) and
 * `defaultRng`, returning tensors. The generators themselves live in `random/`, which knows
 * nothing of tensors; this file converts at the edges.
 *
 * @example
 * ```ts
 * np.random.seed(42);
 * const X = np.random.rand(100, 1).mul(2); // the same numbers as NumPy's
 * ```
 */
import { isHostStorage } from "../core/backend.js";
import { ValueError } from "../core/errors.js";
import { readHost } from "../core/host.js";
import { Tensor, type TensorLike } from "../core/tensor.js";
import { toTensor } from "../core/convert.js";
import {
  RandomState as RawRandomState,
  defaultRng as rawDefaultRng,
  type ChoiceOptions,
  type GeneratorState,
  type LegacyState,
  type MultivariateNormalOptions,
  type RandintDType,
  type RawArray,
  type Seed,
  type Size,
} from "../random/index.js";
import type { Generator as RawGenerator } from "../random/index.js";

type Out = number | Tensor;
/** What a sampler returns for a `size`: a number when omitted (as NumPy returns a scalar), else a tensor. */
export type Sample<S> = [S] extends [number | readonly number[]]
  ? Tensor
  : [S] extends [null | undefined]
    ? number
    : Out;
/** What `rand(...dims)`/`randn(...dims)` return: a number with no dims, else a tensor. */
export type Dims<D extends number[]> = D extends [] ? number : Tensor;

function wrap(r: number | RawArray): Out {
  return typeof r === "number" ? r : Tensor.fromTypedArray(r.data, r.shape, r.dtype);
}

// Tensors and array-likes become the random layer's RawArray (C-order float64/int32 data).
function raw(x: TensorLike): RawArray {
  const t = toTensor(x);
  const data = readHost(t);
  if (t.dtype === "float64" || t.dtype === "int32" || t.dtype === "uint8" || t.dtype === "bool") {
    return { data: data.slice(), shape: [...t.shape], dtype: t.dtype } as RawArray;
  }
  return { data: Float64Array.from(data), shape: [...t.shape], dtype: "float64" };
}

/**
 * NumPy's legacy `RandomState`: a seeded generator whose streams equal NumPy's
 * (`new np.random.RandomState(42).rand(3)` prints NumPy's numbers).
 *
 * @example
 * ```ts
 * const rs = new np.random.RandomState(42);
 * rs.permutation(10);
 * ```
 */
export class RandomState {
  /** @internal */
  readonly state: RawRandomState;

  constructor(seed?: Seed) {
    this.state = new RawRandomState(seed);
  }

  /** Reseeds (an int in [0, 2**32), an array of such ints, or null for OS entropy). */
  seed(s?: Seed): void {
    this.state.seed(s);
  }
  /** The generator's full state, restorable with `setState`. */
  getState(): LegacyState {
    return this.state.getState();
  }
  /** Restores a state from `getState`. */
  setState(s: LegacyState): void {
    this.state.setState(s);
  }
  /** Uniform floats in [0, 1) of shape `dims` (a number when no dims). @example `rs.rand(100, 1)` */
  rand<D extends number[]>(...dims: D): Dims<D> {
    return (dims.length ? wrap(this.state.rand(...dims)) : this.state.rand()) as Dims<D>;
  }
  /** Standard normal floats of shape `dims`. @example `rs.randn(100, 1)` */
  randn<D extends number[]>(...dims: D): Dims<D> {
    return (dims.length ? wrap(this.state.randn(...dims)) : this.state.randn()) as Dims<D>;
  }
  /** Uniform floats in [0, 1) of shape `size`. */
  random<S extends Size = undefined>(size?: S): Sample<S> {
    return wrap(this.state.randomSample(size)) as Sample<S>;
  }
  /** Same as `random`. */
  randomSample<S extends Size = undefined>(size?: S): Sample<S> {
    return wrap(this.state.randomSample(size)) as Sample<S>;
  }
  /** Integers in [low, high), or [0, low) without high. @example `rs.randint(0, 10, [6])` */
  randint<S extends Size = undefined>(
    low: number,
    high?: number | null,
    size?: S,
    opts: { dtype?: RandintDType } = {},
  ): Sample<S> {
    return wrap(this.state.randint(low, high, size as number[], opts)) as Sample<S>;
  }
  /** Uniform floats in [low, high). */
  uniform<S extends Size = undefined>(low = 0, high = 1, size?: S): Sample<S> {
    return wrap(this.state.uniform(low, high, size as number[])) as Sample<S>;
  }
  /** Normal floats with mean `loc` and standard deviation `scale`. */
  normal<S extends Size = undefined>(loc = 0, scale = 1, size?: S): Sample<S> {
    return wrap(this.state.normal(loc, scale, size as number[])) as Sample<S>;
  }
  /** Standard normal floats of shape `size`. */
  standardNormal<S extends Size = undefined>(size?: S): Sample<S> {
    return wrap(this.state.standardNormal(size as number[])) as Sample<S>;
  }
  /** Exponential floats with the given `scale`. */
  exponential<S extends Size = undefined>(scale = 1, size?: S): Sample<S> {
    return wrap(this.state.exponential(scale, size as number[])) as Sample<S>;
  }
  /** Poisson counts with rate `lam`. */
  poisson<S extends Size = undefined>(lam = 1, size?: S): Sample<S> {
    return wrap(this.state.poisson(lam, size as number[])) as Sample<S>;
  }
  /** Binomial counts of `n` trials with success probability `p`. */
  binomial<S extends Size = undefined>(n: number, p: number, size?: S): Sample<S> {
    return wrap(this.state.binomial(n, p, size as number[])) as Sample<S>;
  }
  /**
   * Samples from `a` (an int n means `arange(n)`), with or without replacement, with optional
   * probabilities `p`. @example `rs.choice(10, 3, { replace: false })`
   */
  choice<S extends Size = undefined>(a: number | TensorLike, size?: S, opts: ChoiceOptions = {}): Sample<S> {
    const src = typeof a === "number" ? a : raw(a);
    return wrap(this.state.choice(src, size as number[], opts)) as Sample<S>;
  }
  /** A shuffled `arange(n)`, or a shuffled copy of an array along its first axis. */
  permutation(x: number | TensorLike): Tensor {
    const r = this.state.permutation(typeof x === "number" ? x : raw(x));
    const out = Tensor.fromTypedArray(r.data, r.shape, r.dtype);
    return typeof x === "number" || !(x instanceof Tensor) || x.dtype === out.dtype
      ? out
      : out.astype(x.dtype);
  }
  /** Shuffles a mutable contiguous tensor in place along its first axis. */
  shuffle(x: Tensor): void {
    if (!(x instanceof Tensor)) throw new TypeError("shuffle takes a tensor to shuffle in place");
    if (!x.mutable) throw new TypeError("'Tensor' object does not support item assignment; use tf.Variable");
    if (!x.isContiguous || !isHostStorage(x.storage)) {
      throw new ValueError(
        "shuffle works in place on a contiguous array on the CPU; shuffle a copy() instead",
      );
    }
    const data = x.storage.data.subarray(x.offset, x.offset + x.size);
    this.state.shuffle({ data, shape: [...x.shape], dtype: "float64" } as unknown as RawArray);
    x.storage.version++;
  }
  /** Draws from a multivariate normal of `mean` and covariance `cov`, shape [...size, n]. */
  multivariateNormal(
    mean: TensorLike,
    cov: TensorLike,
    size?: Size,
    opts: MultivariateNormalOptions = {},
  ): Tensor {
    return wrap(this.state.multivariateNormal(raw(mean), raw(cov), size, opts)) as Tensor;
  }
}

const shared = new RandomState();

/** Seeds the shared generator, as `np.random.seed(42)` does. */
export const seed = (s?: Seed): void => shared.seed(s);
/** State of the shared generator. */
export const getState = (): LegacyState => shared.getState();
/** Restores the shared generator's state. */
export const setState = (s: LegacyState): void => shared.setState(s);
/** Uniform floats in [0, 1) of shape `dims` (NumPy's numbers after `seed`). @example `np.random.rand(100, 1)` */
export const rand = <D extends number[]>(...dims: D): Dims<D> => shared.rand(...dims);
/** Standard normal floats of shape `dims`. @example `np.random.randn(100, 1)` */
export const randn = <D extends number[]>(...dims: D): Dims<D> => shared.randn(...dims);
/** Uniform floats in [0, 1) of shape `size`. */
export const random = <S extends Size = undefined>(size?: S): Sample<S> => shared.random(size);
/** Same as `random`. */
export const randomSample = <S extends Size = undefined>(size?: S): Sample<S> => shared.randomSample(size);
/** Integers in [low, high). @example `np.random.randint(0, 10, [6])` */
export const randint = <S extends Size = undefined>(
  low: number,
  high?: number | null,
  size?: S,
  opts?: { dtype?: RandintDType },
): Sample<S> => shared.randint(low, high, size, opts);
/** Uniform floats in [low, high). */
export const uniform = <S extends Size = undefined>(low?: number, high?: number, size?: S): Sample<S> =>
  shared.uniform(low, high, size);
/** Normal floats. @example `np.random.normal(0, 1, [3])` */
export const normal = <S extends Size = undefined>(loc?: number, scale?: number, size?: S): Sample<S> =>
  shared.normal(loc, scale, size);
/** Standard normal floats. */
export const standardNormal = <S extends Size = undefined>(size?: S): Sample<S> =>
  shared.standardNormal(size);
/** Exponential floats. */
export const exponential = <S extends Size = undefined>(scale?: number, size?: S): Sample<S> =>
  shared.exponential(scale, size);
/** Poisson counts. */
export const poisson = <S extends Size = undefined>(lam?: number, size?: S): Sample<S> =>
  shared.poisson(lam, size);
/** Binomial counts. */
export const binomial = <S extends Size = undefined>(n: number, p: number, size?: S): Sample<S> =>
  shared.binomial(n, p, size);
/** Samples from `a`. @example `np.random.choice(10, 3, { replace: false })` */
export const choice = <S extends Size = undefined>(
  a: number | TensorLike,
  size?: S,
  opts?: ChoiceOptions,
): Sample<S> => shared.choice(a, size, opts);
/** A shuffled `arange(n)` or a shuffled copy. @example `np.random.permutation(len)` */
export const permutation = (x: number | TensorLike): Tensor => shared.permutation(x);
/** Shuffles a tensor in place along its first axis. */
export const shuffle = (x: Tensor): void => shared.shuffle(x);
/** Multivariate normal draws. */
export const multivariateNormal = (
  mean: TensorLike,
  cov: TensorLike,
  size?: Size,
  opts?: MultivariateNormalOptions,
): Tensor => shared.multivariateNormal(mean, cov, size, opts);

/**
 * NumPy's `Generator` (PCG64 seeded through SeedSequence, so `np.random.defaultRng(42).random(3)`
 * equals NumPy's), returning tensors.
 *
 * @example
 * ```ts
 * const rng = np.random.defaultRng(42);
 * rng.random(3);
 * ```
 */
export class Generator {
  /** @internal */
  readonly gen: RawGenerator;
  constructor(gen: RawGenerator) {
    this.gen = gen;
  }
  /** Uniform floats in [0, 1). */
  random<S extends Size = undefined>(size?: S): Sample<S> {
    return wrap(this.gen.random(size as number[])) as Sample<S>;
  }
  /** Integers in [low, high) (or [low, high] with `endpoint`). */
  integers<S extends Size = undefined>(
    low: number,
    high?: number | null,
    size?: S,
    opts: { endpoint?: boolean } = {},
  ): Sample<S> {
    return wrap(this.gen.integers(low, high ?? undefined, size as number[], opts)) as Sample<S>;
  }
  /** Uniform floats in [low, high). */
  uniform<S extends Size = undefined>(low = 0, high = 1, size?: S): Sample<S> {
    return wrap(this.gen.uniform(low, high, size as number[])) as Sample<S>;
  }
  /** Samples from `a`. */
  choice<S extends Size = undefined>(
    a: number | TensorLike,
    size?: S,
    opts: ChoiceOptions & { shuffle?: boolean } = {},
  ): Sample<S> {
    // The Generator samples from 1-D data.
    const src = typeof a === "number" ? a : (raw(toTensor(a).ravel()).data as Float64Array);
    return wrap(this.gen.choice(src, size as number[], opts)) as Sample<S>;
  }
  /** A shuffled `arange(n)` or shuffled copy. */
  permutation(x: number | TensorLike): Tensor {
    return wrap(this.gen.permutation(typeof x === "number" ? x : raw(x))) as Tensor;
  }
}

/** NumPy's `default_rng`. @example `np.random.defaultRng(42).random(3)` */
export function defaultRng(seed?: GeneratorState): Generator {
  return new Generator(rawDefaultRng(seed));
}
