/** `SimpleImputer`: fills missing values with a per-column mean, median, mode or constant. */
import { Tensor } from "../../core/tensor.js";
import { ValueError } from "../../core/errors.js";
import { TransformerMixin } from "../base/mixins.js";
import { checkIsFitted } from "../base/estimator.js";
import { registerEstimator } from "../base/registry.js";
import { toTable, type ColumnData, type Table } from "../base/table.js";
import type { ArrayInput, Cell, CellMatrix, TargetInput } from "../base/types.js";
import { featureNamesOf } from "../base/validation.js";
import { inputFeatureNames, percentileSorted } from "./column-stats.js";

/** Imputation strategies, spelled as in scikit-learn. */
export type ImputeStrategy = "mean" | "median" | "most_frequent" | "constant";

/** Options of {@link SimpleImputer}. */
export interface SimpleImputerOptions {
  /** "mean" (default), "median", "most_frequent" (numbers or strings) or "constant". */
  strategy?: ImputeStrategy;
  /** What counts as missing: NaN (default; also null in string columns), a number, a string or null. */
  missingValues?: number | string | null;
  /** The constant for "constant" (default 0 for numbers, "missing_value" for strings). */
  fillValue?: number | string | null;
  /** Accepted for scikit-learn compatibility. */
  copy?: boolean;
  /** Append 0/1 columns marking where values were missing (features that had some in fit). */
  addIndicator?: boolean;
  /** Keep all-missing columns (filled with 0 / the constant) instead of dropping them. */
  keepEmptyFeatures?: boolean;
}

/**
 * Replaces missing values column by column. Numeric input gives a float64 tensor; input with
 * string columns (from a data frame or a cell matrix) gives rows of cells.
 *
 * @example
 * ```ts
 * const imp = new sk.SimpleImputer({ strategy: "median" });
 * imp.fitTransform(np.array([[1, NaN], [3, 4], [NaN, 6]])); // [[1, 5], [3, 4], [2, 6]]
 * imp.statistics_; // array([2., 5.])
 * ```
 */
export class SimpleImputer extends TransformerMixin {
  static defaults = {
    missingValues: NaN as number | string | null,
    strategy: "mean" as ImputeStrategy,
    fillValue: null as number | string | null,
    copy: true,
    addIndicator: false,
    keepEmptyFeatures: false,
  };
  declare missingValues: number | string | null;
  declare strategy: ImputeStrategy;
  declare fillValue: number | string | null;
  declare copy: boolean;
  declare addIndicator: boolean;
  declare keepEmptyFeatures: boolean;

  /** The fill value of each column: a tensor when all are numbers, else an array. */
  statistics_?: Tensor | Cell[];
  /** Columns that had missing values in fit (for `addIndicator`). */
  indicatorFeatures_?: number[];

  constructor(options: SimpleImputerOptions = {}) {
    super(options);
  }

  private isMissing(col: ColumnData, i: number): boolean {
    const v = col.values[i];
    const mv = this.missingValues;
    if (typeof mv === "number" && Number.isNaN(mv)) return v === null || (typeof v === "number" && v !== v);
    if (mv === null) return v === null;
    return col.kind === "num" ? v === mv : v === String(mv);
  }

  private table(X: ArrayInput, reset: boolean): Table {
    const t = toTable(X);
    this.checkFeatures(t.columns.length, featureNamesOf(X), reset);
    t.columns.forEach((c, j) => {
      if (c.kind !== "num") return;
      for (let i = 0; i < t.nRows; i++) {
        const v = c.values[i];
        if (v === Infinity || v === -Infinity) {
          throw new ValueError(
            `Input X contains infinity (${t.names ? `column '${t.names[j]}'` : `feature ${j}`}, row ${i}); SimpleImputer fills missing values, not infinite ones.`,
          );
        }
      }
    });
    return t;
  }

