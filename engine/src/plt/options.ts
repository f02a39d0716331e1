import { ValueError } from "../core/errors.js";

/**
 * Checks that an options object holds only known keys, so a misspelt option (`linewidht`) fails
 * loudly instead of being ignored the way a Python **kwargs typo would raise.
 */
export function checkOptions(fn: string, opts: object | undefined, accepted: readonly string[]): void {
  if (opts === undefined || opts === null) return;
  if (typeof opts !== "object" || Array.isArray(opts)) {
    throw new TypeError(
      `plt.${fn}: options must be an object, got ${Array.isArray(opts) ? "an array" : typeof opts}`,
    );
  }
  for (const key of Object.keys(opts)) {
    if (!accepted.includes(key)) {
      throw new ValueError(
        `plt.${fn}: unknown option "${key}"; accepted options: ${[...accepted].sort().join(", ")}`,
      );
    }
  }
}

/** Checks that a string option is one of a fixed set; the error names the option and the set. */
export function checkChoice<T extends string>(
  fn: string,
  name: string,
  value: string,
  accepted: readonly T[],
): T {
  if (!(accepted as readonly string[]).includes(value)) {
    throw new ValueError(
      `plt.${fn}: unknown ${name} ${JSON.stringify(value)}; accepted values: ${accepted.map((a) => JSON.stringify(a)).join(", ")}`,
    );
  }
  return value as T;
}
