import type { BitSource } from "./bit-source.js";

/** Smallest all-ones mask covering `max` (a 32-bit value). */
export function mask32(max: number): number {
  let m = max >>> 0;
  m |= m >>> 1;
  m |= m >>> 2;
  m |= m >>> 4;
  m |= m >>> 8;
  m |= m >>> 16;
  return m >>> 0;
}

const TWO32 = 4294967296;

/**
 * A uniform integer in [0, max] by masked rejection: NumPy's `random_interval`, used by the
 * legacy `shuffle`/`permutation`. `max` may exceed 32 bits (up to 2**53 - 1); then 64-bit words
 * are drawn, as NumPy does.
 */
export function randomInterval(src: BitSource, max: number): number {
  if (max === 0) return 0;
  if (max <= 0xffffffff) {
    const mask = mask32(max);
    let v: number;
    while ((v = (src.nextUint32() & mask) >>> 0) > max);
    return v;
  }
  return bounded64(src, max);
}

/** Masked rejection on 64-bit words for ranges above 32 bits (NumPy's bounded_masked_uint64). */
export function bounded64(src: BitSource, rng: number): number {
  const rngHi = Math.floor(rng / TWO32);
  const rngLo = rng - rngHi * TWO32;
  const maskHi = mask32(rngHi);
  for (;;) {
    const hi = (src.nextUint64High() & maskHi) >>> 0;
    const lo = src.lo64;
    if (hi < rngHi || (hi === rngHi && lo <= rngLo)) return hi * TWO32 + lo;
  }
}

/**
 * Fills `out` with `off + [0, rng]` integers exactly as NumPy's `random_bounded_uint64_fill`
 * with `use_masked` (the legacy `randint` path): nothing drawn when rng is 0, raw 32-bit words
 * when rng is 2**32 - 1, masked rejection on 32-bit words below that, on 64-bit words above.
 */
export function boundedFill(
  src: BitSource,
  off: number,
  rng: number,
  out: Int32Array | Float64Array | number[],
): void {
  const n = out.length;
  if (rng === 0) {
    for (let i = 0; i < n; i++) out[i] = off;
  } else if (rng === 0xffffffff) {
    for (let i = 0; i < n; i++) out[i] = off + src.nextUint32();
  } else if (rng < 0xffffffff) {
    const mask = mask32(rng);
    for (let i = 0; i < n; i++) {
      let v: number;
      while ((v = (src.nextUint32() & mask) >>> 0) > rng);
      out[i] = off + v;
    }
  } else {
    for (let i = 0; i < n; i++) out[i] = off + bounded64(src, rng);
  }
}

/**
 * NumPy's `random_bounded_uint8_fill` (masked): 8-bit draws taken from one 32-bit word at a
 * time, low byte first, the buffer living for one fill.
 */
export function boundedFillUint8(src: BitSource, off: number, rng: number, out: Uint8Array): void {
  const n = out.length;
  if (rng === 0) {
    out.fill(off);
    return;
  }
  let buf = 0;
  let bcnt = 0;
  const mask = rng === 0xff ? 0xff : mask32(rng);
  for (let i = 0; i < n; i++) {
    let v: number;
    do {
      if (bcnt === 0) {
        buf = src.nextUint32();
        bcnt = 3;
      } else {
        buf >>>= 8;
        bcnt--;
      }
      v = buf & 0xff & mask;
    } while (v > rng);
    out[i] = off + v;
  }
}

/** NumPy's `random_bounded_bool_fill`: one bit per draw from a buffered 32-bit word. */
export function boundedFillBool(src: BitSource, off: number, rng: number, out: Uint8Array): void {
  const n = out.length;
  if (rng === 0) {
    out.fill(off);
    return;
  }
  let buf = 0;
  let bcnt = 0;
  for (let i = 0; i < n; i++) {
    if (bcnt === 0) {
      buf = src.nextUint32();
      bcnt = 31;
    } else {
      buf >>>= 1;
      bcnt--;
    }
    out[i] = buf & 1;
  }
}
