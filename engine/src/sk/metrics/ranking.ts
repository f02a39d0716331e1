/** Threshold curves and areas: ROC curve, precision-recall curve, ROC AUC, auc. */
import { Tensor } from "../../core/tensor.js";
import { ValueError } from "../../core/errors.js";
import { checkConsistentLength } from "../base/validation.js";
import type { ArrayInput, TargetInput } from "../base/types.js";
import { weightsOf } from "./common.js";
import { indicatorRows, isMultilabel, labelKeys, uniqueLabels, type Label } from "./labels.js";

/** Options of the curve functions. */
export interface CurveOptions {
  /** The positive class (default 1, or true). */
  posLabel?: Label | null;
  /** Per-sample weights. */
  sampleWeight?: ArrayInput | null;
}

function scoresOf(yScore: TargetInput): Float64Array {
  const t =
    yScore instanceof Tensor
      ? yScore
      : Tensor.fromTypedArray(
          Float64Array.from(yScore as ArrayLike<number>),
          [(yScore as ArrayLike<number>).length],
          "float64",
        );
  if (t.ndim === 2 && t.shape[1] === 1) return t.reshape(-1).astype("float64").dataSync() as Float64Array;
  if (t.ndim !== 1)
    throw new ValueError(
      `y_score should be 1-D scores of the positive class, got shape (${t.shape.join(", ")})`,
    );
  return t.astype("float64").dataSync() as Float64Array;
}

function positives(yTrue: TargetInput, posLabel: Label | null | undefined): Float64Array {
  const keys = labelKeys(yTrue);
  const classes = uniqueLabels(keys);
  let pos =
    posLabel === undefined || posLabel === null
      ? null
      : typeof posLabel === "boolean"
        ? Number(posLabel)
        : posLabel;
  if (pos === null) {
    const ok = classes.every((c) => [0, 1, -1].includes(c as number)) && classes.length <= 2;
    if (!ok) {
      throw new ValueError(
        `y_true takes value in {${classes.map((c) => JSON.stringify(c)).join(", ")}} and pos_label is not specified: either make y_true take value in {0, 1} or {-1, 1} or pass posLabel explicitly.`,
      );
    }
    pos = 1;
  }
  return Float64Array.from(keys, (k) => (String(k) === String(pos) ? 1 : 0));
}

// scikit-learn's _binary_clf_curve: false and true positives at each distinct threshold.
function binaryClfCurve(
  yTrue: TargetInput,
  yScore: TargetInput,
  o: CurveOptions,
): { fps: number[]; tps: number[]; thr: number[] } {
  checkConsistentLength(yTrue, yScore);
  const y = positives(yTrue, o.posLabel);
  const s = scoresOf(yScore);
  for (const v of s)
    if (!Number.isFinite(v))
      throw new ValueError("Input y_score contains NaN or infinity; scores must be finite");
  const w = weightsOf(o.sampleWeight, y.length);
  // Descending order as numpy's argsort(kind="mergesort")[::-1]: ties in reverse index order.
  const order = Array.from(s.keys())
    .sort((a, b) => s[a] - s[b] || a - b)
    .reverse();
  const fps: number[] = [];
  const tps: number[] = [];
  const thr: number[] = [];
  let tp = 0;
  let fp = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    const wi = w ? w[i] : 1;
    tp += y[i] * wi;
    fp += (1 - y[i]) * wi;
    if (k === order.length - 1 || s[order[k + 1]] !== s[i]) {
      tps.push(tp);
      fps.push(fp);
      thr.push(s[i]);
    }
  }
  return { fps, tps, thr };
}

const vec = (a: number[]): Tensor => Tensor.fromTypedArray(Float64Array.from(a), [a.length], "float64");

/**
 * ROC curve: `[fpr, tpr, thresholds]` (thresholds[0] is max score + 1, as scikit-learn 1.2).
 *
 * @example
 * ```ts
 * const [fpr, tpr, thresholds] = sk.rocCurve(yTrain5, yScores);
 * ```
 */
export function rocCurve(
  yTrue: TargetInput,
  yScore: TargetInput,
  options: CurveOptions & { dropIntermediate?: boolean } = {},
): [Tensor, Tensor, Tensor] {
  let { fps, tps, thr } = binaryClfCurve(yTrue, yScore, options);
  if (options.dropIntermediate !== false && fps.length > 2) {
    const keep = fps.map(
      (_, i) =>
        i === 0 ||
        i === fps.length - 1 ||
        fps[i - 1] - 2 * fps[i] + fps[i + 1] !== 0 ||
        tps[i - 1] - 2 * tps[i] + tps[i + 1] !== 0,
    );
    fps = fps.filter((_, i) => keep[i]);
    tps = tps.filter((_, i) => keep[i]);
    thr = thr.filter((_, i) => keep[i]);
  }
  tps = [0, ...tps];
  fps = [0, ...fps];
  thr = [thr[0] + 1, ...thr];
  const fn = fps[fps.length - 1];
  const tn = tps[tps.length - 1];
  return [vec(fps.map((v) => (fn ? v / fn : NaN))), vec(tps.map((v) => (tn ? v / tn : NaN))), vec(thr)];
}

