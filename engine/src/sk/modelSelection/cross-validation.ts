/** `crossValidate`, `crossValScore`, `crossValPredict`: evaluate an estimator over CV folds. */
import { Tensor } from "../../core/tensor.js";
import { ValueError } from "../../core/errors.js";
import type { BaseEstimator } from "../base/estimator.js";
import { clone } from "../base/clone.js";
import type { ArrayInput, Labels, TargetInput } from "../base/types.js";
import { getScorer, passthroughScorer, type Scorable, type Scorer } from "../metrics/scorer.js";
import { safeIndexing } from "./indexing.js";
import { cvSplits, type CvInput } from "./check-cv.js";
import { loads } from "../persistence/index.js";
import { planParallel, runPlan } from "./parallel.js";
import type { ScoreOutcome, PredictOutcome } from "../internal/parallel/protocol.js";

/** What `scoring` may be: a name, a scorer, a list of names, or scorers by name. */
export type Scoring =
  string | Scorer | readonly string[] | Record<string, string | Scorer> | null | undefined;

/** Options of {@link crossValidate}. */
export interface CrossValidateOptions {
  /** Folds: an int (default 5), a splitter or a list of [train, test]. */
  cv?: CvInput;
  /** Scoring (default: the estimator's `score`). */
  scoring?: Scoring;
  /** Worker threads for the folds: 1/null sequential, n, or -1 for every core (see docs/sk.md). */
  nJobs?: number | null;
  /** Print one line per fold (1) or more. */
  verbose?: number;
  /** Also score the training folds. */
  returnTrainScore?: boolean;
  /** Keep the fitted estimator of each fold. */
  returnEstimator?: boolean;
  /** Score when a fit fails: a number (NaN by default: the fold is marked, with a warning) or "raise". */
  errorScore?: number | "raise";
  /** Extra arguments of `fit`. */
  fitParams?: Record<string, unknown> | null;
  /** Group labels (for group splitters). */
  groups?: unknown;
}

/** An estimator the model-selection functions can fit and score. */
export type Fittable = BaseEstimator &
  Scorable & { fit(X: ArrayInput, y?: TargetInput | null, ...rest: unknown[]): unknown };

/** Scorers by name; a single scorer is named "score". */
export function scorersOf(scoring: Scoring): { scorers: Record<string, Scorer>; single: boolean } {
  if (scoring == null) return { scorers: { score: passthroughScorer }, single: true };
  if (typeof scoring === "string" || typeof scoring === "function")
    return { scorers: { score: getScorer(scoring) }, single: true };
  if (Array.isArray(scoring)) {
    if (new Set(scoring).size !== scoring.length) throw new ValueError("scoring lists must not repeat names");
    return {
      scorers: Object.fromEntries((scoring as string[]).map((s) => [s, getScorer(s)])),
      single: false,
    };
  }
  return {
    scorers: Object.fromEntries(
      Object.entries(scoring as Record<string, string | Scorer>).map(([k, s]) => [k, getScorer(s)]),
    ),
    single: false,
  };
}

/** The train and test parts of X and y for one split. */
export interface SplitData {
  Xtr: ArrayInput;
  Xte: ArrayInput;
  ytr: TargetInput | undefined;
  yte: TargetInput | undefined;
}

/** Selects one split's rows (searches do it once per split and reuse it for every candidate). */
export function splitData(
  X: ArrayInput,
  y: TargetInput | null | undefined,
  train: Tensor,
  test: Tensor,
): SplitData {
  const tr = train.dataSync();
  const te = test.dataSync();
  return {
    Xtr: safeIndexing(X, tr),
    Xte: safeIndexing(X, te),
    ytr: y == null ? undefined : safeIndexing(y, tr),
    yte: y == null ? undefined : safeIndexing(y, te),
  };
}

