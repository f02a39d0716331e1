import type { Tensor } from "../../core/tensor.js";
import type { Optimizer } from "../optimizers/optimizer.js";

/**
 * What callbacks need from the model they watch (implemented by `keras.Model`): a flag that
 * stops `fit` after the current batch or epoch, the weights (for `EarlyStopping`'s
 * `restoreBestWeights`), the optimizer (for the learning-rate callbacks) and saving (for
 * `ModelCheckpoint`). A test can pass any object of this shape.
 *
 * @example
 * ```ts
 * const fake: keras.callbacks.CallbackModel = {
 *   stopTraining: false, optimizer: new keras.optimizers.SGD(),
 *   getWeights: () => weights, setWeights: (w) => { weights = [...w]; },
 *   save: (path) => { saved.push(path); }, saveWeights: (path) => { saved.push(path); },
 * };
 * ```
 */
export interface CallbackModel {
  /** Set to true to end `fit` (checked after each batch and epoch). */
  stopTraining: boolean;
  /** The model's optimizer (null before `compile`). */
  readonly optimizer: Optimizer | null | undefined;
  /** The values of every weight, in the model's order. */
  getWeights(): Tensor[];
  /** Replaces every weight's value (same order and shapes as `getWeights`). */
  setWeights(weights: readonly Tensor[]): void;
  /** Saves the whole model (architecture, weights, optimizer) to `filepath`. */
  save(filepath: string, opts?: { overwrite?: boolean }): void | Promise<void>;
  /** Saves only the weights to `filepath`. */
  saveWeights(filepath: string, opts?: { overwrite?: boolean }): void | Promise<void>;
}

/** The values a training loop reports to callbacks: `loss`, metric names, `val_` ones, `lr`. */
export type Logs = Record<string, number>;

/**
 * What `fit`/`evaluate`/`predict` tell callbacks about the run (`callback.params`): Keras'
 * `{ verbose, epochs, steps }`, plus what else the loop knows.
 */
export interface TrainingParams {
  /** Epochs `fit` will run (absent for evaluate/predict). */
  epochs?: number;
  /** Batches per epoch (null when unknown, e.g. an endless dataset). */
  steps?: number | null;
  /** 0 silent, 1 progress bar, 2 one line per epoch. */
  verbose?: number;
  /** The batch size, when the loop batches arrays itself. */
  batchSize?: number;
  /** The number of samples, when known. */
  samples?: number;
  /** Other facts a loop wants to pass along. */
  [key: string]: number | null | undefined;
}
