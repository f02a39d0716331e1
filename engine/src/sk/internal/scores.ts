/**
 * The two default `score` metrics of scikit-learn's mixins (R² for regressors, accuracy for
 * classifiers), computed directly so the models do not depend on the metrics module.
 */
import { ValueError } from "../../core/errors.js";
import type { Tensor } from "../../core/tensor.js";
import { asSampleWeight, asTarget, type ArrayInput } from "./matrix.js";
import { labelColumn, type LabelInput } from "./labels.js";

/** R² with `multioutput="uniform_average"` (a constant target scores 1 when predicted exactly, else 0). */
export function r2(pred: Tensor, y: ArrayInput, sampleWeight?: ArrayInput): number {
  const n = pred.shape[0];
  const Y = asTarget(y, n);
  const P = asTarget(pred, n);
  if (P.cols !== Y.cols) throw new ValueError(`y has ${Y.cols} targets but the predictions have ${P.cols}.`);
  const w = asSampleWeight(sampleWeight, n);
  let total = 0;
  for (let t = 0; t < Y.cols; t++) {
    let sw = 0;
    let mean = 0;
    for (let i = 0; i < n; i++) {
      const wi = w ? w[i] : 1;
      sw += wi;
      mean += wi * Y.data[i * Y.cols + t];
    }
    mean /= sw;
    let ssRes = 0;
    let ssTot = 0;
    for (let i = 0; i < n; i++) {
      const wi = w ? w[i] : 1;
      const yi = Y.data[i * Y.cols + t];
      ssRes += wi * (yi - P.data[i * Y.cols + t]) ** 2;
      ssTot += wi * (yi - mean) ** 2;
    }
    total += ssTot !== 0 ? 1 - ssRes / ssTot : ssRes === 0 ? 1 : 0;
  }
  return total / Y.cols;
}

/** Fraction of exactly matching labels (rows must match entirely for 2-D targets). */
export function accuracy(pred: Tensor | string[], y: LabelInput, sampleWeight?: ArrayInput): number {
  const p = Array.isArray(pred) ? pred : Array.from((pred as Tensor).dataSync());
  const rowLen = Array.isArray(pred) || (pred as Tensor).ndim === 1 ? 1 : (pred as Tensor).shape[1];
  let truth: ArrayLike<number | string>;
  if (rowLen === 1) truth = labelColumn(y, p.length).values as ArrayLike<number | string>;
  else truth = Array.from((asTarget(y as ArrayInput, p.length / rowLen).data));
  const n = p.length / rowLen;
  const w = asSampleWeight(sampleWeight, n);
  let hit = 0;
  let tot = 0;
  for (let i = 0; i < n; i++) {
    let ok = true;
    for (let j = 0; j < rowLen && ok; j++) ok = p[i * rowLen + j] === truth[i * rowLen + j];
    const wi = w ? w[i] : 1;
    tot += wi;
    if (ok) hit += wi;
  }
  return hit / tot;
}
