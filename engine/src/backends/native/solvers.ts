import type { GeqrfAccelerator } from "../../linalg/qr.js";
import type { PrepKernels } from "../../sk/linearModel/prep-kernel.js";
import type { SgdEpochKernel } from "../../sk/linearModel/sgd/epoch-kernel.js";
import { nativeBinding } from "./state.js";

// Solver kernels of the linear-algebra and scikit-learn layers. Each returns false (or
// undefined) without touching anything when the native backend is not in use or the binary
// lacks the kernel, so callers keep their TypeScript path as the fallback.

/**
 * Panel width of the native QR (columns factored per block before the trailing GEMMs): wider
 * panels mean fewer passes of the GEMMs over the trailing columns, narrower ones cheaper panels;
 * 48 measured fastest on MNIST (60 000 × 784) among 32, 48, 64 and 96.
 */
export const NATIVE_QR_PANEL = 48;

/**
 * Householder QR of the m×n row-major float64 matrix A (row stride `lda`) in place, in
 * LAPACK's `geqrf` layout (R on and above the diagonal, reflectors below, τ in `tau`), as
 * `linalg/qr.ts`'s `geqrf` computes it; with `rhs`, also C ← Qᵀ·C. Returns false when it did
 * nothing.
 *
 * @example
 * ```ts
 * const A = new Float64Array([3, 1, 4, 1, 5, 9]), tau = new Float64Array(2);
 * nativeGeqrf(3, 2, A, 2, tau); // true; A[0] = −‖column 0‖ = −7.07…
 * ```
 */
export const nativeGeqrf: GeqrfAccelerator = (m, n, A, lda, tau, rhs) => {
  const b = nativeBinding();
  if (!b?.geqrf) return false;
  if (rhs) return b.geqrf(A, 0, m, n, lda, tau, 0, NATIVE_QR_PANEL, rhs.C, 0, rhs.ldc, rhs.k);
  return b.geqrf(A, 0, m, n, lda, tau, 0, NATIVE_QR_PANEL);
};

/**
 * One epoch of plain SGD (the per-sample loop of `sk/linearModel/sgd/plain-sgd.ts`) in the
 * addon: returns the summed loss, or undefined when the native backend cannot run it.
 */
export const nativeSgdEpoch: SgdEpochKernel = (a) => {
  const b = nativeBinding();
  if (!b?.sgdEpoch) return undefined;
  return b.sgdEpoch(a.X, a.d, a.order, a.y, a.sampleWeight, a.skip, a.w, a.aw, a.q, a.params, a.state);
};

/**
 * The linear models' passes over X before solving (column sums with the NaN/∞ check, the
 * centred copy), vectorized in the addon; each declines (false) when the addon is not in use.
 */
export const nativePrep: PrepKernels = {
  columnSums(x, rows, cols, w, sums) {
    const b = nativeBinding();
    return b?.columnSums ? b.columnSums(x, rows, cols, w, sums) : false;
  },
  centerInto(x, rows, cols, mean, out) {
    const b = nativeBinding();
    return b?.centerInto ? b.centerInto(x, rows, cols, mean, out) : false;
  },
};
