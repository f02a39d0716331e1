/**
 * Matrix and tensor products with NumPy's shape rules: `matmul` (batched, broadcasting),
 * `dot`, `vdot`, `inner`, `outer`, `tensordot`, `kron`, `trace` and `matrixPower`. Every
 * contraction is reshaped into GEMM calls.
 */
import { broadcastIndex, broadcastShapes, stackOf } from "./batch.js";
import { ValueError } from "./errors.js";
import { gemm } from "./gemm.js";
import { permute } from "./layout.js";
import { inv } from "./lu.js";
import { alloc, dtypeOf, promote, sizeOf, type Dense, type FloatArray } from "./types.js";

const SIG = "(n?,k),(k,m?)->(n?,m?)";
const fmt = (s: readonly number[]): string => `(${s.join(",")}${s.length === 1 ? "," : ""})`;

/**
 * NumPy's `matmul` (`a @ b`): 1-D operands are promoted to a row (a) or column (b) vector and
 * the added axis removed afterwards; batch dimensions broadcast. Result dtype is the promotion.
 *
 * @example
 * ```ts
 * matmul({ data: new Float64Array([1, 2, 3, 4]), shape: [2, 2] },
 *        { data: new Float64Array([1, 1]), shape: [2] }); // { data: [3, 7], shape: [2] }
 * ```
 */
export function matmul(a: Dense, b: Dense): Dense {
  for (const [i, x] of [a, b].entries()) {
    if (x.shape.length === 0) {
      throw new ValueError(
        `matmul: Input operand ${i} does not have enough dimensions (has 0, gufunc core with signature ${SIG} requires 1)`,
      );
    }
  }
  const aShape = a.shape.length === 1 ? [1, a.shape[0]] : a.shape;
  const bShape = b.shape.length === 1 ? [b.shape[0], 1] : b.shape;
  const m = aShape[aShape.length - 2];
  const k = aShape[aShape.length - 1];
  const kb = bShape[bShape.length - 2];
  const n = bShape[bShape.length - 1];
  if (k !== kb) {
    throw new ValueError(
      `matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature ${SIG} (size ${kb} is different from ${k})`,
    );
  }
  const aBatch = aShape.slice(0, -2);
  const bBatch = bShape.slice(0, -2);
  const batch = broadcastShapes(aBatch, bBatch);
  if (!batch) {
    throw new ValueError(
      `operands could not be broadcast together with shapes ${fmt(a.shape)} ${fmt(b.shape)}`,
    );
  }
  const ia = broadcastIndex(aBatch, batch);
  const ib = broadcastIndex(bBatch, batch);
  const C = alloc(promote(dtypeOf(a.data), dtypeOf(b.data)), ia.length * m * n);
  for (let t = 0; t < ia.length; t++) {
    gemm(false, false, m, n, k, 1, a.data, k, b.data, n, 0, C, n, {
      a: ia[t] * m * k,
      b: ib[t] * k * n,
      c: t * m * n,
    });
  }
  const shape = [...batch];
  if (a.shape.length > 1) shape.push(m);
  if (b.shape.length > 1) shape.push(n);
  return { data: C, shape };
}

/**
 * NumPy's `tensordot(a, b, axes)`: sums products over `axes` (an integer N for a's last N and
 * b's first N axes, or two lists of axes). Result shape: a's free axes then b's.
 *
 * @example
 * ```ts
 * tensordot(a, b, [[1], [0]]); // same as matmul for 2-D a, b
 * ```
 */
