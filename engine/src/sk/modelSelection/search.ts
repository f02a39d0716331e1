/**
 * `GridSearchCV` and `RandomizedSearchCV`: cross-validate every candidate setting, keep the best,
 * refit it on all the data. `cvResults_` holds scikit-learn's columns (`mean_test_score`,
 * `params`, `rank_test_score`, `param_<name>`, `split<i>_test_score`, ...).
 */
import { Tensor } from "../../core/tensor.js";
import { ValueError } from "../../core/errors.js";
import { BaseEstimator, checkIsFitted, type Params } from "../base/estimator.js";
import { clone } from "../base/clone.js";
import { registerEstimator } from "../base/registry.js";
import type { ArrayInput, Labels, TargetInput } from "../base/types.js";
import type { Scorable, Scorer } from "../metrics/scorer.js";
import { cvSplits, type CvInput } from "./check-cv.js";
import {
  fitAndScore,
  foldResult,
  scorersOf,
  splitData,
  type FoldResult,
  type Scoring,
} from "./cross-validation.js";
import { planParallel, runPlan } from "./parallel.js";
import type { ScoreOutcome } from "../internal/parallel/protocol.js";
import {
  parameterGrid,
  parameterSampler,
  type ParamDistributions,
  type ParamGrid,
} from "./parameter-grid.js";
import type { RandomStateLike } from "./random.js";
import { progress } from "./progress.js";
import { DataFrame } from "../../pd/frame.js";

/** Options shared by the searches. */
export interface SearchOptions {
  /** Scoring: a name, a scorer, or several (then `refit` names the one to pick by). */
  scoring?: Scoring;
  /** Worker threads for the fits: 1/null sequential, n, or -1 for every core (see docs/sk.md). */
  nJobs?: number | null;
  /** Refit the best setting on all the data (default true), or the scorer name to pick by. */
  refit?: boolean | string;
  /** Folds (default 5). */
  cv?: CvInput;
  /** 1+: announce the number of fits and show a live progress line; 2+: one line per fit. */
  verbose?: number;
  /** Score of a failed fit (NaN by default) or "raise". */
  errorScore?: number | "raise";
  /** Also score the training folds (`mean_train_score`...). */
  returnTrainScore?: boolean;
  /** Accepted for compatibility. */
  preDispatch?: string | number;
}

/** The search results, by column name (a `pd.DataFrame` can be built from it). */
export type CvResults = Record<string, Tensor | unknown[]>;

type Fittable = BaseEstimator &
  Scorable & { fit(X: ArrayInput, y?: TargetInput | null, ...rest: unknown[]): unknown };

const vec = (a: number[]): Tensor => Tensor.fromTypedArray(Float64Array.from(a), [a.length], "float64");

function meanStd(a: number[]): [number, number] {
  const m = a.reduce((s, v) => s + v, 0) / a.length;
  const v = a.reduce((s, x) => s + (x - m) * (x - m), 0) / a.length;
  return [m, Math.sqrt(v)];
}

// scipy's rankdata(-scores, method="min"), with NaN scores ranked last.
function rankMin(scores: number[]): number[] {
  return scores.map((s) => {
    if (Number.isNaN(s)) return scores.filter((x) => !Number.isNaN(x)).length + 1;
    return 1 + scores.filter((x) => x > s).length;
  });
}

/** Base of the two searches. */
export abstract class BaseSearchCV extends BaseEstimator {
  declare estimator: BaseEstimator;
  declare scoring: Scoring;
  declare nJobs: number | null;
  declare refit: boolean | string;
  declare cv: CvInput;
  declare verbose: number;
  declare errorScore: number | "raise";
  declare returnTrainScore: boolean;
  declare preDispatch: string | number;

  /** Cross-validation results of every candidate. */
  cvResults_?: CvResults;
  /** The best candidate's index in `cvResults_`. */
  bestIndex_?: number;
  /** The best candidate's settings. */
  bestParams_?: Params;
  /** The best candidate's mean cross-validated score. */
  bestScore_?: number;
  /** The best setting refitted on all the data (with `refit`). */
  bestEstimator_?: BaseEstimator;
  /** Seconds spent refitting the best estimator. */
  refitTime_?: number;
  /** Number of folds. */
  nSplits_?: number;
  /** Whether several scorers were used. */
  multimetric_?: boolean;

  /** The candidate settings to evaluate. */
  protected abstract candidates(): Params[];

