import type { Config } from "../common/config.js";
import { LearningRateSchedule } from "./schedule.js";

// Keras' built-in schedules, with Keras' formulas; `step` is the optimizer's iteration count
// before the update (0 for the first batch).

function positive(name: string, v: number): number {
  if (!(v > 0)) throw new RangeError(`${name} must be positive, got ${v}`);
  return v;
}

/** Options of `ExponentialDecay`. */
export interface ExponentialDecayOptions {
  initialLearningRate: number;
  decaySteps: number;
  decayRate: number;
  /** Decay in whole steps of `decaySteps` (a staircase) instead of continuously. */
  staircase?: boolean;
}

/**
 * `initialLearningRate · decayRate^(step / decaySteps)` (the quotient floored when `staircase`).
 *
 * @example
 * ```ts
 * const s = new keras.optimizers.schedules.ExponentialDecay(0.01, 20 * 1719, 0.1);
 * new keras.optimizers.SGD({ learningRate: s });
 * ```
 */
export class ExponentialDecay extends LearningRateSchedule {
  readonly initialLearningRate: number;
  readonly decaySteps: number;
  readonly decayRate: number;
  readonly staircase: boolean;

  constructor(
    initialLearningRate: number | ExponentialDecayOptions,
    decaySteps?: number,
    decayRate?: number,
    opts: { staircase?: boolean } = {},
  ) {
    super();
    const o: ExponentialDecayOptions =
      typeof initialLearningRate === "object"
        ? initialLearningRate
        : { initialLearningRate, decaySteps: decaySteps ?? NaN, decayRate: decayRate ?? NaN, ...opts };
    this.initialLearningRate = o.initialLearningRate;
    this.decaySteps = positive("decaySteps", o.decaySteps);
    this.decayRate = o.decayRate;
    this.staircase = o.staircase ?? false;
  }

  call(step: number): number {
    const p = step / this.decaySteps;
    return this.initialLearningRate * this.decayRate ** (this.staircase ? Math.floor(p) : p);
  }

  getConfig(): Config {
    const { initialLearningRate, decaySteps, decayRate, staircase } = this;
    return { initialLearningRate, decaySteps, decayRate, staircase };
  }
}

/** Options of `InverseTimeDecay`. */
export type InverseTimeDecayOptions = ExponentialDecayOptions;

/**
 * `initialLearningRate / (1 + decayRate · step / decaySteps)` (the quotient floored when
 * `staircase`): the book's power scheduling.
 *
 * @example
 * ```ts
 * new keras.optimizers.schedules.InverseTimeDecay(0.01, 10000, 1);
 * ```
 */
export class InverseTimeDecay extends LearningRateSchedule {
  readonly initialLearningRate: number;
  readonly decaySteps: number;
  readonly decayRate: number;
  readonly staircase: boolean;

  constructor(
    initialLearningRate: number | InverseTimeDecayOptions,
    decaySteps?: number,
    decayRate?: number,
    opts: { staircase?: boolean } = {},
  ) {
    super();
    const o: InverseTimeDecayOptions =
      typeof initialLearningRate === "object"
        ? initialLearningRate
        : { initialLearningRate, decaySteps: decaySteps ?? NaN, decayRate: decayRate ?? NaN, ...opts };
    this.initialLearningRate = o.initialLearningRate;
    this.decaySteps = positive("decaySteps", o.decaySteps);
    this.decayRate = o.decayRate;
    this.staircase = o.staircase ?? false;
  }

  call(step: number): number {
    const p = step / this.decaySteps;
    return this.initialLearningRate / (1 + this.decayRate * (this.staircase ? Math.floor(p) : p));
  }

  getConfig(): Config {
    const { initialLearningRate, decaySteps, decayRate, staircase } = this;
    return { initialLearningRate, decaySteps, decayRate, staircase };
  }
}

