/**
 * Split criteria of the CART builder: each keeps the weighted statistics of a node's samples and
 * of the left part `[start, pos)` of a candidate split, and scores splits. The arithmetic follows
 * scikit-learn's criteria step for step (statistics updated from the nearer end, the "proxy"
 * improvement used to compare splits, the same formulas for impurities), so that trees grown on
 * the same data choose the same splits and report the same numbers.
 */
import { log } from "../../random/libm.js";

const LN2 = log(2);

/** The statistics and scores every criterion provides. */
export abstract class Criterion {
  /** Sample weights, or null for all ones. */
  sw: Float64Array | null = null;
  samples: Int32Array = new Int32Array(0);
  start = 0;
  end = 0;
  pos = 0;
  /** Total weight of all training samples (of the whole tree). */
  weightedNSamples = 0;
  weightedNNodeSamples = 0;
  weightedNLeft = 0;
  weightedNRight = 0;
  /** Children impurities written by `childrenImpurity`. */
  impLeft = 0;
  impRight = 0;

  constructor(readonly nOutputs: number) {}

  /** Statistics of the node `samples[start, end)`; left part empty. */
  abstract init(samples: Int32Array, start: number, end: number): void;
  /** Left part empty. */
  abstract reset(): void;
  /** Left part = the whole node. */
  abstract reverseReset(): void;
  /** Moves the split position to `newPos`. */
  abstract update(newPos: number): void;
  /** Impurity of the node. */
  abstract nodeImpurity(): number;
  /** Impurities of the two parts, into `impLeft` and `impRight`. */
  abstract childrenImpurity(): void;
  /** The node's prediction statistics into `dest` at `offset`. */
  abstract nodeValue(dest: Float64Array, offset: number): void;

  /** A score ordered like the impurity decrease, cheaper to compute. */
  proxyImpurityImprovement(): number {
    this.childrenImpurity();
    return -this.weightedNRight * this.impRight - this.weightedNLeft * this.impLeft;
  }

  /** Weighted impurity decrease of the split, relative to all samples. */
  impurityImprovement(parent: number, left: number, right: number): number {
    const wn = this.weightedNNodeSamples;
    return (
      (wn / this.weightedNSamples) *
      (parent - (this.weightedNRight / wn) * right - (this.weightedNLeft / wn) * left)
    );
  }
}

/** Class counts per output: gini and entropy. */
export abstract class ClassificationCriterion extends Criterion {
  readonly stride: number;
  readonly sumTotal: Float64Array;
  readonly sumLeft: Float64Array;
  readonly sumRight: Float64Array;

  /** `y`: class codes, `nOutputs` per sample. */
  constructor(
    nOutputs: number,
    readonly nClasses: Int32Array,
    readonly y: Int32Array,
  ) {
    super(nOutputs);
    let m = 0;
    for (const c of nClasses) m = Math.max(m, c);
    this.stride = m;
    this.sumTotal = new Float64Array(nOutputs * m);
    this.sumLeft = new Float64Array(nOutputs * m);
    this.sumRight = new Float64Array(nOutputs * m);
  }

  init(samples: Int32Array, start: number, end: number): void {
    this.samples = samples;
    this.start = start;
    this.end = end;
    const { sumTotal, y, sw, nOutputs, stride } = this;
    sumTotal.fill(0);
    let wn = 0;
    for (let p = start; p < end; p++) {
      const i = samples[p];
      const w = sw === null ? 1 : sw[i];
      for (let k = 0; k < nOutputs; k++) sumTotal[k * stride + y[i * nOutputs + k]] += w;
      wn += w;
    }
    this.weightedNNodeSamples = wn;
    this.reset();
  }

  reset(): void {
    this.pos = this.start;
    this.weightedNLeft = 0;
    this.weightedNRight = this.weightedNNodeSamples;
    this.sumLeft.fill(0);
    this.sumRight.set(this.sumTotal);
  }

  reverseReset(): void {
    this.pos = this.end;
    this.weightedNLeft = this.weightedNNodeSamples;
    this.weightedNRight = 0;
    this.sumRight.fill(0);
    this.sumLeft.set(this.sumTotal);
  }

