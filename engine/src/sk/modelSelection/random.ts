/**
 * scikit-learn's `check_random_state`: null uses NumPy's global generator (`np.random.seed`),
 * an integer seeds a fresh legacy `RandomState`, a `RandomState` is used as is. Because the
 * stream is NumPy's, seeded splits and samples reproduce scikit-learn's for the same seed.
 */
import type { Tensor } from "../../core/tensor.js";
import { ValueError } from "../../core/errors.js";
import * as npr from "../../np/random.js";

/** A seed, a generator, or null for the global one. */
export type RandomStateLike = number | npr.RandomState | null | undefined;

/** The draws `sk` needs from a generator. */
export interface Rng {
  permutation(x: number | Tensor): Tensor;
  shuffle(x: Tensor): void;
  randint(low: number, high?: number | null): number;
  randomSample(): number;
  uniform(low: number, high: number, size: number): Tensor;
  exponential(scale: number, size: number): Tensor;
  choice(a: number, size: number, replace: boolean): Tensor;
}

function wrap(r: npr.RandomState | null): Rng {
  return {
    permutation: (x) => (r ? r.permutation(x) : npr.permutation(x)),
    shuffle: (x) => (r ? r.shuffle(x) : npr.shuffle(x)),
    randint: (low, high) => (r ? r.randint(low, high) : npr.randint(low, high)) as number,
    randomSample: () => (r ? r.randomSample() : npr.randomSample()) as number,
    uniform: (low, high, size) => (r ? r.uniform(low, high, [size]) : npr.uniform(low, high, [size])),
    exponential: (scale, size) => (r ? r.exponential(scale, [size]) : npr.exponential(scale, [size])),
    choice: (a, size, replace) => (r ? r.choice(a, [size], { replace }) : npr.choice(a, [size], { replace })),
  };
}

/**
 * The generator for a `randomState` option.
 *
 * @example
 * ```ts
 * sk.checkRandomState(42).permutation(5); // the same as NumPy's RandomState(42).permutation(5)
 * ```
 */
export function checkRandomState(seed: RandomStateLike): Rng {
  if (seed === null || seed === undefined) return wrap(null);
  if (typeof seed === "number") {
    if (!Number.isInteger(seed) || seed < 0 || seed >= 2 ** 32) {
      throw new ValueError(
        `randomState must be an integer in [0, 2**32), a np.random.RandomState or null; got ${seed}`,
      );
    }
    return wrap(new npr.RandomState(seed));
  }
  if (seed instanceof npr.RandomState) return wrap(seed);
  throw new ValueError(`${String(seed)} cannot be used to seed a RandomState instance`);
}

/** Int32 indices of a tensor. */
export function indexArray(t: Tensor): Int32Array {
  return Int32Array.from(t.dataSync());
}
