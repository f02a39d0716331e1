import { toTensor } from "../core/convert.js";
import { toDType, type DType } from "../core/dtype.js";
import { runKernel } from "../core/registry.js";
import { normalizeAxis } from "../core/shape.js";
import type { Tensor, TensorLike } from "../core/tensor.js";
import { registerGradient } from "../autodiff/registry.js";
import { div, mul } from "./arithmetic.js";
import { installMethods } from "./methods.js";
import { sumType } from "./reduce.js";

// Running sums and products along one axis (NumPy's cumsum/cumprod).

/** Attributes of the `cumulative` kernel. */
export interface CumulativeAttrs {
  readonly kind: "sum" | "prod";
  /** The (normalised) axis to accumulate along. */
  readonly axis: number;
  /** dtype of the result, in which the accumulation runs. */
  readonly dtype: DType;
}

/** Options of `cumsum` and `cumprod`. */
export interface CumulativeOptions {
  /** Axis to accumulate along; the flattened array when omitted or null. */
  axis?: number | null;
  /** dtype of the result (default: the input's, int32 for bool and uint8). */
  dtype?: DType | string;
}

function cumulative(
  kind: "sum" | "prod",
  a: TensorLike,
  axis?: number | null | CumulativeOptions,
  opts: CumulativeOptions = {},
): Tensor {
  const o = typeof axis === "object" && axis !== null ? axis : { ...opts, axis: axis ?? opts.axis };
  let t = toTensor(a);
  if (o.axis === undefined || o.axis === null) t = t.ravel();
  const ax = o.axis === undefined || o.axis === null ? 0 : normalizeAxis(o.axis, t.ndim);
  const dtype = o.dtype !== undefined ? toDType(o.dtype) : sumType(t.dtype);
  return runKernel<CumulativeAttrs>("cumulative", [t], { kind, axis: ax, dtype });
}

/**
 * Running sum along an axis, or over the flattened array (`np.cumsum`).
 *
 * @example
 * ```ts
 * np.cumsum([1, 2, 3]).toArray(); // [1, 3, 6]
 * np.cumsum([[1, 2], [3, 4]], 0).toArray(); // [[1, 2], [4, 6]]
 * ```
 */
export function cumsum(
  a: TensorLike,
  axis?: number | null | CumulativeOptions,
  opts?: CumulativeOptions,
): Tensor {
  return cumulative("sum", a, axis, opts);
}

/**
 * Running product along an axis, or over the flattened array (`np.cumprod`).
 *
 * @example
 * ```ts
 * np.cumprod([1, 2, 3]).toArray(); // [1, 2, 6]
 * ```
 */
export function cumprod(
  a: TensorLike,
  axis?: number | null | CumulativeOptions,
  opts?: CumulativeOptions,
): Tensor {
  return cumulative("prod", a, axis, opts);
}

installMethods({ cumsum, cumprod });

declare module "../core/tensor.js" {
  interface Tensor {
    /** Running sum. @example `np.arange(4).cumsum()` */
    cumsum(axis?: number | null | CumulativeOptions, opts?: CumulativeOptions): Tensor;
    /** Running product. */
    cumprod(axis?: number | null | CumulativeOptions, opts?: CumulativeOptions): Tensor;
  }
}

// ---- Gradients -------------------------------------------------------------------------------

// A view with `axis` reversed.
function flipped(t: Tensor, axis: number): Tensor {
  const strides = [...t.strides];
  strides[axis] = -strides[axis];
  const last = Math.max(0, t.shape[axis] - 1);
  return t.view(t.shape, strides, t.offset + last * t.strides[axis]);
}

// Sum of dy over the positions at or after each one: a cumsum of the reversed dy, reversed.
function reverseCumsum(dy: Tensor, axis: number): Tensor {
  const dtype = dy.dtype;
  return flipped(
    runKernel<CumulativeAttrs>("cumulative", [flipped(dy, axis)], { kind: "sum", axis, dtype }),
    axis,
  );
}

// cumprod: d out_j / d x_i = out_j / x_i for j >= i (undefined where x has zeros, as in
// TensorFlow's own gradient).
registerGradient<CumulativeAttrs>("cumulative", (dy, [x], { kind, axis }, out) => [
  kind === "sum" ? reverseCumsum(dy, axis) : div(reverseCumsum(mul(dy, out), axis), x),
]);
