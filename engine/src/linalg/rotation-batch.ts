/**
 * Plane rotations of matrix rows, applied in batches by GEMM.
 *
 * The QR iterations (`bdsqr`, `steqr`) rotate pairs of adjacent rows of the singular- or
 * eigenvector matrices: about n² rotations of 6n flops each, in scalar JavaScript the largest
 * cost of a full SVD or eigendecomposition. Their scalar recurrences do not depend on the
 * vectors, so the rotations are recorded and applied later in any order that keeps the order
 * of every two rotations sharing a row. Successive sweeps form a wavefront (each one trailing
 * the previous one by a row), so a window of H rows takes a parallelogram of rotations from
 * many sweeps at once; their product is accumulated into an H×H orthogonal matrix (cheap: H
 * columns instead of the matrix's width) and applied to the window's rows with one GEMM
 * (Lang's blocking of rotation sequences). That does ~2–3× the flops of the rotations, at GEMM
 * speed instead of scalar speed.
 */
import { gemm, hasGemmAccelerator } from "./gemm.js";
import { rotateRows } from "./rotations.js";

/** Height of the accumulation window. */
const H = 128;
/** Matrices narrower than this are rotated directly: a GEMM would not pay for its window. */
const MIN_COLS = 64;

/**
 * Row rotations of one row-major matrix (`rows`×`cols`), recorded and applied in batches:
 * `rotate(i, j, c, s)` means row_i ← c·row_i + s·row_j, row_j ← c·row_j − s·row_i (as
 * `rotateRows`), and after `flush()` the matrix holds the result of all of them in order.
 *
 * @example
 * ```ts
 * const R = new DeferredRotations(M, n, n);
 * R.rotate(0, 1, c, s); // … many more
 * R.flush();
 * ```
 */
export class DeferredRotations {
  private ri = new Int32Array(1024);
  private rj = new Int32Array(1024);
  private rc = new Float64Array(1024);
  private rs = new Float64Array(1024);
  private count = 0;
  private readonly direct: boolean;
  /** Recorded rotations that trigger an automatic flush (about 32 sweeps of the full height). */
  private readonly limit: number;

  constructor(
    readonly M: Float64Array,
    readonly rows: number,
    readonly cols: number,
  ) {
    this.direct = cols < MIN_COLS || rows < 2;
    this.limit = Math.max(4096, 32 * rows);
  }

  rotate(i: number, j: number, c: number, s: number): void {
    if (this.direct) {
      rotateRows(this.M, this.cols, i, j, c, s);
      return;
    }
    if (this.count === this.ri.length) this.grow();
    const k = this.count++;
    this.ri[k] = i;
    this.rj[k] = j;
    this.rc[k] = c;
    this.rs[k] = s;
    if (this.count >= this.limit) this.flush();
  }

  /** Applies every recorded rotation to the matrix. */
  flush(): void {
    if (this.count > 0)
      applyBatched(this.M, this.rows, this.cols, this.ri, this.rj, this.rc, this.rs, this.count);
    this.count = 0;
  }

  private grow(): void {
    const n = this.ri.length * 2;
    const ri = new Int32Array(n);
    const rj = new Int32Array(n);
    const rc = new Float64Array(n);
    const rs = new Float64Array(n);
    ri.set(this.ri);
    rj.set(this.rj);
    rc.set(this.rc);
    rs.set(this.rs);
    this.ri = ri;
    this.rj = rj;
    this.rc = rc;
    this.rs = rs;
  }
}

/**
 * Applies `count` recorded row rotations to the rows×cols matrix M, window by window. Exported
 * for tests, which compare it with applying the rotations one by one.
 */
