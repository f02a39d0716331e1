import { toTensor } from "../core/convert.js";
import { isFloat, promoteTypes, type DType } from "../core/dtype.js";
import { ValueError } from "../core/errors.js";
import { runKernel } from "../core/registry.js";
import type { Tensor, TensorLike } from "../core/tensor.js";
import { registerGradient } from "../autodiff/registry.js";
import { LookupError } from "../autodiff/errors.js";
import { installMethods } from "./methods.js";
import { sum } from "./reduce.js";
import { mul } from "./arithmetic.js";
import { broadcastView } from "../core/broadcast.js";
import { contiguousStrides } from "../core/shape.js";
import { viewAdjoint } from "../autodiff/layout-grads.js";
import { planEinsum } from "../linalg/einsum-plan.js";

// Matrix and tensor products. Kernels compute in floating point; integer operands give an
// integer result as in NumPy (exact while the sums stay below 2**53).

function product(op: string, inputs: TensorLike[], attrs: Record<string, unknown> = {}): Tensor {
  const ts = inputs.map((x) => toTensor(x));
  const dtype = ts.map((t) => t.dtype).reduce<DType>((a, b) => promoteTypes(a, b), ts[0].dtype);
  const operands = isFloat(dtype) ? ts.map((t) => (t.dtype === dtype ? t : t.astype(dtype))) : ts;
  const out = runKernel(op, operands, attrs);
  return out.dtype === dtype ? out : out.astype(dtype);
}

/**
 * Matrix product with NumPy's `matmul` rules: batched over leading axes (broadcast), 1-D operands
 * promoted to a row or column and the added axis removed (`@` in Python).
 *
 * @example
 * ```ts
 * np.matmul(np.eye(2), [[1, 2], [3, 4]]).toArray(); // [[1, 2], [3, 4]]
 * Xb.T.matmul(Xb);
 * ```
 */
export function matmul(a: TensorLike, b: TensorLike): Tensor {
  const ta = toTensor(a);
  const tb = toTensor(b);
  if (ta.ndim === 0 || tb.ndim === 0) {
    throw new ValueError(
      "matmul: Input operand does not have enough dimensions (a scalar is not allowed; use mul)",
    );
  }
  return product("matmul", [ta, tb]);
}

/** Dot product (`np.dot`): matmul for 1-D/2-D, sum-product over the last/second-to-last axes beyond. @example `X.dot(theta)` */
export function dot(a: TensorLike, b: TensorLike): Tensor {
  return product("dot", [a, b]);
}
/** Dot product of flattened arrays (`np.vdot`). */
export function vdot(a: TensorLike, b: TensorLike): Tensor {
  return product("vdot", [a, b]);
}
/** Inner product over the last axes (`np.inner`). */
export function inner(a: TensorLike, b: TensorLike): Tensor {
  return product("inner", [a, b]);
}
/** Outer product of flattened arrays (`np.outer`). @example `np.outer([1, 2], [3, 4])` */
export function outer(a: TensorLike, b: TensorLike): Tensor {
  return product("outer", [a, b]);
}
/** Kronecker product (`np.kron`). */
export function kron(a: TensorLike, b: TensorLike): Tensor {
  return product("kron", [a, b]);
}
/**
 * Sum-product over the given axes (`np.tensordot`): an int N (last N of a, first N of b) or a
 * pair of axis lists. @example `np.tensordot(a, b, [[1], [0]])`
 */
export function tensordot(a: TensorLike, b: TensorLike, axes: number | [number[], number[]] = 2): Tensor {
  return product("tensordot", [a, b], { axes });
}
/** Sum of a diagonal (`np.trace`). @example `np.trace(np.eye(3)) // 3` */
export function trace(a: TensorLike, offset = 0, axis1 = 0, axis2 = 1): Tensor {
  return product("trace", [a], { offset, axis1, axis2 });
}
/**
 * Einstein summation (`np.einsum`), explicit (`"ij,jk->ik"`) and implicit (`"ij,jk"`) forms.
 *
 * @example
 * ```ts
 * np.einsum("ij,jk->ik", A, B); // matrix product
 * np.einsum("ii", A); // trace
 * ```
 */
export function einsum(subscripts: string, ...operands: TensorLike[]): Tensor {
  return product("einsum", operands, { subscripts });
}

installMethods({ matmul, dot });

declare module "../core/tensor.js" {
  interface Tensor {
    /** Matrix product `this @ b`. @example `Xb.T.matmul(Xb)` */
    matmul(b: TensorLike): Tensor;
    /** Dot product (`a.dot(b)`). @example `X.dot(theta)` */
    dot(b: TensorLike): Tensor;
  }
}

// ---- Gradients -------------------------------------------------------------------------------
// matmul: dA = dY·Bᵀ, dB = Aᵀ·dY on the operands as the kernel saw them (1-D operands as a row
// or a column, batch axes broadcast), then summed back over broadcast batch axes and reshaped.

