import type { CallbackModel, Logs, TrainingParams } from "./model.js";

/** What a hook returns: nothing, or a promise the training loop awaits (e.g. a file write). */
export type HookResult = void | Promise<void>;

/**
 * The base of callbacks (`keras.callbacks.Callback`): override the hooks you need. `fit` calls
 * `setModel`/`setParams` first, then `onTrainBegin`, per epoch `onEpochBegin`, per batch
 * `onTrainBatchBegin`/`onTrainBatchEnd` (Keras 2's `onBatchBegin`/`onBatchEnd` are called for
 * them too), validation's `onTest*` hooks, `onEpochEnd` with the epoch's logs (which a callback
 * may extend, e.g. with `lr`), and `onTrainEnd`. Epochs and batches are 0-based. Hooks may be
 * async; the loop awaits them.
 *
 * @example
 * ```ts
 * class PrintValTrainRatio extends keras.callbacks.Callback {
 *   onEpochEnd(epoch: number, logs: keras.callbacks.Logs = {}) {
 *     console.log(`Epoch ${epoch}: val/train = ${(logs.val_loss / logs.loss).toFixed(2)}`);
 *   }
 * }
 * ```
 */
export class Callback {
  /** The model being trained (set by `fit` before `onTrainBegin`). */
  model: CallbackModel | null = null;
  /** The run's parameters (set by `fit`). */
  params: TrainingParams = {};

  /** Called by the loop with the model. */
  setModel(model: CallbackModel): void {
    this.model = model;
  }

  /** Called by the loop with the run's parameters. */
  setParams(params: TrainingParams): void {
    this.params = params;
  }

  onTrainBegin(_logs?: Logs): HookResult {}
  onTrainEnd(_logs?: Logs): HookResult {}
  onEpochBegin(_epoch: number, _logs?: Logs): HookResult {}
  onEpochEnd(_epoch: number, _logs?: Logs): HookResult {}
  onTrainBatchBegin(_batch: number, _logs?: Logs): HookResult {}
  onTrainBatchEnd(_batch: number, _logs?: Logs): HookResult {}
  /** Keras 2's name for the train-batch hook; called right after `onTrainBatchBegin`. */
  onBatchBegin(_batch: number, _logs?: Logs): HookResult {}
  /** Keras 2's name for the train-batch hook; called right after `onTrainBatchEnd`. */
  onBatchEnd(_batch: number, _logs?: Logs): HookResult {}
  onTestBegin(_logs?: Logs): HookResult {}
  onTestEnd(_logs?: Logs): HookResult {}
  onTestBatchBegin(_batch: number, _logs?: Logs): HookResult {}
  onTestBatchEnd(_batch: number, _logs?: Logs): HookResult {}
  onPredictBegin(_logs?: Logs): HookResult {}
  onPredictEnd(_logs?: Logs): HookResult {}
  onPredictBatchBegin(_batch: number, _logs?: Logs): HookResult {}
  onPredictBatchEnd(_batch: number, _logs?: Logs): HookResult {}

  /** Callbacks save no config of their own by default. */
  getConfig(): Record<string, never> {
    return {};
  }
}

/** The model a callback watches, or an error saying the callback is not attached. */
export function requireModel(cb: Callback): CallbackModel {
  if (!cb.model) {
    throw new Error(
      `${cb.constructor.name} is not attached to a model; pass it to model.fit({ callbacks: [...] })`,
    );
  }
  return cb.model;
}
