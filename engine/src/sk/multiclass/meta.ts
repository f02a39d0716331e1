/**
 * Helpers of the meta-estimators: calling the wrapped estimator's methods, which exist or not
 * depending on the estimator, and the binary score scikit-learn takes from it.
 */
import { ValueError } from "../../core/errors.js";
import type { Tensor } from "../../core/tensor.js";
import type { BaseEstimator } from "../base/estimator.js";
import type { ArrayInput, Labels, TargetInput } from "../base/types.js";

/** What a wrapped classifier offers. */
export interface InnerClassifier extends BaseEstimator {
  fit(X: ArrayInput, y: TargetInput): unknown;
  predict(X: ArrayInput): Labels;
  decisionFunction?(X: ArrayInput): Tensor;
  predictProba?(X: ArrayInput): Tensor | Tensor[];
}

/** The positive-class score of a binary estimator: `decisionFunction`, else `predictProba[:, 1]`. */
export function binaryScore(est: InnerClassifier, X: ArrayInput): Float64Array {
  if (typeof est.decisionFunction === "function") {
    return Float64Array.from(est.decisionFunction(X).reshape(-1).dataSync());
  }
  if (typeof est.predictProba === "function") {
    const p = est.predictProba(X) as Tensor;
    return Float64Array.from(p.get(":", 1).dataSync());
  }
  throw new ValueError(
    `${est.constructor.name} has neither decisionFunction nor predictProba; wrap an estimator that has one.`,
  );
}

/** Rows of a boolean-like 0/1 column vector as a float array. */
export function asNumbers(y: Labels): Float64Array {
  if (Array.isArray(y)) return Float64Array.from(y.map(Number));
  return Float64Array.from(y.dataSync());
}
