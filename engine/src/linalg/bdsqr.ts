/**
 * Singular values of an upper bidiagonal matrix by implicit-shift QR (Golub–Kahan, with
 * Wilkinson shifts and deflation; the zero-diagonal cases are chased out with rotations as in
 * Golub & Van Loan §8.6). Rotations are accumulated into the rows of Uᵀ and Vᵀ, recorded and
 * applied in GEMM batches (`rotation-batch.ts`) since the scalar recurrence never reads them.
 */
import { LinAlgError, MSG } from "./errors.js";
import { DeferredRotations } from "./rotation-batch.js";
import { swapRows } from "./rotations.js";

const EPS = 2.220446049250313e-16;

/** r = hypot(y, z) with c = y/r, s = z/r (c = 1, s = 0 when both vanish). */
function givens(y: number, z: number, out: { c: number; s: number }): number {
  if (z === 0) {
    out.c = 1;
    out.s = 0;
    return y;
  }
  const r = Math.hypot(y, z);
  out.c = y / r;
  out.s = z / r;
  return r;
}

/**
 * Diagonalises B = bidiag(d, e) (n×n, e of length n−1), in place: on return d holds the singular
 * values, non-negative and descending. If given, the rows of `Ut` (n rows of `uc` entries) are
 * transformed as B's rows and the rows of `Vt` (n rows of `vc`) as B's columns, so that with
 * Ut = Q_Bᵀ and Vt = P_Bᵀ on entry, A = Utᵀ·diag(d)·Vt on return. Throws "SVD did not converge"
 * after a generous iteration cap.
 */
export function bdsqr(
  n: number,
  d: Float64Array,
  e: Float64Array,
  Ut: Float64Array | null,
  uc: number,
  Vt: Float64Array | null,
  vc: number,
): void {
  let bnorm = 0;
  for (let i = 0; i < n; i++) bnorm = Math.max(bnorm, Math.abs(d[i]), i < n - 1 ? Math.abs(e[i]) : 0);
  if (!Number.isFinite(bnorm)) throw new LinAlgError(MSG.svdNoConv);
  // Work on B/‖B‖ so the squares in the shift can neither overflow nor underflow.
  if (bnorm > 0) {
    for (let i = 0; i < n; i++) d[i] /= bnorm;
    for (let i = 0; i < n - 1; i++) e[i] /= bnorm;
  }
  const g = { c: 1, s: 0 };
  const U = Ut ? new DeferredRotations(Ut, n, uc) : null;
  const V = Vt ? new DeferredRotations(Vt, n, vc) : null;
  const maxSteps = 30 * n * Math.max(1, Math.ceil(Math.log2(n + 1)));
  let steps = 0;
  let hi = n - 1;
  while (hi > 0 && bnorm > 0) {
    if (Math.abs(e[hi - 1]) <= EPS * (Math.abs(d[hi - 1]) + Math.abs(d[hi]))) {
      e[hi - 1] = 0;
      hi--;
      continue;
    }
    let lo = hi - 1;
    while (lo > 0 && Math.abs(e[lo - 1]) > EPS * (Math.abs(d[lo - 1]) + Math.abs(d[lo]))) lo--;
    if (lo > 0) e[lo - 1] = 0;
    // A negligible diagonal entry splits the block once its row (or last column) is rotated out.
    let zero = -1;
    for (let i = lo; i <= hi; i++) {
      if (Math.abs(d[i]) <= EPS) {
        d[i] = 0;
        zero = i;
        break;
      }
    }
    if (zero >= 0) {
      if (zero < hi) chaseRow(zero, hi, d, e, U, g);
      else chaseColumn(lo, hi, d, e, V, g);
      continue;
    }
    if (++steps > maxSteps) throw new LinAlgError(MSG.svdNoConv);
    qrStep(lo, hi, d, e, U, V, g);
  }
  U?.flush();
  V?.flush();
  for (let i = 0; i < n; i++) {
    if (d[i] < 0) {
      d[i] = -d[i];
      if (Vt) for (let x = 0; x < vc; x++) Vt[i * vc + x] = -Vt[i * vc + x];
    }
    d[i] *= bnorm;
  }
  // Selection sort: n swaps at most, each moving whole rows of Uᵀ and Vᵀ.
  for (let i = 0; i < n - 1; i++) {
    let best = i;
    for (let j = i + 1; j < n; j++) if (d[j] > d[best]) best = j;
    if (best === i) continue;
    const t = d[i];
    d[i] = d[best];
    d[best] = t;
    if (Ut) swapRows(Ut, uc, i, best);
    if (Vt) swapRows(Vt, vc, i, best);
  }
}

