/**
 * Helpers of the fitted SVMs: the support vectors kept after fit, the checks on the samples given
 * to predict, and the primal weights of a linear kernel.
 */
import { ValueError } from "../../core/errors.js";
import type { Tensor } from "../../core/tensor.js";
import { checkArray } from "../base/validation.js";
import type { ArrayInput } from "../base/types.js";
import { tensor } from "../internal/matrix.js";
import type { KernelName } from "./kernels.js";
import type { FittedKernel, KernelFunction } from "./libsvm-options.js";
import type { TrainData } from "./libsvm.js";

/** Python's AttributeError: the attribute does not exist for this configuration. */
export class AttributeError extends Error {
  override name = "AttributeError";
}

/** The support vectors: rows of X (of the training X for a kernel function; none when precomputed). */
export function supportVectorsOf(kernel: FittedKernel, data: TrainData, support: Int32Array): Tensor {
  const nSV = support.length;
  if (kernel.params.kernel === "precomputed" && !kernel.fitX) return tensor(new Float64Array(0), [0, 0]);
  const src = kernel.fitX ? Float64Array.from(kernel.fitX.dataSync()) : data.X;
  const d = kernel.fitX ? kernel.fitX.shape[1] : data.d;
  const out = new Float64Array(nSV * d);
  for (let t = 0; t < nSV; t++) out.set(src.subarray(support[t] * d, support[t] * d + d), t * d);
  return tensor(out, [nSV, d]);
}

/**
 * The samples given to predict/decisionFunction, validated: a precomputed kernel needs one column
 * per training sample; otherwise `validate` (the estimator's feature checks) applies.
 */
export function checkSupportInput(
  est: { shapeFit_?: number[] },
  name: string,
  X: ArrayInput,
  kernel: FittedKernel,
  validate: (X: ArrayInput) => Tensor,
): Tensor {
  if (kernel.params.kernel === "precomputed" && !kernel.fitX) {
    const Xt = checkArray(X, { estimator: name });
    const nTrain = (est.shapeFit_ as number[])[0];
    if (Xt.shape[1] !== nTrain) {
      throw new ValueError(
        `X.shape[1] = ${Xt.shape[1]} should be equal to ${nTrain}, the number of samples at training time`,
      );
    }
    return Xt;
  }
  return validate(X);
}

/**
 * Primal weights w of a linear kernel from the dual coefficients: one row for a binary classifier
 * or a regressor, one per class pair otherwise.
 */
export function linearCoef(
  kernel: KernelName | KernelFunction,
  dualCoef: Tensor,
  SV: Tensor,
  nSupport: Tensor | null,
): Tensor {
  if (kernel !== "linear") {
    throw new AttributeError(
      `coef_ is only available when using a linear kernel (this model uses kernel=${typeof kernel === "function" ? "a function" : `'${kernel}'`}); use dualCoef_ and supportVectors_ instead.`,
    );
  }
  const [rows, nSV] = dualCoef.shape;
  const d = SV.shape[1];
  const dual = dualCoef.dataSync();
  const sv = SV.dataSync();
  const k = nSupport ? nSupport.size : 2;
  if (k <= 2 || rows === 1) {
    const w = new Float64Array(d);
    for (let t = 0; t < nSV; t++) for (let c = 0; c < d; c++) w[c] += Number(dual[t]) * Number(sv[t * d + c]);
    return tensor(w, [1, d]);
  }
  const counts = Array.from((nSupport as Tensor).dataSync(), Number);
  const start = [0];
  for (let c = 1; c < k; c++) start.push(start[c - 1] + counts[c - 1]);
  const P = (k * (k - 1)) / 2;
  const out = new Float64Array(P * d);
  let m = 0;
  for (let i = 0; i < k; i++) {
    for (let j = i + 1; j < k; j++, m++) {
      for (let t = start[i]; t < start[i] + counts[i]; t++) {
        const a = Number(dual[(j - 1) * nSV + t]);
        for (let c = 0; c < d; c++) out[m * d + c] += a * Number(sv[t * d + c]);
      }
      for (let t = start[j]; t < start[j] + counts[j]; t++) {
        const a = Number(dual[i * nSV + t]);
        for (let c = 0; c < d; c++) out[m * d + c] += a * Number(sv[t * d + c]);
      }
    }
  }
  return tensor(out, [P, d]);
}
