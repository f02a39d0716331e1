import { contiguousStrides } from "../core/shape.js";
import type { Tensor } from "../core/tensor.js";
import { FloatFormat, formatScalarFloat } from "./format-float.js";
import { printOptions, type PrintOptions } from "./options.js";

// NumPy's array printing (numpy/core/arrayprint.py, 1.24): `repr` (what a notebook cell shows)
// and `str` (what `print` shows), with the same wrapping, alignment and summarisation.

type Formatter = (x: number) => string;

// The element reader: the whole array row-major when small, else element by element (a
// summarised array shows only its edges, so reading all of it would be waste).
function reader(t: Tensor, summarise: boolean): (index: readonly number[]) => number {
  if (!summarise) {
    const data = t.dataSync();
    const strides = contiguousStrides(t.shape);
    return (index) => {
      let p = 0;
      for (let i = 0; i < index.length; i++) p += index[i] * strides[i];
      return data[p];
    };
  }
  return (index) => Number(t.item(...index));
}

// Indices shown along an axis: all, or `edge` from each end when the axis is summarised.
function shownIndices(n: number, edge: number, summarise: boolean): number[] {
  if (summarise && n > 2 * edge) {
    return [
      ...Array.from({ length: edge }, (_, i) => i),
      ...Array.from({ length: edge }, (_, i) => n - edge + i),
    ];
  }
  return Array.from({ length: n }, (_, i) => i);
}

function shownValues(
  t: Tensor,
  read: (index: readonly number[]) => number,
  edge: number,
  summarise: boolean,
): number[] {
  const axes = t.shape.map((n) => shownIndices(n, edge, summarise));
  const out: number[] = [];
  const walk = (prefix: number[]): void => {
    if (prefix.length === t.ndim) {
      out.push(read(prefix));
      return;
    }
    for (const i of axes[prefix.length]) walk([...prefix, i]);
  };
  walk([]);
  return out;
}

function formatterFor(t: Tensor, values: number[], opts: Readonly<PrintOptions>): Formatter {
  if (t.dtype === "bool") {
    const trueStr = t.ndim === 0 ? "True" : " True";
    return (x) => (x ? trueStr : "False");
  }
  if (t.dtype === "float32" || t.dtype === "float64") {
    const f = new FloatFormat(values, t.dtype === "float32", opts);
    return (x) => f.format(x);
  }
  let width = 0;
  for (const v of values) width = Math.max(width, String(v).length);
  return (x) => String(x).padStart(width);
}

// NumPy's _extendLine: wrap before a word that would pass the width, unless wrapping cannot help.
function extendLine(s: string, line: string, word: string, width: number, indent: string): [string, string] {
  let wrap = line.length + word.length > width;
  if (line.length <= indent.length) wrap = false;
  if (wrap) {
    s += line.trimEnd() + "\n";
    line = indent;
  }
  return [s, line + word];
}

