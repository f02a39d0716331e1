import type { Config } from "../common/config.js";

/**
 * A learning rate that depends on the optimizer's step (`keras.optimizers.schedules.
 * LearningRateSchedule`). Pass one as `learningRate`; the optimizer calls `call(iterations)`
 * before each update. Subclass it for a custom schedule.
 *
 * @example
 * ```ts
 * class Halving extends keras.optimizers.schedules.LearningRateSchedule {
 *   call(step: number) { return 0.01 * 0.5 ** Math.floor(step / 1000); }
 *   getConfig() { return {}; }
 * }
 * new keras.optimizers.SGD({ learningRate: new Halving() });
 * ```
 */
export abstract class LearningRateSchedule {
  /** The learning rate at `step` (Python's `schedule(step)`). */
  abstract call(step: number): number;

  /** The constructor options that rebuild this schedule. */
  abstract getConfig(): Config;

  /** Rebuilds a schedule from its config. @example `ExponentialDecay.fromConfig(s.getConfig())` */
  static fromConfig<T extends LearningRateSchedule>(this: new (c: Config) => T, config: Config): T {
    return new this(config);
  }
}

/** Whether a value is a learning-rate schedule. */
export function isSchedule(x: unknown): x is LearningRateSchedule {
  return x instanceof LearningRateSchedule;
}
