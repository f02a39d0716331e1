/**
 * What the neighbour estimators share: the fitted training matrix, the metric options and
 * `kneighbors` (scikit-learn's `KNeighborsMixin`), plus the distance weights of predictions.
 */
import { ValueError } from "../../core/errors.js";
import { Tensor } from "../../core/tensor.js";
import { checkIsFitted, type BaseEstimator } from "../base/estimator.js";
import type { ArrayInput } from "../base/types.js";
import { matrixOf, tensor, type Matrix } from "../internal/matrix.js";
import { kNearest, type KnnResult, type Metric } from "./brute.js";

/** Options every neighbour estimator takes. */
export interface NeighborsOptions {
  /** Number of neighbours (default 5). */
  nNeighbors?: number;
  /** Accepted for scikit-learn compatibility; the search is always brute force (exact). */
  algorithm?: "auto" | "ball_tree" | "kd_tree" | "brute";
  /** Accepted for scikit-learn compatibility. */
  leafSize?: number;
  /** `minkowski` (with `p`), `euclidean`, `manhattan`/`cityblock`, `chebyshev`. */
  metric?: string;
  /** Minkowski power (default 2). */
  p?: number;
  metricParams?: Record<string, unknown> | null;
  nJobs?: number | null;
}

/** The defaults of {@link NeighborsOptions}. */
export const NEIGHBORS_DEFAULTS = {
  nNeighbors: 5,
  algorithm: "auto",
  leafSize: 30,
  metric: "minkowski",
  p: 2,
  metricParams: null,
  nJobs: null,
} as const;

/** The fields of an estimator using {@link kneighbors}. */
export interface NeighborsHost extends BaseEstimator {
  nNeighbors: number;
  metric: string;
  p: number;
  /** @internal The training samples. */
  fitX_?: Matrix;
  /** Samples seen in `fit`. */
  nSamplesFit_?: number;
  /** The metric in effect (`"euclidean"` for minkowski with p = 2, as scikit-learn reports). */
  effectiveMetric_?: string;
}

/** Resolves the metric options to a Minkowski power, naming the valid choices on error. */
export function metricOf(metric: string, p: number): Metric {
  switch (metric) {
    case "minkowski":
      if (!(p >= 1))
        throw new ValueError(`p must be greater or equal to one for minkowski metric; got p=${p}.`);
      return { p };
    case "euclidean":
    case "l2":
      return { p: 2 };
    case "manhattan":
    case "cityblock":
    case "l1":
      return { p: 1 };
    case "chebyshev":
    case "infinity":
      return { p: Infinity };
    default:
      throw new ValueError(
        `Metric '${metric}' is not supported; use 'minkowski' (with p), 'euclidean', 'manhattan', 'cityblock' or 'chebyshev'.`,
      );
  }
}

/** Stores the training matrix (called by `fit` after validating X). */
export function storeTraining(est: NeighborsHost, X: Tensor): Matrix {
  const M = matrixOf(X);
  const { p } = metricOf(est.metric, est.p);
  if (!(Number.isInteger(est.nNeighbors) && est.nNeighbors > 0)) {
    throw new ValueError(`Expected nNeighbors > 0 (an integer); got ${est.nNeighbors}.`);
  }
  est.fitX_ = M;
  est.nSamplesFit_ = M.rows;
  est.effectiveMetric_ =
    p === 2 ? "euclidean" : p === 1 ? "manhattan" : p === Infinity ? "chebyshev" : "minkowski";
  return M;
}

/** The raw search for `kneighbors` and `predict`: queries are X, or the training set without self. */
export function search(
  est: NeighborsHost,
  X: ArrayInput | null | undefined,
  k: number,
  validate: (X: ArrayInput) => Tensor,
): KnnResult {
  checkIsFitted(est, "fitX_");
  const T = est.fitX_ as Matrix;
  const self = X === null || X === undefined;
  const nAvail = self ? T.rows - 1 : T.rows;
  if (!(Number.isInteger(k) && k > 0))
    throw new ValueError(`Expected nNeighbors > 0 (an integer); got ${k}.`);
  if (k > nAvail) {
    throw new ValueError(
      `Expected n_neighbors <= n_samples_fit, but n_neighbors = ${k}, n_samples_fit = ${T.rows}, n_samples = ${self ? T.rows : "?"}`,
    );
  }
  const Q = self ? T : matrixOf(validate(X));
  return kNearest(Q, T, k, metricOf(est.metric, est.p), self);
}

/** Tensors for `kneighbors`' result: `[distances, indices]` of shape (n_queries, k). */
export function resultTensors(r: KnnResult): [Tensor, Tensor] {
  const n = r.indices.length / r.k;
  return [tensor(r.distances, [n, r.k]), Tensor.fromTypedArray(r.indices, [n, r.k], "int32")];
}

/** Weight schemes of the neighbour predictors. */
export type Weights = "uniform" | "distance" | ((distances: Tensor) => Tensor);

/**
 * Per-neighbour weights: null for uniform; 1/d for `distance`, where a query with a zero
 * distance gives weight 1 to its exact matches and 0 to the others (scikit-learn's rule).
 */
export function neighborWeights(weights: Weights, r: KnnResult): Float64Array | null {
  if (weights === "uniform") return null;
  const k = r.k;
  const n = r.distances.length / k;
  if (typeof weights === "function") {
    const w = weights(tensor(r.distances.slice(), [n, k]));
    if (!(w instanceof Tensor) || w.size !== n * k)
      throw new ValueError("the weights function must return a tensor of the distances' shape");
    return Float64Array.from(w.dataSync());
  }
  if (weights !== "distance") {
    throw new ValueError(
      `weights not recognized: should be 'uniform', 'distance', or a callable function; got '${String(weights)}'.`,
    );
  }
  const out = new Float64Array(n * k);
  for (let i = 0; i < n; i++) {
    let zero = false;
    for (let j = 0; j < k; j++) if (r.distances[i * k + j] === 0) zero = true;
    for (let j = 0; j < k; j++) {
      const dist = r.distances[i * k + j];
      out[i * k + j] = zero ? (dist === 0 ? 1 : 0) : 1 / dist;
    }
  }
  return out;
}
