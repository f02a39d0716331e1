import { Tensor } from "../core/tensor.js";
import { recordOp, withoutRecording } from "./recorder.js";
import { registerGradient } from "./registry.js";

/** What a custom-gradient function returns: its value and how to back-propagate through it. */
export type CustomGradientResult =
  | readonly [value: Tensor, grad: (dy: Tensor) => Tensor | readonly (Tensor | null)[]]
  | { value: Tensor; gradFunc: (dy: Tensor) => Tensor | readonly (Tensor | null)[] };

interface CustomAttrs {
  readonly grad: (dy: Tensor) => Tensor | readonly (Tensor | null)[];
}

/**
 * `tf.custom_gradient`: wraps `f` so that tapes see it as one op whose gradient is the one `f`
 * returns, not the gradient of the ops inside. `f` returns `[value, grad]` (or
 * `{ value, gradFunc }`), where `grad(dy)` gives the gradient for each tensor argument (one
 * tensor when there is one argument). Ops in `grad` are recorded by any tape that is recording,
 * so custom gradients can themselves be differentiated. The forward ops are not recorded.
 *
 * @example
 * ```ts
 * const softplus = tf.customGradient((z: Tensor) => {
 *   const e = tf.exp(z);
 *   return [tf.log(e.add(1)), (dy: Tensor) => dy.div(tf.add(1, tf.div(1, e)))];
 * });
 * ```
 */
export function customGradient<Args extends Tensor[]>(
  f: (...args: Args) => CustomGradientResult,
): (...args: Args) => Tensor {
  return (...args: Args): Tensor => {
    const result = withoutRecording(() => f(...args));
    const [value, grad] = Array.isArray(result)
      ? (result as readonly [Tensor, CustomAttrs["grad"]])
      : [(result as { value: Tensor }).value, (result as { gradFunc: CustomAttrs["grad"] }).gradFunc];
    // A new tensor object over the value, so the op's output is distinct from its inputs.
    const out = new Tensor(value.storage, value.shape, value.strides, value.offset, value.mutable);
    recordOp("customGradient", args, { grad } satisfies CustomAttrs, out);
    return out;
  };
}

registerGradient<CustomAttrs>("customGradient", (dy, inputs, { grad }) => {
  const g = grad(dy);
  const list = g instanceof Tensor ? [g] : g;
  if (list.length !== inputs.length) {
    throw new Error(
      `a custom gradient returned ${list.length} gradient(s) for ${inputs.length} argument(s); return one per tensor argument`,
    );
  }
  return list;
});
