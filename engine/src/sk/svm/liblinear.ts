/**
 * liblinear's solvers for linear SVMs (Hsieh et al., "A dual coordinate descent method for
 * large-scale linear SVM", ICML 2008; Ho & Lin, "Large-scale linear support vector regression",
 * JMLR 2012), on rows stored sparsely as liblinear stores them (zeros skipped, the intercept as an
 * extra feature of value `interceptScaling`, regularized like the others):
 *
 * - dual coordinate descent for the hinge and squared hinge losses and for the ε-insensitive and
 *   squared ε-insensitive losses, visiting the coordinates in a seeded random order each pass and
 *   shrinking the ones stuck at a bound;
 * - the primal squared-hinge and squared-ε-insensitive problems (dual=false) by L-BFGS with
 *   liblinear's relative gradient-norm stopping rule.
 */
import { lbfgs } from "../linearModel/lbfgs.js";
import type { SolverRandom } from "./newrand.js";

/** Rows in compressed sparse row form, with the bias column appended when `bias > 0`. */
export interface SparseRows {
  ptr: Int32Array;
  idx: Int32Array;
  val: Float64Array;
  /** Number of samples. */
  n: number;
  /** Number of weights (features, plus one for the bias). */
  w: number;
}

/** CSR rows of a row-major n×d matrix, skipping zeros; `bias > 0` appends that constant feature. */
export function sparseRows(X: Float64Array, n: number, d: number, bias: number): SparseRows {
  let nnz = 0;
  for (let k = 0; k < X.length; k++) if (X[k] !== 0) nnz++;
  const extra = bias > 0 ? n : 0;
  const ptr = new Int32Array(n + 1);
  const idx = new Int32Array(nnz + extra);
  const val = new Float64Array(nnz + extra);
  let q = 0;
  for (let i = 0; i < n; i++) {
    const o = i * d;
    for (let j = 0; j < d; j++) {
      const v = X[o + j];
      if (v !== 0) {
        idx[q] = j;
        val[q++] = v;
      }
    }
    if (bias > 0) {
      idx[q] = d;
      val[q++] = bias;
    }
    ptr[i + 1] = q;
  }
  return { ptr, idx, val, n, w: bias > 0 ? d + 1 : d };
}

/** The rows `order` of `S` (a subproblem in a new sample order). */
export function reorderRows(S: SparseRows, order: Int32Array): SparseRows {
  const ptr = new Int32Array(order.length + 1);
  let nnz = 0;
  for (let k = 0; k < order.length; k++) nnz += S.ptr[order[k] + 1] - S.ptr[order[k]];
  const idx = new Int32Array(nnz);
  const val = new Float64Array(nnz);
  let q = 0;
  for (let k = 0; k < order.length; k++) {
    for (let t = S.ptr[order[k]]; t < S.ptr[order[k] + 1]; t++) {
      idx[q] = S.idx[t];
      val[q++] = S.val[t];
    }
    ptr[k + 1] = q;
  }
  return { ptr, idx, val, n: order.length, w: S.w };
}

function dot(S: SparseRows, i: number, w: Float64Array): number {
  let s = 0;
  for (let t = S.ptr[i]; t < S.ptr[i + 1]; t++) s += w[S.idx[t]] * S.val[t];
  return s;
}

function axpy(S: SparseRows, i: number, a: number, w: Float64Array): void {
  for (let t = S.ptr[i]; t < S.ptr[i + 1]; t++) w[S.idx[t]] += a * S.val[t];
}

function sqNorm(S: SparseRows, i: number): number {
  let s = 0;
  for (let t = S.ptr[i]; t < S.ptr[i + 1]; t++) s += S.val[t] * S.val[t];
  return s;
}

/** Weights and the number of passes made. */
export interface LinearSolution {
  w: Float64Array;
  nIter: number;
}

function shuffleActive(index: Int32Array, active: number, rng: SolverRandom): void {
  for (let i = 0; i < active; i++) {
    const j = i + rng.below(active - i);
    const t = index[i];
    index[i] = index[j];
    index[j] = t;
  }
}

