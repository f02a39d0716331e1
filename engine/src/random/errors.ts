/**
 * The error classes of the random layer, named after the Python exceptions NumPy raises.
 * They mirror the engine core's `ValueError`/`IndexError` so messages read the same; the core
 * may re-export its own classes here when the two layers are merged.
 */

/** NumPy's ValueError: an argument has the right type but an unusable value. */
export class ValueError extends Error {
  override name = "ValueError";
}

/** NumPy's IndexError (raised by `permutation` on a 0-d input, as NumPy does). */
export class IndexError extends Error {
  override name = "IndexError";
}

/** Python's OverflowError (raised by `uniform` when `high - low` is not finite). */
export class OverflowError extends Error {
  override name = "OverflowError";
}
