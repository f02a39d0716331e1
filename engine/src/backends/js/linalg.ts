import { isFloat } from "../../core/dtype.js";
import { readHost } from "../../core/host.js";
import { registerKernel, registerMultiKernel } from "../../core/registry.js";
import { Tensor } from "../../core/tensor.js";
import * as la from "../../linalg/index.js";
import type { Dense, IntDense, NormOrd, QrMode, Uplo } from "../../linalg/index.js";

// The `js` backend's products and decompositions: the linear-algebra layer (linalg/) works on
// contiguous row-major float arrays, so tensors are read into that form and results wrapped.

function dense(t: Tensor): Dense {
  const f = isFloat(t.dtype) ? t : t.astype("float64");
  return { data: readHost(f) as Float64Array | Float32Array, shape: [...f.shape] };
}

function tensor(d: Dense | IntDense): Tensor {
  const dtype =
    d.data instanceof Float32Array ? "float32" : d.data instanceof Int32Array ? "int32" : "float64";
  return Tensor.fromTypedArray(d.data, d.shape, dtype);
}

const binary = (fn: (a: Dense, b: Dense) => Dense) => (inputs: readonly Tensor[]) =>
  tensor(fn(dense(inputs[0]), dense(inputs[1])));

registerKernel("matmul", "js", binary(la.matmul));
registerKernel("dot", "js", binary(la.dot));
registerKernel("vdot", "js", binary(la.vdot));
registerKernel("inner", "js", binary(la.inner));
registerKernel("outer", "js", binary(la.outer));
registerKernel("kron", "js", binary(la.kron));
registerKernel<{ axes: number | [number[], number[]] }>("tensordot", "js", ([a, b], { axes }) =>
  tensor(la.tensordot(dense(a), dense(b), axes)),
);
registerKernel<{ offset: number; axis1: number; axis2: number }>("trace", "js", ([a], o) =>
  tensor(la.trace(dense(a), o.offset, o.axis1, o.axis2)),
);
registerKernel<{ subscripts: string }>("einsum", "js", (ops, { subscripts }) =>
  tensor(la.einsum(subscripts, ...ops.map(dense))),
);
registerKernel<{ n: number }>("matrixPower", "js", ([a], { n }) => tensor(la.matrixPower(dense(a), n)));

registerKernel("linalg.inv", "js", ([a]) => tensor(la.inv(dense(a))));
registerKernel<{ rcond: number }>("linalg.pinv", "js", ([a], { rcond }) => tensor(la.pinv(dense(a), rcond)));
registerKernel("linalg.det", "js", ([a]) => tensor(la.det(dense(a))));
registerKernel("linalg.solve", "js", binary(la.solve));
registerKernel("linalg.cholesky", "js", ([a]) => tensor(la.cholesky(dense(a))));
registerKernel<{ tol: number | null }>("linalg.matrixRank", "js", ([a], { tol }) =>
  tensor(la.matrixRank(dense(a), tol)),
);
registerKernel<{ p: NormOrd }>("linalg.cond", "js", ([a], { p }) => tensor(la.cond(dense(a), p)));
registerKernel<{ ord: NormOrd; axis?: number | [number, number]; keepdims?: boolean }>(
  "linalg.norm",
  "js",
  ([a], { ord, axis, keepdims }) => tensor(la.norm(dense(a), ord, { axis, keepdims })),
);
registerKernel<{ uplo: Uplo }>("linalg.eigvalsh", "js", ([a], { uplo }) =>
  tensor(la.eigvalsh(dense(a), uplo)),
);

registerMultiKernel("linalg.slogdet", "js", ([a]) => {
  const r = la.slogdet(dense(a));
  return [tensor(r.sign), tensor(r.logabsdet)];
});
registerMultiKernel<{ mode: QrMode }>("linalg.qr", "js", ([a], { mode }) => {
  const r = la.qr(dense(a), mode);
  return r.q ? [tensor(r.q), tensor(r.r)] : [tensor(r.r)];
});
registerMultiKernel<{ fullMatrices: boolean; computeUv: boolean }>("linalg.svd", "js", ([a], o) => {
  const r = la.svd(dense(a), o);
  return r.u && r.vh ? [tensor(r.u), tensor(r.s), tensor(r.vh)] : [tensor(r.s)];
});
registerMultiKernel<{ uplo: Uplo }>("linalg.eigh", "js", ([a], { uplo }) => {
  const r = la.eigh(dense(a), uplo);
  return [tensor(r.w), tensor(r.v)];
});
registerMultiKernel<{ rcond: number | null }>("linalg.lstsq", "js", ([a, b], { rcond }) => {
  const r = la.lstsq(dense(a), dense(b), rcond);
  return [
    tensor(r.x),
    tensor(r.residuals),
    Tensor.fromTypedArray(new Int32Array([r.rank]), [], "int32"),
    tensor(r.s),
  ];
});
registerMultiKernel<{ vectors: boolean }>("linalg.eig", "js", ([a], { vectors }) => {
  if (!vectors) {
    const r = la.eigvals(dense(a));
    return [
      tensor(r.wRe),
      tensor(r.wIm),
      Tensor.fromTypedArray(new Uint8Array([r.isReal ? 1 : 0]), [], "bool"),
    ];
  }
  const r = la.eig(dense(a));
  return [
    tensor(r.wRe),
    tensor(r.wIm),
    Tensor.fromTypedArray(new Uint8Array([r.isReal ? 1 : 0]), [], "bool"),
    tensor(r.vRe),
    tensor(r.vIm),
  ];
});
