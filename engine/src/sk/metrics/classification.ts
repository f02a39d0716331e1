/**
 * Classification metrics: confusion matrix, precision, recall, F-scores (binary, micro, macro,
 * weighted, samples averages), balanced accuracy and the text classification report.
 */
import { Tensor } from "../../core/tensor.js";
import { ValueError } from "../../core/errors.js";
import { checkConsistentLength } from "../base/validation.js";
import type { ArrayInput, TargetInput } from "../base/types.js";
import { weightsOf } from "./common.js";
import {
  givenLabels,
  indicatorRows,
  isMultilabel,
  labelKeys,
  pyFixed,
  uniqueLabels,
  type Label,
} from "./labels.js";

/** How per-label scores combine. */
export type Average = "binary" | "micro" | "macro" | "weighted" | "samples" | null;

/** Options of the precision/recall/F functions. */
export interface PRFOptions {
  /** Labels to include (and their order for `average: null`). */
  labels?: readonly Label[] | Tensor | null;
  /** The positive label for `average: "binary"`. Default 1. */
  posLabel?: Label;
  /** "binary" (default), "micro", "macro", "weighted", "samples", or null for per-label values. */
  average?: Average;
  /** Per-sample weights. */
  sampleWeight?: ArrayInput | null;
  /** Value when a ratio is 0/0: 0 (default, like scikit-learn's "warn") or 1. */
  zeroDivision?: 0 | 1 | "warn";
}

/** Options of {@link confusionMatrix}. */
export interface ConfusionMatrixOptions {
  /** Labels (rows/columns order). Default: sorted union of y_true and y_pred. */
  labels?: readonly Label[] | Tensor | null;
  /** Per-sample weights. */
  sampleWeight?: ArrayInput | null;
  /** "true" (rows sum to 1), "pred" (columns), "all", or null. */
  normalize?: "true" | "pred" | "all" | null;
}

/**
 * Confusion matrix: rows are true labels, columns predicted ones.
 *
 * @example
 * ```ts
 * sk.confusionMatrix([2, 0, 2, 2, 0, 1], [0, 0, 2, 2, 0, 2]); // [[2,0,0],[0,0,1],[1,0,2]]
 * ```
 */
export function confusionMatrix(
  yTrue: TargetInput,
  yPred: TargetInput,
  options: ConfusionMatrixOptions = {},
): Tensor {
  checkConsistentLength(yTrue, yPred);
  const a = labelKeys(yTrue);
  const b = labelKeys(yPred);
  const labels = givenLabels(options.labels) ?? uniqueLabels(a, b);
  const index = new Map(labels.map((l, i) => [String(l), i]));
  const k = labels.length;
  const w = weightsOf(options.sampleWeight, a.length);
  const cm = new Float64Array(k * k);
  for (let i = 0; i < a.length; i++) {
    const r = index.get(String(a[i]));
    const c = index.get(String(b[i]));
    if (r === undefined || c === undefined) continue;
    cm[r * k + c] += w ? w[i] : 1;
  }
  if (options.normalize)
    return Tensor.fromTypedArray(normalized(a, b, labels, w, options.normalize), [k, k], "float64");
  if (w) return Tensor.fromTypedArray(cm, [k, k], "float64");
  return Tensor.fromTypedArray(Int32Array.from(cm), [k, k], "int32");
}

function normalized(
  a: Label[],
  b: Label[],
  labels: Label[],
  w: Float64Array | null,
  how: "true" | "pred" | "all",
): Float64Array {
  const k = labels.length;
  const index = new Map(labels.map((l, i) => [String(l), i]));
  const cm = new Float64Array(k * k);
  for (let i = 0; i < a.length; i++) {
    const r = index.get(String(a[i]));
    const c = index.get(String(b[i]));
    if (r !== undefined && c !== undefined) cm[r * k + c] += w ? w[i] : 1;
  }
  const out = new Float64Array(k * k);
  let total = 0;
  for (const v of cm) total += v;
  for (let r = 0; r < k; r++) {
    for (let c = 0; c < k; c++) {
      let s = total;
      if (how === "true") s = cm.subarray(r * k, r * k + k).reduce((x, y) => x + y, 0);
      if (how === "pred") {
        s = 0;
        for (let j = 0; j < k; j++) s += cm[j * k + c];
      }
      out[r * k + c] = s === 0 ? 0 : cm[r * k + c] / s;
    }
  }
  return out;
}

interface Counts {
  labels: Label[];
  tp: Float64Array;
  fp: Float64Array;
  fn: Float64Array;
  support: Float64Array;
  multilabel: boolean;
  // Per-sample counts for average "samples" (multilabel only).
  samples?: {
    tp: Float64Array;
    predCount: Float64Array;
    trueCount: Float64Array;
    weights: Float64Array | null;
  };
}

