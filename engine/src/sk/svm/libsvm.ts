/**
 * libsvm's training drivers around the SMO solver: C-SVC one-vs-one (every pair of classes, the
 * support vectors grouped by class and the dual coefficients laid out as libsvm's `sv_coef`, which
 * scikit-learn exposes as `dual_coef_`), ε-SVR (2l variables), and the cross-validated Platt
 * scaling of `probability`. Samples with a weight ≤ 0 are left out, as scikit-learn's libsvm does.
 */
import { ValueError } from "../../core/errors.js";
import { CachedRowSource, GramSource, type KernelSource } from "./kernel-source.js";
import { kernelBlock, rowNorms, type KernelParams } from "./kernels.js";
import { sigmoidTrain } from "./platt.js";
import { solveSmo } from "./smo.js";
import type { SolverRandom } from "./newrand.js";

/** The training matrix: n×d features, or an n×n precomputed kernel (then d = n). */
export interface TrainData {
  X: Float64Array;
  n: number;
  d: number;
}

/** Solver settings shared by SVC and SVR. */
export interface LibsvmSettings {
  kernel: KernelParams;
  tol: number;
  shrinking: boolean;
  maxIter: number;
  /** Kernel cache size in bytes. */
  cacheBytes: number;
}

/** A fitted one-vs-one classifier in libsvm's layout. */
export interface SvcFit {
  /** Training-sample index of each support vector, grouped by class. */
  support: Int32Array;
  /** Support vectors per class. */
  nSupport: Int32Array;
  /** (k − 1) × nSV coefficients (libsvm's sv_coef). */
  dualCoef: Float64Array;
  /** ρ of each pair (0,1), (0,2), …; the intercept is −ρ. */
  rho: Float64Array;
  probA: Float64Array | null;
  probB: Float64Array | null;
  nIter: Int32Array;
  /** 1 when some solver stopped at maxIter. */
  fitStatus: number;
}

/** A fitted ε-SVR. */
export interface SvrFit {
  support: Int32Array;
  dualCoef: Float64Array;
  rho: number;
  nIter: number;
  fitStatus: number;
}

/** Kernel rows for subsets of the training samples: one shared Gram matrix, or cached rows. */
class KernelProvider {
  private readonly gram: GramSource | null;

  constructor(
    private readonly data: TrainData,
    private readonly s: LibsvmSettings,
  ) {
    const { X, n, d } = data;
    if (s.kernel.kernel === "precomputed") this.gram = new GramSource(X, n);
    else if (n * n * 8 <= s.cacheBytes) this.gram = GramSource.compute(s.kernel, X, n, d);
    else this.gram = null;
  }

  /** A kernel source over `rows` (training indices) and each row's key in it. */
  over(rows: Int32Array): { source: KernelSource; keys: Int32Array } {
    if (this.gram) return { source: this.gram, keys: rows };
    const { X, d } = this.data;
    const l = rows.length;
    const sub = new Float64Array(l * d);
    for (let i = 0; i < l; i++) sub.set(X.subarray(rows[i] * d, rows[i] * d + d), i * d);
    const keys = new Int32Array(l);
    for (let i = 0; i < l; i++) keys[i] = i;
    return { source: new CachedRowSource(this.s.kernel, sub, l, d, this.s.cacheBytes), keys };
  }

  /** Decision values Σ coef·K(sv, x) − ρ at training rows `queries` for support rows `svs`. */
  decisions(svs: Int32Array, coef: Float64Array, rho: number, queries: Int32Array): Float64Array {
    const out = new Float64Array(queries.length).fill(-rho);
    if (svs.length === 0) return out;
    if (this.gram) {
      const { exact: K, n } = this.gram;
      for (let q = 0; q < queries.length; q++) {
        const o = queries[q] * n;
        let s = 0;
        for (let t = 0; t < svs.length; t++) s += coef[t] * K[o + svs[t]];
        out[q] += s;
      }
      return out;
    }
    const { X, d } = this.data;
    const A = gatherRows(X, d, queries);
    const B = gatherRows(X, d, svs);
    const Kb = new Float64Array(queries.length * svs.length);
    kernelBlock(
      this.s.kernel,
      A,
      queries.length,
      B,
      svs.length,
      d,
      rowNorms(A, queries.length, d),
      rowNorms(B, svs.length, d),
      Kb,
    );
    for (let q = 0; q < queries.length; q++) {
      let s = 0;
      const o = q * svs.length;
      for (let t = 0; t < svs.length; t++) s += coef[t] * Kb[o + t];
      out[q] += s;
    }
    return out;
  }
}

function gatherRows(X: Float64Array, d: number, rows: Int32Array): Float64Array {
  const out = new Float64Array(rows.length * d);
  for (let i = 0; i < rows.length; i++) out.set(X.subarray(rows[i] * d, rows[i] * d + d), i * d);
  return out;
}

