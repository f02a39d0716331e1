/**
 * Input validation shared by every estimator: numeric 2-D feature matrices, targets, label
 * arrays, length checks. Errors say what was wrong and how to fix it.
 */
import { Tensor } from "../../core/tensor.js";
import { ValueError } from "../../core/errors.js";
import { readHost } from "../../core/host.js";
import { array } from "../../ops/creation.js";
import { expected2d, toTable, columnsToTensor } from "./table.js";
import {
  isFrameLike,
  isSeriesLike,
  type ArrayInput,
  type Cell,
  type Labels,
  type TargetInput,
} from "./types.js";

/** Options of {@link checkArray}. */
export interface CheckArrayOptions {
  /** Whether NaN is allowed (imputers, encoders); infinities are always refused unless `allowInf`. */
  allowNaN?: boolean;
  /** Whether ±Infinity is allowed. */
  allowInf?: boolean;
  /** Name used in messages ("X", "y"). */
  what?: string;
  /** Class name of the estimator, for messages. */
  estimator?: string;
  /** Column names, for messages naming a column (from a data frame). */
  names?: readonly string[];
  /** Minimum number of samples (scikit-learn's `ensure_min_samples`, default 1). */
  minSamples?: number;
  /**
   * Leave the NaN/∞ check to the caller, which folds it into a pass over X it makes anyway
   * (the linear models' centring) and calls {@link checkFinite} with the same options.
   */
  deferFiniteCheck?: boolean;
}

/** Names of the columns of a frame-like input, or undefined for arrays and tensors. */
export function featureNamesOf(X: ArrayInput): string[] | undefined {
  return isFrameLike(X) ? [...X.columns] : undefined;
}

function describeColumn(j: number, names?: readonly string[]): string {
  return names ? `column '${names[j]}'` : `feature ${j}`;
}

/**
 * Throws scikit-learn's error for the first NaN or infinity in the row-major `data` (nRows ×
 * nCols), naming its column and row, unless `o` allows it.
 *
 * @example
 * ```ts
 * checkFinite(new Float64Array([1, NaN]), 1, 2, { estimator: "Ridge" }); // throws: feature 1, row 0
 * ```
 */
export function checkFinite(
  data: ArrayLike<number>,
  nRows: number,
  nCols: number,
  o: CheckArrayOptions,
): void {
  if (o.allowNaN && o.allowInf) return;
  for (let k = 0; k < data.length; k++) {
    const v = data[k];
    if (v - v === 0) continue; // finite (NaN - NaN and Inf - Inf are NaN)
    const isNaN = v !== v;
    if (isNaN && o.allowNaN) continue;
    if (!isNaN && o.allowInf) continue;
    const i = Math.floor(k / nCols);
    const j = k % nCols;
    const what = o.what ?? "X";
    const est = o.estimator ?? "This estimator";
    const where = nCols === 1 && what !== "X" ? `row ${i}` : `${describeColumn(j, o.names)}, row ${i}`;
    throw new ValueError(
      isNaN
        ? `Input ${what} contains NaN (${where}). ${est} does not accept missing values: fill them first, ` +
            `e.g. with new sk.SimpleImputer({ strategy: "median" }), or drop the rows that have them.`
        : `Input ${what} contains infinity (${where}). Replace infinite values (np.nanToNum, or mark them missing and impute).`,
    );
  }
  void nRows;
}

/**
 * Converts `X` into a 2-D float64 tensor, refusing 1-D input, strings, ragged rows, NaN and
 * infinities (naming the column). A contiguous float64 tensor is returned without a copy: do not
 * modify it in place.
 *
 * @example
 * ```ts
 * const X = sk.checkArray([[1, 2], [3, 4]]); // float64 tensor of shape [2, 2]
 * ```
 */