export function tensordot(a: Dense, b: Dense, axes: number | [number[], number[]] = 2): Dense {
  const na = a.shape.length;
  const nb = b.shape.length;
  let [axA, axB] =
    typeof axes === "number"
      ? [Array.from({ length: axes }, (_, i) => na - axes + i), Array.from({ length: axes }, (_, i) => i)]
      : [axes[0], axes[1]];
  axA = axA.map((x) => (x < 0 ? x + na : x));
  axB = axB.map((x) => (x < 0 ? x + nb : x));
  if (axA.length !== axB.length || axA.some((x, i) => a.shape[x] !== b.shape[axB[i]] || x < 0 || x >= na)) {
    throw new ValueError("shape-mismatch for sum");
  }
  const freeA = a.shape.map((_, i) => i).filter((i) => !axA.includes(i));
  const freeB = b.shape.map((_, i) => i).filter((i) => !axB.includes(i));
  const m = sizeOf(freeA.map((i) => a.shape[i]));
  const n = sizeOf(freeB.map((i) => b.shape[i]));
  const k = sizeOf(axA.map((i) => a.shape[i]));
  const A = permute(a.data, a.shape, [...freeA, ...axA]);
  const B = permute(b.data, b.shape, [...axB, ...freeB]);
  const C = alloc(promote(dtypeOf(a.data), dtypeOf(b.data)), m * n);
  gemm(false, false, m, n, k, 1, A, k, B, n, 0, C, n);
  return { data: C, shape: [...freeA.map((i) => a.shape[i]), ...freeB.map((i) => b.shape[i])] };
}

function scale(a: Dense, s: Dense): Dense {
  const out = alloc(promote(dtypeOf(a.data), dtypeOf(s.data)), a.data.length);
  const f = s.data[0];
  for (let i = 0; i < out.length; i++) out[i] = a.data[i] * f;
  return { data: out, shape: [...a.shape] };
}

/**
 * NumPy's `dot`: inner product of 1-D arrays, matrix product of 2-D ones, and for N-D a sum
 * product over a's last axis and b's second-to-last (or only) axis. 0-d operands multiply.
 *
 * @example
 * ```ts
 * dot({ data: new Float64Array([1, 2]), shape: [2] }, { data: new Float64Array([3, 4]), shape: [2] }).data; // [11]
 * ```
 */
export function dot(a: Dense, b: Dense): Dense {
  if (a.shape.length === 0) return scale(b, a);
  if (b.shape.length === 0) return scale(a, b);
  const ka = a.shape.length - 1;
  const kb = b.shape.length === 1 ? 0 : b.shape.length - 2;
  if (a.shape[ka] !== b.shape[kb]) {
    throw new ValueError(
      `shapes ${fmt(a.shape)} and ${fmt(b.shape)} not aligned: ${a.shape[ka]} (dim ${ka}) != ${b.shape[kb]} (dim ${kb})`,
    );
  }
  return tensordot(a, b, [[ka], [kb]]);
}

/**
 * NumPy's `inner`: sum product over the last axes of a and b (shape a[:-1] + b[:-1]).
 *
 * @example
 * ```ts
 * inner(a2x3, b4x3).shape; // [2, 4]
 * ```
 */
export function inner(a: Dense, b: Dense): Dense {
  if (a.shape.length === 0) return scale(b, a);
  if (b.shape.length === 0) return scale(a, b);
  const ka = a.shape.length - 1;
  const kb = b.shape.length - 1;
  if (a.shape[ka] !== b.shape[kb]) {
    throw new ValueError(
      `shapes ${fmt(a.shape)} and ${fmt(b.shape)} not aligned: ${a.shape[ka]} (dim ${ka}) != ${b.shape[kb]} (dim ${kb})`,
    );
  }
  return tensordot(a, b, [[ka], [kb]]);
}

/**
 * NumPy's `vdot`: the dot product of the flattened inputs (same size), as a 0-d result.
 *
 * @example
 * ```ts
 * vdot(a2x2, b2x2).data; // [Σ a·b]
 * ```
 */
export function vdot(a: Dense, b: Dense): Dense {
  if (a.data.length !== b.data.length) {
    throw new ValueError(`cannot reshape array of size ${b.data.length} into shape (${a.data.length},)`);
  }
  const out = alloc(promote(dtypeOf(a.data), dtypeOf(b.data)), 1);
  let s = 0;
  for (let i = 0; i < a.data.length; i++) s += a.data[i] * b.data[i];
  out[0] = s;
  return { data: out, shape: [] };
}

/**
 * NumPy's `outer`: out[i, j] = a.flat[i] · b.flat[j].
 *
 * @example
 * ```ts
 * outer({ data: new Float64Array([1, 2]), shape: [2] }, { data: new Float64Array([3, 4, 5]), shape: [3] }).shape; // [2, 3]
 * ```
 */