/** Training rows with a positive weight (all when there are no weights). */
function keptRows(n: number, W: Float64Array | null): Int32Array {
  if (!W) return Int32Array.from({ length: n }, (_, i) => i);
  const rows: number[] = [];
  for (let i = 0; i < n; i++) if (W[i] > 0) rows.push(i);
  if (rows.length === 0) {
    throw new ValueError("Invalid input - all samples have zero or negative weights.");
  }
  return Int32Array.from(rows);
}

/** One binary C-SVC: rows with labels ±1 and bounds C; returns y·α (the signed coefficients). */
function trainBinary(
  kp: KernelProvider,
  s: LibsvmSettings,
  rows: Int32Array,
  y: Int8Array,
  C: Float64Array,
): { coef: Float64Array; rho: number; nIter: number; hitMaxIter: boolean } {
  const l = rows.length;
  const { source, keys } = kp.over(rows);
  const r = solveSmo(
    { source, key: keys, p: new Float64Array(l).fill(-1), y, C, alpha: new Float64Array(l) },
    { eps: s.tol, shrinking: s.shrinking, maxIter: s.maxIter },
  );
  const coef = new Float64Array(l);
  for (let i = 0; i < l; i++) coef[i] = r.alpha[i] * y[i];
  return { coef, rho: r.rho, nIter: r.nIter, hitMaxIter: r.hitMaxIter };
}

/**
 * Platt's A and B for one pair from 5-fold cross-validated decision values (libsvm's
 * `svm_binary_svc_probability`): the folds come from the solver's seeded stream, each fold's
 * model is trained with the class weights as per-class C.
 */
function binaryProbability(
  kp: KernelProvider,
  s: LibsvmSettings,
  rows: Int32Array,
  y: Int8Array,
  W: Float64Array,
  Cp: number,
  Cn: number,
  rng: SolverRandom,
): { A: number; B: number } {
  const l = rows.length;
  const nrFold = 5;
  const perm = Int32Array.from({ length: l }, (_, i) => i);
  for (let i = 0; i < l; i++) {
    const j = i + rng.below(l - i);
    const t = perm[i];
    perm[i] = perm[j];
    perm[j] = t;
  }
  const dec = new Float64Array(l);
  for (let f = 0; f < nrFold; f++) {
    const begin = Math.floor((f * l) / nrFold);
    const end = Math.floor(((f + 1) * l) / nrFold);
    const train: number[] = [];
    for (let j = 0; j < begin; j++) train.push(perm[j]);
    for (let j = end; j < l; j++) train.push(perm[j]);
    let pos = 0;
    for (const t of train) if (y[t] > 0) pos++;
    const neg = train.length - pos;
    if (pos === 0 || neg === 0) {
      const v = pos === 0 && neg === 0 ? 0 : pos > 0 ? 1 : -1;
      for (let j = begin; j < end; j++) dec[perm[j]] = v;
      continue;
    }
    // A nested libsvm training: it restarts the stream and sorts the labels, so the −1 class
    // comes first and plays "+1" inside; the decision value is negated back afterwards.
    rng.reseed();
    const ordered = [...train.filter((t) => y[t] < 0), ...train.filter((t) => y[t] > 0)];
    const subRows = Int32Array.from(ordered, (t) => rows[t]);
    const subY = Int8Array.from(ordered, (t) => (y[t] < 0 ? 1 : -1));
    const subC = Float64Array.from(ordered, (t) => W[rows[t]] * (y[t] > 0 ? Cp : Cn));
    const m = trainBinary(kp, s, subRows, subY, subC);
    const svIdx: number[] = [];
    const svCoef: number[] = [];
    for (let t = 0; t < subRows.length; t++) {
      if (m.coef[t] !== 0) {
        svIdx.push(subRows[t]);
        svCoef.push(m.coef[t]);
      }
    }
    const held = Int32Array.from({ length: end - begin }, (_, q) => rows[perm[begin + q]]);
    const dv = kp.decisions(Int32Array.from(svIdx), Float64Array.from(svCoef), m.rho, held);
    for (let q = 0; q < held.length; q++) dec[perm[begin + q]] = -dv[q];
  }
  return sigmoidTrain(dec, y);
}

/**
 * Trains the one-vs-one C-SVC. `codes` are class indices 0..k−1 (classes sorted), `W` the sample
 * weights (or null), `weightedC` C times each class's weight.
 */
