/**
 * The SGD epoch loop of scikit-learn (`_plain_sgd`) for dense data: per sample, a prediction, a
 * step of `-eta·dloss` scaled by class and sample weights, the L2 shrink through the weight
 * vector's scale, optional averaging, and the truncated-gradient L1 penalty (Tsuruoka et al.).
 * After each epoch it stops when the training loss (or the validation score) has not improved by
 * `tol` for `nIterNoChange` epochs; `adaptive` divides eta by 5 instead, until it drops under 1e-6.
 * Samples are shuffled with scikit-learn's xorshift from the seed scikit-learn would draw.
 * The per-sample loop of an epoch runs in the native addon when it is loaded (the same
 * arithmetic in the same order; see epoch-kernel.ts), else in {@link sgdEpochJs}.
 */
import { ValueError } from "../../../core/errors.js";
import { ourRandR } from "../../internal/random.js";
import { SgdParam, SgdSlot, sgdEpochKernel, type SgdEpochArgs } from "./epoch-kernel.js";
import { lossOfCode, type SgdLoss } from "./losses.js";
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
  const { nSamples: n, nFeatures: d, loss, penalty, alpha, schedule } = r;
  const l1Ratio = penalty === Penalty.L2 ? 0 : penalty === Penalty.L1 ? 1 : r.l1Ratio;
  const useL1 = penalty === Penalty.L1 || penalty === Penalty.ElasticNet;
  const params = new Float64Array(SgdParam.Count);
  params[SgdParam.Loss] = loss.code;
  params[SgdParam.LossParam] = loss.param;
  params[SgdParam.Penalty] = penalty;
  params[SgdParam.Alpha] = alpha;
  params[SgdParam.L1Ratio] = l1Ratio;
  params[SgdParam.Schedule] = schedule;
  params[SgdParam.Eta0] = r.eta0;
  params[SgdParam.PowerT] = r.powerT;
  params[SgdParam.OptimalInit] = schedule === Schedule.Optimal ? optimalInit(loss, alpha) : 0;
  params[SgdParam.WeightPos] = r.weightPos;
  params[SgdParam.WeightNeg] = r.weightNeg;
  params[SgdParam.FitIntercept] = r.fitIntercept ? 1 : 0;
  params[SgdParam.InterceptDecay] = r.intercept_decay;
  params[SgdParam.Average] = r.average;
  params[SgdParam.SumLoss] = r.earlyStopping ? 0 : 1;
  const state = new Float64Array(SgdSlot.Count);
  state[SgdSlot.Wscale] = 1;
  state[SgdSlot.Intercept] = r.intercept;
  state[SgdSlot.T] = r.t;
  state[SgdSlot.Eta] = r.eta0;
  state[SgdSlot.AverageB] = 1;
  state[SgdSlot.AvgIntercept] = r.avgIntercept;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const args: SgdEpochArgs = {
    X: r.X,
    d,
    order,
    y: r.y,
    sampleWeight: r.sampleWeight,
    skip: r.validationMask,
    w: r.coef,
    aw: r.average > 0 ? r.avgCoef : null,
    q: useL1 ? new Float64Array(d) : null,
    params,
    state,
  };
  const seedState = new Uint32Array(1);
  let bestLoss = Infinity;
  let bestScore = -Infinity;
  let noImprovement = 0;
  let epoch = 0;
  const w = r.coef;
  for (; epoch < r.maxIter; epoch++) {
    if (r.shuffle) {
      // The seed is passed by value each epoch, so every epoch applies the same swaps to the
      // already shuffled order, exactly as scikit-learn's dataset does.
      seedState[0] = r.seed;
      for (let i = 0; i < n - 1; i++) {
        const j = i + (ourRandR(seedState) % (n - i));
        const tmp = order[i];
        order[i] = order[j];
        order[j] = tmp;
      }
    }
    const sumLoss = sgdEpochKernel()?.(args) ?? sgdEpochJs(args);
    const intercept = state[SgdSlot.Intercept];
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
      if (schedule === Schedule.Adaptive && state[SgdSlot.Eta] > 1e-6) {
        state[SgdSlot.Eta] /= 5;
        noImprovement = 0;
      } else {
        epoch++;
        break;
      }
    }
  }
  weightsOf(args).resetScale();
  return {
    intercept: state[SgdSlot.Intercept],
    avgIntercept: state[SgdSlot.AvgIntercept],
    nIter: Math.min(epoch, r.maxIter),
  };
}

