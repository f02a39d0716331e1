import { toTensor, type ArrayOptions } from "../core/convert.js";
import { inferDType, promoteTypes, promoteWithScalar, toDType, type DType } from "../core/dtype.js";
import { ValueError } from "../core/errors.js";
import { runKernel } from "../core/registry.js";
import { normalizeAxis } from "../core/shape.js";
import type { Tensor, TensorLike } from "../core/tensor.js";
import { arange, linspace, zeros } from "./creation.js";
import { atleast1d, atleast2d, atleast3d } from "./shape-ops.js";
import { recordOp } from "../autodiff/recorder.js";
import { registerGradient } from "../autodiff/registry.js";

// Joining arrays: `concatenate` and the functions built on it (`stack`, `vstack`, `hstack`,
// `columnStack`, `np.c_`, `np.r_`). Each input is written into its slice of one new array by
// the `assign` kernel, converting to the common dtype on the way.

/** Options of `concatenate`. */
export interface ConcatOptions {
  /** Axis to join along (default 0; `null` flattens every input first). */
  axis?: number | null;
  /** dtype of the result (default: the inputs' common dtype by NumPy's promotion). */
  dtype?: DType | string;
}

function splitAxisArg(axis: number | null | ConcatOptions | undefined, opts?: ConcatOptions): ConcatOptions {
  if (axis === undefined) return { ...opts };
  if (axis === null || typeof axis === "number") return { ...opts, axis };
  return axis;
}

/**
 * Joins arrays along an existing axis (`np.concatenate`).
 *
 * @example
 * ```ts
 * np.concatenate([np.zeros([2, 3]), np.ones([1, 3])]).shape; // [3, 3]
 * np.concatenate([a, b], 1);
 * ```
 */
export function concatenate(
  arrays: readonly TensorLike[],
  axis?: number | null | ConcatOptions,
  opts?: ConcatOptions,
): Tensor {
  const o = splitAxisArg(axis, opts);
  if (arrays.length === 0) throw new ValueError("need at least one array to concatenate");
  let ts = arrays.map((a) => toTensor(a));
  const flat = o.axis === null;
  if (flat) ts = ts.map((t) => t.ravel());
  const nd = ts[0].ndim;
  if (ts.some((t) => t.ndim === 0)) throw new ValueError("zero-dimensional arrays cannot be concatenated");
  ts.forEach((t, i) => {
    if (t.ndim !== nd) {
      throw new ValueError(
        `all the input arrays must have same number of dimensions, but the array at index 0 has ${nd} ` +
          `dimension(s) and the array at index ${i} has ${t.ndim} dimension(s)`,
      );
    }
  });
  const ax = flat ? 0 : normalizeAxis(o.axis ?? 0, nd);
  const shape = [...ts[0].shape];
  ts.forEach((t, i) => {
    for (let d = 0; d < nd; d++) {
      if (d !== ax && t.shape[d] !== shape[d]) {
        throw new ValueError(
          `all the input array dimensions except for the concatenation axis must match exactly, but ` +
            `along dimension ${d}, the array at index 0 has size ${shape[d]} and the array at index ${i} has size ${t.shape[d]}`,
        );
      }
    }
  });
  shape[ax] = ts.reduce((n, t) => n + t.shape[ax], 0);
  const dtype = o.dtype !== undefined ? toDType(o.dtype) : ts.map((t) => t.dtype).reduce(promoteTypes);
  const out = zeros(shape, { dtype });
  let at = 0;
  for (const t of ts) {
    if (t.size > 0) {
      const part = out.view(t.shape, out.strides, out.offset + at * out.strides[ax]);
      runKernel("assign", [part, t], {});
    }
    at += t.shape[ax];
  }
  // The parts are written in place, which tapes cannot follow: report the whole as one op.
  recordOp("concatenate", ts, { axis: ax } satisfies ConcatAttrs, out);
  return out;
}

/**
 * Joins arrays of one shape along a new axis (`np.stack`).
 *
 * @example
 * ```ts
 * np.stack([np.zeros(3), np.ones(3)], 1).shape; // [3, 2]
 * ```
 */
export function stack(arrays: readonly TensorLike[], axis = 0, opts: ArrayOptions = {}): Tensor {
  if (arrays.length === 0) throw new ValueError("need at least one array to stack");
  const ts = arrays.map((a) => toTensor(a));
  const shape = ts[0].shape;
  if (ts.some((t) => t.ndim !== shape.length || t.shape.some((d, i) => d !== shape[i]))) {
    throw new ValueError("all input arrays must have the same shape");
  }
  const ax = normalizeAxis(axis, shape.length + 1);
  return concatenate(
    ts.map((t) => t.expandDims(ax)),
    ax,
    opts,
  );
}

/** Stacks arrays as rows (`np.vstack`): 1-D arrays become rows. @example `np.vstack([a, b])` */
export function vstack(arrays: readonly TensorLike[], opts: ArrayOptions = {}): Tensor {
  return concatenate(
    arrays.map((a) => atleast2d(a)),
    0,
    opts,
  );
}

