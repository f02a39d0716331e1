import { ValueError } from "./errors.js";

/** Element types the random layer produces (the engine's dtype names). */
export type RawDType = "float64" | "int32" | "uint8" | "bool";

/** The typed array that stores each {@link RawDType} (bool as 0/1 bytes). */
export interface RawDataFor {
  float64: Float64Array;
  int32: Int32Array;
  uint8: Uint8Array;
  bool: Uint8Array;
}

/**
 * A plain n-d result: C-ordered `data` of `shape`, tagged with its dtype. The engine wraps it
 * into a Tensor; the random layer itself does not depend on the Tensor class.
 */
export interface RawArray<D extends RawDType = RawDType> {
  data: RawDataFor[D];
  shape: number[];
  dtype: D;
}

/** NumPy's `size` argument: `null`/`undefined` (one scalar), an int, or a shape. */
export type Size = number | readonly number[] | null | undefined;

/** Numbers a caller may pass where NumPy takes a 1-d array_like. */
export type NumericArrayLike = readonly number[] | Float64Array | Float32Array | Int32Array | Uint8Array;

/** Anything holding numbers in C order: a JS array, a typed array or a {@link RawArray}. */
export type ArrayInput = NumericArrayLike | RawArray;

/** Checks and normalises `size` to a shape; `null`/`undefined` stay `null` (scalar result). */
export function toShape(size: Size, what = "size"): number[] | null {
  if (size === null || size === undefined) return null;
  const shape = typeof size === "number" ? [size] : [...size];
  for (const d of shape) {
    if (!Number.isInteger(d)) {
      throw new TypeError(`${what} must be an int or a tuple of ints, got ${String(d)}`);
    }
    if (d < 0) throw new ValueError("negative dimensions are not allowed");
  }
  return shape;
}

/** Number of elements of a shape (1 for the empty shape, as NumPy's `prod(())`). */
export function shapeSize(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** True when `x` is a {@link RawArray}. */
export function isRawArray(x: unknown): x is RawArray {
  return typeof x === "object" && x !== null && "data" in x && "shape" in x && "dtype" in x;
}

/** A float64 result of the given shape. */
export function float64Result(data: Float64Array, shape: number[]): RawArray<"float64"> {
  return { data, shape, dtype: "float64" };
}