// The weight vector with the scale and lazy average carried in `state`.
function weightsOf(a: SgdEpochArgs): WeightVector & { save(): void } {
  const wv = new WeightVector(a.w, a.aw);
  const s = a.state;
  wv.wscale = s[SgdSlot.Wscale];
  wv.averageA = s[SgdSlot.AverageA];
  wv.averageB = s[SgdSlot.AverageB];
  return Object.assign(wv, {
    save(): void {
      s[SgdSlot.Wscale] = wv.wscale;
      s[SgdSlot.AverageA] = wv.averageA;
      s[SgdSlot.AverageB] = wv.averageB;
    },
  });
}

/**
 * The per-sample loop of one epoch in TypeScript (scikit-learn's `_plain_sgd` body): returns
 * the summed loss and leaves the weights, `state` and the l1 state `q` updated.
 */
export function sgdEpochJs(a: SgdEpochArgs): number {
  const { X, d, order, y, sampleWeight, skip, params: p, state: st, q } = a;
  const loss = lossOfCode(p[SgdParam.Loss], p[SgdParam.LossParam]);
  const penalty = p[SgdParam.Penalty] as Penalty;
  const schedule = p[SgdParam.Schedule] as Schedule;
  const alpha = p[SgdParam.Alpha];
  const l1Ratio = p[SgdParam.L1Ratio];
  const eta0 = p[SgdParam.Eta0];
  const powerT = p[SgdParam.PowerT];
  const optInit = p[SgdParam.OptimalInit];
  const fitIntercept = p[SgdParam.FitIntercept] !== 0;
  const interceptDecay = p[SgdParam.InterceptDecay];
  const average = p[SgdParam.Average];
  const sumLosses = p[SgdParam.SumLoss] !== 0;
  const l1 = penalty === Penalty.L1 || penalty === Penalty.ElasticNet ? q : null;
  const wv = weightsOf(a);
  const w = a.w;
  let intercept = st[SgdSlot.Intercept];
  let avgIntercept = st[SgdSlot.AvgIntercept];
  let t = st[SgdSlot.T];
  let eta = st[SgdSlot.Eta];
  let u = st[SgdSlot.U];
  let sumLoss = 0;
  for (let it = 0; it < order.length; it++) {
    const s = order[it];
    if (skip[s]) continue;
    const off = s * d;
    const yi = y[s];
    const pred = wv.dot(X, off) + intercept;
    if (schedule === Schedule.Optimal) eta = 1 / (alpha * (optInit + t - 1));
    else if (schedule === Schedule.InvScaling) eta = eta0 / Math.pow(t, powerT);
    if (sumLosses) sumLoss += loss.loss(pred, yi);
    const classWeight = yi > 0 ? p[SgdParam.WeightPos] : p[SgdParam.WeightNeg];
    let dloss = loss.dloss(pred, yi);
    if (dloss < -MAX_DLOSS) dloss = -MAX_DLOSS;
    else if (dloss > MAX_DLOSS) dloss = MAX_DLOSS;
    let update = -eta * dloss;
    update *= classWeight * sampleWeight[s];
    if (penalty >= Penalty.L2) wv.scale(Math.max(0, 1 - (1 - l1Ratio) * eta * alpha));
    if (update !== 0) {
      wv.add(X, off, update);
      if (fitIntercept) intercept += update * interceptDecay;
    }
    if (average > 0 && average <= t) {
      wv.addAverage(X, off, update, t - average + 1);
      avgIntercept += (intercept - avgIntercept) / (t - average + 1);
    }
    if (l1) {
      u += l1Ratio * eta * alpha;
      const ws = wv.wscale;
      for (let j = 0; j < d; j++) {
        const z = w[j];
        if (ws * z > 0) w[j] = Math.max(0, w[j] - (u + l1[j]) / ws);
        else if (ws * z < 0) w[j] = Math.min(0, w[j] + (u - l1[j]) / ws);
        l1[j] += ws * (w[j] - z);
      }
    }
    t += 1;
  }
  wv.save();
  st[SgdSlot.Intercept] = intercept;
  st[SgdSlot.AvgIntercept] = avgIntercept;
  st[SgdSlot.T] = t;
  st[SgdSlot.Eta] = eta;
  st[SgdSlot.U] = u;
  return sumLoss;
}
