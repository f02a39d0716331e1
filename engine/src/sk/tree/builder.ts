/**
 * Growing a tree: depth first (the default; nodes numbered in pre-order, left child first) or best
 * first when `maxLeafNodes` is set (the leaf with the largest impurity decrease is split next,
 * from a max-heap ordered like the C++ standard library's `push_heap`/`pop_heap`, so that ties
 * resolve as in scikit-learn). Node arrays follow scikit-learn's conventions: children -1 at
 * leaves, feature -2 and threshold -2 at leaves.
 */
import type { NativeTree } from "@tensorbook/native";
import type { Splitter } from "./splitter.js";

/** `childrenLeft`/`childrenRight` of a leaf. */
export const TREE_LEAF = -1;
/** `feature`/`threshold` of a leaf. */
export const TREE_UNDEFINED = -2;
const EPSILON = 2.220446049250313e-16;
const INT32_MAX = 2147483647;

/** Stopping rules of the builder (already resolved to numbers). */
export interface BuildParams {
  maxDepth: number;
  minSamplesSplit: number;
  minSamplesLeaf: number;
  minWeightLeaf: number;
  minImpurityDecrease: number;
  /** -1 for unlimited (depth-first growth). */
  maxLeafNodes: number;
}

/**
 * The node arrays of a grown tree (plain typed arrays, trimmed to `nodeCount`), as the native
 * builder returns them too; `value` holds `valueStride` numbers per node: outputs × classes (1
 * class for regression).
 */
export interface TreeArrays extends NativeTree {
  valueStride: number;
}

/** Growable node storage. */
class NodeStore {
  nodeCount = 0;
  private cap = 0;
  left = new Int32Array(0);
  right = new Int32Array(0);
  feature = new Int32Array(0);
  threshold = new Float64Array(0);
  impurity = new Float64Array(0);
  nNodeSamples = new Int32Array(0);
  weighted = new Float64Array(0);
  value = new Float64Array(0);

  constructor(readonly valueStride: number) {
    this.grow(15);
  }

  private grow(cap: number): void {
    const g = <T extends Int32Array | Float64Array>(a: T, n: number): T => {
      const b = new (a.constructor as new (n: number) => T)(n);
      b.set(a);
      return b;
    };
    this.left = g(this.left, cap);
    this.right = g(this.right, cap);
    this.feature = g(this.feature, cap);
    this.threshold = g(this.threshold, cap);
    this.impurity = g(this.impurity, cap);
    this.nNodeSamples = g(this.nNodeSamples, cap);
    this.weighted = g(this.weighted, cap);
    this.value = g(this.value, cap * this.valueStride);
    this.cap = cap;
  }

  add(
    parent: number,
    isLeft: boolean,
    isLeaf: boolean,
    feature: number,
    threshold: number,
    impurity: number,
    n: number,
    wn: number,
  ): number {
    const id = this.nodeCount;
    if (id >= this.cap) this.grow(this.cap * 2 + 1);
    this.impurity[id] = impurity;
    this.nNodeSamples[id] = n;
    this.weighted[id] = wn;
    if (parent !== TREE_UNDEFINED) {
      if (isLeft) this.left[parent] = id;
      else this.right[parent] = id;
    }
    if (isLeaf) {
      this.left[id] = TREE_LEAF;
      this.right[id] = TREE_LEAF;
      this.feature[id] = TREE_UNDEFINED;
      this.threshold[id] = TREE_UNDEFINED;
    } else {
      this.feature[id] = feature;
      this.threshold[id] = threshold;
    }
    this.nodeCount++;
    return id;
  }

  finish(maxDepth: number): TreeArrays {
    const n = this.nodeCount;
    return {
      nodeCount: n,
      maxDepth,
      left: this.left.slice(0, n),
      right: this.right.slice(0, n),
      feature: this.feature.slice(0, n),
      threshold: this.threshold.slice(0, n),
      impurity: this.impurity.slice(0, n),
      nNodeSamples: this.nNodeSamples.slice(0, n),
      weighted: this.weighted.slice(0, n),
      value: this.value.slice(0, n * this.valueStride),
      valueStride: this.valueStride,
    };
  }
}

/** Grows a tree with the splitter's data; returns its arrays. */
export function buildTree(splitter: Splitter, p: BuildParams, valueStride: number): TreeArrays {
  const store = new NodeStore(valueStride);
  const maxDepth = p.maxDepth < 0 ? INT32_MAX : p.maxDepth;
  const depth =
    p.maxLeafNodes < 0 ? depthFirst(splitter, store, p, maxDepth) : bestFirst(splitter, store, p, maxDepth);
  return store.finish(depth);
}

