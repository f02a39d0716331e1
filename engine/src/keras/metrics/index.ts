/**
 * `keras.metrics`: streaming metrics (state in variables; `updateState`, `result`,
 * `resetState`), metric functions, and `get` for the strings `compile` accepts.
 *
 * @example
 * ```ts
 * const m = new keras.metrics.SparseCategoricalAccuracy();
 * m.updateState([1, 2], [[0.1, 0.8, 0.1], [0.6, 0.3, 0.1]]);
 * m.result(); // 0.5
 * ```
 */
export { Metric, isMetric, type MetricOptions, type AddWeightOptions } from "./metric.js";
