/** `RobustScaler`: centers on the median and scales by the interquartile range (outlier-robust). */
import type { Tensor } from "../../core/tensor.js";
import { ValueError } from "../../core/errors.js";
import { TransformerMixin } from "../base/mixins.js";
import { checkIsFitted } from "../base/estimator.js";
import { registerEstimator } from "../base/registry.js";
import type { ArrayInput, TargetInput } from "../base/types.js";
import {
  handleZerosInScale,
  inputFeatureNames,
  matrixData,
  percentileSorted,
  sortedColumn,
  tensorOf,
} from "./column-stats.js";

/** Options of {@link RobustScaler}. */
export interface RobustScalerOptions {
  /** Subtract the median. Default true. */
  withCentering?: boolean;
  /** Divide by the quantile range. Default true. */
  withScaling?: boolean;
  /** Percentiles of the range. Default [25, 75]. */
  quantileRange?: readonly [number, number];
  /** Rescale so that a normal feature gets unit variance. */
  unitVariance?: boolean;
  /** Accepted for scikit-learn compatibility. */
  copy?: boolean;
}

// Inverse of the standard normal CDF (Acklam's rational approximation refined by one Newton
// step), for `unitVariance`.
function normPpf(p: number): number {
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
    2.506628277459239,
  ];
  const b = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572,
  ];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const pl = 0.02425;
  let x: number;
  if (p < pl) {
    const q = Math.sqrt(-2 * Math.log(p));
    x =
      (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
      ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  } else if (p <= 1 - pl) {
    const q = p - 0.5;
    const r = q * q;
    x =
      ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
      (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
  } else {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    x =
      -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
      ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  return x;
}

/**
 * Scales with statistics that outliers barely move: `(x - center_) / scale_`.
 *
 * @example
 * ```ts
 * new sk.RobustScaler().fitTransform(np.array([[1], [2], [3], [100]]));
 * ```
 */
export class RobustScaler extends TransformerMixin {
  static defaults = {
    withCentering: true,
    withScaling: true,
    quantileRange: [25, 75] as readonly [number, number],
    unitVariance: false,
    copy: true,
  };
  declare withCentering: boolean;
  declare withScaling: boolean;
  declare quantileRange: readonly [number, number];
  declare unitVariance: boolean;
  declare copy: boolean;
  /** Per-feature median. */
  center_?: Tensor | null;
  /** Per-feature quantile range. */
  scale_?: Tensor | null;

  constructor(options: RobustScalerOptions = {}) {
    super(options);
  }

  fit(X: ArrayInput, _y?: TargetInput | null): this {
    const [qlo, qhi] = this.quantileRange;
    if (!(0 <= qlo && qlo <= qhi && qhi <= 100))
      throw new ValueError(`Invalid quantile range: [${qlo}, ${qhi}]`);
    const t = this.validateData(X, { reset: true, allowNaN: true });
    const [n, m] = t.shape;
    const d = matrixData(t);
    const center = new Float64Array(m);
    const scale = new Float64Array(m);
    for (let j = 0; j < m; j++) {
      const s = sortedColumn(d, n, m, j);
      center[j] = percentileSorted(s, 50);
      scale[j] = percentileSorted(s, qhi) - percentileSorted(s, qlo);
    }
    handleZerosInScale(scale);
    if (this.unitVariance) {
      const adjust = normPpf(qhi / 100) - normPpf(qlo / 100);
      for (let j = 0; j < m; j++) scale[j] /= adjust;
    }
    this.center_ = this.withCentering ? tensorOf(center, [m]) : null;
    this.scale_ = this.withScaling ? tensorOf(scale, [m]) : null;
    return this;
  }

  private apply(X: ArrayInput, inverse: boolean): Tensor {
    checkIsFitted(this, "nFeaturesIn_");
    const t = this.validateData(X, { allowNaN: true });
    const [n, m] = t.shape;
    const d = matrixData(t);
    const c = this.center_ ? this.center_.dataSync() : null;
    const s = this.scale_ ? this.scale_.dataSync() : null;
    const out = new Float64Array(n * m);
    for (let i = 0; i < n * m; i++) {
      const j = i % m;
      let v = d[i];
      if (inverse) {
        if (s) v *= s[j];
        if (c) v += c[j];
      } else {
        if (c) v -= c[j];
        if (s) v /= s[j];
      }
      out[i] = v;
    }
    return tensorOf(out, [n, m]);
  }

  /** Centers and scales `X`. */
  transform(X: ArrayInput): Tensor {
    return this.apply(X, false);
  }

  /** Undoes `transform`. */
  inverseTransform(X: ArrayInput): Tensor {
    return this.apply(X, true);
  }

  /** Output feature names: the input names. */
  getFeatureNamesOut(inputFeatures?: readonly string[]): string[] {
    checkIsFitted(this, "nFeaturesIn_");
    return inputFeatureNames(this.nFeaturesIn_ as number, this.featureNamesIn_, inputFeatures);
  }
}
registerEstimator(RobustScaler);
