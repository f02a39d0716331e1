/** scikit-learn's `_validate_shuffle_split`: train and test sizes from fractions or counts. */
import { ValueError } from "../../core/errors.js";

/** [nTrain, nTest] for n samples. */
export function validateShuffleSplit(
  n: number,
  testSize: number | null | undefined,
  trainSize: number | null | undefined,
  defaultTestSize: number,
): [number, number] {
  if (testSize == null && trainSize == null) testSize = defaultTestSize;
  const check = (s: number | null | undefined, name: string): void => {
    if (s == null) return;
    if (Number.isInteger(s) && s >= 1) {
      if (s >= n)
        throw new ValueError(
          `${name}=${s} should be either positive and smaller than the number of samples ${n} or a float in the (0, 1) range`,
        );
    } else if (!(s > 0 && s < 1)) {
      throw new ValueError(
        `${name}=${s} should be either positive and smaller than the number of samples ${n} or a float in the (0, 1) range`,
      );
    }
  };
  check(testSize, "testSize");
  check(trainSize, "trainSize");
  const isFrac = (s: number | null | undefined): boolean => s != null && !(Number.isInteger(s) && s >= 1);
  let nTest = testSize == null ? null : isFrac(testSize) ? Math.ceil(testSize * n) : testSize;
  let nTrain = trainSize == null ? null : isFrac(trainSize) ? Math.floor(trainSize * n) : trainSize;
  if (nTrain == null) nTrain = n - (nTest as number);
  if (nTest == null) nTest = n - nTrain;
  if (nTrain + nTest > n)
    throw new ValueError(
      `The sum of trainSize and testSize = ${nTrain + nTest}, should be smaller than the number of samples ${n}. Reduce testSize and/or trainSize.`,
    );
  if (nTrain === 0) {
    throw new ValueError(
      `With n_samples=${n}, test_size=${testSize} and train_size=${trainSize}, the resulting train set will be empty. Adjust any of the aforementioned parameters.`,
    );
  }
  return [nTrain, nTest];
}
