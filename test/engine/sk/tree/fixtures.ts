/**
 * The tree and forest fixtures of test/fixtures/sk/make_sk_trees.py (scikit-learn 1.2.1) and the
 * data they were computed on.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { np, type sk, type Tensor } from "../../../../engine/src/index.js";
import { assertClose, diabetes, flat, iris, repoPath } from "../models/helpers.js";
import {
  setTreeGrowKernel,
  treeGrowKernel,
  type TreeGrowKernel,
} from "../../../../engine/src/sk/tree/grow-kernel.js";

/**
 * The tree builders the fixtures are checked with: the TypeScript builder always, and the
 * backend's (the native addon's) when one is installed; both must grow scikit-learn's trees.
 */
export const BUILDERS: { name: string; kernel: TreeGrowKernel | undefined }[] = [
  ...(treeGrowKernel() ? [{ name: "native builder", kernel: treeGrowKernel() }] : []),
  { name: "TypeScript builder", kernel: undefined },
];

/** Runs `fn` with `kernel` installed as the tree builder (undefined: TypeScript), then restores it. */
export function withBuilder<T>(kernel: TreeGrowKernel | undefined, fn: () => T): T {
  const previous = setTreeGrowKernel(kernel);
  try {
    return fn();
  } finally {
    setTreeGrowKernel(previous);
  }
}

/** A fitted tree's arrays as scikit-learn reports them. */
export interface TreeJson {
  nodeCount: number;
  maxDepth: number;
  childrenLeft: number[];
  childrenRight: number[];
  feature: number[];
  threshold: number[];
  impurity: number[];
  nNodeSamples: number[];
  weightedNNodeSamples: number[];
  value: number[][][];
}

/** One decision-tree case. */
export interface TreeCase {
  name: string;
  data: string;
  kind: "classifier" | "regressor";
  params: Record<string, unknown>;
  weighted: boolean;
  tree: TreeJson;
  predict: unknown[];
  apply: number[];
  importances: number[];
  depth: number;
  leaves: number;
  proba?: number[][] | number[][][];
  graphviz?: { options: Record<string, unknown>; dot: string };
}

/** One forest case (predictions on every 7th sample). */
export interface ForestCase {
  name: string;
  data: string;
  kind: "classifier" | "regressor";
  class: string;
  params: Record<string, unknown>;
  weighted: boolean;
  predict: unknown[];
  importances: number[];
  nodeCounts: number[];
  seeds: number[];
  firstTree: TreeJson;
  score: number;
  proba?: number[][];
  oobScore?: number;
  oob?: number[] | number[][];
}

/** The whole fixture file. */
export interface TreeFixtures {
  sklearn: string;
  synthetic: { X: number[][]; y: number[]; Y: number[][]; c: number[]; C: number[][]; w: number[] };
  quad: { X: number[][]; y: number[] };
  trees: TreeCase[];
  forests: ForestCase[];
  housing: {
    shape: number[];
    firstRow: number[];
    treeTrainRmse: number;
    treeNodeCount: number;
    treeDepth: number;
    treeImportances: number[];
    treeCv10: number[];
    forestTrainRmse: number;
    forestImportances: number[];
    forest10TrainRmse: number;
    forest10Importances: number[];
    forest10Cv3: number[];
  };
}

export const FX = JSON.parse(
  readFileSync(repoPath("test/fixtures/sk/sk_trees.json"), "utf8"),
) as TreeFixtures;

/** The named data set of a case: X, y and the synthetic weights. */
export function caseData(name: string): { X: Tensor; y: Tensor; w: Tensor } {
  const s = FX.synthetic;
  const w = np.array(s.w);
  const Xs = np.array(s.X);
  switch (name) {
    case "iris":
      return { ...iris(), w };
    case "irisPetal": {
      const d = iris();
      return { X: d.X.get(":", "2:").copy(), y: d.y, w };
    }
    case "diabetes":
      return { ...diabetes(), w };
    case "synthReg":
      return { X: Xs, y: np.array(s.y), w };
    case "synthReg2":
      return { X: Xs, y: np.array(s.Y), w };
    case "synthClf":
      return { X: Xs, y: np.array(s.c, { dtype: "int32" }), w };
    case "synthClf2":
      return { X: Xs, y: np.array(s.C, { dtype: "int32" }), w };
    case "quad":
      return { X: np.array(FX.quad.X), y: np.array(FX.quad.y), w };
    default:
      throw new Error(`unknown data ${name}`);
  }
}

/** Compares a fitted tree_ with scikit-learn's arrays: integers exactly, floats to 1e-12. */
export function assertSameTree(t: sk.Tree, e: TreeJson, what: string): void {
  assert.equal(t.nodeCount, e.nodeCount, `${what}: node count`);
  assert.equal(t.maxDepth, e.maxDepth, `${what}: max depth`);
  assert.deepEqual(flat(t.childrenLeft), e.childrenLeft, `${what}: children left`);
  assert.deepEqual(flat(t.childrenRight), e.childrenRight, `${what}: children right`);
  assert.deepEqual(flat(t.feature), e.feature, `${what}: features`);
  assert.deepEqual(flat(t.threshold), e.threshold, `${what}: thresholds`);
  assert.deepEqual(flat(t.nNodeSamples), e.nNodeSamples, `${what}: samples`);
  assertClose(t.weightedNNodeSamples, e.weightedNNodeSamples, 1e-12, 0, `${what}: weighted samples`);
  assertClose(t.impurity, e.impurity, 1e-12, 1e-12, `${what}: impurity`);
  assertClose(t.value, e.value, 1e-12, 1e-12, `${what}: value`);
}
