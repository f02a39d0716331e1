/**
 * `keras.optimizers.schedules`: learning rates that change with the optimizer's step.
 *
 * @example
 * ```ts
 * const lr = new keras.optimizers.schedules.ExponentialDecay(0.01, 20 * 1719, 0.1);
 * const optimizer = new keras.optimizers.SGD({ learningRate: lr });
 * ```
 */
import type { Config, Serialized } from "../common/config.js";
import { resolve, type Identifier, type ModuleSpec } from "../common/resolve.js";
import { serializeObject, type CustomObjects } from "../common/registry.js";
import {
  ExponentialDecay,
  InverseTimeDecay,
  PiecewiseConstantDecay,
  PolynomialDecay,
  type ExponentialDecayOptions,
  type InverseTimeDecayOptions,
  type PiecewiseConstantDecayOptions,
  type PolynomialDecayOptions,
} from "./decay.js";
import { LearningRateSchedule, isSchedule } from "./schedule.js";

export {
  LearningRateSchedule,
  ExponentialDecay,
  InverseTimeDecay,
  PiecewiseConstantDecay,
  PolynomialDecay,
  type ExponentialDecayOptions,
  type InverseTimeDecayOptions,
  type PiecewiseConstantDecayOptions,
  type PolynomialDecayOptions,
};

const spec: ModuleSpec<LearningRateSchedule> = {
  what: "learning rate schedule",
  module: "keras.optimizers.schedules",
  is: isSchedule,
  names: {},
  classes: {
    ExponentialDecay: (c: Config) => new ExponentialDecay(c as unknown as ExponentialDecayOptions),
    InverseTimeDecay: (c: Config) => new InverseTimeDecay(c as unknown as InverseTimeDecayOptions),
    PiecewiseConstantDecay: (c: Config) =>
      new PiecewiseConstantDecay(c as unknown as PiecewiseConstantDecayOptions),
    PolynomialDecay: (c: Config) => new PolynomialDecay(c as unknown as PolynomialDecayOptions),
  },
};

/** `{ className, config }` of a schedule. @example `serialize(schedule)` */
export function serialize(s: LearningRateSchedule): Serialized {
  return serializeObject(s);
}

/** Rebuilds a schedule from `serialize`'s output. @example `deserialize(saved, { MySchedule })` */
export function deserialize(s: Serialized, customObjects?: CustomObjects): LearningRateSchedule {
  return resolve(spec, s, customObjects);
}

/** A schedule from a schedule or a saved envelope. @example `get(saved)` */
export function get(
  id: Identifier<LearningRateSchedule>,
  customObjects?: CustomObjects,
): LearningRateSchedule {
  return resolve(spec, id, customObjects);
}
