import {
  Bool,
  Dictionary,
  Float32,
  Float64,
  Int32,
  Utf8,
  Vector,
  makeData,
  vectorFromArray,
  type DataType,
} from "apache-arrow";

/**
 * The dtype names a column reports, as pandas spells them: floats, int32 (Tensorbook's integer,
 * playing NumPy's int64 role), bool, `object` for strings and `category` for categoricals.
 */
export type ColumnDType = "float64" | "float32" | "int32" | "bool" | "object" | "category";

/** A single cell as JavaScript sees it; `null` is a missing value (pandas' NaN/None). */
export type Scalar = number | string | boolean | null;

/** A numeric typed array as a column stores it. */
type NumArray = Float64Array | Float32Array | Int32Array;

// Packs a "present" mask into Arrow's LSB-first validity bitmap; undefined when nothing is missing.
function packValidity(present: (i: number) => boolean, n: number): { bitmap?: Uint8Array; nulls: number } {
  let nulls = 0;
  const bitmap = new Uint8Array((n + 7) >> 3);
  for (let i = 0; i < n; i++) {
    if (present(i)) bitmap[i >> 3] |= 1 << (i & 7);
    else nulls++;
  }
  return nulls === 0 ? { nulls } : { bitmap, nulls };
}

/**
 * One column of a data frame: an Arrow vector (a single chunk) plus cached plain views that the
 * computations use. Floats keep NaN under their null slots, so numeric code can read the values
 * buffer directly; strings are dictionary encoded (Int32 codes into a Utf8 dictionary).
 *
 * Columns are immutable: every transformation builds a new one.
 */
export class Column {
  /** The Arrow vector holding the data. */
  readonly vector: Vector;
  /** The pandas dtype name. */
  readonly dtype: ColumnDType;
  /** For categoricals: whether the categories are ordered (as `pd.cut` makes them). */
  readonly ordered: boolean;
  private cachedNumbers?: Float64Array;
  private cachedCodes?: Int32Array;
  private cachedDictionary?: readonly string[];
  private cachedBools?: Uint8Array;
  // Mixed values (numbers with strings, as a row of a mixed frame): kept as given, shown as text.
  private objects?: readonly Scalar[];

  private constructor(vector: Vector, dtype: ColumnDType, ordered = false) {
    this.vector = vector;
    this.dtype = dtype;
    this.ordered = ordered;
  }

  /** Number of rows. */
  get length(): number {
    return this.vector.length;
  }

  /** Whether the column holds numbers (floats or ints, not bools). */
  get isNumeric(): boolean {
    return this.dtype === "float64" || this.dtype === "float32" || this.dtype === "int32";
  }

  /** Whether the column holds dictionary-encoded strings (object or category). */
  get isString(): boolean {
    return this.dtype === "object" || this.dtype === "category";
  }

  /** Number of missing values. */
  get nullCount(): number {
    if (this.dtype === "float64" || this.dtype === "float32") {
      const v = this.rawNumbers();
      let n = 0;
      for (let i = 0; i < v.length; i++) if (v[i] !== v[i]) n++;
      return n;
    }
    return this.vector.nullCount;
  }

  /** Bytes the column's buffers take (values, codes, validity; dictionaries not counted). */
  get nbytes(): number {
    const d = this.vector.data[0];
    const width = this.dtype === "float64" ? 8 : this.dtype === "bool" ? 1 / 8 : 4;
    return Math.ceil(d.length * width) + (d.nullBitmap ? d.nullBitmap.byteLength : 0);
  }

  // --- constructors -------------------------------------------------------------------------

  /** A float64 column; NaN marks a missing value (as in pandas). */
  static float64(values: Float64Array): Column {
    return Column.numeric(values, new Float64(), "float64");
  }

  /** A float32 column; NaN marks a missing value. */
  static float32(values: Float32Array): Column {
    return Column.numeric(values, new Float32(), "float32");
  }

