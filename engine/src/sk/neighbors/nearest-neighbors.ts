/**
 * `NearestNeighbors`: the unsupervised neighbour search behind the k-NN models.
 */
import type { Tensor } from "../../core/tensor.js";
import { BaseEstimator } from "../base/estimator.js";
import { registerEstimator } from "../base/registry.js";
import type { ArrayInput, TargetInput } from "../base/types.js";
import type { Matrix } from "../internal/matrix.js";
import {
  NEIGHBORS_DEFAULTS,
  resultTensors,
  search,
  storeTraining,
  type NeighborsHost,
  type NeighborsOptions,
} from "./search.js";

/** Options of {@link NearestNeighbors}. */
export interface NearestNeighborsOptions extends NeighborsOptions {
  /** Accepted for scikit-learn compatibility (radius queries are not offered). */
  radius?: number;
}

/**
 * Exact nearest-neighbour search.
 *
 * @example
 * ```ts
 * const nn = new sk.NearestNeighbors({ nNeighbors: 2 }).fit(X);
 * const [dist, ind] = nn.kneighbors(X.get(":3"));
 * ```
 */
export class NearestNeighbors extends BaseEstimator implements NeighborsHost {
  static defaults: Record<string, unknown> = { ...NEIGHBORS_DEFAULTS, radius: 1 };
  declare nNeighbors: number;
  declare radius: number;
  declare algorithm: string;
  declare leafSize: number;
  declare metric: string;
  declare p: number;
  declare metricParams: Record<string, unknown> | null;
  declare nJobs: number | null;
  fitX_?: Matrix;
  nSamplesFit_?: number;
  effectiveMetric_?: string;

  constructor(options: NearestNeighborsOptions = {}) {
    super(options);
  }

  /** Stores the samples to search; `y` is ignored. Returns this. */
  fit(X: ArrayInput, y?: TargetInput | null): this {
    void y;
    storeTraining(this, this.validateData(X, { reset: true }));
    return this;
  }

  /** `[distances, indices]` of the nearest samples (indices only with `returnDistance` false). */
  kneighbors(X?: ArrayInput | null, nNeighbors?: number, returnDistance?: true): [Tensor, Tensor];
  kneighbors(X: ArrayInput | null | undefined, nNeighbors: number | undefined, returnDistance: false): Tensor;
  kneighbors(X?: ArrayInput | null, nNeighbors?: number, returnDistance = true): [Tensor, Tensor] | Tensor {
    const r = search(this, X, nNeighbors ?? this.nNeighbors, (x) => this.validateData(x));
    const [d, i] = resultTensors(r);
    return returnDistance ? [d, i] : i;
  }
}

registerEstimator(NearestNeighbors);