const swapLast = (t: Tensor): Tensor => {
  const perm = [...t.shape.keys()];
  [perm[t.ndim - 2], perm[t.ndim - 1]] = [perm[t.ndim - 1], perm[t.ndim - 2]];
  return t.transpose(perm);
};

// Sums a broadcast gradient back to `shape` (leading axes, and axes where `shape` has 1).
function sumTo(g: Tensor, shape: readonly number[]): Tensor {
  const lead = g.ndim - shape.length;
  const axes = [...g.shape.keys()].filter((i) => i < lead || (shape[i - lead] === 1 && g.shape[i] !== 1));
  return (axes.length ? sum(g, axes) : g).reshape(shape);
}

function matmulGradient(dy: Tensor, a: Tensor, b: Tensor, needs: readonly boolean[]): (Tensor | null)[] {
  const a2 = a.ndim === 1 ? a.reshape([1, a.shape[0]]) : a;
  const b2 = b.ndim === 1 ? b.reshape([b.shape[0], 1]) : b;
  const outShape = [...dy.shape];
  if (a.ndim === 1) outShape.splice(outShape.length - (b.ndim === 1 ? 0 : 1), 0, 1);
  if (b.ndim === 1) outShape.push(1);
  const dy2 = dy.reshape(outShape);
  return [
    needs[0] ? sumTo(matmul(dy2, swapLast(b2)), a2.shape).reshape(a.shape) : null,
    needs[1] ? sumTo(matmul(swapLast(a2), dy2), b2.shape).reshape(b.shape) : null,
  ];
}

registerGradient("matmul", (dy, [a, b], _attrs, _out, needs) => matmulGradient(dy, a, b, needs));
// `dot` is matmul for operands of at most two axes (the only case with a gradient here).
registerGradient("dot", (dy, [a, b], _attrs, _out, needs) => {
  if (a.ndim > 2 || b.ndim > 2) {
    throw new LookupError("No gradient defined for np.dot of arrays with more than 2 axes; use matmul");
  }
  return matmulGradient(dy, a, b, needs);
});

// vdot(a, b) = Σ a·b over the flattened arrays.
registerGradient("vdot", (dy, [a, b], _attrs, _out, needs) => [
  needs[0] ? mul(dy, b) : null,
  needs[1] ? mul(dy, a) : null,
]);

// outer(a, b)[i, j] = a_i b_j over the flattened arrays.
registerGradient("outer", (dy, [a, b], _attrs, _out, needs) => [
  needs[0] ? matmul(dy, b.reshape([-1])).reshape(a.shape) : null,
  needs[1] ? matmul(a.reshape([-1]), dy).reshape(b.shape) : null,
]);

// inner(a, b) contracts the last axes: with a as rows [m, k] and b as rows [n, k] it is a·bᵀ.
registerGradient("inner", (dy, [a, b], _attrs, _out, needs) => {
  if (a.ndim === 0 || b.ndim === 0) return [needs[0] ? mul(dy, b) : null, needs[1] ? mul(dy, a) : null];
  const k = a.shape[a.ndim - 1];
  const a2 = a.reshape([-1, k]);
  const b2 = b.reshape([-1, k]);
  const dy2 = dy.reshape([a2.shape[0], b2.shape[0]]);
  return [
    needs[0] ? matmul(dy2, b2).reshape(a.shape) : null,
    needs[1] ? matmul(swapLast(dy2), a2).reshape(b.shape) : null,
  ];
});

// kron(a, b) with both padded to the same rank r: out[i·q + k] = a[i]·b[k] on each axis, so the
// output read as [a0, b0, a1, b1, ...] is the product a[i0, i1, ...]·b[k0, k1, ...]; each
// operand's gradient sums dy times the other over the other's axes.
registerGradient("kron", (dy, [a, b], _attrs, _out, needs) => {
  const r = Math.max(a.ndim, b.ndim);
  const sa = [...new Array<number>(r - a.ndim).fill(1), ...a.shape];
  const sb = [...new Array<number>(r - b.ndim).fill(1), ...b.shape];
  const g = dy.reshape(sa.flatMap((d, i) => [d, sb[i]]));
  const aAxes = sa.map((_, i) => 2 * i);
  const bAxes = sa.map((_, i) => 2 * i + 1);
  return [
    needs[0] ? sum(mul(g, b.reshape(sb.flatMap((d) => [1, d]))), bAxes).reshape(a.shape) : null,
    needs[1] ? sum(mul(g, a.reshape(sa.flatMap((d) => [d, 1]))), aAxes).reshape(b.shape) : null,
  ];
});

interface TraceAttrs {
  readonly offset: number;
  readonly axis1: number;
  readonly axis2: number;
}

