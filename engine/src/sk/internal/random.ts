/**
 * Randomness as scikit-learn draws it: `randomState` is a seed, a `RandomState`, or null/undefined
 * for NumPy's global generator (`check_random_state`); the Cython solvers (SGD shuffling, SAG
 * sampling) then run their own 32-bit xorshift (`our_rand_r`) from a seed drawn there. Copying
 * both lets seeded fits visit the samples in scikit-learn's order.
 */
import type { Tensor } from "../../core/tensor.js";
import { RandomState, permutation, randint } from "../../np/random.js";

/** What `randomState` options accept. */
export type RandomStateLike = number | RandomState | null | undefined;

/** The largest int32, scikit-learn's `MAX_INT` for seeds. */
export const MAX_INT = 2147483647;

/** A generator that draws integers like NumPy's `randint(low, high)`. */
export interface IntSource {
  randint(low: number, high?: number): number;
  permutation(n: number): Tensor;
}

const globalSource: IntSource = {
  randint: (low, high) => randint(low, high) as number,
  permutation: (n) => permutation(n),
};

/** scikit-learn's `check_random_state`: a seed makes a fresh `RandomState`, null means the global one. */
export function checkRandomState(rs: RandomStateLike): IntSource {
  if (rs === null || rs === undefined) return globalSource;
  if (typeof rs === "number") return new RandomState(rs) as unknown as IntSource;
  return rs as unknown as IntSource;
}

/**
 * The xorshift step of scikit-learn's `our_rand_r` on a one-element state: returns a value in
 * [0, 2³¹) and advances `state[0]`.
 */
export function ourRandR(state: Uint32Array): number {
  let s = state[0];
  if (s === 0) s = 1;
  s ^= s << 13;
  s >>>= 0;
  s ^= s >>> 17;
  s ^= s << 5;
  s >>>= 0;
  state[0] = s;
  return s % 0x80000000;
}
