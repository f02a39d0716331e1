/**
 * Probabilities from SVM decision values, as libsvm computes them: Platt's sigmoid
 * 1 / (1 + exp(A·f + B)) fitted by Newton's method with a backtracking line search on
 * cross-validated decision values (Lin, Lin & Weng 2007), and for more than two classes the
 * pairwise probabilities coupled by the second method of Wu, Lin & Weng (2004).
 */

/** Fits A and B of the sigmoid on decision values `dec` and labels ±1. */
export function sigmoidTrain(dec: Float64Array, labels: Int8Array): { A: number; B: number } {
  const l = dec.length;
  let prior1 = 0;
  let prior0 = 0;
  for (let i = 0; i < l; i++) {
    if (labels[i] > 0) prior1++;
    else prior0++;
  }
  const maxIter = 100;
  const minStep = 1e-10;
  const sigma = 1e-12;
  const eps = 1e-5;
  const hiTarget = (prior1 + 1) / (prior1 + 2);
  const loTarget = 1 / (prior0 + 2);
  const t = new Float64Array(l);
  let A = 0;
  let B = Math.log((prior0 + 1) / (prior1 + 1));
  const objective = (a: number, b: number): number => {
    let f = 0;
    for (let i = 0; i < l; i++) {
      const fApB = dec[i] * a + b;
      f +=
        fApB >= 0
          ? t[i] * fApB + Math.log(1 + Math.exp(-fApB))
          : (t[i] - 1) * fApB + Math.log(1 + Math.exp(fApB));
    }
    return f;
  };
  for (let i = 0; i < l; i++) t[i] = labels[i] > 0 ? hiTarget : loTarget;
  let fval = objective(A, B);
  for (let iter = 0; iter < maxIter; iter++) {
    let h11 = sigma;
    let h22 = sigma;
    let h21 = 0;
    let g1 = 0;
    let g2 = 0;
    for (let i = 0; i < l; i++) {
      const fApB = dec[i] * A + B;
      let p: number;
      let q: number;
      if (fApB >= 0) {
        const e = Math.exp(-fApB);
        p = e / (1 + e);
        q = 1 / (1 + e);
      } else {
        const e = Math.exp(fApB);
        p = 1 / (1 + e);
        q = e / (1 + e);
      }
      const d2 = p * q;
      h11 += dec[i] * dec[i] * d2;
      h22 += d2;
      h21 += dec[i] * d2;
      const d1 = t[i] - p;
      g1 += dec[i] * d1;
      g2 += d1;
    }
    if (Math.abs(g1) < eps && Math.abs(g2) < eps) break;
    const det = h11 * h22 - h21 * h21;
    const dA = -(h22 * g1 - h21 * g2) / det;
    const dB = -(-h21 * g1 + h11 * g2) / det;
    const gd = g1 * dA + g2 * dB;
    let step = 1;
    while (step >= minStep) {
      const newA = A + step * dA;
      const newB = B + step * dB;
      const newf = objective(newA, newB);
      if (newf < fval + 0.0001 * step * gd) {
        A = newA;
        B = newB;
        fval = newf;
        break;
      }
      step /= 2;
    }
    if (step < minStep) break; // line search failed: keep the last good A, B
  }
  return { A, B };
}

/** P(class +1 | decision value) under the fitted sigmoid. */
export function sigmoidPredict(dec: number, A: number, B: number): number {
  const fApB = dec * A + B;
  if (fApB >= 0) {
    const e = Math.exp(-fApB);
    return e / (1 + e);
  }
  return 1 / (1 + Math.exp(fApB));
}

/**
 * Class probabilities from pairwise ones: `r[i·k + j]` = P(i | i or j). Writes `p` (length k).
 */
export function coupleProbabilities(k: number, r: Float64Array, p: Float64Array): void {
  const maxIter = Math.max(100, k);
  const Q = new Float64Array(k * k);
  const Qp = new Float64Array(k);
  const eps = 0.005 / k;
  for (let t = 0; t < k; t++) {
    p[t] = 1 / k;
    Q[t * k + t] = 0;
    for (let j = 0; j < t; j++) {
      Q[t * k + t] += r[j * k + t] * r[j * k + t];
      Q[t * k + j] = Q[j * k + t];
    }
    for (let j = t + 1; j < k; j++) {
      Q[t * k + t] += r[j * k + t] * r[j * k + t];
      Q[t * k + j] = -r[j * k + t] * r[t * k + j];
    }
  }
  for (let iter = 0; iter < maxIter; iter++) {
    let pQp = 0;
    for (let t = 0; t < k; t++) {
      Qp[t] = 0;
      for (let j = 0; j < k; j++) Qp[t] += Q[t * k + j] * p[j];
      pQp += p[t] * Qp[t];
    }
    let maxError = 0;
    for (let t = 0; t < k; t++) maxError = Math.max(maxError, Math.abs(Qp[t] - pQp));
    if (maxError < eps) break;
    for (let t = 0; t < k; t++) {
      const diff = (-Qp[t] + pQp) / Q[t * k + t];
      p[t] += diff;
      pQp = (pQp + diff * (diff * Q[t * k + t] + 2 * Qp[t])) / (1 + diff) / (1 + diff);
      for (let j = 0; j < k; j++) {
        Qp[j] = (Qp[j] + diff * Q[t * k + j]) / (1 + diff);
        p[j] /= 1 + diff;
      }
    }
  }
}

/**
 * Class probabilities of one sample from its one-vs-one decision values (pairs in the order
 * (0,1), (0,2), …), with the pairwise probabilities clipped to [1e-7, 1 − 1e-7] as libsvm does.
 */
export function probabilitiesFromDecisions(
  dec: Float64Array,
  k: number,
  probA: Float64Array,
  probB: Float64Array,
  out: Float64Array,
): void {
  const minProb = 1e-7;
  const r = new Float64Array(k * k);
  let m = 0;
  for (let i = 0; i < k; i++) {
    for (let j = i + 1; j < k; j++, m++) {
      const pij = Math.min(Math.max(sigmoidPredict(dec[m], probA[m], probB[m]), minProb), 1 - minProb);
      r[i * k + j] = pij;
      r[j * k + i] = 1 - pij;
    }
  }
  coupleProbabilities(k, r, out); // for two classes too, as scikit-learn's libsvm does
}
