import { pyStr } from "./build.js";
import { formatFloats } from "./display/format.js";
import type { Column, Scalar } from "./column.js";
import { KeyError } from "./errors.js";
import { Index, type Label } from "./labels.js";

/** One value of a level: a label, or null for a missing key (printed `NaN`). */
export type LevelValue = Label | null;

/** Options of the `MultiIndex` constructors. */
export interface MultiIndexOptions {
  /** The name of each level. */
  names?: readonly (string | null)[];
}

function compareLabels(a: Label, b: Label): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "number") return -1;
  if (typeof b === "number") return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Labels of one level as a sorted level plus a code per row (-1 where missing). */
function factorize(values: readonly (Scalar | undefined)[]): { level: Label[]; codes: Int32Array } {
  const distinct = new Set<Label>();
  const norm = values.map((v): Label | null =>
    v === null || v === undefined || (typeof v === "number" && Number.isNaN(v))
      ? null
      : typeof v === "boolean"
        ? pyStr(v)
        : v,
  );
  for (const v of norm) if (v !== null) distinct.add(v);
  const level = [...distinct].sort(compareLabels);
  const at = new Map(level.map((l, i) => [l, i] as const));
  return { level, codes: Int32Array.from(norm, (v) => (v === null ? -1 : at.get(v)!)) };
}

/**
 * Row labels of several levels (pandas' `MultiIndex`), as `groupby` on several keys and
 * `setIndex([...])` make them. Each level is a sorted `Index` of its distinct values (`levels`),
 * each row a code into every level (`codes`). A row's `at(i)` label is its values joined with
 * ", " (e.g. "female, 1"), which is also how the data grid and error messages show it; `tuple(i)`
 * and `tuples()` give the values themselves.
 *
 * @example
 * ```ts
 * const mi = pd.MultiIndex.fromProduct([["a", "b"], [1, 2]], { names: ["letter", "n"] });
 * mi.nlevels; // 2
 * mi.tuple(3); // ["b", 2]
 * ```
 */
export class MultiIndex extends Index {
  /** Each level's distinct values, sorted, named after the level. */
  readonly levels: readonly Index[];
  /** Each level's code per row (-1 for a missing value). */
  readonly codes: readonly Int32Array[];
  private readonly levelNames: readonly (string | null)[];

  private constructor(levels: readonly Index[], codes: readonly Int32Array[]) {
    const n = codes[0]?.length ?? 0;
    const flat = Array.from({ length: n }, (_, i) =>
      codes.map((c, k) => (c[i] < 0 ? "NaN" : levels[k].formatLabel(c[i]))).join(", "),
    );
    super(flat, n, 0, 1, null);
    this.levels = levels;
    this.codes = codes;
    this.levelNames = levels.map((l) => l.name);
  }

  /** @internal A multi-index from levels and codes (no checks). */
  static of(levels: readonly Index[], codes: readonly Int32Array[]): MultiIndex {
    return new MultiIndex(levels, codes);
  }

  /**
   * A multi-index from one array per level (pandas' `MultiIndex.from_arrays`).
   *
   * @example
   * ```ts
   * pd.MultiIndex.fromArrays([["x", "x", "y"], [1, 2, 1]], { names: ["k", "n"] });
   * ```
   */
  static fromArrays(arrays: readonly (readonly Scalar[])[], options: MultiIndexOptions = {}): MultiIndex {
    if (arrays.length === 0) throw new RangeError("a MultiIndex needs at least one level");
    const n = arrays[0].length;
    for (const a of arrays)
      if (a.length !== n) throw new RangeError(`all arrays must have the same length (${a.length} vs ${n})`);
    const names = options.names ?? arrays.map(() => null);
    if (names.length !== arrays.length)
      throw new RangeError(`${names.length} names for ${arrays.length} levels`);
    return MultiIndex.build(arrays, names);
  }

  /** @internal Levels factorized from `arrays`; `floats[k]` prints level k's numbers as floats. */
  static build(
    arrays: readonly (readonly Scalar[])[],
    names: readonly (string | null)[],
    floats: readonly boolean[] = [],
  ): MultiIndex {
    const levels: Index[] = [];
    const codes: Int32Array[] = [];
    arrays.forEach((a, k) => {
      const f = factorize(a);
      levels.push(Index.from(f.level, names[k] ?? null, floats[k] ?? false));
      codes.push(f.codes);
    });
    return new MultiIndex(levels, codes);
  }

  /**
   * A multi-index from one tuple per row (pandas' `MultiIndex.from_tuples`).
   *
   * @example
   * ```ts
   * pd.MultiIndex.fromTuples([["female", 1], ["male", 3]], { names: ["Sex", "Pclass"] });
   * ```
   */
  static fromTuples(tuples: readonly (readonly Scalar[])[], options: MultiIndexOptions = {}): MultiIndex {
    const k = tuples[0]?.length ?? options.names?.length ?? 0;
    for (const t of tuples)
      if (t.length !== k) throw new RangeError(`every tuple needs ${k} values, got ${JSON.stringify(t)}`);
    return MultiIndex.fromArrays(
      Array.from({ length: k }, (_, j) => tuples.map((t) => t[j])),
      options,
    );
  }

