// Matrix helpers the linear-algebra gradients share, written with recorded ops so that a
// gradient built from them can be differentiated again. Everything works on the last two axes
// and broadcasts over leading (batch) axes.
import { allocate, type DType } from "../../core/dtype.js";
import { Tensor } from "../../core/tensor.js";
import { add, mul, sub } from "../arithmetic.js";
import { sum } from "../reduce.js";

/** The transpose of the last two axes (a view). */
export function swapLast(m: Tensor): Tensor {
  const perm = [...m.shape.keys()];
  [perm[m.ndim - 2], perm[m.ndim - 1]] = [perm[m.ndim - 1], perm[m.ndim - 2]];
  return m.transpose(perm);
}

/** The float dtype a gradient of `t` is computed in. */
export const floatOf = (t: Tensor): DType => (t.dtype === "float32" ? "float32" : "float64");

/** A constant `rows`×`cols` matrix of 1 where `keep(i, j)` holds, else 0. */
export function maskMatrix(
  rows: number,
  cols: number,
  dtype: DType,
  keep: (i: number, j: number) => boolean,
): Tensor {
  const data = allocate(dtype, rows * cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) if (keep(i, j)) data[i * cols + j] = 1;
  return Tensor.fromTypedArray(data, [rows, cols], dtype);
}

/** The `n`×`n` identity (a constant). */
export const eyeOf = (n: number, dtype: DType): Tensor => maskMatrix(n, n, dtype, (i, j) => i === j);

const lastTwo = (a: Tensor): [number, number] => [a.shape[a.ndim - 2], a.shape[a.ndim - 1]];

/** The lower triangle (`j - i <= k`), zero elsewhere. */
export function tril(a: Tensor, k = 0): Tensor {
  const [r, c] = lastTwo(a);
  return mul(
    a,
    maskMatrix(r, c, floatOf(a), (i, j) => j - i <= k),
  );
}

/** The upper triangle (`j - i >= k`), zero elsewhere. */
export function triu(a: Tensor, k = 0): Tensor {
  const [r, c] = lastTwo(a);
  return mul(
    a,
    maskMatrix(r, c, floatOf(a), (i, j) => j - i >= k),
  );
}

/** Vectors `v[..., n]` as diagonal matrices `[..., n, n]`. */
export const diagEmbed = (v: Tensor): Tensor => mul(v.expandDims(-2), eyeOf(v.shape[v.ndim - 1], floatOf(v)));

/** The diagonals `[..., n]` of square matrices `[..., n, n]`. */
export const diagPart = (a: Tensor): Tensor => sum(mul(a, eyeOf(a.shape[a.ndim - 1], floatOf(a))), -1);

/** The symmetric part `(a + aᵀ) / 2`. */
export const sym = (a: Tensor): Tensor => mul(add(a, swapLast(a)), 0.5);

/** The skew part `a - aᵀ`. */
export const skew = (a: Tensor): Tensor => sub(a, swapLast(a));

/** Vectors `[..., n]` as columns `[..., n, 1]`. */
export const col = (v: Tensor): Tensor => v.expandDims(-1);

/** Vectors `[..., n]` as rows `[..., 1, n]`. */
export const row = (v: Tensor): Tensor => v.expandDims(-2);

/** Adds two optional terms of a gradient (`null` is zero). */
export function plus(a: Tensor | null, b: Tensor | null): Tensor | null {
  return a === null ? b : b === null ? a : add(a, b);
}
