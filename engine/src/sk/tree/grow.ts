/**
 * Trees grown from prepared data: the shared core of `DecisionTree*`, the forests and any other
 * ensemble. Targets arrive encoded (class codes, or float64 values) so that a forest prepares
 * them once for all its trees. When a backend installed a tree builder (the native addon, see
 * `grow-kernel.ts`) it grows the trees, all of a batch at once; otherwise, and for the
 * `absolute_error` criterion, the TypeScript builder does, one tree after the other. Both give
 * the same trees.
 */
import { ValueError } from "../../core/errors.js";
import { buildTree, type BuildParams, type TreeArrays } from "./builder.js";
import { Entropy, FriedmanMSE, Gini, MAE, MSE, type Criterion } from "./criterion.js";
import { resolveHyper, type TreeHyper } from "./fit-input.js";
import { TreeParam, treeGrowKernel, type KernelCriterion } from "./grow-kernel.js";
import { Splitter } from "./splitter.js";

/** Training data in the builder's layout. */
export interface GrowData {
  /** float32 values, row-major (`X[i * cols + f]`); read only. */
  X: Float32Array;
  rows: number;
  cols: number;
  nOutputs: number;
  /** Classification: class codes (`nOutputs` per sample) and classes per output. */
  codes?: Int32Array;
  nClasses?: Int32Array;
  /** Regression: targets (`nOutputs` per sample). */
  y?: Float64Array;
}

/** A grown tree with the `maxFeatures` it was grown with. */
export interface GrownArrays {
  arrays: TreeArrays;
  maxFeatures: number;
}

const KERNEL_CRITERIA: Record<string, KernelCriterion | undefined> = {
  gini: "gini",
  entropy: "entropy",
  log_loss: "entropy",
  squared_error: "squared_error",
  friedman_mse: "friedman_mse",
};

/** Grows one tree; `seed` is the splitter's xorshift seed. */
export function growTree(
  d: GrowData,
  h: TreeHyper,
  owner: string,
  sw: Float64Array | null,
  seed: number,
): GrownArrays {
  return growTrees(d, h, owner, [sw], [seed])[0];
}

/**
 * Grows one tree per entry of `sws` (sample weights, null for all ones) and `seeds` (xorshift
 * seeds), in order.
 */
export function growTrees(
  d: GrowData,
  h: TreeHyper,
  owner: string,
  sws: (Float64Array | null)[],
  seeds: number[],
): GrownArrays[] {
  const isClassifier = d.codes !== undefined;
  const resolved = sws.map((sw) => {
    let weightSum = d.rows;
    if (sw) {
      weightSum = 0;
      for (const w of sw) weightSum += w;
    }
    return resolveHyper(h, owner, isClassifier, d.rows, d.cols, weightSum);
  });
  if (h.ccpAlpha > 0)
    throw new ValueError(
      `${owner}: ccpAlpha > 0 (cost-complexity pruning) is not implemented yet; use maxLeafNodes, maxDepth or minSamplesLeaf to limit the tree.`,
    );
  for (const sw of sws)
    if (sw && sw.every((w) => w === 0))
      throw new ValueError(`${owner}: every sample has weight 0; nothing to learn from.`);
  const nc = d.nClasses;
  let stride = d.nOutputs;
  if (isClassifier && nc) {
    let m = 0;
    for (const c of nc) m = Math.max(m, c);
    stride = d.nOutputs * m;
  }

  const kernel = treeGrowKernel();
  const criterion = KERNEL_CRITERIA[h.criterion];
  if (kernel && criterion) {
    const params = new Float64Array(sws.length * TreeParam.Count);
    resolved.forEach(({ build, maxFeatures }, t) => {
      const o = t * TreeParam.Count;
      params[o + TreeParam.Seed] = seeds[t];
      params[o + TreeParam.MaxDepth] = build.maxDepth;
      params[o + TreeParam.MinSamplesSplit] = build.minSamplesSplit;
      params[o + TreeParam.MinSamplesLeaf] = build.minSamplesLeaf;
      params[o + TreeParam.MinWeightLeaf] = build.minWeightLeaf;
      params[o + TreeParam.MinImpurityDecrease] = build.minImpurityDecrease;
      params[o + TreeParam.MaxLeafNodes] = build.maxLeafNodes;
      params[o + TreeParam.MaxFeatures] = maxFeatures;
      params[o + TreeParam.Random] = h.splitter === "random" ? 1 : 0;
    });
    const trees = kernel({
      X: d.X,
      rows: d.rows,
      cols: d.cols,
      nOutputs: d.nOutputs,
      criterion,
      codes: d.codes,
      nClasses: d.nClasses,
      y: d.y,
      weights: sws,
      params,
      valueStride: stride,
    });
    if (trees) return trees.map((arrays, t) => ({ arrays, maxFeatures: resolved[t].maxFeatures }));
  }
  return resolved.map(({ build, maxFeatures }, t) => ({
    arrays: growOne(d, h, build, maxFeatures, sws[t], seeds[t], stride),
    maxFeatures,
  }));
}

/** The TypeScript builder. */
function growOne(
  d: GrowData,
  h: TreeHyper,
  build: BuildParams,
  maxFeatures: number,
  sw: Float64Array | null,
  seed: number,
  stride: number,
): TreeArrays {
  let crit: Criterion;
  if (d.codes !== undefined) {
    const nc = d.nClasses as Int32Array;
    crit = h.criterion === "gini" ? new Gini(d.nOutputs, nc, d.codes) : new Entropy(d.nOutputs, nc, d.codes);
  } else {
    const y = d.y as Float64Array;
    crit =
      h.criterion === "squared_error"
        ? new MSE(d.nOutputs, y)
        : h.criterion === "friedman_mse"
          ? new FriedmanMSE(d.nOutputs, y)
          : new MAE(d.nOutputs, y);
  }
  const splitter = new Splitter(crit, d.X, d.rows, d.cols, sw, seed, {
    maxFeatures,
    minSamplesLeaf: build.minSamplesLeaf,
    minWeightLeaf: build.minWeightLeaf,
    random: h.splitter === "random",
    exactSums: sumsAreExact(d, sw),
  });
  return buildTree(splitter, build, stride);
}

/**
 * Whether every sum a criterion forms on this data is an integer below 2^53 — integer sample
 * weights (none, or bootstrap counts) with class counts or integer targets — so that float64
 * additions are exact in any order: a tree then depends only on which samples lie on each side
 * of each split, not on the order of equal feature values, and any correct sort grows the same
 * tree. The bound is 2^52 (margin for its own rounding). native/src/sk/tree.cc `sums_exact` is
 * the same test.
 */
export function sumsAreExact(d: GrowData, sw: Float64Array | null): boolean {
  const LIMIT = 2 ** 52;
  let totalW = 0;
  if (sw) {
    for (let i = 0; i < d.rows; i++) {
      if (sw[i] !== Math.floor(sw[i])) return false;
      totalW += sw[i];
    }
  } else totalW = d.rows;
  if (!(totalW <= LIMIT)) return false;
  if (d.codes !== undefined) return true;
  const y = d.y as Float64Array;
  const k = d.nOutputs;
  let sq = 0;
  for (let j = 0; j < d.rows * k; j++) {
    const v = y[j];
    if (v !== Math.floor(v)) return false;
    sq += (sw ? sw[Math.floor(j / k)] : 1) * (v * v);
  }
  return sq <= LIMIT;
}
