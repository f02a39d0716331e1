/**
 * The worker threads behind `nJobs`, driven synchronously: `gs.fit(X, y)` stays an ordinary
 * blocking call. The main thread posts tasks on one MessagePort per worker and sleeps in
 * `Atomics.wait` on a shared counter that every worker bumps after posting a reply; replies are
 * then taken with `receiveMessageOnPort`, which needs no event loop turn. (Node allows
 * `Atomics.wait` on its main thread; browsers do not, and this module is Node-only.)
 *
 * Workers start on first use, load the engine once (~1 s) and stay for later calls (unref'd:
 * they never keep the process alive).
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from "node:worker_threads";
import { IndexError, OverflowError, ValueError } from "../../../core/errors.js";
import { LinAlgError } from "../../../linalg/errors.js";
import { InvalidParameterError, NotFittedError } from "../../base/errors.js";
import { warn } from "../warn.js";
import type {
  FromWorker,
  JobMessage,
  Output,
  PredictOutcome,
  ScoreOutcome,
  TaskMessage,
} from "./protocol.js";

/** How long a new worker may take to load the engine. */
const START_TIMEOUT_MS = 120_000;

interface Slot {
  worker: Worker;
  port: MessagePort;
  /** Class names the worker can rebuild (its registry after loading the engine). */
  registered: Set<string>;
  /** The task (index in the current job) it runs, or -1. */
  task: number;
  /** The last job it received. */
  job: number;
}

/** The job-wide part of a run (sent once to each worker taking part). */
export type JobSpec = Omit<JobMessage, "type" | "jobId">;
/** One task of a run. */
export type TaskSpec = Omit<TaskMessage, "type" | "jobId" | "id">;

/** What a task's reply carries back. */
export interface TaskReply {
  value: ScoreOutcome | PredictOutcome;
  output: Output[];
}

const ERRORS: Record<string, new (message: string) => Error> = {
  ValueError,
  IndexError,
  OverflowError,
  LinAlgError,
  NotFittedError,
  InvalidParameterError,
  TypeError,
  RangeError,
  Error,
};

/** An error raised in a worker, rebuilt with its class (when known), message and stack. */
function rebuildError(m: { name: string; message: string; stack?: string }): Error {
  const Ctor = ERRORS[m.name] ?? Error;
  const e = new Ctor(m.message);
  if (e.name !== m.name) e.name = m.name;
  if (m.stack) e.stack = m.stack;
  return e;
}

/**
 * A worker starts from this plain script, which imports the real entry (worker.ts/js) and
 * reports a failure to load it on the port: a worker that dies before its own code runs would
 * otherwise only say so through an event the blocked main thread never sees. From the sources
 * (run through tsx) it registers tsx's loader first, which a worker does not inherit.
 */
const BOOT = `
const { workerData } = require("node:worker_threads");
const signal = new Int32Array(workerData.signal);
(async () => {
  if (workerData.tsx) (await import(workerData.tsx)).register();
  await import(workerData.entry);
})().catch((e) => {
  workerData.port.postMessage({ type: "failed", message: String((e && e.stack) || e) });
  Atomics.add(signal, 0, 1);
  Atomics.notify(signal, 0);
});
`;

function bootData(): { entry: string; tsx: string | null } {
  const fromSources = import.meta.url.endsWith(".ts");
  const entry = new URL(fromSources ? "./worker.ts" : "./worker.js", import.meta.url).href;
  return { entry, tsx: fromSources ? tsxApi() : null };
}

// The ESM entry of tsx's API ("tsx/esm/api"), found through tsx's package.json.
function tsxApi(): string {
  const req = createRequire(import.meta.url);
  const pkgPath = req.resolve("tsx/package.json");
  const pkg = JSON.parse(readFileSync(pkgPath, "utf8")) as {
    exports: Record<string, { import?: { default?: string } }>;
  };
  const rel = pkg.exports["./esm/api"]?.import?.default ?? "./dist/esm/api/index.mjs";
  return pathToFileURL(join(dirname(pkgPath), rel)).href;
}

class FoldPool {
  private readonly slots: Slot[] = [];
  private readonly signal = new Int32Array(new SharedArrayBuffer(4));
  private nextJob = 1;
  private startFailure: string | null = null;

