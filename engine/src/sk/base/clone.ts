/**
 * `clone`: a new, unfitted estimator with the same hyperparameters (nested estimators cloned
 * too), as scikit-learn's `base.clone`.
 */
import { Tensor } from "../../core/tensor.js";
import { classOf, isEstimator, type BaseEstimator, type EstimatorClass, type Params } from "./estimator.js";

function cloneValue(v: unknown): unknown {
  if (isEstimator(v)) return clone(v);
  if (v instanceof Tensor) return v.copy();
  if (Array.isArray(v)) return v.map(cloneValue);
  if (v && typeof v === "object" && Object.getPrototypeOf(v) === Object.prototype) {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, cloneValue(x)]));
  }
  return v; // numbers, strings, functions, distributions: shared like scikit-learn's shallow ones
}

/**
 * Builds an estimator of `cls` from parameters: positional ones first, the rest as the options
 * object; classes without declared defaults are built with no arguments and then assigned.
 */
export function constructFrom<T extends BaseEstimator>(cls: EstimatorClass<T>, params: Params): T {
  const Ctor = cls as unknown as new (...args: unknown[]) => T;
  if (cls.defaults) {
    const positional = cls.positional ?? [];
    const rest: Params = {};
    for (const [k, v] of Object.entries(params)) if (!positional.includes(k)) rest[k] = v;
    return new Ctor(...positional.map((k) => params[k]), rest);
  }
  const out = new Ctor();
  Object.assign(out, params);
  return out;
}

/**
 * A fresh, unfitted copy of `est` with the same hyperparameters.
 *
 * @example
 * ```ts
 * const fresh = sk.clone(sgdClf); // same options, no coef_
 * ```
 */
export function clone<T extends BaseEstimator>(est: T): T {
  if (!isEstimator(est)) {
    throw new TypeError(
      `Cannot clone object '${String(est)}' (type ${typeof est}): it does not seem to be an estimator as it does not implement a 'getParams' method.`,
    );
  }
  const params = est.getParams(false);
  const copied: Params = {};
  for (const [k, v] of Object.entries(params)) copied[k] = cloneValue(v);
  return constructFrom(classOf(est), copied) as T;
}
