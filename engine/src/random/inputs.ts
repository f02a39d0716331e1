/** Conversions of the caller's numbers and arrays into what the samplers consume. */
import { ValueError } from "./errors.js";
import type { ArrayInput, RawArray, RawDType } from "./types.js";
import { isRawArray } from "./types.js";

/** A C-ordered float64 copy-free view (or copy) of an input, with its shape. */
export interface Float64Input {
  data: Float64Array;
  shape: number[];
}

/** Reads an array input as float64 data plus shape (copying only when the type differs). */
export function asFloat64(x: ArrayInput): Float64Input {
  if (isRawArray(x)) {
    return { data: x.data instanceof Float64Array ? x.data : Float64Array.from(x.data), shape: [...x.shape] };
  }
  return { data: x instanceof Float64Array ? x : Float64Array.from(x), shape: [x.length] };
}

/** Reads a 2-d input given as nested rows or a RawArray. */
export function asMatrix(x: readonly (readonly number[])[] | RawArray, what: string): Float64Input {
  if (isRawArray(x)) return asFloat64(x);
  const rows = x.length;
  const cols = rows > 0 ? x[0].length : 0;
  const data = new Float64Array(rows * cols);
  x.forEach((row, i) => {
    if (!Array.isArray(row) || row.length !== cols) {
      throw new ValueError(`${what} must be a rectangular 2-d array: row ${i} has a different length`);
    }
    for (let j = 0; j < cols; j++) data[i * cols + j] = row[j];
  });
  return { data, shape: [rows, cols] };
}

/** The dtype NumPy would give a plain JS number list: int (int32 here) when all are integers that fit. */
export function inferDType(values: ArrayLike<number>): "int32" | "float64" {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isInteger(v) || v < -2147483648 || v > 2147483647) return "float64";
  }
  return "int32";
}

/** An empty typed array for a dtype. */
export function allocate(dtype: RawDType, n: number): RawArray["data"] {
  switch (dtype) {
    case "float64":
      return new Float64Array(n);
    case "int32":
      return new Int32Array(n);
    default:
      return new Uint8Array(n);
  }
}

/** Python's `operator.index`: an integer or a TypeError in Python's words. */
export function toIndex(x: number, what: string): number {
  if (typeof x !== "number" || !Number.isInteger(x)) {
    throw new TypeError(
      `'${typeof x === "number" ? "float" : typeof x}' object cannot be interpreted as an integer (${what} must be an integer, got ${String(x)})`,
    );
  }
  return x;
}
