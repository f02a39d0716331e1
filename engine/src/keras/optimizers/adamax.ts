import type { Config } from "../common/config.js";
import { Optimizer, type OptimizerOptions, type StepArrays } from "./optimizer.js";

/** Options of `Adamax`. */
export interface AdamaxOptions extends OptimizerOptions {
  beta1?: number;
  beta2?: number;
  epsilon?: number;
}

/**
 * Adamax (Adam with the infinity norm), Keras' formula: `m += (g - m)(1 - beta1)`,
 * `u = max(beta2 · u, |g|)`, `w -= lr · m / ((1 - beta1^t)(u + epsilon))`. Default learning
 * rate 0.001.
 *
 * @example
 * ```ts
 * new keras.optimizers.Adamax({ learningRate: 0.001 });
 * ```
 */
export class Adamax extends Optimizer {
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;

  constructor(opts: AdamaxOptions = {}) {
    super(opts, 0.001);
    this.beta1 = opts.beta1 ?? 0.9;
    this.beta2 = opts.beta2 ?? 0.999;
    this.epsilon = opts.epsilon ?? 1e-7;
  }

  protected slotNames(): readonly string[] {
    return ["m", "u"];
  }

  protected updateStep({ w, g, slots: [m, u] }: StepArrays, lr: number, t: number): void {
    const { beta1: b1, beta2: b2, epsilon: eps } = this;
    const c = 1 - b1 ** t;
    for (let i = 0; i < w.length; i++) {
      const gi = g[i];
      const mi = (m[i] += (gi - m[i]) * (1 - b1));
      const ui = (u[i] = Math.max(b2 * u[i], Math.abs(gi)));
      w[i] -= (lr * mi) / (c * (ui + eps));
    }
  }

  override getConfig(): Config {
    const { beta1, beta2, epsilon } = this;
    return { ...super.getConfig(), beta1, beta2, epsilon };
  }
}
