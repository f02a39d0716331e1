import { gridOptions } from "../../display/grid.js";
import type { Column } from "../column.js";

// Cell formatting as pandas 1.5 does it for `to_string`/`repr`, so frames print the way the
// book shows them: floats share one fixed format per column (6 decimals, trailing zeros trimmed
// alike), switching to scientific notation for tiny or very long values.

/** pandas' display options that shape printed tables (their default values). */
export const displayOptions = {
  /** Frames longer than this are truncated … */
  maxRows: 60,
  /** … to this many rows (half at the top, half at the bottom). */
  minRows: 10,
  /** Frames wider than this show the first and last half of their columns. */
  maxColumns: 20,
  /** Cell text longer than this is cut with "...". */
  maxColwidth: 50,
  /** Plain-text tables wrap their columns at this width. */
  width: 80,
  /** Decimals of float cells. */
  precision: 6,
  /**
   * What the JupyterLab data grid's Arrow bundle may carry (`maxRows`, `maxCells`, `maxColumns`),
   * for frames, series and 2-D tensors alike; `maxRows: 0` leaves it out.
   */
  grid: gridOptions,
};

const NUMBER_WITH_DECIMAL = /^\s*[+-]?[0-9]+\.[0-9]*$/;

/** pandas' `_trim_zeros_float`: drops trailing zeros equally from every decimal number. */
function trimZeros(values: string[]): string[] {
  let out = values;
  for (;;) {
    const nums = out.filter((x) => NUMBER_WITH_DECIMAL.test(x));
    if (nums.length === 0 || !nums.every((x) => x.endsWith("0"))) break;
    out = out.map((x) => (NUMBER_WITH_DECIMAL.test(x) ? x.slice(0, -1) : x));
  }
  return out.map((x) => (NUMBER_WITH_DECIMAL.test(x) && x.endsWith(".") ? `${x}0` : x));
}

/** Python's `"{: .Nf}"` (leading space for non-negative numbers when `space`). */
function fixed(v: number, digits: number, space: boolean): string {
  if (!Number.isFinite(v)) return (space && v > 0 ? " " : "") + (v > 0 ? "inf" : "-inf");
  const s = Math.abs(v) < 1e21 ? v.toFixed(digits) : expo(v, digits);
  const neg = s.startsWith("-");
  return neg ? s : (space ? " " : "") + s;
}

/** Python's `"{:.Ne}"`: exponent with a sign and at least two digits. */
function expo(v: number, digits: number): string {
  const [m, e] = v.toExponential(digits).split("e");
  const n = Number(e);
  return `${m}e${n < 0 ? "-" : "+"}${String(Math.abs(n)).padStart(2, "0")}`;
}

/**
 * Formats float values as one pandas column: fixed notation with `precision` decimals, zeros
 * trimmed alike; scientific when a value is too small to show or too long. NaN prints `NaN`.
 */
export function formatFloats(
  values: ArrayLike<number>,
  space = true,
  digits = displayOptions.precision,
): string[] {
  const vals = Array.from(values);
  const withFormat = (f: (v: number) => string): string[] =>
    trimZeros(vals.map((v) => (v !== v ? "NaN" : f(v))));
  let out = withFormat((v) => fixed(v, digits, space));
  const maxLen = out.reduce((m, s) => Math.max(m, s.length), 0);
  const tooLong = maxLen > digits + 6;
  let large = false;
  let small = false;
  for (const v of vals) {
    const a = Math.abs(v);
    if (a > 1e6) large = true;
    if (a < 10 ** -digits && a > 0) small = true;
  }
  if (small || (tooLong && large)) {
    out = withFormat((v) => {
      if (!Number.isFinite(v)) return fixed(v, digits, space);
      const s = expo(v, digits);
      return v >= 0 && space ? ` ${s}` : s;
    });
  }
  return out;
}

/**
 * The cells of column `col` at `rows`, formatted as pandas prints them in a table: ints with a
 * leading space, floats as `formatFloats`, strings with a leading space, missing as `NaN`.
 */
export function formatCells(col: Column, rows: readonly number[], space = true): string[] {
  const lead = space ? " " : "";
  switch (col.dtype) {
    case "float64":
    case "float32":
      return formatFloats(
        rows.map((r) => col.numbers()[r]),
        space,
      );
    case "int32":
      if (col.vector.nullCount > 0)
        return formatFloats(
          rows.map((r) => col.numbers()[r]),
          space,
        );
      return rows.map((r) => {
        const v = col.rawNumbers()[r];
        return v < 0 ? String(v) : lead + String(v);
      });
    case "bool":
      return rows.map((r) => {
        const v = col.get(r);
        return lead + (v === null ? "NaN" : v ? "True" : "False");
      });
    default:
      return rows.map((r) => {
        // Missing values of object columns keep the leading space, as pandas prints them.
        const v = col.get(r);
        return lead + (v === null ? "NaN" : typeof v === "boolean" ? (v ? "True" : "False") : String(v));
      });
  }
}

/** Python's `str.center`, which puts the odd space on the left when the width is odd. */
export function center(s: string, width: number): string {
  const marg = width - s.length;
  if (marg <= 0) return s;
  const left = (marg >> 1) + (marg & width & 1);
  return " ".repeat(left) + s + " ".repeat(marg - left);
}

/** Cuts text longer than `displayOptions.maxColwidth`, ending it with "...". */
export function clip(s: string, width = displayOptions.maxColwidth): string {
  return s.length > width ? s.slice(0, width - 3) + "..." : s;
}

/** pandas' `adjoin`: columns of lines side by side, each left-justified to its width + `space`. */
export function adjoin(space: number, cols: readonly (readonly string[])[]): string {
  const lengths = cols.map(
    (c, i) => c.reduce((m, s) => Math.max(m, s.length), 0) + (i < cols.length - 1 ? space : 0),
  );
  const rows = cols.reduce((m, c) => Math.max(m, c.length), 0);
  const lines: string[] = [];
  for (let r = 0; r < rows; r++) {
    let line = "";
    cols.forEach((c, i) => (line += (c[r] ?? "").padEnd(lengths[i])));
    lines.push(line);
  }
  return lines.join("\n");
}

/** Positions shown of `n` rows: all, or head and tail halves of `minRows` past `maxRows`. */
export function shownPositions(n: number, max: number, min: number): { head: number[]; tail: number[] } {
  const range = (a: number, b: number): number[] =>
    Array.from({ length: Math.max(0, b - a) }, (_, i) => a + i);
  if (n <= max) return { head: range(0, n), tail: [] };
  const half = Math.floor(min / 2);
  return { head: range(0, half), tail: range(n - half, n) };
}

/** Bytes as pandas' `_sizeof_fmt` prints them ("1.6+ MB"). */
export function sizeofFmt(num: number, qualifier: string): string {
  for (const unit of ["bytes", "KB", "MB", "GB", "TB"]) {
    if (num < 1024) return `${num.toFixed(1)}${qualifier} ${unit}`;
    num /= 1024;
  }
  return `${num.toFixed(1)}${qualifier} PB`;
}
