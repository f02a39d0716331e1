/** Lemire's bounded integers as NumPy's `Generator` draws them (`use_masked=False`). */
import type { BitSource } from "./bit-source.js";

/** A uniform integer in [0, rng] for rng < 2**32 - 1 (NumPy's buffered_bounded_lemire_uint32). */
export function lemire32(src: BitSource, rng: number): number {
  const excl = rng + 1;
  const high = (u: number): number => {
    // Exact high word of the 64-bit product u * excl, via 16-bit halves of u.
    const t = (u >>> 16) * excl + Math.floor(((u & 0xffff) * excl) / 65536);
    return Math.floor(t / 65536);
  };
  let u = src.nextUint32();
  let leftover = Math.imul(u, excl) >>> 0;
  if (leftover < excl) {
    const threshold = (4294967296 - excl) % excl;
    while (leftover < threshold) {
      u = src.nextUint32();
      leftover = Math.imul(u, excl) >>> 0;
    }
  }
  return high(u);
}

const M64 = (1n << 64n) - 1n;

/** A uniform integer in [0, rng] for 2**32 <= rng < 2**64 - 1 (NumPy's bounded_lemire_uint64). */
export function lemire64(src: BitSource, rng: number): number {
  const excl = BigInt(rng) + 1n;
  const draw = (): bigint => {
    const hi = src.nextUint64High();
    return ((BigInt(hi) << 32n) | BigInt(src.lo64)) * excl;
  };
  let m = draw();
  let leftover = m & M64;
  if (leftover < excl) {
    const threshold = (M64 - BigInt(rng)) % excl;
    while (leftover < threshold) {
      m = draw();
      leftover = m & M64;
    }
  }
  return Number(m >> 64n);
}

/** NumPy's random_bounded_uint64 with Lemire: off + [0, rng]. */
export function lemireBounded(src: BitSource, off: number, rng: number): number {
  if (rng === 0) return off;
  if (rng === 0xffffffff) return off + src.nextUint32();
  if (rng < 0xffffffff) return off + lemire32(src, rng);
  return off + lemire64(src, rng);
}
