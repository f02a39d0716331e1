/**
 * The plain data the linear-algebra layer works on: contiguous row-major typed arrays with an
 * explicit shape. It does not know the engine's `Tensor`; the `np.linalg` facade converts.
 */

/** The two floating storage types every routine accepts. */
export type FloatArray = Float64Array | Float32Array;

/** Name of a floating dtype, as NumPy spells it. */
export type FloatDType = "float32" | "float64";

/**
 * A contiguous row-major n-d array: `data.length` equals the product of `shape`.
 *
 * @example
 * ```ts
 * const a: Dense = { data: new Float64Array([1, 2, 3, 4]), shape: [2, 2] };
 * ```
 */
export interface Dense<T extends FloatArray = FloatArray> {
  data: T;
  shape: number[];
}

/** The dtype name of a float array. */
export function dtypeOf(a: FloatArray): FloatDType {
  return a instanceof Float32Array ? "float32" : "float64";
}

/** A zero-filled array of the given dtype. */
export function alloc(dtype: FloatDType, n: number): FloatArray {
  return dtype === "float32" ? new Float32Array(n) : new Float64Array(n);
}

/** Machine epsilon of a dtype (NumPy's `finfo(dtype).eps`). */
export function epsOf(dtype: FloatDType): number {
  return dtype === "float32" ? 1.1920928955078125e-7 : 2.220446049250313e-16;
}

/** The wider of two dtypes (NumPy's promotion for float32 with float64). */
export function promote(a: FloatDType, b: FloatDType): FloatDType {
  return a === "float64" || b === "float64" ? "float64" : "float32";
}

/** A float64 copy of (part of) an array; decompositions work in float64 internally. */
export function toF64(a: FloatArray, start = 0, end = a.length): Float64Array {
  return Float64Array.from(a.subarray(start, end));
}

/** Stores a float64 result in the requested dtype (rounding once for float32). */
export function fromF64(a: Float64Array, dtype: FloatDType): FloatArray {
  return dtype === "float32" ? Float32Array.from(a) : a;
}

/** Product of the entries of a shape. */
export function sizeOf(shape: readonly number[]): number {
  let s = 1;
  for (const d of shape) s *= d;
  return s;
}

/** Integer results (ranks) with their shape. */
export interface IntDense {
  data: Int32Array;
  shape: number[];
}
