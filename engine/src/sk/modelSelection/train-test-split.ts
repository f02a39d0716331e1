/** `trainTestSplit`: random train and test subsets of one or more arrays, as scikit-learn splits them. */
import { Tensor } from "../../core/tensor.js";
import { ValueError } from "../../core/errors.js";
import { checkConsistentLength, numSamples } from "../base/validation.js";
import { isFrameLike, isSeriesLike, type ArrayInput, type TargetInput } from "../base/types.js";
import { safeIndexing } from "./indexing.js";
import type { RandomStateLike } from "./random.js";
import { ShuffleSplit, StratifiedShuffleSplit } from "./splitters.js";
import { validateShuffleSplit } from "./split-sizes.js";

/** Options of {@link trainTestSplit}. */
export interface TrainTestSplitOptions {
  /** Test fraction (float in (0, 1)) or count (int). Default 0.25 (when trainSize is also unset). */
  testSize?: number | null;
  /** Train fraction or count (default: the rest). */
  trainSize?: number | null;
  /** Seed: the same seed gives scikit-learn's split. */
  randomState?: RandomStateLike;
  /** Shuffle before splitting (default true). */
  shuffle?: boolean;
  /** Labels to keep proportions of (StratifiedShuffleSplit). */
  stratify?: TargetInput | null;
}

function isOptions(x: unknown): x is TrainTestSplitOptions {
  return (
    typeof x === "object" &&
    x !== null &&
    !Array.isArray(x) &&
    !(x instanceof Tensor) &&
    !ArrayBuffer.isView(x) &&
    !isFrameLike(x) &&
    !isSeriesLike(x)
  );
}

/**
 * Splits each array into a train and a test part, returning `[train0, test0, train1, test1, ...]`.
 * Each part keeps its input's kind (tensor, data frame, series, array).
 *
 * @example
 * ```ts
 * const [trainSet, testSet] = sk.trainTestSplit(housing, { testSize: 0.2, randomState: 42 });
 * const [Xtrain, Xtest, ytrain, ytest] = sk.trainTestSplit(X, y, { testSize: 0.2, randomState: 42 });
 * ```
 */
export function trainTestSplit<T extends ArrayInput>(...args: (T | TrainTestSplitOptions)[]): T[] {
  const last = args[args.length - 1];
  const options: TrainTestSplitOptions = args.length && isOptions(last) ? last : {};
  const arrays = (isOptions(last) ? args.slice(0, -1) : args) as T[];
  if (arrays.length === 0) throw new ValueError("At least one array required as input");
  checkConsistentLength(...arrays);
  const n = numSamples(arrays[0]);
  const [nTrain, nTest] = validateShuffleSplit(n, options.testSize, options.trainSize, 0.25);
  let train: ArrayLike<number>;
  let test: ArrayLike<number>;
  if (options.shuffle === false) {
    if (options.stratify != null)
      throw new ValueError("Stratified train/test split is not implemented for shuffle=false");
    train = Array.from({ length: nTrain }, (_, i) => i);
    test = Array.from({ length: nTest }, (_, i) => nTrain + i);
  } else {
    const opts = { testSize: nTest, trainSize: nTrain, randomState: options.randomState, nSplits: 1 };
    const cv = options.stratify != null ? new StratifiedShuffleSplit(opts) : new ShuffleSplit(opts);
    const [tr, te] = cv.split(arrays[0], options.stratify ?? null).next().value as [Tensor, Tensor];
    train = tr.dataSync();
    test = te.dataSync();
  }
  return arrays.flatMap((a) => [safeIndexing(a, train), safeIndexing(a, test)]);
}
