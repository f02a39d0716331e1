import { ValueError } from "../../core/errors.js";
import { Tensor } from "../../core/tensor.js";
import { qr } from "../../linalg/index.js";
import { RandomState } from "../../np/random.js";
import type { RandomState as RawRandomState } from "../../random/index.js";
import { hypercube, matmulRows, permuteColumns, permuteRows } from "./sampling.js";

// scikit-learn 1.2's make_classification, make_regression and make_low_rank_matrix, drawing from
// NumPy's legacy RandomState in scikit-learn's order (so seeded calls give its numbers).

function stream(randomState: number | RandomState | undefined): RawRandomState {
  return (randomState instanceof RandomState ? randomState : new RandomState(randomState)).state;
}

function uniform(rs: RawRandomState, n: number): Float64Array {
  return rs.uniform(0, 1, [n]).data as Float64Array;
}

function normal(rs: RawRandomState, n: number): Float64Array {
  return rs.standardNormal([n]).data as Float64Array;
}

function count(name: string, v: number, min = 0): number {
  if (!Number.isInteger(v) || v < min) throw new ValueError(`${name} must be an integer ≥ ${min}, got ${v}`);
  return v;
}

/** Options of `makeClassification` (scikit-learn's keywords in camelCase). */
export interface ClassificationOptions {
  /** Number of samples (default 100). */
  nSamples?: number;
  /** Total number of features (default 20). */
  nFeatures?: number;
  /** Informative features (default 2): the clusters live in this subspace. */
  nInformative?: number;
  /** Random linear combinations of the informative features (default 2). */
  nRedundant?: number;
  /** Copies of informative or redundant features (default 0). */
  nRepeated?: number;
  /** Number of classes (default 2). */
  nClasses?: number;
  /** Clusters per class (default 2). */
  nClustersPerClass?: number;
  /** Proportion of samples of each class (`nClasses` or `nClasses - 1` values); default balanced. */
  weights?: readonly number[] | null;
  /** Fraction of labels replaced by random ones (default 0.01). */
  flipY?: number;
  /** Half the side of the hypercube the cluster centres sit on (default 1). */
  classSep?: number;
  /** Centres on the hypercube's vertices (default true), else on a random polytope. */
  hypercube?: boolean;
  /** Added to every feature: a number, one per feature, or null for random shifts (default 0). */
  shift?: number | readonly number[] | null;
  /** Multiplies every feature after the shift: a number, one per feature, or null for random (default 1). */
  scale?: number | readonly number[] | null;
  /** Shuffle the samples and the features (default true). */
  shuffle?: boolean;
  /** Seed (or a RandomState) for reproducible samples. */
  randomState?: number | RandomState;
}

function perFeature(
  rs: RawRandomState,
  v: number | readonly number[] | null | undefined,
  fallback: number,
  n: number,
  random: (u: number) => number,
  name: string,
): Float64Array {
  if (v === null) return uniform(rs, n).map(random);
  if (v === undefined || typeof v === "number") return new Float64Array(n).fill(v ?? fallback);
  if (v.length !== n) throw new ValueError(`${name} has ${v.length} values; expected one per feature (${n})`);
  return Float64Array.from(v);
}

/**
 * A random n-class classification problem (`make_classification`): Gaussian clusters on the
 * vertices of a hypercube in the informative subspace, plus redundant, repeated and noise
 * features. Returns `[X, y]`, X float64 `[nSamples, nFeatures]`, y int32.
 *
 * @example
 * ```ts
 * const [X, y] = sk.datasets.makeClassification({ nSamples: 200, nFeatures: 5, randomState: 42 });
 * ```
 */
