import type { DType } from "../core/dtype.js";
import { Tensor } from "../core/tensor.js";
import type { Column } from "./column.js";

/**
 * A column as a 1-D tensor: float64 with NaN where missing (int32 and bool columns keep their
 * dtype when nothing is missing); strings have no tensor form.
 */
export function columnToTensor(col: Column, dtype?: DType, name?: string | null): Tensor {
  if (col.isString) {
    throw new TypeError(
      `${name ? `series ${JSON.stringify(name)}` : "this series"} holds strings (${col.dtype}), and tensors have no ` +
        `object dtype; encode it first (sk.OrdinalEncoder, sk.OneHotEncoder, or s.map to numbers), or use toArray()`,
    );
  }
  let t: Tensor;
  if (col.dtype === "int32" && col.vector.nullCount === 0)
    t = Tensor.fromTypedArray(col.rawNumbers().slice(), [col.length], "int32");
  else if (col.dtype === "bool" && col.vector.nullCount === 0)
    t = Tensor.fromTypedArray(col.bools().slice(), [col.length], "bool");
  else if (col.dtype === "float32")
    t = Tensor.fromTypedArray(col.rawNumbers().slice(), [col.length], "float32");
  else t = Tensor.fromTypedArray(col.numbers().slice(), [col.length], "float64");
  return dtype && dtype !== t.dtype ? t.astype(dtype) : t;
}

/**
 * Columns side by side as a 2-D tensor `[rows, columns]`, float64 unless every column shares
 * one dtype (or `dtype` is given).
 */
export function columnsToTensor(
  cols: readonly Column[],
  names: readonly string[],
  rows: number,
  dtype?: DType,
): Tensor {
  const text = names.filter((_, j) => cols[j].isString);
  if (text.length > 0) {
    const list = text.map((n) => JSON.stringify(n)).join(", ");
    const dtypes = [...new Set(cols.filter((c) => c.isString).map((c) => c.dtype))].join("/");
    throw new TypeError(
      `column${text.length > 1 ? "s" : ""} ${list} hold${text.length > 1 ? "" : "s"} strings (${dtypes}), and tensors ` +
        `have no object dtype; drop ${text.length > 1 ? "them" : "it"} (df.drop([${list}], { axis: 1 })) or encode ` +
        `${text.length > 1 ? "them" : "it"} first (sk.OrdinalEncoder, sk.OneHotEncoder)`,
    );
  }
  const same = cols.length > 0 && cols.every((c) => c.dtype === cols[0].dtype && c.vector.nullCount === 0);
  const natural: DType =
    same && (cols[0].dtype === "int32" || cols[0].dtype === "float32" || cols[0].dtype === "bool")
      ? (cols[0].dtype as DType)
      : "float64";
  const k = cols.length;
  if (natural === "float64" || dtype === "float64") {
    const out = new Float64Array(rows * k);
    cols.forEach((c, j) => {
      const x = c.numbers();
      for (let i = 0; i < rows; i++) out[i * k + j] = x[i];
    });
    const t = Tensor.fromTypedArray(out, [rows, k], "float64");
    return dtype && dtype !== "float64" ? t.astype(dtype) : t;
  }
  const t = Tensor.fromTypedArray(
    (() => {
      const out =
        natural === "int32"
          ? new Int32Array(rows * k)
          : natural === "float32"
            ? new Float32Array(rows * k)
            : new Uint8Array(rows * k);
      cols.forEach((c, j) => {
        const x = natural === "bool" ? c.bools() : c.rawNumbers();
        for (let i = 0; i < rows; i++) out[i * k + j] = x[i];
      });
      return out;
    })(),
    [rows, k],
    natural,
  );
  return dtype && dtype !== natural ? t.astype(dtype) : t;
}