  /** Runs the search; returns `this`. */
  fit(X: ArrayInput, y?: TargetInput | null, fitParams?: Record<string, unknown> | null): this {
    const { scorers, single } = scorersOf(this.scoring);
    const refitName = single ? "score" : typeof this.refit === "string" ? this.refit : null;
    if (!single && this.refit !== false && refitName === null) {
      throw new ValueError(
        "For multi-metric scoring, the parameter refit must be set to a scorer key or false (to not refit).",
      );
    }
    if (refitName !== null && !(refitName in scorers))
      throw new ValueError(
        `refit='${refitName}' is not one of the scorers: ${Object.keys(scorers).join(", ")}`,
      );
    const splits = cvSplits(this.cv, X, y, this.estimator);
    const cands = this.candidates();
    const total = cands.length * splits.length;
    const bar =
      this.verbose > 0
        ? progress(
            `Fitting ${splits.length} folds for each of ${cands.length} candidates, totalling ${total} fits`,
            total,
          )
        : null;
    const fitT: number[][] = cands.map(() => []);
    const scoreT: number[][] = cands.map(() => []);
    const test: Record<string, number[][]> = Object.fromEntries(
      Object.keys(scorers).map((k) => [k, cands.map(() => [])]),
    );
    const train: Record<string, number[][]> = Object.fromEntries(
      Object.keys(scorers).map((k) => [k, cands.map(() => [])]),
    );
    let done = 0;
    // Fits go candidate by candidate, fold by fold; `record` takes them in that order.
    const record = (ci: number, si: number, r: FoldResult): void => {
      fitT[ci].push(r.fitTime);
      scoreT[ci].push(r.scoreTime);
      for (const k of Object.keys(scorers)) {
        test[k][ci].push(r.test[k]);
        if (r.train) train[k][ci].push(r.train[k]);
      }
      done++;
      if (bar)
        bar.update(
          done,
          this.verbose > 1
            ? `[CV ${si + 1}/${splits.length}] END ${JSON.stringify(cands[ci])}; score=${Object.values(r.test)
                .map((v) => v.toFixed(3))
                .join(
                  ",",
                )} total time=${(r.fitTime + r.scoreTime).toFixed(1)}s (candidate ${ci + 1}/${cands.length})`
            : undefined,
        );
    };
    const plan = planParallel(
      this.constructor.name,
      this.nJobs,
      total,
      cands.map((params) => clone(this.estimator).setParams(clone2(params))),
      this.scoring,
      X,
      y,
      fitParams,
    );
    if (plan) {
      const tasks = cands.flatMap((_, ci) => splits.map((__, si) => ({ estimator: ci, split: si })));
      runPlan(
        plan,
        splits,
        tasks,
        {
          mode: "score",
          returnTrainScore: this.returnTrainScore,
          errorScore: this.errorScore,
          cacheSplits: true,
        },
        (i, r) => record(tasks[i].estimator, tasks[i].split, foldResult(r.value as ScoreOutcome)),
      );
    } else {
      // Every candidate uses the same folds: select each fold's rows once.
      const parts = splits.map(([a, b]) => splitData(X, y, a, b));
      cands.forEach((params, ci) => {
        splits.forEach(([a, b], si) => {
          const est = clone(this.estimator).setParams(clone2(params)) as Fittable;
          const r = fitAndScore(est, X, y, a, b, scorers, {
            returnTrainScore: this.returnTrainScore,
            errorScore: this.errorScore,
            fitParams,
            split: parts[si],
          });
          record(ci, si, r);
        });
      });
    }
    bar?.done();
    this.cvResults_ = this.results(cands, splits.length, fitT, scoreT, test, train, single);
    this.nSplits_ = splits.length;
    this.multimetric_ = !single;
    if (refitName !== null) {
      const key = single ? "rank_test_score" : `rank_test_${refitName}`;
      const ranks = Array.from((this.cvResults_[key] as Tensor).dataSync());
      this.bestIndex_ = ranks.indexOf(Math.min(...ranks));
      this.bestParams_ = cands[this.bestIndex_];
      const meanKey = single ? "mean_test_score" : `mean_test_${refitName}`;
      this.bestScore_ = (this.cvResults_[meanKey] as Tensor).item(this.bestIndex_) as number;
    }
    if (this.refit !== false && refitName !== null) {
      const t0 = performance.now();
      const best = clone(this.estimator).setParams(clone2(this.bestParams_ as Params)) as Fittable;
      best.fit(X, y, ...(fitParams ? [fitParams] : []));
      this.bestEstimator_ = best;
      this.refitTime_ = (performance.now() - t0) / 1000;
    }
    return this;
  }

