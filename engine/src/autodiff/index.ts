/**
 * Reverse-mode automatic differentiation: the gradient registry, tapes, `GradientTape`,
 * `Variable`, `stopGradient`, `customGradient`, and a numerical gradient checker.
 *
 * @example
 * ```ts
 * const x = new Variable(3);
 * const tape = new GradientTape();
 * const y = tape.record(() => x.mul(x));
 * tape.gradient(y, x); // 6
 * ```
 */
import "../backends/js/index.js";
import "./layout-grads.js";

export {
  registerGradient,
  registerMultiGradient,
  gradientOf,
  multiGradientOf,
  differentiableOps,
  type GradientFn,
  type MultiGradientFn,
} from "./registry.js";
export { GradientTape, type GradientTapeOptions, type GradientOptions } from "./gradient-tape.js";
export { Variable, VariableValue, type VariableOptions } from "./variable.js";
export { stopGradient } from "./stop-gradient.js";
export { customGradient, type CustomGradientResult } from "./custom-gradient.js";
export { withoutRecording } from "./recorder.js";
export { RuntimeError, LookupError } from "./errors.js";
export { numericGradient, checkGradient, type GradientCheck } from "./gradcheck.js";
