/**
 * A fold worker of `nJobs` (started by pool.ts): loads the engine once, then fits and scores the
 * tasks it is sent with the very code a sequential run uses (`fitAndScore`), on its own copy of
 * the job's data. Console output and warnings are captured and sent back with the reply, so the
 * main thread prints them in task order.
 */
import { format } from "node:util";
import { parentPort, workerData, type MessagePort } from "node:worker_threads";
import type * as Tasks from "./worker-tasks.js";
import type { Output, PredictOutcome, ScoreOutcome, ToWorker, FromWorker } from "./protocol.js";

type WorkerTasks = typeof Tasks;

interface Boot {
  port: MessagePort;
  signal: SharedArrayBuffer;
}

if (parentPort === null) throw new Error("worker.ts is the entry point of a worker thread, not a module");
const { port, signal: signalBuffer } = workerData as Boot;
const signal = new Int32Array(signalBuffer);

function send(m: FromWorker): void {
  port.postMessage(m);
  Atomics.add(signal, 0, 1);
  Atomics.notify(signal, 0);
}

// Captures console output and process warnings while a task runs.
function capture(): { output: Output[]; restore: () => void } {
  const output: Output[] = [];
  const saved = {
    log: console.log,
    info: console.info,
    warn: console.warn,
    error: console.error,
    emitWarning: process.emitWarning,
  };
  console.log = console.info = (...a: unknown[]) => void output.push({ kind: "log", text: format(...a) });
  console.warn = (...a: unknown[]) => void output.push({ kind: "warn", text: format(...a) });
  console.error = (...a: unknown[]) => void output.push({ kind: "error", text: format(...a) });
  process.emitWarning = ((w: string | Error, t?: string | { type?: string }) => {
    const category = typeof t === "string" ? t : (t?.type ?? (typeof w === "string" ? "Warning" : w.name));
    output.push({ kind: "warning", text: typeof w === "string" ? w : w.message, category });
  }) as typeof process.emitWarning;
  return {
    output,
    restore: () => {
      Object.assign(console, { log: saved.log, info: saved.info, warn: saved.warn, error: saved.error });
      process.emitWarning = saved.emitWarning;
    },
  };
}

async function main(): Promise<void> {
  let engine: WorkerTasks;
  try {
    engine = await import("./worker-tasks.js");
  } catch (e) {
    send({ type: "failed", message: e instanceof Error ? e.message : String(e) });
    return;
  }
  send({ type: "ready", registered: engine.registeredEstimators() });
  // Jobs are handled strictly in order: a job's modules are imported before its tasks run.
  let queue = Promise.resolve();
  port.on("message", (m: ToWorker) => {
    queue = queue
      .then(async () => {
        if (m.type === "job") await engine.startJob(m);
        else if (m.type === "endJob") engine.endJob(m.jobId);
        else {
          const { output, restore } = capture();
          try {
            const value: ScoreOutcome | PredictOutcome = engine.runTask(m);
            restore();
            send({ type: "result", id: m.id, value, output });
          } catch (e) {
            restore();
            const err = e instanceof Error ? e : new Error(String(e));
            send({ type: "error", id: m.id, name: err.name, message: err.message, stack: err.stack, output });
          }
        }
      })
      .catch((e: unknown) => {
        // Nothing above should throw; if it does, say so rather than leave the main thread waiting.
        process.stderr.write(`tensorbook fold worker: ${e instanceof Error ? e.stack : String(e)}\n`);
      });
  });
}

void main();
