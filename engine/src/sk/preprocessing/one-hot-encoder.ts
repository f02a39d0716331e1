/** `OneHotEncoder`: one 0/1 column per category of each input feature. */
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

/** Options of {@link OneHotEncoder}. */
export interface OneHotEncoderOptions {
  /** "auto" (learned from the data) or the categories of each column. */
  categories?: "auto" | readonly (readonly (number | string | null)[])[];
  /** Drop a category per feature: null (none), "first", "if_binary", or one value per feature. */
  drop?: null | "first" | "if_binary" | readonly (number | string | null)[];
  /**
   * scikit-learn returns a sparse matrix by default. Tensorbook has no sparse matrices: the
   * output is always a dense tensor, whatever this says (accepted so book code runs unchanged).
   */
  sparseOutput?: boolean;
  /** Old name of `sparseOutput` (scikit-learn < 1.2, used by the book). Same effect: none. */
  sparse?: boolean | "deprecated";
  /** Output dtype (float64). */
  dtype?: string;
  /** "error" (default) refuses unseen categories in transform; "ignore" encodes them as all zeros. */
  handleUnknown?: "error" | "ignore" | "infrequent_if_exist";
  /** Not supported (null only): infrequent-category grouping. */
  minFrequency?: null;
  /** Not supported (null only). */
  maxCategories?: null;
}

/**
 * One-hot encodes categorical features (strings or numbers). The output is a dense float64
 * tensor (see `sparseOutput`).
 *
 * @example
 * ```ts
 * const enc = new sk.OneHotEncoder({ handleUnknown: "ignore" });
 * enc.fitTransform([["INLAND"], ["NEAR BAY"], ["INLAND"]]); // [[1, 0], [0, 1], [1, 0]]
 * enc.categories_; // [["INLAND", "NEAR BAY"]]
 * ```
 */
export class OneHotEncoder extends TransformerMixin {
  static defaults = {
    categories: "auto" as OneHotEncoderOptions["categories"],
    drop: null as OneHotEncoderOptions["drop"],
    sparseOutput: true,
    sparse: "deprecated" as boolean | "deprecated",
    dtype: "float64",
    handleUnknown: "error" as "error" | "ignore" | "infrequent_if_exist",
    minFrequency: null,
    maxCategories: null,
  };
  declare categories: OneHotEncoderOptions["categories"];
  declare drop: OneHotEncoderOptions["drop"];
  declare sparseOutput: boolean;
  declare sparse: boolean | "deprecated";
  declare dtype: string;
  declare handleUnknown: "error" | "ignore" | "infrequent_if_exist";
  declare minFrequency: null;
  declare maxCategories: null;

  /** The categories of each feature, in output column order. */
  categories_?: Categories[];
  /** Index of the dropped category of each feature (null when none). */
  dropIdx_?: (number | null)[] | null;

  constructor(options: OneHotEncoderOptions = {}) {
    super(options);
  }

  private table(X: ArrayInput, reset: boolean): Table {
    const t = toTable(X);
    this.checkFeatures(t.columns.length, featureNamesOf(X), reset);
    return t;
  }

  fit(X: ArrayInput, _y?: TargetInput | null): this {
    if (!["error", "ignore", "infrequent_if_exist"].includes(this.handleUnknown)) {
      throw new ValueError(`handleUnknown should be "error" or "ignore", got '${this.handleUnknown}'`);
    }
    if (this.minFrequency != null || this.maxCategories != null) {
      throw new ValueError(
        "minFrequency and maxCategories (infrequent categories) are not supported; leave them null",
      );
    }
    const t = this.table(X, true);
    if (this.categories !== "auto" && this.categories !== undefined) {
      const given = this.categories;
      if (given.length !== t.columns.length) {
        throw new ValueError(
          `Shape mismatch: if categories is an array, it has to be of shape (n_features,): got ${given.length} lists for ${t.columns.length} features`,
        );
      }
      this.categories_ = t.columns.map((c, j) => givenCategories(given[j], c, j));
      if (this.handleUnknown === "error") this.findUnknown(t, "fit");
    } else {
      this.categories_ = t.columns.map(discoverCategories);
    }
    this.dropIdx_ = this.computeDrop();
    return this;
  }

  private computeDrop(): (number | null)[] | null {
    const cats = this.categories_ as Categories[];
    const drop = this.drop;
    if (drop === null || drop === undefined) return null;
    if (drop === "first") return cats.map(() => 0);
    if (drop === "if_binary") return cats.map((c) => (categoryValues(c).length === 2 ? 0 : null));
    if (!Array.isArray(drop) || drop.length !== cats.length) {
      throw new ValueError(
        `drop should be null, "first", "if_binary" or one category per feature (${cats.length})`,
      );
    }
    return cats.map((c, j) => {
      const v = drop[j];
      if (v === null) return null;
      const idx = categoryIndex(c).get(v);
      if (idx === undefined)
        throw new ValueError(
          `The following categories were supposed to be dropped, but were not found in the training data: ${String(v)} (feature ${j})`,
        );
      return idx;
    });
  }

