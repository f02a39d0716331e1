import type { FloatArray } from "@tensorbook/native";
import { noteMade, takeRecycled } from "../../core/recycle.js";

// Result arrays for kernels that write every element. A typed array from `new Float32Array(n)`
// is zero-filled first; a large one made over `Buffer.allocUnsafeSlow` is not, which saves a
// pass over memory (measured, 1 thread: 10^7 float64 `add` 22 ms instead of 32 ms). Small
// arrays keep the ordinary constructor, which is as fast there. Inside a training step the
// arrays come from the previous step's results when one of the length is free
// (`core/recycle.ts`).

/** Below this many bytes the ordinary (zero-filled) constructor is used. */
const UNINITIALIZED_MIN_BYTES = 1 << 16;

/**
 * A new float array of `n` elements whose contents are undefined: the caller must write every
 * element before anyone reads it.
 */
export function uninitializedFloat(dtype: "float32" | "float64", n: number): FloatArray {
  const reused = takeRecycled(dtype, n);
  if (reused) return reused;
  const a = fresh(dtype, n);
  noteMade(a);
  return a;
}

function fresh(dtype: "float32" | "float64", n: number): FloatArray {
  const bytes = dtype === "float32" ? 4 : 8;
  if (n * bytes < UNINITIALIZED_MIN_BYTES)
    return dtype === "float32" ? new Float32Array(n) : new Float64Array(n);
  const buf = Buffer.allocUnsafeSlow(n * bytes);
  return dtype === "float32"
    ? new Float32Array(buf.buffer, buf.byteOffset, n)
    : new Float64Array(buf.buffer, buf.byteOffset, n);
}
