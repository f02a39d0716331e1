import { Tensor } from "../core/tensor.js";
import { Column, type ColumnDType, type Scalar } from "./column.js";

/** What a column can be made from: JavaScript values, a typed array, a 1-D tensor, a column. */
export type ColumnSource =
  readonly Scalar[] | Float64Array | Float32Array | Int32Array | Uint8Array | Tensor | Column;

const INT32_MAX = 2147483647;
const INT32_MIN = -2147483648;

/** The dtype names `astype` and the `dtype` options accept, with NumPy/pandas aliases. */
export function toColumnDType(name: string): ColumnDType {
  switch (name) {
    case "float64":
    case "float":
    case "double":
    case "f8":
      return "float64";
    case "float32":
    case "f4":
      return "float32";
    case "int32":
    case "int64":
    case "int":
    case "i4":
    case "i8":
      return "int32";
    case "bool":
    case "bool_":
    case "boolean":
      return "bool";
    case "object":
    case "str":
    case "string":
      return "object";
    case "category":
      return "category";
    default:
      throw new TypeError(
        `data type '${name}' not understood; expected float64, float32, int32 (or int64), bool, ` +
          `object (or str) or category`,
      );
  }
}

/**
 * A column from values, inferring the dtype as pandas does: integers give int32 (float64 when
 * some are missing or too large), numbers float64, booleans bool, strings object.
 *
 * @example
 * ```ts
 * columnFrom([1, 2, null]).dtype; // "float64"
 * ```
 */
export function columnFrom(src: ColumnSource, dtype?: ColumnDType): Column {
  const col = inferColumn(src);
  return dtype === undefined ? col : castColumn(col, dtype);
}

function inferColumn(src: ColumnSource): Column {
  if (src instanceof Column) return src;
  if (src instanceof Tensor) {
    if (src.ndim !== 1)
      throw new RangeError(`a column needs a 1-D tensor, got shape [${src.shape.join(", ")}]`);
    const data = src.dataSync();
    switch (src.dtype) {
      case "float64":
        return Column.float64(data as Float64Array);
      case "float32":
        return Column.float32(data as Float32Array);
      case "int32":
        return Column.int32(data as Int32Array);
      case "uint8":
        return Column.int32(Int32Array.from(data));
      case "bool":
        return Column.bool(data as Uint8Array);
    }
  }
  if (src instanceof Float64Array) return Column.float64(src);
  if (src instanceof Float32Array) return Column.float32(src);
  if (src instanceof Int32Array) return Column.int32(src);
  if (src instanceof Uint8Array) return Column.int32(Int32Array.from(src));
  const values = src as readonly Scalar[];
  let numbers = 0;
  let strings = 0;
  let bools = 0;
  let nulls = 0;
  let integral = true;
  for (const v of values) {
    if (v === null || v === undefined || (typeof v === "number" && Number.isNaN(v))) nulls++;
    else if (typeof v === "number") {
      numbers++;
      if (!Number.isInteger(v) || v > INT32_MAX || v < INT32_MIN) integral = false;
    } else if (typeof v === "boolean") bools++;
    else strings++;
  }
  const n = values.length;
  const isMissing = (v: Scalar | undefined): boolean =>
    v === null || v === undefined || (typeof v === "number" && Number.isNaN(v));
  if (strings > 0 && numbers === 0 && bools === 0) {
    return Column.strings(values.map((v) => (isMissing(v) ? null : String(v))));
  }
  if (strings > 0 || (bools > 0 && numbers > 0)) {
    return Column.mixed(values.map((v) => (isMissing(v) ? null : v)));
  }
  if (bools > 0) {
    const out = new Uint8Array(n);
    const valid = new Uint8Array(n);
    values.forEach((v, i) => {
      out[i] = v === true ? 1 : 0;
      valid[i] = v === null || v === undefined ? 0 : 1;
    });
    return Column.bool(out, nulls > 0 ? valid : undefined);
  }
  if (integral && nulls === 0 && numbers > 0) return Column.int32(Int32Array.from(values as number[]));
  const out = new Float64Array(n);
  values.forEach((v, i) => (out[i] = typeof v === "number" ? v : NaN));
  return Column.float64(out);
}

