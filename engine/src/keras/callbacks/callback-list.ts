import { Callback } from "./callback.js";
import { History } from "./history.js";
import type { CallbackModel, Logs, TrainingParams } from "./model.js";

/** Options of `CallbackList`. */
export interface CallbackListOptions {
  model?: CallbackModel;
  params?: TrainingParams;
  /** Append a `History` (unless one is in the list already); `history` returns it. */
  addHistory?: boolean;
}

/**
 * The callbacks of one `fit`/`evaluate`/`predict` run, called in order and awaited one by one
 * (Keras' `CallbackList`). Training loops use it so they need not know the hooks' details: it
 * calls Keras 2's `onBatchBegin`/`onBatchEnd` after the train-batch hooks, and hands every
 * callback the same logs object, so what one adds (`lr`) the next ones and `History` see.
 *
 * @example
 * ```ts
 * const cbs = new CallbackList(userCallbacks, { model, params: { epochs, steps, verbose }, addHistory: true });
 * await cbs.onTrainBegin();
 * await cbs.onEpochBegin(0);
 * await cbs.onTrainBatchEnd(0, { loss: 0.7 });
 * await cbs.onEpochEnd(0, logs);
 * await cbs.onTrainEnd(logs);
 * return cbs.history;
 * ```
 */
export class CallbackList {
  readonly callbacks: Callback[];
  #history: History | null = null;

  constructor(callbacks: readonly Callback[] = [], opts: CallbackListOptions = {}) {
    for (const c of callbacks) {
      if (!(c instanceof Callback)) {
        throw new TypeError(
          `callbacks must be keras.callbacks.Callback objects; got ${String(c)} (wrap functions in new keras.callbacks.LambdaCallback({ ... }))`,
        );
      }
    }
    this.callbacks = [...callbacks];
    if (opts.addHistory) {
      this.#history = this.callbacks.find((c): c is History => c instanceof History) ?? new History();
      if (!this.callbacks.includes(this.#history)) this.callbacks.push(this.#history);
    }
    if (opts.model) this.setModel(opts.model);
    if (opts.params) this.setParams(opts.params);
  }

  /** The `History` added by `addHistory`. */
  get history(): History {
    if (!this.#history) throw new Error("this CallbackList was made without { addHistory: true }");
    return this.#history;
  }

  /** Adds a callback at the end (e.g. the progress display). */
  append(cb: Callback): void {
    this.callbacks.push(cb);
  }

  setModel(model: CallbackModel): void {
    for (const c of this.callbacks) c.setModel(model);
  }

  setParams(params: TrainingParams): void {
    for (const c of this.callbacks) c.setParams(params);
  }

  /**
   * Whether any callback has a training-batch hook of its own (`onTrainBatchBegin`/`End` or
   * Keras 2's `onBatchBegin`/`End`); without one the training loop skips calling them and
   * computing the per-batch logs they would receive.
   */
  hasTrainBatchHooks(): boolean {
    const base = Callback.prototype;
    return this.callbacks.some(
      (c) =>
        c.onTrainBatchBegin !== base.onTrainBatchBegin ||
        c.onTrainBatchEnd !== base.onTrainBatchEnd ||
        c.onBatchBegin !== base.onBatchBegin ||
        c.onBatchEnd !== base.onBatchEnd,
    );
  }

  private async each(f: (c: Callback) => void | Promise<void>): Promise<void> {
    for (const c of this.callbacks) await f(c);
  }

  onTrainBegin(logs: Logs = {}): Promise<void> {
    return this.each((c) => c.onTrainBegin(logs));
  }
  onTrainEnd(logs: Logs = {}): Promise<void> {
    return this.each((c) => c.onTrainEnd(logs));
  }
  onEpochBegin(epoch: number, logs: Logs = {}): Promise<void> {
    return this.each((c) => c.onEpochBegin(epoch, logs));
  }
  onEpochEnd(epoch: number, logs: Logs = {}): Promise<void> {
    return this.each((c) => c.onEpochEnd(epoch, logs));
  }
  onTrainBatchBegin(batch: number, logs: Logs = {}): Promise<void> {
    return this.each(async (c) => {
      await c.onTrainBatchBegin(batch, logs);
      await c.onBatchBegin(batch, logs);
    });
  }
  onTrainBatchEnd(batch: number, logs: Logs = {}): Promise<void> {
    return this.each(async (c) => {
      await c.onTrainBatchEnd(batch, logs);
      await c.onBatchEnd(batch, logs);
    });
  }
  onTestBegin(logs: Logs = {}): Promise<void> {
    return this.each((c) => c.onTestBegin(logs));
  }
  onTestEnd(logs: Logs = {}): Promise<void> {
    return this.each((c) => c.onTestEnd(logs));
  }
  onTestBatchBegin(batch: number, logs: Logs = {}): Promise<void> {
    return this.each((c) => c.onTestBatchBegin(batch, logs));
  }
  onTestBatchEnd(batch: number, logs: Logs = {}): Promise<void> {
    return this.each((c) => c.onTestBatchEnd(batch, logs));
  }
  onPredictBegin(logs: Logs = {}): Promise<void> {
    return this.each((c) => c.onPredictBegin(logs));
  }
  onPredictEnd(logs: Logs = {}): Promise<void> {
    return this.each((c) => c.onPredictEnd(logs));
  }
  onPredictBatchBegin(batch: number, logs: Logs = {}): Promise<void> {
    return this.each((c) => c.onPredictBatchBegin(batch, logs));
  }
  onPredictBatchEnd(batch: number, logs: Logs = {}): Promise<void> {
    return this.each((c) => c.onPredictBatchEnd(batch, logs));
  }
}
