import { castColumn } from "../build.js";
import { Column, type ColumnDType } from "../column.js";
import { fieldText, type Tokens } from "./tokenize.js";

/** pandas' default missing-value markers (`keep_default_na=True`). */
export const DEFAULT_NA: readonly string[] = [
  "",
  "#N/A",
  "#N/A N/A",
  "#NA",
  "-1.#IND",
  "-1.#QNAN",
  "-NaN",
  "-nan",
  "1.#IND",
  "1.#QNAN",
  "<NA>",
  "N/A",
  "NA",
  "NULL",
  "NaN",
  "None",
  "n/a",
  "nan",
  "null",
];

const TRUE_WORDS = new Set(["True", "TRUE", "true"]);
const FALSE_WORDS = new Set(["False", "FALSE", "false"]);
const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);

/** How one column's fields are turned into values. */
export interface ConvertSpec {
  readonly naValues: ReadonlySet<string>;
  /** Code of the thousands separator, or -1. */
  readonly thousands: number;
  readonly dtype?: ColumnDType;
}

// Set by parseNumber: whether the last number had no fraction or exponent.
let lastWasInteger = false;

/**
 * Parses the characters `text[s:e]` as a decimal number (surrounding blanks allowed, optional
 * thousands separators in the integer part), or NaN when they are not one. Short mantissas are
 * built exactly and divided once by an exact power of ten, which rounds correctly; anything
 * longer goes through `Number`, also correctly rounded, so values equal pandas' parser's.
 */
export function parseNumber(text: string, s: number, e: number, thousands: number): number {
  while (s < e && text.charCodeAt(s) <= 32) s++;
  while (e > s && text.charCodeAt(e - 1) <= 32) e--;
  if (s === e) return NaN;
  let i = s;
  let neg = false;
  let c = text.charCodeAt(i);
  if (c === 45 || c === 43) {
    neg = c === 45;
    i++;
  }
  let mant = 0;
  let digits = 0;
  let frac = 0;
  let sawDigit = false;
  let sawThousands = false;
  for (; i < e; i++) {
    c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      mant = mant * 10 + (c - 48);
      if (mant !== 0) digits++;
      sawDigit = true;
    } else if (c === thousands && sawDigit) {
      sawThousands = true;
    } else break;
  }
  let integer = true;
  if (i < e && text.charCodeAt(i) === 46) {
    integer = false;
    i++;
    for (; i < e; i++) {
      c = text.charCodeAt(i);
      if (c < 48 || c > 57) break;
      mant = mant * 10 + (c - 48);
      if (mant !== 0) digits++;
      frac++;
      sawDigit = true;
    }
  }
  if (!sawDigit) return parseSpecial(text, s, e);
  if (i < e) {
    c = text.charCodeAt(i);
    if (c !== 101 && c !== 69) return NaN;
    // An exponent: let Number parse the whole (correctly rounded).
    let raw = text.slice(s, e);
    if (sawThousands) raw = raw.split(String.fromCharCode(thousands)).join("");
    if (!/^[+-]?(\d+\.?\d*|\.\d+)[eE][+-]?\d+$/.test(raw)) return NaN;
    lastWasInteger = false;
    return Number(raw);
  }
  lastWasInteger = integer;
  if (digits > 15 || frac > 22) {
    let raw = text.slice(s, e);
    if (sawThousands) raw = raw.split(String.fromCharCode(thousands)).join("");
    return Number(raw);
  }
  const v = frac === 0 ? mant : mant / POW10[frac];
  return neg ? -v : v;
}

function parseSpecial(text: string, s: number, e: number): number {
  if (e - s > 9) return NaN;
  const w = text.slice(s, e).toLowerCase();
  lastWasInteger = false;
  if (w === "inf" || w === "+inf" || w === "infinity" || w === "+infinity") return Infinity;
  if (w === "-inf" || w === "-infinity") return -Infinity;
  return NaN;
}