/**
 * Precision-recall pairs for every threshold: `[precisions, recalls, thresholds]` (the last
 * precision is 1 and the last recall 0, with no threshold).
 *
 * @example
 * ```ts
 * const [precisions, recalls, thresholds] = sk.precisionRecallCurve(yTrain5, yScores);
 * ```
 */
export function precisionRecallCurve(
  yTrue: TargetInput,
  probasPred: TargetInput,
  options: CurveOptions = {},
): [Tensor, Tensor, Tensor] {
  const { fps, tps, thr } = binaryClfCurve(yTrue, probasPred, options);
  const precision = tps.map((t, i) => (t + fps[i] === 0 ? 0 : t / (t + fps[i])));
  const last = tps[tps.length - 1];
  const recall = tps.map((t) => (last === 0 ? 1 : t / last));
  return [vec([...precision.reverse(), 1]), vec([...recall.reverse(), 0]), vec([...thr].reverse())];
}

/**
 * Area under a curve by the trapezoidal rule (x monotonic).
 *
 * @example
 * ```ts
 * sk.auc(fpr, tpr);
 * ```
 */
export function auc(x: TargetInput, y: TargetInput): number {
  const a = scoresOf(x);
  const b = scoresOf(y);
  if (a.length < 2)
    throw new ValueError(
      `At least 2 points are needed to compute area under curve, but x.shape = ${a.length}`,
    );
  let direction = 1;
  let dec = true;
  let inc = true;
  for (let i = 1; i < a.length; i++) {
    if (a[i] < a[i - 1]) inc = false;
    if (a[i] > a[i - 1]) dec = false;
  }
  if (!inc) {
    if (dec) direction = -1;
    else throw new ValueError("x is neither increasing nor decreasing");
  }
  let s = 0;
  for (let i = 1; i < a.length; i++) s += ((a[i] - a[i - 1]) * (b[i] + b[i - 1])) / 2;
  return direction * s;
}

/** Options of {@link rocAucScore}. */
export interface RocAucOptions {
  /** "macro" (default), "weighted", "micro" (multilabel) or null. */
  average?: "macro" | "weighted" | "micro" | null;
  /** Multiclass strategy: "ovr" (one-vs-rest; the only one supported) or "raise". */
  multiClass?: "raise" | "ovr" | "ovo";
  /** Labels (for multiclass probability columns). */
  labels?: readonly Label[] | null;
  /** Per-sample weights. */
  sampleWeight?: ArrayInput | null;
}

/**
 * Area under the ROC curve (binary; multiclass one-vs-rest from probabilities; multilabel).
 *
 * @example
 * ```ts
 * sk.rocAucScore(yTrain5, yScores); // 0.9605 for the book's SGD
 * ```
 */
export function rocAucScore(
  yTrue: TargetInput,
  yScore: TargetInput,
  options: RocAucOptions = {},
): number | Tensor {
  const st = yScore instanceof Tensor ? yScore : null;
  if (isMultilabel(yTrue) || (st && st.ndim === 2 && st.shape[1] > 1)) {
    const multi = isMultilabel(yTrue);
    const S = st ?? (yScore as unknown as Tensor);
    const [n, k] = S.shape;
    const sd = S.astype("float64").dataSync();
    let Y: Float64Array;
    if (multi) Y = indicatorRows(yTrue).data;
    else {
      if (options.multiClass === "raise" || options.multiClass === undefined) {
        if (options.multiClass === "raise") throw new ValueError("multi_class must be in ('ovo', 'ovr')");
      }
      if (options.multiClass === "ovo") throw new ValueError('multiClass "ovo" is not supported; use "ovr"');
      const keys = labelKeys(yTrue);
      const classes = options.labels ? [...options.labels] : uniqueLabels(keys);
      if (classes.length !== k)
        throw new ValueError(
          `Number of classes in y_true (${classes.length}) not equal to the number of columns in 'y_score' (${k})`,
        );
      Y = new Float64Array(n * k);
      keys.forEach((v, i) => (Y[i * k + classes.map(String).indexOf(String(v))] = 1));
    }
    const per: number[] = [];
    const support: number[] = [];
    for (let j = 0; j < k; j++) {
      const yt = Array.from({ length: n }, (_, i) => Y[i * k + j]);
      const ys = Array.from({ length: n }, (_, i) => sd[i * k + j]);
      const [fpr, tpr] = rocCurve(yt, ys, { sampleWeight: options.sampleWeight });
      per.push(auc(fpr, tpr));
      support.push(yt.reduce((a, b) => a + b, 0));
    }
    const average = options.average === undefined ? "macro" : options.average;
    if (average === null) return vec(per);
    if (average === "micro") {
      const [fpr, tpr] = rocCurve(Array.from(Y), Array.from(sd), {});
      return auc(fpr, tpr);
    }
    const w = average === "weighted" ? support : per.map(() => 1);
    return per.reduce((a, v, j) => a + v * w[j], 0) / w.reduce((a, b) => a + b, 0);
  }
  const classes = uniqueLabels(labelKeys(yTrue));
  if (classes.length !== 2)
    throw new ValueError("Only one class present in y_true. ROC AUC score is not defined in that case.");
  const pos = classes[1];
  const [fpr, tpr] = rocCurve(yTrue, yScore, { sampleWeight: options.sampleWeight, posLabel: pos });
  return auc(fpr, tpr);
}
