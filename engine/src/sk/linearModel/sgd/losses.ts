/**
 * The per-sample losses of scikit-learn's SGD (value and derivative in the prediction p, for
 * target y; classification targets are ±1). The cut-offs (e.g. ±18 in the log loss) are
 * scikit-learn's, so that updates round the same way.
 */
import { ValueError } from "../../../core/errors.js";

/** A loss as the SGD loop uses it. */
export interface SgdLoss {
  loss(p: number, y: number): number;
  dloss(p: number, y: number): number;
  /** Which loss, for the native epoch loop (native/src/sk/sgd.h `SgdLoss`). */
  readonly code: number;
  /** Its parameter (hinge threshold, epsilon), 0 when it has none. */
  readonly param: number;
}

/** Loss names for classifiers. */
export type ClassificationLoss =
  "hinge" | "log_loss" | "log" | "modified_huber" | "squared_hinge" | "perceptron" | RegressionLoss;

/** Loss names for regressors. */
export type RegressionLoss =
  "squared_error" | "huber" | "epsilon_insensitive" | "squared_epsilon_insensitive";

const hinge = (threshold: number): SgdLoss => ({
  code: 0,
  param: threshold,
  loss: (p, y) => (p * y <= threshold ? threshold - p * y : 0),
  dloss: (p, y) => (p * y <= threshold ? -y : 0),
});

const squaredHinge: SgdLoss = {
  code: 1,
  param: 0,
  loss: (p, y) => {
    const z = 1 - p * y;
    return z > 0 ? z * z : 0;
  },
  dloss: (p, y) => {
    const z = 1 - p * y;
    return z > 0 ? -2 * y * z : 0;
  },
};

const logLoss: SgdLoss = {
  code: 2,
  param: 0,
  loss: (p, y) => {
    const z = p * y;
    if (z > 18) return Math.exp(-z);
    if (z < -18) return -z;
    return Math.log(1 + Math.exp(-z));
  },
  dloss: (p, y) => {
    const z = p * y;
    if (z > 18) return Math.exp(-z) * -y;
    if (z < -18) return -y;
    return -y / (Math.exp(z) + 1);
  },
};

const modifiedHuber: SgdLoss = {
  code: 3,
  param: 0,
  loss: (p, y) => {
    const z = p * y;
    if (z >= 1) return 0;
    if (z >= -1) return (1 - z) * (1 - z);
    return -4 * z;
  },
  dloss: (p, y) => {
    const z = p * y;
    if (z >= 1) return 0;
    if (z >= -1) return 2 * (1 - z) * -y;
    return -4 * y;
  },
};

const squared: SgdLoss = {
  code: 4,
  param: 0,
  loss: (p, y) => 0.5 * (p - y) * (p - y),
  dloss: (p, y) => p - y,
};

const huber = (c: number): SgdLoss => ({
  code: 5,
  param: c,
  loss: (p, y) => {
    const r = Math.abs(p - y);
    return r <= c ? 0.5 * r * r : c * r - 0.5 * c * c;
  },
  dloss: (p, y) => {
    const r = p - y;
    if (Math.abs(r) <= c) return r;
    return r > 0 ? c : -c;
  },
});

const epsInsensitive = (eps: number): SgdLoss => ({
  code: 6,
  param: eps,
  loss: (p, y) => Math.max(0, Math.abs(y - p) - eps),
  dloss: (p, y) => (y - p > eps ? -1 : p - y > eps ? 1 : 0),
});

const squaredEpsInsensitive = (eps: number): SgdLoss => ({
  code: 7,
  param: eps,
  loss: (p, y) => {
    const r = Math.abs(y - p) - eps;
    return r > 0 ? r * r : 0;
  },
  dloss: (p, y) => {
    const z = y - p;
    if (z > eps) return -2 * (z - eps);
    if (z < -eps) return 2 * (-z - eps);
    return 0;
  },
});

/** The loss object for a scikit-learn loss name (`epsilon` for the huber/insensitive losses). */
export function makeLoss(name: string, epsilon: number, allowed: readonly string[]): SgdLoss {
  if (!allowed.includes(name)) {
    throw new ValueError(
      `The loss ${name} is not supported. Choose one of ${allowed.map((l) => `'${l}'`).join(", ")}.`,
    );
  }
  switch (name) {
    case "hinge":
      return hinge(1);
    case "perceptron":
      return hinge(0);
    case "squared_hinge":
      return squaredHinge;
    case "log":
    case "log_loss":
      return logLoss;
    case "modified_huber":
      return modifiedHuber;
    case "squared_error":
      return squared;
    case "huber":
      return huber(epsilon);
    case "epsilon_insensitive":
      return epsInsensitive(epsilon);
    default:
      return squaredEpsInsensitive(epsilon);
  }
}

/** The loss with the given {@link SgdLoss.code} and parameter. */
export function lossOfCode(code: number, param: number): SgdLoss {
  switch (code) {
    case 0:
      return hinge(param);
    case 1:
      return squaredHinge;
    case 2:
      return logLoss;
    case 3:
      return modifiedHuber;
    case 4:
      return squared;
    case 5:
      return huber(param);
    case 6:
      return epsInsensitive(param);
    case 7:
      return squaredEpsInsensitive(param);
    default:
      throw new ValueError(`Unknown SGD loss code ${code}; expected 0 to 7.`);
  }
}

/** Loss names a classifier accepts. */
export const CLASSIFICATION_LOSSES: readonly string[] = [
  "hinge",
  "log_loss",
  "log",
  "modified_huber",
  "squared_hinge",
  "perceptron",
  "squared_error",
  "huber",
  "epsilon_insensitive",
  "squared_epsilon_insensitive",
];

/** Loss names a regressor accepts. */
export const REGRESSION_LOSSES: readonly string[] = [
  "squared_error",
  "huber",
  "epsilon_insensitive",
  "squared_epsilon_insensitive",
];
