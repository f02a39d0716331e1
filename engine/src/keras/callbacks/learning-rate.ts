import type { Optimizer } from "../optimizers/optimizer.js";
import { Callback, requireModel } from "./callback.js";
import type { Logs } from "./model.js";
import { biggerIsBetter, monitored, type MonitorMode } from "./monitor.js";

function optimizerOf(cb: Callback): Optimizer {
  const opt = requireModel(cb).optimizer;
  if (!opt)
    throw new Error(`${cb.constructor.name} needs a compiled model: call model.compile({ optimizer }) first`);
  return opt;
}

/**
 * Sets the learning rate at the start of each epoch from `schedule(epoch, lr)` (epoch 0-based,
 * `lr` the current rate) and records it as `lr` in the epoch's logs
 * (`keras.callbacks.LearningRateScheduler`).
 *
 * @example
 * ```ts
 * const exponentialDecay = (epoch: number) => 0.01 * 0.1 ** (epoch / 20);
 * const scheduler = new keras.callbacks.LearningRateScheduler(exponentialDecay);
 * await model.fit(X, y, { epochs: 25, callbacks: [scheduler] }); // history.history.lr
 * ```
 */
export class LearningRateScheduler extends Callback {
  readonly schedule: (epoch: number, lr: number) => number;
  readonly verbose: number;

  constructor(schedule: (epoch: number, lr: number) => number, opts: { verbose?: number } = {}) {
    super();
    this.schedule = schedule;
    this.verbose = opts.verbose ?? 0;
  }

  override onEpochBegin(epoch: number): void {
    const opt = optimizerOf(this);
    const lr = this.schedule(epoch, opt.learningRate);
    if (typeof lr !== "number" || !Number.isFinite(lr)) {
      throw new TypeError(
        `The output of the "schedule" function should be a finite number, got ${String(lr)}`,
      );
    }
    opt.learningRate = lr;
    if (this.verbose > 0)
      console.log(`\nEpoch ${epoch + 1}: LearningRateScheduler setting learning rate to ${lr}.`);
  }

  override onEpochEnd(_epoch: number, logs?: Logs): void {
    if (logs) logs.lr = optimizerOf(this).learningRate;
  }
}

/** Options of `ReduceLROnPlateau`. */
export interface ReduceLROnPlateauOptions {
  /** The log key watched (default "val_loss"). */
  monitor?: string;
  /** The learning rate is multiplied by this, below 1 (default 0.1). */
  factor?: number;
  /** Epochs without improvement before reducing (default 10). */
  patience?: number;
  verbose?: number;
  /** "auto" (default), "min" or "max". */
  mode?: MonitorMode;
  /** The smallest change that counts as an improvement (default 1e-4). */
  minDelta?: number;
  /** Epochs to wait after a reduction before watching again (default 0). */
  cooldown?: number;
  /** The learning rate never goes below this (default 0). */
  minLr?: number;
}

/**
 * Multiplies the learning rate by `factor` when the monitored value has not improved for
 * `patience` epochs (`keras.callbacks.ReduceLROnPlateau`); records `lr` in the epoch's logs.
 *
 * @example
 * ```ts
 * const lrScheduler = new keras.callbacks.ReduceLROnPlateau({ factor: 0.5, patience: 5 });
 * ```
 */
export class ReduceLROnPlateau extends Callback {
  readonly monitor: string;
  readonly factor: number;
  readonly patience: number;
  readonly verbose: number;
  readonly minDelta: number;
  readonly cooldown: number;
  readonly minLr: number;
  best = Infinity;
  wait = 0;
  cooldownCounter = 0;
  readonly #max: boolean;

  constructor(opts: ReduceLROnPlateauOptions = {}) {
    super();
    this.monitor = opts.monitor ?? "val_loss";
    this.factor = opts.factor ?? 0.1;
    if (this.factor >= 1)
      throw new RangeError("ReduceLROnPlateau does not support a factor >= 1.0; use a factor below 1");
    this.patience = opts.patience ?? 10;
    this.verbose = opts.verbose ?? 0;
    this.minDelta = opts.minDelta ?? 1e-4;
    this.cooldown = opts.cooldown ?? 0;
    this.minLr = opts.minLr ?? 0;
    this.#max = biggerIsBetter(this.monitor, opts.mode ?? "auto");
    this.reset();
  }

  private reset(): void {
    this.best = this.#max ? -Infinity : Infinity;
    this.cooldownCounter = 0;
    this.wait = 0;
  }

  override onTrainBegin(): void {
    this.reset();
  }

  override onEpochEnd(epoch: number, logs: Logs = {}): void {
    const opt = optimizerOf(this);
    logs.lr = opt.learningRate;
    const current = monitored("Learning rate reduction", this.monitor, logs);
    if (current === undefined) return;
    if (this.cooldownCounter > 0) {
      this.cooldownCounter -= 1;
      this.wait = 0;
    }
    const better = this.#max ? current > this.best + this.minDelta : current < this.best - this.minDelta;
    if (better) {
      this.best = current;
      this.wait = 0;
    } else if (this.cooldownCounter <= 0) {
      this.wait += 1;
      if (this.wait >= this.patience) {
        const old = opt.learningRate;
        if (old > Math.fround(this.minLr)) {
          const lr = Math.max(old * this.factor, this.minLr);
          opt.learningRate = lr;
          if (this.verbose > 0)
            console.log(`\nEpoch ${epoch + 1}: ReduceLROnPlateau reducing learning rate to ${lr}.`);
          this.cooldownCounter = this.cooldown;
          this.wait = 0;
        }
      }
    }
  }
}