export function checkArray(X: ArrayInput, options: CheckArrayOptions = {}): Tensor {
  const what = options.what ?? "X";
  let t: Tensor;
  let names = options.names;
  if (X instanceof Tensor) {
    if (X.ndim !== 2) throw expected2d(X.ndim, what);
    t = X.dtype === "float64" && X.isContiguous ? X : X.astype("float64");
    if (!t.isContiguous) t = t.copy();
  } else if (
    Array.isArray(X) &&
    (X.length === 0 || Array.isArray(X[0])) &&
    allNumeric(X as readonly (readonly Cell[])[])
  ) {
    t = array(X as never, { dtype: "float64" });
    if (t.ndim !== 2) throw expected2d(t.ndim, what);
  } else {
    const table = toTable(X, what);
    names = names ?? table.names;
    const cols = table.columns.map((c, j) => {
      if (c.kind === "str") {
        const sample = c.values.find((v) => v !== null);
        throw new ValueError(
          `could not convert string to float: '${sample}' (${describeColumn(j, names)}). ` +
            `Encode text columns first, e.g. with new sk.OneHotEncoder() inside a sk.ColumnTransformer.`,
        );
      }
      return c.values;
    });
    t = columnsToTensor(cols, table.nRows);
  }
  const [n, m] = t.shape;
  const minSamples = options.minSamples ?? 1;
  if (n < minSamples) {
    throw new ValueError(
      `Found array with ${n} sample(s) (shape=(${n}, ${m})) while a minimum of ${minSamples} is required${options.estimator ? ` by ${options.estimator}` : ""}.`,
    );
  }
  if (!options.deferFiniteCheck) checkFinite(readHost(t), n, m, { ...options, names });
  return t;
}

function allNumeric(rows: readonly (readonly Cell[])[]): boolean {
  for (const r of rows) {
    if (!Array.isArray(r)) return false;
    for (const v of r) if (typeof v !== "number" && typeof v !== "boolean") return false;
  }
  return true;
}

/** Number of samples (rows) of any accepted input. */
export function numSamples(x: ArrayInput): number {
  if (x instanceof Tensor) return x.ndim === 0 ? 1 : x.shape[0];
  if (isFrameLike(x)) return x.shape[0];
  if (isSeriesLike(x)) return x.length;
  if (Array.isArray(x) || ArrayBuffer.isView(x)) return (x as ArrayLike<unknown>).length;
  throw new TypeError(`expected an array, a tensor or a data frame, got ${typeof x}`);
}

/** scikit-learn's `check_consistent_length`: every array has the same number of samples. */
export function checkConsistentLength(...arrays: (ArrayInput | null | undefined)[]): void {
  const lengths = arrays.filter((a) => a !== null && a !== undefined).map((a) => numSamples(a as ArrayInput));
  if (new Set(lengths).size > 1) {
    throw new ValueError(
      `Found input variables with inconsistent numbers of samples: [${lengths.join(", ")}]`,
    );
  }
}

/** Options of {@link checkTarget}. */
export interface CheckTargetOptions {
  /** Whether a 2-D target (several outputs) is allowed; default true. */
  multiOutput?: boolean;
  /** Class name for messages. */
  estimator?: string;
}

/**
 * A numeric target as a float64 tensor: 1-D for one output, 2-D `[n, outputs]` for several. A
 * column vector `[n, 1]` stays 2-D (as in scikit-learn, where `coef_` then is 2-D).
 */
export function checkTarget(y: TargetInput, options: CheckTargetOptions = {}): Tensor {
  let t: Tensor;
  if (y instanceof Tensor) t = y.dtype === "float64" ? y : y.astype("float64");
  else if (isSeriesLike(y)) t = y.toTensor().astype("float64");
  else if (isFrameLike(y)) t = checkArray(y, { what: "y", allowNaN: true });
  else t = array(y as never, { dtype: "float64" });
  if (!t.isContiguous) t = t.copy();
  if (t.ndim === 0 || t.ndim > 2) {
    throw new ValueError(
      `y must be 1-D (one output) or 2-D (several outputs); got shape (${t.shape.join(", ")})`,
    );
  }
  if (t.ndim === 2 && options.multiOutput === false && t.shape[1] !== 1) {
    throw new ValueError(
      `y should be a 1-D array, got an array of shape (${t.shape.join(", ")}) instead; ${options.estimator ?? "this estimator"} predicts one output`,
    );
  }
  checkFinite(readHost(t), t.shape[0], t.ndim === 2 ? t.shape[1] : 1, {
    what: "y",
    estimator: options.estimator,
  });
  return t;
}

