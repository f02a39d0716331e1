/**
 * Eigenvalues and eigenvectors of a general real matrix, NumPy's `linalg.eig`/`eigvals`:
 * Householder reduction to Hessenberg form, Francis double-shift QR to real Schur form (with
 * deflation on negligible subdiagonals and exceptional shifts), then back-substitution on the
 * quasi-triangular Schur factor for the eigenvectors (the Wilkinson–Reinsch `hqr2` scheme).
 *
 * Complex results are returned as separate real and imaginary arrays (see {@link eig}).
 */
import { stackOf } from "./batch.js";
import { LinAlgError, MSG } from "./errors.js";
import { larfg, larfLeft, larfRight } from "./householder.js";
import { formTridiagQ } from "./tridiag.js";
import { alloc, dtypeOf, toF64, type Dense } from "./types.js";

const EPS = 2.220446049250313e-16;

/** Reduces A (n×n, row-major float64) to upper Hessenberg H = Qᵀ·A·Q in place; returns Q. */
export function gehrd(n: number, A: Float64Array, wantQ: boolean): Float64Array | null {
  const tau = new Float64Array(Math.max(0, n - 1));
  const w = new Float64Array(n);
  const v = new Float64Array(n);
  const out = { beta: 0 };
  for (let k = 0; k < n - 2; k++) {
    const t = larfg(n - k - 2, A[(k + 1) * n + k], A, (k + 2) * n + k, n, out);
    tau[k] = t;
    A[(k + 1) * n + k] = out.beta;
    if (t === 0) continue;
    larfLeft(n - k - 1, n - k - 1, A, (k + 1) * n + k, n, t, A, (k + 1) * n + k + 1, n, w);
    v[0] = 1;
    for (let i = 1; i < n - k - 1; i++) v[i] = A[(k + 1 + i) * n + k];
    larfRight(n, n - k - 1, v, 0, t, A, k + 1, n);
  }
  // The reflectors sit below the subdiagonal exactly as in the tridiagonal reduction.
  const Q = wantQ ? formTridiagQ(n, A, tau) : null;
  for (let i = 2; i < n; i++) A.fill(0, i * n, i * n + i - 1);
  return Q;
}

/** Real and imaginary parts of eigenvalues and (if asked) eigenvectors of one matrix. */
export interface EigResult {
  wr: Float64Array;
  wi: Float64Array;
  /** n×n; column j is the real part of eigenvector j. */
  vr: Float64Array | null;
  /** n×n; column j is the imaginary part of eigenvector j. */
  vi: Float64Array | null;
}

/**
 * Eigen-decomposition of one n×n row-major float64 matrix (not modified). Complex eigenvalues
 * come in conjugate pairs, positive imaginary part first, with conjugate eigenvectors. Each
 * eigenvector has unit 2-norm and its largest component real, as LAPACK's `geev`.
 */
export function eigMatrix(n: number, A0: Float64Array, vectors: boolean): EigResult {
  for (let i = 0; i < A0.length; i++) if (A0[i] - A0[i] !== 0) throw new LinAlgError(MSG.nonFinite);
  const H = A0.slice();
  const Z = gehrd(n, H, vectors);
  const wr = new Float64Array(n);
  const wi = new Float64Array(n);
  schur(n, H, Z, wr, wi);
  if (!vectors || !Z) return { wr, wi, vr: null, vi: null };
  backSubstitute(n, H, Z, wr, wi);
  const vr = new Float64Array(n * n);
  const vi = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    if (wi[j] === 0) {
      for (let i = 0; i < n; i++) vr[i * n + j] = Z[i * n + j];
    } else if (wi[j] > 0) {
      for (let i = 0; i < n; i++) {
        vr[i * n + j] = vr[i * n + j + 1] = Z[i * n + j];
        vi[i * n + j] = Z[i * n + j + 1];
        vi[i * n + j + 1] = -Z[i * n + j + 1];
      }
    }
  }
  normalise(n, vr, vi);
  return { wr, wi, vr, vi };
}

