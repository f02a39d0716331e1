/**
 * Limited-memory BFGS for smooth unconstrained problems, with the stopping rules of SciPy's
 * L-BFGS-B as scikit-learn calls it: stop when the largest gradient component is ≤ `gtol`, when
 * the relative decrease of f falls below `ftol`, or after `maxIter` iterations. Steps satisfy the
 * strong Wolfe conditions (c1 = 1e-3, c2 = 0.9, L-BFGS-B's values); the first step has length 1/‖g‖
 * as in L-BFGS-B. The path differs from SciPy's Fortran code in detail, the optimum does not.
 */

/** f and its gradient at x: returns f and writes the gradient into `g`. */
export type Objective = (x: Float64Array, g: Float64Array) => number;

/** Options of {@link lbfgs}. */
export interface LbfgsOptions {
  /** Iterations at most (SciPy's `maxiter`). */
  maxIter: number;
  /** Projected-gradient tolerance (SciPy's `gtol`, scikit-learn's `tol`). */
  gtol: number;
  /** Relative-decrease tolerance (SciPy's default `ftol` = 2.22e-9). */
  ftol?: number;
  /** Correction pairs kept (SciPy's `maxcor`, default 10). */
  m?: number;
  /** Function evaluations per line search at most (SciPy's `maxls`, default 20). */
  maxLs?: number;
}

/** Result of {@link lbfgs}. */
export interface LbfgsResult {
  x: Float64Array;
  f: number;
  nIter: number;
  /** 0 converged, 1 iteration limit reached, 2 line search failed. */
  status: 0 | 1 | 2;
  message: string;
}

const dot = (a: Float64Array, b: Float64Array): number => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
};

const maxAbs = (a: Float64Array): number => {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]));
  return m;
};

/** Minimises `fun` from `x0` (not modified). */
export function lbfgs(fun: Objective, x0: Float64Array, o: LbfgsOptions): LbfgsResult {
  const n = x0.length;
  const m = o.m ?? 10;
  const ftol = o.ftol ?? 2.220446049250313e-9;
  const maxLs = o.maxLs ?? 20;
  let x: Float64Array = x0.slice();
  let g: Float64Array = new Float64Array(n);
  let f = fun(x, g);
  const S: Float64Array[] = [];
  const Y: Float64Array[] = [];
  const rho: number[] = [];
  const d = new Float64Array(n);
  const alphaBuf = new Float64Array(m);
  if (maxAbs(g) <= o.gtol)
    return { x, f, nIter: 0, status: 0, message: "CONVERGENCE: NORM_OF_PROJECTED_GRADIENT_<=_PGTOL" };
  let iter = 0;
  while (iter < o.maxIter) {
    // Two-loop recursion: d = −H·g.
    for (let i = 0; i < n; i++) d[i] = -g[i];
    const k = S.length;
    for (let j = k - 1; j >= 0; j--) {
      alphaBuf[j] = rho[j] * dot(S[j], d);
      const yj = Y[j];
      for (let i = 0; i < n; i++) d[i] -= alphaBuf[j] * yj[i];
    }
    if (k > 0) {
      const gamma = dot(S[k - 1], Y[k - 1]) / dot(Y[k - 1], Y[k - 1]);
      for (let i = 0; i < n; i++) d[i] *= gamma;
    }
    for (let j = 0; j < k; j++) {
      const beta = rho[j] * dot(Y[j], d);
      const sj = S[j];
      for (let i = 0; i < n; i++) d[i] += (alphaBuf[j] - beta) * sj[i];
    }
    let dg = dot(d, g);
    if (!(dg < 0)) {
      // Not a descent direction (numerical trouble): restart from steepest descent.
      S.length = 0;
      Y.length = 0;
      rho.length = 0;
      for (let i = 0; i < n; i++) d[i] = -g[i];
      dg = dot(d, g);
    }
    const step0 = iter === 0 && k === 0 ? 1 / Math.sqrt(dot(d, d)) : 1;
    const ls = wolfeSearch(fun, x, f, g, d, dg, step0, maxLs);
    if (!ls) return { x, f, nIter: iter, status: 2, message: "ABNORMAL_TERMINATION_IN_LNSRCH" };
    iter++;
    const s = new Float64Array(n);
    const yv = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      s[i] = ls.x[i] - x[i];
      yv[i] = ls.g[i] - g[i];
    }
    const sy = dot(s, yv);
    if (sy > 2.220446049250313e-16 * dot(yv, yv)) {
      if (S.length === m) {
        S.shift();
        Y.shift();
        rho.shift();
      }
      S.push(s);
      Y.push(yv);
      rho.push(1 / sy);
    }
    const fOld = f;
    x = ls.x;
    g = ls.g;
    f = ls.f;
    if (maxAbs(g) <= o.gtol)
      return { x, f, nIter: iter, status: 0, message: "CONVERGENCE: NORM_OF_PROJECTED_GRADIENT_<=_PGTOL" };
    if (fOld - f <= ftol * Math.max(Math.abs(fOld), Math.abs(f), 1)) {
      return { x, f, nIter: iter, status: 0, message: "CONVERGENCE: REL_REDUCTION_OF_F_<=_FACTR*EPSMCH" };
    }
  }
  return { x, f, nIter: iter, status: 1, message: "STOP: TOTAL NO. of ITERATIONS REACHED LIMIT" };
}