  update(newPos: number): void {
    const { sumLeft, sumRight, sumTotal, y, sw, nOutputs, stride, samples } = this;
    const pos = this.pos;
    const end = this.end;
    let wl = this.weightedNLeft;
    if (newPos - pos <= end - newPos) {
      if (nOutputs === 1) {
        for (let p = pos; p < newPos; p++) {
          const i = samples[p];
          const w = sw === null ? 1 : sw[i];
          sumLeft[y[i]] += w;
          wl += w;
        }
      } else {
        for (let p = pos; p < newPos; p++) {
          const i = samples[p];
          const w = sw === null ? 1 : sw[i];
          for (let k = 0; k < nOutputs; k++) sumLeft[k * stride + y[i * nOutputs + k]] += w;
          wl += w;
        }
      }
    } else {
      this.reverseReset();
      wl = this.weightedNLeft;
      for (let p = end - 1; p >= newPos; p--) {
        const i = samples[p];
        const w = sw === null ? 1 : sw[i];
        for (let k = 0; k < nOutputs; k++) sumLeft[k * stride + y[i * nOutputs + k]] -= w;
        wl -= w;
      }
    }
    this.weightedNLeft = wl;
    this.weightedNRight = this.weightedNNodeSamples - wl;
    for (let k = 0; k < nOutputs; k++) {
      const o = k * stride;
      const nc = this.nClasses[k];
      for (let c = 0; c < nc; c++) sumRight[o + c] = sumTotal[o + c] - sumLeft[o + c];
    }
    this.pos = newPos;
  }

  nodeValue(dest: Float64Array, offset: number): void {
    dest.set(this.sumTotal, offset);
  }
}

/** Gini impurity, 1 − Σ p². */
export class Gini extends ClassificationCriterion {
  private gini(sum: Float64Array, wn: number): number {
    let g = 0;
    const { stride, nClasses, nOutputs } = this;
    for (let k = 0; k < nOutputs; k++) {
      let sq = 0;
      const o = k * stride;
      for (let c = 0; c < nClasses[k]; c++) {
        const v = sum[o + c];
        sq += v * v;
      }
      g += 1 - sq / (wn * wn);
    }
    return g / nOutputs;
  }

  nodeImpurity(): number {
    return this.gini(this.sumTotal, this.weightedNNodeSamples);
  }

  childrenImpurity(): void {
    this.impLeft = this.gini(this.sumLeft, this.weightedNLeft);
    this.impRight = this.gini(this.sumRight, this.weightedNRight);
  }

  // One output: both impurities in one pass (the same operations as `childrenImpurity`).
  override proxyImpurityImprovement(): number {
    if (this.nOutputs !== 1) return super.proxyImpurityImprovement();
    const { sumLeft, sumRight } = this;
    const nc = this.nClasses[0];
    let sl = 0;
    let sr = 0;
    for (let c = 0; c < nc; c++) {
      const l = sumLeft[c];
      const r = sumRight[c];
      sl += l * l;
      sr += r * r;
    }
    const wl = this.weightedNLeft;
    const wr = this.weightedNRight;
    return -wr * (1 - sr / (wr * wr)) - wl * (1 - sl / (wl * wl));
  }
}

/** Entropy (log base 2), −Σ p log₂ p; also `log_loss`. */
export class Entropy extends ClassificationCriterion {
  private entropy(sum: Float64Array, wn: number): number {
    let e = 0;
    const { stride, nClasses, nOutputs } = this;
    for (let k = 0; k < nOutputs; k++) {
      const o = k * stride;
      for (let c = 0; c < nClasses[k]; c++) {
        let v = sum[o + c];
        if (v > 0) {
          v /= wn;
          e -= v * (log(v) / LN2);
        }
      }
    }
    return e / nOutputs;
  }

  nodeImpurity(): number {
    return this.entropy(this.sumTotal, this.weightedNNodeSamples);
  }

  childrenImpurity(): void {
    this.impLeft = this.entropy(this.sumLeft, this.weightedNLeft);
    this.impRight = this.entropy(this.sumRight, this.weightedNRight);
  }
}

/** Weighted sums of the targets per output: squared error and Friedman's MSE. */
export abstract class RegressionCriterion extends Criterion {
  readonly sumTotal: Float64Array;
  readonly sumLeft: Float64Array;
  readonly sumRight: Float64Array;
  sqSumTotal = 0;

