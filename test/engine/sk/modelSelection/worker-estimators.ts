/**
 * User estimators registered with the module that defines them, so that `nJobs` workers can
 * import this file and rebuild them (see n-jobs.test.ts).
 */
import { threadId } from "node:worker_threads";
import type { Tensor } from "../../../../engine/src/index.js";
import { np, sk } from "../../../../engine/src/index.js";

/** Predicts the mean of y shifted by `offset`; records the thread it was fitted on. */
export class ShiftedMeanRegressor extends sk.RegressorMixin {
  static defaults = { offset: 0, failOn: null as number | null };
  declare offset: number;
  /** Fitting with this offset throws (to test how worker errors surface). */
  declare failOn: number | null;
  mean_?: number;
  thread_?: number;
  constructor(options: { offset?: number; failOn?: number | null } = {}) {
    super(options);
  }
  fit(X: sk.ArrayInput, y: sk.TargetInput): this {
    if (this.failOn !== null && this.offset === this.failOn) {
      throw new sk.InvalidParameterError(`ShiftedMeanRegressor refuses offset ${this.offset} (failOn)`);
    }
    this.validateData(X, { reset: true });
    this.mean_ = ((sk.checkTarget(y).mean() as unknown as Tensor).item() as number) + this.offset;
    this.thread_ = threadId;
    return this;
  }
  predict(X: sk.ArrayInput): Tensor {
    sk.checkIsFitted(this);
    return np.full([this.validateData(X).shape[0]], this.mean_ as number);
  }
}
sk.registerEstimator(ShiftedMeanRegressor, { module: import.meta.url });