  /** An int32 column; `valid` (one byte per row) marks present values when some are missing. */
  static int32(values: Int32Array, valid?: Uint8Array): Column {
    const { bitmap, nulls } = valid ? packValidity((i) => valid[i] !== 0, values.length) : { nulls: 0 };
    const data = makeData({
      type: new Int32(),
      data: values,
      length: values.length,
      nullBitmap: bitmap,
      nullCount: nulls,
    });
    return new Column(new Vector([data]), "int32");
  }

  private static numeric(values: Float64Array | Float32Array, type: DataType, dtype: ColumnDType): Column {
    const { bitmap, nulls } = packValidity((i) => values[i] === values[i], values.length);
    const data = makeData({
      type: type as Float64,
      data: values as Float64Array,
      length: values.length,
      nullBitmap: bitmap,
      nullCount: nulls,
    });
    return new Column(new Vector([data]), dtype);
  }

  /** A bool column from one byte per row (0/1); `valid` marks present values. */
  static bool(values: Uint8Array, valid?: Uint8Array): Column {
    const n = values.length;
    const bits = new Uint8Array((n + 7) >> 3);
    for (let i = 0; i < n; i++) if (values[i]) bits[i >> 3] |= 1 << (i & 7);
    const { bitmap, nulls } = valid ? packValidity((i) => valid[i] !== 0, n) : { nulls: 0 };
    const data = makeData({ type: new Bool(), data: bits, length: n, nullBitmap: bitmap, nullCount: nulls });
    const col = new Column(new Vector([data]), "bool");
    col.cachedBools = values;
    return col;
  }

  /**
   * A dictionary-encoded string column from codes into `dictionary` (-1 marks a missing value).
   * `categorical` makes a pandas `category` column whose categories are the dictionary.
   */
  static fromCodes(
    codes: Int32Array,
    dictionary: readonly string[],
    categorical = false,
    ordered = false,
  ): Column {
    const n = codes.length;
    const { bitmap, nulls } = packValidity((i) => codes[i] >= 0, n);
    let indices = codes;
    if (nulls > 0) {
      indices = codes.slice();
      for (let i = 0; i < n; i++) if (indices[i] < 0) indices[i] = 0;
    }
    const dict = vectorFromArray([...dictionary], new Utf8());
    const data = makeData({
      type: new Dictionary(new Utf8(), new Int32()),
      data: indices,
      length: n,
      nullBitmap: bitmap,
      nullCount: nulls,
      dictionary: dict,
    });
    const col = new Column(new Vector([data]), categorical ? "category" : "object", ordered);
    col.cachedCodes = codes;
    col.cachedDictionary = dictionary;
    return col;
  }

