/**
 * The error classes of the random layer: the engine core's, named after the Python exceptions
 * NumPy raises.
 */
export { ValueError, IndexError, OverflowError } from "../core/errors.js";
