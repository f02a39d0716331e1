/**
 * Regression metrics: MSE, RMSE, MAE, R², explained variance. Each takes `(yTrue, yPred)` and an
 * options object; 2-D targets are averaged over outputs unless `multioutput: "raw_values"`.
 */
import type { Tensor } from "../../core/tensor.js";
import type { ArrayInput, TargetInput } from "../base/types.js";
import { combineOutputs, pairOf, weightsOf, type MultiOutput } from "./common.js";

/** Options shared by the regression metrics. */
export interface RegressionMetricOptions {
  /** Per-sample weights. */
  sampleWeight?: ArrayInput | null;
  /** How 2-D targets combine. */
  multioutput?: MultiOutput;
}

/** A number, or a tensor of per-output values with `multioutput: "raw_values"`. */
export type MetricResult<O> = O extends { multioutput: "raw_values" } ? Tensor : number;

type Reducer = (
  t: Float64Array,
  p: Float64Array,
  w: Float64Array | null,
  n: number,
  m: number,
  j: number,
) => number;

function perOutput(
  yTrue: TargetInput,
  yPred: TargetInput,
  opts: RegressionMetricOptions,
  f: Reducer,
): number[] {
  const [a, b] = pairOf(yTrue, yPred);
  const w = weightsOf(opts.sampleWeight, a.n);
  const out: number[] = [];
  for (let j = 0; j < a.outputs; j++) out.push(f(a.data, b.data, w, a.n, a.outputs, j));
  return out;
}

function weightedMean(
  n: number,
  m: number,
  j: number,
  w: Float64Array | null,
  term: (k: number) => number,
): number {
  let s = 0;
  let sw = 0;
  for (let i = 0; i < n; i++) {
    const wi = w ? w[i] : 1;
    s += wi * term(i * m + j);
    sw += wi;
  }
  return s / sw;
}

/**
 * Mean squared error; `squared: false` gives the RMSE (the option the book uses).
 *
 * @example
 * ```ts
 * sk.meanSquaredError([3, -0.5, 2, 7], [2.5, 0, 2, 8]); // 0.375
 * ```
 */
export function meanSquaredError<O extends RegressionMetricOptions & { squared?: boolean }>(
  yTrue: TargetInput,
  yPred: TargetInput,
  options: O = {} as O,
): MetricResult<O> {
  const vals = perOutput(yTrue, yPred, options, (t, p, w, n, m, j) =>
    weightedMean(n, m, j, w, (k) => (t[k] - p[k]) * (t[k] - p[k])),
  );
  return combineOutputs(
    options.squared === false ? vals.map(Math.sqrt) : vals,
    options.multioutput,
  ) as MetricResult<O>;
}

/**
 * Root mean squared error.
 *
 * @example
 * ```ts
 * sk.rootMeanSquaredError([3, -0.5, 2, 7], [2.5, 0, 2, 8]); // 0.612...
 * ```
 */
export function rootMeanSquaredError<O extends RegressionMetricOptions>(
  yTrue: TargetInput,
  yPred: TargetInput,
  options: O = {} as O,
): MetricResult<O> {
  return meanSquaredError(yTrue, yPred, { ...options, squared: false }) as MetricResult<O>;
}

/**
 * Mean absolute error.
 *
 * @example
 * ```ts
 * sk.meanAbsoluteError([3, -0.5, 2, 7], [2.5, 0, 2, 8]); // 0.5
 * ```
 */
export function meanAbsoluteError<O extends RegressionMetricOptions>(
  yTrue: TargetInput,
  yPred: TargetInput,
  options: O = {} as O,
): MetricResult<O> {
  const vals = perOutput(yTrue, yPred, options, (t, p, w, n, m, j) =>
    weightedMean(n, m, j, w, (k) => Math.abs(t[k] - p[k])),
  );
  return combineOutputs(vals, options.multioutput) as MetricResult<O>;
}

function scoreLike(
  yTrue: TargetInput,
  yPred: TargetInput,
  options: RegressionMetricOptions,
  explained: boolean,
): number | Tensor {
  const den: number[] = [];
  const vals = perOutput(yTrue, yPred, options, (t, p, w, n, m, j) => {
    const meanT = weightedMean(n, m, j, w, (k) => t[k]);
    const meanE = explained ? weightedMean(n, m, j, w, (k) => t[k] - p[k]) : 0;
    let num = 0;
    let d = 0;
    for (let i = 0; i < n; i++) {
      const k = i * m + j;
      const wi = w ? w[i] : 1;
      const e = t[k] - p[k] - meanE;
      num += wi * e * e;
      d += wi * (t[k] - meanT) * (t[k] - meanT);
    }
    den.push(d);
    // scikit-learn's convention for a constant target: 1 when predicted exactly, else 0.
    if (d === 0) return num === 0 ? 1 : 0;
    return 1 - num / d;
  });
  return combineOutputs(vals, options.multioutput, den);
}

/**
 * R², the coefficient of determination (1 is perfect, 0 is predicting the mean).
 *
 * @example
 * ```ts
 * sk.r2Score([3, -0.5, 2, 7], [2.5, 0, 2, 8]); // 0.9486...
 * ```
 */
export function r2Score<O extends RegressionMetricOptions>(
  yTrue: TargetInput,
  yPred: TargetInput,
  options: O = {} as O,
): MetricResult<O> {
  return scoreLike(yTrue, yPred, options, false) as MetricResult<O>;
}

/**
 * Explained variance score.
 *
 * @example
 * ```ts
 * sk.explainedVarianceScore([3, -0.5, 2, 7], [2.5, 0, 2, 8]); // 0.9571...
 * ```
 */
export function explainedVarianceScore<O extends RegressionMetricOptions>(
  yTrue: TargetInput,
  yPred: TargetInput,
  options: O = {} as O,
): MetricResult<O> {
  return scoreLike(yTrue, yPred, options, true) as MetricResult<O>;
}
