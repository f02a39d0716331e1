import type { Config } from "../common/config.js";
import { Optimizer, type OptimizerOptions, type StepArrays, type DeviceUpdate } from "./optimizer.js";

/** Options of `RMSprop`. */
export interface RMSpropOptions extends OptimizerOptions {
  /** Decay of the squared-gradient average (default 0.9). */
  rho?: number;
  /** Momentum of the increments (default 0). */
  momentum?: number;
  /** Added under the square root (default 1e-7). */
  epsilon?: number;
  /** Divide by the gradient's variance instead of its second moment (default false). */
  centered?: boolean;
}

/**
 * RMSprop, Keras' formula: `ms = rho · ms + (1 - rho) · g²`; the increment is
 * `lr · g / sqrt(ms + epsilon)` (with `centered`, `sqrt(ms - mg² + epsilon)` where `mg` is the
 * average gradient); with momentum `mom = momentum · mom + increment`, `w -= mom`, else
 * `w -= increment`. Epsilon sits inside the root (PyTorch adds it outside). Default learning
 * rate 0.001.
 *
 * @example
 * ```ts
 * new keras.optimizers.RMSprop({ learningRate: 0.001, rho: 0.9 });
 * ```
 */
export class RMSprop extends Optimizer {
  readonly rho: number;
  readonly momentum: number;
  readonly epsilon: number;
  readonly centered: boolean;

  constructor(opts: RMSpropOptions = {}) {
    super(opts, 0.001);
    this.rho = opts.rho ?? 0.9;
    this.momentum = opts.momentum ?? 0;
    this.epsilon = opts.epsilon ?? 1e-7;
    this.centered = opts.centered ?? false;
  }

  protected slotNames(): readonly string[] {
    return [
      "velocity",
      ...(this.momentum > 0 ? ["momentum"] : []),
      ...(this.centered ? ["average_gradient"] : []),
    ];
  }

  protected updateStep({ w, g, slots }: StepArrays, lr: number): void {
    const { rho, epsilon: eps, momentum: mu } = this;
    const ms = slots[0];
    const mom = mu > 0 ? slots[1] : null;
    const mg = this.centered ? slots[mu > 0 ? 2 : 1] : null;
    for (let i = 0; i < w.length; i++) {
      const gi = g[i];
      const v = (ms[i] = rho * ms[i] + (1 - rho) * gi * gi);
      let denom = v + eps;
      if (mg) {
        const a = (mg[i] = rho * mg[i] + (1 - rho) * gi);
        denom -= a * a;
      }
      const inc = (lr * gi) / Math.sqrt(denom);
      if (mom) w[i] -= mom[i] = mu * mom[i] + inc;
      else w[i] -= inc;
    }
  }

  protected override deviceUpdate(lr: number): DeviceUpdate {
    const { rho, momentum, epsilon, centered } = this;
    return { op: "applyRmsprop", attrs: { lr, rho, momentum, epsilon, centered, weightDecay: 0 } };
  }

  override getConfig(): Config {
    const { rho, momentum, epsilon, centered } = this;
    return { ...super.getConfig(), rho, momentum, epsilon, centered };
  }
}
