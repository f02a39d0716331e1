/**
 * Sequential minimal optimization for the SVM dual, the algorithm of libsvm (Fan, Chen & Lin,
 * "Working set selection using second order information", JMLR 2005):
 *
 *   min ½ αᵀQα + pᵀα   subject to   yᵀα = Δ,   0 ≤ αᵢ ≤ Cᵢ,   Qᵢⱼ = yᵢ yⱼ K(xᵢ, xⱼ)
 *
 * Each step picks the maximal-violating i and the j that most decreases the objective (second
 * order), solves the two-variable problem analytically and updates the gradient. Shrinking sets
 * aside variables stuck at a bound (checked every min(l, 1000) steps) and the gradient of the set
 * aside ones is rebuilt from Ḡ (the bound part) before the final check. Stops when the maximal
 * violation m(α) − M(α) < eps (`tol`). Positions are swapped as variables are shrunk, exactly as
 * libsvm does, so the path (and the tie breaks) follow it.
 */
import type { KernelSource } from "./kernel-source.js";

const TAU = 1e-12;
const LOWER = 0;
const UPPER = 1;
const FREE = 2;

/** The problem given to {@link solveSmo}, indexed by variable. */
export interface SmoProblem {
  /** Kernel rows by key. */
  source: KernelSource;
  /** The kernel key of each variable (its sample). */
  key: Int32Array;
  /** Linear term p. */
  p: Float64Array;
  /** Labels ±1. */
  y: Int8Array;
  /** Upper bound of each variable (Infinity allowed: hard margin). */
  C: Float64Array;
  /** Initial α (feasible). */
  alpha: Float64Array;
}

/** Options of {@link solveSmo}. */
export interface SmoOptions {
  eps: number;
  shrinking: boolean;
  /** Iterations at most; −1 for no limit. */
  maxIter: number;
}

/** What {@link solveSmo} returns. */
export interface SmoResult {
  alpha: Float64Array;
  rho: number;
  obj: number;
  nIter: number;
  /** Whether `maxIter` stopped it before convergence. */
  hitMaxIter: boolean;
}

