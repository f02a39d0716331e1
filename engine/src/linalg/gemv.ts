/**
 * Matrix–vector products on row-major float64 blocks (BLAS `dgemv`), for the panel steps of the
 * blocked reductions: there each new reflector needs one product with the whole trailing matrix,
 * which no GEMM can batch, so these loops carry the half of the flops that stays level-2.
 */

import { acceleratedGemm } from "./gemm.js";

// Below this many matrix entries the call overhead of the accelerator outweighs its speed.
const ACCEL_MIN = 4096;

/**
 * y[yOff + i·yInc] = beta·y + alpha·Σ_c A[aOff + i·lda + c]·x[xOff + c·xInc] for i < m, c < n:
 * one contiguous dot product per row, two rows at a time to halve the loads of x.
 */
export function gemvN(
  m: number,
  n: number,
  alpha: number,
  A: Float64Array,
  aOff: number,
  lda: number,
  x: Float64Array,
  xOff: number,
  xInc: number,
  beta: number,
  y: Float64Array,
  yOff: number,
  yInc: number,
): void {
  if (m * n >= ACCEL_MIN) {
    const o = { a: aOff, b: xOff, c: yOff };
    if (acceleratedGemm(false, false, m, 1, n, alpha, A, lda, x, xInc, beta, y, yInc, o)) return;
  }
  const xs = contiguous(n, x, xOff, xInc);
  const xo = xs === x ? xOff : 0;
  let i = 0;
  for (; i + 1 < m; i += 2) {
    const r0 = aOff + i * lda;
    const r1 = r0 + lda;
    let s0 = 0;
    let s1 = 0;
    for (let c = 0; c < n; c++) {
      const xc = xs[xo + c];
      s0 += A[r0 + c] * xc;
      s1 += A[r1 + c] * xc;
    }
    store(y, yOff + i * yInc, beta, alpha * s0);
    store(y, yOff + (i + 1) * yInc, beta, alpha * s1);
  }
  if (i < m) {
    const r0 = aOff + i * lda;
    let s0 = 0;
    for (let c = 0; c < n; c++) s0 += A[r0 + c] * xs[xo + c];
    store(y, yOff + i * yInc, beta, alpha * s0);
  }
}

/**
 * y[yOff + c·yInc] = beta·y + alpha·Σ_i A[aOff + i·lda + c]·x[xOff + i·xInc] for c < n, i < m
 * (the product with Aᵀ): accumulated as row axpys into a contiguous buffer, two rows at a time.
 */
export function gemvT(
  m: number,
  n: number,
  alpha: number,
  A: Float64Array,
  aOff: number,
  lda: number,
  x: Float64Array,
  xOff: number,
  xInc: number,
  beta: number,
  y: Float64Array,
  yOff: number,
  yInc: number,
): void {
  if (m * n >= ACCEL_MIN) {
    const o = { a: aOff, b: xOff, c: yOff };
    if (acceleratedGemm(true, false, n, 1, m, alpha, A, lda, x, xInc, beta, y, yInc, o)) return;
  }
  const acc = scratch(n);
  acc.fill(0, 0, n);
  let i = 0;
  for (; i + 1 < m; i += 2) {
    const x0 = x[xOff + i * xInc];
    const x1 = x[xOff + (i + 1) * xInc];
    if (x0 === 0 && x1 === 0) continue;
    const r0 = aOff + i * lda;
    const r1 = r0 + lda;
    for (let c = 0; c < n; c++) acc[c] += A[r0 + c] * x0 + A[r1 + c] * x1;
  }
  if (i < m) {
    const x0 = x[xOff + i * xInc];
    const r0 = aOff + i * lda;
    if (x0 !== 0) for (let c = 0; c < n; c++) acc[c] += A[r0 + c] * x0;
  }
  for (let c = 0; c < n; c++) store(y, yOff + c * yInc, beta, alpha * acc[c]);
}

// beta = 0 overwrites (as BLAS: a NaN already in y must not survive).
function store(y: Float64Array, p: number, beta: number, v: number): void {
  y[p] = beta === 0 ? v : beta * y[p] + v;
}

let buf = new Float64Array(1024);
let xbuf = new Float64Array(1024);

function scratch(n: number): Float64Array {
  if (buf.length < n) buf = new Float64Array(n);
  return buf;
}

// A strided x is gathered once so that the inner loop reads it contiguously.
function contiguous(n: number, x: Float64Array, off: number, inc: number): Float64Array {
  if (inc === 1) return x;
  if (xbuf.length < n) xbuf = new Float64Array(n);
  for (let c = 0, p = off; c < n; c++, p += inc) xbuf[c] = x[p];
  return xbuf;
}
