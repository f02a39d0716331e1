import type { Config } from "../common/config.js";
import type { FusedUpdate } from "./fused.js";
import { Optimizer, type DeviceUpdate, type OptimizerOptions, type StepArrays } from "./optimizer.js";

/** Options of `Adam` and `AdamW`. */
export interface AdamOptions extends OptimizerOptions {
  /** Decay of the gradient average (default 0.9). */
  beta1?: number;
  /** Decay of the squared-gradient average (default 0.999). */
  beta2?: number;
  /** Keras' "epsilon hat", added to `sqrt(v)` (default 1e-7). */
  epsilon?: number;
  /** Use the maximum of past squared-gradient averages (AMSGrad, default false). */
  amsgrad?: boolean;
}

/**
 * Adam, Keras' formula (Kingma & Ba's "epsilon hat" form, section 2): the bias corrections are
 * folded into the step size, `alpha = lr · sqrt(1 - beta2^t) / (1 - beta1^t)`, then
 * `m += (g - m)(1 - beta1)`, `v += (g² - v)(1 - beta2)`, `w -= alpha · m / (sqrt(v) + epsilon)`.
 * PyTorch divides by `sqrt(v̂) + epsilon` instead, which differs while epsilon matters.
 * Default learning rate 0.001.
 *
 * @example
 * ```ts
 * new keras.optimizers.Adam({ learningRate: 0.001, beta1: 0.9, beta2: 0.999 });
 * ```
 */
export class Adam extends Optimizer {
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;
  readonly amsgrad: boolean;

  constructor(opts: AdamOptions = {}) {
    super(opts, 0.001);
    this.beta1 = opts.beta1 ?? 0.9;
    this.beta2 = opts.beta2 ?? 0.999;
    this.epsilon = opts.epsilon ?? 1e-7;
    this.amsgrad = opts.amsgrad ?? false;
  }

  protected slotNames(): readonly string[] {
    return this.amsgrad ? ["m", "v", "vhat"] : ["m", "v"];
  }

  protected updateStep({ w, g, slots }: StepArrays, lr: number, t: number): void {
    const { beta1: b1, beta2: b2, epsilon: eps } = this;
    const alpha = (lr * Math.sqrt(1 - b2 ** t)) / (1 - b1 ** t);
    const [m, v, vhat] = slots;
    for (let i = 0; i < w.length; i++) {
      const gi = g[i];
      const mi = (m[i] += (gi - m[i]) * (1 - b1));
      let vi = (v[i] += (gi * gi - v[i]) * (1 - b2));
      if (vhat) vi = vhat[i] = Math.max(vhat[i], vi);
      w[i] -= (alpha * mi) / (Math.sqrt(vi) + eps);
    }
  }

  protected override deviceUpdate(lr: number, step: number): DeviceUpdate | null {
    if (this.amsgrad) return null;
    const { beta1, beta2, epsilon } = this;
    return { op: "applyAdam", attrs: { lr, beta1, beta2, epsilon, step, weightDecay: 0 } };
  }

  protected override fusedUpdate(lr: number, t: number, decay: number): FusedUpdate | undefined {
    // A subclass with its own update rule keeps it.
    if (this.updateStep !== Adam.prototype.updateStep) return undefined;
    const { beta1: b1, beta2: b2, epsilon: eps } = this;
    const alpha = (lr * Math.sqrt(1 - b2 ** t)) / (1 - b1 ** t);
    return { kind: "adam", hyper: [alpha, decay, b1, b2, eps, this.amsgrad ? 1 : 0] };
  }

  override getConfig(): Config {
    const { beta1, beta2, epsilon, amsgrad } = this;
    return { ...super.getConfig(), beta1, beta2, epsilon, amsgrad };
  }
}

/**
 * Adam with decoupled weight decay (Loshchilov & Hutter), as Keras does it: `w -= w · weightDecay
 * · lr` before each Adam update. Default `weightDecay` 0.004, learning rate 0.001.
 *
 * @example
 * ```ts
 * new keras.optimizers.AdamW({ learningRate: 0.001, weightDecay: 0.004 });
 * ```
 */
export class AdamW extends Adam {
  constructor(opts: AdamOptions = {}) {
    super({ ...opts, weightDecay: opts.weightDecay ?? 0.004 });
  }
}
