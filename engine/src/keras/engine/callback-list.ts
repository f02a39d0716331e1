import type { Callback, Logs } from "./parts.js";

// Calls every callback's hook in order, each with its own copy of the logs (a callback that
// writes into its logs, as the book's custom callbacks do with `logs.lr`, affects only itself
// and those after it, as in Keras where they share one dict).

type Hook =
  | "onTrainBegin"
  | "onTrainEnd"
  | "onTestBegin"
  | "onTestEnd"
  | "onPredictBegin"
  | "onPredictEnd";
type BatchHook =
  | "onEpochBegin"
  | "onEpochEnd"
  | "onTrainBatchBegin"
  | "onTrainBatchEnd"
  | "onTestBatchBegin"
  | "onTestBatchEnd"
  | "onPredictBatchBegin"
  | "onPredictBatchEnd";

/** The callbacks of one fit/evaluate/predict call. */
export class CallbackList {
  constructor(readonly callbacks: readonly Callback[]) {}

  setModel(model: unknown): void {
    for (const c of this.callbacks) c.setModel(model as never);
  }

  setParams(params: Record<string, unknown>): void {
    for (const c of this.callbacks) c.setParams(params as never);
  }

  call(hook: Hook, logs: Logs = {}): void {
    const shared = { ...logs };
    for (const c of this.callbacks) (c[hook] as (l: Logs) => void).call(c, shared);
  }

  callAt(hook: BatchHook, index: number, logs: Logs = {}): void {
    const shared = { ...logs };
    for (const c of this.callbacks) (c[hook] as (i: number, l: Logs) => void).call(c, index, shared);
  }
}
