import { toTensor } from "../core/convert.js";
import { ValueError } from "../core/errors.js";
import { broadcastView } from "../core/broadcast.js";
import { runKernel } from "../core/registry.js";
import { broadcastShapes } from "../core/shape.js";
import type { Tensor, TensorLike } from "../core/tensor.js";
import { binaryOp, boolResult, promoteOperands, unaryOp } from "./elementwise.js";
import { installMethods } from "./methods.js";
import { registerGradient } from "../autodiff/registry.js";

// Comparisons, logic, predicates and `where`: the ops that make and use boolean masks.

/** `a == b` element-wise, a bool tensor (`np.equal`). @example `y.eq(5)` */
export const eq = (a: TensorLike, b: TensorLike): Tensor => binaryOp("eq", a, b, boolResult);
/** `a != b` element-wise (`np.not_equal`). */
export const ne = (a: TensorLike, b: TensorLike): Tensor => binaryOp("ne", a, b, boolResult);
/** `a < b` element-wise (`np.less`). @example `a.lt(0)` */
export const lt = (a: TensorLike, b: TensorLike): Tensor => binaryOp("lt", a, b, boolResult);
/** `a <= b` element-wise (`np.less_equal`). */
export const le = (a: TensorLike, b: TensorLike): Tensor => binaryOp("le", a, b, boolResult);
/** `a > b` element-wise (`np.greater`). @example `scores.gt(threshold)` */
export const gt = (a: TensorLike, b: TensorLike): Tensor => binaryOp("gt", a, b, boolResult);
/** `a >= b` element-wise (`np.greater_equal`). */
export const ge = (a: TensorLike, b: TensorLike): Tensor => binaryOp("ge", a, b, boolResult);
/** Truth of `a && b` element-wise (`np.logical_and`, also `&` on masks). @example `m1.logicalAnd(m2)` */
export const logicalAnd = (a: TensorLike, b: TensorLike): Tensor => binaryOp("logicalAnd", a, b, boolResult);
/** Truth of `a || b` element-wise (`np.logical_or`, also `|` on masks). */
export const logicalOr = (a: TensorLike, b: TensorLike): Tensor => binaryOp("logicalOr", a, b, boolResult);
/** Truth of `a xor b` element-wise (`np.logical_xor`). */
export const logicalXor = (a: TensorLike, b: TensorLike): Tensor => binaryOp("logicalXor", a, b, boolResult);
/** Truth of `!a` element-wise (`np.logical_not`, also `~` on masks). */
export const logicalNot = (a: TensorLike): Tensor => unaryOp("logicalNot", a, boolResult);
/** Whether each element is NaN (`np.isnan`). */
export const isnan = (a: TensorLike): Tensor => unaryOp("isnan", a, boolResult);
/** Whether each element is ±Infinity (`np.isinf`). */
export const isinf = (a: TensorLike): Tensor => unaryOp("isinf", a, boolResult);
/** Whether each element is neither NaN nor infinite (`np.isfinite`). */
export const isfinite = (a: TensorLike): Tensor => unaryOp("isfinite", a, boolResult);

/** Options of `nanToNum`. */
export interface NanToNumOptions {
  /** Replacement for NaN (default 0). */
  nan?: number;
  /** Replacement for +Infinity (default: the dtype's largest value). */
  posinf?: number;
  /** Replacement for -Infinity (default: the dtype's most negative value). */
  neginf?: number;
}

/**
 * Replaces NaN and infinities with finite numbers (`np.nan_to_num`).
 *
 * @example
 * ```ts
 * np.nanToNum([NaN, Infinity, 1]).toArray(); // [0, 1.7976931348623157e308, 1]
 * ```
 */
export function nanToNum(a: TensorLike, opts: NanToNumOptions = {}): Tensor {
  const t = toTensor(a);
  if (t.dtype !== "float32" && t.dtype !== "float64") return t.copy();
  const big = t.dtype === "float32" ? 3.4028234663852886e38 : Number.MAX_VALUE;
  let out = where(isnan(t), opts.nan ?? 0, t);
  out = where(eq(out, Infinity), opts.posinf ?? big, out);
  out = where(eq(out, -Infinity), opts.neginf ?? -big, out);
  return out.astype(t.dtype);
}

/**
 * `where(cond, x, y)`: elements of `x` where `cond` is true, of `y` elsewhere, broadcasting all
 * three (`np.where`). With only `cond`, the indices of its true elements, one tensor per axis
 * (like `nonzero`).
 *
 * @example
 * ```ts
 * np.where(a.lt(0), 0, a); // negative entries replaced by 0
 * ```
 */
export function where(cond: TensorLike, x: TensorLike, y: TensorLike): Tensor;
export function where(cond: TensorLike): Tensor[];
export function where(cond: TensorLike, x?: TensorLike, y?: TensorLike): Tensor | Tensor[] {
  if (x === undefined && y === undefined) return nonzeroIndices(cond);
  if (x === undefined || y === undefined)
    throw new ValueError("either both or neither of x and y should be given");
  const c = toTensor(cond).astype("bool");
  const [tx, ty, common] = promoteOperands(x, y);
  const shape = broadcastShapes(c.shape, tx.shape, ty.shape);
  return runKernel("where", [broadcastView(c, shape), broadcastView(tx, shape), broadcastView(ty, shape)], {
    dtype: common,
  });
}

/** Indices of the non-zero (true) elements, one int32 tensor per axis (`np.nonzero`). */
export function nonzeroIndices(a: TensorLike): Tensor[] {
  const t = toTensor(a);
  const idx = runKernel("nonzero", [t.ndim === 0 ? t.reshape([1]) : t], {});
  const [nd, count] = idx.shape;
  return Array.from({ length: nd }, (_, i) => idx.view([count], [idx.strides[1]], i * idx.strides[0]));
}

installMethods({
  eq,
  ne,
  lt,
  le,
  gt,
  ge,
  logicalAnd,
  logicalOr,
  logicalXor,
  logicalNot,
  isnan,
  isinf,
  isfinite,
});

declare module "../core/tensor.js" {
  interface Tensor {
    /** `this == b` element-wise. @example `y.eq(5)` */
    eq(b: TensorLike): Tensor;
    /** `this != b` element-wise. */
    ne(b: TensorLike): Tensor;
    /** `this < b` element-wise. */
    lt(b: TensorLike): Tensor;
    /** `this <= b` element-wise. */
    le(b: TensorLike): Tensor;
    /** `this > b` element-wise. */
    gt(b: TensorLike): Tensor;
    /** `this >= b` element-wise. */
    ge(b: TensorLike): Tensor;
    /** Mask `&`. */
    logicalAnd(b: TensorLike): Tensor;
    /** Mask `|`. */
    logicalOr(b: TensorLike): Tensor;
    /** Mask xor. */
    logicalXor(b: TensorLike): Tensor;
    /** Mask `~`. */
    logicalNot(): Tensor;
    isnan(): Tensor;
    isinf(): Tensor;
    isfinite(): Tensor;
  }
}

// ---- Gradients -------------------------------------------------------------------------------
// `where(cond, x, y)`: the gradient goes to the operand each element was taken from.
registerGradient("where", (dy, [cond], _attrs, _out, needs) => [
  null,
  needs[1] ? where(cond, dy, 0) : null,
  needs[2] ? where(cond, 0, dy) : null,
]);