// NumPy's _formatArray: nested brackets, separators, line wrapping and `...` rows.
function formatArray(
  t: Tensor,
  read: (index: readonly number[]) => number,
  fmt: Formatter,
  lineWidth: number,
  nextLinePrefix: string,
  separator: string,
  edge: number,
  summarise: boolean,
): string {
  const recurse = (index: number[], hanging: string, width: number): string => {
    const axis = index.length;
    const left = t.ndim - axis;
    if (left === 0) return fmt(read(index));
    const nextHanging = hanging + " ";
    const nextWidth = width - 1;
    const n = t.shape[axis];
    const showSummary = summarise && 2 * edge < n;
    const leading = showSummary ? edge : 0;
    const trailing = showSummary ? edge : n;
    let s = "";
    if (left === 1) {
      const elemWidth = width - Math.max(separator.trimEnd().length, 1);
      let line = hanging;
      for (let i = 0; i < leading; i++) {
        [s, line] = extendLine(s, line, recurse([...index, i], nextHanging, nextWidth), elemWidth, hanging);
        line += separator;
      }
      if (showSummary) {
        [s, line] = extendLine(s, line, "...", elemWidth, hanging);
        line += separator;
      }
      for (let i = trailing; i > 1; i--) {
        [s, line] = extendLine(
          s,
          line,
          recurse([...index, n - i], nextHanging, nextWidth),
          elemWidth,
          hanging,
        );
        line += separator;
      }
      [s, line] = extendLine(s, line, recurse([...index, n - 1], nextHanging, nextWidth), elemWidth, hanging);
      s += line;
    } else {
      const lineSep = separator.trimEnd() + "\n".repeat(left - 1);
      for (let i = 0; i < leading; i++)
        s += hanging + recurse([...index, i], nextHanging, nextWidth) + lineSep;
      if (showSummary) s += hanging + "..." + lineSep;
      for (let i = trailing; i > 1; i--)
        s += hanging + recurse([...index, n - i], nextHanging, nextWidth) + lineSep;
      s += hanging + recurse([...index, n - 1], nextHanging, nextWidth);
    }
    return "[" + s.slice(hanging.length) + "]";
  };
  return recurse([], nextLinePrefix, lineWidth);
}

// NumPy's array2string for a non-empty array.
function array2string(t: Tensor, separator: string, prefix: string, suffix: string): string {
  const opts = printOptions();
  const summarise = t.size > opts.threshold;
  const read = reader(t, summarise);
  const fmt = formatterFor(t, shownValues(t, read, opts.edgeitems, summarise), opts);
  return formatArray(
    t,
    read,
    fmt,
    opts.linewidth - suffix.length,
    " " + " ".repeat(prefix.length),
    separator,
    opts.edgeitems,
    summarise,
  );
}

// Python's repr of a shape tuple: (3,), (2, 0).
const pyShape = (shape: readonly number[]): string =>
  shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(", ")})`;

/**
 * NumPy's `repr` of an array: `array([[1., 2.],\n       [3., 4.]])`, with `dtype=...` unless
 * the dtype is implied (float64, the default integer, bool) and the array is not empty.
 *
 * @example
 * ```ts
 * arrayRepr(np.array([1, 2, 3], { dtype: "uint8" })); // "array([1, 2, 3], dtype=uint8)"
 * ```
 */
export function arrayRepr(t: Tensor): string {
  const opts = printOptions();
  const implied = (t.dtype === "float64" || t.dtype === "int32" || t.dtype === "bool") && t.size > 0;
  const prefix = "array(";
  const suffix = implied ? ")" : ",";
  let body: string;
  if (t.size > 0) body = array2string(t, ", ", prefix, suffix);
  else if (t.ndim === 1) body = "[]";
  else body = `[], shape=${pyShape(t.shape)}`;
  const text = prefix + body + suffix;
  if (implied) return text;
  const dtypeStr = `dtype=${t.dtype})`;
  const lastLine = text.length - (text.lastIndexOf("\n") + 1);
  const spacer = lastLine + dtypeStr.length + 1 > opts.linewidth ? "\n" + " ".repeat(prefix.length) : " ";
  return text + spacer + dtypeStr;
}

/**
 * NumPy's `str` of an array (what `print(a)` shows): `[[1. 2.]\n [3. 4.]]`; a 0-d array prints
 * as its scalar.
 *
 * @example
 * ```ts
 * arrayStr(np.array([1.5, 2])); // "[1.5 2. ]"
 * ```
 */
export function arrayStr(t: Tensor): string {
  if (t.ndim === 0) {
    const v = Number(t.item());
    if (t.dtype === "bool") return v ? "True" : "False";
    if (t.dtype === "float32" || t.dtype === "float64") return formatScalarFloat(v, t.dtype === "float32");
    return String(v);
  }
  if (t.size === 0) return "[]";
  return array2string(t, " ", "", "");
}