/** Stacks arrays side by side (`np.hstack`): 1-D arrays join end to end. @example `np.hstack([a, b])` */
export function hstack(arrays: readonly TensorLike[], opts: ArrayOptions = {}): Tensor {
  const ts = arrays.map((a) => atleast1d(a));
  return concatenate(ts, ts.length && ts[0].ndim === 1 ? 0 : 1, opts);
}

/** Stacks arrays along a third axis (`np.dstack`). */
export function dstack(arrays: readonly TensorLike[], opts: ArrayOptions = {}): Tensor {
  return concatenate(
    arrays.map((a) => atleast3d(a)),
    2,
    opts,
  );
}

/**
 * Stacks 1-D arrays as columns of a 2-D array (2-D arrays are joined as they are)
 * (`np.column_stack`).
 *
 * @example
 * ```ts
 * np.columnStack([[1, 2], [3, 4]]).toArray(); // [[1, 3], [2, 4]]
 * ```
 */
export function columnStack(arrays: readonly TensorLike[], opts: ArrayOptions = {}): Tensor {
  const cols = arrays.map((a) => {
    const t = toTensor(a);
    return t.ndim < 2 ? t.reshape([t.size, 1]) : t;
  });
  return concatenate(cols, 1, opts);
}

type Scalar = number | boolean;

// `np.r_`/`np.c_` items: a slice string "start:stop[:step]" is an arange, with a step such as
// "5j" a linspace of 5 points (NumPy's complex-step spelling).
function concatItem(item: TensorLike | string): Tensor | Scalar {
  if (typeof item !== "string")
    return typeof item === "number" || typeof item === "boolean" ? item : toTensor(item);
  const parts = item.split(":");
  if (parts.length < 2 || parts.length > 3) {
    throw new ValueError(
      `np.r_/np.c_ take arrays, numbers and slice strings "start:stop:step", got "${item}"`,
    );
  }
  const start = parts[0] === "" ? 0 : Number(parts[0]);
  const stop = Number(parts[1]);
  const stepText = parts[2] ?? "";
  if (stepText.endsWith("j")) return linspace(start, stop, Number(stepText.slice(0, -1)));
  const step = stepText === "" ? 1 : Number(stepText);
  if ([start, stop, step].some((v) => !Number.isFinite(v))) throw new ValueError(`invalid slice "${item}"`);
  return arange(start, stop, step);
}

function concatItems(items: readonly (TensorLike | string)[], ndmin: number, axis: number): Tensor {
  const read = items.map(concatItem);
  const arrays = read.filter((x): x is Tensor => typeof x !== "number" && typeof x !== "boolean");
  const scalars = read.filter((x): x is Scalar => typeof x === "number" || typeof x === "boolean");
  // Arrays decide the dtype; scalars only widen it where their value needs (NumPy's weak scalars).
  let dtype: DType = arrays.length ? arrays.map((t) => t.dtype).reduce(promoteTypes) : inferDType(scalars);
  if (arrays.length) for (const s of scalars) dtype = promoteWithScalar(dtype, s);
  const parts = read.map((x) => {
    const t =
      typeof x === "number" || typeof x === "boolean" ? toTensor(x).reshape(new Array(ndmin).fill(1)) : x;
    if (t.ndim >= ndmin) return t;
    // 1-D arrays become columns for c_ (NumPy's "-1,2,0" directive): their axis comes first.
    if (ndmin === 2) return t.ndim === 0 ? t.reshape([1, 1]) : t.reshape([t.size, 1]);
    return t.reshape([t.size]);
  });
  return concatenate(parts, axis, { dtype });
}

/**
 * NumPy's `np.c_[...]` as a function: 1-D arrays become columns, 2-D arrays join along their
 * last axis.
 *
 * @example
 * ```ts
 * const Xb = np.c_(np.ones([100, 1]), X);  // a column of ones before X
 * np.c_(xx.ravel(), yy.ravel());           // two columns
 * ```
 */
export function c_(...items: (TensorLike | string)[]): Tensor {
  return concatItems(items, 2, -1);
}

/**
 * NumPy's `np.r_[...]` as a function: numbers and arrays joined end to end along the first axis;
 * a slice string `"0:10:2"` is an `arange`, `"0:1:5j"` a `linspace` of 5 points.
 *
 * @example
 * ```ts
 * np.r_(0, np.array([1, 2]), 3).toArray(); // [0, 1, 2, 3]
 * ```
 */
export function r_(...items: (TensorLike | string)[]): Tensor {
  return concatItems(items, 1, 0);
}

// ---- Gradients -------------------------------------------------------------------------------

/** Attributes of the recorded `concatenate` op. */
interface ConcatAttrs {
  readonly axis: number;
}

// Each part's gradient is its slice of `dy` along the axis (a view).
registerGradient<ConcatAttrs>("concatenate", (dy, parts, { axis }) => {
  let at = 0;
  return parts.map((t) => {
    const g = dy.view(t.shape, dy.strides, dy.offset + at * dy.strides[axis]);
    at += t.shape[axis];
    return g;
  });
});