export function outer(a: Dense, b: Dense): Dense {
  const m = a.data.length;
  const n = b.data.length;
  const out = alloc(promote(dtypeOf(a.data), dtypeOf(b.data)), m * n);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) out[i * n + j] = a.data[i] * b.data[j];
  return { data: out, shape: [m, n] };
}

/**
 * NumPy's `kron`: the Kronecker product (shapes are left-padded with 1s to the same length,
 * and the result's axis d has size a.shape[d]·b.shape[d]).
 *
 * @example
 * ```ts
 * kron(eye2, ones2x2).shape; // [4, 4]
 * ```
 */
export function kron(a: Dense, b: Dense): Dense {
  const nd = Math.max(a.shape.length, b.shape.length);
  const sa = [...new Array<number>(nd - a.shape.length).fill(1), ...a.shape];
  const sb = [...new Array<number>(nd - b.shape.length).fill(1), ...b.shape];
  const shape = sa.map((d, i) => d * sb[i]);
  const out = alloc(promote(dtypeOf(a.data), dtypeOf(b.data)), sizeOf(shape));
  const total = out.length;
  for (let o = 0; o < total; o++) {
    let rem = o;
    let ia = 0;
    let ib = 0;
    let mulA = 1;
    let mulB = 1;
    for (let d = nd - 1; d >= 0; d--) {
      const i = rem % shape[d];
      rem = Math.floor(rem / shape[d]);
      ia += Math.floor(i / sb[d]) * mulA;
      ib += (i % sb[d]) * mulB;
      mulA *= sa[d];
      mulB *= sb[d];
    }
    out[o] = a.data[ia] * b.data[ib];
  }
  return { data: out, shape };
}

/**
 * NumPy's `trace(a, offset, axis1, axis2)`: sums of the diagonals over two axes.
 *
 * @example
 * ```ts
 * trace({ data: new Float64Array([1, 2, 3, 4]), shape: [2, 2] }).data; // [5]
 * ```
 */
export function trace(a: Dense, offset = 0, axis1 = 0, axis2 = 1): Dense {
  const nd = a.shape.length;
  if (nd < 2) throw new ValueError("diag requires an array of at least two dimensions");
  const ax1 = axis1 < 0 ? axis1 + nd : axis1;
  const ax2 = axis2 < 0 ? axis2 + nd : axis2;
  if (ax1 === ax2) throw new ValueError("axis1 and axis2 cannot be the same");
  const rest = a.shape.map((_, i) => i).filter((i) => i !== ax1 && i !== ax2);
  const moved = permute(a.data, a.shape, [...rest, ax1, ax2]);
  const r = a.shape[ax1];
  const c = a.shape[ax2];
  const count = sizeOf(rest.map((i) => a.shape[i]));
  const out = alloc(dtypeOf(a.data), count);
  for (let t = 0; t < count; t++) {
    let s = 0;
    for (let i = Math.max(0, -offset); i < r && i + offset < c; i++)
      s += moved[t * r * c + i * c + i + offset];
    out[t] = s;
  }
  return { data: out, shape: rest.map((i) => a.shape[i]) };
}

/**
 * NumPy's `linalg.matrix_power(a, n)` for each `(..., M, M)` matrix and integer n (n = 0 gives
 * the identity, n < 0 powers the inverse), by repeated squaring.
 *
 * @example
 * ```ts
 * matrixPower({ data: new Float64Array([1, 1, 0, 1]), shape: [2, 2] }, 3).data; // [1, 3, 0, 1]
 * ```
 */
export function matrixPower(a: Dense, n: number): Dense {
  if (!Number.isInteger(n)) throw new TypeError("exponent must be an integer");
  const { count, n: size } = stackOf(a.shape, true);
  if (n === 0) {
    const I: FloatArray = alloc(dtypeOf(a.data), a.data.length);
    for (let t = 0; t < count; t++) for (let i = 0; i < size; i++) I[t * size * size + i * size + i] = 1;
    return { data: I, shape: [...a.shape] };
  }
  let base = n < 0 ? inv(a) : { data: a.data.slice(), shape: [...a.shape] };
  let e = Math.abs(n);
  let result: Dense | null = null;
  while (e > 0) {
    if (e & 1) result = result ? matmul(result, base) : base;
    e = Math.floor(e / 2);
    if (e > 0) base = matmul(base, base);
  }
  return result as Dense;
}
