/**
 * Centring shared by the closed-form and coordinate-descent linear models (scikit-learn's
 * `_preprocess_data`/`_set_intercept`): fitting on centred X and y lets the solvers ignore the
 * intercept, which is recovered afterwards as `ȳ − x̄·w`.
 */
import { readHost } from "../../core/host.js";
import type { Tensor } from "../../core/tensor.js";
import { checkFinite, type CheckArrayOptions } from "../base/validation.js";
import { columnMeans, matrixOf, subtractRow, type Matrix } from "../internal/matrix.js";
import { prepKernels } from "./prep-kernel.js";

/** Column means removed from X and y (zeros when the intercept is not fitted). */
export interface Offsets {
  xOffset: Float64Array;
  yOffset: Float64Array;
}

/** Centres X and Y in place (weighted means when sample weights are given). */
export function centerData(
  X: Matrix,
  Y: Matrix,
  fitIntercept: boolean,
  w: Float64Array | null = null,
): Offsets {
  if (!fitIntercept) return { xOffset: new Float64Array(X.cols), yOffset: new Float64Array(Y.cols) };
  const xOffset = columnMeans(X, w);
  const yOffset = columnMeans(Y, w);
  subtractRow(X, xOffset);
  subtractRow(Y, yOffset);
  return { xOffset, yOffset };
}

/**
 * The finiteness check of a validated X (taken with `deferFiniteCheck`) fused with its column
 * sums, in one pass over the tensor's storage (natively when the addon is loaded). Throws
 * scikit-learn's NaN/∞ error, as `validateData` would have; `check` carries its options.
 */
export function scanColumns(t: Tensor, check: CheckArrayOptions): Float64Array {
  const rows = t.shape[0];
  const cols = t.shape[1];
  const src = readHost(t) as Float64Array;
  const sums = new Float64Array(cols);
  const k = prepKernels();
  if (k?.columnSums(src, rows, cols, null, sums)) return sums;
  checkFinite(src, rows, cols, check);
  if (k) return sums; // unreachable: the kernel only declines non-finite data
  for (let i = 0; i < rows; i++) {
    const o = i * cols;
    for (let j = 0; j < cols; j++) sums[j] += src[o + j];
  }
  return sums;
}

/**
 * {@link centerData} for an X still in its validated tensor, given its column sums from
 * {@link scanColumns}: the copy the solvers work on is written already centred (X read once
 * more, written once, instead of copied and then passed over twice). Y is centred in place.
 * Same values as `centerData(matrixOf(t), Y, fitIntercept, w)`, to the bit.
 */
export function centerCopy(
  t: Tensor,
  sums: Float64Array,
  Y: Matrix,
  fitIntercept: boolean,
  w: Float64Array | null = null,
): { M: Matrix; off: Offsets } {
  if (!fitIntercept) {
    const M = matrixOf(t);
    return { M, off: centerData(M, Y, false) };
  }
  const rows = t.shape[0];
  const cols = t.shape[1];
  const src = readHost(t) as Float64Array;
  const k = prepKernels();
  let xOffset: Float64Array;
  if (!w) {
    xOffset = sums.map((s) => s / rows);
  } else if (k?.columnSums(src, rows, cols, w, (xOffset = new Float64Array(cols)))) {
    let total = 0;
    for (let i = 0; i < rows; i++) total += w[i];
    for (let j = 0; j < cols; j++) xOffset[j] /= total;
  } else {
    xOffset = columnMeans({ data: src, rows, cols }, w);
  }
  const data = new Float64Array(rows * cols);
  if (!k?.centerInto(src, rows, cols, xOffset, data)) {
    for (let i = 0; i < rows; i++) {
      const o = i * cols;
      for (let j = 0; j < cols; j++) data[o + j] = src[o + j] - xOffset[j];
    }
  }
  const yOffset = columnMeans(Y, w);
  subtractRow(Y, yOffset);
  return { M: { data, rows, cols }, off: { xOffset, yOffset } };
}

/** Intercepts `ȳ − x̄·wₖ` for coefficients W (k×d, row-major). */
export function interceptsFor(W: Float64Array, k: number, off: Offsets): Float64Array {
  const d = off.xOffset.length;
  const out = new Float64Array(k);
  for (let t = 0; t < k; t++) {
    let s = 0;
    for (let j = 0; j < d; j++) s += off.xOffset[j] * W[t * d + j];
    out[t] = off.yOffset[t] - s;
  }
  return out;
}

/** Rescales rows by √w so that weighted least squares becomes ordinary least squares. */
export function rescaleRows(X: Matrix, Y: Matrix, w: Float64Array): void {
  for (let i = 0; i < X.rows; i++) {
    const s = Math.sqrt(w[i]);
    for (let j = 0; j < X.cols; j++) X.data[i * X.cols + j] *= s;
    for (let j = 0; j < Y.cols; j++) Y.data[i * Y.cols + j] *= s;
  }
}