  private results(
    cands: Params[],
    nSplits: number,
    fitT: number[][],
    scoreT: number[][],
    test: Record<string, number[][]>,
    train: Record<string, number[][]>,
    single: boolean,
  ): CvResults {
    const out: CvResults = {};
    const ms = (rows: number[][]): [Tensor, Tensor] => {
      const m = rows.map(meanStd);
      return [vec(m.map((x) => x[0])), vec(m.map((x) => x[1]))];
    };
    [out.mean_fit_time, out.std_fit_time] = ms(fitT);
    [out.mean_score_time, out.std_score_time] = ms(scoreT);
    const names = [...new Set(cands.flatMap((c) => Object.keys(c)))].sort();
    // Missing settings are undefined (scikit-learn's masked entries).
    for (const n of names) out[`param_${n}`] = cands.map((c) => (n in c ? c[n] : undefined));
    out.params = cands;
    for (const k of Object.keys(test)) {
      const suffix = single ? "score" : k;
      for (let s = 0; s < nSplits; s++) out[`split${s}_test_${suffix}`] = vec(test[k].map((r) => r[s]));
      const [m, sd] = ms(test[k]);
      out[`mean_test_${suffix}`] = m;
      out[`std_test_${suffix}`] = sd;
      out[`rank_test_${suffix}`] = Tensor.fromTypedArray(
        Int32Array.from(rankMin(Array.from(m.dataSync()))),
        [cands.length],
        "int32",
      );
      if (this.returnTrainScore) {
        for (let s = 0; s < nSplits; s++) out[`split${s}_train_${suffix}`] = vec(train[k].map((r) => r[s]));
        const [tm, tsd] = ms(train[k]);
        out[`mean_train_${suffix}`] = tm;
        out[`std_train_${suffix}`] = tsd;
      }
    }
    return out;
  }

  private best(name: string): (...a: unknown[]) => unknown {
    checkIsFitted(this, "bestEstimator_");
    const f = (this.bestEstimator_ as unknown as Record<string, unknown>)[name];
    if (typeof f !== "function")
      throw new TypeError(`${this.bestEstimator_?.constructor.name} has no ${name}`);
    return (f as (...a: unknown[]) => unknown).bind(this.bestEstimator_);
  }

  /** Predictions of the best estimator. */
  predict(X: ArrayInput): Tensor | Labels {
    return this.best("predict")(X) as Tensor | Labels;
  }
  /** Probabilities of the best estimator. */
  predictProba(X: ArrayInput): Tensor {
    return this.best("predictProba")(X) as Tensor;
  }
  /** Decision scores of the best estimator. */
  decisionFunction(X: ArrayInput): Tensor {
    return this.best("decisionFunction")(X) as Tensor;
  }
  /** Transform by the best estimator. */
  transform(X: ArrayInput): unknown {
    return this.best("transform")(X);
  }
  /** Inverse transform by the best estimator. */
  inverseTransform(X: ArrayInput): unknown {
    return this.best("inverseTransform")(X);
  }
  /** The scorer(s) used (rebuilt from `scoring`, so saved searches stay plain data). */
  get scorer_(): Scorer | Record<string, Scorer> {
    const { scorers, single } = scorersOf(this.scoring);
    return single ? scorers.score : scorers;
  }

