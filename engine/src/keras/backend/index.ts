/**
 * `keras.backend` (Keras' `K`): the fuzz factor and reading/setting values such as the
 * learning rate.
 *
 * @example
 * ```ts
 * keras.backend.epsilon(); // 1e-7
 * ```
 */
export { epsilon, setEpsilon } from "../common/epsilon.js";
export { clearSession } from "../engine/naming.js";
