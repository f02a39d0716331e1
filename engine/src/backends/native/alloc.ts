import type { FloatArray, NativeMemory } from "@tensorbook/native";
import { stepArray } from "../../core/recycle.js";
import { nativeBinding } from "./state.js";

// Result arrays for kernels that write every element. A typed array from `new Float32Array(n)`
// is zero-filled first; a large one made over `Buffer.allocUnsafeSlow` is not, which saves a
// pass over memory (measured, 1 thread: 10^7 float64 `add` 22 ms instead of 32 ms). Small
// arrays keep the ordinary constructor, which is as fast there. Inside a training step the
// arrays come from the previous step's results when one of the length is free
// (`core/recycle.ts`).
//
// From POOL_MIN_BYTES up, the addon's recycling block pool provides the array (native/src/mem/
// pool.h): a block whose array the garbage collector found dead is handed out again with its
// pages still mapped, instead of a fresh mapping that faults in every page on first write and is
// unmapped again when it dies (that cost 2-5x the kernel itself for 10^7 float64s). Free
// blocks that wait longer than TRIM_IDLE_S are given back to the OS by an unreferenced timer.

/** Below this many bytes the ordinary (zero-filled) constructor is used. */
const UNINITIALIZED_MIN_BYTES = 1 << 16;
/** From this many bytes the addon's block pool provides the array. */
export const POOL_MIN_BYTES = 1 << 20;
/** Free pool blocks idle this long are unmapped. */
const TRIM_IDLE_S = 1;

let trimTimer: ReturnType<typeof setTimeout> | undefined;

function scheduleTrim(b: NativeMemory): void {
  if (trimTimer !== undefined) return;
  trimTimer = setTimeout(() => {
    trimTimer = undefined;
    const s = b.poolTrim(TRIM_IDLE_S);
    if (s.freeBlocks > 0 || s.liveBlocks > 0) scheduleTrim(b);
  }, TRIM_IDLE_S * 1000);
  trimTimer.unref?.();
}

/**
 * A new float array of `n` elements whose contents are undefined: the caller must write every
 * element before anyone reads it.
 */
export function uninitializedFloat(dtype: "float32" | "float64", n: number): FloatArray {
  return stepArray(dtype, n, () => fresh(dtype, n));
}

function fresh(dtype: "float32" | "float64", n: number): FloatArray {
  const bytes = dtype === "float32" ? 4 : 8;
  if (n * bytes < UNINITIALIZED_MIN_BYTES)
    return dtype === "float32" ? new Float32Array(n) : new Float64Array(n);
  if (n * bytes >= POOL_MIN_BYTES) {
    const b = nativeBinding();
    if (b?.allocFloat && b.poolTrim) {
      scheduleTrim(b as NativeMemory);
      return b.allocFloat(dtype, n);
    }
  }
  const buf = Buffer.allocUnsafeSlow(n * bytes);
  return dtype === "float32"
    ? new Float32Array(buf.buffer, buf.byteOffset, n)
    : new Float64Array(buf.buffer, buf.byteOffset, n);
}