  fit(X: ArrayInput, _y?: TargetInput | null): this {
    if (!["mean", "median", "most_frequent", "constant"].includes(this.strategy)) {
      throw new ValueError(
        `Can only use these strategies: "mean", "median", "most_frequent", "constant"; got strategy='${this.strategy}'`,
      );
    }
    const t = this.table(X, true);
    const stats: Cell[] = [];
    const missingCols: number[] = [];
    t.columns.forEach((col, j) => {
      const present: (number | string)[] = [];
      for (let i = 0; i < t.nRows; i++) {
        if (this.isMissing(col, i)) continue;
        present.push(col.values[i] as number | string);
      }
      if (present.length < t.nRows) missingCols.push(j);
      if (col.kind === "str" && (this.strategy === "mean" || this.strategy === "median")) {
        const name = t.names ? `'${t.names[j]}'` : `${j}`;
        throw new ValueError(
          `Cannot use ${this.strategy} strategy with non-numeric data: column ${name} holds strings. ` +
            `Use strategy "most_frequent" or "constant" for text columns.`,
        );
      }
      if (this.strategy === "constant") {
        stats.push(this.fillValue ?? (col.kind === "str" ? "missing_value" : 0));
        return;
      }
      if (present.length === 0) {
        stats.push(this.keepEmptyFeatures ? (col.kind === "str" ? "" : 0) : NaN);
        return;
      }
      if (this.strategy === "mean") {
        let s = 0;
        for (const v of present as number[]) s += v;
        stats.push(s / present.length);
      } else if (this.strategy === "median") {
        stats.push(percentileSorted(Float64Array.from(present as number[]).sort(), 50));
      } else {
        const counts = new Map<number | string, number>();
        for (const v of present) counts.set(v, (counts.get(v) ?? 0) + 1);
        let best: number | string | null = null;
        let bestCount = -1;
        for (const [v, c] of counts) {
          // Ties go to the smallest value, as in scikit-learn.
          if (c > bestCount || (c === bestCount && best !== null && v < best)) {
            best = v;
            bestCount = c;
          }
        }
        stats.push(best);
      }
    });
    this.statistics_ = stats.every((s) => typeof s === "number")
      ? Tensor.fromTypedArray(Float64Array.from(stats as number[]), [stats.length], "float64")
      : stats;
    this.indicatorFeatures_ = missingCols;
    return this;
  }

  private kept(stats: Cell[]): number[] {
    // Columns whose statistic is NaN (all values missing in fit) are dropped, as in scikit-learn.
    return stats.flatMap((s, j) =>
      typeof s === "number" && Number.isNaN(s) && this.strategy !== "constant" ? [] : [j],
    );
  }

  private statsArray(): Cell[] {
    const s = this.statistics_ as Tensor | Cell[];
    return s instanceof Tensor ? Array.from(s.dataSync()) : s;
  }

  /** `X` with missing values filled. */
  transform(X: ArrayInput): Tensor | CellMatrix {
    checkIsFitted(this, "statistics_");
    const t = this.table(X, false);
    const stats = this.statsArray();
    const keep = this.kept(stats);
    const indicator = this.addIndicator ? (this.indicatorFeatures_ as number[]) : [];
    const allNumeric = keep.every((j) => t.columns[j].kind === "num" && typeof stats[j] === "number");
    const width = keep.length + indicator.length;
    if (allNumeric) {
      const out = new Float64Array(t.nRows * width);
      keep.forEach((j, k) => {
        const col = t.columns[j].values as Float64Array;
        const fill = stats[j] as number;
        for (let i = 0; i < t.nRows; i++)
          out[i * width + k] = this.isMissing(t.columns[j], i) ? fill : col[i];
      });
      indicator.forEach((j, k) => {
        for (let i = 0; i < t.nRows; i++)
          out[i * width + keep.length + k] = this.isMissing(t.columns[j], i) ? 1 : 0;
      });
      return Tensor.fromTypedArray(out, [t.nRows, width], "float64");
    }
    const rows: Cell[][] = Array.from({ length: t.nRows }, (_, i) => [
      ...keep.map((j) => (this.isMissing(t.columns[j], i) ? stats[j] : t.columns[j].values[i])),
      ...indicator.map((j) => (this.isMissing(t.columns[j], i) ? 1 : 0)),
    ]);
    return rows;
  }

  /** Output names: the kept input names, then `missingindicator_name` columns. */
  getFeatureNamesOut(inputFeatures?: readonly string[]): string[] {
    checkIsFitted(this, "statistics_");
    const names = inputFeatureNames(this.nFeaturesIn_ as number, this.featureNamesIn_, inputFeatures);
    const keep = this.kept(this.statsArray());
    const ind = this.addIndicator
      ? (this.indicatorFeatures_ as number[]).map((j) => `missingindicator_${names[j]}`)
      : [];
    return [...keep.map((j) => names[j]), ...ind];
  }
}
registerEstimator(SimpleImputer);
