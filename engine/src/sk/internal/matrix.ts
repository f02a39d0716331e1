/**
 * The plain data the model solvers work on: a row-major float64 matrix with its shape. Estimators
 * convert their inputs once at the door (`asMatrix`) and run their numerical cores on typed arrays,
 * because per-element tensor ops would cost far more than the arithmetic itself.
 */
import { toTensor } from "../../core/convert.js";
import { ValueError } from "../../core/errors.js";
import { Tensor, type TensorLike } from "../../core/tensor.js";
import { gemm } from "../../linalg/index.js";

/** A row-major float64 matrix: `data.length === rows * cols`. */
export interface Matrix {
  data: Float64Array;
  rows: number;
  cols: number;
}

/** Anything an estimator accepts as a feature matrix or target. */
export type ArrayInput = TensorLike;

function toF64(t: Tensor): Float64Array {
  const d = t.dataSync();
  return d instanceof Float64Array ? d : Float64Array.from(d);
}

function finiteCheck(data: Float64Array, what: string, allowNan = false): void {
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    if (v - v !== 0) {
      if (v !== v) {
        if (allowNan) continue;
        throw new ValueError(
          `Input ${what} contains NaN. Impute the missing values first (for example with sk.SimpleImputer) or drop those rows.`,
        );
      }
      throw new ValueError(
        `Input ${what} contains infinity or a value too large for dtype('float64'). Clip or rescale the data first.`,
      );
    }
  }
}

/**
 * A 2-D feature matrix as float64 (a copy), rejecting 1-D input with scikit-learn's advice and
 * NaN/infinity with a hint.
 */
export function asMatrix(X: ArrayInput, what = "X", opts: { allowNan?: boolean } = {}): Matrix {
  const t = X instanceof Tensor ? X : toTensor(X);
  if (t.ndim !== 2) {
    if (t.ndim <= 1) {
      throw new ValueError(
        `Expected 2D array, got ${t.ndim === 0 ? "scalar array" : "1D array"} instead. Reshape your data either using ` +
          "X.reshape(-1, 1) if your data has a single feature or X.reshape(1, -1) if it contains a single sample.",
      );
    }
    throw new ValueError(`Found array with dim ${t.ndim}. Expected <= 2; reshape it to (n_samples, n_features).`);
  }
  const [rows, cols] = t.shape;
  if (rows === 0) {
    throw new ValueError(`Found array with 0 sample(s) (shape=(0, ${cols})) while a minimum of 1 is required.`);
  }
  if (cols === 0) {
    throw new ValueError(`Found array with 0 feature(s) (shape=(${rows}, 0)) while a minimum of 1 is required.`);
  }
  const data = toF64(t);
  finiteCheck(data, what, opts.allowNan);
  return { data, rows, cols };
}

/** A numeric target as float64: `y` 1-D gives one column and `is1d`; 2-D keeps its columns. */
export interface Target extends Matrix {
  is1d: boolean;
}

/** Converts a regression target (1-D or 2-D) to a float64 matrix (n_samples × n_targets). */
export function asTarget(y: ArrayInput, nSamples: number): Target {
  const t = y instanceof Tensor ? y : toTensor(y);
  if (t.ndim !== 1 && t.ndim !== 2) {
    throw new ValueError(`y must be 1-D or 2-D (n_samples[, n_targets]); got shape (${t.shape.join(", ")}).`);
  }
  const rows = t.shape[0];
  if (rows !== nSamples) {
    throw new ValueError(
      `Found input variables with inconsistent numbers of samples: [${nSamples}, ${rows}]. X and y need one row per sample.`,
    );
  }
  const data = toF64(t);
  finiteCheck(data, "y");
  return { data, rows, cols: t.ndim === 1 ? 1 : t.shape[1], is1d: t.ndim === 1 };
}

/** Sample weights as float64 (all ones when omitted), checked for length and sign. */
export function asSampleWeight(w: ArrayInput | number | null | undefined, n: number): Float64Array | null {
  if (w === undefined || w === null) return null;
  if (typeof w === "number") return new Float64Array(n).fill(w);
  const t = w instanceof Tensor ? w : toTensor(w);
  const d = toF64(t);
  if (t.ndim !== 1 || d.length !== n) {
    throw new ValueError(`sample_weight.shape == (${t.shape.join(", ")}), expected (${n},): one weight per sample.`);
  }
  finiteCheck(d, "sample_weight");
  return d;
}

/** Checks the feature count at predict time against the one seen in `fit`. */
export function checkFeatures(X: Matrix, nFeatures: number, name: string): void {
  if (X.cols !== nFeatures) {
    throw new ValueError(
      `X has ${X.cols} features, but ${name} is expecting ${nFeatures} features as input.`,
    );
  }
}

/** A float64 tensor over `data` (adopted, not copied). */
export function tensor(data: Float64Array, shape: readonly number[]): Tensor {
  return Tensor.fromTypedArray(data, [...shape], "float64");
}

/** `X · Wᵀ` for X (n×d) and W (k×d) row-major: the n×k decision values, plus a per-column bias. */
export function linearPredict(X: Matrix, W: Float64Array, k: number, bias?: Float64Array): Float64Array {
  const out = new Float64Array(X.rows * k);
  if (bias) for (let i = 0; i < X.rows; i++) out.set(bias.subarray(0, k), i * k);
  gemm(false, true, X.rows, k, X.cols, 1, X.data, X.cols, W, X.cols, bias ? 1 : 0, out, k);
  return out;
}

/** Weighted column means (NumPy's `average(X, axis=0, weights=w)`). */
export function columnMeans(M: Matrix, w: Float64Array | null = null): Float64Array {
  const { data, rows, cols } = M;
  const out = new Float64Array(cols);
  let total = 0;
  for (let i = 0; i < rows; i++) {
    const wi = w ? w[i] : 1;
    total += wi;
    const o = i * cols;
    for (let j = 0; j < cols; j++) out[j] += wi * data[o + j];
  }
  for (let j = 0; j < cols; j++) out[j] /= total;
  return out;
}

/** Subtracts a row vector from every row, in place. */
export function subtractRow(M: Matrix, v: Float64Array): void {
  const { data, rows, cols } = M;
  for (let i = 0; i < rows; i++) {
    const o = i * cols;
    for (let j = 0; j < cols; j++) data[o + j] -= v[j];
  }
}

/** Transposes a row-major rows×cols array. */
export function transpose(data: Float64Array, rows: number, cols: number): Float64Array {
  const out = new Float64Array(data.length);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) out[j * rows + i] = data[i * cols + j];
  return out;
}

/** Any tensor-like as a flat float64 array (row-major). */
export function asVector(v: ArrayInput): Float64Array {
  return toF64(v instanceof Tensor ? v : toTensor(v));
}
