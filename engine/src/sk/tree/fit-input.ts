/**
 * Inputs of the tree models: X as float32 (scikit-learn grows and applies trees on float32), the
 * hyperparameters checked and resolved to the builder's numbers, class weights, and the optional
 * `sampleWeight` (third argument of `fit`, or `{ sampleWeight }` as cross-validation passes it).
 */
import { Tensor } from "../../core/tensor.js";
import { ValueError } from "../../core/errors.js";
import { readHost } from "../../core/host.js";
import type { TypedArray } from "../../core/dtype.js";
import { InvalidParameterError } from "../base/errors.js";
import type { ArrayInput, Labels } from "../base/types.js";
import { labelValues } from "../base/validation.js";
import { asSampleWeight } from "../internal/matrix.js";
import type { BuildParams } from "./builder.js";
import type { Rows } from "./tree-data.js";

/** Hyperparameters shared by the trees and the forests. */
export interface TreeHyper {
  criterion: string;
  splitter: string;
  maxDepth: number | null;
  minSamplesSplit: number;
  minSamplesLeaf: number;
  minWeightFractionLeaf: number;
  maxFeatures: number | string | null;
  maxLeafNodes: number | null;
  minImpurityDecrease: number;
  ccpAlpha: number;
}

/** Class weights: "balanced", or a weight per label (labels missing from the object weigh 1). */
export type ClassWeight = "balanced" | Record<string, number> | null;

/** Criteria names by task. */
export const CLASSIFIER_CRITERIA = ["gini", "entropy", "log_loss"];
export const REGRESSOR_CRITERIA = ["squared_error", "friedman_mse", "absolute_error"];

const isInt = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v);

function bad(owner: string, name: string, expected: string, got: unknown): InvalidParameterError {
  return new InvalidParameterError(
    `The '${name}' parameter of ${owner} must be ${expected}. Got ${typeof got === "string" ? `'${got}'` : String(got)} instead.`,
  );
}

/** Checks the options and resolves them for `n` samples and `m` features. */
export function resolveHyper(
  h: TreeHyper,
  owner: string,
  isClassifier: boolean,
  n: number,
  m: number,
  weightSum: number,
): { build: BuildParams; maxFeatures: number } {
  const criteria = isClassifier ? CLASSIFIER_CRITERIA : REGRESSOR_CRITERIA;
  if (!criteria.includes(h.criterion))
    throw bad(owner, "criterion", `a str among {${criteria.map((c) => `'${c}'`).join(", ")}}`, h.criterion);
  if (h.splitter !== "best" && h.splitter !== "random")
    throw bad(owner, "splitter", "a str among {'best', 'random'}", h.splitter);
  if (h.maxDepth !== null && !(isInt(h.maxDepth) && h.maxDepth >= 1))
    throw bad(owner, "maxDepth", "an int in the range [1, inf) or null", h.maxDepth);
  const mss = h.minSamplesSplit;
  if (!(isInt(mss) ? mss >= 2 : typeof mss === "number" && mss > 0 && mss <= 1))
    throw bad(
      owner,
      "minSamplesSplit",
      "an int in the range [2, inf) or a float in the range (0.0, 1.0]",
      mss,
    );
  const msl = h.minSamplesLeaf;
  if (!(isInt(msl) ? msl >= 1 : typeof msl === "number" && msl > 0 && msl < 1))
    throw bad(
      owner,
      "minSamplesLeaf",
      "an int in the range [1, inf) or a float in the range (0.0, 1.0)",
      msl,
    );
  const mwf = h.minWeightFractionLeaf;
  if (!(typeof mwf === "number" && mwf >= 0 && mwf <= 0.5))
    throw bad(owner, "minWeightFractionLeaf", "a float in the range [0.0, 0.5]", mwf);
  if (h.maxLeafNodes !== null && !(isInt(h.maxLeafNodes) && h.maxLeafNodes >= 2))
    throw bad(owner, "maxLeafNodes", "an int in the range [2, inf) or null", h.maxLeafNodes);
  if (!(typeof h.minImpurityDecrease === "number" && h.minImpurityDecrease >= 0))
    throw bad(owner, "minImpurityDecrease", "a float in the range [0.0, inf)", h.minImpurityDecrease);
  if (!(typeof h.ccpAlpha === "number" && h.ccpAlpha >= 0))
    throw bad(owner, "ccpAlpha", "a float in the range [0.0, inf)", h.ccpAlpha);

  const minSamplesLeaf = isInt(msl) ? msl : Math.ceil(msl * n);
  let minSamplesSplit = isInt(mss) ? mss : Math.max(2, Math.ceil(mss * n));
  minSamplesSplit = Math.max(minSamplesSplit, 2 * minSamplesLeaf);

  const mf = h.maxFeatures;
  let maxFeatures: number;
  if (mf === null) maxFeatures = m;
  else if (mf === "auto") maxFeatures = isClassifier ? Math.max(1, Math.floor(Math.sqrt(m))) : m;
  else if (mf === "sqrt") maxFeatures = Math.max(1, Math.floor(Math.sqrt(m)));
  else if (mf === "log2") maxFeatures = Math.max(1, Math.floor(Math.log2(m)));
  else if (isInt(mf)) {
    if (mf < 1)
      throw bad(
        owner,
        "maxFeatures",
        "an int in the range [1, inf), a float in (0.0, 1.0), 'sqrt', 'log2' or null",
        mf,
      );
    maxFeatures = mf;
  } else if (typeof mf === "number" && mf > 0 && mf < 1) maxFeatures = Math.max(1, Math.floor(mf * m));
  else
    throw bad(
      owner,
      "maxFeatures",
      "an int in the range [1, inf), a float in (0.0, 1.0), 'sqrt', 'log2' or null",
      mf,
    );
  if (maxFeatures > m)
    throw new ValueError(
      `maxFeatures must be in (0, n_features]: got ${maxFeatures} with ${m} features. Use null for all features.`,
    );
  return {
    maxFeatures,
    build: {
      maxDepth: h.maxDepth ?? -1,
      minSamplesSplit,
      minSamplesLeaf,
      minWeightLeaf: mwf * weightSum,
      minImpurityDecrease: h.minImpurityDecrease,
      maxLeafNodes: h.maxLeafNodes ?? -1,
    },
  };
}