/**
 * Labels from any target input: a tensor for numeric/boolean labels, a string array when any
 * label is a string. 1-D.
 */
export function toLabels(y: TargetInput, what = "y"): Labels {
  if (y instanceof Tensor) {
    if (y.ndim === 2 && y.shape[1] === 1) return y.reshape(-1);
    if (y.ndim !== 1)
      throw new ValueError(`${what} should be a 1-D array of labels, got shape (${y.shape.join(", ")})`);
    return y;
  }
  let cells: readonly unknown[];
  if (isSeriesLike(y)) cells = y.toArray();
  else if (Array.isArray(y))
    cells =
      y.length && Array.isArray(y[0]) && (y[0] as unknown[]).length === 1
        ? (y as unknown[][]).map((r) => r[0])
        : y;
  else if (ArrayBuffer.isView(y)) return array(y as never);
  else throw new ValueError(`${what} should be a 1-D array of labels`);
  if (cells.some((c) => typeof c === "string")) {
    return cells.map((c, i) => {
      if (c === null || c === undefined)
        throw new ValueError(`${what} contains a missing label at row ${i}; drop or fill it first`);
      return String(c);
    });
  }
  if (cells.some((c) => Array.isArray(c))) {
    throw new ValueError(
      `${what} should be a 1-D array of labels, got a nested array; pass a 2-D tensor for multilabel targets`,
    );
  }
  return array(cells as never);
}

/** Number of labels. */
export function labelsLength(y: Labels): number {
  return Array.isArray(y) ? y.length : y.shape[0];
}

/** The labels as JS values (numbers, booleans or strings), for comparisons and maps. */
export function labelValues(y: Labels): (number | string | boolean)[] {
  if (Array.isArray(y)) return y;
  if (y.dtype === "bool")
    return Array.from(
      readHost(y.isContiguous ? y : y.copy()).subarray(y.offset, y.offset + y.size),
      (v) => v !== 0,
    );
  const d = y.dataSync();
  return Array.from(d);
}

/** Labels of the same kind as `like` (tensor of its dtype, or strings) built from JS values. */
export function labelsLike(like: Labels, values: readonly (number | string | boolean)[]): Labels {
  if (Array.isArray(like)) return values.map(String);
  const dtype =
    like.dtype === "bool" || like.dtype === "int32" || like.dtype === "uint8" ? like.dtype : "float64";
  return array(values as never, { dtype });
}

/**
 * Sorted unique labels and each sample's code (index into the classes), as scikit-learn's
 * `np.unique(y, return_inverse=True)`.
 */
export function encodeLabels(y: Labels): { classes: Labels; codes: Int32Array } {
  const vals = labelValues(y);
  const keys = Array.from(new Set(vals));
  const isStr = Array.isArray(y);
  keys.sort((a, b) =>
    isStr ? (String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0) : Number(a) - Number(b),
  );
  const index = new Map(keys.map((k, i) => [k, i]));
  const codes = new Int32Array(vals.length);
  for (let i = 0; i < vals.length; i++) codes[i] = index.get(vals[i]) as number;
  return { classes: labelsLike(y, keys), codes };
}

/** Labels `classes[codes[i]]`, of the kind of `classes`. */
export function decodeLabels(classes: Labels, codes: ArrayLike<number>): Labels {
  const vals = labelValues(classes);
  return labelsLike(
    classes,
    Array.from(codes, (c) => vals[c]),
  );
}
