import { createRequire } from "node:module";
import type * as Vega from "vega";
import type * as VegaLite from "vega-lite";

// vega and vega-lite are loaded on first use: they take a few hundred milliseconds to import,
// and most engine imports (tests, scripts) never draw anything. Both ship CommonJS builds, so
// a synchronous require keeps synchronous rendering possible.
const require = createRequire(import.meta.url);
let cached: { vega: typeof Vega; vl: typeof VegaLite } | undefined;

/** The vega and vega-lite modules (vega@5.33, vega-lite@5.23: what JupyterLab 4 renders). */
export function vegaLibs(): { vega: typeof Vega; vl: typeof VegaLite } {
  cached ??= { vega: require("vega") as typeof Vega, vl: require("vega-lite") as typeof VegaLite };
  return cached;
}

/** Messages Vega or Vega-Lite reported while compiling or rendering one spec. */
export interface Diagnostics {
  warnings: string[];
  errors: string[];
}

/** The logger interface of vega-util, as plt implements it. */
export interface CollectingLogger {
  level(l?: number): number | CollectingLogger;
  error(...args: readonly unknown[]): CollectingLogger;
  warn(...args: readonly unknown[]): CollectingLogger;
  info(...args: readonly unknown[]): CollectingLogger;
  debug(...args: readonly unknown[]): CollectingLogger;
}

/** A logger (vega-util's interface) that collects messages instead of printing them. */
export function collectingLogger(diag: Diagnostics): CollectingLogger {
  let lvl = 2;
  const text = (args: readonly unknown[]): string =>
    args.map((a) => (a instanceof Error ? a.message : String(a))).join(" ");
  const logger: CollectingLogger = {
    level(l?: number) {
      if (l === undefined) return lvl;
      lvl = l;
      return logger;
    },
    error(...args: readonly unknown[]) {
      diag.errors.push(text(args));
      return logger;
    },
    warn(...args: readonly unknown[]) {
      diag.warnings.push(text(args));
      return logger;
    },
    info() {
      return logger;
    },
    debug() {
      return logger;
    },
  };
  return logger;
}
