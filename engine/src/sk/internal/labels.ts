/**
 * Class labels for the classifiers, on top of the base contract's label helpers: labels are a
 * tensor (numbers, booleans) or a string array; `classes_` is sorted and samples are coded as
 * indices into it.
 */
import { ValueError } from "../../core/errors.js";
import { decodeLabels, encodeLabels, labelValues, toLabels } from "../base/validation.js";
import type { Labels, TargetInput } from "../base/types.js";

export { decodeLabels, labelValues, toLabels };

/** Sorted distinct labels and each sample's class index; checks the length against `nSamples`. */
export function encodeTarget(y: TargetInput, nSamples?: number): { classes: Labels; codes: Int32Array } {
  const labels = toLabels(y);
  const r = encodeLabels(labels);
  if (nSamples !== undefined && r.codes.length !== nSamples) {
    throw new ValueError(
      `Found input variables with inconsistent numbers of samples: [${nSamples}, ${r.codes.length}]. X and y need one row per sample.`,
    );
  }
  return r;
}

/** Number of classes. */
export function classCount(classes: Labels): number {
  return Array.isArray(classes) ? classes.length : classes.size;
}

/** Maps labels to indices of known `classes`; unknown labels raise an error naming them. */
export function codesFor(classes: Labels, y: TargetInput): Int32Array {
  const known = labelValues(classes);
  const index = new Map<number | string | boolean, number>(known.map((v, i) => [v, i]));
  const vals = labelValues(toLabels(y));
  const codes = new Int32Array(vals.length);
  for (let i = 0; i < vals.length; i++) {
    const c = index.get(vals[i]);
    if (c === undefined) {
      throw new ValueError(
        `y contains previously unseen label ${String(vals[i])}; known classes are [${known.join(", ")}].`,
      );
    }
    codes[i] = c;
  }
  return codes;
}

/** Whether two label lists are equal element by element. */
export function sameLabels(a: Labels, b: Labels): boolean {
  const x = labelValues(a);
  const y = labelValues(b);
  return x.length === y.length && x.every((v, i) => v === y[i]);
}
