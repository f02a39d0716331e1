/**
 * Cross-validation splitters: `KFold`, `StratifiedKFold`, `ShuffleSplit`,
 * `StratifiedShuffleSplit`. `split(X, y)` yields `[trainIndices, testIndices]` as int32 tensors,
 * drawn from NumPy's legacy stream so a seed gives scikit-learn's folds.
 */
import { Tensor } from "../../core/tensor.js";
import { ValueError } from "../../core/errors.js";
import { numSamples, toLabels, labelValues } from "../base/validation.js";
import type { ArrayInput, TargetInput } from "../base/types.js";
import { checkRandomState, indexArray, type RandomStateLike, type Rng } from "./random.js";
import { validateShuffleSplit } from "./split-sizes.js";

/** A train/test pair of index tensors (int32). */
export type SplitPair = [Tensor, Tensor];

function idx(a: ArrayLike<number>): Tensor {
  return Tensor.fromTypedArray(Int32Array.from(a), [a.length], "int32");
}

/** Splitters share this base: they hold options but are not estimators to fit. */
export abstract class BaseCrossValidator {
  /** Yields `[train, test]` index pairs. */
  abstract split(X: ArrayInput, y?: TargetInput | null, groups?: unknown): Generator<SplitPair>;
  /** Number of splits. */
  abstract getNSplits(X?: ArrayInput | null, y?: TargetInput | null): number;
  /** The repr, e.g. `KFold({ nSplits: 3, shuffle: true, randomState: 42 })`. */
  toString(): string {
    const params = Object.entries(this).filter(([k]) => !k.startsWith("_"));
    return `${this.constructor.name}({ ${params.map(([k, v]) => `${k}: ${JSON.stringify(v) ?? String(v)}`).join(", ")} })`;
  }
}

// Test folds as index lists -> [train, test] pairs (train sorted, as scikit-learn's masks give).
function* fromTestFolds(n: number, tests: number[][]): Generator<SplitPair> {
  for (const t of tests) {
    const mask = new Uint8Array(n);
    for (const i of t) mask[i] = 1;
    const train: number[] = [];
    for (let i = 0; i < n; i++) if (!mask[i]) train.push(i);
    yield [idx(train), idx(t)];
  }
}

/** Options of {@link KFold} and {@link StratifiedKFold}. */
export interface KFoldOptions {
  /** Number of folds (>= 2). Default 5. */
  nSplits?: number;
  /** Shuffle before splitting. */
  shuffle?: boolean;
  /** Seed (only with shuffle). */
  randomState?: RandomStateLike;
}

function checkKFold(
  o: { nSplits: number; shuffle: boolean; randomState: RandomStateLike },
  name: string,
): void {
  if (!Number.isInteger(o.nSplits) || o.nSplits < 2) {
    throw new ValueError(`${name} requires at least two folds: nSplits=${o.nSplits}`);
  }
  if (!o.shuffle && o.randomState != null) {
    throw new ValueError(
      "Setting a randomState has no effect since shuffle is false. You should leave randomState at null, or set shuffle: true.",
    );
  }
}

/**
 * K consecutive folds (optionally shuffled first).
 *
 * @example
 * ```ts
 * for (const [train, test] of new sk.KFold({ nSplits: 3 }).split(X)) { ... }
 * ```
 */
export class KFold extends BaseCrossValidator {
  nSplits: number;
  shuffle: boolean;
  randomState: RandomStateLike;
  constructor(options: KFoldOptions = {}) {
    super();
    this.nSplits = options.nSplits ?? 5;
    this.shuffle = options.shuffle ?? false;
    this.randomState = options.randomState ?? null;
    checkKFold(this, "KFold");
  }
  getNSplits(): number {
    return this.nSplits;
  }
  *split(X: ArrayInput): Generator<SplitPair> {
    const n = numSamples(X);
    if (this.nSplits > n)
      throw new ValueError(
        `Cannot have number of splits nSplits=${this.nSplits} greater than the number of samples: n_samples=${n}.`,
      );
    let order = Array.from({ length: n }, (_, i) => i);
    if (this.shuffle) {
      const t = Tensor.fromTypedArray(Float64Array.from(order), [n], "float64");
      checkRandomState(this.randomState).shuffle(t);
      order = Array.from(t.dataSync());
    }
    const tests: number[][] = [];
    let at = 0;
    for (let f = 0; f < this.nSplits; f++) {
      const size = Math.floor(n / this.nSplits) + (f < n % this.nSplits ? 1 : 0);
      tests.push(order.slice(at, at + size));
      at += size;
    }
    yield* fromTestFolds(
      n,
      tests.map((t) => t.slice().sort((a, b) => a - b)),
    );
  }
}

