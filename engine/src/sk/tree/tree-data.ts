/**
 * A fitted tree's public form (`tree_`, scikit-learn's `Tree` arrays as tensors) and the
 * computations on it: the leaf reached by each sample, decision paths, impurity-based feature
 * importances. Samples are compared in float32, as scikit-learn casts X before predicting.
 */
import { Tensor } from "../../core/tensor.js";
import { readHost } from "../../core/host.js";
import type { TypedArray } from "../../core/dtype.js";
import { TREE_LEAF, type TreeArrays } from "./builder.js";

/**
 * The arrays of a fitted tree, with scikit-learn's names in camelCase. Node 0 is the root;
 * `childrenLeft[i]`/`childrenRight[i]` are -1 at leaves, where `feature` and `threshold` are -2.
 * A sample goes left when `X[feature] <= threshold`. `value` is `[nodeCount, nOutputs,
 * maxNClasses]`: weighted class counts for classifiers, the mean (median for `absolute_error`)
 * target for regressors.
 */
export interface Tree {
  nodeCount: number;
  /** Depth of the deepest leaf (the root alone has depth 0). */
  maxDepth: number;
  nFeatures: number;
  nOutputs: number;
  /** Classes per output (1 per output for regression). */
  nClasses: number[];
  childrenLeft: Tensor;
  childrenRight: Tensor;
  feature: Tensor;
  threshold: Tensor;
  impurity: Tensor;
  nNodeSamples: Tensor;
  weightedNNodeSamples: Tensor;
  value: Tensor;
}

/** The raw arrays behind a tree (no copies). */
export interface TreeView {
  left: Int32Array;
  right: Int32Array;
  feature: Int32Array;
  threshold: Float64Array;
  impurity: Float64Array;
  weighted: Float64Array;
  value: Float64Array;
  stride: number;
  nodeCount: number;
}

/** Builds the public tree from the builder's arrays. */
export function publicTree(a: TreeArrays, nFeatures: number, nOutputs: number, nClasses: number[]): Tree {
  const n = a.nodeCount;
  const t = (d: Int32Array | Float64Array, shape: number[]): Tensor =>
    Tensor.fromTypedArray(d, shape, d instanceof Int32Array ? "int32" : "float64");
  return {
    nodeCount: n,
    maxDepth: a.maxDepth,
    nFeatures,
    nOutputs,
    nClasses: [...nClasses],
    childrenLeft: t(a.left, [n]),
    childrenRight: t(a.right, [n]),
    feature: t(a.feature, [n]),
    threshold: t(a.threshold, [n]),
    impurity: t(a.impurity, [n]),
    nNodeSamples: t(a.nNodeSamples, [n]),
    weightedNNodeSamples: t(a.weighted, [n]),
    value: t(a.value, [n, nOutputs, a.valueStride / nOutputs]),
  };
}

/** The typed arrays of a public tree. */
export function viewOf(tree: Tree): TreeView {
  return {
    left: readHost(tree.childrenLeft) as Int32Array,
    right: readHost(tree.childrenRight) as Int32Array,
    feature: readHost(tree.feature) as Int32Array,
    threshold: readHost(tree.threshold) as Float64Array,
    impurity: readHost(tree.impurity) as Float64Array,
    weighted: readHost(tree.weightedNNodeSamples) as Float64Array,
    value: readHost(tree.value) as Float64Array,
    stride: tree.value.shape[1] * tree.value.shape[2],
    nodeCount: tree.nodeCount,
  };
}

/** Row-major samples: `rows × cols` values of any numeric typed array. */
export interface Rows {
  data: TypedArray;
  rows: number;
  cols: number;
}

/** The leaf index reached by each row. */
export function applyTree(v: TreeView, X: Rows): Int32Array {
  const out = new Int32Array(X.rows);
  const { left, right, feature, threshold } = v;
  const d = X.data;
  const m = X.cols;
  for (let i = 0; i < X.rows; i++) {
    let node = 0;
    const o = i * m;
    while (left[node] !== TREE_LEAF) {
      node = Math.fround(d[o + feature[node]]) <= threshold[node] ? left[node] : right[node];
    }
    out[i] = node;
  }
  return out;
}

/** Each row's root-to-leaf path, as (row, node) pairs in path order. */
export function decisionPaths(v: TreeView, X: Rows): { rows: Int32Array; nodes: Int32Array } {
  const rows: number[] = [];
  const nodes: number[] = [];
  const { left, right, feature, threshold } = v;
  for (let i = 0; i < X.rows; i++) {
    let node = 0;
    const o = i * X.cols;
    for (;;) {
      rows.push(i);
      nodes.push(node);
      if (left[node] === TREE_LEAF) break;
      node = Math.fround(X.data[o + feature[node]]) <= threshold[node] ? left[node] : right[node];
    }
  }
  return { rows: Int32Array.from(rows), nodes: Int32Array.from(nodes) };
}

/** NumPy's pairwise summation of a float64 array (so normalisations round as NumPy's do). */
export function pairwiseSum(a: Float64Array, i0 = 0, n = a.length): number {
  if (n < 8) {
    let r = 0;
    for (let i = i0; i < i0 + n; i++) r += a[i];
    return r;
  }
  if (n <= 128) {
    let r0 = a[i0];
    let r1 = a[i0 + 1];
    let r2 = a[i0 + 2];
    let r3 = a[i0 + 3];
    let r4 = a[i0 + 4];
    let r5 = a[i0 + 5];
    let r6 = a[i0 + 6];
    let r7 = a[i0 + 7];
    const end = i0 + n - (n % 8);
    let i = i0 + 8;
    for (; i < end; i += 8) {
      r0 += a[i];
      r1 += a[i + 1];
      r2 += a[i + 2];
      r3 += a[i + 3];
      r4 += a[i + 4];
      r5 += a[i + 5];
      r6 += a[i + 6];
      r7 += a[i + 7];
    }
    let r = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
    for (; i < i0 + n; i++) r += a[i];
    return r;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return pairwiseSum(a, i0, n2) + pairwiseSum(a, i0 + n2, n - n2);
}

/** Impurity-based importances: each split's weighted impurity decrease, per feature, summing to 1. */
export function featureImportances(v: TreeView, nFeatures: number, normalize = true): Float64Array {
  const imp = new Float64Array(nFeatures);
  const { left, right, feature, weighted, impurity } = v;
  for (let i = 0; i < v.nodeCount; i++) {
    const l = left[i];
    if (l === TREE_LEAF) continue;
    const r = right[i];
    imp[feature[i]] += weighted[i] * impurity[i] - weighted[l] * impurity[l] - weighted[r] * impurity[r];
  }
  const root = weighted[0];
  for (let f = 0; f < nFeatures; f++) imp[f] /= root;
  if (normalize) {
    const s = pairwiseSum(imp);
    if (s > 0) for (let f = 0; f < nFeatures; f++) imp[f] /= s;
  }
  return imp;
}
