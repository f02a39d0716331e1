/**
 * The not-fitted error, worded as scikit-learn words it, for estimators used before `fit`.
 */
export class NotFittedError extends Error {
  override name = "NotFittedError";
}

/** Throws scikit-learn's not-fitted message unless `est[attr]` is set. */
export function requireFitted(est: object, attr: string): void {
  if ((est as Record<string, unknown>)[attr] === undefined) {
    throw new NotFittedError(
      `This ${est.constructor.name} instance is not fitted yet. Call 'fit' with appropriate arguments before using this estimator.`,
    );
  }
}