interface Point {
  x: Float64Array;
  f: number;
  g: Float64Array;
  dg: number;
}

// Strong-Wolfe line search along d (Nocedal & Wright, algorithms 3.5 and 3.6, cubic interpolation).
function wolfeSearch(
  fun: Objective,
  x0: Float64Array,
  f0: number,
  g0: Float64Array,
  d: Float64Array,
  dg0: number,
  step: number,
  maxLs: number,
): Point | null {
  const c1 = 1e-3;
  const c2 = 0.9;
  const n = x0.length;
  let evals = 0;
  const at = (a: number): Point => {
    const x = new Float64Array(n);
    for (let i = 0; i < n; i++) x[i] = x0[i] + a * d[i];
    const g = new Float64Array(n);
    const f = fun(x, g);
    evals++;
    return { x, f, g, dg: dot(g, d) };
  };
  let aPrev = 0;
  let pPrev: Point = { x: x0, f: f0, g: g0, dg: dg0 };
  let a = step;
  for (;;) {
    const p = at(a);
    if (!Number.isFinite(p.f) || p.f > f0 + c1 * a * dg0 || (evals > 1 && p.f >= pPrev.f)) {
      return zoom(aPrev, pPrev, a, p);
    }
    if (Math.abs(p.dg) <= -c2 * dg0) return p;
    if (p.dg >= 0) return zoom(a, p, aPrev, pPrev);
    if (evals >= maxLs) return p.f < f0 ? p : null;
    aPrev = a;
    pPrev = p;
    a *= 2.5;
  }

  function zoom(lo: number, pLo: Point, hi: number, pHi: Point): Point | null {
    for (;;) {
      if (evals >= maxLs) return pLo.f < f0 ? pLo : null;
      let aj = cubicMin(lo, pLo, hi, pHi);
      const span = Math.abs(hi - lo);
      if (!Number.isFinite(aj) || Math.abs(aj - lo) < 0.1 * span || Math.abs(aj - hi) < 0.1 * span) {
        aj = (lo + hi) / 2;
      }
      const p = at(aj);
      if (!Number.isFinite(p.f) || p.f > f0 + c1 * aj * dg0 || p.f >= pLo.f) {
        hi = aj;
        pHi = p;
      } else {
        if (Math.abs(p.dg) <= -c2 * dg0) return p;
        if (p.dg * (hi - lo) >= 0) {
          hi = lo;
          pHi = pLo;
        }
        lo = aj;
        pLo = p;
      }
      if (Math.abs(hi - lo) < 1e-16 * Math.max(1, Math.abs(lo))) return pLo.f < f0 ? pLo : null;
    }
  }
}

// Minimiser of the cubic through (a, fa, dga) and (b, fb, dgb).
function cubicMin(a: number, pa: Point, b: number, pb: Point): number {
  if (!Number.isFinite(pb.f)) return NaN;
  const d1 = pa.dg + pb.dg - (3 * (pa.f - pb.f)) / (a - b);
  const disc = d1 * d1 - pa.dg * pb.dg;
  if (disc < 0) return NaN;
  const d2 = Math.sign(b - a) * Math.sqrt(disc);
  return b - ((b - a) * (pb.dg + d2 - d1)) / (pb.dg - pa.dg + 2 * d2);
}
