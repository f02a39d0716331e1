/** `Normalizer`: scales each sample (row) to unit norm. */
import type { Tensor } from "../../core/tensor.js";
import { ValueError } from "../../core/errors.js";
import { TransformerMixin } from "../base/mixins.js";
import { checkIsFitted } from "../base/estimator.js";
import { registerEstimator } from "../base/registry.js";
import type { ArrayInput, TargetInput } from "../base/types.js";
import { inputFeatureNames, matrixData, tensorOf } from "./column-stats.js";

/** Options of {@link Normalizer}. */
export interface NormalizerOptions {
  /** "l2" (default), "l1" or "max". */
  norm?: "l1" | "l2" | "max";
  /** Accepted for scikit-learn compatibility. */
  copy?: boolean;
}

/**
 * Rescales each row to unit `norm` (rows of zeros stay zero). Stateless: `fit` only checks `X`.
 *
 * @example
 * ```ts
 * new sk.Normalizer().fitTransform(np.array([[3, 4]])); // [[0.6, 0.8]]
 * ```
 */
export class Normalizer extends TransformerMixin {
  static defaults = { norm: "l2" as "l1" | "l2" | "max", copy: true };
  declare norm: "l1" | "l2" | "max";
  declare copy: boolean;

  constructor(options: NormalizerOptions = {}) {
    super(options);
  }

  fit(X: ArrayInput, _y?: TargetInput | null): this {
    if (!["l1", "l2", "max"].includes(this.norm))
      throw new ValueError(`'${this.norm}' is not a supported norm; use "l1", "l2" or "max"`);
    this.validateData(X, { reset: true });
    return this;
  }

  /** Each row divided by its norm. */
  transform(X: ArrayInput): Tensor {
    checkIsFitted(this, "nFeaturesIn_");
    const t = this.validateData(X);
    const [n, m] = t.shape;
    const d = matrixData(t);
    const out = new Float64Array(n * m);
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < m; j++) {
        const v = d[i * m + j];
        if (this.norm === "l1") s += Math.abs(v);
        else if (this.norm === "l2") s += v * v;
        else s = Math.max(s, Math.abs(v));
      }
      if (this.norm === "l2") s = Math.sqrt(s);
      if (s === 0) s = 1;
      for (let j = 0; j < m; j++) out[i * m + j] = d[i * m + j] / s;
    }
    return tensorOf(out, [n, m]);
  }

  /** Output feature names: the input names. */
  getFeatureNamesOut(inputFeatures?: readonly string[]): string[] {
    return inputFeatureNames(this.nFeaturesIn_ as number, this.featureNamesIn_, inputFeatures);
  }
}
registerEstimator(Normalizer);