  /**
   * Every combination of the given values, the last level varying fastest (pandas'
   * `MultiIndex.from_product`).
   *
   * @example
   * ```ts
   * pd.MultiIndex.fromProduct([["a", "b"], [1, 2, 3]]).length; // 6
   * ```
   */
  static fromProduct(iterables: readonly (readonly Scalar[])[], options: MultiIndexOptions = {}): MultiIndex {
    const total = iterables.reduce((m, it) => m * it.length, 1);
    const arrays = iterables.map((it, k) => {
      const inner = iterables.slice(k + 1).reduce((m, x) => m * x.length, 1);
      return Array.from({ length: total }, (_, i) => it[Math.floor(i / inner) % it.length]);
    });
    return MultiIndex.fromArrays(arrays, options);
  }

  /** @internal A multi-index over frame columns (float columns print their labels as floats). */
  static fromColumns(cols: readonly Column[], names: readonly (string | null)[]): MultiIndex {
    return MultiIndex.build(
      cols.map((c) => c.toArray()),
      names,
      cols.map((c) => c.dtype === "float64" || c.dtype === "float32"),
    );
  }

  override get nlevels(): number {
    return this.levels.length;
  }

  /** The name of each level (pandas' `index.names`). */
  override get names(): (string | null)[] {
    return [...this.levelNames];
  }

  override get isNumeric(): boolean {
    return false;
  }

  /** The values of row `i`, one per level (null where missing). */
  tuple(i: number): LevelValue[] {
    return this.codes.map((c, k) => (c[i] < 0 ? null : this.levels[k].at(c[i])));
  }

  /** Every row's values (pandas' `list(index)`). */
  tuples(): LevelValue[][] {
    return Array.from({ length: this.length }, (_, i) => this.tuple(i));
  }

  /** The position of a level given by number (negative from the end) or by name. */
  levelNumber(level: number | string): number {
    if (typeof level === "string") {
      const k = this.levelNames.indexOf(level);
      if (k < 0)
        throw new KeyError(
          `level ${JSON.stringify(level)} not found; the levels are ${JSON.stringify(this.levelNames)}`,
        );
      return k;
    }
    const k = level < 0 ? level + this.nlevels : level;
    if (!Number.isInteger(k) || k < 0 || k >= this.nlevels)
      throw new RangeError(`level ${level} is out of range for a MultiIndex of ${this.nlevels} levels`);
    return k;
  }

  /** The labels of one level for every row, as an `Index` (pandas' `get_level_values`). */
  getLevelValues(level: number | string): Index {
    const k = this.levelNumber(level);
    const lv = this.levels[k];
    const labels = Array.from(this.codes[k], (c) => (c < 0 ? NaN : lv.at(c)));
    return Index.from(labels, lv.name, lv.floatLabels);
  }

  /**
   * The index without the given levels (pandas' `droplevel`): a plain `Index` when one level
   * is left.
   */
  droplevel(level: number | string | readonly (number | string)[] = 0): Index {
    const drop = new Set((typeof level === "object" ? level : [level]).map((l) => this.levelNumber(l)));
    const keep = this.levels.map((_, k) => k).filter((k) => !drop.has(k));
    if (keep.length === 0) throw new RangeError(`cannot remove all ${this.nlevels} levels of a MultiIndex`);
    if (keep.length === 1) return this.getLevelValues(keep[0]);
    return new MultiIndex(
      keep.map((k) => this.levels[k]),
      keep.map((k) => this.codes[k]),
    );
  }

  /** The same index with other level names. */
  setNames(names: readonly (string | null)[]): MultiIndex {
    if (names.length !== this.nlevels)
      throw new RangeError(`${names.length} names for ${this.nlevels} levels`);
    return new MultiIndex(
      this.levels.map((l, k) => l.rename(names[k])),
      this.codes,
    );
  }

  /**
   * Rows whose first `key.length` levels equal `key` (a full tuple or a leading part of one);
   * empty when none match.
   */
  locate(key: readonly Scalar[]): number[] {
    if (key.length > this.nlevels)
      throw new KeyError(
        `key ${JSON.stringify(key)} has ${key.length} values; the index has ${this.nlevels} levels`,
      );
    const want = key.map((v, k) => {
      if (v === null || (typeof v === "number" && Number.isNaN(v))) return -1;
      const label = typeof v === "boolean" ? pyStr(v) : v;
      const at = this.levels[k].positionsOf(label);
      return at.length ? at[0] : -2;
    });
    if (want.includes(-2)) return [];
    const out: number[] = [];
    for (let i = 0; i < this.length; i++) if (want.every((c, k) => this.codes[k][i] === c)) out.push(i);
    return out;
  }

