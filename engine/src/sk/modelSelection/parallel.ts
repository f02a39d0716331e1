/**
 * `nJobs` for the model-selection functions: decides whether a call can run on the worker
 * threads of internal/parallel (built-in or module-registered estimators, scorer names, data a
 * worker can rebuild) and runs its fits there. When it cannot, it says why once and the caller
 * runs sequentially; either way the splits, the fits and the scores are the same.
 */
import type { Tensor } from "../../core/tensor.js";
import type { BaseEstimator } from "../base/estimator.js";
import { estimatorClass, estimatorModule } from "../base/registry.js";
import { getScorer, scorerNames, type Scorer } from "../metrics/scorer.js";
import { encode, type Json } from "../persistence/format.js";
import { dumps } from "../persistence/index.js";
import { resolveNJobs } from "../internal/parallel/n-jobs.js";
import { foldPool, replayOutput, type JobSpec, type TaskReply } from "../internal/parallel/pool.js";
import type { ScoringSpec } from "../internal/parallel/protocol.js";
import { encodeData } from "../internal/parallel/transport.js";
import { warn } from "../internal/warn.js";
import type { Scoring } from "./cross-validation.js";

/** A call that will run on `n` workers. */
export interface ParallelPlan {
  n: number;
  /** The estimators of the tasks as `sk.dumps` text. */
  estimators: string[];
  job: Omit<JobSpec, "splits" | "cacheSplits">;
}

let scorerNamesByFn: Map<Scorer, string> | undefined;

function scoringSpec(s: Scoring): ScoringSpec | { unsupported: string } {
  scorerNamesByFn ??= new Map(scorerNames().map((n) => [getScorer(n), n]));
  const one = (x: string | Scorer): string | null =>
    typeof x === "string" ? x : (scorerNamesByFn?.get(x) ?? null);
  const custom = {
    unsupported: "a scorer function cannot be sent to a worker thread (use a scoring name)",
  };
  if (s === null || s === undefined) return null;
  if (typeof s === "string" || typeof s === "function") return one(s) ?? custom;
  if (Array.isArray(s)) return [...(s as string[])];
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(s as Record<string, string | Scorer>)) {
    const name = one(v);
    if (name === null) return custom;
    out[k] = name;
  }
  return out;
}

// Class names (and values that would not come back as they were) in sk.dumps data.
function walk(j: Json, classes: Set<string>, lossy: string[]): void {
  if (j === null || typeof j !== "object") return;
  if (Array.isArray(j)) {
    for (const x of j) walk(x, classes, lossy);
    return;
  }
  if ("$estimator" in j) {
    const e = j.$estimator as { class: string; params: Json; state: Json };
    classes.add(e.class);
    walk(e.params, classes, lossy);
    return;
  }
  if ("$value" in j) lossy.push(JSON.stringify(j.$value).slice(0, 40));
  for (const v of Object.values(j)) walk(v, classes, lossy);
}

/**
 * The plan for running `nTasks` fits of `estimators` on workers, or null to run sequentially
 * (`nJobs` 1 or unset, or something a worker cannot rebuild: then one warning says what).
 */
export function planParallel(
  caller: string,
  nJobs: number | null | undefined,
  nTasks: number,
  estimators: readonly BaseEstimator[],
  scoring: Scoring,
  X: unknown,
  y: unknown,
  fitParams: Record<string, unknown> | null | undefined,
): ParallelPlan | null {
  const n = resolveNJobs(nJobs, nTasks);
  if (n <= 1) return null;
  const why = (reason: string): null => {
    warn(
      `${caller}: nJobs=${String(nJobs)} runs sequentially in this thread because ${reason}. See "nJobs" in docs/sk.md.`,
      "UserWarning",
    );
    return null;
  };
  const spec = scoringSpec(scoring);
  if (spec !== null && typeof spec === "object" && "unsupported" in spec) return why(spec.unsupported);
  const texts: string[] = [];
  const classes = new Set<string>();
  const lossy: string[] = [];
  for (const est of estimators) {
    let text: string;
    try {
      text = dumps(est);
    } catch (e) {
      return why(`the estimator cannot be sent to a worker thread (${(e as Error).message})`);
    }
    texts.push(text);
    walk({ $estimator: (JSON.parse(text) as { estimator: Json }).estimator }, classes, lossy);
  }
  if (lossy.length) return why(`an option holds an object that is not plain data (${lossy[0]})`);
  let fitParamsText: string | null = null;
  if (fitParams) {
    try {
      fitParamsText = JSON.stringify(encode(fitParams, "fitParams"));
    } catch (e) {
      return why(`fitParams cannot be sent to a worker thread (${(e as Error).message})`);
    }
  }
  const Xd = encodeData(X);
  if ("unsupported" in Xd) return why(`X: ${Xd.unsupported}`);
  const yd = encodeData(y);
  if ("unsupported" in yd) return why(`y: ${yd.unsupported}`);
  const modules: string[] = [];
  for (const name of classes) {
    if (!estimatorClass(name)) {
      return why(
        `the class '${name}' is not registered; define it in a module file and call sk.registerEstimator(${name}, { module: import.meta.url }) there`,
      );
    }
    const mod = estimatorModule(name);
    if (mod !== undefined && !modules.includes(mod)) modules.push(mod);
  }
  let registered: Set<string>;
  try {
    registered = foldPool().registered(n);
  } catch (e) {
    return why((e as Error).message);
  }
  for (const name of classes) {
    if (!registered.has(name) && estimatorModule(name) === undefined) {
      return why(
        `the class '${name}' exists only in this thread; call sk.registerEstimator(${name}, { module: import.meta.url }) in the module file that defines it so that workers can import it`,
      );
    }
  }
  return { n, estimators: texts, job: { X: Xd, y: yd, scoring: spec, modules, fitParams: fitParamsText } };
}

/** One fit of a plan: which estimator, on which split. */
export interface PlannedTask {
  estimator: number;
  split: number;
}

/** Options shared by a plan's tasks. */
export interface TaskOptions {
  mode: "score" | "predict";
  method?: string;
  returnTrainScore?: boolean;
  returnEstimator?: boolean;
  errorScore?: number | "raise";
  /** Select each split's rows once per worker (splits used by several tasks). */
  cacheSplits?: boolean;
}

/**
 * Runs the tasks on the plan's workers; `onReply` gets each task's reply in task order, after
 * the task's console output and warnings were printed.
 */
export function runPlan(
  plan: ParallelPlan,
  splits: readonly (readonly [Tensor, Tensor])[],
  tasks: readonly PlannedTask[],
  opts: TaskOptions,
  onReply: (i: number, r: TaskReply) => void,
): void {
  const job: JobSpec = {
    ...plan.job,
    splits: splits.map(([a, b]) => ({
      train: Int32Array.from(a.dataSync()),
      test: Int32Array.from(b.dataSync()),
    })),
    cacheSplits: opts.cacheSplits ?? false,
  };
  foldPool().run(
    job,
    tasks.map((t) => ({
      estimator: plan.estimators[t.estimator],
      split: t.split,
      mode: opts.mode,
      method: opts.method,
      returnTrainScore: opts.returnTrainScore ?? false,
      returnEstimator: opts.returnEstimator ?? false,
      errorScore: opts.errorScore ?? NaN,
    })),
    plan.n,
    (i, r) => {
      replayOutput(r.output);
      onReply(i, r);
    },
  );
}
