import { Tensor } from "../../core/tensor.js";
import { RandomState } from "../../np/random.js";

// scikit-learn's data generators, drawing from NumPy's legacy RandomState in the same order as
// scikit-learn 1.2, so a seeded call gives the same numbers as in Python.

function stream(randomState: number | RandomState | undefined): RandomState {
  return randomState instanceof RandomState ? randomState : new RandomState(randomState);
}

function floats(t: Tensor): Float64Array {
  return t.dataSync() as Float64Array;
}

/** Rows of `X` (`k` per row) and labels `y` reordered by `perm`. */
function reorder(X: Float64Array, y: Int32Array, k: number, perm: ArrayLike<number>): [Float64Array, Int32Array] {
  const n = y.length;
  const X2 = new Float64Array(X.length);
  const y2 = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const p = perm[i];
    for (let j = 0; j < k; j++) X2[i * k + j] = X[p * k + j];
    y2[i] = y[p];
  }
  return [X2, y2];
}

function linspace(a: number, b: number, n: number, endpoint = true): number[] {
  const div = endpoint ? n - 1 : n;
  const step = div > 0 ? (b - a) / div : 0;
  const out = Array.from({ length: n }, (_, i) => a + i * step);
  if (endpoint && n > 1) out[n - 1] = b;
  return out;
}

function twoGroups(nSamples: number | readonly [number, number]): [number, number] {
  if (typeof nSamples === "number") return [Math.floor(nSamples / 2), nSamples - Math.floor(nSamples / 2)];
  return [nSamples[0], nSamples[1]];
}

/** Options shared by the 2-D generators. */
export interface ShapeOptions {
  /** Shuffle the samples (default true). */
  shuffle?: boolean;
  /** Standard deviation of Gaussian noise added to the points. */
  noise?: number;
  /** Seed (or a RandomState) for reproducible samples. */
  randomState?: number | RandomState;
}

function finishShapes(X: Float64Array, y: Int32Array, options: ShapeOptions): [Tensor, Tensor] {
  const rs = stream(options.randomState);
  let [x2, y2]: [Float64Array, Int32Array] = [X, y];
  if (options.shuffle ?? true) [x2, y2] = reorder(X, y, 2, rs.permutation(y.length).dataSync());
  if (options.noise !== undefined && options.noise !== null) {
    const z = floats(rs.normal(0, options.noise, [y.length, 2]) as Tensor);
    for (let i = 0; i < x2.length; i++) x2[i] += z[i];
  }
  return [Tensor.fromTypedArray(x2, [y.length, 2], "float64"), Tensor.fromTypedArray(y2, [y.length], "int32")];
}

/**
 * Two interleaving half circles (`make_moons`): `[X, y]`, X float64 `[n, 2]`, y int32.
 *
 * @example
 * ```ts
 * const [X, y] = sk.datasets.makeMoons(100, { noise: 0.15, randomState: 42 });
 * ```
 */
export function makeMoons(nSamples: number | readonly [number, number] = 100, options: ShapeOptions = {}): [Tensor, Tensor] {
  const [nOut, nIn] = twoGroups(nSamples);
  const n = nOut + nIn;
  const X = new Float64Array(2 * n);
  const y = new Int32Array(n);
  linspace(0, Math.PI, nOut).forEach((t, i) => {
    X[2 * i] = Math.cos(t);
    X[2 * i + 1] = Math.sin(t);
  });
  linspace(0, Math.PI, nIn).forEach((t, i) => {
    X[2 * (nOut + i)] = 1 - Math.cos(t);
    X[2 * (nOut + i) + 1] = 1 - Math.sin(t) - 0.5;
    y[nOut + i] = 1;
  });
  return finishShapes(X, y, options);
}

/**
 * A large circle containing a smaller one (`make_circles`); `factor` is the inner radius.
 *
 * @example
 * ```ts
 * const [X, y] = sk.datasets.makeCircles(100, { factor: 0.5, noise: 0.05, randomState: 0 });
 * ```
 */
export function makeCircles(nSamples: number | readonly [number, number] = 100, options: ShapeOptions & { factor?: number } = {}): [Tensor, Tensor] {
  const factor = options.factor ?? 0.8;
  if (!(factor >= 0 && factor < 1)) throw new RangeError("'factor' has to be between 0 and 1.");
  const [nOut, nIn] = twoGroups(nSamples);
  const n = nOut + nIn;
  const X = new Float64Array(2 * n);
  const y = new Int32Array(n);
  linspace(0, 2 * Math.PI, nOut, false).forEach((t, i) => {
    X[2 * i] = Math.cos(t);
    X[2 * i + 1] = Math.sin(t);
  });
  linspace(0, 2 * Math.PI, nIn, false).forEach((t, i) => {
    X[2 * (nOut + i)] = Math.cos(t) * factor;
    X[2 * (nOut + i) + 1] = Math.sin(t) * factor;
    y[nOut + i] = 1;
  });
  return finishShapes(X, y, options);
}

