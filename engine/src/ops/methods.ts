import { Tensor } from "../core/tensor.js";

/**
 * Installs functions as `Tensor` methods with the tensor as first argument: `t.exp()` calls
 * `exp(t)`. Each op file declares the methods' types beside its functions.
 */
export function installMethods(
  fns: Readonly<Record<string, (self: Tensor, ...args: never[]) => unknown>>,
): void {
  for (const [name, fn] of Object.entries(fns)) {
    Object.defineProperty(Tensor.prototype, name, {
      value: function (this: Tensor, ...args: never[]) {
        return fn(this, ...args);
      },
      writable: true,
      configurable: true,
    });
  }
}
