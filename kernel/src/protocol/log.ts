// Kernel log lines go to stderr, which Jupyter servers keep in their own log.

/**
 * Writes one log line to stderr, prefixed so it is recognisable in a Jupyter server's log.
 *
 * @example
 * ```ts
 * log("dropped a message with a bad signature on shell");
 * ```
 */
export function log(message: string): void {
  process.stderr.write(`[tensorbook kernel] ${message}\n`);
}