// trace sums a diagonal: its gradient puts dy on that diagonal of a zero tensor (a view's
// adjoint, so it differentiates again).
registerGradient<TraceAttrs>("trace", (dy, [a], { offset, axis1, axis2 }) => {
  const nd = a.ndim;
  const ax1 = axis1 < 0 ? axis1 + nd : axis1;
  const ax2 = axis2 < 0 ? axis2 + nd : axis2;
  const strides = contiguousStrides(a.shape);
  const rest = [...a.shape.keys()].filter((i) => i !== ax1 && i !== ax2);
  const [r0, c0] = offset >= 0 ? [0, offset] : [-offset, 0];
  const len = Math.max(0, Math.min(a.shape[ax1] - r0, a.shape[ax2] - c0));
  const diagonal = {
    shape: [...rest.map((i) => a.shape[i]), len],
    strides: [...rest.map((i) => strides[i]), strides[ax1] + strides[ax2]],
    offset: r0 * strides[ax1] + c0 * strides[ax2],
  };
  const spread = broadcastView(dy.reshape([...dy.shape, 1]), diagonal.shape);
  return [
    viewAdjoint(spread, {
      from: diagonal,
      to: { shape: a.shape, strides, offset: 0 },
      scatterFirst: false,
      gatherFirst: false,
    }),
  ];
});

const LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

// The gradient of an einsum with respect to one operand is another einsum: the output gradient
// contracted with the other operands, onto that operand's labels. Labels only that operand has
// were summed away in the forward pass, so the gradient is broadcast along them; axes of size 1
// that broadcasting stretched are summed back.
function einsumGradient(
  subscripts: string,
  dy: Tensor,
  ops: readonly Tensor[],
  needs: readonly boolean[],
): (Tensor | null)[] {
  const plan = planEinsum(
    subscripts,
    ops.map((o) => o.shape),
  );
  const letters = new Map<number, string>();
  const name = (label: number): string => {
    let l = letters.get(label);
    if (l === undefined) {
      if (letters.size >= LETTERS.length)
        throw new LookupError("einsum gradient: more than 52 distinct labels");
      letters.set(label, (l = LETTERS[letters.size]));
    }
    return l;
  };
  const term = (labels: readonly number[]): string => labels.map(name).join("");
  return ops.map((op, i) => {
    if (!needs[i]) return null;
    const labels = plan.inputs[i];
    if (new Set(labels).size !== labels.length) {
      throw new LookupError(
        `No gradient defined for einsum "${subscripts}": operand ${i} repeats a subscript (a diagonal)`,
      );
    }
    const others = ops.flatMap((t, j) => (j === i ? [] : [{ t, labels: plan.inputs[j] }]));
    const seen = new Set([...plan.output, ...others.flatMap((o) => o.labels)]);
    const kept = labels.filter((l) => seen.has(l));
    const spec = `${[term(plan.output), ...others.map((o) => term(o.labels))].join(",")}->${term(kept)}`;
    let g = einsum(spec, dy, ...others.map((o) => o.t));
    const full = labels.map((l) => plan.sizes.get(l) as number);
    if (kept.length !== labels.length) {
      g = broadcastView(g.reshape(labels.map((l, ax) => (seen.has(l) ? full[ax] : 1))), full);
    }
    const stretched = op.shape.flatMap((d, ax) => (d === 1 && full[ax] !== 1 ? [ax] : []));
    return stretched.length ? sum(g, stretched, { keepdims: true }) : g;
  });
}

registerGradient<{ subscripts: string }>("einsum", (dy, ops, { subscripts }, _out, needs) =>
  einsumGradient(subscripts, dy, ops, needs),
);

// tensordot is the einsum that contracts the listed axes of a with those of b, the remaining axes
// of a then of b forming the output.
registerGradient<{ axes: number | [number[], number[]] }>(
  "tensordot",
  (dy, [a, b], { axes }, _out, needs) => {
    const norm = (ax: number, nd: number): number => (ax < 0 ? ax + nd : ax);
    const [axA, axB] =
      typeof axes === "number"
        ? [
            Array.from({ length: axes }, (_, i) => a.ndim - axes + i),
            Array.from({ length: axes }, (_, i) => i),
          ]
        : [axes[0].map((x) => norm(x, a.ndim)), axes[1].map((x) => norm(x, b.ndim))];
    const la = Array.from({ length: a.ndim }, (_, i) => LETTERS[i]);
    const lb = Array.from({ length: b.ndim }, (_, i) => LETTERS[a.ndim + i]);
    axB.forEach((ax, k) => (lb[ax] = la[axA[k]]));
    const out = [...la.filter((_, i) => !axA.includes(i)), ...lb.filter((_, i) => !axB.includes(i))];
    return einsumGradient(`${la.join("")},${lb.join("")}->${out.join("")}`, dy, [a, b], needs);
  },
);
