/** Shared checks of the metric functions: targets as float64 columns, sample weights. */
import { Tensor } from "../../core/tensor.js";
import { ValueError } from "../../core/errors.js";
import { checkTarget, checkConsistentLength } from "../base/validation.js";
import type { ArrayInput, TargetInput } from "../base/types.js";

/** A target as float64 data with its number of rows and outputs. */
export interface Target2d {
  data: Float64Array;
  n: number;
  outputs: number;
  is2d: boolean;
}

/** Reads a numeric target (1-D or 2-D) for a metric. */
export function target2d(y: TargetInput): Target2d {
  const t = checkTarget(y);
  const data = t.dataSync() as Float64Array;
  return { data, n: t.shape[0], outputs: t.ndim === 2 ? t.shape[1] : 1, is2d: t.ndim === 2 };
}

/** Reads y_true and y_pred, checking they agree in shape. */
export function pairOf(yTrue: TargetInput, yPred: TargetInput): [Target2d, Target2d] {
  checkConsistentLength(yTrue, yPred);
  const a = target2d(yTrue);
  const b = target2d(yPred);
  if (a.outputs !== b.outputs) {
    throw new ValueError(`y_true and y_pred have different number of output (${a.outputs}!=${b.outputs})`);
  }
  return [a, b];
}

/** Sample weights as float64 (ones when absent), checked against n. */
export function weightsOf(sampleWeight: ArrayInput | null | undefined, n: number): Float64Array | null {
  if (sampleWeight === null || sampleWeight === undefined) return null;
  const w = (sampleWeight instanceof Tensor ? sampleWeight : checkTarget(sampleWeight))
    .astype("float64")
    .reshape(-1)
    .dataSync() as Float64Array;
  if (w.length !== n)
    throw new ValueError(`Found input variables with inconsistent numbers of samples: [${n}, ${w.length}]`);
  return w;
}

/** How several outputs combine: averaged (default), kept apart, or weighted. */
export type MultiOutput = "uniform_average" | "raw_values" | "variance_weighted" | readonly number[];

/** Combines per-output values as scikit-learn's `multioutput` option says. */
export function combineOutputs(
  values: number[],
  multioutput: MultiOutput | undefined,
  weights?: number[],
): number | Tensor {
  if (multioutput === "raw_values")
    return Tensor.fromTypedArray(Float64Array.from(values), [values.length], "float64");
  let w: readonly number[] | undefined = Array.isArray(multioutput)
    ? multioutput
    : multioutput === "variance_weighted"
      ? weights
      : undefined;
  if (!w) w = values.map(() => 1);
  const tw = w.reduce((a, b) => a + b, 0);
  if (tw === 0) return values.reduce((a, b) => a + b, 0) / values.length;
  return values.reduce((a, v, i) => a + v * (w as number[])[i], 0) / tw;
}
