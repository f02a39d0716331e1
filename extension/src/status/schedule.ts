// When the status bar asks a kernel for its backend again: after the kernel starts or restarts,
// and after each run of user code (a cell may have called `tb.setDevice("cuda")`), once the
// kernel is idle. The probe's own busy/idle cycle does not count, so asking never loops.

/** Tracks kernels' status changes and says when to probe. */
export class ProbeSchedule {
  readonly #dirty = new Set<string>();
  readonly #probing = new Set<string>();

  /** A kernel's status changed; true when the status bar should ask it now. */
  onStatus(kernelId: string, status: string): boolean {
    if (status === "starting" || status === "restarting" || status === "autorestarting") {
      this.#dirty.add(kernelId);
      return false;
    }
    if (status === "busy") {
      if (!this.#probing.has(kernelId)) this.#dirty.add(kernelId);
      return false;
    }
    if (status === "idle" && this.#dirty.has(kernelId) && !this.#probing.has(kernelId)) {
      this.#dirty.delete(kernelId);
      return true;
    }
    return false;
  }

  /** A probe of the kernel was sent (its busy/idle is not user code). */
  started(kernelId: string): void {
    this.#probing.add(kernelId);
  }

  /** The probe's reply arrived. */
  finished(kernelId: string): void {
    this.#probing.delete(kernelId);
  }
}