export function applyBatched(
  M: Float64Array,
  rows: number,
  cols: number,
  ri: Int32Array,
  rj: Int32Array,
  rc: Float64Array,
  rs: Float64Array,
  count: number,
): void {
  const h = Math.min(H, rows);
  // GEMM on the window costs 2h²·cols flops against 6·cols per rotation; the accelerator's
  // GEMM runs ~10× the scalar rotations' speed, the TypeScript one ~3×.
  const minRot = (h * h) / (hasGemmAccelerator() ? 24 : 8);
  // Rotations not yet applied, in their original order: pend[ps..pe), compacted into `rest`.
  let pend = new Int32Array(count);
  let rest = new Int32Array(count);
  for (let k = 0; k < count; k++) pend[k] = k;
  let ps = 0;
  let pe = count;
  const blocked = new Uint8Array(rows);
  const W = new Float64Array(h * h);
  const lo = new Int32Array(h);
  const hi = new Int32Array(h);
  const taken = new Int32Array(count);
  let tmp = new Float64Array(0);
  while (ps < pe) {
    const f = pend[ps];
    const fLo = Math.min(ri[f], rj[f]);
    const fHi = Math.max(ri[f], rj[f]);
    if (fHi - fLo >= h) {
      // Too far apart for a window (a zero-shift chase); it is first in line, so apply it now.
      rotateRows(M, cols, ri[f], rj[f], rc[f], rs[f]);
      ps++;
      continue;
    }
    // The window starts a quarter of its height above the oldest pending rotation, so the
    // sweeps that trail it by up to that much advance in the same window.
    let w0 = Math.max(fLo - (h >> 2), fHi - h + 1);
    w0 = Math.max(0, Math.min(w0, rows - h));
    const w1 = w0 + h;
    W.fill(0);
    for (let r = 0; r < h; r++) {
      W[r * h + r] = 1;
      lo[r] = r;
      hi[r] = r;
    }
    let nt = 0;
    let nn = 0;
    let rmin = h;
    let rmax = -1;
    let blockedIn = 0;
    let k = ps;
    for (; k < pe && blockedIn < h; k++) {
      const q = pend[k];
      const a = ri[q];
      const b = rj[q];
      if (blocked[a] === 0 && blocked[b] === 0 && a >= w0 && b >= w0 && a < w1 && b < w1) {
        taken[nt++] = q;
        const x = a - w0;
        const y = b - w0;
        const c0 = Math.min(lo[x], lo[y]);
        const c1 = Math.max(hi[x], hi[y]);
        lo[x] = lo[y] = c0;
        hi[x] = hi[y] = c1;
        rotateSpan(W, h, x, y, rc[q], rs[q], c0, c1);
        rmin = Math.min(rmin, x, y);
        rmax = Math.max(rmax, x, y);
      } else {
        // Later rotations on these rows must wait for this one.
        if (blocked[a] === 0) {
          blocked[a] = 1;
          if (a >= w0 && a < w1) blockedIn++;
        }
        if (blocked[b] === 0) {
          blocked[b] = 1;
          if (b >= w0 && b < w1) blockedIn++;
        }
        rest[nn++] = q;
      }
    }
    // Once every row of the window waits, nothing further can enter it.
    for (; k < pe; k++) rest[nn++] = pend[k];
    blocked.fill(0);
    if (nt < minRot) {
      for (let t = 0; t < nt; t++) {
        const q = taken[t];
        rotateRows(M, cols, ri[q], rj[q], rc[q], rs[q]);
      }
    } else {
      // Rows rmin..rmax of the window mix among themselves: M[rows] ← W[rmin:rmax, rmin:rmax]·M[rows].
      const hh = rmax - rmin + 1;
      if (tmp.length < hh * cols) tmp = new Float64Array(h * cols);
      const r0 = (w0 + rmin) * cols;
      gemm(false, false, hh, cols, hh, 1, W, h, M, cols, 0, tmp, cols, { a: rmin * h + rmin, b: r0 });
      M.set(tmp.subarray(0, hh * cols), r0);
    }

    const t = pend;
    pend = rest;
    rest = t;
    ps = 0;
    pe = nn;
  }
}

// Rotation of rows x and y of the h-wide W, over the columns c0..c1 where either is non-zero.
function rotateSpan(
  W: Float64Array,
  h: number,
  x: number,
  y: number,
  c: number,
  s: number,
  c0: number,
  c1: number,
): void {
  const rx = x * h;
  const ry = y * h;
  for (let t = c0; t <= c1; t++) {
    const u = W[rx + t];
    const v = W[ry + t];
    W[rx + t] = c * u + s * v;
    W[ry + t] = c * v - s * u;
  }
}