/** One fold's fit and scores (shared with the searches). */
export function fitAndScore(
  est: Fittable,
  X: ArrayInput,
  y: TargetInput | null | undefined,
  train: Tensor,
  test: Tensor,
  scorers: Record<string, Scorer>,
  opts: {
    returnTrainScore?: boolean;
    errorScore?: number | "raise";
    fitParams?: Record<string, unknown> | null;
    split?: SplitData;
  },
): {
  test: Record<string, number>;
  train?: Record<string, number>;
  fitTime: number;
  scoreTime: number;
  estimator: Fittable;
  failed: boolean;
} {
  const { Xtr, Xte, ytr, yte } = opts.split ?? splitData(X, y, train, test);
  const t0 = performance.now();
  try {
    est.fit(Xtr, ytr, ...(opts.fitParams ? [opts.fitParams] : []));
  } catch (e) {
    if (opts.errorScore === "raise") throw e;
    const v = opts.errorScore ?? NaN;
    console.warn(
      `Estimator fit failed. The score on this train-test partition for these parameters will be set to ${v}. Details:\n${String(e)}`,
    );
    const fail = Object.fromEntries(Object.keys(scorers).map((k) => [k, v]));
    return {
      test: fail,
      train: opts.returnTrainScore ? { ...fail } : undefined,
      fitTime: (performance.now() - t0) / 1000,
      scoreTime: 0,
      estimator: est,
      failed: true,
    };
  }
  const fitTime = (performance.now() - t0) / 1000;
  const t1 = performance.now();
  // As scikit-learn, a scorer that fails gives errorScore (with a warning) unless asked to raise.
  const score = (Xs: ArrayInput, ys: TargetInput | undefined): Record<string, number> =>
    Object.fromEntries(
      Object.entries(scorers).map(([k, s]) => {
        try {
          return [k, s(est, Xs, ys as TargetInput)];
        } catch (e) {
          if (opts.errorScore === "raise") throw e;
          const v = opts.errorScore ?? NaN;
          console.warn(
            `Scoring failed. The score on this train-test partition for these parameters will be set to ${v}. Details:\n${String(e)}`,
          );
          return [k, v];
        }
      }),
    );
  const testScores = score(Xte, yte);
  const scoreTime = (performance.now() - t1) / 1000;
  const trainScores = opts.returnTrainScore ? score(Xtr, ytr) : undefined;
  return { test: testScores, train: trainScores, fitTime, scoreTime, estimator: est, failed: false };
}

/** One fold's outcome as the callers use it. */
export type FoldResult = ReturnType<typeof fitAndScore>;

/** A worker's reply as a {@link FoldResult} (the fitted estimator rebuilt when it was sent). */
export function foldResult(v: ScoreOutcome): FoldResult {
  return {
    test: v.test,
    train: v.train,
    fitTime: v.fitTime,
    scoreTime: v.scoreTime,
    failed: v.failed,
    estimator: (v.estimator === undefined ? undefined : loads(v.estimator)) as Fittable,
  };
}

const vec = (a: number[]): Tensor => Tensor.fromTypedArray(Float64Array.from(a), [a.length], "float64");

/** What {@link crossValidate} returns: arrays of per-fold values. */
export interface CrossValidateResult {
  fit_time: Tensor;
  score_time: Tensor;
  estimator?: BaseEstimator[];
  [key: string]: Tensor | BaseEstimator[] | undefined;
}

/**
 * Fits and scores a clone of the estimator on each fold; returns `fit_time`, `score_time`,
 * `test_score` (or `test_<name>` per scorer) and, if asked, `train_*` and `estimator`.
 *
 * @example
 * ```ts
 * const r = sk.crossValidate(model, X, y, { cv: 5, scoring: ["r2", "neg_mean_squared_error"] });
 * r.test_r2; // array of 5 scores
 * ```
 */
