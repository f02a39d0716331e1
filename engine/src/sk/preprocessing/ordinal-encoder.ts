/** `OrdinalEncoder`: each category becomes its index (0, 1, 2, ...) in sorted order. */
import { Tensor } from "../../core/tensor.js";
import { ValueError } from "../../core/errors.js";
import { TransformerMixin } from "../base/mixins.js";
import { checkIsFitted } from "../base/estimator.js";
import { registerEstimator } from "../base/registry.js";
import { toTable, type Table } from "../base/table.js";
import type { ArrayInput, Cell, CellMatrix, TargetInput } from "../base/types.js";
import { checkArray, featureNamesOf } from "../base/validation.js";
import { inputFeatureNames } from "./column-stats.js";
import {
  categoryIndex,
  categoryText,
  categoryValues,
  cellAt,
  discoverCategories,
  givenCategories,
  type Categories,
} from "./categories.js";

/** Options of {@link OrdinalEncoder}. */
export interface OrdinalEncoderOptions {
  /** "auto" or the categories of each column, in code order. */
  categories?: "auto" | readonly (readonly (number | string | null)[])[];
  /** Output dtype (float64). */
  dtype?: string;
  /** "error" (default) or "use_encoded_value" (unseen categories become `unknownValue`). */
  handleUnknown?: "error" | "use_encoded_value";
  /** Code of unseen categories with "use_encoded_value" (an int or NaN). */
  unknownValue?: number | null;
  /** Code of missing values (default NaN: missing stays missing). */
  encodedMissingValue?: number;
}

/**
 * Encodes categories as integers (as floats, NaN for missing).
 *
 * @example
 * ```ts
 * const enc = new sk.OrdinalEncoder();
 * enc.fitTransform([["INLAND"], ["<1H OCEAN"]]); // [[1], [0]]
 * enc.categories_; // [["<1H OCEAN", "INLAND"]]
 * ```
 */
export class OrdinalEncoder extends TransformerMixin {
  static defaults = {
    categories: "auto" as OrdinalEncoderOptions["categories"],
    dtype: "float64",
    handleUnknown: "error" as "error" | "use_encoded_value",
    unknownValue: null as number | null,
    encodedMissingValue: NaN,
  };
  declare categories: OrdinalEncoderOptions["categories"];
  declare dtype: string;
  declare handleUnknown: "error" | "use_encoded_value";
  declare unknownValue: number | null;
  declare encodedMissingValue: number;
  /** The categories of each feature, in code order. */
  categories_?: Categories[];

  constructor(options: OrdinalEncoderOptions = {}) {
    super(options);
  }

  private table(X: ArrayInput, reset: boolean): Table {
    const t = toTable(X);
    this.checkFeatures(t.columns.length, featureNamesOf(X), reset);
    return t;
  }

  fit(X: ArrayInput, _y?: TargetInput | null): this {
    if (
      this.handleUnknown === "use_encoded_value" &&
      (this.unknownValue === null || this.unknownValue === undefined)
    ) {
      throw new TypeError(
        'unknownValue should be an integer or NaN when handleUnknown is "use_encoded_value", got null',
      );
    }
    if (this.handleUnknown === "error" && this.unknownValue !== null && this.unknownValue !== undefined) {
      throw new TypeError('unknownValue should only be set when handleUnknown is "use_encoded_value"');
    }
    const t = this.table(X, true);
    const given = this.categories;
    this.categories_ =
      given === "auto" || given === undefined
        ? t.columns.map(discoverCategories)
        : t.columns.map((c, j) => givenCategories(given[j], c, j));
    return this;
  }

  /** Category codes as a float64 tensor. */
  transform(X: ArrayInput): Tensor {
    checkIsFitted(this, "categories_");
    const t = this.table(X, false);
    const cats = this.categories_ as Categories[];
    const m = cats.length;
    const out = new Float64Array(t.nRows * m);
    t.columns.forEach((col, j) => {
      const idx = categoryIndex(cats[j]);
      for (let i = 0; i < t.nRows; i++) {
        const v = cellAt(col, i);
        let code = idx.get(v);
        // Missing values get encodedMissingValue (NaN by default: missing stays missing).
        if (v === null) code = this.encodedMissingValue;
        if (code === undefined) {
          if (this.handleUnknown === "error") {
            throw new ValueError(
              `Found unknown categories [${categoryText(v)}] in column ${j} during transform. ` +
                `Pass handleUnknown: "use_encoded_value" with unknownValue: -1 to encode them.`,
            );
          }
          code = this.unknownValue as number;
        }
        out[i * m + j] = code;
      }
    });
    return Tensor.fromTypedArray(out, [t.nRows, m], "float64");
  }

  /** Categories back from codes (a tensor when all features are numeric, else rows of cells). */
  inverseTransform(X: ArrayInput): Tensor | CellMatrix {
    checkIsFitted(this, "categories_");
    const t = checkArray(X, { allowNaN: true });
    const cats = this.categories_ as Categories[];
    const [n, m] = t.shape;
    if (m !== cats.length)
      throw new ValueError(
        `Shape of the passed X data is not correct. Expected ${cats.length} columns, got ${m}.`,
      );
    const d = t.dataSync();
    const rows: Cell[][] = Array.from({ length: n }, (_, i) =>
      cats.map((c, j) => {
        const code = d[i * m + j];
        const values = categoryValues(c);
        return Number.isInteger(code) && code >= 0 && code < values.length ? values[code] : null;
      }),
    );
    if (cats.every((c) => c instanceof Tensor)) {
      return Tensor.fromTypedArray(
        Float64Array.from(rows.flat(), (v) => (v === null ? NaN : Number(v))),
        [n, m],
        "float64",
      );
    }
    return rows;
  }

  /** Output feature names: the input names. */
  getFeatureNamesOut(inputFeatures?: readonly string[]): string[] {
    checkIsFitted(this, "categories_");
    return inputFeatureNames(this.nFeaturesIn_ as number, this.featureNamesIn_, inputFeatures);
  }
}
registerEstimator(OrdinalEncoder);
