/** `ColumnTransformer`: different transformers for different columns, outputs side by side. */
import type { Tensor } from "../../core/tensor.js";
import { ValueError } from "../../core/errors.js";
import { BaseEstimator, checkIsFitted, isEstimator } from "../base/estimator.js";
import { clone } from "../base/clone.js";
import { fitTransformOf, type TransformerLike } from "../base/mixins.js";
import { registerEstimator } from "../base/registry.js";
import { featureNamesOf, numSamples } from "../base/validation.js";
import type { ArrayInput, CellMatrix, TargetInput } from "../base/types.js";
import { nameEstimators } from "../pipeline/pipeline.js";
import { columnsOf, resolveColumns, takeColumns, type ColumnSelector } from "./columns.js";
import { hstackParts, outputColumns } from "./stack.js";

/** What a column transformer entry applies: a transformer, "drop" or "passthrough". */
export type ColumnAction = TransformerLike | "drop" | "passthrough";
/** An entry `[name, transformer, columns]`. */
export type ColumnEntry = readonly [string, ColumnAction, ColumnSelector];

/** Options of {@link ColumnTransformer}. */
export interface ColumnTransformerOptions {
  /** Columns no entry selects: "drop" (default), "passthrough" or a transformer. */
  remainder?: ColumnAction;
  /** Accepted for compatibility: the output is always dense. */
  sparseThreshold?: number;
  /** Accepted; entries run one after the other. */
  nJobs?: number | null;
  /** Multiplier of each entry's output, by name. */
  transformerWeights?: Record<string, number> | null;
  /** Print each entry's fit time. */
  verbose?: boolean;
  /** Prefix output names with the entry name (`num__median_income`). Default true. */
  verboseFeatureNamesOut?: boolean;
}

/**
 * Applies each transformer to its columns and concatenates the results. Transformers are cloned
 * in `fit`; the fitted ones are in `transformers_` and `namedTransformers_`.
 *
 * @example
 * ```ts
 * const full = new sk.ColumnTransformer([
 *   ["num", numPipeline, numAttribs],
 *   ["cat", new sk.OneHotEncoder(), ["ocean_proximity"]],
 * ]);
 * const prepared = full.fitTransform(housing); // 16512 x 16 for the book's pipeline
 * full.namedTransformers_.cat.categories_;
 * ```
 */
export class ColumnTransformer extends BaseEstimator {
  static defaults = {
    remainder: "drop" as ColumnAction,
    sparseThreshold: 0.3,
    nJobs: null as number | null,
    transformerWeights: null as Record<string, number> | null,
    verbose: false,
    verboseFeatureNamesOut: true,
  };
  static positional = ["transformers"];
  static composite = "transformers";
  declare transformers: ColumnEntry[];
  declare remainder: ColumnAction;
  declare sparseThreshold: number;
  declare nJobs: number | null;
  declare transformerWeights: Record<string, number> | null;
  declare verbose: boolean;
  declare verboseFeatureNamesOut: boolean;

  /** Fitted entries `[name, fitted transformer | "drop" | "passthrough", column indices or names]`, remainder last. */
  transformers_?: [string, ColumnAction, (string | number)[]][];
  /** Output column range [start, stop) of each entry, by name. */
  outputIndices_?: Record<string, [number, number]>;
  private columns_?: number[][];

  constructor(transformers?: readonly ColumnEntry[], options: ColumnTransformerOptions = {}) {
    super(options, { transformers: transformers ? [...transformers] : transformers });
  }

  /** Fitted transformers by name (scikit-learn's `named_transformers_`). */
  get namedTransformers_(): Record<string, ColumnAction> {
    checkIsFitted(this, "transformers_");
    return Object.fromEntries(
      (this.transformers_ as [string, ColumnAction, unknown][]).map(([n, t]) => [n, t]),
    );
  }

  private plan(X: ArrayInput): { entries: [string, ColumnAction, number[]][]; names?: string[] } {
    if (!Array.isArray(this.transformers)) {
      throw new ValueError(
        'ColumnTransformer needs a list of [name, transformer, columns] entries, e.g. [["cat", new sk.OneHotEncoder(), ["ocean_proximity"]]]',
      );
    }
    const names = new Set<string>();
    const entries: [string, ColumnAction, number[]][] = this.transformers.map((e, i) => {
      if (!Array.isArray(e) || e.length !== 3 || typeof e[0] !== "string")
        throw new ValueError(`entry ${i} should be [name, transformer, columns]`);
      const [name, t, cols] = e;
      if (names.has(name)) throw new ValueError(`Names provided are not unique: '${name}'`);
      if (name.includes("__")) throw new ValueError(`Estimator names must not contain __: got '${name}'`);
      names.add(name);
      if (
        t !== "drop" &&
        t !== "passthrough" &&
        (typeof (t as TransformerLike).fit !== "function" ||
          typeof (t as TransformerLike).transform !== "function")
      ) {
        throw new TypeError(
          `All estimators should implement fit and transform, or can be 'drop' or 'passthrough' specifiers. '${name}' doesn't.`,
        );
      }
      return [name, t, resolveColumns(cols, X)];
    });
    const { count, names: colNames } = columnsOf(X);
    const used = new Set(entries.flatMap((e) => e[2]));
    const rest = Array.from({ length: count }, (_, j) => j).filter((j) => !used.has(j));
    if (rest.length && this.remainder !== "drop") entries.push(["remainder", this.remainder, rest]);
    else if (rest.length) entries.push(["remainder", "drop", rest]);
    return { entries, names: colNames };
  }

