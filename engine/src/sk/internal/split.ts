/**
 * The validation split of estimators with `earlyStopping`: scikit-learn's `ShuffleSplit` (the
 * first ⌈f·n⌉ entries of a seeded permutation) for regressors and `StratifiedShuffleSplit` for
 * classifiers, one split each.
 */
import { Tensor } from "../../core/tensor.js";
import { ValueError } from "../../core/errors.js";
import { StratifiedShuffleSplit } from "../modelSelection/splitters.js";
import { checkRandomState, type RandomStateLike } from "./random.js";

/** A 0/1 mask marking the validation samples. */
export function validationMask(n: number, fraction: number, randomState: RandomStateLike): Uint8Array {
  const nTest = Math.ceil(fraction * n);
  const nTrain = Math.floor((1 - fraction) * n);
  if (nTest === 0 || nTrain === 0) {
    throw new ValueError(
      `Splitting ${n} samples into a train set and a validation set with validationFraction=${fraction} led to an empty set (${nTrain} and ${nTest} samples). Please either change validationFraction, increase number of samples, or disable earlyStopping.`,
    );
  }
  const perm = checkRandomState(randomState).permutation(n).dataSync();
  const mask = new Uint8Array(n);
  for (let i = 0; i < nTest; i++) mask[perm[i]] = 1;
  return mask;
}

/** A 0/1 mask of the validation samples, stratified on the class codes (classifiers). */
export function stratifiedValidationMask(
  codes: Int32Array,
  fraction: number,
  randomState: RandomStateLike,
): Uint8Array {
  const n = codes.length;
  validationSizes(n, fraction);
  const ss = new StratifiedShuffleSplit({ nSplits: 1, testSize: fraction, randomState: randomState ?? null });
  const X = Tensor.fromTypedArray(new Float64Array(n), [n, 1], "float64");
  const y = Tensor.fromTypedArray(Int32Array.from(codes), [n], "int32");
  const mask = new Uint8Array(n);
  for (const [, test] of ss.split(X, y)) {
    for (const i of test.dataSync()) mask[i] = 1;
    break;
  }
  return mask;
}

function validationSizes(n: number, fraction: number): void {
  const nTest = Math.ceil(fraction * n);
  const nTrain = Math.floor((1 - fraction) * n);
  if (nTest === 0 || nTrain === 0) {
    throw new ValueError(
      `Splitting ${n} samples into a train set and a validation set with validationFraction=${fraction} led to an empty set (${nTrain} and ${nTest} samples). Please either change validationFraction, increase number of samples, or disable earlyStopping.`,
    );
  }
}
