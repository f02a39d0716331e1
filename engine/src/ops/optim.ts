import { kernelFor, runKernel } from "../core/registry.js";
import type { Tensor } from "../core/tensor.js";

// Fused optimizer updates as in-place ops: `[w, g, ...slots]` in, `w` (updated, with its slots)
// out, one pass over memory. Keras' optimizers use them for variables on a device that has the
// kernel (`cuda`); on the CPU they run their own fused loops over the host arrays.

/** Decoupled weight decay applied first: `w *= 1 - weightDecay · lr` (0: none). */
interface Decay {
  readonly lr: number;
  readonly weightDecay: number;
}

/** `applySgd`: inputs `[w, g]`, or `[w, g, velocity]` with momentum. */
export interface SgdAttrs extends Decay {
  readonly momentum: number;
  readonly nesterov: boolean;
}

/** `applyAdam`: inputs `[w, g, m, v]`; `step` is 1-based. */
export interface AdamAttrs extends Decay {
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;
  readonly step: number;
}

/** `applyRmsprop`: inputs `[w, g, velocity, momentum?, averageGradient?]`. */
export interface RmspropAttrs extends Decay {
  readonly rho: number;
  readonly momentum: number;
  readonly epsilon: number;
  readonly centered: boolean;
}

/** `applyAdagrad`: inputs `[w, g, accumulator]`. */
export interface AdagradAttrs extends Decay {
  readonly epsilon: number;
}

/** The fused update ops and their attributes. */
export interface UpdateAttrs {
  applySgd: SgdAttrs;
  applyAdam: AdamAttrs;
  applyRmsprop: RmspropAttrs;
  applyAdagrad: AdagradAttrs;
}

/** The names of the fused update ops. */
export type UpdateOp = keyof UpdateAttrs;

/** The ops that write into their first input (placement runs them where it lives). */
export const UPDATE_OPS: readonly UpdateOp[] = ["applySgd", "applyAdam", "applyRmsprop", "applyAdagrad"];

/** Whether the backend of `device` has a fused kernel for `op`. */
export function hasUpdateKernel(op: UpdateOp, device: "cpu" | "cuda"): boolean {
  return device === "cuda" && kernelFor(op, "cuda") !== undefined;
}

/**
 * Runs a fused update in place on `w` and its slots (the kernels bump their versions).
 *
 * @example
 * ```ts
 * applyUpdate("applySgd", [w, g], { lr: 0.01, momentum: 0, nesterov: false, weightDecay: 0 });
 * ```
 */
export function applyUpdate<K extends UpdateOp>(
  op: K,
  inputs: readonly Tensor[],
  attrs: UpdateAttrs[K],
): Tensor {
  return runKernel<UpdateAttrs[K]>(op, inputs, attrs);
}
