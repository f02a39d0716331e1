import type { BitSource } from "./bit-source.js";

const N = 624;
const M = 397;
const MATRIX_A = 0x9908b0df;
const UPPER = 0x80000000;
const LOWER = 0x7fffffff;

/**
 * The Mersenne Twister MT19937 (Matsumoto & Nishimura), the bit generator behind NumPy's
 * legacy `RandomState`. Outputs, seeding and the 53-bit double construction follow NumPy's
 * `mt19937.c`/`mt19937.h`, so equal seeds give equal streams.
 *
 * @example
 * ```ts
 * const mt = new MT19937();
 * mt.seed(42);
 * mt.nextUint32(); // 1608637542, the word NumPy draws for RandomState(42).randint(2**32)
 * ```
 */
export class MT19937 implements BitSource {
  /** The 624-word state; public for getState/setState. */
  readonly key = new Uint32Array(N);
  /** Index of the next word to temper (624 = regenerate first). */
  pos = N;
  lo64 = 0;

  /** init_genrand: seeds from one 32-bit integer (NumPy's `mt19937_seed`). */
  seed(s: number): void {
    const mt = this.key;
    mt[0] = s >>> 0;
    for (let i = 1; i < N; i++) {
      const p = mt[i - 1];
      mt[i] = Math.imul(1812433253, p ^ (p >>> 30)) + i;
    }
    this.pos = N;
  }

  /** init_by_array: seeds from a list of 32-bit words (NumPy's `mt19937_init_by_array`). */
  seedByArray(initKey: ArrayLike<number>): void {
    const mt = this.key;
    const len = initKey.length;
    this.seed(19650218);
    let i = 1;
    let j = 0;
    for (let k = N > len ? N : len; k > 0; k--) {
      const p = mt[i - 1];
      // Sums stay below 2**35, so doubles hold them exactly before the wrap to 32 bits.
      mt[i] = (mt[i] ^ Math.imul(p ^ (p >>> 30), 1664525)) + initKey[j] + j;
      i++;
      j++;
      if (i >= N) {
        mt[0] = mt[N - 1];
        i = 1;
      }
      if (j >= len) j = 0;
    }
    for (let k = N - 1; k > 0; k--) {
      const p = mt[i - 1];
      mt[i] = (mt[i] ^ Math.imul(p ^ (p >>> 30), 1566083941)) - i;
      i++;
      if (i >= N) {
        mt[0] = mt[N - 1];
        i = 1;
      }
    }
    mt[0] = 0x80000000;
    this.pos = N;
  }

  /** Refills the 624 words (the twist). */
  private twist(): void {
    const mt = this.key;
    let i = 0;
    let y: number;
    for (; i < N - M; i++) {
      y = (mt[i] & UPPER) | (mt[i + 1] & LOWER);
      mt[i] = mt[i + M] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
    }
    for (; i < N - 1; i++) {
      y = (mt[i] & UPPER) | (mt[i + 1] & LOWER);
      mt[i] = mt[i + (M - N)] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
    }
    y = (mt[N - 1] & UPPER) | (mt[0] & LOWER);
    mt[N - 1] = mt[M - 1] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
    this.pos = 0;
  }

  nextUint32(): number {
    if (this.pos === N) this.twist();
    let y = this.key[this.pos++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** NumPy's mt19937_next64: the first draw is the high word. */
  nextUint64High(): number {
    const hi = this.nextUint32();
    this.lo64 = this.nextUint32();
    return hi;
  }

  /** (a >> 5, b >> 6) → (a * 2**26 + b) / 2**53, NumPy's mt19937_next_double. */
  nextDouble(): number {
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  }

  /** Fills `out` with {@link nextDouble} values; the hot path of `rand`, tempering inlined. */
  fillDoubles(out: Float64Array): void {
    const mt = this.key;
    let pos = this.pos;
    const n = out.length;
    for (let i = 0; i < n; i++) {
      if (pos === N) {
        this.twist();
        pos = 0;
      }
      let a = mt[pos++];
      a ^= a >>> 11;
      a ^= (a << 7) & 0x9d2c5680;
      a ^= (a << 15) & 0xefc60000;
      a ^= a >>> 18;
      if (pos === N) {
        this.twist();
        pos = 0;
      }
      let b = mt[pos++];
      b ^= b >>> 11;
      b ^= (b << 7) & 0x9d2c5680;
      b ^= (b << 15) & 0xefc60000;
      b ^= b >>> 18;
      out[i] = ((a >>> 5) * 67108864 + (b >>> 6)) / 9007199254740992;
    }
    this.pos = pos;
  }
}
