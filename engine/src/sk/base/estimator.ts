/**
 * The estimator contract (scikit-learn's `BaseEstimator`): hyperparameters given in one options
 * object are stored as public properties of the same name, `getParams`/`setParams` read and write
 * them (nested `step__param` names reach inside composites), and the repr lists the options that
 * differ from their defaults. Learned attributes end in `_` and exist only after `fit`.
 */
import { Tensor, DISPLAY, type MimeBundle } from "../../core/tensor.js";
import { ValueError } from "../../core/errors.js";
import { InvalidParameterError, NotFittedError } from "./errors.js";
import { checkArray, featureNamesOf, type CheckArrayOptions } from "./validation.js";
import { formatRepr, formatHtml } from "./repr.js";
import type { ArrayInput } from "./types.js";

/** Hyperparameters by name. */
export type Params = Record<string, unknown>;

/**
 * What an estimator class may declare, as static members:
 * - `defaults`: every option name with its default (enables unknown-name errors and short reprs);
 * - `positional`: options passed before the options object, in order (`Pipeline(steps)`);
 * - `composite`: the option holding `[name, estimator, ...]` entries whose names become
 *   parameters (`steps`, `transformers`, `transformerList`, `estimators`).
 */
export interface EstimatorClass<T extends BaseEstimator = BaseEstimator> {
  new (...args: never[]): T;
  readonly name: string;
  readonly defaults?: Readonly<Params>;
  readonly positional?: readonly string[];
  readonly composite?: string;
  /** Extra non-`_` state that `sk.dump` must keep (rarely needed). */
  readonly persisted?: readonly string[];
}

/** Whether `x` is an estimator (duck-typed like scikit-learn: it has `getParams` and `fit`). */
export function isEstimator(x: unknown): x is BaseEstimator {
  return (
    typeof x === "object" &&
    x !== null &&
    typeof (x as BaseEstimator).getParams === "function" &&
    typeof (x as BaseEstimator).setParams === "function"
  );
}

/** The constructor of an estimator with its static declarations. */
export function classOf(est: BaseEstimator): EstimatorClass {
  return est.constructor as EstimatorClass;
}

/**
 * Base class of every estimator. Subclasses declare their options with `static defaults` and
 * `declare` fields of the same names; user classes may instead set public properties in their
 * constructor (every own property not starting or ending with `_` is then a parameter).
 *
 * @example
 * ```ts
 * class Adder extends sk.TransformerMixin {
 *   static defaults = { addBedroomsPerRoom: true };
 *   declare addBedroomsPerRoom: boolean;
 *   constructor(options: { addBedroomsPerRoom?: boolean } = {}) { super(options); }
 *   fit() { return this; }
 *   transform(X: Tensor) { return X; }
 * }
 * new Adder({ addBedroomsPerRoom: false }).getParams(); // { addBedroomsPerRoom: false }
 * ```
 */
export abstract class BaseEstimator {
  /** Number of features seen during `fit`. */
  nFeaturesIn_?: number;
  /** Column names seen during `fit`, when `X` was a data frame with string column names. */
  featureNamesIn_?: string[];

  /**
   * Stores `options` (and the positional arguments) as given; values are checked in `fit`.
   * Unknown option names are refused here, listing the valid ones.
   */
  constructor(options?: object | null, positional?: Params) {
    const cls = classOf(this);
    const defaults = cls.defaults;
    const given = (options ?? {}) as Params;
    if (typeof given !== "object" || Array.isArray(given) || given instanceof Tensor) {
      throw new TypeError(
        `${cls.name} takes its options in one object, e.g. new sk.${cls.name}({ ... }); got ${Array.isArray(given) ? "an array" : typeof given}`,
      );
    }
    if (defaults) {
      for (const key of Object.keys(given)) {
        if (!(key in defaults) && !(positional && key in positional)) {
          throw new InvalidParameterError(
            `${cls.name} got an unexpected option '${key}'. Valid options are: ${Object.keys(defaults).sort().join(", ")}.`,
          );
        }
      }
      for (const [k, v] of Object.entries(defaults)) this.assign(k, v);
    }
    if (positional)
      for (const [k, v] of Object.entries(positional)) this.assign(k, v === undefined ? defaults?.[k] : v);
    for (const [k, v] of Object.entries(given)) if (v !== undefined) this.assign(k, v);
  }