  override take(positions: ArrayLike<number>): MultiIndex {
    return new MultiIndex(
      this.levels,
      this.codes.map((c) => Int32Array.from(positions, (p) => c[p])),
    );
  }

  override slice(start: number, stop: number): MultiIndex {
    return new MultiIndex(
      this.levels,
      this.codes.map((c) => c.slice(start, stop)),
    );
  }

  override rename(name: string | null): MultiIndex {
    void name;
    return this;
  }

  /** @internal Sort keys: level codes in order (levels are sorted, so codes sort as values). */
  override sortKey(): Float64Array {
    let key = new Float64Array(this.length);
    this.codes.forEach((c, k) => {
      const size = this.levels[k].length + 1;
      key = key.map((v, i) => v * size + (c[i] < 0 ? size - 1 : c[i]));
    });
    return key;
  }

  override get kindName(): string {
    return "MultiIndex";
  }

  /** One level's label of row `i` as printed in a table ("NaN" when missing). */
  levelLabel(level: number, i: number): string {
    const c = this.codes[level][i];
    return c < 0 ? "NaN" : this.levels[level].formatLabel(c);
  }

  /**
   * The labels of `rows` (-1 marks a gap, given as "...") level by level, with a level's label
   * left blank where it and all the levels before it repeat the row above, as pandas prints.
   */
  sparseLabels(rows: readonly number[]): string[][] {
    const shown = rows.filter((r) => r >= 0);
    // A float level prints its shown values as a float column does (common decimals: 2.0000).
    const text = this.levels.map((lv, k) => {
      const floats =
        lv.floatLabels || lv.toArray().some((l) => typeof l === "number" && !Number.isInteger(l));
      if (!floats) return shown.map((r) => this.levelLabel(k, r));
      const vals = shown.map((r) => (this.codes[k][r] < 0 ? NaN : (lv.at(this.codes[k][r]) as number)));
      return formatFloats(vals, false);
    });
    const out = this.levels.map(() => [] as string[]);
    let prev = -1;
    let at = 0;
    for (const r of rows) {
      if (r < 0) {
        out.forEach((col, k) => col.push(k === 0 ? "..." : ""));
        prev = -1;
        continue;
      }
      let same = prev >= 0;
      this.levels.forEach((_, k) => {
        same = same && k < this.nlevels - 1 && this.codes[k][r] === this.codes[k][prev];
        out[k].push(same ? "" : text[k][at]);
      });
      prev = r;
      at++;
    }
    return out;
  }

  override toString(): string {
    const repr = (v: LevelValue): string =>
      v === null ? "nan" : typeof v === "string" ? `'${v}'` : String(v);
    const rows = this.tuples().map((t) => `(${t.map(repr).join(", ")})`);
    const names = this.levelNames.map((n) => (n === null ? "None" : `'${n}'`)).join(", ");
    return `MultiIndex([${rows.join(",\n            ")}],\n           names=[${names}])`;
  }
}

/** Rows a `loc` key picks on a MultiIndex, and the index the result keeps. */
export interface MultiPick {
  readonly positions: Int32Array;
  /** Labels of the picked rows: leading levels the key fixed are dropped, as pandas does. */
  readonly index: Index;
  /** A full tuple matched exactly one row (a frame gives that row as a series). */
  readonly single: boolean;
}

const isScalarKey = (v: unknown): v is string | number | null =>
  v === null || typeof v === "string" || typeof v === "number";

/**
 * `loc` on a MultiIndex: a first-level label, a tuple (an array of one value per level, or a
 * leading part: partial selection), or a list of tuples. Null for other keys (masks, slices,
 * flat labels such as "female, 1"), which select as on any index.
 */
export function multiLoc(key: unknown, index: Index): MultiPick | null {
  if (!(index instanceof MultiIndex)) return null;
  let tuples: (readonly Scalar[])[];
  if (typeof key === "string" || typeof key === "number") {
    if (!index.levels[0].has(key)) return null;
    tuples = [[key]];
  } else if (Array.isArray(key) && key.length > 0 && key.every(isScalarKey)) {
    tuples = [key];
  } else if (
    Array.isArray(key) &&
    key.length > 0 &&
    key.every((t) => Array.isArray(t) && t.every(isScalarKey))
  ) {
    tuples = key as Scalar[][];
  } else return null;
  const positions: number[] = [];
  for (const t of tuples) {
    const at = index.locate(t);
    if (at.length === 0)
      throw new KeyError(
        `${JSON.stringify(t)} is not in the MultiIndex (levels ${JSON.stringify(index.names)})`,
      );
    positions.push(...at);
  }
  const taken = index.take(positions);
  const depth = tuples.length === 1 ? tuples[0].length : 0;
  const single = depth === index.nlevels && positions.length === 1;
  const dropped =
    depth > 0 && depth < index.nlevels ? taken.droplevel(Array.from({ length: depth }, (_, k) => k)) : taken;
  return { positions: Int32Array.from(positions), index: dropped, single };
}
