import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Callback } from "./callback.js";
import type { Logs, TrainingParams } from "./model.js";

/** One line of a training log (see `TrainingLogger`). */
export type TrainingLogEvent =
  | { event: "train_begin"; time: number; params: TrainingParams }
  | { event: "batch"; time: number; epoch: number; batch: number; step: number; logs: Logs }
  | { event: "epoch"; time: number; epoch: number; step: number; logs: Logs }
  | { event: "train_end"; time: number; logs: Logs };

/** Options of `TrainingLogger`. */
export interface TrainingLoggerOptions {
  /** "epoch" (default): one line per epoch; "batch": one per batch too; a number: every that many batches. */
  updateFreq?: "epoch" | "batch" | number;
}

/**
 * Writes a JSON-lines training log that the JupyterLab extension (or `readTrainingLog` and
 * `plt`) can chart: one JSON object per line, `{"event": "train_begin", "time", "params"}`,
 * then `{"event": "batch", "epoch", "batch", "step", "time", "logs"}` (per `updateFreq`),
 * `{"event": "epoch", "epoch", "step", "time", "logs"}` at each epoch end, and
 * `{"event": "train_end", "time", "logs"}`. `time` is milliseconds since the Unix epoch,
 * `step` the number of training batches so far, `logs` the values Keras reports (`loss`,
 * metrics, `val_*`, `lr`). NaN and infinite values are written as null (JSON has no NaN).
 *
 * @example
 * ```ts
 * const logger = new keras.callbacks.TrainingLogger("logs/run_1/events.jsonl", { updateFreq: "batch" });
 * await model.fit(X, y, { epochs: 10, callbacks: [logger] });
 * keras.callbacks.readTrainingLog("logs/run_1/events.jsonl");
 * ```
 */
export class TrainingLogger extends Callback {
  readonly path: string;
  readonly updateFreq: "epoch" | "batch" | number;
  #epoch = 0;
  #step = 0;

  constructor(path: string, opts: TrainingLoggerOptions = {}) {
    super();
    this.path = path;
    this.updateFreq = opts.updateFreq ?? "epoch";
  }

  private write(e: TrainingLogEvent): void {
    appendFileSync(this.path, JSON.stringify(e) + "\n");
  }

  override onTrainBegin(): void {
    const dir = this.path.replace(/[/\\][^/\\]*$/, "");
    if (dir && dir !== this.path) mkdirSync(dir, { recursive: true });
    writeFileSync(this.path, "");
    this.#step = 0;
    this.write({ event: "train_begin", time: Date.now(), params: this.params });
  }

  override onEpochBegin(epoch: number): void {
    this.#epoch = epoch;
  }

  override onTrainBatchEnd(batch: number, logs: Logs = {}): void {
    this.#step += 1;
    const f = this.updateFreq;
    if (f === "epoch") return;
    if (f === "batch" || this.#step % f === 0) {
      this.write({
        event: "batch",
        time: Date.now(),
        epoch: this.#epoch,
        batch,
        step: this.#step,
        logs: { ...logs },
      });
    }
  }

  override onEpochEnd(epoch: number, logs: Logs = {}): void {
    this.write({ event: "epoch", time: Date.now(), epoch, step: this.#step, logs: { ...logs } });
  }

  override onTrainEnd(logs: Logs = {}): void {
    this.write({ event: "train_end", time: Date.now(), logs: { ...logs } });
  }
}

/** Options of `TensorBoard`. */
export interface TensorBoardOptions extends TrainingLoggerOptions {
  /** The run's directory; the log is `<logDir>/events.jsonl` (default "logs"). */
  logDir?: string;
  /** Accepted for the book's code; weight histograms are not written. */
  histogramFreq?: number;
  /** Accepted for the book's code; there is no profiler. */
  profileBatch?: number | readonly number[];
}

/**
 * The book's `keras.callbacks.TensorBoard(log_dir)`: writes the `TrainingLogger` JSON-lines log
 * to `<logDir>/events.jsonl` instead of TensorFlow event files; the extension charts it.
 *
 * @example
 * ```ts
 * const tensorboardCb = new keras.callbacks.TensorBoard({ logDir: "my_logs/run_2024_01_01" });
 * ```
 */
export class TensorBoard extends TrainingLogger {
  readonly logDir: string;

  constructor(opts: TensorBoardOptions | string = {}) {
    const o = typeof opts === "string" ? { logDir: opts } : opts;
    const logDir = o.logDir ?? "logs";
    super(join(logDir, "events.jsonl"), o);
    this.logDir = logDir;
  }
}

/**
 * Reads a training log written by `TrainingLogger`/`TensorBoard`: its events in order.
 *
 * @example
 * ```ts
 * const epochs = keras.callbacks.readTrainingLog("my_logs/run_1/events.jsonl").filter((e) => e.event === "epoch");
 * ```
 */
export function readTrainingLog(path: string): TrainingLogEvent[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as TrainingLogEvent);
}
