/** scikit-learn's reading of `n_jobs`: how many worker threads a call may use. */
import { availableParallelism } from "node:os";
import { isMainThread } from "node:worker_threads";
import { ValueError } from "../../../core/errors.js";

/**
 * The number of parallel workers for `nJobs`: null/undefined/1 → 1, -1 → every core, -2 → all
 * but one, and so on (`cores + 1 + nJobs`); never more than `tasks`. Inside a worker thread it
 * is always 1 (no nested pools).
 */
export function resolveNJobs(nJobs: number | null | undefined, tasks = Infinity): number {
  if (nJobs === null || nJobs === undefined) return 1;
  if (!Number.isInteger(nJobs) || nJobs === 0) {
    throw new ValueError(
      `nJobs must be a non-zero integer (a count of workers, or -1 for every core); got ${String(nJobs)}.`,
    );
  }
  if (!isMainThread) return 1;
  const cores = availableParallelism();
  const n = nJobs > 0 ? nJobs : Math.max(1, cores + 1 + nJobs);
  return Math.max(1, Math.min(n, tasks));
}
