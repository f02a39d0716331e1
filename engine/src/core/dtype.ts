/**
 * The element types a tensor can hold. NumPy's default integer is int64; Tensorbook's integer
 * arrays are int32 (JavaScript has no fast 64-bit integer arrays), and int32 plays int64's role
 * wherever NumPy would pick its default integer.
 */
export type DType = "float32" | "float64" | "int32" | "uint8" | "bool";

/** The typed array that stores each dtype (bool is stored as 0/1 bytes). */
export type TypedArray = Float32Array | Float64Array | Int32Array | Uint8Array;

/** Typed array for a dtype, by dtype. */
export interface TypedArrayFor {
  float32: Float32Array;
  float64: Float64Array;
  int32: Int32Array;
  uint8: Uint8Array;
  bool: Uint8Array;
}

export const DTYPES: readonly DType[] = ["bool", "uint8", "int32", "float32", "float64"];

/** Names NumPy users write, mapped to Tensorbook's dtypes. */
const ALIASES: Readonly<Record<string, DType>> = {
  float32: "float32",
  float64: "float64",
  float: "float64",
  double: "float64",
  single: "float32",
  f4: "float32",
  f8: "float64",
  int32: "int32",
  int64: "int32",
  int: "int32",
  i4: "int32",
  i8: "int32",
  uint8: "uint8",
  u1: "uint8",
  bool: "bool",
  bool_: "bool",
};

/**
 * Reads a dtype name as NumPy spells it (`"float32"`, `"float"`, `"int64"`, `"bool"`), failing
 * with the list of supported names for anything else.
 */
export function toDType(name: string): DType {
  const d = ALIASES[name];
  if (d === undefined) {
    throw new TypeError(
      `data type '${name}' not understood; expected one of float32, float64, int32, uint8, bool ` +
        `(int64 and int are read as int32)`,
    );
  }
  return d;
}

export function isFloat(d: DType): d is "float32" | "float64" {
  return d === "float32" || d === "float64";
}

export function isInteger(d: DType): d is "int32" | "uint8" {
  return d === "int32" || d === "uint8";
}

/** Allocates a zeroed typed array for `size` elements of `dtype`. */
export function allocate<D extends DType>(dtype: D, size: number): TypedArrayFor[D];
export function allocate(dtype: DType, size: number): TypedArray {
  switch (dtype) {
    case "float32":
      return new Float32Array(size);
    case "float64":
      return new Float64Array(size);
    case "int32":
      return new Int32Array(size);
    case "uint8":
    case "bool":
      return new Uint8Array(size);
  }
}

/** The dtype a typed array stores by default (Uint8Array reads as uint8). */
export function dtypeOfTypedArray(a: ArrayBufferView): DType {
  if (a instanceof Float32Array) return "float32";
  if (a instanceof Float64Array) return "float64";
  if (a instanceof Int32Array) return "int32";
  if (a instanceof Uint8Array || a instanceof Uint8ClampedArray) return "uint8";
  throw new TypeError(
    `unsupported typed array ${a.constructor.name}; expected Float32Array, Float64Array, Int32Array or Uint8Array`,
  );
}

// Rank in NumPy's promotion lattice for the five supported dtypes. NumPy promotes int32 with
// float32 to float64 (float32 cannot hold every int32 exactly), and uint8 with float32 to float32.
const RANK: Readonly<Record<DType, number>> = { bool: 0, uint8: 1, int32: 2, float32: 3, float64: 4 };

/**
 * `np.result_type` of two array dtypes, by NumPy's rules:
 * bool < uint8 < int32 < float32 < float64, except int32 with float32 gives float64.
 *
 * @example
 * ```ts
 * promoteTypes("int32", "float32"); // "float64"
 * ```
 */
export function promoteTypes(a: DType, b: DType): DType {
  if (a === b) return a;
  if ((a === "int32" && b === "float32") || (a === "float32" && b === "int32")) return "float64";
  return RANK[a] >= RANK[b] ? a : b;
}

/**
 * The dtype an array of dtype `a` keeps when combined with a JavaScript number, following
 * NumPy 1.x's value-based casting for Python scalars: an integral number keeps an integer
 * array's dtype when it fits (else widens), a fractional number turns integer and bool arrays
 * into float64 and keeps float32 as float32.
 */
export function promoteWithScalar(a: DType, value: number | boolean): DType {
  if (typeof value === "boolean") return a;
  if (isFloat(a)) return a;
  if (!Number.isInteger(value)) return "float64";
  // bool with an integer gives NumPy's default integer; uint8 widens (NumPy to int16/uint16,
  // which Tensorbook lacks, so int32).
  if (a === "uint8" && value >= 0 && value <= 255) return "uint8";
  return value >= -2147483648 && value <= 2147483647 ? "int32" : "float64";
}

/** The dtype NumPy gives an array made from plain JavaScript values. */
export function inferDType(values: Iterable<number | boolean>): DType {
  let sawNumber = false;
  let sawBool = false;
  for (const v of values) {
    if (typeof v === "boolean") sawBool = true;
    else {
      sawNumber = true;
      if (!Number.isInteger(v) || v > 2147483647 || v < -2147483648) return "float64";
    }
  }
  return sawNumber ? "int32" : sawBool ? "bool" : "float64";
}

/** Converts a JavaScript number into what storing it in `dtype` keeps (NumPy's C casts). */
export function castValue(dtype: DType, v: number): number {
  switch (dtype) {
    case "float32":
      return Math.fround(v);
    case "float64":
      return v;
    case "int32":
      return Number.isFinite(v)
        ? Math.trunc(v) | 0
        : Number.isNaN(v)
          ? -2147483648
          : v > 0
            ? -2147483648
            : -2147483648;
    case "uint8":
      return Number.isFinite(v) ? Math.trunc(v) & 255 : 0;
    case "bool":
      return v !== 0 ? 1 : 0;
  }
}

/** The smallest and largest values of a dtype, and machine epsilon for floats (`np.finfo`). */
export function finfo(dtype: "float32" | "float64"): { eps: number; max: number; min: number; tiny: number } {
  return dtype === "float32"
    ? {
        eps: 1.1920928955078125e-7,
        max: 3.4028234663852886e38,
        min: -3.4028234663852886e38,
        tiny: 1.1754943508222875e-38,
      }
    : {
        eps: 2.220446049250313e-16,
        max: Number.MAX_VALUE,
        min: -Number.MAX_VALUE,
        tiny: 2.2250738585072014e-308,
      };
}
