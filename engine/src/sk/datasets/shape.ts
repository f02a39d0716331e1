import { Tensor } from "../../core/tensor.js";
import { concat } from "../../pd/concat.js";
import { DataFrame } from "../../pd/frame.js";
import type { Series } from "../../pd/series.js";
import type { Bunch, FrameBunch, LoaderOptions } from "./bunch.js";

/** Columns of a row-major float64 matrix as a frame. */
export function matrixFrame(data: Float64Array, rows: number, names: readonly string[]): DataFrame {
  const k = names.length;
  const cols: Record<string, Float64Array> = {};
  names.forEach((n, j) => {
    const c = new Float64Array(rows);
    for (let i = 0; i < rows; i++) c[i] = data[i * k + j];
    cols[n] = c;
  });
  return new DataFrame(cols);
}

/** The raw pieces of a dataset, turned into what the options ask for. */
export interface Parts<T> {
  data: Float64Array;
  rows: number;
  target: T;
  /** The target as a series, for `asFrame`. */
  targetSeries: () => Series;
  featureNames: string[];
  targetNames: string[];
  DESCR: string;
  extra?: Partial<Bunch<T>>;
}

/** Builds a loader's result from its parts according to `returnXy` / `asFrame`. */
export function finish<T>(p: Parts<T>, options: LoaderOptions = {}): Bunch<T> | FrameBunch | [Tensor, T] | [DataFrame, Series] {
  if (options.asFrame) {
    const X = matrixFrame(p.data, p.rows, p.featureNames);
    const y = p.targetSeries();
    if (options.returnXy) return [X, y];
    const frame = concat([X, y], { axis: 1 }) as DataFrame;
    return { data: X, target: y, frame, featureNames: p.featureNames, targetNames: p.targetNames, DESCR: p.DESCR };
  }
  const X = Tensor.fromTypedArray(p.data, [p.rows, p.featureNames.length], "float64");
  if (options.returnXy) return [X, p.target];
  return { data: X, target: p.target, featureNames: p.featureNames, targetNames: p.targetNames, DESCR: p.DESCR, frame: null, ...p.extra };
}
