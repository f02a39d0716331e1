/** Bounded integers as the legacy `RandomState.randint` draws them (NumPy's `_bounded_integers`). */
import type { BitSource } from "./bit-source.js";
import { boundedFill, boundedFillBool, boundedFillUint8 } from "./bounded.js";
import { OverflowError, ValueError } from "./errors.js";
import type { RawArray } from "./types.js";
import { shapeSize } from "./types.js";

/** dtypes `randint` accepts; "int64"/"int" (NumPy's default) produce int32 data when the bounds fit. */
export type RandintDType = "int64" | "int" | "int32" | "uint8" | "bool";

const BOUNDS: Record<RandintDType, [number, number, string]> = {
  int64: [-(2 ** 63), 2 ** 63 - 1, "int64"],
  int: [-(2 ** 63), 2 ** 63 - 1, "int64"],
  int32: [-2147483648, 2147483647, "int32"],
  uint8: [0, 255, "uint8"],
  bool: [0, 1, "bool"],
};

/** Python's int(x) for a float bound: truncation toward zero, NaN and infinities refused. */
function pyInt(x: number, what: string): number {
  if (typeof x !== "number") throw new TypeError(`${what} must be a number, got ${typeof x}`);
  if (Number.isNaN(x)) throw new ValueError(`cannot convert float NaN to integer (${what} is NaN)`);
  if (!Number.isFinite(x))
    throw new OverflowError(`cannot convert float infinity to integer (${what} is ${x})`);
  return Math.trunc(x);
}

/**
 * Draws integers from [low, high) into a new array of `shape` (or one number when `shape` is
 * null). Bounds are checked in NumPy's order and words.
 */
export function randint(
  src: BitSource,
  lowIn: number,
  highIn: number,
  shape: number[] | null,
  dtype: RandintDType,
): number | RawArray {
  const bounds = BOUNDS[dtype];
  if (bounds === undefined) {
    throw new TypeError(
      `Unsupported dtype '${String(dtype)}' for randint (expected int64, int32, uint8 or bool)`,
    );
  }
  const [lb, ub, name] = bounds;
  const count = shape === null ? 1 : shapeSize(shape);
  // NumPy returns an empty array before looking at the bounds.
  if (shape !== null && count === 0) return emptyResult(dtype, shape, lowIn, highIn);
  const low = pyInt(lowIn, "low");
  const high = pyInt(highIn, "high") - 1; // the internal generator draws from [low, high]
  if (low < lb)
    throw new ValueError(`low is out of bounds for ${name} (low=${low}, the smallest ${name} is ${lb})`);
  if (high > ub) {
    throw new ValueError(
      `high is out of bounds for ${name} (high=${high + 1}, at most ${ub} + 1 is allowed)`,
    );
  }
  if (low > high) {
    throw new ValueError(
      low === 0
        ? `high <= 0 (randint(high) draws from [0, high), so high must be positive; got high=${high + 1})`
        : `low >= high (randint draws from [low, high), so high must exceed low; got low=${low}, high=${high + 1})`,
    );
  }
  const rng = high - low;
  if (!Number.isSafeInteger(low) || !Number.isSafeInteger(high) || !Number.isSafeInteger(rng)) {
    throw new ValueError(
      `randint bounds [${low}, ${high + 1}) are beyond 2**53: Tensorbook holds integers exactly only up to 2**53`,
    );
  }
  if (dtype === "uint8" || dtype === "bool") {
    const out = new Uint8Array(count);
    (dtype === "bool" ? boundedFillBool : boundedFillUint8)(src, low, rng, out);
    return shape === null ? out[0] : { data: out, shape, dtype };
  }
  if (low >= -2147483648 && high <= 2147483647) {
    const out = new Int32Array(count);
    boundedFill(src, low, rng, out);
    return shape === null ? out[0] : { data: out, shape, dtype: "int32" };
  }
  const out = new Float64Array(count);
  boundedFill(src, low, rng, out);
  return shape === null ? out[0] : { data: out, shape, dtype: "float64" };
}

function emptyResult(dtype: RandintDType, shape: number[], low: number, high: number): RawArray {
  if (dtype === "uint8" || dtype === "bool") return { data: new Uint8Array(0), shape, dtype };
  const fits = low >= -2147483648 && high - 1 <= 2147483647;
  return fits
    ? { data: new Int32Array(0), shape, dtype: "int32" }
    : { data: new Float64Array(0), shape, dtype: "float64" };
}
