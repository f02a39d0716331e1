/**
 * Finding a node's split. Features are visited in a random order (a partial Fisher–Yates draw on
 * scikit-learn's xorshift generator) until `maxFeatures` non-constant ones were tried; features
 * found constant in a node are remembered for its children. The best splitter sorts the node's
 * samples along each feature and scans every boundary between distinct values (thresholds at
 * midpoints); the random splitter draws one threshold uniformly between the feature's extremes.
 * X is float32 and row-major (`X[i * nFeatures + f]`), as scikit-learn grows trees on float32 data.
 */
import { ourRandR } from "../internal/random.js";
import type { Criterion } from "./criterion.js";
import { KeySorter, sortValues } from "./sort.js";

/** scikit-learn's tolerance for "these two float32 values are equal". */
const FEATURE_THRESHOLD = Math.fround(1e-7);
/** Largest value of the xorshift generator. */
export const RAND_R_MAX = 0x7fffffff;

/** The chosen split of a node (reused between calls). */
export interface SplitRecord {
  feature: number;
  pos: number;
  threshold: number;
  improvement: number;
  impurityLeft: number;
  impurityRight: number;
}

/** Options fixed for a whole tree. */
export interface SplitterOptions {
  maxFeatures: number;
  minSamplesLeaf: number;
  minWeightLeaf: number;
  random: boolean;
  /**
   * Every sum the criterion forms is an exact integer (`sumsAreExact` in grow.ts), so the order
   * of equal feature values cannot matter and the faster key sort may be used.
   */
  exactSums?: boolean;
}

/** The splitter state for one tree. */
export class Splitter {
  readonly samples: Int32Array;
  readonly nSamples: number;
  readonly weightedNSamples: number;
  private readonly features: Int32Array;
  private readonly constantFeatures: Int32Array;
  private readonly Xf: Float32Array;
  /** With exact sums: `Xf`'s bits and the key sort. */
  private readonly XfBits: Uint32Array | null = null;
  private readonly keySorter: KeySorter | null = null;
  private readonly rand = new Uint32Array(1);
  /** Element strides of X (row-major: `nFeatures` and 1). */
  readonly rowStride: number;
  readonly colStride: number;
  start = 0;
  end = 0;
  private fmin = 0;
  private fmax = 0;
  /** Number of constant features after the last `nodeSplit`. */
  nConstantFeatures = 0;
  readonly split: SplitRecord = {
    feature: 0,
    pos: 0,
    threshold: 0,
    improvement: -Infinity,
    impurityLeft: Infinity,
    impurityRight: Infinity,
  };

  /**
   * @param X float32 row-major data, `nRows` rows
   * @param sw sample weights (samples of weight 0 are left out) or null
   * @param seed the xorshift seed (scikit-learn draws `randint(0, RAND_R_MAX)`)
   */
  constructor(
    readonly criterion: Criterion,
    readonly X: Float32Array,
    readonly nRows: number,
    readonly nFeatures: number,
    sw: Float64Array | null,
    seed: number,
    readonly opts: SplitterOptions,
  ) {
    this.rand[0] = seed;
    this.rowStride = nFeatures;
    this.colStride = 1;
    const samples = new Int32Array(nRows);
    let j = 0;
    let wn = 0;
    for (let i = 0; i < nRows; i++) {
      if (sw === null || sw[i] !== 0) samples[j++] = i;
      wn += sw === null ? 1 : sw[i];
    }
    this.samples = j === nRows ? samples : samples.slice(0, j);
    this.nSamples = j;
    this.weightedNSamples = wn;
    this.features = new Int32Array(nFeatures);
    for (let f = 0; f < nFeatures; f++) this.features[f] = f;
    this.constantFeatures = new Int32Array(nFeatures);
    this.Xf = new Float32Array(j);
    if (opts.exactSums && !opts.random) {
      this.XfBits = new Uint32Array(this.Xf.buffer);
      this.keySorter = new KeySorter(j);
    }
    criterion.sw = sw;
    criterion.weightedNSamples = wn;
  }

