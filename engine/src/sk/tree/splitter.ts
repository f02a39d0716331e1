/**
 * Finding a node's split. Features are visited in a random order (a partial Fisher–Yates draw on
 * scikit-learn's xorshift generator) until `maxFeatures` non-constant ones were tried; features
 * found constant in a node are remembered for its children. The best splitter sorts the node's
 * samples along each feature and scans every boundary between distinct values (thresholds at
 * midpoints); the random splitter draws one threshold uniformly between the feature's extremes.
 * X is float32, column-major (`X[f * n + i]`), as scikit-learn grows trees on float32 data.
 */
import { ourRandR } from "../internal/random.js";
import type { Criterion } from "./criterion.js";
import { sortValues } from "./sort.js";

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
}

/** The splitter state for one tree. */
export class Splitter {
  readonly samples: Int32Array;
  readonly nSamples: number;
  readonly weightedNSamples: number;
  private readonly features: Int32Array;
  private readonly constantFeatures: Int32Array;
  private readonly Xf: Float32Array;
  private readonly rand = new Uint32Array(1);
  start = 0;
  end = 0;
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
   * @param X float32 column-major data, `nRows` rows
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

  /** Finds the best split of the current node into `this.split`. */
  nodeSplit(impurity: number, nConstant: number): void {
    const { samples, features, constantFeatures, Xf, X, nRows, criterion } = this;
    const { maxFeatures, minSamplesLeaf, minWeightLeaf, random } = this.opts;
    const start = this.start;
    const end = this.end;
    const best = this.split;
    best.impurityLeft = Infinity;
    best.impurityRight = Infinity;
    best.pos = end;
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
      const col = f * nRows;

      if (!random) {
        for (let p = start; p < end; p++) Xf[p] = X[col + samples[p]];
        sortValues(Xf, samples, start, end - start);
        if (Xf[end - 1] <= Math.fround(Xf[start] + FEATURE_THRESHOLD)) {
          features[fj] = features[nTotalConstants];
          features[nTotalConstants] = f;
          nFoundConstants++;
          nTotalConstants++;
          continue;
        }
        fi--;
        features[fj] = features[fi];
        features[fi] = f;

        criterion.reset();
        let p = start;
        while (p < end) {
          while (p + 1 < end && Xf[p + 1] <= Math.fround(Xf[p] + FEATURE_THRESHOLD)) p++;
          p++;
          if (p < end) {
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
        }
      } else {
        curFeature = f;
        let mn = X[col + samples[start]];
        let mx = mn;
        Xf[start] = mn;
        for (let p = start + 1; p < end; p++) {
          const v = X[col + samples[p]];
          Xf[p] = v;
          if (v < mn) mn = v;
          else if (v > mx) mx = v;
        }
        if (mx <= Math.fround(mn + FEATURE_THRESHOLD)) {
          features[fj] = features[nTotalConstants];
          features[nTotalConstants] = f;
          nFoundConstants++;
          nTotalConstants++;
          continue;
        }
        fi--;
        features[fj] = features[fi];
        features[fi] = f;

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
        if (pos - start < minSamplesLeaf || end - pos < minSamplesLeaf) continue;
        criterion.reset();
        criterion.update(pos);
        if (criterion.weightedNLeft < minWeightLeaf || criterion.weightedNRight < minWeightLeaf) continue;
        const proxy = criterion.proxyImpurityImprovement();
        if (proxy > bestProxy) {
          bestProxy = proxy;
          best.feature = f;
          best.pos = pos;
          best.threshold = thr;
        }
      }
    }

    if (best.pos < end) {
      if (!random || curFeature !== best.feature) {
        const col = best.feature * nRows;
        const thr = best.threshold;
        let p = start;
        let pe = end;
        while (p < pe) {
          if (X[col + samples[p]] <= thr) p++;
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

    // Known constants keep their place at the front; newly found ones follow them.
    features.set(constantFeatures.subarray(0, nKnownConstants), 0);
    for (let k = 0; k < nFoundConstants; k++)
      constantFeatures[nKnownConstants + k] = features[nKnownConstants + k];
    this.nConstantFeatures = nTotalConstants;
  }
}
