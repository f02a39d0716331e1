/** Shape checks and batch bookkeeping shared by the stacked (`(..., M, N)`) routines. */
import { LinAlgError, MSG, dimsMessage } from "./errors.js";
import { sizeOf } from "./types.js";

/** A stack of matrices: `count` matrices of `m`×`n` after the leading `batchShape`. */
export interface MatrixStack {
  batchShape: number[];
  count: number;
  m: number;
  n: number;
}

/** Reads a `(..., M, N)` shape; throws NumPy's LinAlgError for fewer than two dimensions. */
export function stackOf(shape: readonly number[], square = false): MatrixStack {
  if (shape.length < 2) throw new LinAlgError(dimsMessage(shape.length));
  const m = shape[shape.length - 2];
  const n = shape[shape.length - 1];
  if (square && m !== n) throw new LinAlgError(MSG.notSquare);
  const batchShape = shape.slice(0, -2);
  return { batchShape, count: sizeOf(batchShape), m, n };
}

/** NumPy broadcasting of two batch shapes; `null` when they are incompatible. */
export function broadcastShapes(a: readonly number[], b: readonly number[]): number[] | null {
  const nd = Math.max(a.length, b.length);
  const out: number[] = new Array<number>(nd);
  for (let i = 0; i < nd; i++) {
    const x = a[a.length - nd + i] ?? 1;
    const y = b[b.length - nd + i] ?? 1;
    if (x !== y && x !== 1 && y !== 1) return null;
    out[i] = x === 1 ? y : x;
  }
  return out;
}

/**
 * For each flat index of the broadcast `outShape`, the flat index into an operand of shape
 * `shape` (its size-1 or missing axes repeat).
 */
export function broadcastIndex(shape: readonly number[], outShape: readonly number[]): Int32Array {
  const total = sizeOf(outShape);
  const idx = new Int32Array(total);
  const nd = outShape.length;
  const strides: number[] = new Array<number>(nd).fill(0);
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    const ax = nd - shape.length + i;
    strides[ax] = shape[i] === 1 ? 0 : s;
    s *= shape[i];
  }
  for (let flat = 0; flat < total; flat++) {
    let rem = flat;
    let off = 0;
    for (let ax = nd - 1; ax >= 0; ax--) {
      const d = outShape[ax];
      off += (rem % d) * strides[ax];
      rem = Math.floor(rem / d);
    }
    idx[flat] = off;
  }
  return idx;
}
