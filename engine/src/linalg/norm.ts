/**
 * NumPy's `linalg.norm` (vector and matrix orders, `axis`, `keepdims`) and `linalg.cond`.
 */
import { stackOf } from "./batch.js";
import { ValueError } from "./errors.js";
import { inv } from "./lu.js";
import { svdMatrix } from "./svd.js";
import { alloc, dtypeOf, sizeOf, toF64, type Dense } from "./types.js";

/** A norm order: a number (±Infinity for ±inf), "fro", "nuc", or null for the default. */
export type NormOrd = number | "fro" | "nuc" | null;

/** Options of `norm` after `ord`. */
export interface NormOptions {
  /** One axis (vector norms) or two (matrix norms); negative counts from the end. */
  axis?: number | [number, number] | null;
  /** Keep the reduced axes with size 1. */
  keepdims?: boolean;
}

/**
 * NumPy's `linalg.norm(x, ord, axis, keepdims)`. Vector orders: null/2 (Euclidean), ±Infinity,
 * 0 (count of non-zeros), 1, any p. Matrix orders: null/"fro", "nuc", ±1, ±2, ±Infinity.
 * With no axis, ord null flattens any array; otherwise 1-D inputs take vector norms and 2-D
 * inputs matrix norms.
 *
 * @example
 * ```ts
 * norm({ data: new Float64Array([3, 4]), shape: [2] }).data;                // [5]
 * norm({ data: new Float64Array([1, 2, 3, 4]), shape: [2, 2] }, 1).data;    // [6]
 * ```
 */
export function norm(x: Dense, ord: NormOrd = null, options: NormOptions = {}): Dense {
  const nd = x.shape.length;
  const keepdims = options.keepdims ?? false;
  const dtype = dtypeOf(x.data);
  let axes: number[];
  if (options.axis == null) {
    if (ord === null || (ord === "fro" && nd === 2) || (ord === 2 && nd === 1)) {
      let s = 0;
      for (let i = 0; i < x.data.length; i++) s += x.data[i] * x.data[i];
      const out = alloc(dtype, 1);
      out[0] = Math.sqrt(s);
      return { data: out, shape: keepdims ? new Array<number>(nd).fill(1) : [] };
    }
    axes = Array.from({ length: nd }, (_, i) => i);
  } else {
    axes = typeof options.axis === "number" ? [options.axis] : [...options.axis];
  }
  axes = axes.map((a) => {
    const r = a < 0 ? a + nd : a;
    if (r < 0 || r >= nd) throw new ValueError(`axis ${a} is out of bounds for array of dimension ${nd}`);
    return r;
  });
  if (axes.length === 1) {
    if (typeof ord === "string") throw new ValueError(`Invalid norm order '${ord}' for vectors`);
    return reduce(x, axes, keepdims, (get, len) => vectorNorm(get, len, ord));
  }
  if (axes.length === 2) {
    if (axes[0] === axes[1]) throw new ValueError("Duplicate axes given.");
    const known =
      ord === null || ord === "fro" || ord === "nuc" || [1, -1, 2, -2, Infinity, -Infinity].includes(ord);
    if (!known) throw new ValueError("Invalid norm order for matrices.");
    const rows = x.shape[axes[0]];
    const cols = x.shape[axes[1]];
    return reduce(x, axes, keepdims, (get) => {
      const M = new Float64Array(rows * cols);
      for (let i = 0; i < rows * cols; i++) M[i] = get(i);
      return matrixNorm(rows, cols, M, ord);
    });
  }
  throw new ValueError("Improper number of dimensions to norm.");
}

function vectorNorm(get: (i: number) => number, len: number, ord: number | null): number {
  let acc = 0;
  if (ord === Infinity || ord === -Infinity) {
    acc = ord > 0 ? 0 : Infinity;
    for (let i = 0; i < len; i++) {
      const v = Math.abs(get(i));
      acc = ord > 0 ? Math.max(acc, v) : Math.min(acc, v);
      if (v !== v) return NaN;
    }
    return acc;
  }
  if (ord === 0) {
    for (let i = 0; i < len; i++) if (get(i) !== 0) acc++;
    return acc;
  }
  if (ord === 1) {
    for (let i = 0; i < len; i++) acc += Math.abs(get(i));
    return acc;
  }
  if (ord === null || ord === 2) {
    for (let i = 0; i < len; i++) acc += get(i) * get(i);
    return Math.sqrt(acc);
  }
  for (let i = 0; i < len; i++) acc += Math.abs(get(i)) ** ord;
  return acc ** (1 / ord);
}

