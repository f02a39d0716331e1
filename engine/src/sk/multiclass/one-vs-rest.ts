/**
 * `OneVsRestClassifier`: one binary classifier per class (that class against all others); the
 * class whose classifier is most confident wins.
 */
import { ValueError } from "../../core/errors.js";
import { toTensor } from "../../core/convert.js";
import type { Tensor } from "../../core/tensor.js";
import { clone } from "../base/clone.js";
import { checkIsFitted } from "../base/estimator.js";
import { ClassifierMixin } from "../base/mixins.js";
import { registerEstimator } from "../base/registry.js";
import { numSamples } from "../base/validation.js";
import type { ArrayInput, Labels, TargetInput } from "../base/types.js";
import { decodeLabels, encodeTarget, labelValues } from "../internal/labels.js";
import { tensor } from "../internal/matrix.js";
import { binaryScore, type InnerClassifier } from "./meta.js";

/** Options of {@link OneVsRestClassifier}. */
export interface OneVsRestOptions {
  /** Accepted for scikit-learn compatibility (one thread). */
  nJobs?: number | null;
}

/**
 * One-vs-rest multiclass strategy around any binary classifier.
 *
 * @example
 * ```ts
 * const ovr = new sk.OneVsRestClassifier(new sk.SGDClassifier({ randomState: 42 }));
 * ovr.fit(X, y).estimators_.length; // 10 for the digits
 * ```
 */
export class OneVsRestClassifier extends ClassifierMixin {
  static defaults: Record<string, unknown> = { nJobs: null };
  static positional = ["estimator"];
  declare estimator: InnerClassifier;
  declare nJobs: number | null;
  /** The fitted binary classifiers, one per class (one in total for two classes). */
  estimators_?: InnerClassifier[];
  classes_?: Labels;

  constructor(estimator: InnerClassifier, options: OneVsRestOptions = {}) {
    super(options, { estimator });
  }

  /** Fits one binary classifier per class; returns this. */
  fit(X: ArrayInput, y: TargetInput): this {
    const n = numSamples(X);
    const { classes, codes } = encodeTarget(y, n);
    const k = labelValues(classes).length;
    if (k < 2) throw new ValueError("OneVsRestClassifier needs at least two classes in y.");
    const problems = k === 2 ? [1] : Array.from({ length: k }, (_, c) => c);
    this.estimators_ = problems.map((c) => {
      const yb = toTensor(
        Array.from(codes, (v) => (v === c ? 1 : 0)),
        { dtype: "int32" },
      );
      const est = clone(this.estimator) as InnerClassifier;
      est.fit(X, yb);
      return est;
    });
    this.classes_ = classes;
    this.nFeaturesIn_ = (this.estimators_[0] as { nFeaturesIn_?: number }).nFeaturesIn_;
    return this;
  }

  private scoresOf(X: ArrayInput): { s: Float64Array[]; n: number } {
    checkIsFitted(this, "estimators_");
    const s = (this.estimators_ as InnerClassifier[]).map((e) => binaryScore(e, X));
    return { s, n: s[0].length };
  }

  /** Each classifier's score: `(n,)` for two classes, `(n, n_classes)` otherwise. */
  decisionFunction(X: ArrayInput): Tensor {
    const { s, n } = this.scoresOf(X);
    if (s.length === 1) return tensor(s[0], [n]);
    const k = s.length;
    const out = new Float64Array(n * k);
    for (let i = 0; i < n; i++) for (let c = 0; c < k; c++) out[i * k + c] = s[c][i];
    return tensor(out, [n, k]);
  }

  /** The class of the most confident classifier (for two classes, the positive one when its score is > 0). */
  predict(X: ArrayInput): Labels {
    const ests = this.estimators_ as InnerClassifier[];
    const { s, n } = this.scoresOf(X);
    const codes = new Int32Array(n);
    if (s.length === 1) {
      const thr = typeof ests[0].decisionFunction === "function" ? 0 : 0.5;
      for (let i = 0; i < n; i++) codes[i] = s[0][i] > thr ? 1 : 0;
    } else {
      for (let i = 0; i < n; i++) {
        let best = 0;
        for (let c = 1; c < s.length; c++) if (s[c][i] > s[best][i]) best = c;
        codes[i] = best;
      }
    }
    return decodeLabels(this.classes_ as Labels, codes);
  }

  /** Each classifier's positive-class probability, rows normalised (needs `predictProba` inside). */
  predictProba(X: ArrayInput): Tensor {
    checkIsFitted(this, "estimators_");
    const ests = this.estimators_ as InnerClassifier[];
    const p = ests.map((e) => {
      if (typeof e.predictProba !== "function")
        throw new ValueError(`${e.constructor.name} has no predictProba.`);
      return Float64Array.from((e.predictProba(X) as Tensor).get(":", 1).dataSync());
    });
    const n = p[0].length;
    if (p.length === 1) {
      const out = new Float64Array(2 * n);
      for (let i = 0; i < n; i++) {
        out[2 * i] = 1 - p[0][i];
        out[2 * i + 1] = p[0][i];
      }
      return tensor(out, [n, 2]);
    }
    const k = p.length;
    const out = new Float64Array(n * k);
    for (let i = 0; i < n; i++) {
      let sum = 0;
      for (let c = 0; c < k; c++) sum += out[i * k + c] = p[c][i];
      for (let c = 0; c < k; c++) out[i * k + c] /= sum || 1;
    }
    return tensor(out, [n, k]);
  }
}

registerEstimator(OneVsRestClassifier);