/** Solves the dual problem; the inputs are not modified. */
export function solveSmo(prob: SmoProblem, opts: SmoOptions): SmoResult {
  const l = prob.y.length;
  const src = prob.source;
  const key = Int32Array.from(prob.key);
  const y = Int8Array.from(prob.y);
  const p = Float64Array.from(prob.p);
  const C = Float64Array.from(prob.C);
  const alpha = Float64Array.from(prob.alpha);
  const activeSet = new Int32Array(l);
  const status = new Uint8Array(l);
  const QD = new Float64Array(l);
  const G = new Float64Array(l);
  const Gbar = new Float64Array(l);
  for (let i = 0; i < l; i++) {
    activeSet[i] = i;
    QD[i] = src.diag(key[i]);
  }
  const updateStatus = (i: number): void => {
    status[i] = alpha[i] >= C[i] ? UPPER : alpha[i] <= 0 ? LOWER : FREE;
  };
  for (let i = 0; i < l; i++) updateStatus(i);
  let activeSize = l;
  let unshrink = false;

  // Gradient G = Qα + p and Ḡ = Σ_{α at upper bound} Cᵢ Q_i.
  for (let i = 0; i < l; i++) G[i] = p[i];
  for (let i = 0; i < l; i++) {
    if (status[i] === LOWER) continue;
    const Ki = src.row(key[i]);
    const ai = alpha[i] * y[i];
    for (let j = 0; j < l; j++) G[j] += ai * y[j] * Ki[key[j]];
    if (status[i] === UPPER) {
      const ci = C[i] * y[i];
      for (let j = 0; j < l; j++) Gbar[j] += ci * y[j] * Ki[key[j]];
    }
  }

  const arrays = [key, y, G, status, alpha, p, activeSet, Gbar, C, QD];
  const swap = (i: number, j: number): void => {
    for (const a of arrays) {
      const t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  };

  const reconstructGradient = (): void => {
    if (activeSize === l) return;
    for (let j = activeSize; j < l; j++) G[j] = Gbar[j] + p[j];
    let nFree = 0;
    for (let j = 0; j < activeSize; j++) if (status[j] === FREE) nFree++;
    if (nFree * l > 2 * activeSize * (l - activeSize)) {
      for (let i = activeSize; i < l; i++) {
        const Ki = src.row(key[i]);
        const yi = y[i];
        let s = 0;
        for (let j = 0; j < activeSize; j++) if (status[j] === FREE) s += alpha[j] * y[j] * Ki[key[j]];
        G[i] += yi * s;
      }
    } else {
      for (let i = 0; i < activeSize; i++) {
        if (status[i] !== FREE) continue;
        const Ki = src.row(key[i]);
        const ai = alpha[i] * y[i];
        for (let j = activeSize; j < l; j++) G[j] += ai * y[j] * Ki[key[j]];
      }
    }
  };

  // The working set: returns [i, j] or null when optimal within eps.
  let outI = -1;
  let outJ = -1;
  const selectWorkingSet = (): boolean => {
    let Gmax = -Infinity;
    let Gmax2 = -Infinity;
    let GmaxIdx = -1;
    let GminIdx = -1;
    let objDiffMin = Infinity;
    for (let t = 0; t < activeSize; t++) {
      if (y[t] === 1) {
        if (status[t] !== UPPER && -G[t] >= Gmax) {
          Gmax = -G[t];
          GmaxIdx = t;
        }
      } else if (status[t] !== LOWER && G[t] >= Gmax) {
        Gmax = G[t];
        GmaxIdx = t;
      }
    }
    const i = GmaxIdx;
    const Ki = i !== -1 ? src.row(key[i]) : null;
    const QDi = i !== -1 ? QD[i] : 0;
    for (let j = 0; j < activeSize; j++) {
      if (y[j] === 1) {
        if (status[j] !== LOWER) {
          const gradDiff = Gmax + G[j];
          if (G[j] >= Gmax2) Gmax2 = G[j];
          if (gradDiff > 0) {
            const quad = QDi + QD[j] - 2 * (Ki as Float64Array)[key[j]];
            const objDiff = -(gradDiff * gradDiff) / (quad > 0 ? quad : TAU);
            if (objDiff <= objDiffMin) {
              GminIdx = j;
              objDiffMin = objDiff;
            }
          }
        }
      } else if (status[j] !== UPPER) {
        const gradDiff = Gmax - G[j];
        if (-G[j] >= Gmax2) Gmax2 = -G[j];
        if (gradDiff > 0) {
          const quad = QDi + QD[j] - 2 * (Ki as Float64Array)[key[j]];
          const objDiff = -(gradDiff * gradDiff) / (quad > 0 ? quad : TAU);
          if (objDiff <= objDiffMin) {
            GminIdx = j;
            objDiffMin = objDiff;
          }
        }
      }
    }
    if (Gmax + Gmax2 < opts.eps || GminIdx === -1) return true;
    outI = GmaxIdx;
    outJ = GminIdx;
    return false;
  };

  const beShrunk = (i: number, Gmax1: number, Gmax2: number): boolean => {
    if (status[i] === UPPER) return y[i] === 1 ? -G[i] > Gmax1 : -G[i] > Gmax2;
    if (status[i] === LOWER) return y[i] === 1 ? G[i] > Gmax2 : G[i] > Gmax1;
    return false;
  };

  const doShrinking = (): void => {
    let Gmax1 = -Infinity; // max −y∇f over I_up
    let Gmax2 = -Infinity; // max y∇f over I_low
    for (let i = 0; i < activeSize; i++) {
      if (y[i] === 1) {
        if (status[i] !== UPPER && -G[i] >= Gmax1) Gmax1 = -G[i];
        if (status[i] !== LOWER && G[i] >= Gmax2) Gmax2 = G[i];
      } else {
        if (status[i] !== UPPER && -G[i] >= Gmax2) Gmax2 = -G[i];
        if (status[i] !== LOWER && G[i] >= Gmax1) Gmax1 = G[i];
      }
    }
    if (!unshrink && Gmax1 + Gmax2 <= opts.eps * 10) {
      unshrink = true;
      reconstructGradient();
      activeSize = l;
    }
    for (let i = 0; i < activeSize; i++) {
      if (!beShrunk(i, Gmax1, Gmax2)) continue;
      activeSize--;
      while (activeSize > i) {
        if (!beShrunk(activeSize, Gmax1, Gmax2)) {
          swap(i, activeSize);
          break;
        }
        activeSize--;
      }
    }
  };

  let iter = 0;
  let counter = Math.min(l, 1000) + 1;
  let hitMaxIter = false;
  for (;;) {
    if (opts.maxIter !== -1 && iter >= opts.maxIter) {
      hitMaxIter = true;
      break;
    }
    if (--counter === 0) {
      counter = Math.min(l, 1000);
      if (opts.shrinking) doShrinking();
    }
    if (selectWorkingSet()) {
      reconstructGradient();
      activeSize = l;
      if (selectWorkingSet()) break;
      counter = 1; // shrink at the next step
    }
    const i = outI;
    const j = outJ;
    iter++;
    const Ki = src.row(key[i]);
    const Kj = src.row(key[j]);
    const yi = y[i];
    const yj = y[j];
    const Ci = C[i];
    const Cj = C[j];
    const oldAi = alpha[i];
    const oldAj = alpha[j];
    const Qij = yi * yj * Ki[key[j]];
    if (yi !== yj) {
      let quad = QD[i] + QD[j] + 2 * Qij;
      if (quad <= 0) quad = TAU;
      const delta = (-G[i] - G[j]) / quad;
      const diff = alpha[i] - alpha[j];
      alpha[i] += delta;
      alpha[j] += delta;
      if (diff > 0) {
        if (alpha[j] < 0) {
          alpha[j] = 0;
          alpha[i] = diff;
        }
      } else if (alpha[i] < 0) {
        alpha[i] = 0;
        alpha[j] = -diff;
      }
      if (diff > Ci - Cj) {
        if (alpha[i] > Ci) {
          alpha[i] = Ci;
          alpha[j] = Ci - diff;
        }
      } else if (alpha[j] > Cj) {
        alpha[j] = Cj;
        alpha[i] = Cj + diff;
      }
    } else {
      let quad = QD[i] + QD[j] - 2 * Qij;
      if (quad <= 0) quad = TAU;
      const delta = (G[i] - G[j]) / quad;
      const sum = alpha[i] + alpha[j];
      alpha[i] -= delta;
      alpha[j] += delta;
      if (sum > Ci) {
        if (alpha[i] > Ci) {
          alpha[i] = Ci;
          alpha[j] = sum - Ci;
        }
      } else if (alpha[j] < 0) {
        alpha[j] = 0;
        alpha[i] = sum;
      }
      if (sum > Cj) {
        if (alpha[j] > Cj) {
          alpha[j] = Cj;
          alpha[i] = sum - Cj;
        }
      } else if (alpha[i] < 0) {
        alpha[i] = 0;
        alpha[j] = sum;
      }
    }
    // G += Q_i Δα_i + Q_j Δα_j over the active set.
    const dI = (alpha[i] - oldAi) * yi;
    const dJ = (alpha[j] - oldAj) * yj;
    for (let k = 0; k < activeSize; k++) {
      const kk = key[k];
      G[k] += y[k] * (Ki[kk] * dI + Kj[kk] * dJ);
    }
    const wasUpperI = status[i] === UPPER;
    const wasUpperJ = status[j] === UPPER;
    updateStatus(i);
    updateStatus(j);
    if (wasUpperI !== (status[i] === UPPER)) {
      const c = (wasUpperI ? -Ci : Ci) * yi;
      for (let k = 0; k < l; k++) Gbar[k] += c * y[k] * Ki[key[k]];
    }
    if (wasUpperJ !== (status[j] === UPPER)) {
      const c = (wasUpperJ ? -Cj : Cj) * yj;
      for (let k = 0; k < l; k++) Gbar[k] += c * y[k] * Kj[key[k]];
    }
  }
  if (hitMaxIter && activeSize < l) {
    reconstructGradient();
    activeSize = l;
  }

  const rho = calculateRho(activeSize, y, G, status);
  let v = 0;
  for (let i = 0; i < l; i++) v += alpha[i] * (G[i] + p[i]);
  const out = new Float64Array(l);
  for (let i = 0; i < l; i++) out[activeSet[i]] = alpha[i];
  return { alpha: out, rho, obj: v / 2, nIter: iter, hitMaxIter };
}

/** ρ: the mean of y∇f over free variables, or the middle of the feasible interval. */
function calculateRho(activeSize: number, y: Int8Array, G: Float64Array, status: Uint8Array): number {
  let nFree = 0;
  let ub = Infinity;
  let lb = -Infinity;
  let sumFree = 0;
  for (let i = 0; i < activeSize; i++) {
    const yG = y[i] * G[i];
    if (status[i] === UPPER) {
      if (y[i] === -1) ub = Math.min(ub, yG);
      else lb = Math.max(lb, yG);
    } else if (status[i] === LOWER) {
      if (y[i] === 1) ub = Math.min(ub, yG);
      else lb = Math.max(lb, yG);
    } else {
      nFree++;
      sumFree += yG;
    }
  }
  return nFree > 0 ? sumFree / nFree : (ub + lb) / 2;
}
