/**
 * Module-level functions on one shared {@link RandomState}, as `np.random.seed`,
 * `np.random.rand`, ... act on NumPy's hidden global instance.
 */
import type { ChoiceOptions } from "./choice.js";
import type { Seed } from "./legacy-seeding.js";
import type { MultivariateNormalOptions } from "./multivariate-normal.js";
import type { RandintDType } from "./randint.js";
import type { LegacyState } from "./random-state.js";
import { RandomState } from "./random-state.js";
import type { Shufflable } from "./shuffle.js";
import type { ArrayInput, NumericArrayLike, RawArray, Size } from "./types.js";

let globalState: RandomState | null = null;

/**
 * The shared generator behind the module-level functions (seeded from OS entropy on first use,
 * like NumPy's).
 *
 * @example
 * ```ts
 * seed(42);
 * globalRandomState().rand(); // 0.3745401188473625
 * ```
 */
export function globalRandomState(): RandomState {
  return (globalState ??= new RandomState());
}

/** Seeds the shared generator (`np.random.seed`). */
export function seed(s?: Seed): void {
  globalRandomState().seed(s);
}
/** State of the shared generator (`np.random.get_state`). */
export function getState(): LegacyState {
  return globalRandomState().getState();
}
/** Restores the shared generator (`np.random.set_state`). */
export function setState(state: LegacyState): void {
  globalRandomState().setState(state);
}
/** `np.random.rand(...dims)`. */
export function rand(): number;
export function rand(...dims: number[]): RawArray<"float64">;
export function rand(...dims: number[]): number | RawArray<"float64"> {
  return dims.length === 0 ? globalRandomState().rand() : globalRandomState().rand(...dims);
}
/** `np.random.randn(...dims)`. */
export function randn(): number;
export function randn(...dims: number[]): RawArray<"float64">;
export function randn(...dims: number[]): number | RawArray<"float64"> {
  return dims.length === 0 ? globalRandomState().randn() : globalRandomState().randn(...dims);
}
/** `np.random.random(size)`. */
export function random(size?: Size): number | RawArray<"float64"> {
  return globalRandomState().randomSample(size);
}
/** `np.random.random_sample(size)`. */
export function randomSample(size?: Size): number | RawArray<"float64"> {
  return globalRandomState().randomSample(size);
}
/** `np.random.randint(low, high, size, dtype)`. */
export function randint(
  low: number,
  high?: number | null,
  size?: Size,
  options?: { dtype?: RandintDType },
): number | RawArray {
  const rs = globalRandomState();
  return size === null || size === undefined
    ? rs.randint(low, high, null, options)
    : rs.randint(low, high, size, options);
}
/** `np.random.uniform(low, high, size)`. */
export function uniform(low = 0, high = 1, size?: Size): number | RawArray<"float64"> {
  const rs = globalRandomState();
  return size === null || size === undefined ? rs.uniform(low, high) : rs.uniform(low, high, size);
}
/** `np.random.normal(loc, scale, size)`. */
export function normal(loc = 0, scale = 1, size?: Size): number | RawArray<"float64"> {
  const rs = globalRandomState();
  return size === null || size === undefined ? rs.normal(loc, scale) : rs.normal(loc, scale, size);
}
/** `np.random.standard_normal(size)`. */
export function standardNormal(size?: Size): number | RawArray<"float64"> {
  return globalRandomState().standardNormal(size);
}
/** `np.random.exponential(scale, size)`. */
export function exponential(scale = 1, size?: Size): number | RawArray<"float64"> {
  const rs = globalRandomState();
  return size === null || size === undefined ? rs.exponential(scale) : rs.exponential(scale, size);
}
/** `np.random.poisson(lam, size)`. */
export function poisson(lam = 1, size?: Size): number | RawArray {
  const rs = globalRandomState();
  return size === null || size === undefined ? rs.poisson(lam) : rs.poisson(lam, size);
}
/** `np.random.binomial(n, p, size)`. */
export function binomial(n: number, p: number, size?: Size): number | RawArray {
  const rs = globalRandomState();
  return size === null || size === undefined ? rs.binomial(n, p) : rs.binomial(n, p, size);
}
/** `np.random.choice(a, size, { replace, p })`. */
export function choice(
  a: number | NumericArrayLike | RawArray,
  size?: Size,
  options?: ChoiceOptions,
): number | RawArray {
  const rs = globalRandomState();
  return size === null || size === undefined ? rs.choice(a, null, options) : rs.choice(a, size, options);
}
/** `np.random.permutation(x)`. */
export function permutation(x: number | ArrayInput): RawArray {
  return globalRandomState().permutation(x);
}
/** `np.random.shuffle(x)` (in place). */
export function shuffle(x: Shufflable): void {
  globalRandomState().shuffle(x);
}
/** `np.random.multivariate_normal(mean, cov, size, ...)`. */
export function multivariateNormal(
  mean: ArrayInput,
  cov: readonly (readonly number[])[] | RawArray,
  size?: Size,
  options?: MultivariateNormalOptions,
): RawArray<"float64"> {
  return globalRandomState().multivariateNormal(mean, cov, size, options);
}
