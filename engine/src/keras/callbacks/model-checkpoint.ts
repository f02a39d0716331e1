import { Callback, requireModel } from "./callback.js";
import { formatPath } from "./format-path.js";
import type { Logs } from "./model.js";
import { biggerIsBetter, type MonitorMode } from "./monitor.js";

/** Options of `ModelCheckpoint`. */
export interface ModelCheckpointOptions {
  /** The log key compared when `saveBestOnly` (default "val_loss"). */
  monitor?: string;
  /** 1 prints a line at each save decision. */
  verbose?: number;
  /** Save only when the monitored value improves (default false). */
  saveBestOnly?: boolean;
  /** Save the weights only (`saveWeights`) instead of the whole model (default false). */
  saveWeightsOnly?: boolean;
  /** "auto" (default), "min" or "max". */
  mode?: MonitorMode;
  /** "epoch" (default) or a number of batches between saves. */
  saveFreq?: "epoch" | number;
  /** The value the first save must beat (default none). */
  initialValueThreshold?: number | null;
}

/**
 * Saves the model (or its weights) at the end of each epoch, or only when the monitored value
 * improves (`keras.callbacks.ModelCheckpoint`). The path may contain Python format fields
 * filled from the epoch (1-based) and the logs: `"ckpt_{epoch:02d}_{val_loss:.2f}.h5"`.
 *
 * @example
 * ```ts
 * const checkpoint = new keras.callbacks.ModelCheckpoint("my_keras_model.h5", { saveBestOnly: true });
 * await model.fit(X, y, { epochs: 10, validationData: [Xv, yv], callbacks: [checkpoint] });
 * ```
 */
export class ModelCheckpoint extends Callback {
  readonly filepath: string;
  readonly monitor: string;
  readonly verbose: number;
  readonly saveBestOnly: boolean;
  readonly saveWeightsOnly: boolean;
  readonly saveFreq: "epoch" | number;
  /** The best monitored value so far. */
  best: number;
  readonly #max: boolean;
  #batches = 0;
  #epoch = 0;

  constructor(filepath: string, opts: ModelCheckpointOptions = {}) {
    super();
    this.filepath = filepath;
    this.monitor = opts.monitor ?? "val_loss";
    this.verbose = opts.verbose ?? 0;
    this.saveBestOnly = opts.saveBestOnly ?? false;
    this.saveWeightsOnly = opts.saveWeightsOnly ?? false;
    this.saveFreq = opts.saveFreq ?? "epoch";
    if (this.saveFreq !== "epoch" && !(Number.isInteger(this.saveFreq) && this.saveFreq > 0)) {
      throw new TypeError(
        `Unrecognized saveFreq: ${String(this.saveFreq)}; use "epoch" or a positive number of batches`,
      );
    }
    this.#max = biggerIsBetter(this.monitor, opts.mode ?? "auto");
    this.best = opts.initialValueThreshold ?? (this.#max ? -Infinity : Infinity);
  }

  override onEpochBegin(epoch: number): void {
    this.#epoch = epoch;
  }

  override async onTrainBatchEnd(batch: number, logs?: Logs): Promise<void> {
    if (this.saveFreq === "epoch") return;
    this.#batches += 1;
    if (this.#batches >= this.saveFreq) {
      this.#batches = 0;
      await this.saveModel(this.#epoch, { ...logs, batch: batch + 1 });
    }
  }

  override async onEpochEnd(epoch: number, logs: Logs = {}): Promise<void> {
    if (this.saveFreq === "epoch") await this.saveModel(epoch, logs);
  }

  private async saveModel(epoch: number, logs: Logs): Promise<void> {
    const model = requireModel(this);
    const path = formatPath(this.filepath, { ...logs, epoch: epoch + 1 });
    if (this.saveBestOnly) {
      const current = logs[this.monitor];
      if (current === undefined) {
        console.warn(`Can save best model only with ${this.monitor} available, skipping.`);
        return;
      }
      const better = this.#max ? current > this.best : current < this.best;
      if (!better) {
        if (this.verbose > 0)
          console.log(`\nEpoch ${epoch + 1}: ${this.monitor} did not improve from ${this.best.toFixed(5)}`);
        return;
      }
      if (this.verbose > 0) {
        console.log(
          `\nEpoch ${epoch + 1}: ${this.monitor} improved from ${this.best.toFixed(5)} to ${current.toFixed(5)}, saving model to ${path}`,
        );
      }
      this.best = current;
    } else if (this.verbose > 0) {
      console.log(`\nEpoch ${epoch + 1}: saving model to ${path}`);
    }
    if (this.saveWeightsOnly) await model.saveWeights(path, { overwrite: true });
    else await model.save(path, { overwrite: true });
  }
}
