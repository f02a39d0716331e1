import type { Config } from "../common/config.js";
import { Optimizer, type OptimizerOptions, type StepArrays, type DeviceUpdate } from "./optimizer.js";

/** Options of `Adagrad`. */
export interface AdagradOptions extends OptimizerOptions {
  /** Starting value of the squared-gradient sums (default 0.1). */
  initialAccumulatorValue?: number;
  /** Added under the square root (default 1e-7). */
  epsilon?: number;
}

/**
 * Adagrad, Keras' formula: `acc += g²`, `w -= lr · g / sqrt(acc + epsilon)` (epsilon inside the
 * root; PyTorch adds it outside). Default learning rate 0.001, accumulators start at 0.1.
 *
 * @example
 * ```ts
 * new keras.optimizers.Adagrad({ learningRate: 0.001 });
 * ```
 */
export class Adagrad extends Optimizer {
  readonly initialAccumulatorValue: number;
  readonly epsilon: number;

  constructor(opts: AdagradOptions = {}) {
    super(opts, 0.001);
    this.initialAccumulatorValue = opts.initialAccumulatorValue ?? 0.1;
    this.epsilon = opts.epsilon ?? 1e-7;
  }

  protected slotNames(): readonly string[] {
    return ["accumulator"];
  }

  protected override slotInitialValue(): number {
    return this.initialAccumulatorValue;
  }

  protected updateStep({ w, g, slots: [acc] }: StepArrays, lr: number): void {
    const eps = this.epsilon;
    for (let i = 0; i < w.length; i++) {
      const a = (acc[i] += g[i] * g[i]);
      w[i] -= (lr * g[i]) / Math.sqrt(a + eps);
    }
  }

  protected override deviceUpdate(lr: number): DeviceUpdate {
    return { op: "applyAdagrad", attrs: { lr, epsilon: this.epsilon, weightDecay: 0 } };
  }

  override getConfig(): Config {
    return {
      ...super.getConfig(),
      initialAccumulatorValue: this.initialAccumulatorValue,
      epsilon: this.epsilon,
    };
  }
}
