import type { NativeBinding } from "@tensorbook/native";
import { registerKernel } from "../../core/registry.js";
import type { Tensor } from "../../core/tensor.js";
import { hostFallback } from "./fallback.js";
import { idOf } from "./kernels.js";
import { cudaTensor, isCudaFloat } from "./storage.js";

// matmul on cuBLAS: [..., m, k] @ [..., k, n] with equal batch shapes (NumPy broadcasting of the
// batch axes is done by the op as stride-0 views, which strided-batched GEMM reads in place).
// A matrix whose rows or columns are contiguous is read in place (transposes are free); any
// other layout is first copied on the device.

interface Operand {
  t: Tensor;
  trans: boolean;
  ld: number;
  batchStride: number;
}

// How cuBLAS can read the last two axes of `t` and its batch axes (one stride), or undefined.
function layout(t: Tensor): Operand | undefined {
  const nd = t.ndim;
  const [rows, cols] = [t.shape[nd - 2], t.shape[nd - 1]];
  const [rs, cs] = [t.strides[nd - 2], t.strides[nd - 1]];
  let trans: boolean;
  let ld: number;
  if (cs === 1 && rs >= Math.max(1, cols)) [trans, ld] = [false, rs];
  else if (rs === 1 && cs >= Math.max(1, rows)) [trans, ld] = [true, cs];
  else if (rows === 1 && cs === 1) [trans, ld] = [false, Math.max(1, cols)];
  else return undefined;
  // Batch axes must collapse into one stride (or all be broadcast, stride 0).
  let batchStride = 0;
  let expect: number | undefined;
  for (let d = nd - 3; d >= 0; d--) {
    if (t.shape[d] === 1) continue;
    if (expect === undefined) {
      batchStride = t.strides[d];
      expect = batchStride * t.shape[d];
    } else if (t.strides[d] !== expect || batchStride === 0) {
      return undefined;
    } else expect *= t.shape[d];
  }
  return { t, trans, ld, batchStride };
}

export function registerMatmul(b: NativeBinding): void {
  const cpu = hostFallback<Record<string, unknown>>("matmul");
  const copy = (t: Tensor): Tensor => {
    const out = cudaTensor(t.dtype, t.shape);
    b.cudaUnary("copy", t.dtype as "float32", idOf(out), idOf(t), t.offset, t.strides, t.shape, 0);
    return out;
  };
  registerKernel<Record<string, unknown>>("matmul", "cuda", (inputs, attrs) => {
    const [x, y] = inputs;
    const dtype = x.dtype;
    const sameBatch =
      x.ndim >= 2 && x.ndim === y.ndim && x.shape.slice(0, -2).every((d, i) => d === y.shape[i]);
    if (!isCudaFloat(dtype) || y.dtype !== dtype || !sameBatch || x.ndim > 8) return cpu(inputs, attrs);
    const nd = x.ndim;
    const [m, k, n] = [x.shape[nd - 2], x.shape[nd - 1], y.shape[nd - 1]];
    if (y.shape[nd - 2] !== k) return cpu(inputs, attrs); // the op's own check words the error
    const a = layout(x) ?? layout(copy(x))!;
    const c = layout(y) ?? layout(copy(y))!;
    const batchShape = x.shape.slice(0, -2);
    const batch = batchShape.reduce((p, d) => p * d, 1);
    const out = cudaTensor(dtype, [...batchShape, m, n]);
    if (m * n === 0) return out;
    if (k === 0) {
      b.cudaUnary("fill", dtype, idOf(out), idOf(out), 0, [1], [m * n * batch], 0);
      return out;
    }
    b.cudaGemm(
      dtype,
      a.trans,
      c.trans,
      m,
      n,
      k,
      1,
      idOf(a.t),
      a.t.offset,
      a.ld,
      a.batchStride,
      idOf(c.t),
      c.t.offset,
      c.ld,
      c.batchStride,
      0,
      idOf(out),
      0,
      n,
      m * n,
      batch,
    );
    return out;
  });
}