// Unit 2-norm and a real largest component for every column.
function normalise(n: number, vr: Float64Array, vi: Float64Array): void {
  for (let j = 0; j < n; j++) {
    let big = -1;
    let at = 0;
    let ss = 0;
    for (let i = 0; i < n; i++) {
      const m2 = vr[i * n + j] ** 2 + vi[i * n + j] ** 2;
      ss += m2;
      if (m2 > big) {
        big = m2;
        at = i;
      }
    }
    if (ss === 0) continue;
    // Multiply by conj(v_at)/|v_at| / ‖v‖: rotates v_at onto the positive real axis and normalises.
    const a = vr[at * n + j];
    const b = vi[at * n + j];
    const mod = Math.hypot(a, b);
    const cr = a / mod / Math.sqrt(ss);
    const ci = -b / mod / Math.sqrt(ss);
    for (let i = 0; i < n; i++) {
      const x = vr[i * n + j];
      const y = vi[i * n + j];
      vr[i * n + j] = x * cr - y * ci;
      vi[i * n + j] = x * ci + y * cr;
    }
    vi[at * n + j] = 0;
  }
}

// Francis double-shift QR on the Hessenberg H (in place, to real Schur form), accumulating into Z.
function schur(n: number, H: Float64Array, Z: Float64Array | null, wr: Float64Array, wi: Float64Array): void {
  let norm = 0;
  for (let i = 0; i < n; i++) for (let j = Math.max(i - 1, 0); j < n; j++) norm += Math.abs(H[i * n + j]);
  const h = (i: number, j: number): number => H[i * n + j];
  let nn = n - 1;
  let exshift = 0;
  let its = 0;
  let p = 0;
  let q = 0;
  let r = 0;
  let s: number;
  let z: number;
  let w: number;
  let x: number;
  let y: number;
  while (nn >= 0) {
    // Find the lowest negligible subdiagonal entry: the active block is l..nn.
    let l = nn;
    while (l > 0) {
      s = Math.abs(h(l - 1, l - 1)) + Math.abs(h(l, l));
      if (s === 0) s = norm;
      if (Math.abs(h(l, l - 1)) < EPS * s) break;
      l--;
    }
    if (l > 0) H[l * n + l - 1] = 0;
    x = h(nn, nn);
    if (l === nn) {
      // One real eigenvalue deflates.
      H[nn * n + nn] = x + exshift;
      wr[nn] = x + exshift;
      wi[nn] = 0;
      nn--;
      its = 0;
      continue;
    }
    y = h(nn - 1, nn - 1);
    w = h(nn, nn - 1) * h(nn - 1, nn);
    if (l === nn - 1) {
      // A 2×2 block deflates: a real pair (triangularised by a rotation) or a complex pair.
      p = (y - x) / 2;
      q = p * p + w;
      z = Math.sqrt(Math.abs(q));
      H[nn * n + nn] = x + exshift;
      H[(nn - 1) * n + nn - 1] = y + exshift;
      x += exshift;
      if (q >= 0) {
        z = p >= 0 ? p + z : p - z;
        wr[nn - 1] = x + z;
        wr[nn] = z !== 0 ? x - w / z : x + z;
        wi[nn - 1] = 0;
        wi[nn] = 0;
        x = h(nn, nn - 1);
        s = Math.abs(x) + Math.abs(z);
        p = x / s;
        q = z / s;
        r = Math.hypot(p, q);
        p /= r;
        q /= r;
        for (let j = nn - 1; j < n; j++) {
          const a = h(nn - 1, j);
          H[(nn - 1) * n + j] = q * a + p * h(nn, j);
          H[nn * n + j] = q * h(nn, j) - p * a;
        }
        for (let i = 0; i <= nn; i++) {
          const a = h(i, nn - 1);
          H[i * n + nn - 1] = q * a + p * h(i, nn);
          H[i * n + nn] = q * h(i, nn) - p * a;
        }
        if (Z) {
          for (let i = 0; i < n; i++) {
            const a = Z[i * n + nn - 1];
            Z[i * n + nn - 1] = q * a + p * Z[i * n + nn];
            Z[i * n + nn] = q * Z[i * n + nn] - p * a;
          }
        }
      } else {
        wr[nn - 1] = x + p;
        wr[nn] = x + p;
        wi[nn - 1] = z;
        wi[nn] = -z;
      }
      nn -= 2;
      its = 0;
      continue;
    }
    if (its >= 30 * Math.max(10, n)) throw new LinAlgError(MSG.eigNoConv);
    // Exceptional shifts break the rare cycles of the standard shift.
    if (its === 10 || its === 20) {
      exshift += x;
      for (let i = 0; i <= nn; i++) H[i * n + i] -= x;
      s = Math.abs(h(nn, nn - 1)) + Math.abs(h(nn - 1, nn - 2));
      x = y = 0.75 * s;
      w = -0.4375 * s * s;
    }
    its++;
    // Start the double step where two consecutive subdiagonals are small enough (or at l).
    let m = nn - 2;
    for (; m >= l; m--) {
      z = h(m, m);
      r = x - z;
      s = y - z;
      p = (r * s - w) / h(m + 1, m) + h(m, m + 1);
      q = h(m + 1, m + 1) - z - r - s;
      r = h(m + 2, m + 1);
      s = Math.abs(p) + Math.abs(q) + Math.abs(r);
      p /= s;
      q /= s;
      r /= s;
      if (m === l) break;
      const u = Math.abs(h(m, m - 1)) * (Math.abs(q) + Math.abs(r));
      const v = Math.abs(p) * (Math.abs(h(m - 1, m - 1)) + Math.abs(z) + Math.abs(h(m + 1, m + 1)));
      if (u < EPS * v) break;
    }
    for (let i = m + 2; i <= nn; i++) {
      H[i * n + i - 2] = 0;
      if (i > m + 2) H[i * n + i - 3] = 0;
    }
    // The bulge chase: 3-element reflectors from row m down to nn.
    for (let k = m; k <= nn - 1; k++) {
      const notLast = k !== nn - 1;
      if (k !== m) {
        p = h(k, k - 1);
        q = h(k + 1, k - 1);
        r = notLast ? h(k + 2, k - 1) : 0;
        x = Math.abs(p) + Math.abs(q) + Math.abs(r);
        if (x === 0) continue;
        p /= x;
        q /= x;
        r /= x;
      }
      s = Math.sqrt(p * p + q * q + r * r);
      if (p < 0) s = -s;
      if (s === 0) continue;
      if (k !== m) H[k * n + k - 1] = -s * x;
      else if (l !== m) H[k * n + k - 1] = -h(k, k - 1);
      p += s;
      x = p / s;
      y = q / s;
      z = r / s;
      q /= p;
      r /= p;
      for (let j = k; j < n; j++) {
        let t = h(k, j) + q * h(k + 1, j);
        if (notLast) {
          t += r * h(k + 2, j);
          H[(k + 2) * n + j] -= t * z;
        }
        H[(k + 1) * n + j] -= t * y;
        H[k * n + j] -= t * x;
      }
      const iEnd = Math.min(nn, k + 3);
      for (let i = 0; i <= iEnd; i++) {
        let t = x * h(i, k) + y * h(i, k + 1);
        if (notLast) {
          t += z * h(i, k + 2);
          H[i * n + k + 2] -= t * r;
        }
        H[i * n + k + 1] -= t * q;
        H[i * n + k] -= t;
      }
      if (Z) {
        for (let i = 0; i < n; i++) {
          let t = x * Z[i * n + k] + y * Z[i * n + k + 1];
          if (notLast) {
            t += z * Z[i * n + k + 2];
            Z[i * n + k + 2] -= t * r;
          }
          Z[i * n + k + 1] -= t * q;
          Z[i * n + k] -= t;
        }
      }
    }
  }
}

