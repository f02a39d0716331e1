/**
 * `keras.callbacks`: hooks into `fit`/`evaluate`/`predict`, and the interface
 * (`CallbackModel`) through which callbacks talk to the model.
 *
 * @example
 * ```ts
 * const early = new keras.callbacks.EarlyStopping({ patience: 10, restoreBestWeights: true });
 * await model.fit(X, y, { epochs: 100, validationData: [Xv, yv], callbacks: [early] });
 * ```
 */
export { Callback, requireModel, type HookResult } from "./callback.js";
export { CallbackList, type CallbackListOptions } from "./callback-list.js";
export { History } from "./history.js";
export type { CallbackModel, Logs, TrainingParams } from "./model.js";
export { EarlyStopping, type EarlyStoppingOptions } from "./early-stopping.js";
export { ModelCheckpoint, type ModelCheckpointOptions } from "./model-checkpoint.js";
export { LearningRateScheduler, ReduceLROnPlateau, type ReduceLROnPlateauOptions } from "./learning-rate.js";
export {
  TerminateOnNaN,
  CSVLogger,
  LambdaCallback,
  type CSVLoggerOptions,
  type LambdaCallbackOptions,
} from "./simple.js";
export {
  TrainingLogger,
  TensorBoard,
  readTrainingLog,
  type TrainingLogEvent,
  type TrainingLoggerOptions,
  type TensorBoardOptions,
} from "./training-log.js";
export { formatPath } from "./format-path.js";
export { biggerIsBetter, type MonitorMode } from "./monitor.js";
