/**
 * The distributions of NumPy's legacy `RandomState`, step for step as NumPy 1.16+ keeps them
 * (`legacy-distributions.c` and the parts of `distributions.c` it calls), so the same bits in
 * give the same numbers out. Transcendental functions come from ./libm.ts (see there why).
 */
import type { BitSource } from "./bit-source.js";
import { exp, log } from "./libm.js";

/** The cached second normal of the polar method (NumPy's `has_gauss`/`gauss`). */
export interface GaussState {
  hasGauss: boolean;
  gauss: number;
}

/** legacy_gauss: Marsaglia's polar method, returning f*x2 and keeping f*x1 for the next call. */
export function legacyGauss(src: BitSource, st: GaussState): number {
  if (st.hasGauss) {
    const g = st.gauss;
    st.hasGauss = false;
    st.gauss = 0;
    return g;
  }
  let x1: number;
  let x2: number;
  let r2: number;
  do {
    x1 = 2 * src.nextDouble() - 1;
    x2 = 2 * src.nextDouble() - 1;
    r2 = x1 * x1 + x2 * x2;
  } while (r2 >= 1 || r2 === 0);
  const f = Math.sqrt((-2 * log(r2)) / r2);
  st.gauss = f * x1;
  st.hasGauss = true;
  return f * x2;
}

/** legacy_standard_exponential: -log(1 - U). */
export function legacyStandardExponential(src: BitSource): number {
  return -log(1 - src.nextDouble());
}

/** Set-up values of the binomial samplers for one (n, p), like NumPy's `binomial_t` cache. */
interface InversionSetup {
  q: number;
  qn: number;
  bound: number;
}

function inversionSetup(n: number, p: number): InversionSetup {
  const q = 1 - p;
  const np = n * p;
  return { q, qn: exp(n * log(q)), bound: Math.trunc(Math.min(n, np + 10 * Math.sqrt(np * q + 1))) };
}

/** random_binomial_inversion: sequential search from 0, restarting past `bound`. */
function binomialInversion(src: BitSource, n: number, p: number, s: InversionSetup): number {
  const { q, qn, bound } = s;
  let x = 0;
  let px = qn;
  let u = src.nextDouble();
  while (u > px) {
    x++;
    if (x > bound) {
      x = 0;
      px = qn;
      u = src.nextDouble();
    } else {
      u -= px;
      px = ((n - x + 1) * p * px) / (x * q);
    }
  }
  return x;
}

interface BtpeSetup {
  r: number;
  q: number;
  fm: number;
  m: number;
  p1: number;
  xm: number;
  xl: number;
  xr: number;
  c: number;
  laml: number;
  lamr: number;
  p2: number;
  p3: number;
  p4: number;
}

function btpeSetup(n: number, p: number): BtpeSetup {
  const r = Math.min(p, 1 - p);
  const q = 1 - r;
  const fm = n * r + r;
  const m = Math.floor(fm);
  const p1 = Math.floor(2.195 * Math.sqrt(n * r * q) - 4.6 * q) + 0.5;
  const xm = m + 0.5;
  const xl = xm - p1;
  const xr = xm + p1;
  const c = 0.134 + 20.5 / (15.3 + m);
  let a = (fm - xl) / (fm - xl * r);
  const laml = a * (1 + a / 2);
  a = (xr - fm) / (xr * q);
  const lamr = a * (1 + a / 2);
  const p2 = p1 * (1 + 2 * c);
  const p3 = p2 + c / laml;
  const p4 = p3 + c / lamr;
  return { r, q, fm, m, p1, xm, xl, xr, c, laml, lamr, p2, p3, p4 };
}

/** Stirling-series tail used by BTPE's final acceptance test. */
function stirlingTail(v: number, v2: number): number {
  return (13680 - (462 - (132 - (99 - 140 / v2) / v2) / v2) / v2) / v / 166320;
}

/**
 * random_binomial_btpe (Kachitvichyanukul & Schmeiser), with NumPy's step structure; the
 * loop's continue (back to Step 10) and break (to Step 60) play the C code's gotos.
 */