  private randInt(low: number, high: number): number {
    return low + (ourRandR(this.rand) % (high - low));
  }

  /** Resets the criterion to the node `[start, end)`; returns its weighted sample count. */
  nodeReset(start: number, end: number): number {
    this.start = start;
    this.end = end;
    this.criterion.init(this.samples, start, end);
    return this.criterion.weightedNNodeSamples;
  }

  /**
   * Scans the sorted values of feature `f` in `Xf[start, end)`: every boundary between distinct
   * values is a candidate; the best (by proxy improvement) beyond `bestProxy` goes to `split`.
   */
  private scanSorted(f: number, bestProxy: number): number {
    const { Xf, criterion } = this;
    const { minSamplesLeaf, minWeightLeaf } = this.opts;
    const start = this.start;
    const end = this.end;
    const best = this.split;
    criterion.reset();
    let p = start;
    while (p < end) {
      let a = Xf[p];
      while (p + 1 < end) {
        const b = Xf[p + 1];
        if (b !== a && b > Math.fround(a + FEATURE_THRESHOLD)) break;
        a = b;
        p++;
      }
      p++;
      if (p >= end) break;
      if (p - start < minSamplesLeaf || end - p < minSamplesLeaf) continue;
      criterion.update(p);
      if (criterion.weightedNLeft < minWeightLeaf || criterion.weightedNRight < minWeightLeaf) continue;
      const proxy = criterion.proxyImpurityImprovement();
      if (proxy > bestProxy) {
        bestProxy = proxy;
        let thr = Xf[p - 1] / 2 + Xf[p] / 2;
        if (thr === Xf[p] || thr === Infinity || thr === -Infinity) thr = Xf[p - 1];
        best.feature = f;
        best.pos = p;
        best.threshold = thr;
      }
    }
    return bestProxy;
  }

  /** Gathers feature `f` of the node into `Xf` and sorts it; true when the feature is constant there. */
  private gatherSorted(f: number): boolean {
    const { samples, Xf, X } = this;
    const rs = this.rowStride;
    const col = f * this.colStride;
    const start = this.start;
    const end = this.end;
    let mn = Infinity;
    let mx = -Infinity;
    for (let p = start; p < end; p++) {
      const v = X[col + samples[p] * rs];
      Xf[p] = v;
      if (v < mn) mn = v;
      if (v > mx) mx = v;
    }
    // All-equal values would come out of the sort unchanged: skip it.
    if (mn !== mx) {
      if (this.keySorter) this.keySorter.sort(Xf, this.XfBits as Uint32Array, samples, start, end - start);
      else sortValues(Xf, samples, start, end - start);
    }
    return Xf[end - 1] <= Math.fround(Xf[start] + FEATURE_THRESHOLD);
  }

  /** Gathers feature `f` of the node into `Xf` with its extremes; true when constant there. */
  private gatherRange(f: number): boolean {
    const { samples, Xf, X } = this;
    const rs = this.rowStride;
    const col = f * this.colStride;
    const start = this.start;
    const end = this.end;
    let mn = X[col + samples[start] * rs];
    let mx = mn;
    Xf[start] = mn;
    for (let p = start + 1; p < end; p++) {
      const v = X[col + samples[p] * rs];
      Xf[p] = v;
      if (v < mn) mn = v;
      else if (v > mx) mx = v;
    }
    this.fmin = mn;
    this.fmax = mx;
    return mx <= Math.fround(mn + FEATURE_THRESHOLD);
  }