  /** Score of the best estimator with the search's scorer. */
  score(X: ArrayInput, y?: TargetInput | null): number {
    checkIsFitted(this, "bestEstimator_");
    const s = this.scorer_;
    if (typeof s === "function") return s(this.bestEstimator_ as Scorable, X, y as TargetInput);
    return (s as Record<string, Scorer>)[this.refit as string](
      this.bestEstimator_ as Scorable,
      X,
      y as TargetInput,
    );
  }
  /** Classes of the best classifier. */
  get classes_(): Labels | undefined {
    return (this.bestEstimator_ as { classes_?: Labels } | undefined)?.classes_;
  }
  /**
   * `cvResults_` as a `pd.DataFrame` (what the book builds with `pd.DataFrame(cv_results_)`):
   * settings are shown as text in `params` and `param_<name>` columns.
   *
   * @example
   * ```ts
   * search.cvResultsFrame().sortValues("rank_test_score").head();
   * ```
   */
  cvResultsFrame(): DataFrame {
    checkIsFitted(this, "cvResults_");
    const cell = (v: unknown): string | number | boolean | null =>
      v === undefined || v === null
        ? null
        : typeof v === "number" || typeof v === "string" || typeof v === "boolean"
          ? v
          : String(v);
    const cols: Record<string, Tensor | (string | number | boolean | null)[]> = {};
    for (const [k, v] of Object.entries(this.cvResults_ as CvResults)) {
      if (v instanceof Tensor) cols[k] = v;
      else if (k === "params")
        cols[k] = (v as Params[]).map(
          (p) =>
            `{ ${Object.entries(p)
              .map(([n, x]) => `${n}: ${typeof x === "string" ? JSON.stringify(x) : String(x)}`)
              .join(", ")} }`,
        );
      else cols[k] = v.map(cell);
    }
    return new DataFrame(cols);
  }

  /** The wrapped estimator's type. */
  get estimatorType(): string | undefined {
    return (this.estimator as { estimatorType?: string } | undefined)?.estimatorType;
  }
}

// Candidate values are shared with cvResults_; estimators inside settings are cloned per fit.
function clone2(p: Params): Params {
  return Object.fromEntries(
    Object.entries(p).map(([k, v]) => [k, v instanceof BaseEstimator ? clone(v) : v]),
  );
}

const SEARCH_DEFAULTS = {
  scoring: null as Scoring,
  nJobs: null as number | null,
  refit: true as boolean | string,
  cv: null as CvInput,
  verbose: 0,
  errorScore: NaN as number | "raise",
  returnTrainScore: false,
  preDispatch: "2*n_jobs" as string | number,
};

/**
 * Exhaustive search over a grid of settings (nested names reach pipeline steps).
 *
 * @example
 * ```ts
 * const search = new sk.GridSearchCV(new sk.RandomForestRegressor({ randomState: 42 }), [
 *   { nEstimators: [3, 10, 30], maxFeatures: [2, 4, 6, 8] },
 *   { bootstrap: [false], nEstimators: [3, 10], maxFeatures: [2, 3, 4] },
 * ], { cv: 5, scoring: "neg_mean_squared_error", returnTrainScore: true });
 * search.fit(housingPrepared, housingLabels).bestParams_;
 * ```
 */
export class GridSearchCV extends BaseSearchCV {
  static defaults = { ...SEARCH_DEFAULTS };
  static positional = ["estimator", "paramGrid"];
  declare paramGrid: ParamGrid;

  constructor(estimator?: BaseEstimator, paramGrid?: ParamGrid, options: SearchOptions = {}) {
    super(options, { estimator, paramGrid });
  }

  protected candidates(): Params[] {
    return parameterGrid(this.paramGrid);
  }
}
registerEstimator(GridSearchCV);

/** Options of {@link RandomizedSearchCV}. */
export interface RandomizedSearchOptions extends SearchOptions {
  /** Number of settings sampled. Default 10. */
  nIter?: number;
  /** Seed of the sampling (NumPy's stream, as scikit-learn). */
  randomState?: RandomStateLike;
}

/**
 * Search over `nIter` random settings drawn from lists and `sk.stats` distributions.
 *
 * @example
 * ```ts
 * const rnd = new sk.RandomizedSearchCV(forest, {
 *   nEstimators: sk.stats.randint(1, 200), maxFeatures: sk.stats.randint(1, 8),
 * }, { nIter: 10, cv: 5, scoring: "neg_mean_squared_error", randomState: 42 });
 * ```
 */
export class RandomizedSearchCV extends BaseSearchCV {
  static defaults = { ...SEARCH_DEFAULTS, nIter: 10, randomState: null as RandomStateLike };
  static positional = ["estimator", "paramDistributions"];
  declare paramDistributions: ParamDistributions;
  declare nIter: number;
  declare randomState: RandomStateLike;

  constructor(
    estimator?: BaseEstimator,
    paramDistributions?: ParamDistributions,
    options: RandomizedSearchOptions = {},
  ) {
    super(options, { estimator, paramDistributions });
  }

  protected candidates(): Params[] {
    return parameterSampler(this.paramDistributions, this.nIter, { randomState: this.randomState });
  }
}
registerEstimator(RandomizedSearchCV);