export function makeClassification(
  nSamples: number | ClassificationOptions = {},
  options: ClassificationOptions = {},
): [Tensor, Tensor] {
  const o = typeof nSamples === "number" ? { ...options, nSamples } : nSamples;
  const n = count("nSamples", o.nSamples ?? 100);
  const nFeatures = count("nFeatures", o.nFeatures ?? 20, 1);
  const nInf = count("nInformative", o.nInformative ?? 2, 1);
  const nRed = count("nRedundant", o.nRedundant ?? 2);
  const nRep = count("nRepeated", o.nRepeated ?? 0);
  const nClasses = count("nClasses", o.nClasses ?? 2, 1);
  const perClass = count("nClustersPerClass", o.nClustersPerClass ?? 2, 1);
  const flipY = o.flipY ?? 0.01;
  const classSep = o.classSep ?? 1;
  const rs = stream(o.randomState);
  if (nInf + nRed + nRep > nFeatures) {
    throw new ValueError(
      `nInformative + nRedundant + nRepeated (${nInf + nRed + nRep}) must be at most nFeatures (${nFeatures})`,
    );
  }
  if (nInf < Math.log2(nClasses * perClass)) {
    throw new ValueError(
      `nClasses(${nClasses}) * nClustersPerClass(${perClass}) must be smaller or equal 2**nInformative(${nInf})=${2 ** nInf}`,
    );
  }
  let weights: number[];
  if (o.weights !== undefined && o.weights !== null) {
    if (o.weights.length !== nClasses && o.weights.length !== nClasses - 1) {
      throw new ValueError(`weights has ${o.weights.length} values; expected nClasses (${nClasses}) or nClasses - 1`);
    }
    weights = [...o.weights];
    if (weights.length === nClasses - 1) weights.push(1 - weights.reduce((a, b) => a + b, 0));
  } else weights = new Array<number>(nClasses).fill(1 / nClasses);
  const nUseless = nFeatures - nInf - nRed - nRep;
  const nClusters = nClasses * perClass;

  // Samples per cluster by weight, the remainder dealt one by one.
  const sizes = Array.from({ length: nClusters }, (_, k) => Math.trunc((n * weights[k % nClasses]) / perClass));
  const left = n - sizes.reduce((a, b) => a + b, 0);
  for (let i = 0; i < left; i++) sizes[i % nClusters]++;

  const centroids = hypercube(rs, nClusters, nInf).map((b) => b * 2 * classSep - classSep);
  if (!(o.hypercube ?? true)) {
    const a = uniform(rs, nClusters);
    const b = uniform(rs, nInf);
    for (let k = 0; k < nClusters; k++) for (let j = 0; j < nInf; j++) centroids[k * nInf + j] *= a[k] * b[j];
  }

  const X = new Float64Array(n * nFeatures);
  const y = new Int32Array(n);
  const informative = normal(rs, n * nInf);
  let start = 0;
  for (let k = 0; k < nClusters; k++) {
    const rows = sizes[k];
    const A = uniform(rs, nInf * nInf).map((u) => 2 * u - 1);
    const Xk = matmulRows(informative.subarray(start * nInf, (start + rows) * nInf), A, rows, nInf, nInf);
    for (let i = 0; i < rows; i++) {
      y[start + i] = k % nClasses;
      for (let j = 0; j < nInf; j++) X[(start + i) * nFeatures + j] = Xk[i * nInf + j] + centroids[k * nInf + j];
    }
    start += rows;
  }
  if (nRed > 0) {
    const B = uniform(rs, nInf * nRed).map((u) => 2 * u - 1);
    const Xi = new Float64Array(n * nInf);
    for (let i = 0; i < n; i++) Xi.set(X.subarray(i * nFeatures, i * nFeatures + nInf), i * nInf);
    const red = matmulRows(Xi, B, n, nInf, nRed);
    for (let i = 0; i < n; i++) X.set(red.subarray(i * nRed, (i + 1) * nRed), i * nFeatures + nInf);
  }
  if (nRep > 0) {
    const m = nInf + nRed;
    const idx = Array.from(uniform(rs, nRep), (u) => Math.trunc((m - 1) * u + 0.5));
    for (let i = 0; i < n; i++) idx.forEach((c, r) => (X[i * nFeatures + m + r] = X[i * nFeatures + c]));
  }
  if (nUseless > 0) {
    const z = normal(rs, n * nUseless);
    const from = nFeatures - nUseless;
    for (let i = 0; i < n; i++) X.set(z.subarray(i * nUseless, (i + 1) * nUseless), i * nFeatures + from);
  }
  if (flipY >= 0) {
    const flip = uniform(rs, n);
    const where: number[] = [];
    flip.forEach((u, i) => u < flipY && where.push(i));
    if (where.length > 0) {
      const labels = rs.randint(nClasses, null, [where.length]).data;
      where.forEach((i, r) => (y[i] = labels[r]));
    }
  }
  const shift = perFeature(rs, o.shift, 0, nFeatures, (u) => (2 * u - 1) * classSep, "shift");
  const scale = perFeature(rs, o.scale, 1, nFeatures, (u) => 1 + 100 * u, "scale");
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < nFeatures; j++) X[i * nFeatures + j] = (X[i * nFeatures + j] + shift[j]) * scale[j];
  }
  let Xout: Float64Array = X;
  let yout = y;
  if (o.shuffle ?? true) {
    const perm = rs.permutation(n).data;
    Xout = permuteRows(X, nFeatures, perm);
    yout = Int32Array.from(perm, (p) => y[p]);
    Xout = permuteColumns(Xout, nFeatures, rs.permutation(nFeatures).data);
  }
  return [Tensor.fromTypedArray(Xout, [n, nFeatures], "float64"), Tensor.fromTypedArray(yout, [n], "int32")];
}

