/**
 * The hook through which a backend (the native addon) grows whole trees in place of
 * `builder.ts` + `splitter.ts` + `criterion.ts`. It must give the TypeScript builder's trees
 * exactly: the same nodes, thresholds and statistics to the bit, for the same data, sample
 * weights and xorshift seed (native/src/sk/tree.cc follows the TypeScript step for step). The
 * layout of {@link TreeGrowJob.params} is shared with native/src/bind/trees.cc.
 */
import type { TreeArrays } from "./builder.js";
import { hookSlot } from "../../core/hook-slot.js";

/** Slots of one tree's entry in {@link TreeGrowJob.params}. */
export const enum TreeParam {
  Seed = 0,
  /** -1 for no limit. */
  MaxDepth = 1,
  MinSamplesSplit = 2,
  MinSamplesLeaf = 3,
  MinWeightLeaf = 4,
  MinImpurityDecrease = 5,
  /** -1 for depth-first growth. */
  MaxLeafNodes = 6,
  MaxFeatures = 7,
  /** 1 for the extra-trees splitter. */
  Random = 8,
  Count = 9,
}

/** The criteria a backend may grow (`absolute_error` always stays in TypeScript). */
export type KernelCriterion = "gini" | "entropy" | "squared_error" | "friedman_mse";

/** Trees to grow on one data set: one entry of `weights` and `params` per tree. */
export interface TreeGrowJob {
  /** float32, row-major `rows × cols`. */
  X: Float32Array;
  rows: number;
  cols: number;
  nOutputs: number;
  criterion: KernelCriterion;
  /** Classification: class codes (`nOutputs` per sample) and classes per output. */
  codes?: Int32Array;
  nClasses?: Int32Array;
  /** Regression: targets (`nOutputs` per sample). */
  y?: Float64Array;
  /** Sample weights per tree (null: all ones); each has a non-zero entry. */
  weights: (Float64Array | null)[];
  /** `TreeParam.Count` numbers per tree. */
  params: Float64Array;
  /** Numbers per node in `value`: outputs × classes (1 class for regression). */
  valueStride: number;
}

/** Grows the job's trees (in order), or returns undefined to leave them to TypeScript. */
export type TreeGrowKernel = (job: TreeGrowJob) => TreeArrays[] | undefined;

const slot = hookSlot<TreeGrowKernel>();

/** Installs (or with undefined removes) the backend's tree builder; returns the previous one. */
export const setTreeGrowKernel = slot.set;

/** The installed tree builder, if any. */
export const treeGrowKernel = slot.get;
