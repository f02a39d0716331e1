/**
 * `OneVsOneClassifier`: one binary classifier per pair of classes; each votes, and the summed
 * confidences (squashed into (−1/3, 1/3)) break ties, as in scikit-learn.
 */
import { ValueError } from "../../core/errors.js";
import { toTensor } from "../../core/convert.js";
import type { Tensor } from "../../core/tensor.js";
import { clone } from "../base/clone.js";
import { checkIsFitted } from "../base/estimator.js";
import { ClassifierMixin } from "../base/mixins.js";
import { registerEstimator } from "../base/registry.js";
import { checkArray, numSamples } from "../base/validation.js";
import type { ArrayInput, Labels, TargetInput } from "../base/types.js";
import { decodeLabels, encodeTarget, labelValues } from "../internal/labels.js";
import { tensor } from "../internal/matrix.js";
import { asNumbers, binaryScore, type InnerClassifier } from "./meta.js";
import { ovrDecisionFunction } from "./ovr-decision.js";

/** Options of {@link OneVsOneClassifier}. */
export interface OneVsOneOptions {
  /** Accepted for scikit-learn compatibility (one thread). */
  nJobs?: number | null;
}

/**
 * One-vs-one multiclass strategy around any binary classifier: k(k−1)/2 classifiers.
 *
 * @example
 * ```ts
 * const ovo = new sk.OneVsOneClassifier(new sk.SGDClassifier({ randomState: 42 })).fit(X, y);
 * ovo.estimators_.length; // 45 for ten digits
 * ```
 */
export class OneVsOneClassifier extends ClassifierMixin {
  static defaults: Record<string, unknown> = { nJobs: null };
  static positional = ["estimator"];
  declare estimator: InnerClassifier;
  declare nJobs: number | null;
  /** The fitted pairwise classifiers, in the order (0,1), (0,2), …, (1,2), … */
  estimators_?: InnerClassifier[];
  classes_?: Labels;

  constructor(estimator: InnerClassifier, options: OneVsOneOptions = {}) {
    super(options, { estimator });
  }

  /** Fits one classifier per pair of classes on the samples of those two; returns this. */
  fit(X: ArrayInput, y: TargetInput): this {
    const n = numSamples(X);
    const Xt = checkArray(X, { estimator: "OneVsOneClassifier" });
    const { classes, codes } = encodeTarget(y, n);
    const k = labelValues(classes).length;
    if (k < 2) throw new ValueError("OneVsOneClassifier needs at least two classes in y.");
    const ests: InnerClassifier[] = [];
    for (let a = 0; a < k; a++) {
      for (let b = a + 1; b < k; b++) {
        const rows: number[] = [];
        for (let i = 0; i < n; i++) if (codes[i] === a || codes[i] === b) rows.push(i);
        const yb = toTensor(
          rows.map((i) => (codes[i] === b ? 1 : 0)),
          { dtype: "int32" },
        );
        const est = clone(this.estimator) as InnerClassifier;
        est.fit(Xt.get(toTensor(rows, { dtype: "int32" })), yb);
        ests.push(est);
      }
    }
    this.estimators_ = ests;
    this.classes_ = classes;
    this.nFeaturesIn_ = Xt.shape[1];
    return this;
  }

  /** Votes plus squashed confidences per class, `(n, n_classes)` (`(n,)` for two classes). */
  decisionFunction(X: ArrayInput): Tensor {
    checkIsFitted(this, "estimators_");
    const ests = this.estimators_ as InnerClassifier[];
    const k = labelValues(this.classes_ as Labels).length;
    const preds = ests.map((e) => asNumbers(e.predict(X)));
    const conf = ests.map((e) => binaryScore(e, X));
    const n = preds[0].length;
    const P = ests.length;
    const wins = new Uint8Array(n * P);
    const confidence = new Float64Array(n * P);
    for (let m = 0; m < P; m++) {
      for (let i = 0; i < n; i++) {
        wins[i * P + m] = preds[m][i] === 0 ? 0 : 1;
        confidence[i * P + m] = conf[m][i];
      }
    }
    const votes = ovrDecisionFunction(wins, confidence, n, k);
    if (k === 2) {
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) out[i] = votes[i * 2 + 1];
      return tensor(out, [n]);
    }
    return tensor(votes, [n, k]);
  }

  /** The class with the highest vote-plus-confidence score. */
  predict(X: ArrayInput): Labels {
    const d = this.decisionFunction(X);
    const s = d.dataSync();
    const n = d.shape[0];
    const codes = new Int32Array(n);
    if (d.ndim === 1) for (let i = 0; i < n; i++) codes[i] = s[i] > 0 ? 1 : 0;
    else {
      const k = d.shape[1];
      for (let i = 0; i < n; i++) {
        let best = 0;
        for (let c = 1; c < k; c++) if (s[i * k + c] > s[i * k + best]) best = c;
        codes[i] = best;
      }
    }
    return decodeLabels(this.classes_ as Labels, codes);
  }
}

registerEstimator(OneVsOneClassifier);