/** The field index of column `col` in row `r`, or -1 when the row is short. */
function fieldOf(t: Tokens, r: number, col: number): number {
  const f = t.rowStarts[r] + col;
  return f < t.rowStarts[r + 1] ? f : -1;
}

/**
 * Builds column `col` from the records `rows` (record indexes), inferring its type as pandas
 * does (int when every value is an integer and none is missing, float, bool, else strings), or
 * converting to `spec.dtype`.
 */
export function convertColumn(t: Tokens, rows: Int32Array, col: number, spec: ConvertSpec): Column {
  const want = spec.dtype;
  if (want === "object" || want === "category") {
    const c = stringColumn(t, rows, col, spec);
    return want === "category" ? castColumn(c, "category") : c;
  }
  const n = rows.length;
  const values = new Float64Array(n);
  let allInt = true;
  let missing = false;
  let bools = 0;
  // Numbers the user listed as missing markers ("-999") must be compared as text.
  const numericNa = [...spec.naValues].some((v) => v !== "" && !Number.isNaN(Number(v)));
  const text = t.text;
  for (let k = 0; k < n; k++) {
    const f = fieldOf(t, rows[k], col);
    if (f < 0) {
      values[k] = NaN;
      missing = true;
      continue;
    }
    const s = t.starts[f];
    const e = t.ends[f];
    if (s === e && spec.naValues.has("")) {
      values[k] = NaN;
      missing = true;
      continue;
    }
    if (numericNa && spec.naValues.has(fieldText(t, f))) {
      values[k] = NaN;
      missing = true;
      continue;
    }
    const x = t.quoted[f] === 3 ? Number.NaN : parseNumber(text, s, e, spec.thousands);
    if (x === x) {
      values[k] = x;
      if (!lastWasInteger || x > 2147483647 || x < -2147483648) allInt = false;
      continue;
    }
    const word = fieldText(t, f);
    if (spec.naValues.has(word)) {
      values[k] = NaN;
      missing = true;
      continue;
    }
    if (TRUE_WORDS.has(word) || FALSE_WORDS.has(word)) {
      values[k] = TRUE_WORDS.has(word) ? 1 : 0;
      bools++;
      continue;
    }
    if (want !== undefined) {
      throw new TypeError(`cannot convert ${JSON.stringify(word)} (line ${t.rowLines[rows[k]]}) to ${want}`);
    }
    return stringColumn(t, rows, col, spec);
  }
  if (bools > 0) {
    // Only a column of nothing but True/False words is bool; mixed with numbers or missing
    // values it is object, as in pandas.
    if (bools === n)
      return want && want !== "bool" ? castColumn(boolColumn(values), want) : boolColumn(values);
    if (want === undefined) return stringColumn(t, rows, col, spec);
  }
  let out: Column;
  if (allInt && !missing && n > 0) out = Column.int32(Int32Array.from(values));
  else out = Column.float64(values);
  return want !== undefined ? castColumn(out, want) : out;
}

function boolColumn(values: Float64Array): Column {
  const out = new Uint8Array(values.length);
  for (let i = 0; i < out.length; i++) out[i] = values[i] === 1 ? 1 : 0;
  return Column.bool(out);
}

function stringColumn(t: Tokens, rows: Int32Array, col: number, spec: ConvertSpec): Column {
  const n = rows.length;
  const codes = new Int32Array(n);
  const map = new Map<string, number>();
  const dict: string[] = [];
  for (let k = 0; k < n; k++) {
    const f = fieldOf(t, rows[k], col);
    const word = f < 0 ? null : fieldText(t, f);
    if (word === null || spec.naValues.has(word)) {
      codes[k] = -1;
      continue;
    }
    let c = map.get(word);
    if (c === undefined) {
      c = dict.length;
      map.set(word, c);
      dict.push(word);
    }
    codes[k] = c;
  }
  return Column.fromCodes(codes, dict);
}
