/**
 * The shared machinery of the tree forests: scikit-learn's seeding (one `randint(2**31 - 1)` per
 * tree from the forest's generator; each tree draws its bootstrap sample and its splitter seed
 * from a fresh `RandomState(seed)`), bootstrap samples as sample-weight counts, out-of-bag
 * estimates, and averaged predictions. Seeded forests therefore grow scikit-learn's trees.
 */
import { ValueError } from "../../core/errors.js";
import { RandomState } from "../../np/random.js";
import { InvalidParameterError } from "../base/errors.js";
import type { Labels } from "../base/types.js";
import { MAX_INT, checkRandomState, type RandomStateLike } from "../internal/random.js";
import { warn } from "../internal/warn.js";
import { classSampleWeight, type ClassWeight, type TreeHyper } from "../tree/fit-input.js";
import { growTrees, type GrowData } from "../tree/grow.js";
import { RAND_R_MAX } from "../tree/splitter.js";
import { featureImportances, pairwiseSum, publicTree, viewOf, type Tree } from "../tree/tree-data.js";

/** Options shared by every forest. */
export interface ForestOptions {
  /** Number of trees (default 100). */
  nEstimators?: number;
  /** Maximum depth of each tree; null (default) for none. */
  maxDepth?: number | null;
  /** Minimum samples to split a node (int ≥ 2 or fraction in (0, 1]). Default 2. */
  minSamplesSplit?: number;
  /** Minimum samples per leaf (int ≥ 1 or fraction in (0, 1)). Default 1. */
  minSamplesLeaf?: number;
  /** Minimum fraction of the total weight per leaf, in [0, 0.5]. Default 0. */
  minWeightFractionLeaf?: number;
  /** Leaves per tree (best-first growth); null (default) for no limit. */
  maxLeafNodes?: number | null;
  /** Minimum weighted impurity decrease of a split. Default 0. */
  minImpurityDecrease?: number;
  /** Whether each tree sees a bootstrap sample (default true for random forests, false for extra trees). */
  bootstrap?: boolean;
  /** Whether to compute the out-of-bag score (`oobScore_`); needs `bootstrap`. */
  oobScore?: boolean;
  /** Accepted for compatibility and recorded; trees are grown one after the other. */
  nJobs?: number | null;
  /** Seed or `np.random.RandomState`; null uses the global generator. */
  randomState?: RandomStateLike;
  /** Accepted and ignored (no progress output). */
  verbose?: number;
  /** Keep the fitted trees and add `nEstimators − estimators_.length` new ones on the next fit. */
  warmStart?: boolean;
  /** Only 0 is implemented. */
  ccpAlpha?: number;
  /** Bootstrap sample size: null (n), an int, or a fraction in (0, 1]. */
  maxSamples?: number | null;
}

/** Defaults shared by the forests (criterion, maxFeatures and bootstrap differ). */
export const FOREST_DEFAULTS = {
  nEstimators: 100,
  maxDepth: null,
  minSamplesSplit: 2,
  minSamplesLeaf: 1,
  minWeightFractionLeaf: 0,
  maxLeafNodes: null,
  minImpurityDecrease: 0,
  oobScore: false,
  nJobs: null,
  randomState: null,
  verbose: 0,
  warmStart: false,
  ccpAlpha: 0,
  maxSamples: null,
};

/** The forest's options as the fitting code reads them. */
export interface ForestHost extends Omit<TreeHyper, "splitter"> {
  nEstimators: number;
  bootstrap: boolean;
  oobScore: boolean;
  randomState: RandomStateLike;
  warmStart: boolean;
  maxSamples: number | null;
  classWeight?: ClassWeight | "balanced_subsample";
}

/** scikit-learn's `_get_n_samples_bootstrap`. */
export function bootstrapSize(n: number, maxSamples: number | null): number {
  if (maxSamples === null) return n;
  if (Number.isInteger(maxSamples) && maxSamples >= 1) {
    if (maxSamples > n)
      throw new ValueError(`maxSamples must be <= n_samples=${n} but got value ${maxSamples}`);
    return maxSamples;
  }
  if (maxSamples > 0 && maxSamples <= 1) return Math.max(Math.round(n * maxSamples), 1);
  throw new InvalidParameterError(
    `The 'maxSamples' parameter must be null, an int in [1, n_samples] or a float in (0, 1]; got ${maxSamples}.`,
  );
}

/** The bootstrap draw of a tree seeded `seed`: how many times each sample was drawn. */
export function bootstrapCounts(seed: number, n: number, nBoot: number): Int32Array {
  const idx = new RandomState(seed).state.randint(0, n, [nBoot]).data;
  const counts = new Int32Array(n);
  for (let k = 0; k < nBoot; k++) counts[idx[k]]++;
  return counts;
}

function bootstrapIndices(seed: number, n: number, nBoot: number): Int32Array {
  return Int32Array.from(new RandomState(seed).state.randint(0, n, [nBoot]).data);
}

/** One grown tree of a forest with its seed. */
export interface GrownTree {
  seed: number;
  tree: Tree;
  maxFeatures: number;
}