/** Options of `makeBlobs`. */
export interface BlobsOptions {
  /** Number of features (default 2). */
  nFeatures?: number;
  /** Number of centres (default 3), or the centres themselves (rows). */
  centers?: number | readonly (readonly number[])[];
  /** Standard deviation of each cluster (one value, or one per centre). Default 1. */
  clusterStd?: number | readonly number[];
  /** Box the random centres are drawn from (default [-10, 10]). */
  centerBox?: readonly [number, number];
  shuffle?: boolean;
  randomState?: number | RandomState;
}

/**
 * Gaussian blobs for clustering (`make_blobs`): `[X, y]`; `nSamples` may also give the count of
 * each blob.
 *
 * @example
 * ```ts
 * const [X, y] = sk.datasets.makeBlobs(2000, { centers: blobCenters, clusterStd: blobStd, randomState: 7 });
 * ```
 */
export function makeBlobs(nSamples: number | readonly number[] = 100, options: BlobsOptions = {}): [Tensor, Tensor] {
  if (typeof nSamples !== "number" && !Array.isArray(nSamples)) {
    throw new TypeError(
      "makeBlobs takes the number of samples (or one count per blob) first, then the options: makeBlobs(150, { centers: 3 })",
    );
  }
  const rs = stream(options.randomState);
  const [lo, hi] = options.centerBox ?? [-10, 10];
  let nFeatures = options.nFeatures ?? 2;
  let centers: number[][];
  const given = options.centers;
  if (typeof given === "object") {
    centers = given.map((c) => [...c]);
    nFeatures = centers[0].length;
  } else {
    const k = typeof nSamples === "number" ? (given ?? 3) : nSamples.length;
    const u = floats(rs.uniform(lo, hi, [k, nFeatures]) as Tensor);
    centers = Array.from({ length: k }, (_, i) => Array.from(u.slice(i * nFeatures, (i + 1) * nFeatures)));
  }
  const k = centers.length;
  const std = typeof options.clusterStd === "object" ? [...options.clusterStd] : new Array<number>(k).fill(options.clusterStd ?? 1);
  if (std.length !== k) throw new RangeError(`Length of clusterStd (${std.length}) not consistent with number of centers (${k})`);
  let counts: number[];
  if (typeof nSamples === "number") {
    counts = new Array<number>(k).fill(Math.floor(nSamples / k));
    for (let i = 0; i < nSamples % k; i++) counts[i]++;
  } else {
    if (nSamples.length !== k) throw new RangeError(`Length of nSamples (${nSamples.length}) not consistent with number of centers (${k})`);
    counts = [...nSamples];
  }
  const n = counts.reduce((a, b) => a + b, 0);
  const X = new Float64Array(n * nFeatures);
  const y = new Int32Array(n);
  let row = 0;
  counts.forEach((c, i) => {
    // NumPy's normal(loc, scale) is loc + scale * gauss, drawn in row-major order.
    const z = floats(rs.standardNormal([c, nFeatures]) as Tensor);
    for (let r = 0; r < c; r++) {
      for (let j = 0; j < nFeatures; j++) X[(row + r) * nFeatures + j] = centers[i][j] + std[i] * z[r * nFeatures + j];
      y[row + r] = i;
    }
    row += c;
  });
  let [x2, y2]: [Float64Array, Int32Array] = [X, y];
  if (options.shuffle ?? true) [x2, y2] = reorder(X, y, nFeatures, rs.permutation(n).dataSync());
  return [Tensor.fromTypedArray(x2, [n, nFeatures], "float64"), Tensor.fromTypedArray(y2, [n], "int32")];
}

/**
 * A 3-D Swiss roll (`make_swiss_roll`): `[X, t]`, X float64 `[n, 3]`, t the position along the
 * roll (used as colour in the book's plots).
 *
 * @example
 * ```ts
 * const [X, t] = sk.datasets.makeSwissRoll(1000, { noise: 0.2, randomState: 42 });
 * ```
 */
export function makeSwissRoll(nSamples = 100, options: { noise?: number; randomState?: number | RandomState } = {}): [Tensor, Tensor] {
  const rs = stream(options.randomState);
  const t = floats(rs.uniform(0, 1, [nSamples]) as Tensor).map((u) => 1.5 * Math.PI * (1 + 2 * u));
  const h = floats(rs.uniform(0, 1, [nSamples]) as Tensor).map((u) => 21 * u);
  const z = floats(rs.standardNormal([3, nSamples]) as Tensor);
  const noise = options.noise ?? 0;
  const X = new Float64Array(3 * nSamples);
  for (let i = 0; i < nSamples; i++) {
    X[3 * i] = t[i] * Math.cos(t[i]) + noise * z[i];
    X[3 * i + 1] = h[i] + noise * z[nSamples + i];
    X[3 * i + 2] = t[i] * Math.sin(t[i]) + noise * z[2 * nSamples + i];
  }
  return [Tensor.fromTypedArray(X, [nSamples, 3], "float64"), Tensor.fromTypedArray(Float64Array.from(t), [nSamples], "float64")];
}
