/**
 * `Perceptron`: Rosenblatt's perceptron as scikit-learn defines it, an `SGDClassifier` with the
 * perceptron loss (hinge at threshold 0), a constant learning rate `eta0` and no penalty.
 */
import { registerEstimator } from "../../base/registry.js";
import type { RandomStateLike } from "../../internal/random.js";
import type { ClassWeight } from "./sgd-classifier.js";
import { SGDClassifier } from "./sgd-classifier.js";
import type { SgdPenalty } from "./sgd-base.js";

/** Options of {@link Perceptron}. */
export interface PerceptronOptions {
  /** Default null (no penalty). */
  penalty?: SgdPenalty;
  alpha?: number;
  l1Ratio?: number;
  fitIntercept?: boolean;
  maxIter?: number;
  tol?: number | null;
  shuffle?: boolean;
  verbose?: number;
  /** The constant step size (default 1). */
  eta0?: number;
  nJobs?: number | null;
  /** Default 0, as in scikit-learn. */
  randomState?: RandomStateLike;
  earlyStopping?: boolean;
  validationFraction?: number;
  nIterNoChange?: number;
  classWeight?: ClassWeight;
  warmStart?: boolean;
}

/**
 * The perceptron, a linear classifier updated only on mistakes.
 *
 * @example
 * ```ts
 * const per = new sk.Perceptron({ randomState: 42 }).fit(X, y);
 * per.predict([[2, 0.5]]);
 * ```
 */
export class Perceptron extends SGDClassifier {
  static override defaults: Record<string, unknown> = {
    penalty: null,
    alpha: 1e-4,
    l1Ratio: 0.15,
    fitIntercept: true,
    maxIter: 1000,
    tol: 1e-3,
    shuffle: true,
    verbose: 0,
    eta0: 1,
    nJobs: null,
    randomState: 0,
    earlyStopping: false,
    validationFraction: 0.1,
    nIterNoChange: 5,
    classWeight: null,
    warmStart: false,
  };

  constructor(options: PerceptronOptions = {}) {
    super(options);
    // Fixed by the model, not options (scikit-learn passes them to its SGD base the same way).
    Object.defineProperties(this, {
      loss: { value: "perceptron", enumerable: false, writable: true },
      learningRate: { value: "constant", enumerable: false, writable: true },
      powerT: { value: 0.5, enumerable: false, writable: true },
      epsilon: { value: 0.1, enumerable: false, writable: true },
      average: { value: false, enumerable: false, writable: true },
    });
  }
}

registerEstimator(Perceptron);