export function crossValidate(
  estimator: BaseEstimator,
  X: ArrayInput,
  y?: TargetInput | null,
  options: CrossValidateOptions = {},
): CrossValidateResult {
  const splits = cvSplits(options.cv, X, y, estimator);
  const { scorers } = scorersOf(options.scoring);
  const report = (r: FoldResult, i: number): FoldResult => {
    if (options.verbose) {
      const s = Object.entries(r.test)
        .map(([k, v]) => `${k}=${v.toFixed(3)}`)
        .join(", ");
      console.log(
        `[CV] END ...... ${s} total time=${(r.fitTime + r.scoreTime).toFixed(1)}s (fold ${i + 1}/${splits.length})`,
      );
    }
    return r;
  };
  const plan = planParallel(
    "crossValidate",
    options.nJobs,
    splits.length,
    [clone(estimator)],
    options.scoring,
    X,
    y,
    options.fitParams,
  );
  let results: FoldResult[];
  if (plan) {
    results = [];
    runPlan(
      plan,
      splits,
      splits.map((_, i) => ({ estimator: 0, split: i })),
      {
        mode: "score",
        returnTrainScore: options.returnTrainScore,
        returnEstimator: options.returnEstimator,
        errorScore: options.errorScore,
      },
      (i, r) => results.push(report(foldResult(r.value as ScoreOutcome), i)),
    );
  } else {
    results = splits.map(([train, test], i) =>
      report(fitAndScore(clone(estimator) as Fittable, X, y, train, test, scorers, options), i),
    );
  }
  const out: CrossValidateResult = {
    fit_time: vec(results.map((r) => r.fitTime)),
    score_time: vec(results.map((r) => r.scoreTime)),
  };
  for (const name of Object.keys(scorers)) {
    const key = name === "score" && Object.keys(scorers).length === 1 ? "score" : name;
    out[`test_${key}`] = vec(results.map((r) => r.test[name]));
    if (options.returnTrainScore)
      out[`train_${key}`] = vec(results.map((r) => (r.train as Record<string, number>)[name]));
  }
  if (options.returnEstimator) out.estimator = results.map((r) => r.estimator);
  return out;
}

/** Options of {@link crossValScore}. */
export type CrossValScoreOptions = Omit<
  CrossValidateOptions,
  "returnTrainScore" | "returnEstimator" | "scoring"
> & { scoring?: string | Scorer | null };

/**
 * The test score of each fold.
 *
 * @example
 * ```ts
 * const scores = sk.crossValScore(treeReg, housingPrepared, housingLabels, { scoring: "neg_mean_squared_error", cv: 10 });
 * const rmse = np.sqrt(scores.neg());
 * ```
 */
export function crossValScore(
  estimator: BaseEstimator,
  X: ArrayInput,
  y?: TargetInput | null,
  options: CrossValScoreOptions = {},
): Tensor {
  const r = crossValidate(estimator, X, y, { ...options, scoring: options.scoring ?? null });
  return r.test_score as Tensor;
}

/** Options of {@link crossValPredict}. */
export interface CrossValPredictOptions {
  /** Folds (default 5); each sample must be in exactly one test fold. */
  cv?: CvInput;
  /** "predict" (default), "predictProba", "decisionFunction" or "predictLogProba"; scikit-learn's snake_case names work too. */
  method?:
    | "predict"
    | "predictProba"
    | "decisionFunction"
    | "predictLogProba"
    | "predict_proba"
    | "decision_function"
    | "predict_log_proba";
  /** Worker threads for the folds (see {@link CrossValidateOptions.nJobs}). */
  nJobs?: number | null;
  /** Print one line per fold. */
  verbose?: number;
  /** Extra arguments of `fit`. */
  fitParams?: Record<string, unknown> | null;
}

/** Fits `est` on the train rows and returns `method`'s output on the test rows (one fold of crossValPredict). */
export function foldPredict(
  est: Fittable,
  X: ArrayInput,
  y: TargetInput | null | undefined,
  train: Tensor,
  test: Tensor,
  method: string,
  fitParams: Record<string, unknown> | null | undefined,
): Tensor | string[] {
  const tr = train.dataSync();
  const te = test.dataSync();
  est.fit(
    safeIndexing(X, tr),
    y == null ? undefined : safeIndexing(y, tr),
    ...(fitParams ? [fitParams] : []),
  );
  const f = (est as unknown as Record<string, unknown>)[method];
  if (typeof f !== "function") throw new TypeError(`${est.constructor.name} has no method ${method}`);
  return (f as (X: ArrayInput) => Tensor | string[]).call(est, safeIndexing(X, te));
}

