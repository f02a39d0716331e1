/**
 * NumPy's `SeedSequence` (O'Neill's seed_seq design as NumPy implements it): hashes any amount
 * of integer entropy into a pool of four 32-bit words, then expands the pool into as many
 * state words as a bit generator needs. Same entropy in, same words out as NumPy.
 */
import { randomFillSync } from "node:crypto";
import { ValueError } from "./errors.js";

const POOL_SIZE = 4;
const INIT_A = 0x43b0d7e5;
const MULT_A = 0x931e8875;
const INIT_B = 0x8b51f9dd;
const MULT_B = 0x58f38ded;
const MIX_MULT_L = 0xca01f9dd;
const MIX_MULT_R = 0x4973f715;

/** Entropy NumPy's SeedSequence accepts: a non-negative int (any size as bigint) or a list of them. */
export type Entropy = number | bigint | readonly (number | bigint)[];

/** Splits a non-negative integer into 32-bit words, lowest first (NumPy's `_int_to_uint32_array`). */
function intToWords(n: number | bigint, out: number[]): void {
  if (typeof n === "number") {
    if (!Number.isInteger(n)) throw new TypeError(`seed must be integer, got ${n}`);
    if (!Number.isSafeInteger(n)) {
      throw new ValueError(`seed ${n} is not exactly representable; pass it as a bigint`);
    }
  }
  let v = BigInt(n);
  if (v < 0n) throw new ValueError(`expected non-negative integer, got ${String(n)}`);
  if (v === 0n) out.push(0);
  while (v > 0n) {
    out.push(Number(v & 0xffffffffn));
    v >>= 32n;
  }
}

/**
 * A seed sequence: `new SeedSequence(42).generateState(4)` equals NumPy's
 * `SeedSequence(42).generate_state(4)`.
 *
 * @example
 * ```ts
 * const words = new SeedSequence(42).generateState(2); // Uint32Array of 2 words
 * ```
 */
export class SeedSequence {
  /** The mixed entropy pool. */
  readonly pool = new Uint32Array(POOL_SIZE);
  /** The entropy used (drawn from the OS when none was given). */
  readonly entropy: Entropy;

  constructor(entropy?: Entropy | null, spawnKey: readonly number[] = []) {
    if (entropy === null || entropy === undefined) {
      const words = new Uint32Array(POOL_SIZE);
      randomFillSync(words);
      let big = 0n;
      for (let i = POOL_SIZE - 1; i >= 0; i--) big = (big << 32n) | BigInt(words[i]);
      entropy = big;
    }
    this.entropy = entropy;
    const run: number[] = [];
    if (typeof entropy === "number" || typeof entropy === "bigint") intToWords(entropy, run);
    else for (const e of entropy) intToWords(e, run);
    const spawn: number[] = [];
    for (const k of spawnKey) intToWords(k, spawn);
    if (spawn.length > 0) while (run.length < POOL_SIZE) run.push(0);
    this.mixEntropy([...run, ...spawn]);
  }

  private mixEntropy(entropy: readonly number[]): void {
    let hashConst = INIT_A;
    const hashmix = (value: number): number => {
      value = (value ^ hashConst) >>> 0;
      hashConst = Math.imul(hashConst, MULT_A) >>> 0;
      value = Math.imul(value, hashConst) >>> 0;
      return (value ^ (value >>> 16)) >>> 0;
    };
    const mix = (x: number, y: number): number => {
      const r = (Math.imul(MIX_MULT_L, x) - Math.imul(MIX_MULT_R, y)) >>> 0;
      return (r ^ (r >>> 16)) >>> 0;
    };
    const pool = this.pool;
    for (let i = 0; i < POOL_SIZE; i++) pool[i] = hashmix(i < entropy.length ? entropy[i] : 0);
    for (let src = 0; src < POOL_SIZE; src++) {
      for (let dst = 0; dst < POOL_SIZE; dst++) {
        if (src !== dst) pool[dst] = mix(pool[dst], hashmix(pool[src]));
      }
    }
    for (let src = POOL_SIZE; src < entropy.length; src++) {
      for (let dst = 0; dst < POOL_SIZE; dst++) pool[dst] = mix(pool[dst], hashmix(entropy[src]));
    }
  }

  /** `nWords` 32-bit state words (NumPy's `generate_state(n_words)` with dtype uint32). */
  generateState(nWords: number): Uint32Array {
    const out = new Uint32Array(nWords);
    let hashConst = INIT_B;
    for (let i = 0; i < nWords; i++) {
      let v = (this.pool[i % POOL_SIZE] ^ hashConst) >>> 0;
      hashConst = Math.imul(hashConst, MULT_B) >>> 0;
      v = Math.imul(v, hashConst) >>> 0;
      out[i] = (v ^ (v >>> 16)) >>> 0;
    }
    return out;
  }
}
