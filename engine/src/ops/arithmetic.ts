import { isInteger, promoteWithScalar, type DType } from "../core/dtype.js";
import { toTensor } from "../core/convert.js";
import { ValueError } from "../core/errors.js";
import { readHost } from "../core/host.js";
import { Tensor, type TensorLike } from "../core/tensor.js";
import { broadcastView } from "../core/broadcast.js";
import { runKernel } from "../core/registry.js";
import { broadcastShapes } from "../core/shape.js";
import { binaryOp, divResult, promoteOperands, unaryOp, type ElementwiseAttrs } from "./elementwise.js";
import { gt, where } from "./compare.js";
import { floor, log } from "./math.js";
import { registerGradient } from "../autodiff/registry.js";

// Arithmetic: + - * / ** % // and the sign-related unary ops, with NumPy's dtype rules.

const noBoolSub = (d: DType): DType => {
  if (d === "bool") {
    throw new TypeError(
      "numpy boolean subtract, the `-` operator, is not supported, use logicalXor (or a bitwise xor) instead",
    );
  }
  return d;
};

/**
 * Element-wise `a + b` with broadcasting (NumPy's `np.add`).
 *
 * @example
 * ```ts
 * np.add([1, 2], 10).toArray(); // [11, 12]
 * ```
 */
export function add(a: TensorLike, b: TensorLike): Tensor {
  return binaryOp("add", a, b);
}

/** Element-wise `a - b` with broadcasting (`np.subtract`). @example `np.sub([3, 4], 1) // [2, 3]` */
export function sub(a: TensorLike, b: TensorLike): Tensor {
  return binaryOp("sub", a, b, noBoolSub);
}

/** Element-wise `a * b` with broadcasting (`np.multiply`). @example `np.mul([1, 2], [3, 4]) // [3, 8]` */
export function mul(a: TensorLike, b: TensorLike): Tensor {
  return binaryOp("mul", a, b);
}

/**
 * `a * b + c` in one pass over memory with one result array, where `np.add(np.mul(a, b), c)`
 * makes two passes and a temporary `a * b` as large as the result (this is not a NumPy function;
 * Julia calls it `muladd`). The values are the two-step expression's, bit for bit: the product is
 * rounded before the sum (it is not a fused multiply-add instruction), and broadcasting and the
 * result dtype follow `mul` then `add`. Worth it on large float arrays; integer, bool and mixed
 * float dtypes, and tensors on a GPU, run the two steps.
 *
 * @example
 * ```ts
 * np.mulAdd([1, 2], [3, 4], 10).toArray(); // [13, 18]
 * ```
 */
export function mulAdd(a: TensorLike, b: TensorLike, c: TensorLike): Tensor {
  const [ta, tb, dtype] = promoteOperands(a, b);
  const float = dtype === "float32" || dtype === "float64";
  const tc = typeof c === "number" || typeof c === "boolean" ? undefined : toTensor(c);
  const sameDType = tc ? tc.dtype === dtype : float && promoteWithScalar(dtype, c as number) === dtype;
  const onCpu = [ta, tb, tc].every((t) => !t || t.storage.device === "cpu");
  if (!float || !sameDType || ta.dtype !== dtype || tb.dtype !== dtype || !onCpu) {
    return add(mul(ta, tb), c);
  }
  const cc = tc ?? toTensor(c, { dtype });
  const shape = broadcastShapes(broadcastShapes(ta.shape, tb.shape), cc.shape);
  const attrs: ElementwiseAttrs = { dtype };
  return runKernel(
    "mulAdd",
    [ta, tb, cc].map((t) => broadcastView(t, shape)),
    attrs,
  );
}

/**
 * Element-wise true division `a / b` (`np.true_divide`): integers give float64.
 *
 * @example
 * ```ts
 * np.div([1, 2], 4).toArray(); // [0.25, 0.5]
 * ```
 */
export function div(a: TensorLike, b: TensorLike): Tensor {
  return binaryOp("div", a, b, divResult);
}

/**
 * Element-wise `a ** b` (`np.power`). Integer arrays to negative integer powers are refused, as
 * in NumPy.
 *
 * @example
 * ```ts
 * np.pow([2, 3], 2).toArray(); // [4, 9]
 * ```
 */
export function pow(a: TensorLike, b: TensorLike): Tensor {
  const [ta, tb, common] = promoteOperands(a, b);
  if (isInteger(common) || common === "bool") {
    const e = readHost(tb);
    for (let i = 0; i < e.length; i++) {
      if (e[i] < 0) throw new ValueError("Integers to negative integer powers are not allowed.");
    }
  }
  return binaryOp("pow", ta, tb, (d) => (d === "bool" ? "int32" : d));
}

/**
 * Element-wise remainder with the sign of the divisor (`np.mod`, Python's `%`).
 *
 * @example
 * ```ts
 * np.mod([-3, 3], 2).toArray(); // [1, 1]
 * ```
 */
export function mod(a: TensorLike, b: TensorLike): Tensor {
  return binaryOp("mod", a, b, (d) => (d === "bool" ? "int32" : d));
}

/**
 * Element-wise floor division (`np.floor_divide`, Python's `//`).
 *
 * @example
 * ```ts
 * np.floorDiv([-3, 3], 2).toArray(); // [-2, 1]
 * ```
 */
export function floorDiv(a: TensorLike, b: TensorLike): Tensor {
  return binaryOp("floorDiv", a, b, (d) => (d === "bool" ? "int32" : d));
}

/** Element-wise negation (`np.negative`). @example `np.neg([1, -2]) // [-1, 2]` */
export function neg(a: TensorLike): Tensor {
  return unaryOp("neg", a, (d) => {
    if (d === "bool") {
      throw new TypeError(
        "numpy boolean negative, the `-` operator, is not supported, use logicalNot instead",
      );
    }
    return d;
  });
}