/**
 * Dual coordinate descent for the L2-regularized hinge (`l1Loss`) or squared hinge loss with
 * labels ±1 and per-sample bounds C (liblinear's solve_l2r_l1l2_svc).
 */
export function dualCdSvc(
  S: SparseRows,
  y: Int8Array,
  C: Float64Array,
  l1Loss: boolean,
  eps: number,
  maxIter: number,
  rng: SolverRandom,
): LinearSolution {
  const l = S.n;
  const w = new Float64Array(S.w);
  const alpha = new Float64Array(l);
  const QD = new Float64Array(l);
  const diag = new Float64Array(l);
  const upper = new Float64Array(l);
  const index = new Int32Array(l);
  for (let i = 0; i < l; i++) {
    diag[i] = l1Loss ? 0 : 0.5 / C[i];
    upper[i] = l1Loss ? C[i] : Infinity;
    QD[i] = diag[i] + sqNorm(S, i);
    index[i] = i;
  }
  const { ptr, idx, val } = S;
  let active = l;
  let PGmaxOld = Infinity;
  let PGminOld = -Infinity;
  let iter = 0;
  while (iter < maxIter) {
    let PGmaxNew = -Infinity;
    let PGminNew = Infinity;
    shuffleActive(index, active, rng);
    for (let s = 0; s < active; s++) {
      const i = index[s];
      const yi = y[i];
      const t0 = ptr[i];
      const t1 = ptr[i + 1];
      let z = 0;
      for (let t = t0; t < t1; t++) z += w[idx[t]] * val[t];
      let G = yi * z - 1;
      const Ci = upper[i];
      G += alpha[i] * diag[i];
      let PG = 0;
      if (alpha[i] === 0) {
        if (G > PGmaxOld) {
          active--;
          index[s] = index[active];
          index[active] = i;
          s--;
          continue;
        } else if (G < 0) PG = G;
      } else if (alpha[i] === Ci) {
        if (G < PGminOld) {
          active--;
          index[s] = index[active];
          index[active] = i;
          s--;
          continue;
        } else if (G > 0) PG = G;
      } else PG = G;
      PGmaxNew = Math.max(PGmaxNew, PG);
      PGminNew = Math.min(PGminNew, PG);
      if (Math.abs(PG) > 1.0e-12) {
        const old = alpha[i];
        alpha[i] = Math.min(Math.max(alpha[i] - G / QD[i], 0), Ci);
        const a = (alpha[i] - old) * yi;
        for (let t = t0; t < t1; t++) w[idx[t]] += a * val[t];
      }
    }
    iter++;
    if (PGmaxNew - PGminNew <= eps) {
      if (active === l) break;
      active = l;
      PGmaxOld = Infinity;
      PGminOld = -Infinity;
      continue;
    }
    PGmaxOld = PGmaxNew <= 0 ? Infinity : PGmaxNew;
    PGminOld = PGminNew >= 0 ? -Infinity : PGminNew;
  }
  return { w, nIter: iter };
}

/**
 * Dual coordinate descent for L2-regularized ε-insensitive (`l1Loss`) or squared ε-insensitive
 * regression with per-sample bounds C (liblinear's solve_l2r_l1l2_svr).
 */