function predictionOf(p: PredictOutcome): Tensor | string[] {
  if ("array" in p) return p.array as string[];
  const { dtype, shape, data } = p.tensor;
  return Tensor.fromTypedArray(data as Float64Array, shape, dtype as "float64");
}

const METHOD_NAMES: Record<string, string> = {
  predict: "predict",
  predictProba: "predictProba",
  predict_proba: "predictProba",
  decisionFunction: "decisionFunction",
  decision_function: "decisionFunction",
  predictLogProba: "predictLogProba",
  predict_log_proba: "predictLogProba",
};

/**
 * Out-of-fold predictions: each sample predicted by the model that did not see it.
 *
 * @example
 * ```ts
 * const yScores = sk.crossValPredict(sgdClf, Xtrain, yTrain5, { cv: 3, method: "decision_function" });
 * ```
 */
export function crossValPredict(
  estimator: BaseEstimator,
  X: ArrayInput,
  y?: TargetInput | null,
  options: CrossValPredictOptions = {},
): Tensor | Labels {
  const method = METHOD_NAMES[options.method ?? "predict"];
  if (!method)
    throw new ValueError(
      `method should be one of predict, predictProba, decisionFunction, predictLogProba; got '${options.method}'`,
    );
  const splits = cvSplits(options.cv, X, y, estimator);
  const n = splits.reduce((a, [, te]) => a + te.size, 0);
  const seen = new Uint8Array(n);
  const order: number[] = [];
  for (const [, te] of splits) {
    for (const i of te.dataSync()) {
      if (i >= n || seen[i])
        throw new ValueError(
          "crossValPredict only works for partitions: every sample must be in exactly one test fold",
        );
      seen[i] = 1;
      order.push(i);
    }
  }
  const plan = planParallel(
    "crossValPredict",
    options.nJobs,
    splits.length,
    [clone(estimator)],
    null,
    X,
    y,
    options.fitParams,
  );
  let parts: (Tensor | string[])[];
  if (plan) {
    parts = [];
    runPlan(
      plan,
      splits,
      splits.map((_, i) => ({ estimator: 0, split: i })),
      { mode: "predict", method },
      (_, r) => parts.push(predictionOf(r.value as PredictOutcome)),
    );
  } else {
    parts = splits.map(([train, test]) =>
      foldPredict(clone(estimator) as Fittable, X, y, train, test, method, options.fitParams),
    );
  }
  // Put the fold outputs back in sample order.
  const pos = new Int32Array(n);
  order.forEach((sample, k) => (pos[sample] = k));
  if (parts.every((p) => Array.isArray(p))) {
    const flat = (parts as string[][]).flat();
    return Array.from(pos, (k) => flat[k]);
  }
  const tensors = parts.map((p) =>
    p instanceof Tensor
      ? p
      : Tensor.fromTypedArray(Float64Array.from(p as unknown as number[]), [p.length], "float64"),
  );
  const rowLen = tensors[0].ndim === 2 ? tensors[0].shape[1] : 1;
  const dtype = tensors.every((t) => t.dtype === tensors[0].dtype) ? tensors[0].dtype : "float64";
  const flat = new Float64Array(n * rowLen);
  let at = 0;
  for (const t of tensors) {
    flat.set(t.astype("float64").dataSync() as Float64Array, at);
    at += t.size;
  }
  const out = new Float64Array(n * rowLen);
  for (let s = 0; s < n; s++) out.set(flat.subarray(pos[s] * rowLen, pos[s] * rowLen + rowLen), s * rowLen);
  const shape = tensors[0].ndim === 2 ? [n, rowLen] : [n];
  const res = Tensor.fromTypedArray(out, shape, "float64");
  return dtype === "float64" ? res : res.astype(dtype);
}
