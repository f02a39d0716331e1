import type { Tensor } from "../../core/tensor.js";
import { Callback, requireModel } from "./callback.js";
import type { Logs } from "./model.js";
import { biggerIsBetter, monitored, type MonitorMode } from "./monitor.js";

/** Options of `EarlyStopping`. */
export interface EarlyStoppingOptions {
  /** The log key watched (default "val_loss"). */
  monitor?: string;
  /** The smallest change that counts as an improvement (default 0). */
  minDelta?: number;
  /** Epochs without improvement before stopping (default 0). */
  patience?: number;
  /** 1 prints a line when stopping. */
  verbose?: number;
  /** "auto" (default), "min" or "max". */
  mode?: MonitorMode;
  /** Training stops if the value does not beat this (default none). */
  baseline?: number | null;
  /** On stopping, put back the weights of the best epoch (default false). */
  restoreBestWeights?: boolean;
  /** Epochs to wait before watching at all (default 0). */
  startFromEpoch?: number;
}

/**
 * Stops training when the monitored value has not improved for `patience` epochs
 * (`keras.callbacks.EarlyStopping`); with `restoreBestWeights`, the model gets back the
 * weights of its best epoch when it stops (as in tf.keras 2.x, weights are restored only
 * when training stops early).
 *
 * @example
 * ```ts
 * const early = new keras.callbacks.EarlyStopping({ patience: 10, restoreBestWeights: true });
 * await model.fit(X, y, { epochs: 100, validationData: [Xv, yv], callbacks: [early] });
 * early.stoppedEpoch; // the epoch it stopped at (0 if it never did)
 * ```
 */
export class EarlyStopping extends Callback {
  readonly monitor: string;
  readonly minDelta: number;
  readonly patience: number;
  readonly verbose: number;
  readonly mode: MonitorMode;
  readonly baseline: number | null;
  readonly restoreBestWeights: boolean;
  readonly startFromEpoch: number;
  /** Epochs since the last improvement. */
  wait = 0;
  /** The epoch training stopped at (0 when it did not). */
  stoppedEpoch = 0;
  /** The best value seen. */
  best = Infinity;
  /** The epoch of the best value. */
  bestEpoch = 0;
  /** The weights of the best epoch (when `restoreBestWeights`). */
  bestWeights: Tensor[] | null = null;
  readonly #max: boolean;

  constructor(opts: EarlyStoppingOptions = {}) {
    super();
    this.monitor = opts.monitor ?? "val_loss";
    this.minDelta = Math.abs(opts.minDelta ?? 0);
    this.patience = opts.patience ?? 0;
    this.verbose = opts.verbose ?? 0;
    this.mode = opts.mode ?? "auto";
    this.baseline = opts.baseline ?? null;
    this.restoreBestWeights = opts.restoreBestWeights ?? false;
    this.startFromEpoch = opts.startFromEpoch ?? 0;
    this.#max = biggerIsBetter(this.monitor, this.mode);
  }

  override onTrainBegin(): void {
    this.wait = 0;
    this.stoppedEpoch = 0;
    this.best = this.#max ? -Infinity : Infinity;
    this.bestWeights = null;
    this.bestEpoch = 0;
  }

  private improved(value: number, reference: number): boolean {
    return this.#max ? value - this.minDelta > reference : value + this.minDelta < reference;
  }

  override onEpochEnd(epoch: number, logs?: Logs): void {
    const current = monitored("Early stopping", this.monitor, logs);
    if (current === undefined || epoch < this.startFromEpoch) return;
    const model = requireModel(this);
    // Keep the first epoch's weights, so that something is restored even without progress.
    if (this.restoreBestWeights && this.bestWeights === null) this.bestWeights = model.getWeights();
    this.wait += 1;
    if (this.improved(current, this.best)) {
      this.best = current;
      this.bestEpoch = epoch;
      if (this.restoreBestWeights) this.bestWeights = model.getWeights();
      // The wait restarts only when the baseline is beaten too.
      if (this.baseline === null || this.improved(current, this.baseline)) this.wait = 0;
      return;
    }
    if (this.wait >= this.patience && epoch > 0) {
      this.stoppedEpoch = epoch;
      model.stopTraining = true;
      if (this.restoreBestWeights && this.bestWeights) {
        if (this.verbose > 0)
          console.log(
            "Restoring model weights from the end of the best epoch: " + (this.bestEpoch + 1) + ".",
          );
        model.setWeights(this.bestWeights);
      }
    }
  }

  override onTrainEnd(): void {
    if (this.stoppedEpoch > 0 && this.verbose > 0)
      console.log(`Epoch ${this.stoppedEpoch + 1}: early stopping`);
  }
}
