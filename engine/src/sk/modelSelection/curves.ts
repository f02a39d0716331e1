/** `learningCurve` and `validationCurve`: scores as the training size or one option varies. */
import { Tensor } from "../../core/tensor.js";
import { ValueError } from "../../core/errors.js";
import type { BaseEstimator } from "../base/estimator.js";
import { clone } from "../base/clone.js";
import type { ArrayInput, TargetInput } from "../base/types.js";
import type { Scorable, Scorer } from "../metrics/scorer.js";
import { cvSplits, type CvInput } from "./check-cv.js";
import { fitAndScore, scorersOf } from "./cross-validation.js";
import { planParallel, runPlan } from "./parallel.js";
import type { ScoreOutcome } from "../internal/parallel/protocol.js";
import { checkRandomState, indexArray, type RandomStateLike } from "./random.js";

/** Options of {@link learningCurve}. */
export interface LearningCurveOptions {
  /** Fractions (floats in (0, 1]) or counts of the training fold. Default linspace(0.1, 1, 5). */
  trainSizes?: readonly number[] | Tensor;
  /** Folds (default 5). */
  cv?: CvInput;
  /** Scoring (default: the estimator's score). */
  scoring?: string | Scorer | null;
  /** Shuffle each training fold before taking prefixes. */
  shuffle?: boolean;
  /** Seed for `shuffle`. */
  randomState?: RandomStateLike;
  /** Worker threads for the fits (1/null sequential, n, -1 every core; see docs/sk.md). */
  nJobs?: number | null;
  /** Score of failed fits. */
  errorScore?: number | "raise";
}

type Fittable = BaseEstimator & Scorable & { fit(X: ArrayInput, y?: TargetInput | null): unknown };

function matrix(rows: number[][]): Tensor {
  const r = rows.length;
  const c = r ? rows[0].length : 0;
  return Tensor.fromTypedArray(Float64Array.from(rows.flat()), [r, c], "float64");
}

/**
 * Train and test scores for growing training sets: `[trainSizesAbs, trainScores, testScores]`
 * (scores are `[sizes, folds]`).
 *
 * @example
 * ```ts
 * const [sizes, train, test] = sk.learningCurve(model, X, y, { cv: 5, scoring: "neg_root_mean_squared_error" });
 * ```
 */
export function learningCurve(
  estimator: BaseEstimator,
  X: ArrayInput,
  y: TargetInput,
  options: LearningCurveOptions = {},
): [Tensor, Tensor, Tensor] {
  const splits = cvSplits(options.cv, X, y, estimator);
  const nMax = splits[0][0].size;
  const given =
    options.trainSizes instanceof Tensor
      ? Array.from(options.trainSizes.dataSync())
      : options.trainSizes
        ? [...options.trainSizes]
        : [0.1, 0.325, 0.55, 0.775, 1];
  const isFrac =
    given.every((s) => s <= 1 && !Number.isInteger(s)) ||
    (given.every((s) => s > 0 && s <= 1) && given.some((s) => !Number.isInteger(s)));
  let sizes = given
    .map((s) => (isFrac ? Math.floor(s * nMax) : s))
    .map((s) => Math.min(nMax, Math.max(1, s)));
  if (!isFrac && given.some((s) => s <= 0 || s > nMax))
    throw new ValueError(
      `train sizes must be within (0, ${nMax}] (the training fold size); got ${given.join(", ")}`,
    );
  sizes = [...new Set(sizes)].sort((a, b) => a - b);
  const { scorers } = scorersOf(options.scoring ?? null);
  const rng = options.shuffle ? checkRandomState(options.randomState) : null;
  const trainScores: number[][] = sizes.map(() => []);
  const testScores: number[][] = sizes.map(() => []);
  // Every (fold, size) pair is one fit on a prefix of the (shuffled) training fold.
  const fits: { split: [Tensor, Tensor]; k: number }[] = [];
  for (const [train, test] of splits) {
    const tr = rng ? rng.permutation(train) : train;
    const idx = indexArray(tr);
    sizes.forEach((n, k) => {
      fits.push({ split: [Tensor.fromTypedArray(idx.slice(0, n), [n], "int32"), test], k });
    });
  }
  const record = (k: number, train: Record<string, number>, test: Record<string, number>): void => {
    trainScores[k].push(train.score);
    testScores[k].push(test.score);
  };
  const plan = planParallel(
    "learningCurve",
    options.nJobs,
    fits.length,
    [clone(estimator)],
    options.scoring ?? null,
    X,
    y,
    null,
  );
  if (plan) {
    runPlan(
      plan,
      fits.map((f) => f.split),
      fits.map((_, i) => ({ estimator: 0, split: i })),
      { mode: "score", returnTrainScore: true, errorScore: options.errorScore },
      (i, r) => {
        const v = r.value as ScoreOutcome;
        record(fits[i].k, v.train as Record<string, number>, v.test);
      },
    );
  } else {
    for (const { split, k } of fits) {
      const r = fitAndScore(clone(estimator) as Fittable, X, y, split[0], split[1], scorers, {
        returnTrainScore: true,
        errorScore: options.errorScore,
      });
      record(k, r.train as Record<string, number>, r.test);
    }
  }
  return [
    Tensor.fromTypedArray(Int32Array.from(sizes), [sizes.length], "int32"),
    matrix(trainScores),
    matrix(testScores),
  ];
}

