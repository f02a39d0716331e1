/**
 * What a fold worker runs (imported by worker.ts once the thread has started): the engine with
 * every built-in estimator registered, the job table, and one task as the sequential code runs it.
 */
import "../../../index.js";
import { Tensor } from "../../../core/tensor.js";
import type { BaseEstimator } from "../../base/estimator.js";
import type { ArrayInput, TargetInput } from "../../base/types.js";
import {
  fitAndScore,
  foldPredict,
  scorersOf,
  splitData,
  type Fittable,
  type SplitData,
} from "../../modelSelection/cross-validation.js";
import type { Scorer } from "../../metrics/scorer.js";
import { decode, type Json } from "../../persistence/format.js";
import { dumps, loads } from "../../persistence/index.js";
import type { JobMessage, PredictOutcome, ScoreOutcome, TaskMessage } from "./protocol.js";
import { decodeData } from "./transport.js";

export { registeredEstimators } from "../../base/registry.js";

interface Job {
  X: ArrayInput;
  y: TargetInput | null | undefined;
  splits: { train: Tensor; test: Tensor }[];
  scorers: Record<string, Scorer>;
  fitParams: Record<string, unknown> | null;
  cache: Map<number, SplitData> | null;
  /** Set when the job could not be prepared; every task then fails with it. */
  failure?: Error;
}

const jobs = new Map<number, Job>();
const imported = new Set<string>();

const indexTensor = (a: Int32Array): Tensor => Tensor.fromTypedArray(a, [a.length], "int32");

/** Prepares a job: imports user modules, rebuilds the data once. */
export async function startJob(m: JobMessage): Promise<void> {
  try {
    for (const mod of m.modules) {
      if (imported.has(mod)) continue;
      await import(mod);
      imported.add(mod);
    }
    jobs.set(m.jobId, {
      X: decodeData(m.X) as ArrayInput,
      y: decodeData(m.y) as TargetInput | null | undefined,
      splits: m.splits.map((s) => ({ train: indexTensor(s.train), test: indexTensor(s.test) })),
      scorers: scorersOf(m.scoring).scorers,
      fitParams:
        m.fitParams === null ? null : (decode(JSON.parse(m.fitParams) as Json) as Record<string, unknown>),
      cache: m.cacheSplits ? new Map() : null,
    });
  } catch (e) {
    const failure = e instanceof Error ? e : new Error(String(e));
    jobs.set(m.jobId, { failure } as Job);
  }
}

/** Forgets a job's data. */
export function endJob(jobId: number): void {
  jobs.delete(jobId);
}

/** Runs one task; throws what the estimator throws (with `errorScore: "raise"`). */
export function runTask(m: TaskMessage): ScoreOutcome | PredictOutcome {
  const job = jobs.get(m.jobId);
  if (!job) throw new Error(`worker: unknown job ${m.jobId}`);
  if (job.failure) throw job.failure;
  const est = loads<BaseEstimator>(m.estimator) as Fittable;
  const { train, test } = job.splits[m.split];
  if (m.mode === "predict") {
    const out = foldPredict(est, job.X, job.y, train, test, m.method ?? "predict", job.fitParams);
    if (out instanceof Tensor) {
      return { tensor: { dtype: out.dtype, shape: [...out.shape], data: out.dataSync() } };
    }
    return { array: [...out] };
  }
  let split = job.cache?.get(m.split);
  if (!split) {
    split = splitData(job.X, job.y, train, test);
    job.cache?.set(m.split, split);
  }
  const r = fitAndScore(est, job.X, job.y, train, test, job.scorers, {
    returnTrainScore: m.returnTrainScore,
    errorScore: m.errorScore,
    fitParams: job.fitParams,
    split,
  });
  return {
    test: r.test,
    train: r.train,
    fitTime: r.fitTime,
    scoreTime: r.scoreTime,
    failed: r.failed,
    estimator: m.returnEstimator ? dumps(r.estimator) : undefined,
  };
}
