/**
 * PCG64 (O'Neill's PCG XSL-RR 128/64), the bit generator of NumPy's `default_rng`, seeded
 * through {@link SeedSequence} exactly as NumPy's `PCG64(seed)`. The 128-bit LCG runs on eight
 * 16-bit limbs so every partial product stays exact in a double.
 */
import type { BitSource } from "./bit-source.js";
import type { Entropy } from "./seed-sequence.js";
import { SeedSequence } from "./seed-sequence.js";

/** Eight 16-bit limbs (least significant first) of the 128-bit value hi64:lo64 given as 32-bit words. */
function limbsOf64Pair(hiHi: number, hiLo: number, loHi: number, loLo: number): number[] {
  const out: number[] = [];
  for (const w of [loLo, loHi, hiLo, hiHi]) out.push(w & 0xffff, w >>> 16);
  return out;
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
  // The 128-bit state and increment as 16-bit limbs in plain fields: unrolled arithmetic on
  // fields is several times faster than loops over typed arrays here.
  private s0 = 0;
  private s1 = 0;
  private s2 = 0;
  private s3 = 0;
  private s4 = 0;
  private s5 = 0;
  private s6 = 0;
  private s7 = 0;
  private i0 = 0;
  private i1 = 0;
  private i2 = 0;
  private i3 = 0;
  private i4 = 0;
  private i5 = 0;
  private i6 = 0;
  private i7 = 0;
  private hasUint32 = false;
  private uinteger = 0;
  lo64 = 0;

  constructor(seed?: Entropy | SeedSequence | null) {
    const seq = seed instanceof SeedSequence ? seed : new SeedSequence(seed);
    // generate_state(4, uint64) viewed little-endian: words (w0,w1) form the first uint64, etc.
    const w = seq.generateState(8);
    const initState = limbsOf64Pair(w[1], w[0], w[3], w[2]);
    const initSeq = limbsOf64Pair(w[5], w[4], w[7], w[6]);
    // inc = (initseq << 1) | 1; state = 0; step; state += initstate; step (pcg64_srandom_r).
    const inc: number[] = [];
    let carry = 1;
    for (let k = 0; k < 8; k++) {
      const v = initSeq[k] * 2 + carry;
      inc.push(v & 0xffff);
      carry = v >>> 16;
    }
    this.setLimbs(inc, "i");
    this.step();
    const st = this.limbs();
    carry = 0;
    for (let k = 0; k < 8; k++) {
      const v = st[k] + initState[k] + carry;
      st[k] = v & 0xffff;
      carry = v >>> 16;
    }
    this.setLimbs(st, "s");
    this.step();
  }

  private limbs(): number[] {
    return [this.s0, this.s1, this.s2, this.s3, this.s4, this.s5, this.s6, this.s7];
  }

  private setLimbs(v: readonly number[], which: "s" | "i"): void {
    if (which === "s") [this.s0, this.s1, this.s2, this.s3, this.s4, this.s5, this.s6, this.s7] = v;
    else [this.i0, this.i1, this.i2, this.i3, this.i4, this.i5, this.i6, this.i7] = v;
  }

  /** state = state * MULT + inc (mod 2**128), MULT = 2549297995355413924 * 2**64 + 4865540595714422341. */
  private step(): void {
    const a0 = this.s0,
      a1 = this.s1,
      a2 = this.s2,
      a3 = this.s3,
      a4 = this.s4,
      a5 = this.s5,
      a6 = this.s6,
      a7 = this.s7;
    let acc: number;
    let c = 0;
    acc = c + this.i0 + a0 * 63045;
    c = Math.floor(acc / 65536);
    this.s0 = acc - c * 65536;
    acc = c + this.i1 + a0 * 40908 + a1 * 63045;
    c = Math.floor(acc / 65536);
    this.s1 = acc - c * 65536;
    acc = c + this.i2 + a0 * 57188 + a1 * 40908 + a2 * 63045;
    c = Math.floor(acc / 65536);
    this.s2 = acc - c * 65536;
    acc = c + this.i3 + a0 * 17285 + a1 * 57188 + a2 * 40908 + a3 * 63045;
    c = Math.floor(acc / 65536);
    this.s3 = acc - c * 65536;
    acc = c + this.i4 + a0 * 23972 + a1 * 17285 + a2 * 57188 + a3 * 40908 + a4 * 63045;
    c = Math.floor(acc / 65536);
    this.s4 = acc - c * 65536;
    acc = c + this.i5 + a0 * 8134 + a1 * 23972 + a2 * 17285 + a3 * 57188 + a4 * 40908 + a5 * 63045;
    c = Math.floor(acc / 65536);
    this.s5 = acc - c * 65536;
    acc =
      c + this.i6 + a0 * 60677 + a1 * 8134 + a2 * 23972 + a3 * 17285 + a4 * 57188 + a5 * 40908 + a6 * 63045;
    c = Math.floor(acc / 65536);
    this.s6 = acc - c * 65536;
    acc =
      c +
      this.i7 +
      a0 * 9056 +
      a1 * 60677 +
      a2 * 8134 +
      a3 * 23972 +
      a4 * 17285 +
      a5 * 57188 +
      a6 * 40908 +
      a7 * 63045;
    c = Math.floor(acc / 65536);
    this.s7 = acc - c * 65536;
  }

  /** Advances the LCG and returns the high 32 bits of the XSL-RR output (low 32 in lo64). */
  nextUint64High(): number {
    this.step();
    let xh = (((this.s7 ^ this.s3) << 16) | (this.s6 ^ this.s2)) >>> 0;
    let xl = (((this.s5 ^ this.s1) << 16) | (this.s4 ^ this.s0)) >>> 0;
    let rot = this.s7 >>> 10;
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
