import { allocate, type DType } from "../../core/dtype.js";
import { hostOf } from "../../core/host.js";
import { registerKernel } from "../../core/registry.js";
import { Tensor } from "../../core/tensor.js";
import type { ElementwiseAttrs } from "../../ops/elementwise.js";
import { binaryLoop, unaryLoop } from "./loops.js";
import { wasmBinary, wasmUnary } from "./wasm/elementwise-driver.js";

/**
 * An element-wise expression in `x` (and `y` for binary ops, `p` for an op parameter), either
 * one for every result dtype or one per result dtype with a `default`.
 */
export type Expr = string | (Partial<Record<DType, string>> & { default: string });

function exprFor(e: Expr, dtype: DType): string {
  if (typeof e === "string") return e;
  return e[dtype] ?? e.default;
}

// Bool results are stored as 0/1 bytes: coerce whatever the expression yields.
function store(expr: string, dtype: DType): string {
  return dtype === "bool" ? `((${expr}) ? 1 : 0)` : expr;
}

/** Registers the `js` kernel of a binary element-wise op from its expression. */
export function registerBinaryExpr(op: string, e: Expr): void {
  registerKernel<ElementwiseAttrs>(op, "js", ([a, b], { dtype }) => {
    const sa = hostOf(a);
    const sb = hostOf(b);
    const out = allocate(dtype, a.size);
    // Contiguous float operands of a few ops have SIMD kernels; everything else loops here.
    const simd = wasmBinary(
      op,
      dtype,
      out,
      a.shape,
      { data: sa.data, offset: a.offset, strides: a.strides },
      {
        data: sb.data,
        offset: b.offset,
        strides: b.strides,
      },
    );
    if (simd) return Tensor.fromTypedArray(out, a.shape, dtype);
    const key = `${op}:${dtype}:${sa.data.constructor.name}:${sb.data.constructor.name}`;
    binaryLoop(key, store(exprFor(e, dtype), dtype))(
      out,
      sa.data,
      a.offset,
      a.strides,
      sb.data,
      b.offset,
      b.strides,
      a.shape,
    );
    return Tensor.fromTypedArray(out, a.shape, dtype);
  });
}

/** Registers the `js` kernel of a unary element-wise op from its expression. */
export function registerUnaryExpr(op: string, e: Expr): void {
  registerKernel<ElementwiseAttrs>(op, "js", ([a], { dtype, param }) => {
    const sa = hostOf(a);
    const out = allocate(dtype, a.size);
    if (wasmUnary(op, dtype, out, a.shape, { data: sa.data, offset: a.offset, strides: a.strides })) {
      return Tensor.fromTypedArray(out, a.shape, dtype);
    }
    const key = `${op}:${dtype}:${sa.data.constructor.name}`;
    unaryLoop(key, store(exprFor(e, dtype), dtype))(out, sa.data, a.offset, a.strides, a.shape, param ?? 0);
    return Tensor.fromTypedArray(out, a.shape, dtype);
  });
}