/** Options of `makeLowRankMatrix`. */
export interface LowRankOptions {
  /** Rows (default 100). */
  nSamples?: number;
  /** Columns (default 100). */
  nFeatures?: number;
  /** Approximate number of singular vectors that explain most of the data (default 10). */
  effectiveRank?: number;
  /** Relative importance of the fat, slowly decaying tail of the singular values (default 0.5). */
  tailStrength?: number;
  /** Seed (or a RandomState) for reproducible samples. */
  randomState?: number | RandomState;
}

function lowRank(rs: RawRandomState, nSamples: number, nFeatures: number, rank: number, tail: number): Float64Array {
  const k = Math.min(nSamples, nFeatures);
  const u = qr({ data: normal(rs, nSamples * k), shape: [nSamples, k] }).q?.data as Float64Array;
  const v = qr({ data: normal(rs, nFeatures * k), shape: [nFeatures, k] }).q?.data as Float64Array;
  const s = Array.from(
    { length: k },
    (_, i) => (1 - tail) * Math.exp(-1 * (i / rank) ** 2) + tail * Math.exp((-0.1 * i) / rank),
  );
  const out = new Float64Array(nSamples * nFeatures);
  for (let i = 0; i < nSamples; i++) {
    for (let j = 0; j < nFeatures; j++) {
      let acc = 0;
      for (let p = 0; p < k; p++) acc += u[i * k + p] * s[p] * v[j * k + p];
      out[i * nFeatures + j] = acc;
    }
  }
  return out;
}

/**
 * A mostly low-rank matrix with bell-shaped singular values (`make_low_rank_matrix`), float64
 * `[nSamples, nFeatures]`.
 *
 * @example
 * ```ts
 * const X = sk.datasets.makeLowRankMatrix({ nSamples: 50, nFeatures: 25, effectiveRank: 5, randomState: 0 });
 * ```
 */
export function makeLowRankMatrix(options: LowRankOptions = {}): Tensor {
  const n = count("nSamples", options.nSamples ?? 100, 1);
  const f = count("nFeatures", options.nFeatures ?? 100, 1);
  const rs = stream(options.randomState);
  const X = lowRank(rs, n, f, options.effectiveRank ?? 10, options.tailStrength ?? 0.5);
  return Tensor.fromTypedArray(X, [n, f], "float64");
}

