/**
 * `MultiOutputClassifier`: one classifier per column of a 2-D target.
 */
import { ValueError } from "../../core/errors.js";
import { toTensor } from "../../core/convert.js";
import { Tensor } from "../../core/tensor.js";
import { clone } from "../base/clone.js";
import { checkIsFitted } from "../base/estimator.js";
import { ClassifierMixin, type ScoreOptions } from "../base/mixins.js";
import { registerEstimator } from "../base/registry.js";
import type { ArrayInput, Labels, TargetInput } from "../base/types.js";
import { asSampleWeight } from "../internal/matrix.js";
import type { InnerClassifier } from "./meta.js";

/** Options of {@link MultiOutputClassifier}. */
export interface MultiOutputOptions {
  /** Accepted for scikit-learn compatibility (one thread). */
  nJobs?: number | null;
}

/**
 * Fits one classifier per target column.
 *
 * @example
 * ```ts
 * const moc = new sk.MultiOutputClassifier(new sk.LogisticRegression()).fit(X, Ymultilabel);
 * moc.predict(X.get(":2")); // (2, n_outputs)
 * ```
 */
export class MultiOutputClassifier extends ClassifierMixin {
  static defaults: Record<string, unknown> = { nJobs: null };
  static positional = ["estimator"];
  declare estimator: InnerClassifier;
  declare nJobs: number | null;
  /** One fitted classifier per output column. */
  estimators_?: InnerClassifier[];
  /** The classes of each output. */
  classes_?: Labels[];

  constructor(estimator: InnerClassifier, options: MultiOutputOptions = {}) {
    super(options, { estimator });
  }

  /** Fits one clone of the estimator per column of y; returns this. */
  fit(X: ArrayInput, y: TargetInput): this {
    const Y = y instanceof Tensor ? y : toTensor(y as never);
    if (Y.ndim !== 2)
      throw new ValueError(
        "y must have at least two dimensions for multi-output classification but has only one.",
      );
    const outs = Y.shape[1];
    this.estimators_ = Array.from({ length: outs }, (_, j) => {
      const est = clone(this.estimator) as InnerClassifier;
      est.fit(X, Y.get(":", j).copy());
      return est;
    });
    this.classes_ = this.estimators_.map((e) => (e as { classes_?: Labels }).classes_ as Labels);
    this.nFeaturesIn_ = (this.estimators_[0] as { nFeaturesIn_?: number }).nFeaturesIn_;
    return this;
  }

  /** Each classifier's predictions as the columns of an `(n, n_outputs)` tensor. */
  predict(X: ArrayInput): Labels {
    checkIsFitted(this, "estimators_");
    const cols = (this.estimators_ as InnerClassifier[]).map((e) => e.predict(X));
    if (cols.some((c) => Array.isArray(c)))
      throw new ValueError("string labels are supported for 1-D targets only");
    const ts = cols as Tensor[];
    return toTensor(ts.map((t) => t.reshape(-1, 1)).length ? stackColumns(ts) : [], { dtype: ts[0].dtype });
  }

  /** One probability tensor per output. */
  predictProba(X: ArrayInput): Tensor[] {
    checkIsFitted(this, "estimators_");
    return (this.estimators_ as InnerClassifier[]).map((e) => {
      if (typeof e.predictProba !== "function")
        throw new ValueError(`${e.constructor.name} has no predictProba.`);
      return e.predictProba(X) as Tensor;
    });
  }

  /** Subset accuracy: the fraction of samples with every output right. */
  override score(X: ArrayInput, y: TargetInput, options: ScoreOptions = {}): number {
    const P = this.predict(X) as Tensor;
    const p = P.dataSync();
    const t = (y instanceof Tensor ? y : toTensor(y as never)).dataSync();
    const [n, k] = P.shape;
    const w = asSampleWeight(options.sampleWeight as Tensor | null | undefined, n);
    let hit = 0;
    let tot = 0;
    for (let i = 0; i < n; i++) {
      let ok = true;
      for (let j = 0; j < k && ok; j++) ok = p[i * k + j] === t[i * k + j];
      const wi = w ? w[i] : 1;
      tot += wi;
      if (ok) hit += wi;
    }
    return hit / tot;
  }
}

function stackColumns(ts: Tensor[]): number[][] {
  const n = ts[0].shape[0];
  const cols = ts.map((t) => t.dataSync());
  return Array.from({ length: n }, (_, i) => cols.map((c) => c[i]));
}

registerEstimator(MultiOutputClassifier);