  /** Random splitter: one uniform threshold for feature `f`, partition, score. */
  private tryRandom(f: number, bestProxy: number): number {
    const { samples, Xf, criterion } = this;
    const { minSamplesLeaf, minWeightLeaf } = this.opts;
    const start = this.start;
    const end = this.end;
    const mn = this.fmin;
    const mx = this.fmax;
    let thr = ((mx - mn) * ourRandR(this.rand)) / RAND_R_MAX + mn;
    if (thr === mx) thr = mn;
    let p = start;
    let pe = end;
    while (p < pe) {
      if (Xf[p] <= thr) p++;
      else {
        pe--;
        const tv = Xf[p];
        Xf[p] = Xf[pe];
        Xf[pe] = tv;
        const ts = samples[p];
        samples[p] = samples[pe];
        samples[pe] = ts;
      }
    }
    const pos = pe;
    if (pos - start < minSamplesLeaf || end - pos < minSamplesLeaf) return bestProxy;
    criterion.reset();
    criterion.update(pos);
    if (criterion.weightedNLeft < minWeightLeaf || criterion.weightedNRight < minWeightLeaf) return bestProxy;
    const proxy = criterion.proxyImpurityImprovement();
    if (proxy > bestProxy) {
      const best = this.split;
      best.feature = f;
      best.pos = pos;
      best.threshold = thr;
      return proxy;
    }
    return bestProxy;
  }

  /** Moves the node's samples to their side of the chosen split and scores it. */
  private finish(impurity: number, partitioned: boolean): void {
    const { samples, X, criterion } = this;
    const best = this.split;
    const end = this.end;
    if (!partitioned) {
      const rs = this.rowStride;
      const col = best.feature * this.colStride;
      const thr = best.threshold;
      let p = this.start;
      let pe = end;
      while (p < pe) {
        if (X[col + samples[p] * rs] <= thr) p++;
        else {
          pe--;
          const t = samples[p];
          samples[p] = samples[pe];
          samples[pe] = t;
        }
      }
    }
    criterion.reset();
    criterion.update(best.pos);
    criterion.childrenImpurity();
    best.impurityLeft = criterion.impLeft;
    best.impurityRight = criterion.impRight;
    best.improvement = criterion.impurityImprovement(impurity, best.impurityLeft, best.impurityRight);
  }

  /** Finds the best split of the current node into `this.split`. */
  nodeSplit(impurity: number, nConstant: number): void {
    const { features, constantFeatures } = this;
    const { maxFeatures, random } = this.opts;
    const best = this.split;
    best.impurityLeft = Infinity;
    best.impurityRight = Infinity;
    best.pos = this.end;
    best.feature = 0;
    best.threshold = 0;
    best.improvement = -Infinity;
    let bestProxy = -Infinity;

    let fi = this.nFeatures;
    let nVisited = 0;
    let nFoundConstants = 0;
    let nDrawnConstants = 0;
    const nKnownConstants = nConstant;
    let nTotalConstants = nKnownConstants;
    let curFeature = -1;

    while (
      fi > nTotalConstants &&
      (nVisited < maxFeatures || nVisited <= nFoundConstants + nDrawnConstants)
    ) {
      nVisited++;
      let fj = this.randInt(nDrawnConstants, fi - nFoundConstants);
      if (fj < nKnownConstants) {
        const t = features[nDrawnConstants];
        features[nDrawnConstants] = features[fj];
        features[fj] = t;
        nDrawnConstants++;
        continue;
      }
      fj += nFoundConstants;
      const f = features[fj];
      curFeature = f;
      if (random ? this.gatherRange(f) : this.gatherSorted(f)) {
        features[fj] = features[nTotalConstants];
        features[nTotalConstants] = f;
        nFoundConstants++;
        nTotalConstants++;
        continue;
      }
      fi--;
      features[fj] = features[fi];
      features[fi] = f;
      bestProxy = random ? this.tryRandom(f, bestProxy) : this.scanSorted(f, bestProxy);
    }

    if (best.pos < this.end) this.finish(impurity, random && curFeature === best.feature);

    // Known constants keep their place at the front; newly found ones follow them.
    for (let k = 0; k < nKnownConstants; k++) features[k] = constantFeatures[k];
    for (let k = 0; k < nFoundConstants; k++)
      constantFeatures[nKnownConstants + k] = features[nKnownConstants + k];
    this.nConstantFeatures = nTotalConstants;
  }
}
