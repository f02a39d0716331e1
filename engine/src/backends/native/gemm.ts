import type { FloatArray, NativeKernels } from "@tensorbook/native";
import { hostOf } from "../../core/host.js";
import { Tensor } from "../../core/tensor.js";
import { uninitializedFloat } from "./alloc.js";
import { nativeBinding } from "./state.js";
import type { GemmAccelerator } from "../../linalg/gemm.js";

// GEMM entry points for np.matmul and the linear-algebra layer. Each returns false (or
// undefined) without touching anything when the native backend is not in use or the operands
// are not all of one float type, so callers keep their TypeScript path as the fallback:
//
//   if (!nativeGemm(transA, transB, m, n, k, alpha, A, lda, B, ldb, beta, C, ldc, offsets)) {
//     gemm(transA, transB, m, n, k, alpha, A, lda, B, ldb, beta, C, ldc, offsets);
//   }

/** Element offsets of the three matrices inside their arrays. */
export interface GemmOffsets {
  a?: number;
  b?: number;
  c?: number;
}

/** One operand of {@link nativeGemmStrided}: a (batch of) matrices addressed by strides. */
export interface StridedMatrix {
  data: FloatArray;
  offset?: number;
  rowStride: number;
  colStride: number;
  /** Step between consecutive matrices of a batch (0 repeats one matrix for all). */
  batchStride?: number;
}

/** A product `C = alpha·A·B + beta·C` over strided (batches of) matrices. */
export interface StridedGemm {
  m: number;
  n: number;
  k: number;
  a: StridedMatrix;
  b: StridedMatrix;
  c: StridedMatrix;
  alpha?: number;
  beta?: number;
  /** Number of matrices (default 1). */
  batch?: number;
}

const sameFloat = (a: FloatArray, b: FloatArray, c: FloatArray): boolean =>
  (a instanceof Float32Array && b instanceof Float32Array && c instanceof Float32Array) ||
  (a instanceof Float64Array && b instanceof Float64Array && c instanceof Float64Array);

function args(g: StridedGemm, cancel?: Int32Array): Parameters<NativeKernels["gemm"]> {
  const { a, b, c } = g;
  return [
    a.data, a.offset ?? 0, a.rowStride, a.colStride,
    b.data, b.offset ?? 0, b.rowStride, b.colStride,
    c.data, c.offset ?? 0, c.rowStride, c.colStride,
    g.m, g.n, g.k, g.alpha ?? 1, g.beta ?? 0,
    g.batch ?? 1, a.batchStride ?? 0, b.batchStride ?? 0, c.batchStride ?? 0, cancel,
  ]; // prettier-ignore
}

/**
 * `C ← alpha·A·B + beta·C` on any strides (transposes and slices without copies), batched,
 * on the native thread pool. `beta = 0` never reads C. Returns false when it did nothing.
 *
 * @example
 * ```ts
 * // C (2x2) = A (2x3) · Bᵀ where B is stored 2x3 row-major
 * nativeGemmStrided({ m: 2, n: 2, k: 3,
 *   a: { data: A, rowStride: 3, colStride: 1 },
 *   b: { data: B, rowStride: 1, colStride: 3 },
 *   c: { data: C, rowStride: 2, colStride: 1 } });
 * ```
 */
export function nativeGemmStrided(g: StridedGemm): boolean {
  const b = nativeBinding();
  if (!b || !sameFloat(g.a.data, g.b.data, g.c.data)) return false;
  return b.gemm(...args(g));
}

/**
 * The async form of {@link nativeGemmStrided}: runs off the event loop and stops between
 * blocks once `cancel[0]` is set non-zero (resolves false then, C partly written). Resolves
 * false at once when the native backend cannot run it.
 *
 * @example
 * ```ts
 * const cancel = new Int32Array(1);
 * const done = nativeGemmStridedAsync(spec, cancel);
 * cancel[0] = 1; // an interrupt
 * await done; // false
 * ```
 */
export async function nativeGemmStridedAsync(g: StridedGemm, cancel?: Int32Array): Promise<boolean> {
  const b = nativeBinding();
  if (!b || !sameFloat(g.a.data, g.b.data, g.c.data)) return false;
  return b.gemmAsync(...args(g, cancel));
}

