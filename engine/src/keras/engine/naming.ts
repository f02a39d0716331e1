// Unique default names, as Keras gives them: the first Dense is "dense", the next "dense_1".
// `keras.backend.clearSession()` starts the counts again.

const counts = new Map<string, number>();

/**
 * Keras' snake_case of a class name: `Dense` → `dense`, `BatchNormalization` →
 * `batch_normalization`, `PReLU` → `p_re_lu`, `WideAndDeepModel` → `wide_and_deep_model`.
 */
export function snakeCase(name: string): string {
  const intermediate = name.replace(/(.)([A-Z][a-z]+)/g, "$1_$2");
  return intermediate.replace(/([a-z])([A-Z])/g, "$1_$2").toLowerCase();
}

/**
 * The next free name for a prefix: `dense`, then `dense_1`, `dense_2`... Inputs count from 1
 * (`input_1`, `input_2`), as Keras 2 names them and the book prints.
 */
export function uniqueName(prefix: string): string {
  const n = counts.get(prefix) ?? 0;
  counts.set(prefix, n + 1);
  if (prefix === "input") return `input_${n + 1}`;
  return n === 0 ? prefix : `${prefix}_${n}`;
}

/**
 * Forgets the names given so far (Keras' `keras.backend.clear_session()`), so a notebook that
 * rebuilds its model gets `dense`, `dense_1`... again.
 *
 * @example
 * ```ts
 * keras.backend.clearSession();
 * ```
 */
export function clearSession(): void {
  counts.clear();
}
