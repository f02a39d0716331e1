import { ValueError } from "../core/errors.js";

// NumPy's print options (np.set_printoptions / np.get_printoptions), with NumPy's defaults.

/** How floats are printed (NumPy's `floatmode`). */
export type FloatMode = "maxprec" | "maxprec_equal" | "fixed" | "unique";

/** The print options of `np.setPrintoptions`, camelCased. */
export interface PrintOptions {
  /** Digits after the decimal point (at most, in 'maxprec' mode). Default 8. */
  precision: number;
  /** Arrays with more elements than this are summarised with `...`. Default 1000. */
  threshold: number;
  /** Items kept at each end of a summarised axis. Default 3. */
  edgeitems: number;
  /** Characters per line before wrapping. Default 75. */
  linewidth: number;
  /** Print small floats as 0 in fixed-point instead of switching to scientific notation. Default false. */
  suppress: boolean;
  /** Text of NaN. Default "nan". */
  nanstr: string;
  /** Text of infinity. Default "inf". */
  infstr: string;
  /** Sign of positive floats: "-" (none), "+" or " ". Default "-". */
  sign: "-" | "+" | " ";
  /** Float digits policy. Default "maxprec". */
  floatmode: FloatMode;
}

const DEFAULTS: PrintOptions = {
  precision: 8,
  threshold: 1000,
  edgeitems: 3,
  linewidth: 75,
  suppress: false,
  nanstr: "nan",
  infstr: "inf",
  sign: "-",
  floatmode: "maxprec",
};

let current: PrintOptions = { ...DEFAULTS };

/** The options in force (read by the printer). */
export function printOptions(): Readonly<PrintOptions> {
  return current;
}

/**
 * Sets how arrays print, like `np.set_printoptions`; options not given keep their value.
 * `{ reset: true }` first restores NumPy's defaults.
 *
 * @example
 * ```ts
 * np.setPrintoptions({ precision: 3, suppress: true });
 * ```
 */
export function setPrintoptions(opts: Partial<PrintOptions> & { reset?: boolean } = {}): void {
  const { reset, ...given } = opts;
  const next: PrintOptions = { ...(reset ? DEFAULTS : current) };
  for (const [k, v] of Object.entries(given)) {
    if (v === undefined) continue;
    if (!(k in DEFAULTS)) throw new TypeError(`setPrintoptions() got an unexpected option '${k}'`);
    (next as unknown as Record<string, unknown>)[k] = v;
  }
  for (const k of ["precision", "threshold", "edgeitems", "linewidth"] as const) {
    if (!Number.isInteger(next[k]) || next[k] < 0) {
      throw new ValueError(`${k} must be a non-negative integer, got ${String(next[k])}`);
    }
  }
  if (!["-", "+", " "].includes(next.sign))
    throw new ValueError("sign option must be one of ' ', '+', or '-'");
  if (!["maxprec", "maxprec_equal", "fixed", "unique"].includes(next.floatmode)) {
    throw new ValueError(
      "floatmode option must be one of 'fixed', 'unique', 'maxprec', 'maxprec_equal', got " + next.floatmode,
    );
  }
  current = next;
}

/**
 * A copy of the print options in force (`np.get_printoptions`).
 *
 * @example
 * ```ts
 * np.getPrintoptions().precision; // 8
 * ```
 */
export function getPrintoptions(): PrintOptions {
  return { ...current };
}