/**
 * BLAS-style `C ← alpha·op(A)·op(B) + beta·C` on row-major storage, where op(X) is X or Xᵀ,
 * with exactly the arguments of the linear-algebra layer's `gemm`: op(A) is m×k, op(B) is
 * k×n, C is m×n; lda/ldb/ldc are the row strides of the stored matrices. A, B and C must be
 * all Float32Array or all Float64Array. Returns false (nothing done) otherwise or when the
 * native backend is not in use.
 *
 * @example
 * ```ts
 * const A = new Float64Array([1, 2, 3, 4]), B = new Float64Array([5, 6, 7, 8]);
 * const C = new Float64Array(4);
 * nativeGemm(false, false, 2, 2, 2, 1, A, 2, B, 2, 0, C, 2); // true; C = [19, 22, 43, 50]
 * ```
 */
export const nativeGemm: GemmAccelerator = (
  transA,
  transB,
  m,
  n,
  k,
  alpha,
  A,
  lda,
  B,
  ldb,
  beta,
  C,
  ldc,
  offsets = {},
) => {
  return nativeGemmStrided({
    m,
    n,
    k,
    alpha,
    beta,
    a: { data: A, offset: offsets.a, rowStride: transA ? 1 : lda, colStride: transA ? lda : 1 },
    b: { data: B, offset: offsets.b, rowStride: transB ? 1 : ldb, colStride: transB ? ldb : 1 },
    c: { data: C, offset: offsets.c, rowStride: ldc, colStride: 1 },
  });
};

/**
 * `a @ b` for float tensors of one dtype: a is [..., m, k], b is [..., k, n] with the same
 * leading (batch) shape — broadcast them first; stride-0 and transposed views are read in
 * place. Returns a new [..., m, n] tensor, or undefined when the native backend cannot do it.
 *
 * @example
 * ```ts
 * const c = nativeMatmul(a, b.T) ?? jsMatmul(a, b.T);
 * ```
 */
export function nativeMatmul(a: Tensor, b: Tensor): Tensor | undefined {
  const bind = nativeBinding();
  const nd = a.ndim;
  if (!bind || nd < 2 || b.ndim !== nd || a.dtype !== b.dtype) return undefined;
  if (a.dtype !== "float32" && a.dtype !== "float64") return undefined;
  const lead = a.shape.slice(0, nd - 2);
  if (lead.some((d, i) => d !== b.shape[i])) return undefined;
  const [m, k] = a.shape.slice(nd - 2);
  const [k2, n] = b.shape.slice(nd - 2);
  if (k !== k2) return undefined;
  const batch = lead.reduce((p, d) => p * d, 1);
  // beta = 0: the product writes every element of the result.
  const out = uninitializedFloat(a.dtype, batch * m * n);
  const ad = hostOf(a).data as FloatArray;
  const bd = hostOf(b).data as FloatArray;
  // Walk the batch axes (any strides) and multiply one matrix at a time; a single batch axis
  // goes to the addon as one batched call.
  const one = (offA: number, offB: number, i: number, count: number, sba: number, sbb: number): void => {
    bind.gemm(
      ad, offA, a.strides[nd - 2], a.strides[nd - 1],
      bd, offB, b.strides[nd - 2], b.strides[nd - 1],
      out, i * m * n, n, 1, m, n, k, 1, 0, count, sba, sbb, m * n,
    ); // prettier-ignore
  };
  if (lead.length <= 1) {
    one(a.offset, b.offset, 0, batch, lead.length ? a.strides[0] : 0, lead.length ? b.strides[0] : 0);
  } else {
    for (let i = 0; i < batch; i++) {
      let rest = i;
      let oa = a.offset;
      let ob = b.offset;
      for (let d = lead.length - 1; d >= 0; d--) {
        const idx = rest % lead[d];
        rest = Math.floor(rest / lead[d]);
        oa += idx * a.strides[d];
        ob += idx * b.strides[d];
      }
      one(oa, ob, i, 1, 0, 0);
    }
  }
  return Tensor.fromTypedArray(out, [...lead, m, n], a.dtype);
}