function depthFirst(splitter: Splitter, store: NodeStore, p: BuildParams, maxDepth: number): number {
  const crit = splitter.criterion;
  const split = splitter.split;
  // Stack records: start, end, depth, parent, isLeft, impurity, nConstantFeatures.
  const stack: number[] = [0, splitter.nSamples, 0, TREE_UNDEFINED, 0, Infinity, 0];
  let first = true;
  let maxDepthSeen = -1;
  while (stack.length > 0) {
    const nConst = stack.pop() as number;
    let impurity = stack.pop() as number;
    const isLeft = stack.pop() === 1;
    const parent = stack.pop() as number;
    const depth = stack.pop() as number;
    const end = stack.pop() as number;
    const start = stack.pop() as number;
    const n = end - start;
    const wn = splitter.nodeReset(start, end);
    let isLeaf =
      depth >= maxDepth || n < p.minSamplesSplit || n < 2 * p.minSamplesLeaf || wn < 2 * p.minWeightLeaf;
    if (first) {
      impurity = crit.nodeImpurity();
      first = false;
    }
    isLeaf = isLeaf || impurity <= EPSILON;
    let childConst = nConst;
    if (!isLeaf) {
      splitter.nodeSplit(impurity, nConst);
      childConst = splitter.nConstantFeatures;
      isLeaf = split.pos >= end || split.improvement + EPSILON < p.minImpurityDecrease;
    }
    const id = store.add(parent, isLeft, isLeaf, split.feature, split.threshold, impurity, n, wn);
    crit.nodeValue(store.value, id * store.valueStride);
    if (!isLeaf) {
      stack.push(split.pos, end, depth + 1, id, 0, split.impurityRight, childConst);
      stack.push(start, split.pos, depth + 1, id, 1, split.impurityLeft, childConst);
    }
    if (depth > maxDepthSeen) maxDepthSeen = depth;
  }
  return maxDepthSeen;
}

interface Frontier {
  nodeId: number;
  start: number;
  end: number;
  pos: number;
  depth: number;
  isLeaf: boolean;
  impurity: number;
  impurityLeft: number;
  impurityRight: number;
  improvement: number;
}

// A max-heap on `improvement` with the C++ standard library's sift order.
function pushHeap(h: Frontier[], value: Frontier): void {
  h.push(value);
  siftUp(h, h.length - 1, 0, value);
}

function siftUp(h: Frontier[], hole: number, top: number, value: Frontier): void {
  let parent = Math.floor((hole - 1) / 2);
  while (hole > top && h[parent].improvement < value.improvement) {
    h[hole] = h[parent];
    hole = parent;
    parent = Math.floor((hole - 1) / 2);
  }
  h[hole] = value;
}

function popHeap(h: Frontier[]): Frontier {
  const len = h.length;
  const top = h[0];
  const value = h[len - 1];
  h[len - 1] = top;
  const n = len - 1;
  let hole = 0;
  let second = 0;
  while (second < Math.floor((n - 1) / 2)) {
    second = 2 * (second + 1);
    if (h[second].improvement < h[second - 1].improvement) second--;
    h[hole] = h[second];
    hole = second;
  }
  if ((n & 1) === 0 && second === Math.floor((n - 2) / 2)) {
    second = 2 * (second + 1);
    h[hole] = h[second - 1];
    hole = second - 1;
  }
  siftUp(h, hole, 0, value);
  h.pop();
  return top;
}

function bestFirst(splitter: Splitter, store: NodeStore, p: BuildParams, maxDepth: number): number {
  const crit = splitter.criterion;
  const split = splitter.split;
  const addSplitNode = (
    start: number,
    end: number,
    impurity: number,
    isFirst: boolean,
    isLeft: boolean,
    parent: number,
    depth: number,
  ): Frontier => {
    const n = end - start;
    const wn = splitter.nodeReset(start, end);
    if (isFirst) impurity = crit.nodeImpurity();
    let isLeaf =
      depth >= maxDepth ||
      n < p.minSamplesSplit ||
      n < 2 * p.minSamplesLeaf ||
      wn < 2 * p.minWeightLeaf ||
      impurity <= EPSILON;
    if (!isLeaf) {
      splitter.nodeSplit(impurity, 0);
      isLeaf = split.pos >= end || split.improvement + EPSILON < p.minImpurityDecrease;
    }
    const id = store.add(parent, isLeft, isLeaf, split.feature, split.threshold, impurity, n, wn);
    crit.nodeValue(store.value, id * store.valueStride);
    return isLeaf
      ? {
          nodeId: id,
          start,
          end,
          pos: end,
          depth,
          isLeaf: true,
          impurity,
          impurityLeft: impurity,
          impurityRight: impurity,
          improvement: 0,
        }
      : {
          nodeId: id,
          start,
          end,
          pos: split.pos,
          depth,
          isLeaf: false,
          impurity,
          impurityLeft: split.impurityLeft,
          impurityRight: split.impurityRight,
          improvement: split.improvement,
        };
  };

  let maxSplitNodes = p.maxLeafNodes - 1;
  let maxDepthSeen = -1;
  const heap: Frontier[] = [];
  pushHeap(heap, addSplitNode(0, splitter.nSamples, Infinity, true, true, TREE_UNDEFINED, 0));
  while (heap.length > 0) {
    const r = popHeap(heap);
    const id = r.nodeId;
    if (r.isLeaf || maxSplitNodes <= 0) {
      store.left[id] = TREE_LEAF;
      store.right[id] = TREE_LEAF;
      store.feature[id] = TREE_UNDEFINED;
      store.threshold[id] = TREE_UNDEFINED;
    } else {
      maxSplitNodes--;
      const l = addSplitNode(r.start, r.pos, r.impurityLeft, false, true, id, r.depth + 1);
      const rr = addSplitNode(r.pos, r.end, r.impurityRight, false, false, id, r.depth + 1);
      pushHeap(heap, l);
      pushHeap(heap, rr);
    }
    if (r.depth > maxDepthSeen) maxDepthSeen = r.depth;
  }
  return maxDepthSeen;
}
