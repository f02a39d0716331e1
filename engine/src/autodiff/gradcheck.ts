import { toTensor } from "../core/convert.js";
import { readHost } from "../core/host.js";
import { Tensor, type TensorLike } from "../core/tensor.js";
import { mul } from "../ops/arithmetic.js";
import { sum } from "../ops/reduce.js";
import { GradientTape } from "./gradient-tape.js";

/** Options of `numericGradient` and `checkGradient`. */
export interface GradientCheckOptions {
  /** Step of the central differences (default 1e-6). */
  eps?: number;
  /**
   * Weights of the function's outputs in the scalar that is differentiated (default: fixed
   * pseudo-random weights in [0.5, 1.5], so every output element counts differently).
   */
  cotangent?: TensorLike;
}

/** What `checkGradient` found. */
export interface GradientCheck {
  /** The tape's gradients, one per argument (float64; zeros for an unconnected argument). */
  readonly analytic: Tensor[];
  /** The central-difference gradients, one per argument (float64). */
  readonly numeric: Tensor[];
  /** Largest `|analytic - numeric| / max(1, |numeric|)` over all elements. */
  readonly maxError: number;
}

// Deterministic weights: the check must not depend on any global random state.
function weights(shape: readonly number[], given: TensorLike | undefined): Tensor {
  if (given !== undefined) return toTensor(given, { dtype: "float64" });
  const n = shape.reduce((a, b) => a * b, 1);
  const w = new Float64Array(n);
  let s = 0x9e3779b9;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6b79) >>> 0;
    w[i] = 0.5 + s / 2 ** 32;
  }
  return Tensor.fromTypedArray(w, shape, "float64");
}

function scalar(f: (...xs: Tensor[]) => Tensor, xs: Tensor[], w: Tensor): number {
  return readHost(sum(mul(f(...xs), w)))[0];
}

/**
 * Gradients of `sum(f(...xs) * cotangent)` by central differences in float64: the reference
 * the gradient tests compare tapes against.
 *
 * @example
 * ```ts
 * numericGradient((x) => x.mul(x), [[1, 2]]); // [[2, 4]] (with unit cotangent)
 * ```
 */
export function numericGradient(
  f: (...xs: Tensor[]) => Tensor,
  args: readonly TensorLike[],
  opts: GradientCheckOptions = {},
): Tensor[] {
  const eps = opts.eps ?? 1e-6;
  const xs = args.map((a) => toTensor(a, { dtype: "float64", copy: true }));
  const w = weights(f(...xs).shape, opts.cotangent);
  return xs.map((x, k) => {
    const data = readHost(x) as Float64Array;
    const g = new Float64Array(x.size);
    for (let i = 0; i < x.size; i++) {
      const keep = data[i];
      const at = (v: number): number => {
        const moved = Float64Array.from(data);
        moved[i] = v;
        const ys = xs.slice();
        ys[k] = Tensor.fromTypedArray(moved, x.shape, "float64");
        return scalar(f, ys, w);
      };
      g[i] = (at(keep + eps) - at(keep - eps)) / (2 * eps);
    }
    return Tensor.fromTypedArray(g, x.shape, "float64");
  });
}

/**
 * Compares a tape's gradients of `f` with central differences, in float64.
 *
 * @example
 * ```ts
 * checkGradient((a, b) => a.mul(b), [[1, 2], [3]]).maxError < 1e-6; // true
 * ```
 */
export function checkGradient(
  f: (...xs: Tensor[]) => Tensor,
  args: readonly TensorLike[],
  opts: GradientCheckOptions = {},
): GradientCheck {
  const xs = args.map((a) => toTensor(a, { dtype: "float64", copy: true }));
  const tape = new GradientTape();
  const y = tape.record(() => {
    tape.watch(xs);
    return f(...xs);
  });
  const w = weights(y.shape, opts.cotangent);
  const loss = tape.record(() => sum(mul(y, w)));
  const analytic = tape.gradient(loss, xs).map((g, i) => (g ?? toTensor(0).mul(xs[i])).astype("float64"));
  const numeric = numericGradient(f, xs, { ...opts, cotangent: w });
  let maxError = 0;
  analytic.forEach((a, k) => {
    const av = readHost(a);
    const nv = readHost(numeric[k]);
    for (let i = 0; i < av.length; i++) {
      const err = Math.abs(av[i] - nv[i]) / Math.max(1, Math.abs(nv[i]));
      if (!(err <= maxError)) maxError = Number.isNaN(err) ? Infinity : err;
    }
  });
  return { analytic, numeric, maxError };
}