/** Options of `makeRegression` (scikit-learn's keywords in camelCase). */
export interface RegressionOptions {
  /** Number of samples (default 100). */
  nSamples?: number;
  /** Number of features (default 100). */
  nFeatures?: number;
  /** Features with a non-zero coefficient (default 10). */
  nInformative?: number;
  /** Number of targets (default 1: `y` is 1-D). */
  nTargets?: number;
  /** Intercept added to every target (default 0). */
  bias?: number;
  /** When given, X comes from `makeLowRankMatrix` with this effective rank (default null: Gaussian X). */
  effectiveRank?: number | null;
  /** Tail strength of the low-rank profile (default 0.5), used with `effectiveRank`. */
  tailStrength?: number;
  /** Standard deviation of Gaussian noise added to `y` (default 0). */
  noise?: number;
  /** Shuffle the samples and the features (default true). */
  shuffle?: boolean;
  /** Also return the true coefficients (default false). */
  coef?: boolean;
  /** Seed (or a RandomState) for reproducible samples. */
  randomState?: number | RandomState;
}

/**
 * A random linear regression problem (`make_regression`): `[X, y]`, or `[X, y, coef]` with
 * `coef: true`. X float64 `[nSamples, nFeatures]`; y `[nSamples]` (`[nSamples, nTargets]` for
 * several targets).
 *
 * @example
 * ```ts
 * const [X, y] = sk.datasets.makeRegression({ nSamples: 100, nFeatures: 1, noise: 10, randomState: 42 });
 * ```
 */
export function makeRegression(
  nSamples?: number | (RegressionOptions & { coef?: false }),
  options?: RegressionOptions & { coef?: false },
): [Tensor, Tensor];
export function makeRegression(
  nSamples: number | (RegressionOptions & { coef: true }),
  options?: RegressionOptions,
): [Tensor, Tensor, Tensor];
export function makeRegression(
  nSamples?: number | RegressionOptions,
  options?: RegressionOptions,
): [Tensor, Tensor] | [Tensor, Tensor, Tensor];
export function makeRegression(
  nSamples: number | RegressionOptions = {},
  options: RegressionOptions = {},
): [Tensor, Tensor] | [Tensor, Tensor, Tensor] {
  const o = typeof nSamples === "number" ? { ...options, nSamples } : nSamples;
  const n = count("nSamples", o.nSamples ?? 100);
  const nFeatures = count("nFeatures", o.nFeatures ?? 100, 1);
  const nInf = Math.min(nFeatures, count("nInformative", o.nInformative ?? 10));
  const nTargets = count("nTargets", o.nTargets ?? 1, 1);
  const bias = o.bias ?? 0;
  const noise = o.noise ?? 0;
  const rs = stream(o.randomState);
  const rank = o.effectiveRank ?? null;
  let X: Float64Array = rank === null ? normal(rs, n * nFeatures) : lowRank(rs, n, nFeatures, rank, o.tailStrength ?? 0.5);
  let truth: Float64Array = new Float64Array(nFeatures * nTargets);
  truth.set(uniform(rs, nInf * nTargets).map((u) => 100 * u));
  let y: Float64Array = matmulRows(X, truth, n, nFeatures, nTargets).map((v) => v + bias);
  if (noise > 0) {
    const z = normal(rs, n * nTargets);
    y = y.map((v, i) => v + noise * z[i]);
  }
  if (o.shuffle ?? true) {
    const perm = rs.permutation(n).data;
    X = permuteRows(X, nFeatures, perm);
    y = permuteRows(y, nTargets, perm);
    const cols = rs.permutation(nFeatures).data;
    X = permuteColumns(X, nFeatures, cols);
    truth = permuteRows(truth, nTargets, cols);
  }
  const shape = nTargets === 1 ? [n] : [n, nTargets];
  const out: [Tensor, Tensor] = [Tensor.fromTypedArray(X, [n, nFeatures], "float64"), Tensor.fromTypedArray(y, shape, "float64")];
  if (!o.coef) return out;
  const coefShape = nTargets === 1 ? [nFeatures] : [nFeatures, nTargets];
  return [...out, Tensor.fromTypedArray(truth, coefShape, "float64")];
}
