/**
 * The hook through which a backend (the native addon) takes over the passes over X that the
 * linear models make before solving: column sums with the finiteness check, and the centred
 * copy. Both must give the TypeScript loops' values exactly (sums over rows in order).
 */
import { hookSlot } from "../../core/hook-slot.js";

/** The backend's passes; each returns false to leave the work to TypeScript. */
export interface PrepKernels {
  /** `sums[j] = Σᵢ w[i]·x[i][j]` (w null: plain sums); false when x holds NaN or ±∞. */
  columnSums(
    x: Float64Array,
    rows: number,
    cols: number,
    w: Float64Array | null,
    sums: Float64Array,
  ): boolean;
  /** `out = x − mean` row by row; false when declined. */
  centerInto(x: Float64Array, rows: number, cols: number, mean: Float64Array, out: Float64Array): boolean;
}

const slot = hookSlot<PrepKernels>();

/** Installs (or with undefined removes) the backend's passes; returns the previous one. */
export const setPrepKernels = slot.set;

/** The installed passes, if any. */
export const prepKernels = slot.get;
