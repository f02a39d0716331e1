/**
 * NumPy's `LinAlgError`, with NumPy's messages, so notebook users see the words they know.
 *
 * @example
 * ```ts
 * try { inv({ data: new Float64Array(4), shape: [2, 2] }); }
 * catch (e) { if (e instanceof LinAlgError) console.log(e.message); } // "Singular matrix"
 * ```
 */
export class LinAlgError extends Error {
  override readonly name = "LinAlgError";
}

/** NumPy's wording for the usual failures, in one place so tests and callers agree. */
export const MSG = {
  singular: "Singular matrix",
  notPD: "Matrix is not positive definite",
  notSquare: "Last 2 dimensions of the array must be square",
  nonFinite: "Array must not contain infs or NaNs",
  svdNoConv: "SVD did not converge",
  eigNoConv: "Eigenvalues did not converge",
  lstsqNoConv: "SVD did not converge in Linear Least Squares",
} as const;

/** The message NumPy gives when an operand has fewer than two dimensions. */
export function dimsMessage(ndim: number): string {
  return `${ndim}-dimensional array given. Array must be at least two-dimensional`;
}

/** Throws NumPy's "must not contain infs or NaNs" when any entry is not finite. */
export function assertFinite(a: ArrayLike<number>): void {
  for (let i = 0; i < a.length; i++) {
    // x - x is NaN exactly for NaN and ±Inf, and cheaper than Number.isFinite in a hot loop.
    if (a[i] - a[i] !== 0) throw new LinAlgError(MSG.nonFinite);
  }
}

export { ValueError } from "../core/errors.js";
