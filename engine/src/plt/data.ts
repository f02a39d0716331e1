import { toTensor } from "../core/convert.js";
import { ValueError } from "../core/errors.js";
import { Tensor, type TensorLike } from "../core/tensor.js";

/** Anything plt accepts as numeric data: a tensor, a typed array, nested arrays or a number. */
export type PlotData = TensorLike | readonly number[];

/** A row-major 2-D block of numbers. */
export interface Matrix {
  rows: number;
  cols: number;
  data: Float64Array;
}

function asTensor(x: PlotData, fn: string, name: string): Tensor {
  try {
    return toTensor(x as TensorLike);
  } catch (err) {
    throw new TypeError(
      `plt.${fn}: ${name} must be a tensor, a typed array or an array of numbers (${(err as Error).message})`,
      { cause: err },
    );
  }
}

/** The values of `x` flattened into a Float64Array (booleans become 0/1). */
export function toNumbers(x: PlotData, fn: string, name: string): Float64Array {
  if (x instanceof Float64Array) return x;
  return Float64Array.from(asTensor(x, fn, name).dataSync());
}

/** The shape of `x` as plt sees it. */
export function shapeOf(x: PlotData, fn: string, name: string): readonly number[] {
  if (x instanceof Tensor) return x.shape;
  return asTensor(x, fn, name).shape;
}

/** `x` as a matrix: 1-D data becomes one column (matplotlib's rule for `plot(y)`). */
export function toMatrix(x: PlotData, fn: string, name: string): Matrix {
  const t = asTensor(x, fn, name);
  const data = Float64Array.from(t.dataSync());
  if (t.ndim <= 1) return { rows: data.length, cols: 1, data };
  if (t.ndim === 2) return { rows: t.shape[0], cols: t.shape[1], data };
  throw new ValueError(`plt.${fn}: ${name} must be 1-D or 2-D, got shape (${t.shape.join(", ")})`);
}

/** One column of a matrix. */
export function column(m: Matrix, j: number): Float64Array {
  if (m.cols === 1) return m.data;
  const out = new Float64Array(m.rows);
  for (let i = 0; i < m.rows; i++) out[i] = m.data[i * m.cols + j];
  return out;
}

/** Whether a value is plot data (as opposed to a format string or an options object). */
export function isPlotData(x: unknown): x is PlotData {
  return x instanceof Tensor || ArrayBuffer.isView(x) || Array.isArray(x) || typeof x === "number";
}

/** Throws when two arrays that must pair up element by element have different lengths. */
export function checkSameLength(
  fn: string,
  a: ArrayLike<number>,
  aName: string,
  b: ArrayLike<number>,
  bName: string,
): void {
  if (a.length !== b.length) {
    throw new ValueError(
      `plt.${fn}: ${aName} and ${bName} must have the same length, but have lengths ${a.length} and ${b.length}`,
    );
  }
}

/** An arange 0..n-1, the x matplotlib uses when only y is given. */
export function indices(n: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
}
