/**
 * PCG64 (O'Neill's PCG XSL-RR 128/64), the bit generator of NumPy's `default_rng`, seeded
 * through {@link SeedSequence} exactly as NumPy's `PCG64(seed)`. The 128-bit LCG runs on eight
 * 16-bit limbs so every partial product stays exact in a double.
 */
import type { BitSource } from "./bit-source.js";
import type { Entropy } from "./seed-sequence.js";
import { SeedSequence } from "./seed-sequence.js";

// PCG's default 128-bit multiplier 2549297995355413924 * 2**64 + 4865540595714422341, as limbs.
const MULT = limbsOf64Pair(0x2360ed05, 0x1fc65da4, 0x4385df64, 0x9fccf645); // (hi.hi, hi.lo, lo.hi, lo.lo)

/** Eight 16-bit limbs (least significant first) of the 128-bit value hi64:lo64 given as 32-bit words. */
function limbsOf64Pair(hiHi: number, hiLo: number, loHi: number, loLo: number): Float64Array {
  const words = [loLo, loHi, hiLo, hiHi];
  const out = new Float64Array(8);
  for (let i = 0; i < 4; i++) {
    out[2 * i] = words[i] & 0xffff;
    out[2 * i + 1] = words[i] >>> 16;
  }
  return out;
}

/** a = a * MULT + add (mod 2**128), all as 16-bit limbs. */
function mulAdd(a: Float64Array, add: Float64Array, tmp: Float64Array): void {
  let carry = 0;
  for (let k = 0; k < 8; k++) {
    let acc = carry + add[k];
    for (let i = 0; i <= k; i++) acc += a[i] * MULT[k - i];
    const lo = acc % 65536;
    tmp[k] = lo;
    carry = (acc - lo) / 65536;
  }
  a.set(tmp);
}

/**
 * The PCG64 bit generator.
 *
 * @example
 * ```ts
 * const bits = new PCG64(42);
 * bits.nextDouble(); // 0.7739560485559633, as np.random.default_rng(42).random()
 * ```
 */
export class PCG64 implements BitSource {
  private readonly state = new Float64Array(8);
  private readonly inc = new Float64Array(8);
  private readonly tmp = new Float64Array(8);
  private hasUint32 = false;
  private uinteger = 0;
  lo64 = 0;

  constructor(seed?: Entropy | SeedSequence | null) {
    const seq = seed instanceof SeedSequence ? seed : new SeedSequence(seed);
    // generate_state(4, uint64) viewed little-endian: words (w0,w1) form the first uint64, etc.
    const w = seq.generateState(8);
    const initState = limbsOf64Pair(w[1], w[0], w[3], w[2]);
    const initSeq = limbsOf64Pair(w[5], w[4], w[7], w[6]);
    // inc = (initseq << 1) | 1
    let carry = 1;
    for (let k = 0; k < 8; k++) {
      const v = initSeq[k] * 2 + carry;
      this.inc[k] = v & 0xffff;
      carry = v >>> 16;
    }
    this.state.fill(0);
    mulAdd(this.state, this.inc, this.tmp);
    carry = 0;
    for (let k = 0; k < 8; k++) {
      const v = this.state[k] + initState[k] + carry;
      this.state[k] = v & 0xffff;
      carry = v >>> 16;
    }
    mulAdd(this.state, this.inc, this.tmp);
  }

  /** Advances the LCG and returns the high 32 bits of the XSL-RR output (low 32 in lo64). */
  nextUint64High(): number {
    const s = this.state;
    mulAdd(s, this.inc, this.tmp);
    let xh = (((s[7] ^ s[3]) << 16) | (s[6] ^ s[2])) >>> 0;
    let xl = (((s[5] ^ s[1]) << 16) | (s[4] ^ s[0])) >>> 0;
    let rot = s[7] >>> 10;
    if (rot >= 32) {
      const t = xh;
      xh = xl;
      xl = t;
      rot -= 32;
    }
    if (rot > 0) {
      const h = ((xh >>> rot) | (xl << (32 - rot))) >>> 0;
      xl = ((xl >>> rot) | (xh << (32 - rot))) >>> 0;
      xh = h;
    }
    this.lo64 = xl;
    return xh;
  }

  /** NumPy's pcg64_next32: the low half of a 64-bit draw, the high half kept for the next call. */
  nextUint32(): number {
    if (this.hasUint32) {
      this.hasUint32 = false;
      return this.uinteger;
    }
    this.uinteger = this.nextUint64High();
    this.hasUint32 = true;
    return this.lo64;
  }

  /** (next64 >> 11) / 2**53. */
  nextDouble(): number {
    const hi = this.nextUint64High();
    return (hi * 2097152 + (this.lo64 >>> 11)) / 9007199254740992;
  }
}