// Complex division (a + ib)/(c + id), scaled to avoid overflow.
function cdiv(a: number, b: number, c: number, d: number, out: { re: number; im: number }): void {
  if (Math.abs(c) >= Math.abs(d)) {
    const r = d / c;
    const den = c + r * d;
    out.re = (a + r * b) / den;
    out.im = (b - r * a) / den;
  } else {
    const r = c / d;
    const den = d + r * c;
    out.re = (r * a + b) / den;
    out.im = (r * b - a) / den;
  }
}

// Eigenvectors of the quasi-triangular T (in H), then Z ← Z·X: columns become A's eigenvectors
// (for a complex pair j, j+1: column j the real part, column j+1 the imaginary part).
function backSubstitute(
  n: number,
  H: Float64Array,
  Z: Float64Array,
  wr: Float64Array,
  wi: Float64Array,
): void {
  let norm = 0;
  for (let i = 0; i < n; i++) for (let j = Math.max(i - 1, 0); j < n; j++) norm += Math.abs(H[i * n + j]);
  if (norm === 0) return;
  const h = (i: number, j: number): number => H[i * n + j];
  const set = (i: number, j: number, v: number): void => {
    H[i * n + j] = v;
  };
  const c = { re: 0, im: 0 };
  let r = 0;
  let s = 0;
  let z = 0;
  for (let en = n - 1; en >= 0; en--) {
    const p = wr[en];
    const q = wi[en];
    if (q === 0) {
      let m = en;
      set(en, en, 1);
      for (let i = en - 1; i >= 0; i--) {
        const w = h(i, i) - p;
        r = 0;
        for (let j = m; j <= en; j++) r += h(i, j) * h(j, en);
        if (wi[i] < 0) {
          z = w;
          s = r;
          continue;
        }
        m = i;
        if (wi[i] === 0) {
          set(i, en, w !== 0 ? -r / w : -r / (EPS * norm));
        } else {
          const x = h(i, i + 1);
          const y = h(i + 1, i);
          const qq = (wr[i] - p) * (wr[i] - p) + wi[i] * wi[i];
          const t = (x * s - z * r) / qq;
          set(i, en, t);
          set(i + 1, en, Math.abs(x) > Math.abs(z) ? (-r - w * t) / x : (-s - y * t) / z);
        }
        const t = Math.abs(h(i, en));
        if (EPS * t * t > 1) for (let j = i; j <= en; j++) set(j, en, h(j, en) / t);
      }
    } else if (q < 0) {
      let m = en - 1;
      if (Math.abs(h(en, en - 1)) > Math.abs(h(en - 1, en))) {
        set(en - 1, en - 1, q / h(en, en - 1));
        set(en - 1, en, -(h(en, en) - p) / h(en, en - 1));
      } else {
        cdiv(0, -h(en - 1, en), h(en - 1, en - 1) - p, q, c);
        set(en - 1, en - 1, c.re);
        set(en - 1, en, c.im);
      }
      set(en, en - 1, 0);
      set(en, en, 1);
      for (let i = en - 2; i >= 0; i--) {
        let ra = 0;
        let sa = 0;
        for (let j = m; j <= en; j++) {
          ra += h(i, j) * h(j, en - 1);
          sa += h(i, j) * h(j, en);
        }
        const w = h(i, i) - p;
        if (wi[i] < 0) {
          z = w;
          r = ra;
          s = sa;
          continue;
        }
        m = i;
        if (wi[i] === 0) {
          cdiv(-ra, -sa, w, q, c);
          set(i, en - 1, c.re);
          set(i, en, c.im);
        } else {
          const x = h(i, i + 1);
          const y = h(i + 1, i);
          let vr = (wr[i] - p) * (wr[i] - p) + wi[i] * wi[i] - q * q;
          const vi = (wr[i] - p) * 2 * q;
          if (vr === 0 && vi === 0) {
            vr = EPS * norm * (Math.abs(w) + Math.abs(q) + Math.abs(x) + Math.abs(y) + Math.abs(z));
          }
          cdiv(x * r - z * ra + q * sa, x * s - z * sa - q * ra, vr, vi, c);
          set(i, en - 1, c.re);
          set(i, en, c.im);
          if (Math.abs(x) > Math.abs(z) + Math.abs(q)) {
            set(i + 1, en - 1, (-ra - w * h(i, en - 1) + q * h(i, en)) / x);
            set(i + 1, en, (-sa - w * h(i, en) - q * h(i, en - 1)) / x);
          } else {
            cdiv(-r - y * h(i, en - 1), -s - y * h(i, en), z, q, c);
            set(i + 1, en - 1, c.re);
            set(i + 1, en, c.im);
          }
        }
        const t = Math.max(Math.abs(h(i, en - 1)), Math.abs(h(i, en)));
        if (EPS * t * t > 1) {
          for (let j = i; j <= en; j++) {
            set(j, en - 1, h(j, en - 1) / t);
            set(j, en, h(j, en) / t);
          }
        }
      }
    }
  }
  // Z ← Z·X with X upper triangular (plus the pairs' subdiagonal), column by column from the right.
  for (let j = n - 1; j >= 0; j--) {
    for (let i = 0; i < n; i++) {
      let acc = 0;
      for (let k = 0; k <= j; k++) acc += Z[i * n + k] * H[k * n + j];
      Z[i * n + j] = acc;
    }
  }
}

