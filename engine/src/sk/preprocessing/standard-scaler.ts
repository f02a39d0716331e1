/** `StandardScaler`: removes each feature's mean and scales it to unit variance. */
import type { Tensor } from "../../core/tensor.js";
import { TransformerMixin } from "../base/mixins.js";
import { checkIsFitted } from "../base/estimator.js";
import { registerEstimator } from "../base/registry.js";
import type { ArrayInput, TargetInput } from "../base/types.js";
import {
  columnMeanVar,
  handleZerosInScale,
  inputFeatureNames,
  matrixData,
  tensorOf,
} from "./column-stats.js";

/** Options of {@link StandardScaler}. */
export interface StandardScalerOptions {
  /** Center the data (subtract `mean_`). Default true. */
  withMean?: boolean;
  /** Scale to unit variance (divide by `scale_`). Default true. */
  withStd?: boolean;
  /** Accepted for scikit-learn compatibility; inputs are never modified. */
  copy?: boolean;
}

/**
 * Standardizes features: `(x - mean_) / scale_`. NaN values are ignored in `fit` and kept in
 * `transform`, as in scikit-learn.
 *
 * @example
 * ```ts
 * const s = new sk.StandardScaler().fit(np.array([[0, 0], [0, 0], [1, 1], [1, 1]]));
 * s.mean_; // array([0.5, 0.5])
 * s.transform(np.array([[2, 2]])); // array([[3., 3.]])
 * ```
 */
export class StandardScaler extends TransformerMixin {
  static defaults = { withMean: true, withStd: true, copy: true };
  declare withMean: boolean;
  declare withStd: boolean;
  declare copy: boolean;

  /** Per-feature mean (null with `withMean: false` and `withStd: false`). */
  mean_?: Tensor | null;
  /** Per-feature variance. */
  var_?: Tensor | null;
  /** Per-feature scale (standard deviation, 1 for constant features). */
  scale_?: Tensor | null;
  /** Number of samples seen per feature (NaN excluded). */
  nSamplesSeen_?: number | Tensor;

  constructor(options: StandardScalerOptions = {}) {
    super(options);
  }

  fit(X: ArrayInput, _y?: TargetInput | null): this {
    const t = this.validateData(X, { reset: true, allowNaN: true });
    const [n, m] = t.shape;
    const { count, mean, variance } = columnMeanVar(matrixData(t), n, m);
    const allSame = count.every((c) => c === count[0]);
    this.nSamplesSeen_ = allSame ? count[0] : tensorOf(count, [m]);
    this.mean_ = this.withMean || this.withStd ? tensorOf(mean, [m]) : null;
    this.var_ = this.withStd ? tensorOf(variance, [m]) : null;
    this.scale_ = this.withStd ? tensorOf(handleZerosInScale(variance.map(Math.sqrt)), [m]) : null;
    return this;
  }

  private apply(X: ArrayInput, inverse: boolean): Tensor {
    checkIsFitted(this);
    const t = this.validateData(X, { allowNaN: true });
    const [n, m] = t.shape;
    const d = matrixData(t);
    const out = new Float64Array(n * m);
    const mean = this.withMean && this.mean_ ? (this.mean_.dataSync() as Float64Array) : null;
    const scale = this.withStd && this.scale_ ? (this.scale_.dataSync() as Float64Array) : null;
    for (let i = 0; i < n; i++) {
      const r = i * m;
      for (let j = 0; j < m; j++) {
        let v = d[r + j];
        if (inverse) {
          if (scale) v *= scale[j];
          if (mean) v += mean[j];
        } else {
          if (mean) v -= mean[j];
          if (scale) v /= scale[j];
        }
        out[r + j] = v;
      }
    }
    return tensorOf(out, [n, m]);
  }

  /** Standardizes `X` with the fitted mean and scale. */
  transform(X: ArrayInput): Tensor {
    return this.apply(X, false);
  }

  /** Undoes `transform`: `x * scale_ + mean_`. */
  inverseTransform(X: ArrayInput): Tensor {
    return this.apply(X, true);
  }

  /** Output feature names: the input names. */
  getFeatureNamesOut(inputFeatures?: readonly string[]): string[] {
    checkIsFitted(this);
    return inputFeatureNames(this.nFeaturesIn_ as number, this.featureNamesIn_, inputFeatures);
  }
}
registerEstimator(StandardScaler);