/** Options of {@link validationCurve}. */
export interface ValidationCurveOptions {
  /** The option to vary (nested names allowed, e.g. `"svr__C"`). */
  paramName: string;
  /** Its values. */
  paramRange: readonly unknown[] | Tensor;
  /** Folds (default 5). */
  cv?: CvInput;
  /** Scoring (default: the estimator's score). */
  scoring?: string | Scorer | null;
  /** Worker threads for the fits (1/null sequential, n, -1 every core; see docs/sk.md). */
  nJobs?: number | null;
  /** Score of failed fits. */
  errorScore?: number | "raise";
}

/**
 * Train and test scores for each value of one option: `[trainScores, testScores]`, `[values, folds]`.
 *
 * @example
 * ```ts
 * const [train, test] = sk.validationCurve(new sk.Ridge(), X, y, { paramName: "alpha", paramRange: [0.1, 1, 10] });
 * ```
 */
export function validationCurve(
  estimator: BaseEstimator,
  X: ArrayInput,
  y: TargetInput,
  options: ValidationCurveOptions,
): [Tensor, Tensor] {
  const splits = cvSplits(options.cv, X, y, estimator);
  const { scorers } = scorersOf(options.scoring ?? null);
  const values =
    options.paramRange instanceof Tensor
      ? Array.from(options.paramRange.dataSync())
      : [...options.paramRange];
  const train: number[][] = values.map(() => []);
  const test: number[][] = values.map(() => []);
  const record = (k: number, tr: Record<string, number>, te: Record<string, number>): void => {
    train[k].push(tr.score);
    test[k].push(te.score);
  };
  const withValue = (v: unknown): Fittable =>
    clone(estimator).setParams({ [options.paramName]: v }) as Fittable;
  const plan = planParallel(
    "validationCurve",
    options.nJobs,
    splits.length * values.length,
    values.map(withValue),
    options.scoring ?? null,
    X,
    y,
    null,
  );
  if (plan) {
    const tasks = splits.flatMap((_, si) => values.map((__, k) => ({ estimator: k, split: si })));
    runPlan(
      plan,
      splits,
      tasks,
      { mode: "score", returnTrainScore: true, errorScore: options.errorScore, cacheSplits: true },
      (i, r) => {
        const v = r.value as ScoreOutcome;
        record(tasks[i].estimator, v.train as Record<string, number>, v.test);
      },
    );
  } else {
    for (const [a, b] of splits) {
      values.forEach((v, k) => {
        const r = fitAndScore(withValue(v), X, y, a, b, scorers, {
          returnTrainScore: true,
          errorScore: options.errorScore,
        });
        record(k, r.train as Record<string, number>, r.test);
      });
    }
  }
  return [matrix(train), matrix(test)];
}