function counts(
  yTrue: TargetInput,
  yPred: TargetInput,
  labelsOpt: PRFOptions["labels"],
  sampleWeight: PRFOptions["sampleWeight"],
): Counts {
  checkConsistentLength(yTrue, yPred);
  if (isMultilabel(yTrue) || isMultilabel(yPred)) {
    const t = indicatorRows(yTrue);
    const p = indicatorRows(yPred);
    if (t.k !== p.k)
      throw new ValueError(`y_true and y_pred have different numbers of labels (${t.k} != ${p.k})`);
    const w = weightsOf(sampleWeight, t.n);
    const chosen = givenLabels(labelsOpt)?.map(Number) ?? Array.from({ length: t.k }, (_, j) => j);
    const tp = new Float64Array(chosen.length);
    const fp = new Float64Array(chosen.length);
    const fn = new Float64Array(chosen.length);
    const stp = new Float64Array(t.n);
    const spc = new Float64Array(t.n);
    const stc = new Float64Array(t.n);
    for (let i = 0; i < t.n; i++) {
      const wi = w ? w[i] : 1;
      chosen.forEach((j, c) => {
        const a = t.data[i * t.k + j] !== 0;
        const b = p.data[i * t.k + j] !== 0;
        if (a && b) {
          tp[c] += wi;
          stp[i]++;
        } else if (b) fp[c] += wi;
        else if (a) fn[c] += wi;
        if (a) stc[i]++;
        if (b) spc[i]++;
      });
    }
    const support = tp.map((v, c) => v + fn[c]);
    return {
      labels: chosen,
      tp,
      fp,
      fn,
      support,
      multilabel: true,
      samples: { tp: stp, predCount: spc, trueCount: stc, weights: w },
    };
  }
  const a = labelKeys(yTrue);
  const b = labelKeys(yPred);
  const present = uniqueLabels(a, b);
  const labels = givenLabels(labelsOpt) ?? present;
  const index = new Map(labels.map((l, i) => [String(l), i]));
  const k = labels.length;
  const w = weightsOf(sampleWeight, a.length);
  const tp = new Float64Array(k);
  const fp = new Float64Array(k);
  const fn = new Float64Array(k);
  for (let i = 0; i < a.length; i++) {
    const wi = w ? w[i] : 1;
    const ta = index.get(String(a[i]));
    const pb = index.get(String(b[i]));
    if (String(a[i]) === String(b[i])) {
      if (ta !== undefined) tp[ta] += wi;
    } else {
      if (pb !== undefined) fp[pb] += wi;
      if (ta !== undefined) fn[ta] += wi;
    }
  }
  const support = tp.map((v, c) => v + fn[c]);
  return { labels, tp, fp, fn, support, multilabel: false };
}

function ratio(num: number, den: number, zero: number): number {
  return den === 0 ? zero : num / den;
}

function fbetaOf(p: number, r: number, beta2: number, zero: number): number {
  const den = beta2 * p + r;
  void zero;
  return den === 0 ? 0 : ((1 + beta2) * p * r) / den;
}

/**
 * Precision, recall, F-beta and support, per label or averaged.
 *
 * @example
 * ```ts
 * const [p, r, f, s] = sk.precisionRecallFscoreSupport(yTrue, yPred, { average: "macro" });
 * ```
 */
