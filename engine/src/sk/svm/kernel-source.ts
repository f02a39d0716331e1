/**
 * Where the SMO solver gets kernel rows: a whole Gram matrix computed up front by one GEMM (when
 * it fits in `cacheSize`; shared by every one-vs-one pair), or rows computed on demand and kept
 * in a least-recently-used cache of `cacheSize` megabytes, as libsvm's kernel cache.
 */
import { kernelBlock, kernelDiag, kernelRow, rowNorms, type KernelParams } from "./kernels.js";

let float32Rows = false;

/**
 * Stores kernel rows rounded to float32, as scikit-learn's libsvm does (its cache holds `float`s),
 * instead of float64 (the default). With it the solver's iterates agree with scikit-learn's bit
 * for bit, which the parity tests use to check that the path is libsvm's; the diagonal stays
 * float64 in both, as in libsvm. Not part of the public API.
 */
export function setKernelRowPrecision(precision: "float32" | "float64"): void {
  float32Rows = precision === "float32";
}

function roundRow(row: Float64Array): void {
  if (float32Rows) for (let i = 0; i < row.length; i++) row[i] = Math.fround(row[i]);
}

/** Kernel rows by key: `row(a)[b]` = K(sample a, sample b) for keys a, b of this source. */
export interface KernelSource {
  row(key: number): Float64Array;
  diag(key: number): number;
}

/** A full n×n Gram matrix (computed, or given as a precomputed kernel). */
export class GramSource implements KernelSource {
  private readonly diagonal: Float64Array;
  /** The matrix the solver reads (a float32-rounded copy under {@link setKernelRowPrecision}). */
  readonly K: Float64Array;

  constructor(
    /** The kernel values as computed (what predictions use). */
    readonly exact: Float64Array,
    readonly n: number,
  ) {
    const K = exact;
    this.diagonal = new Float64Array(n);
    for (let i = 0; i < n; i++) this.diagonal[i] = K[i * n + i];
    if (float32Rows) {
      this.K = K.slice();
      roundRow(this.K);
    } else this.K = K;
  }

  /** K(X, X) of an n×d matrix by one GEMM. */
  static compute(p: KernelParams, X: Float64Array, n: number, d: number): GramSource {
    const sq = rowNorms(X, n, d);
    const K = new Float64Array(n * n);
    kernelBlock(p, X, n, X, n, d, sq, sq, K);
    if (p.kernel === "rbf") for (let i = 0; i < n; i++) K[i * n + i] = 1;
    return new GramSource(K, n);
  }

  row(key: number): Float64Array {
    return this.K.subarray(key * this.n, (key + 1) * this.n);
  }

  diag(key: number): number {
    return this.diagonal[key];
  }
}

/** Rows of K(X, X) computed when asked and kept in an LRU cache of `bytes` bytes. */
export class CachedRowSource implements KernelSource {
  private readonly sq: Float64Array;
  private readonly cache = new Map<number, Float64Array>();
  private readonly capacity: number;

  constructor(
    private readonly p: KernelParams,
    private readonly X: Float64Array,
    private readonly n: number,
    private readonly d: number,
    bytes: number,
  ) {
    this.sq = rowNorms(X, n, d);
    // Two rows must be live at once (the pair being updated).
    this.capacity = Math.max(2, Math.floor(bytes / (8 * Math.max(n, 1))));
  }

  row(key: number): Float64Array {
    const hit = this.cache.get(key);
    if (hit) {
      this.cache.delete(key);
      this.cache.set(key, hit);
      return hit;
    }
    let out: Float64Array;
    if (this.cache.size >= this.capacity) {
      const oldest = this.cache.keys().next().value as number;
      out = this.cache.get(oldest) as Float64Array;
      this.cache.delete(oldest);
    } else out = new Float64Array(this.n);
    kernelRow(this.p, this.X, this.n, this.d, this.sq, key, out);
    roundRow(out);
    this.cache.set(key, out);
    return out;
  }

  diag(key: number): number {
    return kernelDiag(this.p, this.sq, key);
  }
}
