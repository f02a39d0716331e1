// What the executor offers to code that must not import the kernel (the engine: `plt` showing an
// open figure when a cell ends, Keras `fit` stopping on an interrupt, live progress displays).
// It lives on globalThis under a registered symbol, so the engine can look it up when present and
// do nothing when it runs outside a kernel.
import type { JsonObject, MimeBundle } from "../protocol/messages.js";

/** The registered symbol under which the hooks live on `globalThis`. */
export const KERNEL_HOOKS = Symbol.for("tensorbook.kernel");

/** Options of `display`. */
export interface DisplayOptions {
  /** Gives the output an id so it can be updated later; `true` makes a fresh id. */
  displayId?: string | boolean;
  /** Replaces the output that has this `displayId` instead of adding one. */
  update?: boolean;
  /** Output metadata (for example `{ "image/png": { width: 200 } }`). */
  metadata?: JsonObject;
}

/** A shown output that can be updated in place. */
export interface DisplayHandle {
  readonly displayId: string | undefined;
  /** Replaces the output with `value`'s rendering. */
  update(value: unknown): void;
}

/** Run when a cell ends, in that cell's context: what it displays goes to that cell. */
export type CellEndCallback = () => void | Promise<void>;

/**
 * The kernel hooks at `globalThis[Symbol.for("tensorbook.kernel")]`.
 *
 * @example
 * ```ts
 * const kernel = (globalThis as { [k: symbol]: KernelHooks | undefined })[Symbol.for("tensorbook.kernel")];
 * kernel?.cellEnd.add(() => { if (openFigure) kernel.display(openFigure); });
 * kernel?.throwIfInterrupted(); // between batches of a training loop
 * ```
 */
export interface KernelHooks {
  /** Version of this interface. */
  readonly version: 1;
  /** Shows a value in the current cell's output (the display protocol decides how). */
  display(value: unknown, options?: DisplayOptions): DisplayHandle;
  /** Sends a ready-made MIME bundle. */
  displayBundle(bundle: MimeBundle, options?: DisplayOptions): DisplayHandle;
  /** Clears the current cell's output (`wait`: when the next output arrives). */
  clearOutput(wait?: boolean): void;
  /** Callbacks run after every cell, after its result is shown; add and delete freely. */
  readonly cellEnd: Set<CellEndCallback>;
  /** True once the cell running this code has been interrupted. */
  interrupted(): boolean;
  /** Throws a `KeyboardInterrupt` error if the cell running this code has been interrupted. */
  throwIfInterrupted(): void;
  /** The execution count of the cell running this code, if any. */
  executionCount(): number | undefined;
}

/** The error an interrupted cell ends with. */
export class KeyboardInterrupt extends Error {
  override name = "KeyboardInterrupt";
  constructor() {
    super("the cell was interrupted");
  }
}
