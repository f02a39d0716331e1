/** A JSON value: what Vega-Lite specs are made of. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** A JSON object. */
export type JsonObject = { [key: string]: Json };

/**
 * A number as it goes into a spec: 7 significant digits (enough for any plot, and it keeps
 * specs small), null for NaN/±∞ so lines break there instead of failing.
 */
export function num(v: number): number | null {
  return Number.isFinite(v) ? +v.toPrecision(7) : null;
}
