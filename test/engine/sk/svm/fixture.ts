/**
 * The SVM fixtures of test/fixtures/sk/make_sk_svm.py (scikit-learn 1.2.1) and the data sets they
 * were made on, rebuilt from the shipped files (iris, diabetes) or read from the fixture.
 */
import { readFileSync } from "node:fs";
import { np, sk, type Tensor } from "../../../../engine/src/index.js";
import { diabetes, iris, repoPath } from "../models/helpers.js";

/** One fitted model of the fixture. */
export interface SvmCase {
  name: string;
  data: string;
  kind?: "LinearSVC" | "LinearSVR";
  params: Record<string, unknown>;
  sampleWeight: boolean;
  precomputed?: boolean;
  support?: number[];
  nSupport?: number[];
  dualCoef?: number[][];
  intercept: number[];
  decision?: number[] | number[][];
  decisionOvo?: number[][];
  predict: number[];
  coef?: number[][];
  fitStatus?: number;
  probA?: number[];
  probB?: number[];
  proba?: number[][];
  nIter?: number;
}

/** The whole fixture file. */
export interface SvmFixture {
  data: {
    moons: { X: number[][]; y: number[] };
    linear: { X: number[][]; y: number[] };
    quadratic: { X: number[][]; y: number[] };
    imbalanced: { X: number[][]; y: number[]; w: number[] };
  };
  cases: SvmCase[];
  mnist: {
    decision: number[][];
    predict: number[];
    nSupport: number[];
    scaledDecision: number[][];
    scaledNSupport: number[];
    scaledIntercept: number[];
    scaledTrainAccuracy: number;
  };
  housing: {
    firstRows: number[][];
    firstLabels: number[];
    subsetIntercept: number[];
    subsetCoef: number[][];
    subsetNSupport: number[];
    subsetPredict: number[];
    fullRmse: number;
    fullIntercept: number[];
  };
  titanic: { scores: number[]; mean: number };
}

export const fx = JSON.parse(readFileSync(repoPath("test/fixtures/sk/sk_svm.json"), "utf8")) as SvmFixture;

const ir = iris();
const petal = ir.X.get(":", "2:");
const yv = ir.y.eq(2).astype("int32");
const sv = ir.y.lt(2);
const svIdx = np.nonzero(sv)[0];
const Xsv = petal.get(svIdx);
const ysv = ir.y.get(svIdx);
const di = diabetes();

/** X, y (and weights) of a fixture data set by name. */
export function dataOf(key: string): { X: Tensor; y: Tensor; w?: Tensor } {
  switch (key) {
    case "irisVirginica":
      return { X: petal, y: yv };
    case "setosaVersicolor":
      return { X: Xsv, y: ysv };
    case "setosaVersicolorScaled":
      return { X: new sk.StandardScaler().fitTransform(Xsv), y: ysv };
    case "iris":
      return { X: ir.X, y: ir.y };
    case "irisPetal":
      return { X: petal, y: ir.y };
    case "diabetesScaled":
      return { X: di.X.sub(di.X.mean(0)).div(di.X.std(0)), y: di.y };
    case "moons":
    case "linear":
    case "quadratic":
      return { X: np.array(fx.data[key].X), y: np.array(fx.data[key].y) };
    case "imbalanced":
      return {
        X: np.array(fx.data.imbalanced.X),
        y: np.array(fx.data.imbalanced.y),
        w: np.array(fx.data.imbalanced.w),
      };
    default:
      throw new Error(`unknown fixture data ${key}`);
  }
}

/** scikit-learn's snake_case option names as sk's camelCase ones. */
export function camelOptions(params: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(params)) {
    const name = k === "C" ? k : k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
    out[name] = v === "inf" ? Infinity : v;
  }
  return out;
}
