/** `FeatureUnion`: runs several transformers on the same input and concatenates their outputs. */
import type { Tensor } from "../../core/tensor.js";
import { ValueError } from "../../core/errors.js";
import { BaseEstimator, checkIsFitted } from "../base/estimator.js";
import { fitTransformOf, type TransformerLike } from "../base/mixins.js";
import { registerEstimator } from "../base/registry.js";
import { numSamples } from "../base/validation.js";
import type { ArrayInput, CellMatrix, TargetInput } from "../base/types.js";
import { hstackParts, outputColumns } from "../compose/stack.js";
import { nameEstimators, type StepEstimator } from "./pipeline.js";

/** A named transformer of a union, `[name, transformer]` ("drop" or null to skip it). */
export type UnionEntry = readonly [string, TransformerLike | "drop" | "passthrough" | null];

/** Options of {@link FeatureUnion}. */
export interface FeatureUnionOptions {
  /** Accepted; the parts run one after the other. */
  nJobs?: number | null;
  /** Multiplier of each part's output, by name. */
  transformerWeights?: Record<string, number> | null;
  /** Print each part's fit time. */
  verbose?: boolean;
}

/**
 * Concatenates the outputs of several transformers fitted on the same data.
 *
 * @example
 * ```ts
 * const union = new sk.FeatureUnion([
 *   ["scaled", new sk.StandardScaler()],
 *   ["poly", new sk.PolynomialFeatures({ degree: 2 })],
 * ]);
 * union.fitTransform(X);
 * ```
 */
export class FeatureUnion extends BaseEstimator {
  static defaults = {
    nJobs: null as number | null,
    transformerWeights: null as Record<string, number> | null,
    verbose: false,
  };
  static positional = ["transformerList"];
  static composite = "transformerList";
  declare transformerList: UnionEntry[];
  declare nJobs: number | null;
  declare transformerWeights: Record<string, number> | null;
  declare verbose: boolean;
  private fitted_?: boolean;

  constructor(transformerList?: readonly UnionEntry[], options: FeatureUnionOptions = {}) {
    super(options, { transformerList: transformerList ? [...transformerList] : transformerList });
  }

  private active(): [string, TransformerLike | "passthrough"][] {
    if (!Array.isArray(this.transformerList) || this.transformerList.length === 0) {
      throw new ValueError("FeatureUnion needs a list of [name, transformer] entries");
    }
    return this.transformerList.filter(([, t]) => t !== null && t !== "drop") as [
      string,
      TransformerLike | "passthrough",
    ][];
  }

  private join(outputs: unknown[], names: string[], n: number): Tensor | CellMatrix {
    const parts = outputs.map((o, i) => {
      const p = outputColumns(o, names[i]);
      const w = this.transformerWeights?.[names[i]];
      if (w !== undefined)
        for (const c of p.columns) if (c.kind === "num") c.values = c.values.map((v) => v * w);
      return p;
    });
    return hstackParts(parts, n);
  }

  /** Fits every part; returns `this`. */
  fit(X: ArrayInput, y?: TargetInput | null): this {
    for (const [, t] of this.active()) if (t !== "passthrough") t.fit(X, y);
    this.fitted_ = true;
    return this;
  }

  /** Fits every part and concatenates their outputs on the training data. */
  fitTransform(X: ArrayInput, y?: TargetInput | null): Tensor | CellMatrix {
    const act = this.active();
    const outs = act.map(([, t]) => (t === "passthrough" ? X : fitTransformOf(t, X, y)));
    this.fitted_ = true;
    return this.join(
      outs,
      act.map(([n]) => n),
      numSamples(X),
    );
  }

  /** Concatenated outputs of the fitted parts. */
  transform(X: ArrayInput): Tensor | CellMatrix {
    checkIsFitted(this, "fitted_");
    const act = this.active();
    const outs = act.map(([, t]) => (t === "passthrough" ? X : t.transform(X)));
    return this.join(
      outs,
      act.map(([n]) => n),
      numSamples(X),
    );
  }

  /** Whether `fit` ran. */
  isFitted(): boolean {
    return this.fitted_ === true;
  }

  /** `name__feature` for every output column. */
  getFeatureNamesOut(inputFeatures?: readonly string[]): string[] {
    return this.active().flatMap(([name, t]) => {
      const f = (t as { getFeatureNamesOut?: (n?: readonly string[]) => string[] }).getFeatureNamesOut;
      if (t === "passthrough") return (inputFeatures ?? []).map((x) => `${name}__${x}`);
      if (typeof f !== "function")
        throw new TypeError(`Transformer ${name} does not provide getFeatureNamesOut`);
      return f.call(t, inputFeatures).map((x) => `${name}__${x}`);
    });
  }

  /** The estimator type tag. */
  get estimatorType(): string {
    return "transformer";
  }
}
registerEstimator(FeatureUnion);

/**
 * A `FeatureUnion` whose part names are the lower-cased class names.
 *
 * @example
 * ```ts
 * sk.makeUnion(new sk.StandardScaler(), new sk.MinMaxScaler());
 * ```
 */
export function makeUnion(...transformers: StepEstimator[]): FeatureUnion {
  const names = nameEstimators(transformers);
  return new FeatureUnion(transformers.map((t, i) => [names[i], t as TransformerLike] as const));
}
