import { pyFloatRepr } from "./build.js";
import { KeyError } from "./errors.js";
import { labelKey } from "./sort.js";

/** A row label (or a column name): a string or a number, as in a pandas Index. */
export type Label = string | number;

/**
 * The row labels of a frame or series, like pandas' `Index`: a range (0, 1, 2, … by default,
 * stored as start/step, no array) or explicit labels, with an optional name.
 *
 * @example
 * ```ts
 * const idx = df.index;
 * idx.length; // 20640
 * idx.getLoc(5); // 5
 * ```
 */
export class Index implements Iterable<Label> {
  /** The index's name (the column it came from with `setIndex`), or null. */
  readonly name: string | null;
  private readonly start: number;
  private readonly step: number;
  private readonly size: number;
  private readonly explicit: readonly Label[] | null;
  private lookup?: Map<Label, number[]>;

  /** Whether the labels came from a float column, so `52` prints as `52.0`. */
  readonly floatLabels: boolean;
  /** For labels that are a categorical's categories: their order, which sorting follows. */
  readonly categories?: readonly Label[];

  /** @internal Use `Index.range`, `Index.from` or `pd.MultiIndex`. */
  protected constructor(
    explicit: readonly Label[] | null,
    size: number,
    start: number,
    step: number,
    name: string | null,
    floatLabels = false,
  ) {
    this.explicit = explicit;
    this.floatLabels = floatLabels;
    this.size = size;
    this.start = start;
    this.step = step;
    this.name = name;
  }

  /** The default index 0, 1, …, n-1 (pandas' RangeIndex). */
  static range(n: number, start = 0, step = 1, name: string | null = null): Index {
    return new Index(null, n, start, step, name);
  }

  /** An index of explicit labels. */
  static from(labels: readonly Label[], name: string | null = null, floatLabels = false): Index {
    return new Index([...labels], labels.length, 0, 1, name, floatLabels);
  }

  /** An index of categories, which sorts in the categories' order rather than by value. */
  static categorical(
    labels: readonly Label[],
    categories: readonly Label[],
    name: string | null = null,
  ): Index {
    const idx = new Index([...labels], labels.length, 0, 1, name);
    (idx as { categories?: readonly Label[] }).categories = categories;
    return idx;
  }

  /** @internal Keys that order the labels (category order for categorical labels). */
  sortKey(): Float64Array {
    if (this.categories) {
      const at = new Map(this.categories.map((c, i) => [c, i] as const));
      return Float64Array.from(this, (l) => at.get(l) ?? NaN);
    }
    return labelKey(this.toArray());
  }

  /** Number of levels: 1 (a `MultiIndex` has more). */
  get nlevels(): number {
    return 1;
  }

  /** The name of each level (pandas' `index.names`): `[name]` here. */
  get names(): (string | null)[] {
    return [this.name];
  }

  /** Number of labels. */
  get length(): number {
    return this.size;
  }

  /** Whether this is a range index (pandas' RangeIndex). */
  get isRange(): boolean {
    return this.explicit === null;
  }

  /** Whether every label is a number. */
  get isNumeric(): boolean {
    return this.explicit === null || this.explicit.every((l) => typeof l === "number");
  }

  /** The label at position `i`. */
  at(i: number): Label {
    return this.explicit === null ? this.start + i * this.step : this.explicit[i];
  }

  /** Every label, as an array (pandas' `index.values` / `list(index)`). */
  get values(): Label[] {
    return this.toArray();
  }

  /** Every label, as an array. */
  toArray(): Label[] {
    if (this.explicit) return [...this.explicit];
    const out: number[] = new Array(this.size);
    for (let i = 0; i < this.size; i++) out[i] = this.start + i * this.step;
    return out;
  }

  *[Symbol.iterator](): Iterator<Label> {
    for (let i = 0; i < this.size; i++) yield this.at(i);
  }

  /** Every position that holds `label` (labels may repeat). */
  positionsOf(label: Label): number[] {
    if (this.explicit === null) {
      if (typeof label !== "number") return [];
      const k = (label - this.start) / this.step;
      return Number.isInteger(k) && k >= 0 && k < this.size ? [k] : [];
    }
    if (!this.lookup) {
      this.lookup = new Map();
      this.explicit.forEach((l, i) => {
        const list = this.lookup!.get(l);
        if (list) list.push(i);
        else this.lookup!.set(l, [i]);
      });
    }
    return this.lookup.get(label) ?? [];
  }

  /**
   * The position of `label` (pandas' `get_loc`); a KeyError names the label when it is absent.
   *
   * @example
   * ```ts
   * pd.Index.from(["a", "b"]).getLoc("b"); // 1
   * ```
   */
  getLoc(label: Label): number {
    const at = this.positionsOf(label);
    if (at.length === 0) throw new KeyError(`label ${JSON.stringify(label)} is not in the index`);
    return at[0];
  }

  /** Whether `label` is in the index. */
  has(label: Label): boolean {
    return this.positionsOf(label).length > 0;
  }

  /** The labels at `positions`. */
  take(positions: ArrayLike<number>): Index {
    const out: Label[] = new Array(positions.length);
    for (let i = 0; i < positions.length; i++) out[i] = this.at(positions[i]);
    return this.keepCategories(new Index(out, out.length, 0, 1, this.name, this.floatLabels));
  }

  /** Positions `start` to `stop` (exclusive); a range stays a range. */
  slice(start: number, stop: number): Index {
    const n = Math.max(0, stop - start);
    if (this.explicit === null)
      return new Index(null, n, this.start + start * this.step, this.step, this.name);
    return this.keepCategories(
      new Index(this.explicit.slice(start, stop), n, 0, 1, this.name, this.floatLabels),
    );
  }

  /** The same labels under another name. */
  rename(name: string | null): Index {
    return this.keepCategories(
      new Index(this.explicit, this.size, this.start, this.step, name, this.floatLabels),
    );
  }

  private keepCategories(idx: Index): Index {
    if (this.categories) (idx as { categories?: readonly Label[] }).categories = this.categories;
    return idx;
  }

  /** Whether both indexes hold the same labels in the same order. */
  equals(other: Index): boolean {
    if (this === other) return true;
    if (this.size !== other.size) return false;
    if (this.explicit === null && other.explicit === null)
      return this.start === other.start && this.step === other.step;
    for (let i = 0; i < this.size; i++) if (this.at(i) !== other.at(i)) return false;
    return true;
  }

  /** How `df.info()` names the index kind (pandas 1.5 spellings). */
  get kindName(): string {
    if (this.explicit === null) return "RangeIndex";
    if (this.explicit.every((l) => typeof l === "number")) {
      return !this.floatLabels && this.explicit.every((l) => Number.isInteger(l))
        ? "Int64Index"
        : "Float64Index";
    }
    return "Index";
  }

  /** Labels as pandas prints them in a table (floats as Python's repr). */
  formatLabel(i: number): string {
    const l = this.at(i);
    if (typeof l === "string") return l;
    const floats =
      this.floatLabels ||
      (this.explicit !== null && this.explicit.some((x) => typeof x === "number" && !Number.isInteger(x)));
    return floats ? pyFloatRepr(l) : String(l);
  }

  toString(): string {
    if (this.explicit === null)
      return `RangeIndex(start=${this.start}, stop=${this.start + this.size * this.step}, step=${this.step})`;
    return `Index([${this.explicit.map((l) => (typeof l === "string" ? `'${l}'` : String(l))).join(", ")}])`;
  }
}
