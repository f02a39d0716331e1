import { allocate, toDType, type DType } from "../../core/dtype.js";
import type { Tensor } from "../../core/tensor.js";
import { RandomState } from "../../random/random-state.js";
import * as tf from "../../tf/index.js";

// Random draws for initializers. Unseeded, they come from `tf.random` (so `tf.random.setSeed`
// makes a program repeatable); with a `seed`, from a fresh generator for that seed on every
// call, so a seeded initializer gives the same values each time, as tf.keras 2.x's do.

/** The distributions initializers draw from. */
export type Distribution =
  | { kind: "normal"; mean: number; stddev: number }
  | { kind: "truncated_normal"; mean: number; stddev: number }
  | { kind: "uniform"; minval: number; maxval: number };

/** Checks and converts an initializer's dtype (floats only). */
export function floatDType(dtype: DType | string | undefined): DType {
  const d = toDType(dtype ?? "float32");
  if (d !== "float32" && d !== "float64") {
    throw new TypeError(
      `Expected a floating point dtype for this initializer, got ${d}; use float32 or float64`,
    );
  }
  return d;
}

/** Draws a tensor of `shape` from `dist`. */
export function sample(
  shape: readonly number[],
  dtype: DType,
  dist: Distribution,
  seed: number | null,
): Tensor {
  if (seed === null) {
    if (dist.kind === "normal") return tf.random.normal(shape, dist.mean, dist.stddev, { dtype });
    if (dist.kind === "truncated_normal")
      return tf.random.truncatedNormal(shape, dist.mean, dist.stddev, { dtype });
    return tf.random.uniform(shape, dist.minval, dist.maxval, { dtype });
  }
  const rs = new RandomState(seed >>> 0);
  const n = shape.reduce((a, b) => a * b, 1);
  const out = allocate(dtype, n);
  for (let i = 0; i < n; i++) {
    if (dist.kind === "uniform") out[i] = dist.minval + (dist.maxval - dist.minval) * rs.randomSample();
    else if (dist.kind === "normal") out[i] = dist.mean + dist.stddev * rs.standardNormal();
    else {
      // Redrawn until within two standard deviations, as tf.random.truncated_normal.
      let z: number;
      do z = rs.standardNormal();
      while (Math.abs(z) > 2);
      out[i] = dist.mean + dist.stddev * z;
    }
  }
  return tf.constant(out, { dtype }).reshape([...shape]);
}

/**
 * Keras' fans of a weight shape: `[fanIn, fanOut]`. Dense kernels `[in, out]`; convolution
 * kernels `[...spatial, in, out]` multiply both by the receptive field size.
 */
export function computeFans(shape: readonly number[]): [number, number] {
  if (shape.length === 0) return [1, 1];
  if (shape.length === 1) return [shape[0], shape[0]];
  if (shape.length === 2) return [shape[0], shape[1]];
  const receptive = shape.slice(0, -2).reduce((a, b) => a * b, 1);
  return [shape[shape.length - 2] * receptive, shape[shape.length - 1] * receptive];
}
