import type { Config } from "../common/config.js";
import type { FusedUpdate } from "./fused.js";
import { Optimizer, type DeviceUpdate, type OptimizerOptions, type StepArrays } from "./optimizer.js";

/** Options of `SGD`. */
export interface SGDOptions extends OptimizerOptions {
  /** Velocity decay (default 0: plain gradient descent). */
  momentum?: number;
  /** Nesterov's look-ahead momentum (default false). */
  nesterov?: boolean;
}

/**
 * Gradient descent with optional (Nesterov) momentum, Keras' formula:
 * `v = momentum · v - lr · g`, then `w += v` (or `w += momentum · v - lr · g` with Nesterov);
 * without momentum `w -= lr · g`. Default learning rate 0.01.
 *
 * @example
 * ```ts
 * new keras.optimizers.SGD({ learningRate: 0.001, momentum: 0.9, nesterov: true });
 * ```
 */
export class SGD extends Optimizer {
  readonly momentum: number;
  readonly nesterov: boolean;

  constructor(opts: SGDOptions = {}) {
    super(opts, 0.01);
    this.momentum = opts.momentum ?? 0;
    if (!(this.momentum >= 0 && this.momentum <= 1)) {
      throw new RangeError(`momentum must be between [0, 1], got ${this.momentum}`);
    }
    this.nesterov = opts.nesterov ?? false;
  }

  protected slotNames(): readonly string[] {
    return this.momentum > 0 ? ["momentum"] : [];
  }

  protected updateStep({ w, g, slots }: StepArrays, lr: number): void {
    const mu = this.momentum;
    if (mu === 0) {
      for (let i = 0; i < w.length; i++) w[i] -= lr * g[i];
      return;
    }
    const v = slots[0];
    for (let i = 0; i < w.length; i++) {
      const vi = (v[i] = mu * v[i] - lr * g[i]);
      w[i] += this.nesterov ? mu * vi - lr * g[i] : vi;
    }
  }

  protected override deviceUpdate(lr: number): DeviceUpdate {
    const { momentum, nesterov } = this;
    return { op: "applySgd", attrs: { lr, momentum, nesterov, weightDecay: 0 } };
  }

  protected override fusedUpdate(lr: number, _step: number, decay: number): FusedUpdate | undefined {
    // A subclass with its own update rule keeps it.
    if (this.updateStep !== SGD.prototype.updateStep) return undefined;
    if (this.momentum === 0) return { kind: "sgd", hyper: [lr, decay] };
    return { kind: "momentum", hyper: [lr, decay, this.momentum, this.nesterov ? 1 : 0] };
  }

  override getConfig(): Config {
    return { ...super.getConfig(), momentum: this.momentum, nesterov: this.nesterov };
  }
}