export function precisionRecallFscoreSupport(
  yTrue: TargetInput,
  yPred: TargetInput,
  options: PRFOptions & { beta?: number } = {},
): [number | Tensor, number | Tensor, number | Tensor, number | Tensor | null] {
  const beta = options.beta ?? 1;
  if (!(beta >= 0)) throw new ValueError("beta should be >=0 in the F-beta score");
  const average = options.average === undefined ? null : options.average;
  const zero = options.zeroDivision === 1 ? 1 : 0;
  let labelsOpt = options.labels;
  const c0 = counts(yTrue, yPred, null, options.sampleWeight);
  if (average === "binary") {
    if (c0.multilabel)
      throw new ValueError(
        "Target is multilabel-indicator but average='binary'. Please choose another average setting, one of [null, 'micro', 'macro', 'weighted', 'samples'].",
      );
    const pos =
      options.posLabel === undefined
        ? 1
        : typeof options.posLabel === "boolean"
          ? Number(options.posLabel)
          : options.posLabel;
    if (c0.labels.length > 2) {
      throw new ValueError(
        `Target is multiclass but average='binary'. Please choose another average setting, one of [null, 'micro', 'macro', 'weighted'].`,
      );
    }
    if (!c0.labels.some((l) => String(l) === String(pos)) && c0.labels.length >= 2) {
      throw new ValueError(
        `pos_label=${String(pos)} is not a valid label. It should be one of [${c0.labels.map(String).join(", ")}]; pass posLabel.`,
      );
    }
    labelsOpt = [pos];
  }
  const c = labelsOpt ? counts(yTrue, yPred, labelsOpt, options.sampleWeight) : c0;
  const beta2 = beta * beta;
  if (average === "samples") {
    if (!c.samples)
      throw new ValueError("Samplewise metrics are not available outside of multilabel classification.");
    const s = c.samples;
    let P = 0;
    let R = 0;
    let F = 0;
    let W = 0;
    for (let i = 0; i < s.tp.length; i++) {
      const wi = s.weights ? s.weights[i] : 1;
      const p = ratio(s.tp[i], s.predCount[i], zero);
      const r = ratio(s.tp[i], s.trueCount[i], zero);
      P += wi * p;
      R += wi * r;
      F += wi * fbetaOf(p, r, beta2, zero);
      W += wi;
    }
    return [P / W, R / W, F / W, null];
  }
  if (average === "micro") {
    const tp = c.tp.reduce((x, y) => x + y, 0);
    const fp = c.fp.reduce((x, y) => x + y, 0);
    const fn = c.fn.reduce((x, y) => x + y, 0);
    const p = ratio(tp, tp + fp, zero);
    const r = ratio(tp, tp + fn, zero);
    return [p, r, fbetaOf(p, r, beta2, zero), null];
  }
  const k = c.labels.length;
  const P = new Float64Array(k);
  const R = new Float64Array(k);
  const F = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    P[j] = ratio(c.tp[j], c.tp[j] + c.fp[j], zero);
    R[j] = ratio(c.tp[j], c.tp[j] + c.fn[j], zero);
    F[j] = fbetaOf(P[j], R[j], beta2, zero);
  }
  if (average === null) {
    const t = (a: Float64Array): Tensor => Tensor.fromTypedArray(a, [k], "float64");
    return [t(P), t(R), t(F), Tensor.fromTypedArray(Int32Array.from(c.support), [k], "int32")];
  }
  const wts = average === "weighted" ? c.support : new Float64Array(k).fill(1);
  const tw = wts.reduce((x, y) => x + y, 0);
  const avg = (a: Float64Array): number => (tw === 0 ? zero : a.reduce((s, v, j) => s + v * wts[j], 0) / tw);
  return [avg(P), avg(R), avg(F), null];
}

type Out<O> = O extends { average: null } ? Tensor : number;

/**
 * Precision: tp / (tp + fp).
 *
 * @example
 * ```ts
 * sk.precisionScore(yTrain5, yTrainPred); // 0.837 (the book's SGD "is it a 5?")
 * ```
 */
export function precisionScore<O extends PRFOptions>(
  yTrue: TargetInput,
  yPred: TargetInput,
  options: O = {} as O,
): Out<O> {
  return precisionRecallFscoreSupport(yTrue, yPred, { average: "binary", ...options })[0] as Out<O>;
}

/**
 * Recall: tp / (tp + fn).
 *
 * @example
 * ```ts
 * sk.recallScore(yTrain5, yTrainPred); // 0.651
 * ```
 */
export function recallScore<O extends PRFOptions>(
  yTrue: TargetInput,
  yPred: TargetInput,
  options: O = {} as O,
): Out<O> {
  return precisionRecallFscoreSupport(yTrue, yPred, { average: "binary", ...options })[1] as Out<O>;
}

/**
 * F1: the harmonic mean of precision and recall.
 *
 * @example
 * ```ts
 * sk.f1Score(yMultilabel, yPred, { average: "macro" });
 * ```
 */
export function f1Score<O extends PRFOptions>(
  yTrue: TargetInput,
  yPred: TargetInput,
  options: O = {} as O,
): Out<O> {
  return precisionRecallFscoreSupport(yTrue, yPred, { average: "binary", ...options, beta: 1 })[2] as Out<O>;
}

/**
 * F-beta: weighted harmonic mean of precision and recall (beta > 1 favours recall).
 *
 * @example
 * ```ts
 * sk.fbetaScore(yTrue, yPred, { beta: 0.5 });
 * ```
 */
export function fbetaScore<O extends PRFOptions & { beta: number }>(
  yTrue: TargetInput,
  yPred: TargetInput,
  options: O,
): Out<O> {
  return precisionRecallFscoreSupport(yTrue, yPred, { average: "binary", ...options })[2] as Out<O>;
}

/**
 * Balanced accuracy: the mean recall over classes.
 *
 * @example
 * ```ts
 * sk.balancedAccuracyScore([0, 1, 0, 0, 1, 0], [0, 1, 0, 0, 0, 1]); // 0.625
 * ```
 */
