/** `LabelBinarizer`: labels to one-vs-all indicator columns and back. */
import { Tensor } from "../../core/tensor.js";
import { ValueError } from "../../core/errors.js";
import { TransformerMixin } from "../base/mixins.js";
import { checkIsFitted } from "../base/estimator.js";
import { registerEstimator } from "../base/registry.js";
import type { ArrayInput, Labels, TargetInput } from "../base/types.js";
import { checkArray, decodeLabels, encodeLabels, labelValues, toLabels } from "../base/validation.js";

/** Options of {@link LabelBinarizer}. */
export interface LabelBinarizerOptions {
  /** Value for "not this class". Default 0. */
  negLabel?: number;
  /** Value for "this class". Default 1. */
  posLabel?: number;
  /** Accepted for compatibility; output is dense. */
  sparseOutput?: boolean;
}

/**
 * One column per class (one column only for two classes), as scikit-learn's `LabelBinarizer`.
 *
 * @example
 * ```ts
 * new sk.LabelBinarizer().fitTransform([1, 2, 6, 2]); // [[1,0,0],[0,1,0],[0,0,1],[0,1,0]]
 * ```
 */
export class LabelBinarizer extends TransformerMixin {
  static defaults = { negLabel: 0, posLabel: 1, sparseOutput: false };
  declare negLabel: number;
  declare posLabel: number;
  declare sparseOutput: boolean;
  /** The sorted labels. */
  classes_?: Labels;
  /** "binary" or "multiclass". */
  yType_?: string;

  constructor(options: LabelBinarizerOptions = {}) {
    super(options);
  }

  /** Learns the classes of `y`. */
  fit(y: TargetInput, _unused?: TargetInput | null): this {
    if (this.negLabel >= this.posLabel)
      throw new ValueError(`negLabel=${this.negLabel} must be strictly less than posLabel=${this.posLabel}.`);
    this.classes_ = encodeLabels(toLabels(y)).classes;
    this.yType_ = labelValues(this.classes_).length <= 2 ? "binary" : "multiclass";
    return this;
  }

  /** Indicator matrix of `y` (float64; `[n, 1]` for two classes). */
  transform(y: ArrayInput): Tensor {
    checkIsFitted(this, "classes_");
    const classes = labelValues(this.classes_ as Labels).map(String);
    const index = new Map(classes.map((v, i) => [v, i]));
    const vals = labelValues(toLabels(y)).map(String);
    const k = classes.length;
    const binary = k <= 2;
    const w = binary ? 1 : k;
    const out = new Float64Array(vals.length * w).fill(this.negLabel);
    vals.forEach((v, i) => {
      const c = index.get(v);
      if (binary) {
        if (c === 1) out[i] = this.posLabel;
      } else if (c !== undefined) out[i * w + c] = this.posLabel;
    });
    return Tensor.fromTypedArray(out, [vals.length, w], "float64");
  }

  /** Labels from indicator rows (argmax; for one column, above `threshold`). */
  inverseTransform(Y: ArrayInput, threshold?: number): Labels {
    checkIsFitted(this, "classes_");
    const t = checkArray(Y);
    const [n, w] = t.shape;
    const d = t.dataSync();
    const thr = threshold ?? (this.posLabel + this.negLabel) / 2;
    const codes = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      if (w === 1) codes[i] = d[i] > thr ? 1 : 0;
      else {
        let best = 0;
        for (let j = 1; j < w; j++) if (d[i * w + j] > d[i * w + best]) best = j;
        codes[i] = best;
      }
    }
    return decodeLabels(this.classes_ as Labels, codes);
  }
}
registerEstimator(LabelBinarizer);
