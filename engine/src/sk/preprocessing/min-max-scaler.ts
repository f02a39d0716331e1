/** `MinMaxScaler`: maps each feature linearly onto `featureRange` (default [0, 1]). */
import type { Tensor } from "../../core/tensor.js";
import { ValueError } from "../../core/errors.js";
import { TransformerMixin } from "../base/mixins.js";
import { checkIsFitted } from "../base/estimator.js";
import { registerEstimator } from "../base/registry.js";
import type { ArrayInput, TargetInput } from "../base/types.js";
import { handleZerosInScale, inputFeatureNames, matrixData, tensorOf } from "./column-stats.js";

/** Options of {@link MinMaxScaler}. */
export interface MinMaxScalerOptions {
  /** Target range [min, max]. Default [0, 1]. */
  featureRange?: readonly [number, number];
  /** Clip transformed values to the range (for data outside the training range). */
  clip?: boolean;
  /** Accepted for scikit-learn compatibility; inputs are never modified. */
  copy?: boolean;
}

/**
 * Scales features to a range: `x * scale_ + min_`. NaN is ignored in `fit`, kept in `transform`.
 *
 * @example
 * ```ts
 * new sk.MinMaxScaler({ featureRange: [-1, 1] }).fitTransform(np.array([[0], [5], [10]])); // [[-1], [0], [1]]
 * ```
 */
export class MinMaxScaler extends TransformerMixin {
  static defaults = { featureRange: [0, 1] as readonly [number, number], clip: false, copy: true };
  declare featureRange: readonly [number, number];
  declare clip: boolean;
  declare copy: boolean;
  /** Per-feature minimum seen in fit. */
  dataMin_?: Tensor;
  /** Per-feature maximum seen in fit. */
  dataMax_?: Tensor;
  /** `dataMax_ - dataMin_`. */
  dataRange_?: Tensor;
  /** Per-feature multiplier. */
  scale_?: Tensor;
  /** Per-feature offset. */
  min_?: Tensor;
  /** Samples seen. */
  nSamplesSeen_?: number;

  constructor(options: MinMaxScalerOptions = {}) {
    super(options);
  }

  fit(X: ArrayInput, _y?: TargetInput | null): this {
    const [lo, hi] = this.featureRange;
    if (!(lo < hi)) {
      throw new ValueError(
        `Minimum of desired feature range must be smaller than maximum. Got [${lo}, ${hi}].`,
      );
    }
    const t = this.validateData(X, { reset: true, allowNaN: true });
    const [n, m] = t.shape;
    const d = matrixData(t);
    const mn = new Float64Array(m).fill(NaN);
    const mx = new Float64Array(m).fill(NaN);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < m; j++) {
        const v = d[i * m + j];
        if (v !== v) continue;
        if (!(v >= mn[j])) mn[j] = v;
        if (!(v <= mx[j])) mx[j] = v;
      }
    }
    const range = mx.map((v, j) => v - mn[j]);
    const scale = handleZerosInScale(Float64Array.from(range)).map((r) => (hi - lo) / r);
    this.dataMin_ = tensorOf(mn, [m]);
    this.dataMax_ = tensorOf(mx, [m]);
    this.dataRange_ = tensorOf(range, [m]);
    this.scale_ = tensorOf(scale, [m]);
    this.min_ = tensorOf(
      mn.map((v, j) => lo - v * scale[j]),
      [m],
    );
    this.nSamplesSeen_ = n;
    return this;
  }

  /** Scales `X` to the range. */
  transform(X: ArrayInput): Tensor {
    checkIsFitted(this);
    const t = this.validateData(X, { allowNaN: true });
    const [n, m] = t.shape;
    const d = matrixData(t);
    const s = (this.scale_ as Tensor).dataSync();
    const b = (this.min_ as Tensor).dataSync();
    const [lo, hi] = this.featureRange;
    const out = new Float64Array(n * m);
    for (let i = 0; i < n * m; i++) {
      const j = i % m;
      let v = d[i] * s[j] + b[j];
      if (this.clip) v = Math.min(hi, Math.max(lo, v));
      out[i] = v;
    }
    return tensorOf(out, [n, m]);
  }

  /** Undoes `transform`. */
  inverseTransform(X: ArrayInput): Tensor {
    checkIsFitted(this);
    const t = this.validateData(X, { allowNaN: true });
    const [n, m] = t.shape;
    const d = matrixData(t);
    const s = (this.scale_ as Tensor).dataSync();
    const b = (this.min_ as Tensor).dataSync();
    const out = new Float64Array(n * m);
    for (let i = 0; i < n * m; i++) out[i] = (d[i] - b[i % m]) / s[i % m];
    return tensorOf(out, [n, m]);
  }

  /** Output feature names: the input names. */
  getFeatureNamesOut(inputFeatures?: readonly string[]): string[] {
    checkIsFitted(this);
    return inputFeatureNames(this.nFeaturesIn_ as number, this.featureNamesIn_, inputFeatures);
  }
}
registerEstimator(MinMaxScaler);