  private findUnknown(t: Table, when: string): void {
    const cats = this.categories_ as Categories[];
    t.columns.forEach((col, j) => {
      const idx = categoryIndex(cats[j]);
      for (let i = 0; i < t.nRows; i++) {
        const v = cellAt(col, i);
        if (!idx.has(v)) {
          throw new ValueError(
            `Found unknown categories [${categoryText(v)}] in column ${j} during ${when}. ` +
              `Pass handleUnknown: "ignore" to encode unseen categories as all zeros.`,
          );
        }
      }
    });
  }

  /** The one-hot matrix (dense float64). */
  transform(X: ArrayInput): Tensor {
    checkIsFitted(this, "categories_");
    const t = this.table(X, false);
    const cats = this.categories_ as Categories[];
    const drop = this.dropIdx_;
    const widths = cats.map((c, j) => categoryValues(c).length - (drop && drop[j] !== null ? 1 : 0));
    const total = widths.reduce((a, b) => a + b, 0);
    const out = new Float64Array(t.nRows * total);
    let offset = 0;
    t.columns.forEach((col, j) => {
      const idx = categoryIndex(cats[j]);
      const dj = drop ? drop[j] : null;
      for (let i = 0; i < t.nRows; i++) {
        const v = cellAt(col, i);
        let k = idx.get(v);
        if (k === undefined) {
          if (this.handleUnknown === "error") {
            throw new ValueError(
              `Found unknown categories [${categoryText(v)}] in column ${j} during transform. ` +
                `Pass handleUnknown: "ignore" to encode unseen categories as all zeros.`,
            );
          }
          continue;
        }
        if (dj !== null) {
          if (k === dj) continue;
          if (k > dj) k--;
        }
        out[i * total + offset + k] = 1;
      }
      offset += widths[j];
    });
    return Tensor.fromTypedArray(out, [t.nRows, total], "float64");
  }

  /**
   * Categories back from one-hot rows (null where a row has no 1, for ignored unknowns). A tensor
   * when every feature is numeric, else rows of cells.
   */
  inverseTransform(X: ArrayInput): Tensor | CellMatrix {
    checkIsFitted(this, "categories_");
    const m = checkArray(X);
    const cats = this.categories_ as Categories[];
    const drop = this.dropIdx_;
    const [n, w] = m.shape;
    const d = m.dataSync();
    const widths = cats.map((c, j) => categoryValues(c).length - (drop && drop[j] !== null ? 1 : 0));
    const expected = widths.reduce((a, b) => a + b, 0);
    if (w !== expected)
      throw new ValueError(
        `Shape of the passed X data is not correct. Expected ${expected} columns, got ${w}.`,
      );
    const rows: Cell[][] = Array.from({ length: n }, () => []);
    let offset = 0;
    cats.forEach((c, j) => {
      const values = categoryValues(c);
      const dj = drop ? drop[j] : null;
      for (let i = 0; i < n; i++) {
        let found: number | null = null;
        for (let k = 0; k < widths[j]; k++) if (d[i * w + offset + k] === 1) found = k;
        if (found === null) rows[i].push(dj !== null ? values[dj] : null);
        else rows[i].push(values[dj !== null && found >= dj ? found + 1 : found]);
      }
      offset += widths[j];
    });
    if (cats.every((c) => c instanceof Tensor)) {
      return Tensor.fromTypedArray(
        Float64Array.from(rows.flat(), (v) => (v === null ? NaN : Number(v))),
        [n, cats.length],
        "float64",
      );
    }
    return rows;
  }

  /** Output names `feature_category` (e.g. `ocean_proximity_INLAND`). */
  getFeatureNamesOut(inputFeatures?: readonly string[]): string[] {
    checkIsFitted(this, "categories_");
    const names = inputFeatureNames(this.nFeaturesIn_ as number, this.featureNamesIn_, inputFeatures);
    const out: string[] = [];
    (this.categories_ as Categories[]).forEach((c, j) => {
      categoryValues(c).forEach((v, k) => {
        if (this.dropIdx_ && this.dropIdx_[j] === k) return;
        out.push(`${names[j]}_${categoryText(v)}`);
      });
    });
    return out;
  }
}
registerEstimator(OneHotEncoder);
