/**
 * One tree grown from prepared data: the shared core of `DecisionTree*`, the forests and any
 * other ensemble. Targets arrive encoded (class codes, or float64 values) so that a forest
 * prepares them once for all its trees.
 */
import { ValueError } from "../../core/errors.js";
import { buildTree, type TreeArrays } from "./builder.js";
import { Entropy, FriedmanMSE, Gini, MAE, MSE, type Criterion } from "./criterion.js";
import { resolveHyper, type TreeHyper } from "./fit-input.js";
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

/** Grows one tree; `seed` is the splitter's xorshift seed. */
export function growTree(
  d: GrowData,
  h: TreeHyper,
  owner: string,
  sw: Float64Array | null,
  seed: number,
): { arrays: TreeArrays; maxFeatures: number } {
  const isClassifier = d.codes !== undefined;
  let weightSum = d.rows;
  if (sw) {
    weightSum = 0;
    for (const w of sw) weightSum += w;
  }
  const { build, maxFeatures } = resolveHyper(h, owner, isClassifier, d.rows, d.cols, weightSum);
  if (h.ccpAlpha > 0)
    throw new ValueError(
      `${owner}: ccpAlpha > 0 (cost-complexity pruning) is not implemented yet; use maxLeafNodes, maxDepth or minSamplesLeaf to limit the tree.`,
    );
  let crit: Criterion;
  let stride: number;
  if (isClassifier) {
    const nc = d.nClasses as Int32Array;
    const codes = d.codes as Int32Array;
    crit = h.criterion === "gini" ? new Gini(d.nOutputs, nc, codes) : new Entropy(d.nOutputs, nc, codes);
    stride = d.nOutputs * (crit as Gini).stride;
  } else {
    const y = d.y as Float64Array;
    crit =
      h.criterion === "squared_error"
        ? new MSE(d.nOutputs, y)
        : h.criterion === "friedman_mse"
          ? new FriedmanMSE(d.nOutputs, y)
          : new MAE(d.nOutputs, y);
    stride = d.nOutputs;
  }
  const splitter = new Splitter(crit, d.X, d.rows, d.cols, sw, seed, {
    maxFeatures,
    minSamplesLeaf: build.minSamplesLeaf,
    minWeightLeaf: build.minWeightLeaf,
    random: h.splitter === "random",
  });
  if (splitter.nSamples === 0)
    throw new ValueError(`${owner}: every sample has weight 0; nothing to learn from.`);
  return { arrays: buildTree(splitter, build, stride), maxFeatures };
}
