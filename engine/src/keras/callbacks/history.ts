import { Callback } from "./callback.js";
import type { Logs } from "./model.js";

/**
 * Records every epoch's logs (`keras.callbacks.History`); `fit` returns it. `history` maps each
 * log key (`loss`, `val_loss`, metric names, `lr`) to its values per epoch, `epoch` lists the
 * epoch numbers (0-based), `params` the run's parameters.
 *
 * @example
 * ```ts
 * const history = await model.fit(X, y, { epochs: 30, validationData: [Xv, yv] });
 * history.history.val_loss; // 30 numbers
 * pd.DataFrame(history.history).plot();
 * ```
 */
export class History extends Callback {
  /** Each log key's values per epoch. */
  history: Record<string, number[]> = {};
  /** The epochs recorded (0-based). */
  epoch: number[] = [];

  override onTrainBegin(): void {
    this.epoch = [];
  }

  override onEpochEnd(epoch: number, logs: Logs = {}): void {
    this.epoch.push(epoch);
    for (const [k, v] of Object.entries(logs)) (this.history[k] ??= []).push(v);
  }
}
