/** NumPy's `MT19937._legacy_seeding`: how `np.random.seed(x)` turns x into a Mersenne Twister state. */
import { ValueError } from "./errors.js";
import type { MT19937 } from "./mt19937.js";
import { SeedSequence } from "./seed-sequence.js";

/** What `seed` accepts: an int in [0, 2**32 - 1], a non-empty 1-d list of such ints, or nothing (OS entropy). */
export type Seed = number | readonly number[] | Uint32Array | Int32Array | null | undefined;

const MAX_SEED = 4294967295;
const RANGE_MSG = "Seed must be between 0 and 2**32 - 1";

/**
 * Seeds `mt` exactly as NumPy's legacy seeding does: an int goes through init_genrand, a 1-d
 * array through init_by_array, and no seed through SeedSequence(OS entropy) with the first
 * word forced to 0x80000000.
 */
export function legacySeed(mt: MT19937, seed: Seed): void {
  if (seed === null || seed === undefined) {
    const words = new SeedSequence().generateState(624);
    mt.key.set(words);
    mt.key[0] = 0x80000000;
    mt.pos = 624;
    return;
  }
  if (typeof seed === "number") {
    if (!Number.isInteger(seed)) {
      throw new TypeError(
        `Cannot cast scalar from dtype('float64') to dtype('int64') according to the rule 'safe' (seed must be an integer in [0, 2**32 - 1], got ${seed})`,
      );
    }
    if (seed < 0 || seed > MAX_SEED) throw new ValueError(`${RANGE_MSG}, got ${seed}`);
    mt.seed(seed);
    return;
  }
  if (!Array.isArray(seed) && !(seed instanceof Uint32Array) && !(seed instanceof Int32Array)) {
    throw new TypeError(`seed must be an integer, a 1-d array of integers or null, got ${typeof seed}`);
  }
  if (seed.length === 0) throw new ValueError("Seed must be non-empty (got an empty array)");
  const words = new Uint32Array(seed.length);
  for (let i = 0; i < seed.length; i++) {
    const v: unknown = seed[i];
    if (Array.isArray(v)) throw new ValueError("Seed array must be 1-d (got a nested array)");
    if (typeof v !== "number" || !Number.isInteger(v)) {
      throw new TypeError(
        `Cannot cast array data from dtype('float64') to dtype('int64') according to the rule 'safe' (seed[${i}] = ${String(v)} is not an integer)`,
      );
    }
    if (v < 0 || v > MAX_SEED) throw new ValueError(`${RANGE_MSG}, got seed[${i}] = ${v}`);
    words[i] = v;
  }
  mt.seedByArray(words);
}