// Labels encoded by order of first appearance, as StratifiedKFold does.
function encodeByAppearance(y: TargetInput): { codes: Int32Array; k: number } {
  const vals = labelValues(toLabels(y)).map(String);
  const sorted = [...new Set(vals)].sort();
  const firstSeen = new Map<string, number>();
  vals.forEach((v, i) => {
    if (!firstSeen.has(v)) firstSeen.set(v, i);
  });
  // np.unique sorts labels; codes are then renumbered by first index.
  const order = [...sorted].sort((a, b) => (firstSeen.get(a) as number) - (firstSeen.get(b) as number));
  const code = new Map(order.map((v, i) => [v, i]));
  return { codes: Int32Array.from(vals, (v) => code.get(v) as number), k: order.length };
}

/**
 * K folds that keep each class's proportion (for classifiers).
 *
 * @example
 * ```ts
 * const skf = new sk.StratifiedKFold({ nSplits: 3, shuffle: true, randomState: 42 });
 * for (const [train, test] of skf.split(X, y)) { ... }
 * ```
 */
export class StratifiedKFold extends BaseCrossValidator {
  nSplits: number;
  shuffle: boolean;
  randomState: RandomStateLike;
  constructor(options: KFoldOptions = {}) {
    super();
    this.nSplits = options.nSplits ?? 5;
    this.shuffle = options.shuffle ?? false;
    this.randomState = options.randomState ?? null;
    checkKFold(this, "StratifiedKFold");
  }
  getNSplits(): number {
    return this.nSplits;
  }
  *split(X: ArrayInput, y?: TargetInput | null): Generator<SplitPair> {
    if (y == null) throw new ValueError("StratifiedKFold.split needs the labels y: split(X, y)");
    const n = numSamples(X);
    const rng = checkRandomState(this.randomState);
    const { codes, k } = encodeByAppearance(y);
    const counts = new Array<number>(k).fill(0);
    for (const c of codes) counts[c]++;
    if (counts.every((c) => this.nSplits > c)) {
      throw new ValueError(
        `n_splits=${this.nSplits} cannot be greater than the number of members in each class.`,
      );
    }
    const yOrder = Array.from(codes).sort((a, b) => a - b);
    // allocation[f][c]: samples of class c in test fold f (round robin over sorted labels).
    const allocation = Array.from({ length: this.nSplits }, () => new Array<number>(k).fill(0));
    yOrder.forEach((c, i) => allocation[i % this.nSplits][c]++);
    const testFolds = new Int32Array(n);
    for (let c = 0; c < k; c++) {
      const folds: number[] = [];
      for (let f = 0; f < this.nSplits; f++) for (let r = 0; r < allocation[f][c]; r++) folds.push(f);
      let foldsArr = folds;
      if (this.shuffle) {
        const t = Tensor.fromTypedArray(Float64Array.from(folds), [folds.length], "float64");
        rng.shuffle(t);
        foldsArr = Array.from(t.dataSync());
      }
      let at = 0;
      for (let i = 0; i < n; i++) if (codes[i] === c) testFolds[i] = foldsArr[at++];
    }
    const tests = Array.from({ length: this.nSplits }, (_, f) => {
      const t: number[] = [];
      for (let i = 0; i < n; i++) if (testFolds[i] === f) t.push(i);
      return t;
    });
    yield* fromTestFolds(n, tests);
  }
}

/** Options of {@link ShuffleSplit} and {@link StratifiedShuffleSplit}. */
export interface ShuffleSplitOptions {
  /** Number of re-shuffled splits. Default 10. */
  nSplits?: number;
  /** Test fraction (float) or count (int). Default 0.1 when neither size is given. */
  testSize?: number | null;
  /** Train fraction or count (default: the rest). */
  trainSize?: number | null;
  /** Seed. */
  randomState?: RandomStateLike;
}

/**
 * Random permutation splits: each split takes the first `testSize` of a fresh permutation.
 *
 * @example
 * ```ts
 * const ss = new sk.ShuffleSplit({ nSplits: 1000, testSize: X.shape[0] - 100, randomState: 42 });
 * ```
 */
export class ShuffleSplit extends BaseCrossValidator {
  nSplits: number;
  testSize: number | null;
  trainSize: number | null;
  randomState: RandomStateLike;
  constructor(options: ShuffleSplitOptions = {}) {
    super();
    this.nSplits = options.nSplits ?? 10;
    this.testSize = options.testSize ?? null;
    this.trainSize = options.trainSize ?? null;
    this.randomState = options.randomState ?? null;
  }
  getNSplits(): number {
    return this.nSplits;
  }
  *split(X: ArrayInput): Generator<SplitPair> {
    const n = numSamples(X);
    const [nTrain, nTest] = validateShuffleSplit(n, this.testSize, this.trainSize, 0.1);
    const rng = checkRandomState(this.randomState);
    for (let s = 0; s < this.nSplits; s++) {
      const p = indexArray(rng.permutation(n));
      yield [idx(p.subarray(nTest, nTest + nTrain)), idx(p.subarray(0, nTest))];
    }
  }
}

