import { Column, type Scalar } from "./column.js";

/** Arithmetic operators between columns (or a column and a number). */
export type ArithOp = "add" | "sub" | "mul" | "div" | "floorDiv" | "mod" | "pow";
/** Comparison operators; missing values compare false (and unequal). */
export type CompareOp = "eq" | "ne" | "lt" | "le" | "gt" | "ge";

const FNS: Record<ArithOp, (a: number, b: number) => number> = {
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  mul: (a, b) => a * b,
  div: (a, b) => a / b,
  floorDiv: (a, b) => Math.floor(a / b),
  // Python's modulo takes the divisor's sign.
  mod: (a, b) => {
    const r = a % b;
    return r !== 0 && r < 0 !== b < 0 ? r + b : r;
  },
  pow: (a, b) => a ** b,
};

function isIntLike(x: Column | number): boolean {
  if (typeof x === "number") return Number.isInteger(x);
  return (x.dtype === "int32" && x.vector.nullCount === 0) || x.dtype === "bool";
}

/**
 * `a op b` element by element (`reversed` computes `b op a`, for `100 - s`). Integer inputs keep
 * an int32 result where pandas keeps int64 (not for `div`); anything missing gives NaN.
 *
 * @example
 * ```ts
 * arith(col, 15, "floorDiv"); // col // 15
 * ```
 */
export function arith(a: Column, b: Column | number, op: ArithOp, reversed = false): Column {
  if (a.isString || (typeof b !== "number" && b.isString)) {
    if (op === "add") return concatStrings(a, b, reversed);
    throw new TypeError(`unsupported operand for ${op}: string columns only support + (concatenation)`);
  }
  const x = a.numbers();
  const n = x.length;
  const out = new Float64Array(n);
  const f = FNS[op];
  if (typeof b === "number") {
    if (reversed) for (let i = 0; i < n; i++) out[i] = f(b, x[i]);
    else for (let i = 0; i < n; i++) out[i] = f(x[i], b);
  } else {
    if (b.length !== n) throw new RangeError(`operands have different lengths: ${n} and ${b.length}`);
    const y = b.numbers();
    if (reversed) for (let i = 0; i < n; i++) out[i] = f(y[i], x[i]);
    else for (let i = 0; i < n; i++) out[i] = f(x[i], y[i]);
  }
  const intResult = op !== "div" && isIntLike(a) && isIntLike(b) && !(op === "pow" && hasNegative(b));
  if (intResult) {
    let ok = true;
    for (let i = 0; i < n && ok; i++)
      if (!Number.isInteger(out[i]) || Math.abs(out[i]) > 2147483647) ok = false;
    if (ok) return Column.int32(Int32Array.from(out));
  }
  if (a.dtype === "float32" && (typeof b === "number" || b.dtype === "float32"))
    return Column.float32(Float32Array.from(out));
  return Column.float64(out);
}

function hasNegative(b: Column | number): boolean {
  if (typeof b === "number") return b < 0;
  const y = b.numbers();
  for (let i = 0; i < y.length; i++) if (y[i] < 0) return true;
  return false;
}

function concatStrings(a: Column, b: Column | number, reversed: boolean): Column {
  const n = a.length;
  const out: (string | null)[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const x = a.get(i);
    const y = typeof b === "number" ? b : b.get(i);
    out[i] = x === null || y === null ? null : reversed ? `${y}${x}` : `${x}${y}`;
  }
  return Column.strings(out);
}

/**
 * `a op b` as a bool column. Strings compare as text; missing values give false (true for `ne`).
 */
export function compare(a: Column, b: Column | Scalar, op: CompareOp): Column {
  const n = a.length;
  const out = new Uint8Array(n);
  const test = (c: number): boolean => {
    switch (op) {
      case "eq":
        return c === 0;
      case "ne":
        return c !== 0;
      case "lt":
        return c < 0;
      case "le":
        return c <= 0;
      case "gt":
        return c > 0;
      case "ge":
        return c >= 0;
    }
  };
  const missing = op === "ne" ? 1 : 0;
  if (b instanceof Column) {
    if (b.length !== n)
      throw new RangeError(`can only compare identically-labeled objects (${n} vs ${b.length} rows)`);
    for (let i = 0; i < n; i++) {
      const x = a.get(i);
      const y = b.get(i);
      out[i] = x === null || y === null ? missing : test(cmpScalar(x, y, op)) ? 1 : 0;
    }
    return Column.bool(out);
  }
  if (a.isString && (typeof b === "string" || b === null)) {
    // Compare each dictionary entry once, then map the codes.
    const dict = a.dictionary();
    const perCode = new Uint8Array(dict.length);
    dict.forEach((s, c) => (perCode[c] = b === null ? missing : test(s < b ? -1 : s > b ? 1 : 0) ? 1 : 0));
    const codes = a.codes();
    for (let i = 0; i < n; i++) out[i] = codes[i] < 0 ? missing : perCode[codes[i]];
    return Column.bool(out);
  }
  if (!a.isString && (typeof b === "number" || typeof b === "boolean")) {
    const x = a.numbers();
    const y = Number(b);
    for (let i = 0; i < n; i++) {
      const v = x[i];
      out[i] = v !== v ? missing : test(v < y ? -1 : v > y ? 1 : 0) ? 1 : 0;
    }
    return Column.bool(out);
  }
  for (let i = 0; i < n; i++) {
    const x = a.get(i);
    out[i] = x === null || b === null ? missing : test(cmpScalar(x, b, op)) ? 1 : 0;
  }
  return Column.bool(out);
}

function cmpScalar(x: Scalar, y: Scalar, op: CompareOp): number {
  if (typeof x === typeof y) {
    return (x as number) < (y as number) ? -1 : (x as number) > (y as number) ? 1 : 0;
  }
  if (op === "eq" || op === "ne") return 1;
  throw new TypeError(`'${op}' not supported between ${typeof x} and ${typeof y} values`);
}

/** Logical and/or/xor of bool columns (missing counts as false). */
export function logical(a: Column, b: Column | boolean, op: "and" | "or" | "xor"): Column {
  const x = asBools(a);
  const n = x.length;
  const y = typeof b === "boolean" ? null : asBools(b);
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const p = x[i];
    const q = y ? y[i] : b ? 1 : 0;
    out[i] = op === "and" ? p & q : op === "or" ? p | q : p ^ q;
  }
  return Column.bool(out);
}

/** Logical not (`~mask`). */
export function not(a: Column): Column {
  const x = asBools(a);
  const out = new Uint8Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = x[i] ? 0 : 1;
  return Column.bool(out);
}

/** A column as one byte per row, 1 for true; numbers are true when non-zero and present. */
export function asBools(a: Column): Uint8Array {
  if (a.dtype === "bool") {
    const b = a.bools();
    if (a.vector.nullCount === 0) return b;
    const out = b.slice();
    for (let i = 0; i < out.length; i++) if (!a.isValid(i)) out[i] = 0;
    return out;
  }
  if (a.isString) throw new TypeError("a string column cannot be used as a boolean mask");
  const x = a.numbers();
  const out = new Uint8Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = x[i] === x[i] && x[i] !== 0 ? 1 : 0;
  return out;
}

/** A numeric function applied to every value (`abs`, `round`, negation); keeps ints when it can. */
export function mapNumbers(a: Column, fn: (x: number) => number, keepInt = true): Column {
  const x = a.numbers();
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = fn(x[i]);
  if (keepInt && a.dtype === "int32" && a.vector.nullCount === 0) return Column.int32(Int32Array.from(out));
  return Column.float64(out);
}
