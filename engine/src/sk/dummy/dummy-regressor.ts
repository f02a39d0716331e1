/**
 * `DummyRegressor`: a baseline predicting one value for every sample (mean, median, quantile
 * or a constant) whatever the features.
 */
import { ValueError } from "../../core/errors.js";
import type { Tensor } from "../../core/tensor.js";
import { checkIsFitted } from "../base/estimator.js";
import { RegressorMixin } from "../base/mixins.js";
import { registerEstimator } from "../base/registry.js";
import { numSamples } from "../base/validation.js";
import type { ArrayInput, TargetInput } from "../base/types.js";
import { asTarget, tensor } from "../internal/matrix.js";

/** Options of {@link DummyRegressor}. */
export interface DummyRegressorOptions {
  /** `mean` (default), `median`, `quantile` or `constant`. */
  strategy?: "mean" | "median" | "quantile" | "constant";
  /** The value predicted by `constant` (one per target for 2-D y). */
  constant?: number | readonly number[] | null;
  /** The quantile in [0, 1] predicted by `quantile`. */
  quantile?: number | null;
}

function quantileOf(values: number[], q: number): number {
  const s = [...values].sort((a, b) => a - b);
  const pos = q * (s.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo] + (s[hi] - s[lo]) * (pos - lo);
}

/**
 * A regressor that predicts a constant.
 *
 * @example
 * ```ts
 * new sk.DummyRegressor({ strategy: "median" }).fit(X, y).predict(X.get(":2"));
 * ```
 */
export class DummyRegressor extends RegressorMixin {
  static defaults: Record<string, unknown> = { strategy: "mean", constant: null, quantile: null };
  declare strategy: "mean" | "median" | "quantile" | "constant";
  declare constant: number | readonly number[] | null;
  declare quantile: number | null;
  /** The value(s) predicted: `(1,)` or `(n_targets,)`. */
  constant_?: Tensor;
  nOutputs_?: number;
  /** @internal Whether y was 1-D. */
  is1d_?: boolean;

  constructor(options: DummyRegressorOptions = {}) {
    super(options);
  }

  /** Computes the constant from y (X only gives the sample count). Returns this. */
  fit(X: ArrayInput, y: TargetInput): this {
    const n = numSamples(X);
    const Y = asTarget(y, n, { estimator: "DummyRegressor" });
    const vals = new Float64Array(Y.cols);
    for (let t = 0; t < Y.cols; t++) {
      const col = Array.from({ length: n }, (_, i) => Y.data[i * Y.cols + t]);
      switch (this.strategy) {
        case "mean":
          vals[t] = col.reduce((a, b) => a + b, 0) / n;
          break;
        case "median":
          vals[t] = quantileOf(col, 0.5);
          break;
        case "quantile":
          if (this.quantile === null || !(this.quantile >= 0 && this.quantile <= 1)) {
            throw new ValueError(
              `When using strategy='quantile', quantile must be a number in [0, 1]; got ${String(this.quantile)}.`,
            );
          }
          vals[t] = quantileOf(col, this.quantile);
          break;
        case "constant": {
          if (this.constant === null || this.constant === undefined) {
            throw new ValueError(
              "Constant target value has to be specified when the constant strategy is used.",
            );
          }
          const c = typeof this.constant === "number" ? [this.constant] : this.constant;
          if (c.length !== Y.cols)
            throw new ValueError(`Constant target value should have shape (${Y.cols}, 1).`);
          vals[t] = c[t];
          break;
        }
        default:
          throw new ValueError(
            `Unknown strategy type: ${String(this.strategy)}, expected one of 'mean', 'median', 'quantile', 'constant'.`,
          );
      }
    }
    this.constant_ = tensor(vals, [Y.cols]);
    this.nOutputs_ = Y.cols;
    this.is1d_ = Y.is1d;
    return this;
  }

  /** The constant for every sample: `(n,)` or `(n, n_targets)`. */
  predict(X: ArrayInput): Tensor {
    checkIsFitted(this, "constant_");
    const n = numSamples(X);
    const c = (this.constant_ as Tensor).dataSync();
    const k = c.length;
    const out = new Float64Array(n * k);
    for (let i = 0; i < n; i++) for (let t = 0; t < k; t++) out[i * k + t] = c[t];
    return tensor(out, this.is1d_ ? [n] : [n, k]);
  }
}

registerEstimator(DummyRegressor);
