import type { NativeOptimizer } from "@tensorbook/native";
import type { TypedArray } from "../../core/dtype.js";
import { uninitializedFloat } from "../../backends/native/alloc.js";
import { nativeBinding } from "../../backends/native/state.js";

// The native addon's fused optimizer updates: one pass reads a variable, its gradient and its
// slots and writes the new values into fresh arrays, which then become the variables' values
// (no copy first, no JavaScript loop). The addon computes every element in double precision
// and rounds once, as the TypeScript `updateStep` loops do, so both give the same bits.

/** An update the addon can run: its kind and hyper-parameters (see `NativeBinding.optimizerStep`). */
export interface FusedUpdate {
  readonly kind: NativeOptimizer;
  readonly hyper: readonly number[];
}

/** Below this many elements the JavaScript loop costs less than crossing into the addon. */
const MIN_SIZE = 256;

/**
 * Runs `u` on `w` (the variable's values), `g` (its gradient) and `slots` in the addon and
 * returns the new arrays `[w', ...slots']`, or undefined (nothing done) when the addon is not
 * in use, the variable is small, or the arrays are not all of one float type.
 */
export function fusedStep(
  u: FusedUpdate,
  w: TypedArray,
  g: ArrayLike<number>,
  slots: readonly TypedArray[],
): TypedArray[] | undefined {
  const b = nativeBinding();
  if (!b || w.length < MIN_SIZE) return undefined;
  const Ctor = w.constructor;
  if (!(w instanceof Float32Array || w instanceof Float64Array)) return undefined;
  if (g.constructor !== Ctor || slots.some((s) => s.constructor !== Ctor)) return undefined;
  const dtype = w instanceof Float32Array ? "float32" : "float64";
  const outs = [w, ...slots].map(() => uninitializedFloat(dtype, w.length));
  b.optimizerStep(
    u.kind,
    u.hyper,
    [w, g as Float32Array | Float64Array, ...(slots as (Float32Array | Float64Array)[])],
    outs,
  );
  return outs;
}
