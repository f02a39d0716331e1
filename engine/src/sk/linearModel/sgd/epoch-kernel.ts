/**
 * The hook through which a backend (the native addon) takes over the per-sample loop of one
 * SGD epoch. `plain-sgd.ts` fills the arguments; the layouts of `params` and `state` below are
 * shared with native/src/bind/solvers.cc.
 */
import { hookSlot } from "../../../core/hook-slot.js";

/** Slots of {@link SgdEpochArgs.params}. */
export const enum SgdParam {
  Loss = 0,
  LossParam = 1,
  Penalty = 2,
  Alpha = 3,
  L1Ratio = 4,
  Schedule = 5,
  Eta0 = 6,
  PowerT = 7,
  OptimalInit = 8,
  WeightPos = 9,
  WeightNeg = 10,
  FitIntercept = 11,
  InterceptDecay = 12,
  Average = 13,
  SumLoss = 14,
  Count = 15,
}

/** Slots of {@link SgdEpochArgs.state}: what carries from one sample and epoch to the next. */
export const enum SgdSlot {
  Wscale = 0,
  Intercept = 1,
  T = 2,
  Eta = 3,
  /** Accumulated l1 penalty of the truncated gradient. */
  U = 4,
  AverageA = 5,
  AverageB = 6,
  AvgIntercept = 7,
  Count = 8,
}

/** One epoch's data, weights and settings. */
export interface SgdEpochArgs {
  /** Row-major samples, `d` per row. */
  X: Float64Array;
  d: number;
  /** Rows in visiting order. */
  order: Int32Array;
  y: Float64Array;
  sampleWeight: Float64Array;
  /** Non-zero on validation rows, which are not trained on. */
  skip: Uint8Array;
  /** Weights without their scale (`state[Wscale]`), updated in place. */
  w: Float64Array;
  /** Averaged weights (null without averaging). */
  aw: Float64Array | null;
  /** Truncated-gradient l1 state (null without an l1 part). */
  q: Float64Array | null;
  params: Float64Array;
  state: Float64Array;
}

/** Runs one epoch and returns the summed loss, or undefined to leave it to TypeScript. */
export type SgdEpochKernel = (args: SgdEpochArgs) => number | undefined;

const slot = hookSlot<SgdEpochKernel>();

/** Installs (or with undefined removes) the backend's epoch loop; returns the previous one. */
export const setSgdEpochKernel = slot.set;

/** The installed epoch loop, if any. */
export const sgdEpochKernel = slot.get;