/** A matrix norm of one m×n row-major float64 matrix. */
export function matrixNorm(m: number, n: number, M: Float64Array, ord: NormOrd): number {
  if (ord === null || ord === "fro") {
    let s = 0;
    for (let i = 0; i < M.length; i++) s += M[i] * M[i];
    return Math.sqrt(s);
  }
  if (ord === "nuc" || ord === 2 || ord === -2) {
    const { s } = svdMatrix(m, n, M, "none");
    if (ord === 2) return s[0];
    if (ord === -2) return s[s.length - 1];
    return s.reduce((a, b) => a + b, 0);
  }
  // ±1: extreme column sums of |M|; ±inf: extreme row sums.
  const byCol = ord === 1 || ord === -1;
  const sums = new Float64Array(byCol ? n : m);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) sums[byCol ? j : i] += Math.abs(M[i * n + j]);
  let best = sums[0];
  for (const v of sums) best = ord > 0 ? Math.max(best, v) : Math.min(best, v);
  return best;
}

// Applies f to every 1-D or 2-D slice of x over `axes`, giving f an index → value reader.
function reduce(
  x: Dense,
  axes: number[],
  keepdims: boolean,
  f: (get: (i: number) => number, len: number) => number,
): Dense {
  const shape = x.shape;
  const nd = shape.length;
  const strides = new Array<number>(nd);
  let s = 1;
  for (let i = nd - 1; i >= 0; i--) {
    strides[i] = s;
    s *= shape[i];
  }
  const outAxes = shape.map((_, i) => i).filter((i) => !axes.includes(i));
  const outShape = outAxes.map((i) => shape[i]);
  const total = sizeOf(outShape);
  const inner = axes.map((a) => shape[a]);
  const innerStrides = axes.map((a) => strides[a]);
  const len = sizeOf(inner);
  const data = x.data;
  const out = alloc(dtypeOf(x.data), total);
  let base = 0;
  const get = (i: number): number => {
    let off = base;
    let rem = i;
    for (let d = inner.length - 1; d >= 0; d--) {
      off += (rem % inner[d]) * innerStrides[d];
      rem = Math.floor(rem / inner[d]);
    }
    return data[off];
  };
  for (let o = 0; o < total; o++) {
    base = 0;
    let rem = o;
    for (let d = outAxes.length - 1; d >= 0; d--) {
      base += (rem % outShape[d]) * strides[outAxes[d]];
      rem = Math.floor(rem / outShape[d]);
    }
    out[o] = f(get, len);
  }
  const finalShape = keepdims ? shape.map((d, i) => (axes.includes(i) ? 1 : d)) : outShape;
  return { data: out, shape: finalShape };
}

/**
 * NumPy's `linalg.cond(x, p)` for each `(..., M, N)` matrix: s_max/s_min for p null or 2
 * (s_min/s_max for −2, any shape), otherwise ‖x‖_p·‖x⁻¹‖_p (square only). A singular matrix
 * gives Infinity.
 *
 * @example
 * ```ts
 * cond({ data: new Float64Array([1, 0, 0, 2]), shape: [2, 2] }).data; // [2]
 * ```
 */
export function cond(x: Dense, p: NormOrd = null): Dense {
  const { batchShape, count, m, n } = stackOf(x.shape, !(p === null || p === 2 || p === -2));
  const out = alloc(dtypeOf(x.data), count);
  for (let t = 0; t < count; t++) {
    const A = toF64(x.data, t * m * n, (t + 1) * m * n);
    let hasNaN = false;
    for (let i = 0; i < A.length; i++) if (A[i] !== A[i]) hasNaN = true;
    let r: number;
    if (p === null || p === 2 || p === -2) {
      const { s } = svdMatrix(m, n, A, "none");
      r = p === -2 ? s[s.length - 1] / s[0] : s[0] / s[s.length - 1];
    } else {
      let inverse: Float64Array | null;
      try {
        inverse = toF64(inv({ data: A, shape: [n, n] }).data);
      } catch {
        inverse = null;
      }
      r = inverse ? matrixNorm(n, n, A, p) * matrixNorm(n, n, inverse, p) : NaN;
    }
    // As NumPy: a NaN from a singular matrix (not from NaN input) reads as infinitely ill-conditioned.
    out[t] = r !== r && !hasNaN ? Infinity : r;
  }
  return { data: out, shape: batchShape };
}