  /** `y`: targets, `nOutputs` per sample. */
  constructor(
    nOutputs: number,
    readonly y: Float64Array,
  ) {
    super(nOutputs);
    this.sumTotal = new Float64Array(nOutputs);
    this.sumLeft = new Float64Array(nOutputs);
    this.sumRight = new Float64Array(nOutputs);
  }

  init(samples: Int32Array, start: number, end: number): void {
    this.samples = samples;
    this.start = start;
    this.end = end;
    const { sumTotal, y, sw, nOutputs } = this;
    sumTotal.fill(0);
    let sq = 0;
    let wn = 0;
    for (let p = start; p < end; p++) {
      const i = samples[p];
      const w = sw === null ? 1 : sw[i];
      for (let k = 0; k < nOutputs; k++) {
        const yik = y[i * nOutputs + k];
        const wy = w * yik;
        sumTotal[k] += wy;
        sq += wy * yik;
      }
      wn += w;
    }
    this.sqSumTotal = sq;
    this.weightedNNodeSamples = wn;
    this.reset();
  }

  reset(): void {
    this.pos = this.start;
    this.weightedNLeft = 0;
    this.weightedNRight = this.weightedNNodeSamples;
    this.sumLeft.fill(0);
    this.sumRight.set(this.sumTotal);
  }

  reverseReset(): void {
    this.pos = this.end;
    this.weightedNLeft = this.weightedNNodeSamples;
    this.weightedNRight = 0;
    this.sumRight.fill(0);
    this.sumLeft.set(this.sumTotal);
  }

  update(newPos: number): void {
    const { sumLeft, sumRight, sumTotal, y, sw, nOutputs, samples } = this;
    const pos = this.pos;
    const end = this.end;
    let wl = this.weightedNLeft;
    if (newPos - pos <= end - newPos) {
      if (nOutputs === 1) {
        let s = sumLeft[0];
        for (let p = pos; p < newPos; p++) {
          const i = samples[p];
          if (sw === null) {
            s += y[i];
            wl += 1;
          } else {
            const w = sw[i];
            s += w * y[i];
            wl += w;
          }
        }
        sumLeft[0] = s;
      } else {
        for (let p = pos; p < newPos; p++) {
          const i = samples[p];
          const w = sw === null ? 1 : sw[i];
          for (let k = 0; k < nOutputs; k++) sumLeft[k] += w * y[i * nOutputs + k];
          wl += w;
        }
      }
    } else {
      this.reverseReset();
      wl = this.weightedNLeft;
      for (let p = end - 1; p >= newPos; p--) {
        const i = samples[p];
        const w = sw === null ? 1 : sw[i];
        for (let k = 0; k < nOutputs; k++) sumLeft[k] -= w * y[i * nOutputs + k];
        wl -= w;
      }
    }
    this.weightedNLeft = wl;
    this.weightedNRight = this.weightedNNodeSamples - wl;
    for (let k = 0; k < nOutputs; k++) sumRight[k] = sumTotal[k] - sumLeft[k];
    this.pos = newPos;
  }

  nodeValue(dest: Float64Array, offset: number): void {
    for (let k = 0; k < this.nOutputs; k++) dest[offset + k] = this.sumTotal[k] / this.weightedNNodeSamples;
  }
}

/** Mean squared error (variance). */
export class MSE extends RegressionCriterion {
  nodeImpurity(): number {
    const wn = this.weightedNNodeSamples;
    let imp = this.sqSumTotal / wn;
    for (let k = 0; k < this.nOutputs; k++) {
      const m = this.sumTotal[k] / wn;
      imp -= m * m;
    }
    return imp / this.nOutputs;
  }

  override proxyImpurityImprovement(): number {
    let l = 0;
    let r = 0;
    for (let k = 0; k < this.nOutputs; k++) {
      l += this.sumLeft[k] * this.sumLeft[k];
      r += this.sumRight[k] * this.sumRight[k];
    }
    return l / this.weightedNLeft + r / this.weightedNRight;
  }

