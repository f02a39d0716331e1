/**
 * The SGD epoch loop of scikit-learn (`_plain_sgd`) for dense data: per sample, a prediction, a
 * step of `-eta·dloss` scaled by class and sample weights, the L2 shrink through the weight
 * vector's scale, optional averaging, and the truncated-gradient L1 penalty (Tsuruoka et al.).
 * After each epoch it stops when the training loss (or the validation score) has not improved by
 * `tol` for `nIterNoChange` epochs; `adaptive` divides eta by 5 instead, until it drops under 1e-6.
 * Samples are shuffled with scikit-learn's xorshift from the seed scikit-learn would draw.
 */
import { ValueError } from "../../../core/errors.js";
import { ourRandR } from "../../internal/random.js";
import type { SgdLoss } from "./losses.js";
import { WeightVector } from "./weight-vector.js";

/** Penalty codes as in scikit-learn. */
export const enum Penalty {
  None = 0,
  L1 = 1,
  L2 = 2,
  ElasticNet = 3,
}

/** Learning-rate schedule codes as in scikit-learn. */
export const enum Schedule {
  Constant = 1,
  Optimal = 2,
  InvScaling = 3,
  Adaptive = 4,
}

/** Everything one binary/regression SGD run needs. */
export interface SgdRun {
  /** Row-major samples. */
  X: Float64Array;
  nSamples: number;
  nFeatures: number;
  /** Targets (±1 for classification). */
  y: Float64Array;
  sampleWeight: Float64Array;
  /** Weights to update in place, and the starting intercept. */
  coef: Float64Array;
  intercept: number;
  /** Running average (with `average` > 0) and its intercept. */
  avgCoef: Float64Array | null;
  avgIntercept: number;
  loss: SgdLoss;
  penalty: Penalty;
  alpha: number;
  l1Ratio: number;
  /** True on validation samples, which the loop skips. */
  validationMask: Uint8Array;
  earlyStopping: boolean;
  /** Validation score for (raw weights, intercept); called once per epoch with early stopping. */
  validationScore: ((coef: Float64Array, intercept: number) => number) | null;
  nIterNoChange: number;
  maxIter: number;
  /** `-Infinity` disables the stopping rule. */
  tol: number;
  fitIntercept: boolean;
  shuffle: boolean;
  seed: number;
  weightPos: number;
  weightNeg: number;
  schedule: Schedule;
  eta0: number;
  powerT: number;
  /** Step counter carried across calls (`t_`). */
  t: number;
  intercept_decay: number;
  /** Start averaging after this many steps (0: no averaging). */
  average: number;
}

/** Result of {@link plainSgd}. */
export interface SgdResult {
  intercept: number;
  avgIntercept: number;
  nIter: number;
}

/** The initial `t` offset of the `optimal` schedule (Bottou's heuristic, as scikit-learn computes it). */
export function optimalInit(loss: SgdLoss, alpha: number): number {
  const typw = Math.sqrt(1 / Math.sqrt(alpha));
  const initialEta0 = typw / Math.max(1, loss.dloss(-typw, 1));
  return 1 / (initialEta0 * alpha);
}

const MAX_DLOSS = 1e12;

