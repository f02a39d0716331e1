/** TensorFlow's `tf.errors.InvalidArgumentError`: an op got an argument it cannot use. */
export class InvalidArgumentError extends Error {
  override name = "InvalidArgumentError";
}
