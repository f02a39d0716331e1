import type { DType } from "../core/dtype.js";
import { runKernel } from "../core/registry.js";
import type { Tensor } from "../core/tensor.js";

// Random numbers made where work is placed, by a counter-based generator: each value depends
// only on (seed, offset, position), so it does not matter how a device splits the work. Only
// device backends register this op; `tf.random` draws on the CPU from its Mersenne Twister.

/** Attributes of the `randomFill` op (no inputs). */
export interface RandomFillAttrs {
  readonly shape: readonly number[];
  readonly dtype: DType;
  /** uniform in [a, b), or normal with mean a and standard deviation b. */
  readonly dist: "uniform" | "normal";
  readonly a: number;
  readonly b: number;
  /** The generator's key (below 2^53). */
  readonly seed: number;
  /** Which block of the stream (each call of one stream takes the next). */
  readonly offset: number;
}

/**
 * A new tensor of random values on the placed device.
 *
 * @example
 * ```ts
 * randomFill({ shape: [3], dtype: "float32", dist: "normal", a: 0, b: 1, seed: 42, offset: 0 });
 * ```
 */
export function randomFill(attrs: RandomFillAttrs): Tensor {
  return runKernel<RandomFillAttrs>("randomFill", [], attrs);
}