  private run(X: ArrayInput, y: TargetInput | null | undefined, fitting: boolean): Tensor | CellMatrix {
    const n = numSamples(X);
    let entries: [string, ColumnAction, number[]][];
    if (fitting) {
      const p = this.plan(X);
      this.checkFeatures(columnsOf(X).count, featureNamesOf(X), true);
      entries = p.entries.map(([name, t, cols]) => [name, isEstimator(t) ? clone(t) : t, cols]);
    } else {
      checkIsFitted(this, "transformers_");
      this.checkFeatures(columnsOf(X).count, featureNamesOf(X), false);
      const cols = this.columns_ as number[][];
      entries = (this.transformers_ as [string, ColumnAction, unknown][]).map(([name, t], i) => [
        name,
        t,
        cols[i],
      ]);
    }
    const outputs: { name: string; out: unknown }[] = [];
    for (const [name, t, cols] of entries) {
      if (t === "drop" || cols.length === 0) continue;
      const sub = takeColumns(X, cols);
      const t0 = performance.now();
      const out = t === "passthrough" ? sub : fitting ? fitTransformOf(t, sub, y) : t.transform(sub);
      if (this.verbose && fitting)
        console.log(
          `[ColumnTransformer] ... (${name}) ... total=${((performance.now() - t0) / 1000).toFixed(1)}s`,
        );
      outputs.push({ name, out });
    }
    const parts = outputs.map(({ name, out }) => {
      const p = outputColumns(out, name);
      const w = this.transformerWeights?.[name];
      if (w !== undefined)
        for (const c of p.columns) if (c.kind === "num") c.values = c.values.map((v) => v * w);
      return { name, p };
    });
    if (fitting) {
      const colNames = columnsOf(X).names;
      this.transformers_ = entries.map(([name, t, cols]) => [
        name,
        t,
        colNames && name !== "remainder" ? cols.map((j) => colNames[j]) : cols,
      ]);
      this.columns_ = entries.map((e) => e[2]);
      const idx: Record<string, [number, number]> = {};
      let at = 0;
      for (const [name] of entries) {
        const part = parts.find((q) => q.name === name);
        const w = part ? part.p.columns.length : 0;
        idx[name] = [at, at + w];
        at += w;
      }
      this.outputIndices_ = idx;
    }
    return hstackParts(
      parts.map((q) => q.p),
      n,
    );
  }

  /** Fits every entry on its columns; returns `this`. */
  fit(X: ArrayInput, y?: TargetInput | null): this {
    this.run(X, y, true);
    return this;
  }

  /** Fits, and returns the concatenated outputs on the training data. */
  fitTransform(X: ArrayInput, y?: TargetInput | null): Tensor | CellMatrix {
    return this.run(X, y, true);
  }

  /** Transforms with the fitted entries. */
  transform(X: ArrayInput): Tensor | CellMatrix {
    return this.run(X, null, false);
  }

  /** `name__feature` names of every output column (`num__median_income`, `cat__ocean_proximity_INLAND`). */
  getFeatureNamesOut(): string[] {
    checkIsFitted(this, "transformers_");
    const inNames =
      this.featureNamesIn_ ?? Array.from({ length: this.nFeaturesIn_ as number }, (_, j) => `x${j}`);
    const cols = this.columns_ as number[][];
    const out: string[] = [];
    (this.transformers_ as [string, ColumnAction, unknown][]).forEach(([name, t], i) => {
      if (t === "drop" || cols[i].length === 0) return;
      const input = cols[i].map((j) => inNames[j]);
      let names: string[];
      if (t === "passthrough") names = input;
      else {
        const f = (t as { getFeatureNamesOut?: (n?: readonly string[]) => string[] }).getFeatureNamesOut;
        if (typeof f !== "function")
          throw new TypeError(
            `Transformer ${name} (type ${t.constructor.name}) does not provide getFeatureNamesOut.`,
          );
        names = f.call(t, input);
      }
      out.push(...names.map((x) => (this.verboseFeatureNamesOut ? `${name}__${x}` : x)));
    });
    return out;
  }

  /** The estimator type tag. */
  get estimatorType(): string {
    return "transformer";
  }
}
registerEstimator(ColumnTransformer);

/**
 * A `ColumnTransformer` from `[transformer, columns]` pairs, named after the classes.
 *
 * @example
 * ```ts
 * sk.makeColumnTransformer([new sk.StandardScaler(), numAttribs], [new sk.OneHotEncoder(), ["ocean_proximity"]]);
 * ```
 */
export function makeColumnTransformer(
  ...entries: (readonly [ColumnAction, ColumnSelector] | ColumnTransformerOptions)[]
): ColumnTransformer {
  let options: ColumnTransformerOptions = {};
  const last = entries[entries.length - 1];
  if (last && !Array.isArray(last)) {
    options = last as ColumnTransformerOptions;
    entries = entries.slice(0, -1);
  }
  const pairs = entries as (readonly [ColumnAction, ColumnSelector])[];
  const names = nameEstimators(pairs.map((p) => p[0]));
  return new ColumnTransformer(
    pairs.map((p, i) => [names[i], p[0], p[1]] as const),
    options,
  );
}
