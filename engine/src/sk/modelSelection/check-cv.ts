/** scikit-learn's `check_cv`: an int, a splitter, an iterable of splits, or null (5 folds). */
import { Tensor } from "../../core/tensor.js";
import { ValueError } from "../../core/errors.js";
import { isClassifier } from "../base/mixins.js";
import { labelValues, toLabels } from "../base/validation.js";
import type { ArrayInput, TargetInput } from "../base/types.js";
import { isMultilabel } from "../metrics/labels.js";
import { KFold, StratifiedKFold, isSplitter, type BaseCrossValidator, type SplitPair } from "./splitters.js";

/** What `cv` may be. */
export type CvInput =
  | number
  | BaseCrossValidator
  | Iterable<readonly [ArrayLike<number> | Tensor, ArrayLike<number> | Tensor]>
  | null
  | undefined;

function isClassTarget(y: TargetInput | null | undefined): boolean {
  if (y == null || isMultilabel(y)) return false;
  // Binary or multiclass: integers or strings, not continuous floats.
  const v = labelValues(toLabels(y));
  return v.every((x) => typeof x !== "number" || Number.isInteger(x));
}

function asIndex(a: ArrayLike<number> | Tensor): Tensor {
  return a instanceof Tensor ? a : Tensor.fromTypedArray(Int32Array.from(a), [a.length], "int32");
}

/**
 * The list of `[train, test]` index pairs for `cv`. Integers give stratified folds for
 * classifiers with class targets and plain K folds otherwise, as in scikit-learn.
 */
export function cvSplits(
  cv: CvInput,
  X: ArrayInput,
  y: TargetInput | null | undefined,
  estimator?: unknown,
): SplitPair[] {
  const k = cv == null ? 5 : cv;
  if (typeof k === "number") {
    if (!Number.isInteger(k) || k < 2)
      throw new ValueError(`cv must be an integer >= 2, a splitter or a list of splits; got ${k}`);
    const splitter =
      isClassifier(estimator) && isClassTarget(y)
        ? new StratifiedKFold({ nSplits: k })
        : new KFold({ nSplits: k });
    return [...splitter.split(X, y)];
  }
  if (isSplitter(k)) return [...k.split(X, y)];
  if (typeof (k as Iterable<unknown>)[Symbol.iterator] === "function") {
    return [...(k as Iterable<readonly [ArrayLike<number> | Tensor, ArrayLike<number> | Tensor]>)].map(
      ([a, b]) => [asIndex(a), asIndex(b)],
    );
  }
  throw new ValueError(
    "Expected cv as an integer, cross-validation object (from sk.KFold, sk.StratifiedKFold, ...) or an iterable of [train, test] splits",
  );
}
