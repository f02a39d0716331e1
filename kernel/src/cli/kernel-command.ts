// `tensorbook kernel CONNECTION_FILE`: what a kernelspec launches.
import { Kernel } from "../server/kernel.js";

/**
 * Runs a kernel until it is shut down; returns the exit code.
 *
 * @example
 * ```ts
 * process.exitCode = await kernelCommand(["/tmp/kernel-1.json"]);
 * ```
 */
export async function kernelCommand(args: readonly string[]): Promise<number> {
  const [file] = args;
  if (!file) {
    console.error(
      "usage: tensorbook kernel CONNECTION_FILE (the connection file Jupyter writes for a kernel)",
    );
    return 2;
  }
  const kernel = await Kernel.start(file);
  await kernel.stopped;
  // zeromq keeps the event loop alive until its context ends; the kernel is done, so exit.
  setImmediate(() => process.exit(0));
  return 0;
}