/**
 * X as float32, row-major (the values scikit-learn compares). Row-major keeps a small node's
 * samples in cache across the many features a split search visits, which measured faster than
 * a column-major copy on MNIST-sized data.
 */
export function float32Rows(X: Rows): Float32Array {
  return X.data instanceof Float32Array ? X.data : Float32Array.from(X.data);
}

/**
 * Checks X: numeric tensors of any dtype are read in place (no float64 copy of MNIST-sized
 * data); other inputs go through the usual validation. `check` records or checks the feature
 * count and names; `validate` is the estimator's `validateData`.
 */
export function treeRows(
  X: ArrayInput,
  reset: boolean,
  validate: (X: ArrayInput, reset: boolean) => Tensor,
  check: (m: number, reset: boolean) => void,
  owner: string,
): Rows {
  if (X instanceof Tensor && X.ndim === 2 && X.dtype !== "float64" && X.dtype !== "bool") {
    const data: TypedArray = readHost(X);
    const [rows, cols] = X.shape;
    if (rows < 1)
      throw new ValueError(
        `Found array with 0 sample(s) (shape=(0, ${cols})) while a minimum of 1 is required by ${owner}.`,
      );
    if (X.dtype === "float32") {
      for (let k = 0; k < data.length; k++) {
        const v = data[k];
        if (v - v !== 0) {
          const what = v !== v ? "NaN" : "infinity";
          throw new ValueError(
            `Input X contains ${what} (feature ${k % cols}, row ${Math.floor(k / cols)}). ${owner} does not accept missing values: fill them first, e.g. with new sk.SimpleImputer({ strategy: "median" }).`,
          );
        }
      }
    }
    check(cols, reset);
    return { data, rows, cols };
  }
  const t = validate(X, reset);
  return { data: readHost(t), rows: t.shape[0], cols: t.shape[1] };
}

/** The `sampleWeight` of `fit`'s third argument (weights, or `{ sampleWeight }`). */
export function sampleWeightArg(arg: unknown, n: number): Float64Array | null {
  if (arg === undefined || arg === null) return null;
  let w: unknown = arg;
  if (
    typeof arg === "object" &&
    !(arg instanceof Tensor) &&
    !Array.isArray(arg) &&
    !ArrayBuffer.isView(arg)
  ) {
    w = (arg as { sampleWeight?: unknown }).sampleWeight ?? null;
    if (w === null) return null;
  }
  const out = asSampleWeight(w as Tensor, n);
  if (out) {
    for (const v of out) {
      if (v < 0) throw new ValueError("sampleWeight has negative values; weights must be non-negative.");
    }
  }
  return out;
}

/**
 * Per-sample weights from class weights, multiplied over outputs (scikit-learn's
 * `compute_sample_weight`). `codes[i * nOutputs + k]` indexes `classes[k]`; with `indices`, the
 * "balanced" weights count only those samples (bootstrap draws) and classes absent there weigh 0.
 */
export function classSampleWeight(
  cw: ClassWeight,
  codes: Int32Array,
  classes: Labels[],
  indices: Int32Array | null = null,
): Float64Array {
  const nOut = classes.length;
  const n = codes.length / nOut;
  const out = new Float64Array(n).fill(1);
  for (let k = 0; k < nOut; k++) {
    const labels = labelValues(classes[k]);
    const nc = labels.length;
    const weights = new Float64Array(nc).fill(1);
    if (cw === "balanced") {
      const counts = new Float64Array(nc);
      let total: number;
      if (indices) {
        for (const i of indices) counts[codes[i * nOut + k]]++;
        total = indices.length;
      } else {
        for (let i = 0; i < n; i++) counts[codes[i * nOut + k]]++;
        total = n;
      }
      let present = 0;
      for (let c = 0; c < nc; c++) if (counts[c] > 0) present++;
      for (let c = 0; c < nc; c++) weights[c] = counts[c] > 0 ? total / (present * counts[c]) : 0;
    } else if (cw) {
      for (const key of Object.keys(cw)) {
        const c = labels.findIndex((l) => String(l) === key);
        if (c < 0)
          throw new ValueError(
            `The classWeight key ${key} is not a class label; labels are [${labels.join(", ")}].`,
          );
        weights[c] = cw[key];
      }
    }
    for (let i = 0; i < n; i++) out[i] *= weights[codes[i * nOut + k]];
  }
  return out;
}