export function dualCdSvr(
  S: SparseRows,
  y: Float64Array,
  C: Float64Array,
  p: number,
  l1Loss: boolean,
  eps: number,
  maxIter: number,
  rng: SolverRandom,
): LinearSolution {
  const l = S.n;
  const w = new Float64Array(S.w);
  const beta = new Float64Array(l);
  const QD = new Float64Array(l);
  const lambda = new Float64Array(l);
  const upper = new Float64Array(l);
  const index = new Int32Array(l);
  for (let i = 0; i < l; i++) {
    lambda[i] = l1Loss ? 0 : 0.5 / C[i];
    upper[i] = l1Loss ? C[i] : Infinity;
    QD[i] = sqNorm(S, i);
    index[i] = i;
  }
  const { ptr, idx, val } = S;
  let active = l;
  let GmaxOld = Infinity;
  let Gnorm1Init = -1;
  let iter = 0;
  while (iter < maxIter) {
    let GmaxNew = 0;
    let Gnorm1New = 0;
    shuffleActive(index, active, rng);
    for (let s = 0; s < active; s++) {
      const i = index[s];
      let G = -y[i] + lambda[i] * beta[i];
      const H = QD[i] + lambda[i];
      const t0 = ptr[i];
      const t1 = ptr[i + 1];
      let z = 0;
      for (let t = t0; t < t1; t++) z += w[idx[t]] * val[t];
      G += z;
      const Gp = G + p;
      const Gn = G - p;
      let violation = 0;
      let shrink = false;
      if (beta[i] === 0) {
        if (Gp < 0) violation = -Gp;
        else if (Gn > 0) violation = Gn;
        else shrink = Gp > GmaxOld && Gn < -GmaxOld;
      } else if (beta[i] >= upper[i]) {
        if (Gp > 0) violation = Gp;
        else shrink = Gp < -GmaxOld;
      } else if (beta[i] <= -upper[i]) {
        if (Gn < 0) violation = -Gn;
        else shrink = Gn > GmaxOld;
      } else if (beta[i] > 0) violation = Math.abs(Gp);
      else violation = Math.abs(Gn);
      if (shrink) {
        active--;
        index[s] = index[active];
        index[active] = i;
        s--;
        continue;
      }
      GmaxNew = Math.max(GmaxNew, violation);
      Gnorm1New += violation;
      let d: number;
      if (Gp < H * beta[i]) d = -Gp / H;
      else if (Gn > H * beta[i]) d = -Gn / H;
      else d = -beta[i];
      if (Math.abs(d) < 1.0e-12) continue;
      const old = beta[i];
      beta[i] = Math.min(Math.max(beta[i] + d, -upper[i]), upper[i]);
      d = beta[i] - old;
      if (d !== 0) for (let t = t0; t < t1; t++) w[idx[t]] += d * val[t];
    }
    if (iter === 0) Gnorm1Init = Gnorm1New;
    iter++;
    if (Gnorm1New <= eps * Gnorm1Init) {
      if (active === l) break;
      active = l;
      GmaxOld = Infinity;
      continue;
    }
    GmaxOld = GmaxNew;
  }
  return { w, nIter: iter };
}

/**
 * The primal L2-regularized squared hinge (labels ±1) or squared ε-insensitive (`svrEpsilon` set)
 * problem, ½‖w‖² + Σ Cᵢ·loss², by L-BFGS. liblinear's trust-region Newton stops when
 * ‖∇f‖ ≤ eps·‖∇f(0)‖; L-BFGS is stopped a hundred times tighter (max-norm), which costs a few
 * cheap iterations and lands nearer the optimum than the Newton method's stopping point.
 */
export function primalSquaredLoss(
  S: SparseRows,
  y: Float64Array,
  C: Float64Array,
  svrEpsilon: number | null,
  eps: number,
  maxIter: number,
): LinearSolution & { converged: boolean } {
  const l = S.n;
  const z = new Float64Array(l);
  const fun = (w: Float64Array, g: Float64Array): number => {
    let f = 0;
    for (let j = 0; j < w.length; j++) {
      f += 0.5 * w[j] * w[j];
      g[j] = w[j];
    }
    for (let i = 0; i < l; i++) z[i] = dot(S, i, w);
    for (let i = 0; i < l; i++) {
      let r: number; // d loss / d z, halved
      if (svrEpsilon === null) {
        const m = 1 - y[i] * z[i];
        if (m <= 0) continue;
        f += C[i] * m * m;
        r = -y[i] * m;
      } else {
        const e = z[i] - y[i];
        if (e > svrEpsilon) r = e - svrEpsilon;
        else if (e < -svrEpsilon) r = e + svrEpsilon;
        else continue;
        f += C[i] * r * r;
      }
      axpy(S, i, 2 * C[i] * r, g);
    }
    return f;
  };
  const g0 = new Float64Array(S.w);
  fun(new Float64Array(S.w), g0);
  let norm0 = 0;
  for (const v of g0) norm0 = Math.max(norm0, Math.abs(v));
  const r = lbfgs(fun, new Float64Array(S.w), { maxIter, gtol: 0.01 * eps * norm0, ftol: 1e-15 });
  return { w: r.x, nIter: r.nIter, converged: r.status === 0 };
}
