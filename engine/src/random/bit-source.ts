/**
 * What the distributions need from a bit generator: NumPy's `bitgen_t` interface
 * (next_uint32, next_uint64, next_double), with 64-bit words split into two 32-bit halves.
 */
export interface BitSource {
  /** A uniform integer in [0, 2**32). */
  nextUint32(): number;
  /** A uniform double in [0, 1) with 53 random bits. */
  nextDouble(): number;
  /** Draws one 64-bit word: returns its high 32 bits, leaves the low 32 bits in {@link lo64}. */
  nextUint64High(): number;
  /** Low half of the word drawn by the last {@link nextUint64High} call. */
  readonly lo64: number;
}
