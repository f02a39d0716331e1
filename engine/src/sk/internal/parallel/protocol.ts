/**
 * Messages between the main thread and the fold workers of `nJobs` (see pool.ts). Everything
 * here survives structured cloning: estimators travel as `sk.dumps` text, data as the
 * descriptors of transport.ts.
 */
import type { DataDesc } from "./transport.js";

/** Scoring as data: scorer names only (functions cannot be sent to a worker). */
export type ScoringSpec = string | null | string[] | Record<string, string>;

/** What a job shares with every task: the data, the splits, the scoring. Sent once per worker. */
export interface JobMessage {
  type: "job";
  jobId: number;
  X: DataDesc;
  y: DataDesc;
  /** Train and test row positions of each split the tasks refer to. */
  splits: { train: Int32Array; test: Int32Array }[];
  scoring: ScoringSpec;
  /** Select each split's rows once and keep them for the job (the searches). */
  cacheSplits: boolean;
  /** Modules to import first (user estimators registered with `{ module }`). */
  modules: string[];
  /** `fitParams` as `sk.dumps`-style JSON text, or null. */
  fitParams: string | null;
}

/** One fit: an unfitted estimator (`sk.dumps` text) on one split. */
export interface TaskMessage {
  type: "task";
  jobId: number;
  id: number;
  estimator: string;
  split: number;
  /** `score`: fit and score (crossValidate, searches, curves); `predict`: fit and call `method`. */
  mode: "score" | "predict";
  method?: string;
  returnTrainScore: boolean;
  returnEstimator: boolean;
  errorScore: number | "raise";
}

/** Ends a job: the worker drops its data. */
export interface EndJobMessage {
  type: "endJob";
  jobId: number;
}

export type ToWorker = JobMessage | TaskMessage | EndJobMessage;

/** A fold's scores and times (fitAndScore's result without the estimator object). */
export interface ScoreOutcome {
  test: Record<string, number>;
  train?: Record<string, number>;
  fitTime: number;
  scoreTime: number;
  failed: boolean;
  /** The fitted estimator as `sk.dumps` text, when asked for. */
  estimator?: string;
}

/** A fold's predictions: a tensor's bytes or a plain array (string labels). */
export type PredictOutcome =
  { tensor: { dtype: string; shape: number[]; data: ArrayBufferView } } | { array: unknown[] };

/** Console output and warnings a task produced, replayed by the main thread in task order. */
export interface Output {
  kind: "log" | "warn" | "error" | "warning";
  text: string;
  category?: string;
}

export type FromWorker =
  | { type: "ready"; registered: string[] }
  | { type: "failed"; message: string }
  | { type: "result"; id: number; value: ScoreOutcome | PredictOutcome; output: Output[] }
  | { type: "error"; id: number; name: string; message: string; stack?: string; output: Output[] };