// scikit-learn's `_approximate_mode`: per-class draw counts summing to nDraws, ties broken at random.
function approximateMode(counts: number[], nDraws: number, rng: Rng): number[] {
  const total = counts.reduce((a, b) => a + b, 0);
  const continuous = counts.map((c) => (c / total) * nDraws);
  const floored = continuous.map(Math.floor);
  let need = nDraws - floored.reduce((a, b) => a + b, 0);
  if (need > 0) {
    const remainder = continuous.map((c, i) => c - floored[i]);
    const values = [...new Set(remainder)].sort((a, b) => b - a);
    for (const v of values) {
      const inds = remainder.flatMap((r, i) => (r === v ? [i] : []));
      const addNow = Math.min(inds.length, need);
      const chosen = indexArray(rng.choice(inds.length, addNow, false));
      for (const c of chosen) floored[inds[c]]++;
      need -= addNow;
      if (need === 0) break;
    }
  }
  return floored;
}

/**
 * Shuffle splits that keep class proportions (the book's income-category split).
 *
 * @example
 * ```ts
 * const split = new sk.StratifiedShuffleSplit({ nSplits: 1, testSize: 0.2, randomState: 42 });
 * const [train, test] = split.split(housing, incomeCat).next().value;
 * ```
 */
export class StratifiedShuffleSplit extends ShuffleSplit {
  override *split(X: ArrayInput, y?: TargetInput | null): Generator<SplitPair> {
    if (y == null) throw new ValueError("StratifiedShuffleSplit.split needs the labels y: split(X, y)");
    const n = numSamples(X);
    const [nTrain, nTest] = validateShuffleSplit(n, this.testSize, this.trainSize, 0.1);
    let vals: string[];
    if (y instanceof Tensor && y.ndim === 2) {
      const m = y.shape[1];
      const d = y.dataSync();
      vals = Array.from({ length: y.shape[0] }, (_, i) =>
        Array.from(d.subarray(i * m, (i + 1) * m)).join(" "),
      );
    } else {
      const labels = labelValues(toLabels(y));
      const numeric = labels.every((v) => typeof v !== "string");
      vals = labels.map(String);
      if (numeric) {
        // Sort numerically like np.unique on numbers; keep strings as keys.
        const order = [...new Set(labels as number[])].sort((a, b) => Number(a) - Number(b)).map(String);
        return yield* this.splitCodes(vals, order, nTrain, nTest, n);
      }
    }
    const classes = [...new Set(vals)].sort();
    yield* this.splitCodes(vals, classes, nTrain, nTest, n);
  }

  private *splitCodes(
    vals: string[],
    classes: string[],
    nTrain: number,
    nTest: number,
    n: number,
  ): Generator<SplitPair> {
    const code = new Map(classes.map((c, i) => [c, i]));
    const yIdx = vals.map((v) => code.get(v) as number);
    const k = classes.length;
    const counts = new Array<number>(k).fill(0);
    for (const c of yIdx) counts[c]++;
    if (Math.min(...counts) < 2) {
      throw new ValueError(
        "The least populated class in y has only 1 member, which is too few. The minimum number of groups for any class cannot be less than 2.",
      );
    }
    if (nTrain < k)
      throw new ValueError(
        `The train_size = ${nTrain} should be greater or equal to the number of classes = ${k}`,
      );
    if (nTest < k)
      throw new ValueError(
        `The test_size = ${nTest} should be greater or equal to the number of classes = ${k}`,
      );
    // Indices of each class in index order (a stable argsort of the codes).
    const classIndices: number[][] = Array.from({ length: k }, () => []);
    yIdx.forEach((c, i) => classIndices[c].push(i));
    const rng = checkRandomState(this.randomState);
    void n;
    for (let s = 0; s < this.nSplits; s++) {
      const nI = approximateMode(counts, nTrain, rng);
      const tI = approximateMode(
        counts.map((c, i) => c - nI[i]),
        nTest,
        rng,
      );
      const train: number[] = [];
      const test: number[] = [];
      for (let c = 0; c < k; c++) {
        const perm = indexArray(rng.permutation(counts[c]));
        const permuted = Array.from(perm, (p) => classIndices[c][p]);
        train.push(...permuted.slice(0, nI[c]));
        test.push(...permuted.slice(nI[c], nI[c] + tI[c]));
      }
      const trainP = indexArray(
        rng.permutation(Tensor.fromTypedArray(Float64Array.from(train), [train.length], "float64")),
      );
      const testP = indexArray(
        rng.permutation(Tensor.fromTypedArray(Float64Array.from(test), [test.length], "float64")),
      );
      yield [idx(trainP), idx(testP)];
    }
  }
}

/** Whether `x` can split data (has `split`). */
export function isSplitter(x: unknown): x is BaseCrossValidator {
  return typeof x === "object" && x !== null && typeof (x as BaseCrossValidator).split === "function";
}
