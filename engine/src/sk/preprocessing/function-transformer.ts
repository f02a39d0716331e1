/** `FunctionTransformer`: wraps a function (e.g. `np.log`) as a transformer. */
import { TransformerMixin } from "../base/mixins.js";
import { registerEstimator } from "../base/registry.js";
import type { ArrayInput, TargetInput } from "../base/types.js";
import { checkArray, featureNamesOf } from "../base/validation.js";
import { inputFeatureNames } from "./column-stats.js";

/** A function a `FunctionTransformer` applies; extra options arrive in `kwArgs`. */
export type TransformFunction = (X: never, kwArgs?: Record<string, unknown>) => unknown;

/** Options of {@link FunctionTransformer}. */
export interface FunctionTransformerOptions {
  /** The function applied by `transform` (identity when null). */
  func?: TransformFunction | null;
  /** The function applied by `inverseTransform`. */
  inverseFunc?: TransformFunction | null;
  /** Convert X to a 2-D float64 tensor first (NaN allowed). Default false. */
  validate?: boolean;
  /** Check that `inverseFunc(func(X))` gives X back on a sample in `fit` (a warning if not). */
  checkInverse?: boolean;
  /** Extra argument passed to `func`. */
  kwArgs?: Record<string, unknown> | null;
  /** Extra argument passed to `inverseFunc`. */
  invKwArgs?: Record<string, unknown> | null;
  /** "one-to-one" (names kept) or a function `(est, inputNames) => names`. */
  featureNamesOut?: null | "one-to-one" | ((est: FunctionTransformer, names: string[]) => string[]);
}

/**
 * A stateless transformer from a function.
 *
 * @example
 * ```ts
 * const logT = new sk.FunctionTransformer({ func: np.log1p, inverseFunc: np.expm1 });
 * logT.transform(np.array([[0, 1]])); // [[0, 0.693...]]
 * ```
 */
export class FunctionTransformer extends TransformerMixin {
  static defaults = {
    func: null as TransformFunction | null,
    inverseFunc: null as TransformFunction | null,
    validate: false,
    checkInverse: true,
    kwArgs: null as Record<string, unknown> | null,
    invKwArgs: null as Record<string, unknown> | null,
    featureNamesOut: null as FunctionTransformerOptions["featureNamesOut"],
  };
  declare func: TransformFunction | null;
  declare inverseFunc: TransformFunction | null;
  declare validate: boolean;
  declare checkInverse: boolean;
  declare kwArgs: Record<string, unknown> | null;
  declare invKwArgs: Record<string, unknown> | null;
  declare featureNamesOut: FunctionTransformerOptions["featureNamesOut"];

  constructor(options: FunctionTransformerOptions = {}) {
    super(options);
  }

  private input(X: ArrayInput, reset: boolean): ArrayInput {
    if (!this.validate) {
      if (reset) {
        const names = featureNamesOf(X);
        if (names) this.checkFeatures(names.length, names, true);
      }
      return X;
    }
    const t = checkArray(X, { allowNaN: true, estimator: "FunctionTransformer" });
    this.checkFeatures(t.shape[1], featureNamesOf(X), reset);
    return t;
  }

  /** Records the input's feature count and names (there is nothing else to learn). */
  fit(X: ArrayInput, _y?: TargetInput | null): this {
    this.input(X, true);
    return this;
  }

  /** `func(X, kwArgs)` (X itself without `func`). */
  transform(X: ArrayInput): unknown {
    const x = this.input(X, false);
    return this.func ? this.func(x as never, this.kwArgs ?? undefined) : x;
  }

  /** `inverseFunc(X, invKwArgs)`. */
  inverseTransform(X: ArrayInput): unknown {
    const x = this.validate ? checkArray(X, { allowNaN: true }) : X;
    return this.inverseFunc ? this.inverseFunc(x as never, this.invKwArgs ?? undefined) : x;
  }

  /** Names out, following `featureNamesOut`. */
  getFeatureNamesOut(inputFeatures?: readonly string[]): string[] {
    const names = inputFeatureNames(this.nFeaturesIn_ ?? 0, this.featureNamesIn_, inputFeatures);
    if (this.featureNamesOut === "one-to-one") return names;
    if (typeof this.featureNamesOut === "function") return this.featureNamesOut(this, names);
    throw new TypeError(
      'This FunctionTransformer has no featureNamesOut: pass featureNamesOut: "one-to-one" or a function to name its outputs',
    );
  }
}
registerEstimator(FunctionTransformer);