/** What fitting a forest needs besides the options. */
export interface ForestFit {
  owner: string;
  data: GrowData;
  sw: Float64Array | null;
  /** Classification only: classes per output (for "balanced_subsample"). */
  classes?: Labels[];
  nPrevious: number;
  splitter: "best" | "random";
}

/** Checks the forest options and grows the new trees. */
export function growForest(h: ForestHost, f: ForestFit): GrownTree[] {
  const { owner, data } = f;
  if (!Number.isInteger(h.nEstimators) || h.nEstimators < 1)
    throw new InvalidParameterError(
      `The 'nEstimators' parameter of ${owner} must be an int in the range [1, inf). Got ${h.nEstimators} instead.`,
    );
  if (!h.bootstrap && h.maxSamples !== null)
    throw new ValueError(
      "`maxSamples` cannot be set if `bootstrap=false`. Either switch to `bootstrap=true` or set `maxSamples=null`.",
    );
  if (!h.bootstrap && h.oobScore)
    throw new ValueError("Out of bag estimation only available if bootstrap=true");
  const n = data.rows;
  const nBoot = h.bootstrap ? bootstrapSize(n, h.maxSamples) : n;
  const rs = checkRandomState(h.randomState);
  const nMore = h.nEstimators - f.nPrevious;
  if (nMore < 0)
    throw new ValueError(
      `nEstimators=${h.nEstimators} must be larger or equal to estimators_.length=${f.nPrevious} when warmStart==true`,
    );
  if (nMore === 0) {
    warn("Warm-start fitting without increasing nEstimators does not fit new trees.");
    return [];
  }
  if (h.warmStart && f.nPrevious > 0) for (let k = 0; k < f.nPrevious; k++) rs.randint(0, MAX_INT);
  const seeds = Array.from({ length: nMore }, () => rs.randint(0, MAX_INT));
  const hyper: TreeHyper = { ...h, splitter: f.splitter };
  const nClasses = data.nClasses ? Array.from(data.nClasses) : new Array<number>(data.nOutputs).fill(1);
  // Trees go to the builder in batches (a backend grows a batch in parallel); a batch's weight
  // vectors take at most about 64 MiB.
  const batch = Math.max(1, Math.min(64, Math.floor(2 ** 23 / n)));
  const out: GrownTree[] = [];
  for (let b = 0; b < seeds.length; b += batch) {
    const part = seeds.slice(b, b + batch);
    const sws = part.map((seed) => treeWeights(h, f, seed, nBoot));
    const treeSeeds = part.map((seed) => new RandomState(seed).randint(0, RAND_R_MAX) as number);
    growTrees(data, hyper, owner, sws, treeSeeds).forEach((grown, k) =>
      out.push({
        seed: part[k],
        maxFeatures: grown.maxFeatures,
        tree: publicTree(grown.arrays, data.cols, data.nOutputs, nClasses),
      }),
    );
  }
  return out;
}

/** A tree's sample weights: the forest's, times the bootstrap counts (and balanced-subsample weights). */
function treeWeights(h: ForestHost, f: ForestFit, seed: number, nBoot: number): Float64Array | null {
  if (!h.bootstrap) return f.sw;
  const { data } = f;
  const n = data.rows;
  const counts = bootstrapCounts(seed, n, nBoot);
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) w[i] = (f.sw ? f.sw[i] : 1) * counts[i];
  if (h.classWeight === "balanced_subsample" && f.classes) {
    const cw = classSampleWeight(
      "balanced",
      data.codes as Int32Array,
      f.classes,
      bootstrapIndices(seed, n, nBoot),
    );
    for (let i = 0; i < n; i++) w[i] *= cw[i];
  }
  return w;
}

/** Samples each tree did not draw: `mask[i]` is true when sample i is out of bag. */
export function outOfBag(seed: number, n: number, nBoot: number): Uint8Array {
  const counts = bootstrapCounts(seed, n, nBoot);
  const mask = new Uint8Array(n);
  for (let i = 0; i < n; i++) mask[i] = counts[i] === 0 ? 1 : 0;
  return mask;
}

/** Divides out-of-bag sums by their counts, warning when a sample was in every bootstrap. */
export function averageOob(sum: Float64Array, count: Int32Array, width: number): void {
  let missing = false;
  for (let i = 0; i < count.length; i++) {
    let c = count[i];
    if (c === 0) {
      missing = true;
      c = 1;
    }
    for (let j = 0; j < width; j++) sum[i * width + j] /= c;
  }
  if (missing)
    warn(
      "Some inputs do not have OOB scores. This probably means too few trees were used to compute any reliable OOB estimates.",
    );
}

/** The mean of the trees' normalised importances (trees that are a single leaf left out), summing to 1. */
export function forestImportances(trees: Tree[], nFeatures: number): Float64Array {
  const sum = new Float64Array(nFeatures);
  let k = 0;
  for (const t of trees) {
    if (t.nodeCount <= 1) continue;
    const imp = featureImportances(viewOf(t), nFeatures);
    for (let f = 0; f < nFeatures; f++) sum[f] += imp[f];
    k++;
  }
  if (k === 0) return sum;
  for (let f = 0; f < nFeatures; f++) sum[f] /= k;
  const s = pairwiseSum(sum);
  for (let f = 0; f < nFeatures; f++) sum[f] /= s;
  return sum;
}