// d[i] = 0 with i < hi: rotations from the left push e[i] along row i until it falls off.
function chaseRow(
  i: number,
  hi: number,
  d: Float64Array,
  e: Float64Array,
  U: DeferredRotations | null,
  g: { c: number; s: number },
): void {
  let f = e[i];
  e[i] = 0;
  for (let j = i + 1; j <= hi && f !== 0; j++) {
    d[j] = givens(d[j], f, g);
    if (j < hi) {
      f = -g.s * e[j];
      e[j] *= g.c;
    }
    U?.rotate(j, i, g.c, g.s);
  }
}

// d[hi] = 0: rotations from the right push e[hi−1] up column hi until it falls off.
function chaseColumn(
  lo: number,
  hi: number,
  d: Float64Array,
  e: Float64Array,
  V: DeferredRotations | null,
  g: { c: number; s: number },
): void {
  let f = e[hi - 1];
  e[hi - 1] = 0;
  for (let j = hi - 1; j >= lo && f !== 0; j--) {
    d[j] = givens(d[j], f, g);
    if (j > lo) {
      f = -g.s * e[j - 1];
      e[j - 1] *= g.c;
    }
    V?.rotate(j, hi, g.c, g.s);
  }
}

// One implicit QR step on BᵀB's block lo..hi with the Wilkinson shift, as a bulge chase on B.
function qrStep(
  lo: number,
  hi: number,
  d: Float64Array,
  e: Float64Array,
  U: DeferredRotations | null,
  V: DeferredRotations | null,
  g: { c: number; s: number },
): void {
  const dm = d[hi - 1];
  const dn = d[hi];
  const em = e[hi - 1];
  const el = hi - 1 > lo ? e[hi - 2] : 0;
  const t11 = dm * dm + el * el;
  const t12 = dm * em;
  const t22 = dn * dn + em * em;
  const delta = (t11 - t22) / 2;
  const den = delta + (delta >= 0 ? 1 : -1) * Math.hypot(delta, t12);
  const mu = den === 0 ? t22 : t22 - (t12 * t12) / den;
  let y = d[lo] * d[lo] - mu;
  let z = d[lo] * e[lo];
  for (let k = lo; k < hi; k++) {
    // Right rotation on columns k, k+1.
    const r = givens(y, z, g);
    let c = g.c;
    let s = g.s;
    if (k > lo) e[k - 1] = r;
    const f = c * d[k] + s * e[k];
    e[k] = c * e[k] - s * d[k];
    z = s * d[k + 1];
    d[k + 1] *= c;
    d[k] = f;
    V?.rotate(k, k + 1, c, s);
    // Left rotation on rows k, k+1 removes the bulge below the diagonal.
    d[k] = givens(d[k], z, g);
    c = g.c;
    s = g.s;
    const h = c * e[k] + s * d[k + 1];
    d[k + 1] = c * d[k + 1] - s * e[k];
    e[k] = h;
    if (k < hi - 1) {
      z = s * e[k + 1];
      e[k + 1] *= c;
    }
    U?.rotate(k, k + 1, c, s);
    y = e[k];
  }
}
