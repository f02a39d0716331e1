/**
 * Brute-force k-nearest-neighbour search. Euclidean distances come from one matrix product per
 * block of queries (‖q‖² − 2q·t + ‖t‖²), so the work runs in the GEMM kernel; blocks are sized so
 * that at most `BLOCK_ELEMENTS` distances exist at once (10k×60k MNIST distances are never
 * materialised together). Other Minkowski powers are computed directly.
 */
import { gemm } from "../../linalg/index.js";
import type { Matrix } from "../internal/matrix.js";

/** Distances held at once per block (≈ 32 MB of float64). */
export const BLOCK_ELEMENTS = 1 << 22;

/** Neighbours of each query: `k` indices and distances per row, nearest first. */
export interface KnnResult {
  indices: Int32Array;
  distances: Float64Array;
  k: number;
}

/** The distance a search uses: Minkowski with power `p` (2 = Euclidean, 1 = Manhattan). */
export interface Metric {
  p: number;
}

function rowNorms(M: Matrix): Float64Array {
  const out = new Float64Array(M.rows);
  for (let i = 0; i < M.rows; i++) {
    let s = 0;
    const o = i * M.cols;
    for (let j = 0; j < M.cols; j++) s += M.data[o + j] * M.data[o + j];
    out[i] = s;
  }
  return out;
}

/**
 * The `k` nearest training rows of every query row (ties broken by the smaller index). With
 * `skipSelf`, query i is training row i and is left out of its own neighbours.
 */
export function kNearest(Q: Matrix, T: Matrix, k: number, metric: Metric, skipSelf = false): KnnResult {
  const nq = Q.rows;
  const nt = T.rows;
  const d = Q.cols;
  const indices = new Int32Array(nq * k);
  const distances = new Float64Array(nq * k);
  const block = Math.max(1, Math.min(nq, Math.floor(BLOCK_ELEMENTS / Math.max(1, nt))));
  const D = new Float64Array(block * nt);
  const tNorm = metric.p === 2 ? rowNorms(T) : null;
  const qNorm = metric.p === 2 ? rowNorms(Q) : null;
  const bestD = new Float64Array(k);
  const bestI = new Int32Array(k);
  for (let q0 = 0; q0 < nq; q0 += block) {
    const rows = Math.min(block, nq - q0);
    if (metric.p === 2) {
      // D = −2·Q·Tᵀ, then add the squared norms.
      gemm(false, true, rows, nt, d, -2, Q.data, d, T.data, d, 0, D, nt, { a: q0 * d });
      for (let r = 0; r < rows; r++) {
        const qn = (qNorm as Float64Array)[q0 + r];
        const o = r * nt;
        for (let t = 0; t < nt; t++) D[o + t] += qn + (tNorm as Float64Array)[t];
      }
    } else {
      minkowskiBlock(Q, q0, rows, T, metric.p, D);
    }
    for (let r = 0; r < rows; r++) {
      const qi = q0 + r;
      const o = r * nt;
      let filled = 0;
      for (let t = 0; t < nt; t++) {
        if (skipSelf && t === qi) continue;
        const v = D[o + t];
        if (filled < k) {
          let pos = filled++;
          while (pos > 0 && bestD[pos - 1] > v) {
            bestD[pos] = bestD[pos - 1];
            bestI[pos] = bestI[pos - 1];
            pos--;
          }
          bestD[pos] = v;
          bestI[pos] = t;
        } else if (v < bestD[k - 1]) {
          let pos = k - 1;
          while (pos > 0 && bestD[pos - 1] > v) {
            bestD[pos] = bestD[pos - 1];
            bestI[pos] = bestI[pos - 1];
            pos--;
          }
          bestD[pos] = v;
          bestI[pos] = t;
        }
      }
      for (let j = 0; j < k; j++) {
        indices[qi * k + j] = bestI[j];
        const v = bestD[j];
        distances[qi * k + j] =
          metric.p === 2
            ? Math.sqrt(v > 0 ? v : 0)
            : metric.p === 1 || metric.p === Infinity
              ? v
              : Math.pow(v, 1 / metric.p);
      }
    }
  }
  return { indices, distances, k };
}

// Σ|q−t|^p (or max|q−t| for p = ∞) for a block of queries against every training row.
function minkowskiBlock(Q: Matrix, q0: number, rows: number, T: Matrix, p: number, D: Float64Array): void {
  const d = Q.cols;
  const nt = T.rows;
  for (let r = 0; r < rows; r++) {
    const qo = (q0 + r) * d;
    for (let t = 0; t < nt; t++) {
      const to = t * d;
      let s = 0;
      if (p === 1) for (let j = 0; j < d; j++) s += Math.abs(Q.data[qo + j] - T.data[to + j]);
      else if (p === Infinity)
        for (let j = 0; j < d; j++) s = Math.max(s, Math.abs(Q.data[qo + j] - T.data[to + j]));
      else for (let j = 0; j < d; j++) s += Math.pow(Math.abs(Q.data[qo + j] - T.data[to + j]), p);
      D[r * nt + t] = s;
    }
  }
}