/** Result of {@link eig}: NumPy's complex `w` and `v` as real and imaginary parts. */
export interface EigOutput {
  /** Real parts of the eigenvalues, `(..., M)`. */
  wRe: Dense;
  /** Imaginary parts of the eigenvalues, `(..., M)` (all zero when `isReal`). */
  wIm: Dense;
  /** Real parts of the eigenvectors, `(..., M, M)`; column i belongs to eigenvalue i. */
  vRe: Dense;
  /** Imaginary parts of the eigenvectors, `(..., M, M)`. */
  vIm: Dense;
  /** True when every eigenvalue is real: NumPy then returns real arrays (wRe, vRe). */
  isReal: boolean;
}

/**
 * NumPy's `linalg.eig` for real `(..., M, M)` matrices. NumPy returns complex arrays when any
 * eigenvalue is complex; here the real and imaginary parts are separate arrays of the input's
 * dtype, and `isReal` says whether NumPy would have returned real arrays. Eigenvalues are in
 * Schur-form order (as LAPACK, not sorted); conjugate pairs are adjacent, positive imaginary part
 * first. Each eigenvector has unit 2-norm and its largest component real. NaN/Inf input throws
 * "Array must not contain infs or NaNs".
 *
 * @example
 * ```ts
 * const r = eig({ data: new Float64Array([0, -1, 1, 0]), shape: [2, 2] });
 * // r.wRe.data = [0, 0], r.wIm.data = [1, -1], r.isReal = false
 * ```
 */
