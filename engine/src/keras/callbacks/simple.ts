import { appendFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { Callback, requireModel, type HookResult } from "./callback.js";
import type { Logs } from "./model.js";

/**
 * Stops training when a batch's loss is NaN or infinite (`keras.callbacks.TerminateOnNaN`).
 *
 * @example
 * ```ts
 * await model.fit(X, y, { callbacks: [new keras.callbacks.TerminateOnNaN()] });
 * ```
 */
export class TerminateOnNaN extends Callback {
  override onBatchEnd(batch: number, logs?: Logs): void {
    const loss = logs?.loss;
    if (loss !== undefined && !Number.isFinite(loss)) {
      console.log(`Batch ${batch}: Invalid loss, terminating training`);
      requireModel(this).stopTraining = true;
    }
  }
}

/** Options of `CSVLogger`. */
export interface CSVLoggerOptions {
  /** The field separator (default ","). */
  separator?: string;
  /** Append to an existing file instead of overwriting it (default false). */
  append?: boolean;
}

/**
 * Writes one CSV row per epoch: `epoch` then the logs' keys in sorted order
 * (`keras.callbacks.CSVLogger`).
 *
 * @example
 * ```ts
 * await model.fit(X, y, { epochs: 10, callbacks: [new keras.callbacks.CSVLogger("training.log")] });
 * ```
 */
export class CSVLogger extends Callback {
  readonly filename: string;
  readonly separator: string;
  readonly append: boolean;
  #keys: string[] | null = null;
  #header = true;

  constructor(filename: string, opts: CSVLoggerOptions = {}) {
    super();
    this.filename = filename;
    this.separator = opts.separator ?? ",";
    this.append = opts.append ?? false;
  }

  override onTrainBegin(): void {
    this.#keys = null;
    const existing =
      this.append && existsSync(this.filename) && readFileSync(this.filename, "utf8").length > 0;
    this.#header = !existing;
    if (!this.append) writeFileSync(this.filename, "");
  }

  override onEpochEnd(epoch: number, logs: Logs = {}): void {
    this.#keys ??= Object.keys(logs).sort();
    const sep = this.separator;
    let text = "";
    if (this.#header) {
      text += ["epoch", ...this.#keys].join(sep) + "\n";
      this.#header = false;
    }
    text += [String(epoch), ...this.#keys.map((k) => (k in logs ? String(logs[k]) : "NA"))].join(sep) + "\n";
    appendFileSync(this.filename, text);
  }
}

type EpochHook = (epoch: number, logs?: Logs) => HookResult;
type BatchHook = (batch: number, logs?: Logs) => HookResult;
type RunHook = (logs?: Logs) => HookResult;

/** The hooks a `LambdaCallback` may be given. */
export interface LambdaCallbackOptions {
  onEpochBegin?: EpochHook;
  onEpochEnd?: EpochHook;
  onBatchBegin?: BatchHook;
  onBatchEnd?: BatchHook;
  onTrainBegin?: RunHook;
  onTrainEnd?: RunHook;
  onTestBegin?: RunHook;
  onTestEnd?: RunHook;
  onTestBatchBegin?: BatchHook;
  onTestBatchEnd?: BatchHook;
  onPredictBegin?: RunHook;
  onPredictEnd?: RunHook;
  onPredictBatchBegin?: BatchHook;
  onPredictBatchEnd?: BatchHook;
}

/**
 * A callback made of functions (`keras.callbacks.LambdaCallback`); `onBatchBegin`/`onBatchEnd`
 * run for training batches.
 *
 * @example
 * ```ts
 * const printEpoch = new keras.callbacks.LambdaCallback({ onEpochBegin: (epoch) => console.log(epoch) });
 * ```
 */
export class LambdaCallback extends Callback {
  constructor(hooks: LambdaCallbackOptions = {}) {
    super();
    for (const [name, fn] of Object.entries(hooks)) {
      if (typeof fn !== "function") continue;
      if (!(name in Callback.prototype)) {
        throw new TypeError(
          `LambdaCallback: unknown hook '${name}'; hooks: ${Object.getOwnPropertyNames(Callback.prototype)
            .filter((k) => k.startsWith("on"))
            .join(", ")}`,
        );
      }
      Object.defineProperty(this, name, { value: fn, writable: true });
    }
  }
}
