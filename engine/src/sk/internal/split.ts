/**
 * The validation split of estimators with `earlyStopping` (scikit-learn's `ShuffleSplit` with one
 * split: the first ⌈f·n⌉ entries of a seeded permutation are the validation set).
 */
import { ValueError } from "../../core/errors.js";
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
