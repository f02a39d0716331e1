/** Log loss (cross-entropy) of predicted probabilities. */
import { Tensor } from "../../core/tensor.js";
import { ValueError } from "../../core/errors.js";
import { checkConsistentLength } from "../base/validation.js";
import type { ArrayInput, TargetInput } from "../base/types.js";
import { weightsOf } from "./common.js";
import { givenLabels, labelKeys, uniqueLabels, type Label } from "./labels.js";

/** Options of {@link logLoss}. */
export interface LogLossOptions {
  /** Clipping of probabilities: "auto" (the dtype's epsilon, default) or a number. */
  eps?: number | "auto";
  /** Mean (default) or sum over samples. */
  normalize?: boolean;
  /** Per-sample weights. */
  sampleWeight?: ArrayInput | null;
  /** The labels of the probability columns (default: sorted labels of y_true). */
  labels?: readonly Label[] | Tensor | null;
}

/**
 * Log loss: -mean(log p(true class)). `yPred` is `[n, classes]` probabilities, or the positive
 * class's probability for binary targets.
 *
 * @example
 * ```ts
 * sk.logLoss(["spam", "ham", "ham", "spam"], [[0.1, 0.9], [0.9, 0.1], [0.8, 0.2], [0.35, 0.65]]); // 0.216
 * ```
 */
export function logLoss(yTrue: TargetInput, yPred: TargetInput, options: LogLossOptions = {}): number {
  checkConsistentLength(yTrue, yPred);
  const keys = labelKeys(yTrue);
  const classes = givenLabels(options.labels) ?? uniqueLabels(keys);
  let P =
    yPred instanceof Tensor
      ? yPred.astype("float64")
      : Tensor.fromTypedArray(
          Float64Array.from((yPred as number[][]).flat()),
          Array.isArray((yPred as unknown[])[0])
            ? [(yPred as unknown[]).length, (yPred as unknown[][])[0].length]
            : [(yPred as unknown[]).length],
          "float64",
        );
  const eps =
    options.eps === undefined || options.eps === "auto"
      ? yPred instanceof Tensor && yPred.dtype === "float32"
        ? 2 ** -23
        : Number.EPSILON
      : options.eps;
  const n = keys.length;
  if (P.ndim === 1) {
    const p = P.dataSync();
    const both = new Float64Array(2 * n);
    for (let i = 0; i < n; i++) {
      both[2 * i] = 1 - p[i];
      both[2 * i + 1] = p[i];
    }
    P = Tensor.fromTypedArray(both, [n, 2], "float64");
  }
  const k = P.shape[1];
  if (classes.length === 1)
    throw new ValueError(
      `y_true contains only one label (${String(classes[0])}). Please provide the true labels explicitly through the labels argument.`,
    );
  if (k !== classes.length) {
    throw new ValueError(
      `y_true and y_pred contain different number of classes ${classes.length}, ${k}. Classes found in y_true: [${classes.join(", ")}]`,
    );
  }
  const d = P.dataSync();
  const w = weightsOf(options.sampleWeight, n);
  const index = new Map(classes.map((c, j) => [String(c), j]));
  let total = 0;
  let tw = 0;
  for (let i = 0; i < n; i++) {
    let rowSum = 0;
    for (let j = 0; j < k; j++) rowSum += Math.min(1 - eps, Math.max(eps, d[i * k + j]));
    const j = index.get(String(keys[i]));
    if (j === undefined) throw new ValueError(`y_true contains label ${String(keys[i])} not in labels`);
    const p = Math.min(1 - eps, Math.max(eps, d[i * k + j])) / rowSum;
    const wi = w ? w[i] : 1;
    total += -Math.log(p) * wi;
    tw += wi;
  }
  return options.normalize === false ? total : total / tw;
}
