// Keras' fuzz factor (`keras.backend.epsilon()`): the clipping bound of the probabilistic
// losses and the denominators of metrics and constraints.

let value = 1e-7;

/** The fuzz factor (`keras.backend.epsilon()`), 1e-7 unless changed. @example `epsilon()` */
export function epsilon(): number {
  return value;
}

/** Changes the fuzz factor (`keras.backend.set_epsilon`). @example `setEpsilon(1e-8)` */
export function setEpsilon(e: number): void {
  if (!(e > 0 && e < 1)) throw new RangeError(`epsilon must be in (0, 1), got ${e}`);
  value = e;
}
