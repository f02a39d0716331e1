/**
 * Coordinate descent for the elastic net, the algorithm of scikit-learn's
 * `enet_coordinate_descent`: minimise
 *
 *     ½‖y − Xw‖² + l1·‖w‖₁ + ½·l2·‖w‖²
 *
 * one coordinate at a time with soft-thresholding, keeping the residual up to date. It stops when
 * the largest coordinate change relative to the largest weight falls below `tol` *and* the duality
 * gap is below `tol·‖y‖²` (the gap is the certificate; the cheap test only decides when to compute it).
 */
import { ourRandR } from "../internal/random.js";

/** Inputs of {@link enetCoordinateDescent}; X is given column-major (one contiguous column per feature). */
export interface EnetProblem {
  /** Columns of X: feature j occupies `Xc[j*n .. (j+1)*n)`. */
  Xc: Float64Array;
  n: number;
  d: number;
  y: Float64Array;
  l1: number;
  l2: number;
  maxIter: number;
  tol: number;
  positive: boolean;
  /** Seed for `selection: "random"`; null for cyclic order. */
  randomSeed: number | null;
}

/** Result of {@link enetCoordinateDescent}. */
export interface EnetResult {
  w: Float64Array;
  gap: number;
  /** The gap tolerance actually used (`tol·‖y‖²`). */
  tolScaled: number;
  nIter: number;
}

/** Runs coordinate descent from `w` (updated in place). */
export function enetCoordinateDescent(p: EnetProblem, w: Float64Array): EnetResult {
  const { Xc, n, d, y, l1, l2, positive } = p;
  const normCols = new Float64Array(d);
  for (let j = 0; j < d; j++) {
    let s = 0;
    const o = j * n;
    for (let i = 0; i < n; i++) s += Xc[o + i] * Xc[o + i];
    normCols[j] = s;
  }
  const R = y.slice();
  for (let j = 0; j < d; j++) {
    if (w[j] === 0) continue;
    const o = j * n;
    for (let i = 0; i < n; i++) R[i] -= w[j] * Xc[o + i];
  }
  let yy = 0;
  for (let i = 0; i < n; i++) yy += y[i] * y[i];
  const tolScaled = p.tol * yy;
  const state = new Uint32Array([p.randomSeed ?? 1]);
  let gap = p.tol + 1;
  let iter = 0;
  for (; iter < p.maxIter; iter++) {
    let wMax = 0;
    let dwMax = 0;
    for (let f = 0; f < d; f++) {
      const j = p.randomSeed !== null ? ourRandR(state) % d : f;
      if (normCols[j] === 0) continue;
      const o = j * n;
      const wj = w[j];
      if (wj !== 0) for (let i = 0; i < n; i++) R[i] += wj * Xc[o + i];
      let tmp = 0;
      for (let i = 0; i < n; i++) tmp += Xc[o + i] * R[i];
      let nw: number;
      if (positive && tmp < 0) nw = 0;
      else nw = (Math.sign(tmp) * Math.max(Math.abs(tmp) - l1, 0)) / (normCols[j] + l2);
      w[j] = nw;
      if (nw !== 0) for (let i = 0; i < n; i++) R[i] -= nw * Xc[o + i];
      dwMax = Math.max(dwMax, Math.abs(nw - wj));
      wMax = Math.max(wMax, Math.abs(nw));
    }
    if (wMax === 0 || dwMax / wMax < p.tol || iter === p.maxIter - 1) {
      gap = dualityGap(p, w, R);
      if (gap < tolScaled) {
        iter++;
        break;
      }
    }
  }
  return { w, gap, tolScaled, nIter: Math.min(iter, p.maxIter) };
}

// The elastic-net duality gap at w with residual R = y − Xw (scikit-learn's formula).
function dualityGap(p: EnetProblem, w: Float64Array, R: Float64Array): number {
  const { Xc, n, d, y, l1, l2, positive } = p;
  let dualNorm = 0;
  let wNorm2 = 0;
  let l1Norm = 0;
  for (let j = 0; j < d; j++) {
    let s = 0;
    const o = j * n;
    for (let i = 0; i < n; i++) s += Xc[o + i] * R[i];
    s -= l2 * w[j];
    dualNorm = Math.max(dualNorm, positive ? s : Math.abs(s));
    wNorm2 += w[j] * w[j];
    l1Norm += Math.abs(w[j]);
  }
  let rNorm2 = 0;
  let ry = 0;
  for (let i = 0; i < n; i++) {
    rNorm2 += R[i] * R[i];
    ry += R[i] * y[i];
  }
  let c: number;
  let gap: number;
  if (dualNorm > l1) {
    c = l1 / dualNorm;
    gap = 0.5 * (rNorm2 + rNorm2 * c * c);
  } else {
    c = 1;
    gap = rNorm2;
  }
  return gap + l1 * l1Norm - c * ry + 0.5 * l2 * (1 + c * c) * wNorm2;
}