  /** A string column (dtype object) from JavaScript strings, null for missing. */
  static strings(values: readonly (string | null)[]): Column {
    const map = new Map<string, number>();
    const dict: string[] = [];
    const codes = new Int32Array(values.length);
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v === null) {
        codes[i] = -1;
        continue;
      }
      let c = map.get(v);
      if (c === undefined) {
        c = dict.length;
        map.set(v, c);
        dict.push(v);
      }
      codes[i] = c;
    }
    return Column.fromCodes(codes, dict);
  }

  /**
   * An object column of mixed values (numbers, strings, booleans), as pandas keeps them: the
   * Arrow side holds their text, `get` returns the values themselves.
   */
  static mixed(values: readonly Scalar[]): Column {
    const text = values.map((v) =>
      v === null ? null : typeof v === "boolean" ? (v ? "True" : "False") : String(v),
    );
    const col = Column.strings(text);
    col.objects = [...values];
    return col;
  }

  /**
   * A column from an Arrow vector as another Arrow producer wrote it (any chunking, Utf8 or
   * dictionary strings, any integer or float width): converted into Tensorbook's layouts.
   */
  static fromArrow(vector: Vector): Column {
    const t = vector.type as DataType;
    const n = vector.length;
    const typeName = String(t);
    if (typeName.startsWith("Dictionary") || typeName === "Utf8" || typeName === "LargeUtf8") {
      const values: (string | null)[] = new Array(n);
      for (let i = 0; i < n; i++) {
        const v: unknown = vector.get(i);
        values[i] = v === null || v === undefined ? null : String(v);
      }
      return Column.strings(values);
    }
    if (typeName === "Bool") {
      const vals = new Uint8Array(n);
      const valid = new Uint8Array(n);
      for (let i = 0; i < n; i++) {
        const v: unknown = vector.get(i);
        valid[i] = v === null ? 0 : 1;
        vals[i] = v ? 1 : 0;
      }
      return Column.bool(vals, vector.nullCount > 0 ? valid : undefined);
    }
    if (typeName === "Int32" && vector.nullCount === 0) {
      // toArray gives exactly `n` values, whatever the chunks' padding and offsets.
      return Column.int32(Int32Array.from(vector.toArray() as Int32Array));
    }
    const isInt = /^u?int/i.test(typeName);
    const out = new Float64Array(n);
    let fits = isInt;
    for (let i = 0; i < n; i++) {
      const v: unknown = vector.get(i);
      const x = v === null ? NaN : Number(v as number | bigint);
      out[i] = x;
      if (x !== x || x > 2147483647 || x < -2147483648) fits = false;
    }
    if (fits) return Column.int32(Int32Array.from(out));
    if (typeName === "Float32") return Column.float32(Float32Array.from(out));
    return Column.float64(out);
  }

  // --- views ----------------------------------------------------------------------------------

  /** @internal The numeric values buffer (int32 or float), without conversion. */
  rawNumbers(): NumArray {
    if (!this.isNumeric) throw new TypeError(`a ${this.dtype} column has no numeric buffer`);
    return this.vector.data[0].values as NumArray;
  }

  /** The values as float64, NaN where missing (bools as 0/1; strings are not allowed). */
  numbers(): Float64Array {
    if (this.cachedNumbers) return this.cachedNumbers;
    const n = this.length;
    let out: Float64Array;
    if (this.dtype === "float64") {
      out = this.rawNumbers() as Float64Array;
    } else if (this.dtype === "float32" || this.dtype === "int32") {
      out = Float64Array.from(this.rawNumbers());
      if (this.dtype === "int32" && this.vector.nullCount > 0) {
        for (let i = 0; i < n; i++) if (!this.vector.isValid(i)) out[i] = NaN;
      }
    } else if (this.dtype === "bool") {
      const b = this.bools();
      out = new Float64Array(n);
      for (let i = 0; i < n; i++) out[i] = b[i];
      if (this.vector.nullCount > 0) for (let i = 0; i < n; i++) if (!this.vector.isValid(i)) out[i] = NaN;
    } else {
      throw new TypeError(
        `could not convert the strings of a ${this.dtype} column to numbers; ` +
          `select numeric columns or map the strings to numbers first`,
      );
    }
    return (this.cachedNumbers = out);
  }

  /** One byte per row for bool columns (0/1). */
  bools(): Uint8Array {
    if (this.cachedBools) return this.cachedBools;
    if (this.dtype !== "bool") throw new TypeError(`a ${this.dtype} column is not boolean`);
    const n = this.length;
    const out = new Uint8Array(n);
    const bits = this.vector.data[0].values as Uint8Array;
    const off = this.vector.data[0].offset;
    for (let i = 0; i < n; i++) out[i] = (bits[(i + off) >> 3] >> ((i + off) & 7)) & 1;
    return (this.cachedBools = out);
  }

  /** Dictionary codes, -1 where missing (string and category columns). */
  codes(): Int32Array {
    if (this.cachedCodes) return this.cachedCodes;
    if (!this.isString) throw new TypeError(`a ${this.dtype} column has no dictionary codes`);
    const d = this.vector.data[0];
    const raw = d.values as Int32Array;
    let out = raw;
    if (d.nullCount > 0) {
      out = raw.slice();
      for (let i = 0; i < out.length; i++) if (!this.vector.isValid(i)) out[i] = -1;
    }
    return (this.cachedCodes = out);
  }

  /** The dictionary (distinct strings, or a categorical's categories). */
  dictionary(): readonly string[] {
    if (this.cachedDictionary) return this.cachedDictionary;
    if (!this.isString) throw new TypeError(`a ${this.dtype} column has no dictionary`);
    const dict = this.vector.data[0].dictionary;
    const out: string[] = [];
    if (dict) for (let i = 0; i < dict.length; i++) out.push(String(dict.get(i)));
    return (this.cachedDictionary = out);
  }

  /** Whether row `i` holds a value (floats: not NaN). */
  isValid(i: number): boolean {
    if (this.dtype === "float64" || this.dtype === "float32") {
      const x = this.rawNumbers()[i];
      return x === x;
    }
    return this.vector.isValid(i);
  }

  /** The value at row `i` as JavaScript sees it; null when missing. */
  get(i: number): Scalar {
    if (this.objects) return this.objects[i];
    if (!this.isValid(i)) return null;
    switch (this.dtype) {
      case "float64":
      case "float32":
      case "int32":
        return this.rawNumbers()[i];
      case "bool":
        return this.bools()[i] === 1;
      default:
        return this.dictionary()[this.codes()[i]];
    }
  }

  /** Every value as a JavaScript array (null where missing). */
  toArray(): Scalar[] {
    const out: Scalar[] = new Array(this.length);
    for (let i = 0; i < this.length; i++) out[i] = this.get(i);
    return out;
  }

  /** The rows at `positions`, in that order (-1 gives a missing value). */
  take(positions: ArrayLike<number>): Column {
    const n = positions.length;
    if (this.objects) {
      const src = this.objects;
      return Column.mixed(Array.from({ length: n }, (_, i) => (positions[i] < 0 ? null : src[positions[i]])));
    }
    switch (this.dtype) {
      case "float64":
      case "float32": {
        const src = this.rawNumbers();
        const out = this.dtype === "float64" ? new Float64Array(n) : new Float32Array(n);
        for (let i = 0; i < n; i++) out[i] = positions[i] < 0 ? NaN : src[positions[i]];
        return out instanceof Float64Array ? Column.float64(out) : Column.float32(out as Float32Array);
      }
      case "int32": {
        const src = this.rawNumbers();
        let missing = this.vector.nullCount > 0;
        for (let i = 0; i < n && !missing; i++) if (positions[i] < 0) missing = true;
        if (missing) {
          // Like pandas, an integer column that gains missing values becomes float64.
          const num = this.numbers();
          const out = new Float64Array(n);
          for (let i = 0; i < n; i++) out[i] = positions[i] < 0 ? NaN : num[positions[i]];
          return Column.float64(out);
        }
        const out = new Int32Array(n);
        for (let i = 0; i < n; i++) out[i] = src[positions[i]];
        return Column.int32(out);
      }
      case "bool": {
        const src = this.bools();
        const out = new Uint8Array(n);
        const valid = new Uint8Array(n);
        let missing = false;
        for (let i = 0; i < n; i++) {
          const p = positions[i];
          const ok = p >= 0 && this.vector.isValid(p);
          valid[i] = ok ? 1 : 0;
          if (!ok) missing = true;
          else out[i] = src[p];
        }
        return Column.bool(out, missing ? valid : undefined);
      }
      default: {
        const src = this.codes();
        const out = new Int32Array(n);
        for (let i = 0; i < n; i++) out[i] = positions[i] < 0 ? -1 : src[positions[i]];
        return Column.fromCodes(out, this.dictionary(), this.dtype === "category", this.ordered);
      }
    }
  }

  /** Rows `start` (inclusive) to `stop` (exclusive). */
  slice(start: number, stop: number): Column {
    const idx = new Int32Array(Math.max(0, stop - start));
    for (let i = 0; i < idx.length; i++) idx[i] = start + i;
    return this.take(idx);
  }
}
