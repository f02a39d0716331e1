/**
 * `KNeighborsRegressor`: the (distance-weighted) mean target of the k nearest training samples.
 */
import type { Tensor } from "../../core/tensor.js";
import { RegressorMixin } from "../base/mixins.js";
import { registerEstimator } from "../base/registry.js";
import type { ArrayInput, TargetInput } from "../base/types.js";
import { asTarget, tensor, type Matrix, type Target } from "../internal/matrix.js";
import {
  NEIGHBORS_DEFAULTS,
  neighborWeights,
  resultTensors,
  search,
  storeTraining,
  type NeighborsHost,
  type NeighborsOptions,
  type Weights,
} from "./search.js";

/** Options of {@link KNeighborsRegressor}. */
export interface KNeighborsRegressorOptions extends NeighborsOptions {
  /** `uniform` (default), `distance` (1/d), or a function of the distances. */
  weights?: Weights;
}

/**
 * k-nearest-neighbours regression.
 *
 * @example
 * ```ts
 * const knn = new sk.KNeighborsRegressor({ nNeighbors: 3 }).fit(gdp, lifeSat);
 * knn.predict([[22587]]); // array([[5.76666667]])
 * ```
 */
export class KNeighborsRegressor extends RegressorMixin implements NeighborsHost {
  static defaults: Record<string, unknown> = { ...NEIGHBORS_DEFAULTS, weights: "uniform" };
  declare nNeighbors: number;
  declare weights: Weights;
  declare algorithm: string;
  declare leafSize: number;
  declare metric: string;
  declare p: number;
  declare metricParams: Record<string, unknown> | null;
  declare nJobs: number | null;
  fitX_?: Matrix;
  nSamplesFit_?: number;
  effectiveMetric_?: string;
  /** @internal The training targets. */
  fitY_?: Target;

  constructor(options: KNeighborsRegressorOptions = {}) {
    super(options);
  }

  /** Stores the training set; returns this. */
  fit(X: ArrayInput, y: TargetInput): this {
    const M = storeTraining(this, this.validateData(X, { reset: true }));
    this.fitY_ = asTarget(y, M.rows, { estimator: "KNeighborsRegressor" });
    return this;
  }

  /** `[distances, indices]` of the nearest training samples (see `KNeighborsClassifier.kneighbors`). */
  kneighbors(X?: ArrayInput | null, nNeighbors?: number, returnDistance?: true): [Tensor, Tensor];
  kneighbors(X: ArrayInput | null | undefined, nNeighbors: number | undefined, returnDistance: false): Tensor;
  kneighbors(X?: ArrayInput | null, nNeighbors?: number, returnDistance = true): [Tensor, Tensor] | Tensor {
    const r = search(this, X, nNeighbors ?? this.nNeighbors, (x) => this.validateData(x));
    const [d, i] = resultTensors(r);
    return returnDistance ? [d, i] : i;
  }

  /** The (weighted) mean of the neighbours' targets: `(n,)`, or `(n, n_targets)` for 2-D y. */
  predict(X: ArrayInput): Tensor {
    const r = search(this, X, this.nNeighbors, (x) => this.validateData(x));
    const w = neighborWeights(this.weights, r);
    const Y = this.fitY_ as Target;
    const k = r.k;
    const n = r.indices.length / k;
    const t = Y.cols;
    const out = new Float64Array(n * t);
    for (let i = 0; i < n; i++) {
      let ws = 0;
      for (let j = 0; j < k; j++) {
        const wij = w ? w[i * k + j] : 1;
        ws += wij;
        const row = r.indices[i * k + j] * t;
        for (let c = 0; c < t; c++) out[i * t + c] += wij * Y.data[row + c];
      }
      for (let c = 0; c < t; c++) out[i * t + c] /= ws;
    }
    return tensor(out, Y.is1d ? [n] : [n, t]);
  }
}

registerEstimator(KNeighborsRegressor);