export function trainSvc(
  data: TrainData,
  codes: Int32Array,
  k: number,
  W: Float64Array | null,
  weightedC: Float64Array,
  s: LibsvmSettings,
  probability: SolverRandom | null,
): SvcFit {
  const kept = keptRows(data.n, W);
  const weights = W ?? new Float64Array(data.n).fill(1);
  const count = new Int32Array(k);
  for (const i of kept) count[codes[i]]++;
  for (let c = 0; c < k; c++) {
    if (count[c] === 0) {
      throw new ValueError(
        `Class ${c} has no sample with a positive weight; every class needs at least one sample of weight > 0.`,
      );
    }
  }
  const start = new Int32Array(k);
  for (let c = 1; c < k; c++) start[c] = start[c - 1] + count[c - 1];
  const perm = new Int32Array(kept.length);
  const fill = Int32Array.from(start);
  for (const i of kept) perm[fill[codes[i]]++] = i;

  const kp = new KernelProvider(data, s);
  probability?.reseed();
  const nPairs = (k * (k - 1)) / 2;
  const rho = new Float64Array(nPairs);
  const probA = probability ? new Float64Array(nPairs) : null;
  const probB = probability ? new Float64Array(nPairs) : null;
  const nIter = new Int32Array(nPairs);
  const nonzero = new Uint8Array(kept.length);
  const coefs: Float64Array[] = [];
  let fitStatus = 0;
  let m = 0;
  for (let i = 0; i < k; i++) {
    for (let j = i + 1; j < k; j++, m++) {
      const ci = count[i];
      const cj = count[j];
      const rows = new Int32Array(ci + cj);
      rows.set(perm.subarray(start[i], start[i] + ci), 0);
      rows.set(perm.subarray(start[j], start[j] + cj), ci);
      const y = new Int8Array(ci + cj);
      const C = new Float64Array(ci + cj);
      for (let t = 0; t < ci + cj; t++) {
        y[t] = t < ci ? 1 : -1;
        C[t] = weights[rows[t]] * (t < ci ? weightedC[i] : weightedC[j]);
      }
      if (probability && probA && probB) {
        const ab = binaryProbability(kp, s, rows, y, weights, weightedC[i], weightedC[j], probability);
        probA[m] = ab.A;
        probB[m] = ab.B;
      }
      const r = trainBinary(kp, s, rows, y, C);
      rho[m] = r.rho;
      nIter[m] = r.nIter;
      if (r.hitMaxIter) fitStatus = 1;
      for (let t = 0; t < ci; t++) if (r.coef[t] !== 0) nonzero[start[i] + t] = 1;
      for (let t = 0; t < cj; t++) if (r.coef[ci + t] !== 0) nonzero[start[j] + t] = 1;
      coefs.push(r.coef);
    }
  }

  // Support vectors grouped by class, and where each class's block starts among them.
  const nSupport = new Int32Array(k);
  const support: number[] = [];
  for (let c = 0; c < k; c++) {
    for (let t = 0; t < count[c]; t++) {
      if (nonzero[start[c] + t]) {
        support.push(perm[start[c] + t]);
        nSupport[c]++;
      }
    }
  }
  const nSV = support.length;
  const nzStart = new Int32Array(k);
  for (let c = 1; c < k; c++) nzStart[c] = nzStart[c - 1] + nSupport[c - 1];
  const dualCoef = new Float64Array(Math.max(k - 1, 1) * nSV);
  m = 0;
  for (let i = 0; i < k; i++) {
    for (let j = i + 1; j < k; j++, m++) {
      // Pair (i, j): the coefficients of class i go to row j − 1, those of class j to row i.
      const coef = coefs[m];
      let q = nzStart[i];
      for (let t = 0; t < count[i]; t++) if (nonzero[start[i] + t]) dualCoef[(j - 1) * nSV + q++] = coef[t];
      q = nzStart[j];
      for (let t = 0; t < count[j]; t++)
        if (nonzero[start[j] + t]) dualCoef[i * nSV + q++] = coef[count[i] + t];
    }
  }
  return { support: Int32Array.from(support), nSupport, dualCoef, rho, probA, probB, nIter, fitStatus };
}

/** Trains ε-SVR on targets `y` with sample weights `W` (or null). */
export function trainSvr(
  data: TrainData,
  y: Float64Array,
  W: Float64Array | null,
  C: number,
  epsilon: number,
  s: LibsvmSettings,
): SvrFit {
  const kept = keptRows(data.n, W);
  const l = kept.length;
  const kp = new KernelProvider(data, s);
  const { source, keys } = kp.over(kept);
  const key = new Int32Array(2 * l);
  const p = new Float64Array(2 * l);
  const sign = new Int8Array(2 * l);
  const bound = new Float64Array(2 * l);
  for (let i = 0; i < l; i++) {
    const w = W ? W[kept[i]] : 1;
    key[i] = key[i + l] = keys[i];
    p[i] = epsilon - y[kept[i]];
    p[i + l] = epsilon + y[kept[i]];
    sign[i] = 1;
    sign[i + l] = -1;
    bound[i] = bound[i + l] = w * C;
  }
  const r = solveSmo(
    { source, key, p, y: sign, C: bound, alpha: new Float64Array(2 * l) },
    { eps: s.tol, shrinking: s.shrinking, maxIter: s.maxIter },
  );
  const support: number[] = [];
  const coef: number[] = [];
  for (let i = 0; i < l; i++) {
    const a = r.alpha[i] - r.alpha[i + l];
    if (a !== 0) {
      support.push(kept[i]);
      coef.push(a);
    }
  }
  return {
    support: Int32Array.from(support),
    dualCoef: Float64Array.from(coef),
    rho: r.rho,
    nIter: r.nIter,
    fitStatus: r.hitMaxIter ? 1 : 0,
  };
}
