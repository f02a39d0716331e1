import type { Variable } from "../../autodiff/variable.js";
import type { Config } from "../common/config.js";
import { Optimizer, type OptimizerOptions, type StepArrays } from "./optimizer.js";

/** Options of `Nadam`. */
export interface NadamOptions extends OptimizerOptions {
  beta1?: number;
  beta2?: number;
  epsilon?: number;
}

/**
 * Nadam (Adam with Nesterov momentum, Dozat 2016), Keras' formula with the momentum schedule
 * `u_t = beta1 (1 - 0.5 · 0.96^(0.004 t))` and its running product `Π u`:
 * `m̂ = u_{t+1} m / (1 - Π u · u_{t+1}) + (1 - u_t) g / (1 - Π u)`, `v̂ = v / (1 - beta2^t)`,
 * `w -= lr · m̂ / (sqrt(v̂) + epsilon)` (PyTorch's `NAdam` is the same). Default learning rate
 * 0.001.
 *
 * @example
 * ```ts
 * new keras.optimizers.Nadam({ learningRate: 0.001, beta1: 0.9, beta2: 0.999 });
 * ```
 */
export class Nadam extends Optimizer {
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;
  // The running product of the momentum schedule, saved with the optimizer's state.
  readonly #uProduct: Variable;
  #u = { t: 0, t1: 0, product: 1 };

  constructor(opts: NadamOptions = {}) {
    super(opts, 0.001);
    this.beta1 = opts.beta1 ?? 0.9;
    this.beta2 = opts.beta2 ?? 0.999;
    this.epsilon = opts.epsilon ?? 1e-7;
    this.#uProduct = this.addOptimizerVariable("u_product", 1);
  }

  protected slotNames(): readonly string[] {
    return ["m", "v"];
  }

  private schedule(t: number): number {
    return this.beta1 * (1 - 0.5 * 0.96 ** (0.004 * t));
  }

  protected override beforeStep(t: number): void {
    const ut = this.schedule(t);
    const product = (this.#uProduct.item() as number) * ut;
    this.#uProduct.assign(product);
    this.#u = { t: ut, t1: this.schedule(t + 1), product };
  }

  protected updateStep({ w, g, slots: [m, v] }: StepArrays, lr: number, t: number): void {
    const { beta1: b1, beta2: b2, epsilon: eps } = this;
    const { t: ut, t1: ut1, product } = this.#u;
    const cm = ut1 / (1 - product * ut1);
    const cg = (1 - ut) / (1 - product);
    const cv = 1 / (1 - b2 ** t);
    for (let i = 0; i < w.length; i++) {
      const gi = g[i];
      const mi = (m[i] += (gi - m[i]) * (1 - b1));
      const vi = (v[i] += (gi * gi - v[i]) * (1 - b2));
      w[i] -= (lr * (cm * mi + cg * gi)) / (Math.sqrt(vi * cv) + eps);
    }
  }

  override getConfig(): Config {
    const { beta1, beta2, epsilon } = this;
    return { ...super.getConfig(), beta1, beta2, epsilon };
  }
}