  private assign(key: string, value: unknown): void {
    (this as unknown as Params)[key] = value;
  }

  /** Names of this estimator's hyperparameters, sorted as scikit-learn sorts them. */
  paramNames(): string[] {
    const cls = classOf(this);
    const names = cls.defaults
      ? [...Object.keys(cls.defaults), ...(cls.positional ?? [])]
      : Object.keys(this).filter((k) => !k.startsWith("_") && !k.endsWith("_"));
    return Array.from(new Set(names)).sort();
  }

  /**
   * The hyperparameters; with `deep` (default) also those of nested estimators as `name__param`.
   *
   * @example
   * ```ts
   * new sk.StandardScaler({ withMean: false }).getParams(); // { copy: true, withMean: false, withStd: true }
   * ```
   */
  getParams(deep = true): Params {
    const out: Params = {};
    const self = this as unknown as Params;
    for (const k of this.paramNames()) {
      const v = self[k];
      out[k] = v;
      if (deep && isEstimator(v))
        for (const [sk, sv] of Object.entries(v.getParams(true))) out[`${k}__${sk}`] = sv;
    }
    const composite = classOf(this).composite;
    // As in scikit-learn, the named parts are parameters only in the deep listing.
    if (composite && deep) {
      for (const [name, est] of namedEntries(self[composite])) {
        out[name] = est;
        if (deep && isEstimator(est))
          for (const [sk, sv] of Object.entries(est.getParams(true))) out[`${name}__${sk}`] = sv;
      }
    }
    return out;
  }

  /**
   * Sets hyperparameters, nested ones as `step__param`; returns `this`. Unknown names are refused
   * with the list of valid ones.
   *
   * @example
   * ```ts
   * pipe.setParams({ svr__C: 10, scaler: "passthrough" });
   * ```
   */
  setParams(params: Params): this {
    if (!params || Object.keys(params).length === 0) return this;
    const valid = this.getParams(true);
    const nested = new Map<string, Params>();
    const composite = classOf(this).composite;
    const self = this as unknown as Params;
    for (const [key, value] of Object.entries(params)) {
      const cut = key.indexOf("__");
      const head = cut < 0 ? key : key.slice(0, cut);
      if (!(head in valid)) {
        const names = this.getParams(false);
        throw new InvalidParameterError(
          `Invalid parameter '${head}' for estimator ${formatRepr(this)}. Valid parameters are: ${Object.keys(names).sort().join(", ")}.`,
        );
      }
      if (cut >= 0) {
        const sub = nested.get(head) ?? {};
        sub[key.slice(cut + 2)] = value;
        nested.set(head, sub);
      } else if (composite && !this.paramNames().includes(key)) {
        self[composite] = replaceNamed(self[composite], key, value);
      } else {
        self[key] = value;
      }
    }
    for (const [head, sub] of nested) {
      const target = this.getParams(true)[head];
      if (!isEstimator(target)) {
        throw new InvalidParameterError(
          `Invalid parameter '${head}__${Object.keys(sub)[0]}': '${head}' is ${target === "passthrough" || target === "drop" ? `'${String(target)}'` : "not an estimator"} in ${classOf(this).name}`,
        );
      }
      target.setParams(sub);
    }
    return this;
  }