/** Options of `PiecewiseConstantDecay`. */
export interface PiecewiseConstantDecayOptions {
  boundaries: readonly number[];
  values: readonly number[];
}

/**
 * `values[0]` up to and including step `boundaries[0]`, `values[1]` up to `boundaries[1]`, ...,
 * and the last value after the last boundary.
 *
 * @example
 * ```ts
 * new keras.optimizers.schedules.PiecewiseConstantDecay([5 * 1719, 15 * 1719], [0.01, 0.005, 0.001]);
 * ```
 */
export class PiecewiseConstantDecay extends LearningRateSchedule {
  readonly boundaries: readonly number[];
  readonly values: readonly number[];

  constructor(boundaries: readonly number[] | PiecewiseConstantDecayOptions, values?: readonly number[]) {
    super();
    const o = Array.isArray(boundaries)
      ? { boundaries: boundaries as readonly number[], values: values ?? [] }
      : (boundaries as PiecewiseConstantDecayOptions);
    if (o.values.length !== o.boundaries.length + 1) {
      throw new RangeError(
        `The length of boundaries should be 1 less than the length of values: got ${o.boundaries.length} boundaries and ${o.values.length} values`,
      );
    }
    this.boundaries = [...o.boundaries];
    this.values = [...o.values];
  }

  call(step: number): number {
    for (let i = 0; i < this.boundaries.length; i++) if (step <= this.boundaries[i]) return this.values[i];
    return this.values[this.values.length - 1];
  }

  getConfig(): Config {
    return { boundaries: [...this.boundaries], values: [...this.values] };
  }
}

/** Options of `PolynomialDecay`. */
export interface PolynomialDecayOptions {
  initialLearningRate: number;
  decaySteps: number;
  /** The rate reached at `decaySteps` (default 0.0001). */
  endLearningRate?: number;
  /** The polynomial's power (default 1: linear). */
  power?: number;
  /** Restart the decay every `decaySteps`, from a further multiple (default false). */
  cycle?: boolean;
}

/**
 * `(initial - end) · (1 - step / decaySteps)^power + end`, with `step` held at `decaySteps`
 * afterwards (or, with `cycle`, `decaySteps` stretched to the next multiple above `step`).
 *
 * @example
 * ```ts
 * const epsilonFn = new keras.optimizers.schedules.PolynomialDecay(1.0, 250000 / 4, 0.01);
 * epsilonFn.call(1000);
 * ```
 */
export class PolynomialDecay extends LearningRateSchedule {
  readonly initialLearningRate: number;
  readonly decaySteps: number;
  readonly endLearningRate: number;
  readonly power: number;
  readonly cycle: boolean;

  constructor(
    initialLearningRate: number | PolynomialDecayOptions,
    decaySteps?: number,
    endLearningRate?: number,
    opts: { power?: number; cycle?: boolean } = {},
  ) {
    super();
    const o: PolynomialDecayOptions =
      typeof initialLearningRate === "object"
        ? initialLearningRate
        : { initialLearningRate, decaySteps: decaySteps ?? NaN, endLearningRate, ...opts };
    this.initialLearningRate = o.initialLearningRate;
    this.decaySteps = positive("decaySteps", o.decaySteps);
    this.endLearningRate = o.endLearningRate ?? 0.0001;
    this.power = o.power ?? 1;
    this.cycle = o.cycle ?? false;
  }

  call(step: number): number {
    let steps = this.decaySteps;
    let p = step;
    if (this.cycle) steps = steps * (step === 0 ? 1 : Math.ceil(step / steps));
    else p = Math.min(step, steps);
    const frac = 1 - p / steps;
    return (this.initialLearningRate - this.endLearningRate) * frac ** this.power + this.endLearningRate;
  }

  getConfig(): Config {
    const { initialLearningRate, decaySteps, endLearningRate, power, cycle } = this;
    return { initialLearningRate, decaySteps, endLearningRate, power, cycle };
  }
}
