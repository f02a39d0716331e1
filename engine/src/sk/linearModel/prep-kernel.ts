/**
 * The hook through which a backend (the native addon) takes over the passes over X that the
 * linear models make before solving: column sums with the finiteness check, and the centred
 * copy. Both must give the TypeScript loops' values exactly (sums over rows in order).
 */

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

let kernels: PrepKernels | undefined;

/** Installs (or with undefined removes) the backend's passes; returns the previous ones. */
export function setPrepKernels(k: PrepKernels | undefined): PrepKernels | undefined {
  const previous = kernels;
  kernels = k;
  return previous;
}

/** The installed passes, if any. */
export function prepKernels(): PrepKernels | undefined {
  return kernels;
}