  childrenImpurity(): void {
    const { samples, sw, y, nOutputs } = this;
    let sqLeft = 0;
    for (let p = this.start; p < this.pos; p++) {
      const i = samples[p];
      const w = sw === null ? 1 : sw[i];
      for (let k = 0; k < nOutputs; k++) {
        const yik = y[i * nOutputs + k];
        sqLeft += w * yik * yik;
      }
    }
    const sqRight = this.sqSumTotal - sqLeft;
    const wl = this.weightedNLeft;
    const wr = this.weightedNRight;
    let il = sqLeft / wl;
    let ir = sqRight / wr;
    for (let k = 0; k < nOutputs; k++) {
      const ml = this.sumLeft[k] / wl;
      const mr = this.sumRight[k] / wr;
      il -= ml * ml;
      ir -= mr * mr;
    }
    this.impLeft = il / nOutputs;
    this.impRight = ir / nOutputs;
  }
}

/** Friedman's improvement score on top of the squared error. */
export class FriedmanMSE extends MSE {
  override proxyImpurityImprovement(): number {
    let l = 0;
    let r = 0;
    for (let k = 0; k < this.nOutputs; k++) {
      l += this.sumLeft[k];
      r += this.sumRight[k];
    }
    const diff = this.weightedNRight * l - this.weightedNLeft * r;
    return (diff * diff) / (this.weightedNLeft * this.weightedNRight);
  }

  override impurityImprovement(): number {
    let l = 0;
    let r = 0;
    for (let k = 0; k < this.nOutputs; k++) {
      l += this.sumLeft[k];
      r += this.sumRight[k];
    }
    const diff = (this.weightedNRight * l - this.weightedNLeft * r) / this.nOutputs;
    return (diff * diff) / (this.weightedNLeft * this.weightedNRight * this.weightedNNodeSamples);
  }
}

/**
 * Mean absolute error around the weighted median. Medians are recomputed from scratch for each
 * candidate split (sorting the part's targets), so this criterion costs O(n log n) per candidate:
 * fine for small data, slow on large nodes.
 */
export class MAE extends RegressionCriterion {
  private buf = new Float64Array(0);
  private wbuf = new Float64Array(0);
  private order = new Int32Array(0);

  /** Weighted median of output k over samples[a, b) (scikit-learn's split-median rule). */
  private median(a: number, b: number, k: number): number {
    const n = b - a;
    if (this.buf.length < n) {
      this.buf = new Float64Array(n);
      this.wbuf = new Float64Array(n);
      this.order = new Int32Array(n);
    }
    const { samples, sw, y, nOutputs, buf, wbuf, order } = this;
    let total = 0;
    for (let p = 0; p < n; p++) {
      const i = samples[a + p];
      buf[p] = y[i * nOutputs + k];
      wbuf[p] = sw === null ? 1 : sw[i];
      total += wbuf[p];
      order[p] = p;
    }
    const ord = order.subarray(0, n).sort((u, v) => buf[u] - buf[v]);
    const half = total / 2;
    let cum = 0;
    for (let j = 0; j < n; j++) {
      cum += wbuf[ord[j]];
      if (cum >= half) {
        if (cum === half && j + 1 < n) return (buf[ord[j]] + buf[ord[j + 1]]) / 2;
        return buf[ord[j]];
      }
    }
    return buf[ord[n - 1]];
  }

  private absDev(a: number, b: number): number {
    const { samples, sw, y, nOutputs } = this;
    let imp = 0;
    for (let k = 0; k < nOutputs; k++) {
      const med = this.median(a, b, k);
      for (let p = a; p < b; p++) {
        const i = samples[p];
        imp += Math.abs(y[i * nOutputs + k] - med) * (sw === null ? 1 : sw[i]);
      }
    }
    return imp;
  }

  nodeImpurity(): number {
    return this.absDev(this.start, this.end) / (this.weightedNNodeSamples * this.nOutputs);
  }

  childrenImpurity(): void {
    this.impLeft = this.absDev(this.start, this.pos) / (this.weightedNLeft * this.nOutputs);
    this.impRight = this.absDev(this.pos, this.end) / (this.weightedNRight * this.nOutputs);
  }

  override nodeValue(dest: Float64Array, offset: number): void {
    for (let k = 0; k < this.nOutputs; k++) dest[offset + k] = this.median(this.start, this.end, k);
  }
}