  /**
   * Checks `X` for `fit` (`reset: true`, which records `nFeaturesIn_` and `featureNamesIn_`) or
   * for `predict`/`transform` (checks the count and names agree with `fit`'s). Returns a 2-D
   * float64 tensor.
   */
  protected validateData(X: ArrayInput, options: CheckArrayOptions & { reset?: boolean } = {}): Tensor {
    const name = classOf(this).name;
    const names = featureNamesOf(X);
    const t = checkArray(X, { estimator: name, ...options, names });
    this.checkFeatures(t.shape[1], names, options.reset ?? false);
    return t;
  }

  /** Records (`reset`) or checks the number and names of the input features. */
  protected checkFeatures(nFeatures: number, names: string[] | undefined, reset: boolean): void {
    const cls = classOf(this).name;
    if (reset) {
      this.nFeaturesIn_ = nFeatures;
      if (names) this.featureNamesIn_ = names;
      else delete this.featureNamesIn_;
      return;
    }
    if (this.featureNamesIn_ && names) {
      const a = this.featureNamesIn_;
      if (a.length !== names.length || a.some((n, i) => n !== names[i])) {
        const unseen = names.filter((n) => !a.includes(n));
        const missing = a.filter((n) => !names.includes(n));
        throw new ValueError(
          "The feature names should match those that were passed during fit." +
            (unseen.length ? `\nFeature names unseen at fit time: ${unseen.join(", ")}` : "") +
            (missing.length
              ? `\nFeature names seen at fit time, yet now missing: ${missing.join(", ")}`
              : "") +
            (!unseen.length && !missing.length
              ? "\nFeature names must be in the same order as they were in fit."
              : ""),
        );
      }
    }
    if (this.nFeaturesIn_ !== undefined && nFeatures !== this.nFeaturesIn_) {
      throw new ValueError(
        `X has ${nFeatures} features, but ${cls} is expecting ${this.nFeaturesIn_} features as input.`,
      );
    }
  }

  /** The repr: class name and the options that differ from their defaults. */
  toString(): string {
    return formatRepr(this);
  }

  /** Rich display for notebooks: the repr as text and as a small HTML diagram. */
  [DISPLAY](): MimeBundle {
    return { "text/plain": formatRepr(this), "text/html": formatHtml(this) };
  }

  /** What `console.log` shows in Node. */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return formatRepr(this);
  }
}

/** `[name, value, ...]` entries of a composite option (steps, transformers). */
export function namedEntries(list: unknown): [string, unknown][] {
  if (!Array.isArray(list)) return [];
  return list.filter((e) => Array.isArray(e) && typeof e[0] === "string").map((e) => [e[0] as string, e[1]]);
}

function replaceNamed(list: unknown, name: string, value: unknown): unknown {
  if (!Array.isArray(list)) return list;
  return list.map((e) => (Array.isArray(e) && e[0] === name ? [e[0], value, ...e.slice(2)] : e));
}

/**
 * scikit-learn's `check_is_fitted`: throws `NotFittedError` unless the estimator has learned
 * attributes (names ending in `_`), or the ones listed.
 *
 * @example
 * ```ts
 * sk.checkIsFitted(new sk.StandardScaler()); // throws: This StandardScaler instance is not fitted yet. ...
 * ```
 */
export function checkIsFitted(est: BaseEstimator, attributes?: string | readonly string[]): void {
  const self = est as unknown as Params & { isFitted?: () => boolean };
  let fitted: boolean;
  if (typeof self.isFitted === "function") fitted = self.isFitted();
  else if (attributes !== undefined) {
    const list = typeof attributes === "string" ? [attributes] : attributes;
    fitted = list.every((a) => self[a] !== undefined);
  } else {
    fitted =
      Object.keys(self).some(
        (k) =>
          k.endsWith("_") &&
          !k.startsWith("__") &&
          k !== "nFeaturesIn_" &&
          k !== "featureNamesIn_" &&
          self[k] !== undefined,
      ) || self.nFeaturesIn_ !== undefined;
  }
  if (!fitted) {
    throw new NotFittedError(
      `This ${classOf(est).name} instance is not fitted yet. Call 'fit' with appropriate arguments before using this estimator.`,
    );
  }
}