  /** Starts workers until there are `n`, waiting until each has loaded the engine. */
  ensure(n: number): Slot[] {
    if (this.startFailure !== null) throw new Error(this.startFailure);
    const fresh: { worker: Worker; port: MessagePort }[] = [];
    while (this.slots.length + fresh.length < n) {
      const { port1, port2 } = new MessageChannel();
      const worker = new Worker(BOOT, {
        eval: true,
        workerData: { port: port2, signal: this.signal.buffer, ...bootData() },
        transferList: [port2],
      });
      worker.unref();
      port1.unref();
      fresh.push({ worker, port: port1 });
    }
    const deadline = Date.now() + START_TIMEOUT_MS;
    const pending = new Set(fresh);
    let failure: string | null = null;
    while (pending.size > 0) {
      const seen = Atomics.load(this.signal, 0);
      for (const f of [...pending]) {
        const m = receiveMessageOnPort(f.port)?.message as FromWorker | undefined;
        if (m?.type === "ready") {
          this.slots.push({ ...f, registered: new Set(m.registered), task: -1, job: 0 });
          pending.delete(f);
        } else if (m?.type === "failed") {
          failure ??= m.message;
          pending.delete(f);
          void f.worker.terminate();
        } else if (f.worker.threadId === -1) {
          failure ??= "the worker thread exited while loading the engine";
          pending.delete(f);
        }
      }
      if (pending.size === 0) break;
      if (Date.now() > deadline) {
        for (const f of pending) void f.worker.terminate();
        failure ??= `the worker threads did not start within ${START_TIMEOUT_MS / 1000} s`;
        break;
      }
      Atomics.wait(this.signal, 0, seen, 200);
    }
    if (failure !== null) {
      this.startFailure = `could not start worker threads for nJobs: ${failure}`;
      throw new Error(this.startFailure);
    }
    return this.slots.slice(0, n);
  }

  /**
   * Runs `tasks` on `n` workers; `onReply(i, reply)` is called in task order (a task's reply
   * only after every earlier one), so output and progress read as in a sequential run. An error
   * raised by a task stops the dispatch; once the running tasks are back it is rethrown (the
   * earliest failing task's, after the replies before it).
   */
  run(job: JobSpec, tasks: TaskSpec[], n: number, onReply: (i: number, r: TaskReply) => void): void {
    const slots = this.ensure(n);
    const jobId = this.nextJob++;
    const replies: (TaskReply | undefined)[] = new Array<TaskReply | undefined>(tasks.length);
    let flushed = 0;
    let next = 0;
    let running = 0;
    // Held in an object: TypeScript does not track assignments made in the closures below.
    const stop: { first: { index: number; error: Error; output: Output[] } | null; dead: Error | null } = {
      first: null,
      dead: null,
    };
    const dispatch = (s: Slot): void => {
      if (next >= tasks.length || stop.first !== null || stop.dead !== null) return;
      if (s.job !== jobId) {
        s.port.postMessage({ type: "job", jobId, ...job } satisfies JobMessage);
        s.job = jobId;
      }
      s.task = next;
      s.port.postMessage({ type: "task", jobId, id: next, ...tasks[next] } satisfies TaskMessage);
      next++;
      running++;
    };
    const flush = (): void => {
      while (flushed < tasks.length && replies[flushed] !== undefined) {
        onReply(flushed, replies[flushed] as TaskReply);
        flushed++;
      }
    };
    for (const s of slots) dispatch(s);
    try {
      while (running > 0) {
        const seen = Atomics.load(this.signal, 0);
        let got = false;
        for (const s of slots) {
          if (s.task < 0) continue;
          const m = receiveMessageOnPort(s.port)?.message as FromWorker | undefined;
          if (m === undefined) {
            if (s.worker.threadId === -1 && stop.dead === null) {
              stop.dead = new Error(
                `a worker thread stopped while fitting (task ${s.task + 1} of ${tasks.length})`,
              );
              s.task = -1;
              running--;
              this.drop(s);
            }
            continue;
          }
          got = true;
          if (m.type === "result") {
            replies[m.id] = { value: m.value, output: m.output };
          } else if (m.type === "error") {
            if (stop.first === null || m.id < stop.first.index)
              stop.first = { index: m.id, error: rebuildError(m), output: m.output };
          } else continue;
          s.task = -1;
          running--;
          dispatch(s);
        }
        if (stop.first === null) flush();
        if (!got && running > 0) Atomics.wait(this.signal, 0, seen, 250);
      }
    } finally {
      for (const s of slots)
        if (s.job === jobId && s.worker.threadId !== -1) s.port.postMessage({ type: "endJob", jobId });
    }
    if (stop.dead !== null) throw stop.dead;
    const first = stop.first;
    if (first !== null) {
      while (flushed < first.index && replies[flushed] !== undefined) {
        onReply(flushed, replies[flushed] as TaskReply);
        flushed++;
      }
      replayOutput(first.output);
      throw first.error;
    }
    flush();
  }

  /** Class names every started worker can rebuild (empty before the first start). */
  registered(n: number): Set<string> {
    return this.ensure(n)[0].registered;
  }

  private drop(s: Slot): void {
    const i = this.slots.indexOf(s);
    if (i >= 0) this.slots.splice(i, 1);
  }
}

/** Prints a task's captured console output and warnings on the main thread. */
export function replayOutput(output: readonly Output[]): void {
  for (const o of output) {
    if (o.kind === "log") console.log(o.text);
    else if (o.kind === "warn") console.warn(o.text);
    else if (o.kind === "error") console.error(o.text);
    else warn(o.text, o.category ?? "UserWarning");
  }
}

let pool: FoldPool | undefined;

/** The process-wide pool (created on first use). */
export function foldPool(): FoldPool {
  pool ??= new FoldPool();
  return pool;
}
