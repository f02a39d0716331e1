/**
 * Python's RuntimeError, as TensorFlow raises it: e.g. a second `gradient` call on a
 * non-persistent tape.
 */
export class RuntimeError extends Error {
  override name = "RuntimeError";
}

/** Python's LookupError, as TensorFlow raises it for an op without a registered gradient. */
export class LookupError extends Error {
  override name = "LookupError";
}
