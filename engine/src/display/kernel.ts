/**
 * The engine's view of the Tensorbook kernel's hooks (`globalThis[Symbol.for("tensorbook.kernel")]`,
 * documented in docs/kernel.md). The engine never imports the kernel: this structural type is the
 * whole contract, and every function here does nothing outside a kernel.
 */

/** Options of a kernel display. */
export interface KernelDisplayOptions {
  /** An id (or `true` for a fresh one) so the output can be updated in place later. */
  displayId?: string | boolean;
  /** Replace the output with this `displayId` instead of adding one. */
  update?: boolean;
}

/** A shown output that can be replaced in place. */
export interface KernelDisplayHandle {
  readonly displayId: string | undefined;
  update(value: unknown): void;
}

/** The part of the kernel's hooks the engine uses. */
export interface KernelHooks {
  display(value: unknown, options?: KernelDisplayOptions): KernelDisplayHandle;
  readonly cellEnd: Set<() => void | Promise<void>>;
  interrupted(): boolean;
  throwIfInterrupted(): void;
}

const KEY = Symbol.for("tensorbook.kernel");

/** The kernel's hooks when this code runs inside a Tensorbook kernel, else `undefined`. */
export function kernelHooks(): KernelHooks | undefined {
  const hooks = (globalThis as { [KEY]?: KernelHooks })[KEY];
  return hooks && typeof hooks.display === "function" ? hooks : undefined;
}

/**
 * Registers `callback` to run at the end of every cell (once, however often it is called); a
 * no-op outside a kernel.
 */
export function onCellEnd(callback: () => void | Promise<void>): void {
  kernelHooks()?.cellEnd.add(callback);
}

/** Throws the kernel's KeyboardInterrupt when the running cell was interrupted (e.g. between batches). */
export function checkInterrupt(): void {
  kernelHooks()?.throwIfInterrupted();
}
