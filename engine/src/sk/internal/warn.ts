/**
 * scikit-learn's warnings (ConvergenceWarning, DataConversionWarning, ...) as Node process
 * warnings: shown once per message by the kernel, never thrown.
 */
const seen = new Set<string>();

/** Emits a warning of the given category (each distinct message once per session). */
export function warn(message: string, category = "UserWarning"): void {
  const key = `${category}:${message}`;
  if (seen.has(key)) return;
  seen.add(key);
  const proc = (globalThis as { process?: { emitWarning?: (m: string, t: string) => void } }).process;
  if (proc?.emitWarning) proc.emitWarning(message, category);
  else console.warn(`${category}: ${message}`);
}
