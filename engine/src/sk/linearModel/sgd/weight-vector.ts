/**
 * A weight vector stored as `wscale · w`, as in scikit-learn's `WeightVector`: the L2 shrink of
 * every SGD step becomes one multiply of `wscale` instead of a pass over all weights. With
 * averaging, the running average is kept in the same lazy form (`aw`, `averageA`, `averageB`).
 */

const WSCALE_THRESHOLD = 1e-9;

/** Scaled weights with an optional lazily-kept average. */
export class WeightVector {
  wscale = 1;
  averageA = 0;
  averageB = 1;

  constructor(
    readonly w: Float64Array,
    readonly aw: Float64Array | null,
  ) {}

  /**
   * `w · x` for the dense row `x` at `off`: the first n − n mod 16 terms in 8 interleaved lanes
   * (lane l takes the terms j ≡ l mod 8; folded as ((l0+l4)+(l2+l6))+((l1+l5)+(l3+l7))), then
   * the last n mod 16 one by one, as BLAS ddot's tail (short rows sum exactly as in
   * scikit-learn). Faster than one running sum, and the order of the native epoch loop's
   * vectors, so both give the same bits.
   */
  dot(x: Float64Array, off: number): number {
    const w = this.w;
    const n = w.length;
    const n16 = n - (n % 16);
    let a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0; // prettier-ignore
    for (let j = 0; j < n16; j += 8) {
      const p = off + j;
      a0 += w[j] * x[p];
      a1 += w[j + 1] * x[p + 1];
      a2 += w[j + 2] * x[p + 2];
      a3 += w[j + 3] * x[p + 3];
      a4 += w[j + 4] * x[p + 4];
      a5 += w[j + 5] * x[p + 5];
      a6 += w[j + 6] * x[p + 6];
      a7 += w[j + 7] * x[p + 7];
    }
    let s = ((a0 + a4) + (a2 + a6)) + ((a1 + a5) + (a3 + a7)); // prettier-ignore
    for (let j = n16; j < n; j++) s += w[j] * x[off + j];
    return s * this.wscale;
  }

  /** `w += c·x`. */
  add(x: Float64Array, off: number, c: number): void {
    const w = this.w;
    const n = w.length;
    const f = c / this.wscale;
    for (let j = 0; j < n; j++) w[j] += x[off + j] * f;
  }

  /** Updates the lazy average after a step of size `c` on `x`; `numSeen` counts averaged steps. */
  addAverage(x: Float64Array, off: number, c: number, numSeen: number): void {
    const aw = this.aw as Float64Array;
    const mu = 1 / numSeen;
    const f = -c / this.wscale;
    const a = this.averageA;
    for (let j = 0; j < aw.length; j++) aw[j] += a * x[off + j] * f;
    if (numSeen > 1) this.averageB /= 1 - mu;
    this.averageA += mu * this.averageB * this.wscale;
  }

  /** `w *= c`, folding the scale into the weights when it gets tiny. */
  scale(c: number): void {
    this.wscale *= c;
    if (this.wscale < WSCALE_THRESHOLD) this.resetScale();
  }

  /** Applies `wscale` (and the lazy average) to the stored arrays. */
  resetScale(): void {
    const { w, aw } = this;
    if (aw) {
      for (let j = 0; j < aw.length; j++) aw[j] += this.averageA * w[j];
      const inv = 1 / this.averageB;
      for (let j = 0; j < aw.length; j++) aw[j] *= inv;
      this.averageA = 0;
      this.averageB = 1;
    }
    const s = this.wscale;
    for (let j = 0; j < w.length; j++) w[j] *= s;
    this.wscale = 1;
  }
}
