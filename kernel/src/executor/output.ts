// Output from the executor: stdout/stderr writes, displays, clear_output and input prompts, each
// sent to the host tagged with the cell it belongs to.
import type { JsonObject, MimeBundle } from "../protocol/messages.js";
import { SLOT, type ControlState } from "./control-state.js";
import { currentCell } from "./cell-context.js";
import { mimeBundle } from "./display.js";
import { emit } from "./event-pipe.js";
import { KeyboardInterrupt, type DisplayHandle, type DisplayOptions } from "./hooks.js";

type Write = typeof process.stdout.write;

/** Routes `process.stdout` / `process.stderr` writes (and so `console.*`) to the cells. */
export function captureStreams(): void {
  for (const name of ["stdout", "stderr"] as const) {
    const stream = process[name];
    const original = stream.write.bind(stream) as Write;
    const write = (chunk: unknown, encoding?: unknown, callback?: unknown): boolean => {
      const cell = currentCell();
      const cb = [encoding, callback].find((x): x is () => void => typeof x === "function");
      if (!cell) return original(chunk as string, cb);
      const text =
        typeof chunk === "string"
          ? chunk
          : Buffer.from(chunk as Uint8Array).toString(
              typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8",
            );
      emit({ type: "stream", cell: cell.id, name, text });
      if (cb) queueMicrotask(cb);
      return true;
    };
    stream.write = write as Write;
  }
}

/** Marks display handles, which are not shown as a cell's result (as `display` returns nothing). */
export const HANDLE = Symbol("tensorbook.displayHandle");

/** True for what `display` returns. */
export function isDisplayHandle(value: unknown): boolean {
  return typeof value === "object" && value !== null && HANDLE in value;
}

/** Sends a MIME bundle as display_data (or update_display_data). */
export function displayBundle(
  data: MimeBundle,
  options: DisplayOptions = {},
): DisplayHandle & { [HANDLE]: true } {
  const cell = currentCell();
  const displayId = options.displayId === true ? crypto.randomUUID() : options.displayId || undefined;
  const metadata: JsonObject = options.metadata ?? {};
  if (cell)
    emit({ type: "display", cell: cell.id, data, metadata, displayId, update: options.update === true });
  return {
    [HANDLE]: true,
    displayId,
    update(value: unknown) {
      if (displayId) displayBundle(mimeBundle(value), { displayId, update: true, metadata });
    },
  };
}

/**
 * `display(value, options?)` in cells: shows a value through the display protocol.
 *
 * @example
 * ```ts
 * const h = display("starting…", { displayId: true });
 * h.update("done");
 * ```
 */
export function display(value: unknown, options: DisplayOptions = {}): DisplayHandle & { [HANDLE]: true } {
  return displayBundle(mimeBundle(value), options);
}

/** `clearOutput(wait?)` in cells. */
export function clearOutput(wait = false): void {
  const cell = currentCell();
  if (cell) emit({ type: "clear", cell: cell.id, wait });
}

/**
 * Makes `prompt(message?, { password? })` for cells: asks the front end for a line of input and
 * waits for it (synchronously, as a browser's `prompt` does).
 */
export function makePrompt(
  shared: ControlState,
): (message?: string, options?: { password?: boolean }) => string {
  const state = new Int32Array(shared.state);
  const input = new Uint8Array(shared.input);
  return (message = "", options = {}) => {
    const cell = currentCell();
    if (!cell) throw new Error("prompt() needs a running cell to ask from");
    Atomics.store(state, SLOT.inputState, 0);
    Atomics.store(state, SLOT.inputWaiting, 1);
    emit({ type: "input", cell: cell.id, prompt: String(message), password: options.password === true });
    try {
      while (Atomics.load(state, SLOT.inputState) === 0) Atomics.wait(state, SLOT.inputState, 0);
    } finally {
      Atomics.store(state, SLOT.inputWaiting, 0);
    }
    if (Atomics.load(state, SLOT.inputState) === 3) {
      throw new Error(
        "prompt(): this front end does not accept input (its execute request had allow_stdin false)",
      );
    }
    if (Atomics.load(state, SLOT.inputState) === 2) {
      cell.interrupt();
      throw new KeyboardInterrupt();
    }
    const length = Atomics.load(state, SLOT.inputLength);
    return Buffer.from(input.subarray(0, length)).toString("utf8");
  };
}
