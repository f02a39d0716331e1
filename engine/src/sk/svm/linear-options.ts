/** What `LinearSVC` and `LinearSVR` share: option checks, the dual/primal choice, the bias feature. */
import { InvalidParameterError } from "../base/errors.js";
import { warn } from "../internal/warn.js";

/** The options both linear SVMs check. */
export interface LinearSettings {
  tol: number;
  C: number;
  maxIter: number;
  fitIntercept: boolean;
  interceptScaling: number;
  dual: boolean | "auto";
}

/** Checks the shared options, with scikit-learn's messages. */
export function checkLinearOptions(est: string, s: LinearSettings): void {
  const bad = (name: string, what: string, got: unknown): InvalidParameterError =>
    new InvalidParameterError(
      `The '${name}' parameter of ${est} must be ${what}. Got ${String(got)} instead.`,
    );
  if (!(typeof s.C === "number" && s.C > 0 && Number.isFinite(s.C)))
    throw bad("C", "a float in the range (0.0, inf)", s.C);
  if (!(typeof s.tol === "number" && s.tol > 0)) throw bad("tol", "a float in the range (0.0, inf)", s.tol);
  if (!(Number.isInteger(s.maxIter) && s.maxIter >= 0))
    throw bad("max_iter", "an int in the range [0, inf)", s.maxIter);
  if (s.dual !== true && s.dual !== false && s.dual !== "auto") {
    throw bad("dual", "an instance of 'bool' or 'auto'", s.dual);
  }
  if (s.fitIntercept && !(s.interceptScaling > 0)) {
    throw new InvalidParameterError(
      `Intercept scaling is ${s.interceptScaling} but needs to be greater than 0. To disable fitting an intercept, set fitIntercept=false.`,
    );
  }
}

/**
 * Whether to solve the dual: `"auto"` picks the primal when there are more samples than features
 * and the loss has a primal solver, the dual otherwise; `false` with a dual-only loss is refused.
 */
export function chooseDual(
  est: string,
  dual: boolean | "auto",
  primalSupported: boolean,
  loss: string,
  nSamples: number,
  nFeatures: number,
): boolean {
  if (dual === "auto") return !(nSamples >= nFeatures && primalSupported);
  if (dual === false && !primalSupported) {
    throw new InvalidParameterError(
      `Unsupported set of arguments: The combination of penalty='l2' and loss='${loss}' are not supported when dual=False, Parameters: penalty='l2', loss='${loss}', dual=False (${est}: use dual: true, or the squared loss for the primal solver)`,
    );
  }
  return dual;
}

/** liblinear's bias: the intercept feature's value, or −1 for none. */
export function liblinearBias(fitIntercept: boolean, interceptScaling: number): number {
  return fitIntercept ? interceptScaling : -1;
}

/** scikit-learn's warning when liblinear reaches maxIter. */
export function warnNotConverged(): void {
  warn("Liblinear failed to converge, increase the number of iterations.", "ConvergenceWarning");
}