/** Element-wise absolute value, keeping the dtype (`np.abs`). @example `np.abs([-1.5, 2]) // [1.5, 2]` */
export function abs(a: TensorLike): Tensor {
  return unaryOp("abs", a);
}

/** Element-wise sign: -1, 0 or 1 (NaN stays NaN) (`np.sign`). @example `np.sign([-2, 0, 3]) // [-1, 0, 1]` */
export function sign(a: TensorLike): Tensor {
  return unaryOp("sign", a, (d) => {
    if (d === "bool")
      throw new TypeError("ufunc 'sign' did not contain a loop with signature matching types bool");
    return d;
  });
}

/** Element-wise `1 / x` (`np.reciprocal`; integers divide as integers, like NumPy). @example `np.reciprocal([2., 4.]) // [0.5, 0.25]` */
export function reciprocal(a: TensorLike): Tensor {
  return unaryOp("reciprocal", a, (d) => (d === "bool" ? "int32" : d));
}

declare module "../core/tensor.js" {
  interface Tensor {
    /** `this + b` with broadcasting. @example `np.ones([2]).add(1) // [2, 2]` */
    add(b: TensorLike): Tensor;
    /** `this - b` with broadcasting. @example `X.sub(X.mean(0))` */
    sub(b: TensorLike): Tensor;
    /** `this * b` with broadcasting. @example `np.random.rand(100, 1).mul(2)` */
    mul(b: TensorLike): Tensor;
    /** `this * b + c` in one pass with one result (`np.mulAdd`). @example `x.mulAdd(w, bias)` */
    mulAdd(b: TensorLike, c: TensorLike): Tensor;
    /** `this / b` with broadcasting (true division). @example `exps.div(exps.sum(1, { keepdims: true }))` */
    div(b: TensorLike): Tensor;
    /** `this ** b`. @example `X.pow(2)` */
    pow(b: TensorLike): Tensor;
    /** `this % b` with the sign of the divisor. @example `np.arange(5).mod(2)` */
    mod(b: TensorLike): Tensor;
    /** `this // b`. @example `np.arange(5).floorDiv(2)` */
    floorDiv(b: TensorLike): Tensor;
    /** `-this`. */
    neg(): Tensor;
    /** `|this|`. */
    abs(): Tensor;
    /** -1, 0 or 1 per element. */
    sign(): Tensor;
    /** `1 / this`. */
    reciprocal(): Tensor;
  }
}

Tensor.prototype.add = function (this: Tensor, b: TensorLike) {
  return add(this, b);
};
Tensor.prototype.sub = function (this: Tensor, b: TensorLike) {
  return sub(this, b);
};
Tensor.prototype.mul = function (this: Tensor, b: TensorLike) {
  return mul(this, b);
};
Tensor.prototype.mulAdd = function (this: Tensor, b: TensorLike, c: TensorLike) {
  return mulAdd(this, b, c);
};
Tensor.prototype.div = function (this: Tensor, b: TensorLike) {
  return div(this, b);
};
Tensor.prototype.pow = function (this: Tensor, b: TensorLike) {
  return pow(this, b);
};
Tensor.prototype.mod = function (this: Tensor, b: TensorLike) {
  return mod(this, b);
};
Tensor.prototype.floorDiv = function (this: Tensor, b: TensorLike) {
  return floorDiv(this, b);
};
Tensor.prototype.neg = function (this: Tensor) {
  return neg(this);
};
Tensor.prototype.abs = function (this: Tensor) {
  return abs(this);
};
Tensor.prototype.sign = function (this: Tensor) {
  return sign(this);
};
Tensor.prototype.reciprocal = function (this: Tensor) {
  return reciprocal(this);
};

// ---- Gradients -------------------------------------------------------------------------------
// Gradients of the arithmetic ops. Operands reach the kernels already broadcast (as views), so
// each gradient has the broadcast shape; the views' own gradient sums it back.

registerGradient("add", (dy) => [dy, dy]);
registerGradient("sub", (dy) => [dy, neg(dy)]);
registerGradient("mulAdd", (dy, [a, b], _attrs, _out, needs) => [
  needs[0] ? mul(dy, b) : null,
  needs[1] ? mul(dy, a) : null,
  dy,
]);
registerGradient("mul", (dy, [a, b], _attrs, _out, needs) => [
  needs[0] ? mul(dy, b) : null,
  needs[1] ? mul(dy, a) : null,
]);
registerGradient("div", (dy, [a, b], _attrs, _out, needs) => [
  needs[0] ? div(dy, b) : null,
  needs[1] ? neg(div(mul(dy, a), mul(b, b))) : null,
]);
registerGradient("pow", (dy, [a, b], _attrs, out, needs) => [
  needs[0] ? mul(dy, mul(b, pow(a, sub(b, 1)))) : null,
  // d/db a^b = a^b log a, taken as 0 where a <= 0 (as TensorFlow does: the log is undefined).
  needs[1] ? mul(dy, where(gt(a, 0), mul(out, log(where(gt(a, 0), a, 1))), 0)) : null,
]);
registerGradient("neg", (dy) => [neg(dy)]);
registerGradient("abs", (dy, [a]) => [mul(dy, sign(a))]);
registerGradient("sign", (dy) => [mul(dy, 0)]);
registerGradient("reciprocal", (dy, _inputs, _attrs, out) => [neg(mul(dy, mul(out, out)))]);
// a mod b = a - floor(a / b) * b.
registerGradient("mod", (dy, [a, b], _attrs, _out, needs) => [
  dy,
  needs[1] ? neg(mul(dy, floor(div(a, b)))) : null,
]);
registerGradient("floorDiv", () => [null, null]);
