/** scikit-learn's exception classes, with the same names so messages read the same. */
import { ValueError } from "../../core/errors.js";

export { ValueError };

/**
 * Raised when an estimator is used before `fit` (scikit-learn's `NotFittedError`, a
 * `ValueError`).
 */
export class NotFittedError extends ValueError {
  override name = "NotFittedError";
}

/** Raised for an option name or value the estimator does not know. */
export class InvalidParameterError extends ValueError {
  override name = "InvalidParameterError";
}