export function balancedAccuracyScore(
  yTrue: TargetInput,
  yPred: TargetInput,
  options: { sampleWeight?: ArrayInput | null } = {},
): number {
  const c = counts(yTrue, yPred, null, options.sampleWeight);
  const present = Array.from(c.support)
    .map((s, j) => [s, j])
    .filter(([s]) => s > 0);
  return present.reduce((acc, [s, j]) => acc + c.tp[j] / s, 0) / present.length;
}

/** Options of {@link classificationReport}. */
export interface ClassificationReportOptions {
  /** Labels to report. */
  labels?: readonly Label[] | Tensor | null;
  /** Display names of the labels. */
  targetNames?: readonly string[] | null;
  /** Per-sample weights. */
  sampleWeight?: ArrayInput | null;
  /** Decimals (default 2). */
  digits?: number;
  /** Return a nested object instead of text. */
  outputDict?: boolean;
  /** Value for 0/0 ratios. */
  zeroDivision?: 0 | 1 | "warn";
}

/** One row of the report object. */
export interface ReportRow {
  precision: number;
  recall: number;
  "f1-score": number;
  support: number;
}

/**
 * scikit-learn's text report of precision, recall, F1 and support per class, with accuracy and
 * macro/weighted averages (same layout, same rounding).
 *
 * @example
 * ```ts
 * console.log(sk.classificationReport([0, 1, 2, 2, 2], [0, 0, 2, 2, 1]));
 * ```
 */
export function classificationReport(
  yTrue: TargetInput,
  yPred: TargetInput,
  options: ClassificationReportOptions = {},
): string | Record<string, ReportRow | number> {
  const digits = options.digits ?? 2;
  const base = counts(yTrue, yPred, null, options.sampleWeight);
  const labelsGiven = givenLabels(options.labels);
  const labels = labelsGiven ?? base.labels;
  const multilabel = base.multilabel;
  const microIsAccuracy =
    !multilabel &&
    (!labelsGiven ||
      (new Set(labelsGiven.map(String)).size === new Set(base.labels.map(String)).size &&
        labelsGiven.every((l) => base.labels.map(String).includes(String(l)))));
  const names = options.targetNames ? [...options.targetNames] : labels.map((l) => String(l));
  if (names.length !== labels.length) {
    throw new ValueError(
      `Number of classes, ${labels.length}, does not match size of targetNames, ${names.length}. Try specifying the labels parameter`,
    );
  }
  const common = { labels, sampleWeight: options.sampleWeight, zeroDivision: options.zeroDivision };
  const [p, r, f, s] = precisionRecallFscoreSupport(yTrue, yPred, { ...common, average: null }) as [
    Tensor,
    Tensor,
    Tensor,
    Tensor,
  ];
  const P = p.dataSync();
  const R = r.dataSync();
  const F = f.dataSync();
  const S = s.dataSync();
  const total = Array.from(S).reduce((a, b) => a + b, 0);
  const averages = ["micro", "macro", "weighted", ...(multilabel ? ["samples"] : [])] as Average[];
  if (options.outputDict) {
    const out: Record<string, ReportRow | number> = {};
    names.forEach((nm, j) => (out[nm] = { precision: P[j], recall: R[j], "f1-score": F[j], support: S[j] }));
    for (const avg of averages) {
      const [ap, ar, af] = precisionRecallFscoreSupport(yTrue, yPred, {
        ...common,
        average: avg,
      }) as number[];
      if (avg === "micro" && microIsAccuracy) out.accuracy = af;
      else out[`${avg} avg`] = { precision: ap, recall: ar, "f1-score": af, support: total };
    }
    return out;
  }
  const width = Math.max(...names.map((n) => n.length), "weighted avg".length, digits);
  const pad = (x: string, w: number): string => x.padStart(w);
  const num = (x: number): string => pad(pyFixed(x, digits), 9);
  let report = `${pad("", width)} ${["precision", "recall", "f1-score", "support"].map((h) => ` ${pad(h, 9)}`).join("")}\n\n`;
  names.forEach((nm, j) => {
    report += `${pad(nm, width)}  ${num(P[j])} ${num(R[j])} ${num(F[j])} ${pad(String(S[j]), 9)}\n`;
  });
  report += "\n";
  for (const avg of averages) {
    const [ap, ar, af] = precisionRecallFscoreSupport(yTrue, yPred, { ...common, average: avg }) as number[];
    if (avg === "micro" && microIsAccuracy) {
      report += `${pad("accuracy", width)}  ${pad("", 9)} ${pad("", 9)} ${num(af)} ${pad(String(total), 9)}\n`;
    } else {
      report += `${pad(`${avg} avg`, width)}  ${num(ap)} ${num(ar)} ${num(af)} ${pad(String(total), 9)}\n`;
    }
  }
  return report;
}
