// The magics that act on the executor's session: %env, %who, %reset.

/** The session's variables: names declared by cells, in the order first declared. */
export const sessionNames = new Set<string>();

/**
 * Declares session variables as configurable global properties (so `%reset` can delete them),
 * keeping the value of a name that already exists.
 */
export function declareSessionNames(names: readonly string[]): void {
  for (const name of names) {
    sessionNames.add(name);
    if (!Object.prototype.hasOwnProperty.call(globalThis, name)) {
      Object.defineProperty(globalThis, name, {
        value: undefined,
        writable: true,
        configurable: true,
        enumerable: true,
      });
    }
  }
}

/** `%who`: the session's variable names, tab-separated, as IPython prints them. */
export function who(): string {
  const names = [...sessionNames].filter((n) => Object.prototype.hasOwnProperty.call(globalThis, n)).sort();
  return names.length ? `${names.join("\t")}\n` : "Interactive namespace is empty.\n";
}

/** `%reset`: deletes every session variable; returns how many there were. */
export function reset(): number {
  let n = 0;
  for (const name of sessionNames) {
    if (Reflect.deleteProperty(globalThis, name)) n++;
    else (globalThis as Record<string, unknown>)[name] = undefined;
  }
  sessionNames.clear();
  return n;
}

/**
 * `%env`: no argument lists the environment; `NAME` shows one variable; `NAME=value` or
 * `NAME value` sets one. Returns the text to print.
 */
export function env(args: string): string {
  const a = args.trim();
  if (a === "") {
    return (
      Object.keys(process.env)
        .sort()
        .map((k) => `${k}=${process.env[k]}`)
        .join("\n") + "\n"
    );
  }
  const m = /^([^=\s]+)(?:\s*=\s*|\s+)(.*)$/s.exec(a);
  if (!m) {
    const value = process.env[a];
    if (value === undefined) throw new Error(`%env: no environment variable "${a}"`);
    return `${value}\n`;
  }
  process.env[m[1]] = m[2];
  return `env: ${m[1]}=${m[2]}\n`;
}
