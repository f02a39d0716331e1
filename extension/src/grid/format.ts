// How the grid writes a cell: close to pandas' display (6 significant digits for floats,
// integers in full, NaN for missing numbers and None for missing objects).

/**
 * The text of one cell of a column with `numeric` values, cut to `maxChars`; `float` says the
 * column's dtype is a float one, so whole numbers print as `3.0`, as pandas prints them.
 */
export function formatCell(v: unknown, numeric: boolean, maxChars: number, float = false): string {
  let s: string;
  if (v === null || v === undefined) s = numeric ? "NaN" : "None";
  else if (typeof v === "number") {
    s = Number.isInteger(v) && Math.abs(v) < 1e16 ? (float ? `${v}.0` : String(v)) : formatFloat(v);
  } else if (typeof v === "bigint") s = v.toString();
  else if (typeof v === "boolean") s = v ? "True" : "False";
  else if (v instanceof Date) s = v.toISOString().replace("T00:00:00.000Z", "");
  else s = String(v);
  return s.length > maxChars ? `${s.slice(0, Math.max(1, maxChars - 1))}…` : s;
}

/** A float with 6 significant digits, scientific when very large or small. */
export function formatFloat(v: number): string {
  if (!Number.isFinite(v)) return Number.isNaN(v) ? "NaN" : v > 0 ? "inf" : "-inf";
  const a = Math.abs(v);
  if (a !== 0 && (a >= 1e16 || a < 1e-4)) return v.toExponential(5).replace(/\.?0+e/, "e");
  return String(Number(v.toPrecision(6)));
}
