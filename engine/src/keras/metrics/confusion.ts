import { readHost } from "../../core/host.js";
import type { Tensor, TensorLike } from "../../core/tensor.js";
import type { Variable } from "../../autodiff/variable.js";
import * as tf from "../../tf/index.js";
import { pair } from "../losses/inputs.js";
import { alignWeights } from "../losses/reduction.js";

// Confusion counts at decision thresholds, as Keras' `update_confusion_matrix_variables`:
// a prediction is positive when it is strictly above the threshold, a target when it is
// non-zero; sample weights scale the counts.

/** The counts a metric keeps, one entry per threshold. */
export interface ConfusionVariables {
  tp?: Variable;
  fp?: Variable;
  tn?: Variable;
  fn?: Variable;
}

/** Options that select what is counted. */
export interface ConfusionOptions {
  /** Count only the predictions among each row's `topK` highest (others count as negative). */
  topK?: number | null;
  /** Count only this class (column of the last axis). */
  classId?: number | null;
}

/** Adds one batch's counts at `thresholds` to `vars`. */
export function updateConfusion(
  vars: ConfusionVariables,
  thresholds: readonly number[],
  yTrue: TensorLike,
  yPred: TensorLike,
  sampleWeight: TensorLike | null | undefined,
  opts: ConfusionOptions = {},
): void {
  let [t, p] = pair(yTrue, yPred);
  let w = sampleWeight == null ? null : tf.mul(tf.onesLike(p), alignWeights(sampleWeight, p));
  if (opts.topK != null) p = keepTopK(p, opts.topK);
  if (opts.classId != null) {
    const pick = (x: Tensor): Tensor => x.get("...", opts.classId as number);
    [t, p] = [pick(t), pick(p)];
    if (w) w = pick(w);
  }
  const tv = readHost(t);
  const pv = readHost(p);
  const wv = w ? readHost(w) : null;
  if (tv.length !== pv.length) {
    throw new RangeError(
      `targets of shape [${t.shape.join(", ")}] do not match predictions of shape [${p.shape.join(", ")}]`,
    );
  }
  const n = thresholds.length;
  const tp = new Float64Array(n);
  const fp = new Float64Array(n);
  const tn = new Float64Array(n);
  const fn = new Float64Array(n);
  for (let i = 0; i < pv.length; i++) {
    const weight = wv ? wv[i] : 1;
    const label = tv[i] !== 0;
    const score = pv[i];
    for (let k = 0; k < n; k++) {
      const pos = score > thresholds[k];
      if (label) {
        if (pos) tp[k] += weight;
        else fn[k] += weight;
      } else if (pos) fp[k] += weight;
      else tn[k] += weight;
    }
  }
  const add = (v: Variable | undefined, counts: Float64Array): void => {
    if (v) v.assignAdd(tf.constant(counts, { dtype: v.dtype }).reshape([...v.shape]));
  };
  add(vars.tp, tp);
  add(vars.fp, fp);
  add(vars.tn, tn);
  add(vars.fn, fn);
}

// Keras' `_filter_top_k`: scores outside each row's top k become -inf.
function keepTopK(p: Tensor, k: number): Tensor {
  const classes = p.shape[p.ndim - 1];
  const v = readHost(p);
  const out = new Float64Array(v.length);
  for (let r = 0; r < v.length / classes; r++) {
    const row = Array.from({ length: classes }, (_, j) => j).sort(
      (a, b) => v[r * classes + b] - v[r * classes + a],
    );
    out.fill(-Infinity, r * classes, (r + 1) * classes);
    for (const j of row.slice(0, k)) out[r * classes + j] = v[r * classes + j];
  }
  return tf.constant(out, { dtype: p.dtype }).reshape([...p.shape]);
}

/** `a / b` element-wise, 0 where `b` is 0 (`tf.math.divide_no_nan`). */
export function divideNoNan(a: ArrayLike<number>, b: ArrayLike<number>): Float64Array {
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = b[i] === 0 ? 0 : a[i] / b[i];
  return out;
}
