/**
 * Class labels for classifiers: numbers, booleans or strings, as scikit-learn accepts them.
 * Tensors cannot hold strings, so string labels stay a JavaScript array; numeric and boolean
 * labels keep their dtype, so `predict` on a boolean target returns booleans as in NumPy.
 */
import { toTensor } from "../../core/convert.js";
import type { DType } from "../../core/dtype.js";
import { ValueError } from "../../core/errors.js";
import { Tensor, type TensorLike } from "../../core/tensor.js";

/** Labels a classifier accepts: a tensor, numbers/booleans, or strings. */
export type LabelInput = TensorLike | readonly string[];

/** The sorted distinct labels of a target (`classes_`): a tensor, or strings. */
export type Classes = Tensor | string[];

/** A label column decoded into class indices. */
export interface EncodedLabels {
  /** Sorted distinct labels. */
  classes: Classes;
  /** Index into `classes` for every sample. */
  codes: Int32Array;
  /** Number of classes. */
  nClasses: number;
}

function isStringArray(y: unknown): y is readonly string[] {
  return Array.isArray(y) && y.length > 0 && typeof y[0] === "string";
}

/** The raw values of a label column: numbers with their dtype, or strings. */
export interface LabelColumn {
  values: ArrayLike<number> | readonly string[];
  dtype: DType | "string";
  n: number;
}

/** Reads a 1-D label input (a column vector (n, 1) is accepted, as scikit-learn does with a warning). */
export function labelColumn(y: LabelInput, nSamples?: number): LabelColumn {
  if (isStringArray(y)) {
    for (const v of y) {
      if (typeof v !== "string") throw new ValueError("y mixes strings and other values; use one type of label.");
    }
    checkLength(y.length, nSamples);
    return { values: y, dtype: "string", n: y.length };
  }
  let t = y instanceof Tensor ? y : toTensor(y as TensorLike);
  if (t.ndim === 2 && t.shape[1] === 1) t = t.reshape(-1);
  if (t.ndim !== 1) {
    throw new ValueError(
      `y should be a 1d array, got an array of shape (${t.shape.join(", ")}) instead. Use a multi-output estimator for 2-D targets.`,
    );
  }
  checkLength(t.shape[0], nSamples);
  const values = t.dataSync();
  if (t.dtype === "float32" || t.dtype === "float64") {
    for (let i = 0; i < values.length; i++) {
      if (!Number.isFinite(values[i])) throw new ValueError("Input y contains NaN or infinity; class labels must be finite.");
    }
  }
  return { values, dtype: t.dtype, n: t.shape[0] };
}

function checkLength(n: number, nSamples: number | undefined): void {
  if (nSamples !== undefined && n !== nSamples) {
    throw new ValueError(
      `Found input variables with inconsistent numbers of samples: [${nSamples}, ${n}]. X and y need one row per sample.`,
    );
  }
}

/** Sorted distinct labels and the class index of each sample (scikit-learn's `np.unique(y, return_inverse=True)`). */
export function encodeLabels(y: LabelInput, nSamples?: number): EncodedLabels {
  return encodeColumn(labelColumn(y, nSamples));
}

/** {@link encodeLabels} on an already read column. */
export function encodeColumn(col: LabelColumn): EncodedLabels {
  const codes = new Int32Array(col.n);
  if (col.dtype === "string") {
    const values = col.values as readonly string[];
    const sorted = [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const index = new Map(sorted.map((v, i) => [v, i]));
    for (let i = 0; i < col.n; i++) codes[i] = index.get(values[i]) as number;
    return { classes: sorted, codes, nClasses: sorted.length };
  }
  const values = col.values as ArrayLike<number>;
  const sorted = [...new Set(Array.from(values))].sort((a, b) => a - b);
  const index = new Map(sorted.map((v, i) => [v, i]));
  for (let i = 0; i < col.n; i++) codes[i] = index.get(values[i]) as number;
  return { classes: toTensor(sorted, { dtype: col.dtype as DType }), codes, nClasses: sorted.length };
}

/** Class indices back to labels: a tensor of the classes' dtype, or strings. */
export function decodeLabels(classes: Classes, codes: ArrayLike<number>): Tensor | string[] {
  if (Array.isArray(classes)) return Array.from(codes, (c) => classes[c]);
  const values = (classes as Tensor).dataSync();
  const out = Array.from(codes, (c) => values[c]);
  return toTensor(out, { dtype: (classes as Tensor).dtype });
}

/** The class labels as plain values (numbers, booleans as 0/1, or strings). */
export function classValues(classes: Classes): (number | string)[] {
  return Array.isArray(classes) ? [...classes] : Array.from((classes as Tensor).dataSync());
}

/** Number of classes. */
export function classCount(classes: Classes): number {
  return Array.isArray(classes) ? classes.length : (classes as Tensor).size;
}

/** Maps labels to indices of known `classes`; unknown labels raise an error naming them. */
export function codesFor(classes: Classes, y: LabelInput): Int32Array {
  const col = labelColumn(y);
  const known = classValues(classes);
  const index = new Map<number | string, number>(known.map((v, i) => [v, i]));
  const codes = new Int32Array(col.n);
  for (let i = 0; i < col.n; i++) {
    const v = (col.values as ArrayLike<number | string>)[i];
    const c = index.get(v);
    if (c === undefined) {
      throw new ValueError(`y contains previously unseen label ${String(v)}; known classes are [${known.join(", ")}].`);
    }
    codes[i] = c;
  }
  return codes;
}
