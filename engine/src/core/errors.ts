/** NumPy's ValueError: an argument has the right type but an unusable value (shape, option). */
export class ValueError extends Error {
  override name = "ValueError";
}

/** NumPy's IndexError: an index outside an axis, or too many indices. */
export class IndexError extends Error {
  override name = "IndexError";
}

/** Python's OverflowError: a result does not fit (e.g. `uniform` with an infinite range). */
export class OverflowError extends Error {
  override name = "OverflowError";
}
