import type { Tensor } from "../core/tensor.js";

/**
 * The gradient of one op: given the gradient `dy` of a scalar loss with respect to the op's
 * output, returns the gradient with respect to each input (`null` where an input carries no
 * gradient, e.g. an index or a condition). Gradient functions use engine ops, so a tape that is
 * recording while another computes its gradient records them: that is how higher-order
 * gradients work.
 *
 * `needs[i]` says whether input `i` leads to a requested source; a function may skip computing
 * the others (return `null` for them) to save work.
 */
export type GradientFn<A = never> = (
  dy: Tensor,
  inputs: readonly Tensor[],
  attrs: A,
  output: Tensor,
  needs: readonly boolean[],
) => readonly (Tensor | null | undefined)[];

/**
 * The gradient of an op with several outputs (a decomposition run by `runKernelMulti`): `dys[k]`
 * is the gradient with respect to output `k`, or `null` when no requested target depends on
 * that output (treat it as zero). Returns one gradient per input, as {@link GradientFn}.
 */
export type MultiGradientFn<A = never> = (
  dys: readonly (Tensor | null)[],
  inputs: readonly Tensor[],
  attrs: A,
  outputs: readonly Tensor[],
  needs: readonly boolean[],
) => readonly (Tensor | null | undefined)[];

const table = new Map<string, GradientFn>();
const multiTable = new Map<string, MultiGradientFn>();

/**
 * Declares the gradient of `op` (the name its kernel is registered under, or "view", "cast",
 * "copy"). Each op file declares its gradients beside its forward definitions.
 *
 * @example
 * ```ts
 * registerGradient<ElementwiseAttrs>("exp", (dy, _inputs, _attrs, out) => [mul(dy, out)]);
 * ```
 */
export function registerGradient<A>(op: string, fn: GradientFn<A>): void {
  table.set(op, fn as GradientFn);
}

/**
 * Declares the gradient of an op with several outputs (see {@link MultiGradientFn}), beside the
 * op's forward definition.
 *
 * @example
 * ```ts
 * // slogdet: [sign, logabsdet]; only logabsdet carries a gradient, A⁻ᵀ·dy.
 * registerMultiGradient("linalg.slogdet", ([, dLog], [a]) => [dLog ? mul(dLog, swapLast(inv(a))) : null]);
 * ```
 */
export function registerMultiGradient<A>(op: string, fn: MultiGradientFn<A>): void {
  multiTable.set(op, fn as MultiGradientFn);
}

/** The gradient registered for `op`, if any. */
export function gradientOf(op: string): GradientFn | undefined {
  return table.get(op);
}

/** The gradient registered for the multi-output op `op`, if any. */
export function multiGradientOf(op: string): MultiGradientFn | undefined {
  return multiTable.get(op);
}

/** The ops with a registered gradient, single- and multi-output (for tests and docs). */
export function differentiableOps(): string[] {
  return [...table.keys(), ...multiTable.keys()].sort();
}