/** Runs up to `maxIter` epochs; `coef`/`avgCoef` are updated in place. */
export function plainSgd(r: SgdRun): SgdResult {
  const { X, nSamples: n, nFeatures: d, y, sampleWeight, loss, penalty, alpha, schedule } = r;
  const wv = new WeightVector(r.coef, r.avgCoef);
  const l1Ratio = penalty === Penalty.L2 ? 0 : penalty === Penalty.L1 ? 1 : r.l1Ratio;
  const useL1 = penalty === Penalty.L1 || penalty === Penalty.ElasticNet;
  const q = useL1 ? new Float64Array(d) : null;
  let u = 0;
  let eta = r.eta0;
  const optInit = schedule === Schedule.Optimal ? optimalInit(loss, alpha) : 0;
  let t = r.t;
  let intercept = r.intercept;
  let avgIntercept = r.avgIntercept;
  const index = new Int32Array(n);
  for (let i = 0; i < n; i++) index[i] = i;
  const seedState = new Uint32Array(1);
  let bestLoss = Infinity;
  let bestScore = -Infinity;
  let noImprovement = 0;
  let epoch = 0;
  const w = r.coef;
  for (; epoch < r.maxIter; epoch++) {
    let sumLoss = 0;
    if (r.shuffle) {
      // The seed is passed by value each epoch, so every epoch applies the same swaps to the
      // already shuffled order, exactly as scikit-learn's dataset does.
      seedState[0] = r.seed;
      for (let i = 0; i < n - 1; i++) {
        const j = i + (ourRandR(seedState) % (n - i));
        const tmp = index[i];
        index[i] = index[j];
        index[j] = tmp;
      }
    }
    for (let it = 0; it < n; it++) {
      const s = index[it];
      if (r.validationMask[s]) continue;
      const off = s * d;
      const yi = y[s];
      const p = wv.dot(X, off) + intercept;
      if (schedule === Schedule.Optimal) eta = 1 / (alpha * (optInit + t - 1));
      else if (schedule === Schedule.InvScaling) eta = r.eta0 / Math.pow(t, r.powerT);
      if (!r.earlyStopping) sumLoss += loss.loss(p, yi);
      const classWeight = yi > 0 ? r.weightPos : r.weightNeg;
      let dloss = loss.dloss(p, yi);
      if (dloss < -MAX_DLOSS) dloss = -MAX_DLOSS;
      else if (dloss > MAX_DLOSS) dloss = MAX_DLOSS;
      let update = -eta * dloss;
      update *= classWeight * sampleWeight[s];
      if (penalty >= Penalty.L2) wv.scale(Math.max(0, 1 - (1 - l1Ratio) * eta * alpha));
      if (update !== 0) {
        wv.add(X, off, update);
        if (r.fitIntercept) intercept += update * r.intercept_decay;
      }
      if (r.average > 0 && r.average <= t) {
        wv.addAverage(X, off, update, t - r.average + 1);
        avgIntercept += (intercept - avgIntercept) / (t - r.average + 1);
      }
      if (q) {
        u += l1Ratio * eta * alpha;
        const ws = wv.wscale;
        for (let j = 0; j < d; j++) {
          const z = w[j];
          if (ws * z > 0) w[j] = Math.max(0, w[j] - (u + q[j]) / ws);
          else if (ws * z < 0) w[j] = Math.min(0, w[j] + (u - q[j]) / ws);
          q[j] += ws * (w[j] - z);
        }
      }
      t += 1;
    }
    let finite = Number.isFinite(intercept);
    for (let j = 0; j < d && finite; j++) finite = Number.isFinite(w[j]);
    if (!finite) {
      throw new ValueError(
        `Floating-point under-/overflow occurred at epoch #${epoch + 1}. Scaling input data with StandardScaler or MinMaxScaler might help.`,
      );
    }
    if (r.earlyStopping && r.validationScore) {
      // scikit-learn scores the stored weights without their pending scale; kept for parity.
      const score = r.validationScore(w, intercept);
      if (r.tol > -Infinity && score < bestScore + r.tol) noImprovement++;
      else noImprovement = 0;
      if (score > bestScore) bestScore = score;
    } else {
      if (r.tol > -Infinity && sumLoss > bestLoss - r.tol * n) noImprovement++;
      else noImprovement = 0;
      if (sumLoss < bestLoss) bestLoss = sumLoss;
    }
    if (noImprovement >= r.nIterNoChange) {
      if (schedule === Schedule.Adaptive && eta > 1e-6) {
        eta /= 5;
        noImprovement = 0;
      } else {
        epoch++;
        break;
      }
    }
  }
  wv.resetScale();
  return { intercept, avgIntercept, nIter: Math.min(epoch, r.maxIter) };
}
