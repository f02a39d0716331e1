/**
 * Centring shared by the closed-form and coordinate-descent linear models (scikit-learn's
 * `_preprocess_data`/`_set_intercept`): fitting on centred X and y lets the solvers ignore the
 * intercept, which is recovered afterwards as `ȳ − x̄·w`.
 */
import { columnMeans, subtractRow, type Matrix } from "../internal/matrix.js";

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