export function eig(a: Dense): EigOutput {
  return run(a, true) as EigOutput;
}

/**
 * NumPy's `linalg.eigvals`: eigenvalues only, as real and imaginary parts.
 *
 * @example
 * ```ts
 * eigvals({ data: new Float64Array([2, 0, 0, 3]), shape: [2, 2] }).wRe.data; // [2, 3]
 * ```
 */
export function eigvals(a: Dense): { wRe: Dense; wIm: Dense; isReal: boolean } {
  return run(a, false);
}

function run(
  a: Dense,
  vectors: boolean,
): { wRe: Dense; wIm: Dense; vRe?: Dense; vIm?: Dense; isReal: boolean } {
  const { batchShape, count, n } = stackOf(a.shape, true);
  const dtype = dtypeOf(a.data);
  const WR = alloc(dtype, count * n);
  const WI = alloc(dtype, count * n);
  const VR = vectors ? alloc(dtype, count * n * n) : null;
  const VI = vectors ? alloc(dtype, count * n * n) : null;
  let isReal = true;
  for (let t = 0; t < count; t++) {
    const r = eigMatrix(n, toF64(a.data, t * n * n, (t + 1) * n * n), vectors);
    WR.set(r.wr, t * n);
    WI.set(r.wi, t * n);
    for (const v of r.wi) if (v !== 0) isReal = false;
    if (VR && VI && r.vr && r.vi) {
      VR.set(r.vr, t * n * n);
      VI.set(r.vi, t * n * n);
    }
  }
  const wShape = [...batchShape, n];
  const out = { wRe: { data: WR, shape: wShape }, wIm: { data: WI, shape: [...wShape] }, isReal };
  if (!VR || !VI) return out;
  return { ...out, vRe: { data: VR, shape: [...a.shape] }, vIm: { data: VI, shape: [...a.shape] } };
}
