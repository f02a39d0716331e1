// Which cell code belongs to. Output written from timers and promise callbacks is attributed to
// the cell that started them (AsyncLocalStorage follows the async chain), not to whichever cell
// happens to be running when it is written.
import { AsyncLocalStorage } from "node:async_hooks";
import { KeyboardInterrupt } from "./hooks.js";

/** One cell execution: its request id, count and interrupt state. */
export class CellContext {
  #interrupted = false;
  #wake: (() => void) | undefined;
  /** Resolves when the cell is interrupted. */
  readonly interruption: Promise<"interrupted">;

  constructor(
    readonly id: string,
    readonly executionCount: number,
  ) {
    this.interruption = new Promise((resolve) => {
      this.#wake = () => resolve("interrupted");
    });
  }

  get interrupted(): boolean {
    return this.#interrupted;
  }

  interrupt(): void {
    this.#interrupted = true;
    this.#wake?.();
  }

  throwIfInterrupted(): void {
    if (this.#interrupted) throw new KeyboardInterrupt();
  }
}

const storage = new AsyncLocalStorage<CellContext>();
let running: CellContext | undefined;
let last: CellContext | undefined;

/**
 * Stops async-context tracking until the next cell starts; called (through the inspector) just
 * before a busy cell's JavaScript is terminated. Callbacks started by earlier cells then write to
 * the running or last cell.
 */
export function suspendTracking(): void {
  storage.disable();
}

/** Runs `fn` as part of `cell`. */
export function runInCell<T>(cell: CellContext, fn: () => T): T {
  running = cell;
  last = cell;
  return storage.run(cell, fn);
}

/** Marks that no cell is running any more. */
export function cellFinished(cell: CellContext): void {
  if (running === cell) running = undefined;
}

/** The cell the calling code belongs to: its async origin, else the running one, else the last. */
export function currentCell(): CellContext | undefined {
  return storage.getStore() ?? running ?? last;
}

/** The cell being executed right now, if any. */
export function runningCell(): CellContext | undefined {
  return running;
}