function binomialBtpe(src: BitSource, n: number, p: number, s: BtpeSetup): number {
  const { r, q, m, p1, xm, xl, xr, c, laml, lamr, p2, p3, p4 } = s;
  let y: number;
  for (;;) {
    // Step 10
    const nrq = n * r * q;
    const u = src.nextDouble() * p4;
    let v = src.nextDouble();
    if (u <= p1) {
      y = Math.floor(xm - p1 * v + u);
      break;
    }
    if (u <= p2) {
      // Step 20
      const x = xl + (u - p1) / c;
      v = v * c + 1 - Math.abs(m - x + 0.5) / p1;
      if (v > 1) continue;
      y = Math.floor(x);
    } else if (u <= p3) {
      // Step 30
      y = Math.floor(xl + log(v) / laml);
      if (y < 0 || v === 0) continue;
      v = v * (u - p2) * laml;
    } else {
      // Step 40
      y = Math.floor(xr - log(v) / lamr);
      if (y > n || v === 0) continue;
      v = v * (u - p3) * lamr;
    }
    // Step 50
    const k = Math.abs(y - m);
    if (!(k > 20 && k < nrq / 2 - 1)) {
      const sr = r / q;
      const a = sr * (n + 1);
      let f = 1;
      if (m < y) {
        for (let i = m + 1; i <= y; i++) f *= a / i - sr;
      } else if (m > y) {
        for (let i = y + 1; i <= m; i++) f /= a / i - sr;
      }
      if (v > f) continue;
      break;
    }
    // Step 52
    const rho = (k / nrq) * ((k * (k / 3 + 0.625) + 0.16666666666666666) / nrq + 0.5);
    const t = (-k * k) / (2 * nrq);
    const A = log(v);
    if (A < t - rho) break;
    if (A > t + rho) continue;
    const x1 = y + 1;
    const f1 = m + 1;
    const z = n + 1 - m;
    const w = n - y + 1;
    const bound =
      xm * log(f1 / x1) +
      (n - m + 0.5) * log(z / w) +
      (y - m) * log((w * r) / (x1 * q)) +
      stirlingTail(f1, f1 * f1) +
      stirlingTail(z, z * z) +
      stirlingTail(x1, x1 * x1) +
      stirlingTail(w, w * w);
    if (A > bound) continue;
    break;
  }
  // Step 60 (p is at most 0.5 here, as the caller folds p > 0.5)
  return p > 0.5 ? n - y : y;
}

/**
 * A binomial sampler for fixed (n, p): legacy_random_binomial, inversion when
 * min(p, 1-p) * n <= 30, BTPE otherwise. Note the legacy path has no shortcut for n == 0 or
 * p == 0: it still draws one double, as NumPy does.
 */
export function legacyBinomialSampler(n: number, p: number): (src: BitSource) => number {
  if (p <= 0.5) {
    if (p * n <= 30) {
      const s = inversionSetup(n, p);
      return (src) => binomialInversion(src, n, p, s);
    }
    const s = btpeSetup(n, p);
    return (src) => binomialBtpe(src, n, p, s);
  }
  const q = 1 - p;
  if (q * n <= 30) {
    const s = inversionSetup(n, q);
    return (src) => n - binomialInversion(src, n, q, s);
  }
  const s = btpeSetup(n, q);
  return (src) => n - binomialBtpe(src, n, q, s);
}

/** random_loggam: log Γ(x) by Stirling's series after shifting x up to at least 7. */
export function loggam(x: number): number {
  if (x === 1 || x === 2) return 0;
  const n = x < 7 ? Math.trunc(7 - x) : 0;
  let x0 = x + n;
  const x2 = (1 / x0) * (1 / x0);
  let gl0 = LOGGAM_A[9];
  for (let k = 8; k >= 0; k--) {
    gl0 *= x2;
    gl0 += LOGGAM_A[k];
  }
  let gl = gl0 / x0 + 0.5 * LG2PI + (x0 - 0.5) * log(x0) - x0;
  if (x < 7) {
    for (let k = 1; k <= n; k++) {
      gl -= log(x0 - 1);
      x0 -= 1;
    }
  }
  return gl;
}

// Bernoulli-number coefficients B(2k) / (2k (2k - 1)) of Stirling's series, k = 1..10, rounded
// to the 16 significant digits NumPy uses (the rounding is part of the stream's definition).
const LOGGAM_A = [
  8.333333333333333e-2, -2.777777777777778e-3, 7.936507936507937e-4, -5.952380952380952e-4,
  8.417508417508418e-4, -1.917526917526918e-3, 6.41025641025641e-3, -2.955065359477124e-2,
  1.796443723688307e-1, -1.3924322169059,
];
const LG2PI = 1.8378770664093453; // log(2 pi)

/** random_poisson_mult: multiply uniforms until the product drops below exp(-lam). */
function poissonMult(src: BitSource, enlam: number): number {
  let x = 0;
  let prod = 1;
  for (;;) {
    prod *= src.nextDouble();
    if (prod > enlam) x++;
    else return x;
  }
}

/** random_poisson_ptrs: Hörmann's transformed rejection (PTRS), for lam >= 10. */
function poissonPtrs(src: BitSource, lam: number, loglam: number): number {
  const slam = Math.sqrt(lam);
  const b = 0.931 + 2.53 * slam;
  const a = -0.059 + 0.02483 * b;
  const invalpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = src.nextDouble() - 0.5;
    const v = src.nextDouble();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + lam + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (log(v) + log(invalpha) - log(a / (us * us) + b) <= -lam + k * loglam - loggam(k + 1)) return k;
  }
}

/** A Poisson sampler for a fixed lam: legacy_random_poisson. */
export function legacyPoissonSampler(lam: number): (src: BitSource) => number {
  if (lam >= 10) {
    const loglam = log(lam);
    return (src) => poissonPtrs(src, lam, loglam);
  }
  if (lam === 0) return () => 0;
  const enlam = exp(-lam);
  return (src) => poissonMult(src, enlam);
}