/**
 * The column converted to `dtype` (pandas' `astype`): numbers to strings print like Python's
 * `str`, strings to numbers parse or fail naming the value, `category` keeps sorted categories.
 */
export function castColumn(col: Column, dtype: ColumnDType): Column {
  if (col.dtype === dtype) return col;
  const n = col.length;
  switch (dtype) {
    case "float64":
      return Column.float64(Float64Array.from(stringsToNumbers(col)));
    case "float32":
      return Column.float32(Float32Array.from(stringsToNumbers(col)));
    case "int32": {
      const x = stringsToNumbers(col);
      const out = new Int32Array(n);
      for (let i = 0; i < n; i++) {
        if (!Number.isFinite(x[i])) {
          throw new RangeError(`cannot convert non-finite values (NA or inf) to integer (row ${i})`);
        }
        out[i] = Math.trunc(x[i]);
      }
      return Column.int32(out);
    }
    case "bool": {
      const out = new Uint8Array(n);
      for (let i = 0; i < n; i++) {
        const v = col.get(i);
        // pandas: NaN is truthy and empty strings are falsy, as Python's bool().
        out[i] = v === null ? (col.isString ? 0 : 1) : v === "" || v === 0 || v === false ? 0 : 1;
      }
      return Column.bool(out);
    }
    case "object": {
      if (col.dtype === "category") return Column.fromCodes(col.codes(), col.dictionary());
      const isInt = col.dtype === "int32";
      return Column.strings(col.toArray().map((v) => (v === null ? null : pyStr(v, isInt))));
    }
    case "category": {
      const values = col.toArray();
      const distinct = [...new Set(values.filter((v) => v !== null))];
      const isNum = distinct.every((v) => typeof v === "number");
      distinct.sort((a, b) =>
        isNum ? (a as number) - (b as number) : String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0,
      );
      const labels = distinct.map((v) => pyStr(v as string | number | boolean, col.dtype === "int32"));
      const at = new Map(distinct.map((v, i) => [v, i] as const));
      const codes = new Int32Array(n);
      values.forEach((v, i) => (codes[i] = v === null ? -1 : (at.get(v) ?? -1)));
      return Column.fromCodes(codes, labels, true);
    }
  }
}

function stringsToNumbers(col: Column): Float64Array {
  if (!col.isString) return col.numbers();
  const codes = col.codes();
  const dict = col.dictionary().map((s) => {
    const x = s.trim() === "" ? NaN : Number(s);
    if (Number.isNaN(x) && !/^\s*nan\s*$/i.test(s))
      throw new TypeError(`could not convert string to float: '${s}'`);
    return x;
  });
  const out = new Float64Array(col.length);
  for (let i = 0; i < out.length; i++) out[i] = codes[i] < 0 ? NaN : dict[codes[i]];
  return out;
}

/** Python's `str()` of a value: floats keep a `.0`, booleans are `True`/`False`. */
export function pyStr(v: string | number | boolean, isInt = false): string {
  if (typeof v === "string") return v;
  if (typeof v === "boolean") return v ? "True" : "False";
  return pyFloatRepr(v, isInt);
}

/**
 * Python's `repr` of a number: shortest round-trip digits; floats print `1.0`, exponents switch
 * at 1e16 and 1e-4 as Python does (`1e+16`, `0.0001`, `1e-05`).
 */
export function pyFloatRepr(x: number, asInt = false): string {
  if (Number.isNaN(x)) return "nan";
  if (!Number.isFinite(x)) return x > 0 ? "inf" : "-inf";
  if (asInt) return String(x);
  const ax = Math.abs(x);
  if (ax !== 0 && (ax >= 1e16 || ax < 1e-4)) {
    const [m, e] = x.toExponential().split("e");
    const exp = Number(e);
    return `${m}e${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
  }
  const s = String(x);
  return s.includes(".") || s.includes("e") ? s : `${s}.0`;
}
