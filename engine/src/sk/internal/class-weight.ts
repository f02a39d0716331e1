/**
 * Class weights as scikit-learn's `compute_class_weight`: none (all ones), `"balanced"`
 * (n / (k · count of the class)), or a weight per label given as an object keyed by the label.
 */
import { ValueError } from "../../core/errors.js";
import type { Labels } from "../base/types.js";
import { labelValues } from "./labels.js";

/** What `classWeight` options accept. */
export type ClassWeightOption = null | "balanced" | Readonly<Record<string, number>>;

/** One weight per class (in the order of `classes`), from the option and the class codes. */
export function classWeightVector(
  cw: ClassWeightOption | undefined,
  classes: Labels,
  codes: Int32Array,
): Float64Array {
  const known = labelValues(classes);
  const k = known.length;
  const out = new Float64Array(k).fill(1);
  if (cw === null || cw === undefined) return out;
  if (cw === "balanced") {
    const counts = new Float64Array(k);
    for (const c of codes) counts[c]++;
    for (let c = 0; c < k; c++) out[c] = codes.length / (k * counts[c]);
    return out;
  }
  if (typeof cw !== "object") {
    throw new ValueError(
      `classWeight must be null, "balanced" or an object of weights per label, e.g. { 1: 10 }; got ${String(cw)}`,
    );
  }
  const names = new Set(known.map(String));
  for (const key of Object.keys(cw)) {
    if (!names.has(key)) {
      throw new ValueError(
        `The classes, [${key}], are not in class, [${known.join(", ")}]; classWeight names a label y does not have.`,
      );
    }
  }
  known.forEach((l, c) => {
    const key = String(l);
    if (key in cw) out[c] = cw[key];
  });
  return out;
}
