/**
 * Tensorbook's seeded random numbers, independent of the Tensor class: NumPy's legacy
 * `RandomState` (MT19937) stream bit for bit, module-level helpers on a shared instance, and
 * `defaultRng` (NumPy's `Generator(PCG64)` with SeedSequence seeding).
 *
 * @example
 * ```ts
 * import { seed, rand } from "./random/index.js";
 * seed(42);
 * rand(3).data; // Float64Array [0.3745401188473625, 0.9507143064099162, 0.7319939418114051]
 * ```
 */
export { RandomState, type LegacyState } from "./random-state.js";
export {
  globalRandomState,
  seed,
  getState,
  setState,
  rand,
  randn,
  random,
  randomSample,
  randint,
  uniform,
  normal,
  standardNormal,
  exponential,
  poisson,
  binomial,
  choice,
  permutation,
  shuffle,
  multivariateNormal,
} from "./global.js";
export { Generator, defaultRng, type GeneratorState } from "./generator.js";
export { PCG64 } from "./pcg64.js";
export { SeedSequence, type Entropy } from "./seed-sequence.js";
export { MT19937 } from "./mt19937.js";
export type { Seed } from "./legacy-seeding.js";
export type { ChoiceOptions } from "./choice.js";
export type { MultivariateNormalOptions } from "./multivariate-normal.js";
export type { CovSvd } from "./sym-eigen.js";
export type { RandintDType } from "./randint.js";
export type { Shufflable } from "./shuffle.js";
export type { RawArray, RawDType, RawDataFor, Size, ArrayInput, NumericArrayLike } from "./types.js";
export { ValueError, IndexError, OverflowError } from "./errors.js";
