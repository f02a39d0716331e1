/** Accuracy: the fraction (or count) of exactly matching labels. */
import { Tensor } from "../../core/tensor.js";
import { ValueError } from "../../core/errors.js";
import { checkConsistentLength, labelValues, toLabels } from "../base/validation.js";
import type { ArrayInput, TargetInput } from "../base/types.js";
import { weightsOf } from "./common.js";

/** Options of {@link accuracyScore}. */
export interface AccuracyOptions {
  /** false: the number of correct samples instead of the fraction. */
  normalize?: boolean;
  /** Per-sample weights. */
  sampleWeight?: ArrayInput | null;
}

// Rows of a 2-D label matrix (multilabel) as strings, so whole rows compare at once.
function rowsKey(y: TargetInput): (string | number | boolean)[] {
  if (y instanceof Tensor && y.ndim === 2 && y.shape[1] > 1) {
    const m = y.shape[1];
    const d = y.astype("float64").dataSync();
    return Array.from({ length: y.shape[0] }, (_, i) => Array.from(d.subarray(i * m, (i + 1) * m)).join(","));
  }
  if (Array.isArray(y) && y.length && Array.isArray(y[0]) && (y[0] as unknown[]).length > 1) {
    return (y as unknown[][]).map((r) => r.map((v) => (typeof v === "boolean" ? Number(v) : v)).join(","));
  }
  return labelValues(toLabels(y)).map((v) => (typeof v === "boolean" ? Number(v) : v));
}

/**
 * Accuracy classification score (subset accuracy for multilabel targets).
 *
 * @example
 * ```ts
 * sk.accuracyScore([0, 1, 2, 3], [0, 2, 1, 3]); // 0.5
 * ```
 */
export function accuracyScore(yTrue: TargetInput, yPred: TargetInput, options: AccuracyOptions = {}): number {
  checkConsistentLength(yTrue, yPred);
  const a = rowsKey(yTrue);
  const b = rowsKey(yPred);
  if (a.length === 0)
    throw new ValueError("accuracyScore of empty arrays is undefined; pass at least one sample");
  const w = weightsOf(options.sampleWeight, a.length);
  let correct = 0;
  let total = 0;
  for (let i = 0; i < a.length; i++) {
    const wi = w ? w[i] : 1;
    // Labels of different kinds ("5" vs 5) compare by their text, as NumPy would after casting.
    if (a[i] === b[i] || String(a[i]) === String(b[i])) correct += wi;
    total += wi;
  }
  return options.normalize === false ? correct : correct / total;
}
