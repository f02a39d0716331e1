/**
 * `DummyClassifier`: a baseline that ignores the features (most frequent class, class priors,
 * random guesses or a constant), to see what a real model must beat.
 */
import { ValueError } from "../../core/errors.js";
import { RandomState } from "../../np/random.js";
import type { Tensor } from "../../core/tensor.js";
import { checkIsFitted } from "../base/estimator.js";
import { ClassifierMixin } from "../base/mixins.js";
import { registerEstimator } from "../base/registry.js";
import { numSamples } from "../base/validation.js";
import type { ArrayInput, Labels, TargetInput } from "../base/types.js";
import { decodeLabels, encodeTarget, labelValues } from "../internal/labels.js";
import { asSampleWeight, tensor } from "../internal/matrix.js";
import type { RandomStateLike } from "../internal/random.js";

/** Strategies of {@link DummyClassifier}. */
export type DummyClassifierStrategy = "most_frequent" | "prior" | "stratified" | "uniform" | "constant";

/** Options of {@link DummyClassifier}. */
export interface DummyClassifierOptions {
  /** Default `prior`. */
  strategy?: DummyClassifierStrategy;
  randomState?: RandomStateLike;
  /** The label predicted by `constant`. */
  constant?: number | string | boolean | null;
}

/**
 * A classifier that predicts without looking at X.
 *
 * @example
 * ```ts
 * const dummy = new sk.DummyClassifier({ strategy: "prior" }).fit(Xtrain, yTrain5);
 * dummy.predictProba(Xtrain.get(":2")); // array([[0.90965, 0.09035], ...])
 * ```
 */
export class DummyClassifier extends ClassifierMixin {
  static defaults: Record<string, unknown> = { strategy: "prior", randomState: null, constant: null };
  declare strategy: DummyClassifierStrategy;
  declare randomState: RandomStateLike;
  declare constant: number | string | boolean | null;
  classes_?: Labels;
  /** Frequency of each class in the training labels. */
  classPrior_?: Tensor;
  nClasses_?: number;
  nOutputs_?: number;

  constructor(options: DummyClassifierOptions = {}) {
    super(options);
  }

  /** Records the classes and their frequencies; X only gives the sample count. Returns this. */
  fit(X: ArrayInput, y: TargetInput, sampleWeight?: ArrayInput | null): this {
    const strategies = ["most_frequent", "prior", "stratified", "uniform", "constant"];
    if (!strategies.includes(this.strategy)) {
      throw new ValueError(
        `Unknown strategy type: ${String(this.strategy)}, expected one of ${strategies.map((s) => `'${s}'`).join(", ")}.`,
      );
    }
    const n = numSamples(X);
    this.nFeaturesIn_ = undefined;
    const { classes, codes } = encodeTarget(y, n);
    const k = labelValues(classes).length;
    const w = asSampleWeight(sampleWeight as Tensor | null | undefined, n);
    const prior = new Float64Array(k);
    let tot = 0;
    for (let i = 0; i < codes.length; i++) {
      const wi = w ? w[i] : 1;
      prior[codes[i]] += wi;
      tot += wi;
    }
    for (let c = 0; c < k; c++) prior[c] /= tot;
    if (this.strategy === "constant") {
      if (this.constant === null || this.constant === undefined) {
        throw new ValueError("Constant target value has to be specified when the constant strategy is used.");
      }
      if (
        !labelValues(classes).some(
          (v) => v === this.constant || (typeof v === "boolean" ? Number(v) : v) === this.constant,
        )
      ) {
        throw new ValueError(
          `The constant target value must be present in the training data. You provided constant=${String(this.constant)}. Possible values are: [${labelValues(classes).join(", ")}].`,
        );
      }
    }
    this.classes_ = classes;
    this.classPrior_ = tensor(prior, [k]);
    this.nClasses_ = k;
    this.nOutputs_ = 1;
    return this;
  }

  private constantCode(): number {
    return labelValues(this.classes_ as Labels).findIndex(
      (v) => v === this.constant || (typeof v === "boolean" ? Number(v) : v) === this.constant,
    );
  }

  /** Class probabilities by strategy (one-hot for deterministic strategies, priors for `prior`). */
  predictProba(X: ArrayInput): Tensor {
    checkIsFitted(this, "classes_");
    const n = numSamples(X);
    const k = this.nClasses_ as number;
    const prior = (this.classPrior_ as Tensor).dataSync();
    const out = new Float64Array(n * k);
    const rs = new RandomState(typeof this.randomState === "number" ? this.randomState : undefined);
    let argmax = 0;
    for (let c = 1; c < k; c++) if (prior[c] > prior[argmax]) argmax = c;
    for (let i = 0; i < n; i++) {
      switch (this.strategy) {
        case "most_frequent":
          out[i * k + argmax] = 1;
          break;
        case "prior":
          for (let c = 0; c < k; c++) out[i * k + c] = prior[c];
          break;
        case "uniform":
          for (let c = 0; c < k; c++) out[i * k + c] = 1 / k;
          break;
        case "constant":
          out[i * k + this.constantCode()] = 1;
          break;
        default: {
          // stratified: one draw from the class prior per sample.
          const u = rs.rand() as number;
          let c = 0;
          let acc = prior[0];
          while (u >= acc && c < k - 1) acc += prior[++c];
          out[i * k + c] = 1;
        }
      }
    }
    return tensor(out, [n, k]);
  }

  /** Logarithm of {@link predictProba}. */
  predictLogProba(X: ArrayInput): Tensor {
    return this.predictProba(X).log();
  }

  /** Labels by strategy: the most frequent class (`prior`, `most_frequent`), random ones, or the constant. */
  predict(X: ArrayInput): Labels {
    checkIsFitted(this, "classes_");
    const n = numSamples(X);
    const k = this.nClasses_ as number;
    const codes = new Int32Array(n);
    if (this.strategy === "uniform") {
      const rs = new RandomState(typeof this.randomState === "number" ? this.randomState : undefined);
      for (let i = 0; i < n; i++) codes[i] = rs.randint(k) as number;
    } else if (this.strategy === "constant") {
      codes.fill(this.constantCode());
    } else {
      const proba = this.predictProba(X).dataSync();
      for (let i = 0; i < n; i++) {
        let best = 0;
        for (let c = 1; c < k; c++) if (proba[i * k + c] > proba[i * k + best]) best = c;
        codes[i] = best;
      }
    }
    return decodeLabels(this.classes_ as Labels, codes);
  }
}

registerEstimator(DummyClassifier);
