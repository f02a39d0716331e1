/**
 * `DecisionTreeClassifier` and `DecisionTreeRegressor`: CART trees grown as scikit-learn grows
 * them (same split search, random feature order, thresholds, node numbering), so a seeded tree
 * has scikit-learn's structure and predictions.
 */
import { Tensor } from "../../core/tensor.js";
import { ValueError } from "../../core/errors.js";
import { checkIsFitted } from "../base/estimator.js";
import { ClassifierMixin, RegressorMixin } from "../base/mixins.js";
import { registerEstimator } from "../base/registry.js";
import type { ArrayInput, Labels, TargetInput } from "../base/types.js";
import { decodeLabels, encodeTarget, labelValues } from "../internal/labels.js";
import { asTarget, tensor } from "../internal/matrix.js";
import { checkRandomState, type RandomStateLike } from "../internal/random.js";
import { TREE_LEAF } from "./builder.js";
import {
  classSampleWeight,
  float32Rows,
  sampleWeightArg,
  treeRows,
  type ClassWeight,
  type TreeHyper,
} from "./fit-input.js";
import { growTree } from "./grow.js";
import { RAND_R_MAX } from "./splitter.js";
import {
  applyTree,
  decisionPaths,
  featureImportances,
  pairwiseSum,
  publicTree,
  viewOf,
  type Rows,
  type Tree,
} from "./tree-data.js";

/** Options shared by both trees. */
export interface DecisionTreeOptions {
  /** `best` (default): the best threshold of each visited feature; `random`: one random threshold per feature. */
  splitter?: "best" | "random";
  /** Maximum depth; null (default) grows until leaves are pure or too small. */
  maxDepth?: number | null;
  /** Minimum samples to split a node: an int ≥ 2, or a fraction of the samples in (0, 1]. Default 2. */
  minSamplesSplit?: number;
  /** Minimum samples in each leaf: an int ≥ 1, or a fraction in (0, 1). Default 1. */
  minSamplesLeaf?: number;
  /** Minimum fraction of the total sample weight in each leaf, in [0, 0.5]. Default 0. */
  minWeightFractionLeaf?: number;
  /**
   * Features tried per split: an int, a fraction in (0, 1), "sqrt", "log2", "auto" (old alias:
   * "sqrt" for classifiers, all for regressors), or null for all (default).
   */
  maxFeatures?: number | "sqrt" | "log2" | "auto" | null;
  /** Seed or `np.random.RandomState` for the feature order; null uses the global generator. */
  randomState?: RandomStateLike;
  /** Grow best-first with at most this many leaves (≥ 2); null (default) for no limit. */
  maxLeafNodes?: number | null;
  /** Split only when the weighted impurity decrease is at least this. Default 0. */
  minImpurityDecrease?: number;
  /** Cost-complexity pruning; only 0 (default, no pruning) is implemented. */
  ccpAlpha?: number;
}

/** Options of {@link DecisionTreeClassifier}. */
export interface DecisionTreeClassifierOptions extends DecisionTreeOptions {
  /** `gini` (default), `entropy` or its alias `log_loss`. */
  criterion?: "gini" | "entropy" | "log_loss";
  /** Class weights: "balanced" (inverse class frequency) or `{ label: weight }`. Default null. */
  classWeight?: ClassWeight;
}

/** Options of {@link DecisionTreeRegressor}. */
export interface DecisionTreeRegressorOptions extends DecisionTreeOptions {
  /** `squared_error` (default), `friedman_mse` or `absolute_error` (slower: medians). */
  criterion?: "squared_error" | "friedman_mse" | "absolute_error";
}

/** Defaults shared by trees (the criterion differs). */
export const TREE_DEFAULTS = {
  splitter: "best",
  maxDepth: null,
  minSamplesSplit: 2,
  minSamplesLeaf: 1,
  minWeightFractionLeaf: 0,
  maxFeatures: null,
  randomState: null,
  maxLeafNodes: null,
  minImpurityDecrease: 0,
  ccpAlpha: 0,
};

/** Encoded classification targets: codes per output and the classes of each output. */
export interface ClassTargets {
  codes: Int32Array;
  classes: Labels[];
  nClasses: Int32Array;
  multi: boolean;
}

function checkDiscrete(y: TargetInput): void {
  if (y instanceof Tensor && (y.dtype === "float64" || y.dtype === "float32")) {
    for (const v of y.dataSync()) {
      if (!Number.isInteger(v))
        throw new ValueError(
          `Unknown label type: 'continuous' (found the value ${v}). A classifier needs class labels; use a regressor for continuous targets, or convert y to integers or strings.`,
        );
    }
  }
}

/** Encodes classification targets (1-D labels, or a 2-D tensor with one column per output). */
export function encodeClassTargets(y: TargetInput, n: number): ClassTargets {
  checkDiscrete(y);
  if (y instanceof Tensor && y.ndim === 2 && y.shape[1] > 1) {
    const nOut = y.shape[1];
    if (y.shape[0] !== n)
      throw new ValueError(
        `Found input variables with inconsistent numbers of samples: [${n}, ${y.shape[0]}]`,
      );
    const codes = new Int32Array(n * nOut);
    const classes: Labels[] = [];
    for (let k = 0; k < nOut; k++) {
      const e = encodeTarget(y.get(":", k).copy(), n);
      for (let i = 0; i < n; i++) codes[i * nOut + k] = e.codes[i];
      classes.push(e.classes);
    }
    return { codes, classes, nClasses: Int32Array.from(classes, (c) => labelValues(c).length), multi: true };
  }
  const e = encodeTarget(y, n);
  return {
    codes: e.codes,
    classes: [e.classes],
    nClasses: Int32Array.of(labelValues(e.classes).length),
    multi: false,
  };
}

/** Per output, the normalised class probabilities of each row (`rows × nClasses[k]`). */
export function treeProba(tree: Tree, X: Rows, leaves?: Int32Array): Float64Array[] {
  const v = viewOf(tree);
  const leaf = leaves ?? applyTree(v, X);
  const n = leaf.length;
  const maxNc = tree.value.shape[2];
  return tree.nClasses.map((nc, k) => {
    const out = new Float64Array(n * nc);
    for (let i = 0; i < n; i++) {
      const o = leaf[i] * v.stride + k * maxNc;
      for (let c = 0; c < nc; c++) out[i * nc + c] = v.value[o + c];
      let s = pairwiseSum(out, i * nc, nc);
      if (s === 0) s = 1;
      for (let c = 0; c < nc; c++) out[i * nc + c] /= s;
    }
    return out;
  });
}

/** Each row's prediction (`rows × nOutputs`) from a regression tree. */
export function treeValues(tree: Tree, X: Rows): Float64Array {
  const v = viewOf(tree);
  const leaf = applyTree(v, X);
  const nOut = tree.nOutputs;
  const out = new Float64Array(leaf.length * nOut);
  for (let i = 0; i < leaf.length; i++)
    for (let k = 0; k < nOut; k++) out[i * nOut + k] = v.value[leaf[i] * v.stride + k];
  return out;
}

/** Index of the first largest value of `a[o, o + n)`. */
export function argmax(a: Float64Array, o: number, n: number): number {
  let best = 0;
  for (let c = 1; c < n; c++) if (a[o + c] > a[o + best]) best = c;
  return best;
}

/** Labels from per-output class indices (rows × nOutputs): 1-D labels or a 2-D tensor. */
export function labelsFromCodes(classes: Labels[], codes: Int32Array[], n: number, multi: boolean): Labels {
  if (!multi) return decodeLabels(classes[0], codes[0]);
  const nOut = classes.length;
  const vals = classes.map((c) => labelValues(c));
  if (vals.some((v) => v.some((x) => typeof x === "string")))
    throw new ValueError("string labels are supported for 1-D targets only");
  const out = new Float64Array(n * nOut);
  for (let i = 0; i < n; i++) for (let k = 0; k < nOut; k++) out[i * nOut + k] = Number(vals[k][codes[k][i]]);
  return tensor(out, [n, nOut]);
}

/** What both tree estimators share (a mixin by composition: TypeScript has single inheritance). */
interface TreeHost extends TreeHyper {
  tree_?: Tree;
  nFeaturesIn_?: number;
}

function hostTree(est: (TreeHost & ClassifierMixin) | (TreeHost & RegressorMixin)): Tree {
  checkIsFitted(est, "tree_");
  return est.tree_ as Tree;
}

function leavesTensor(tree: Tree, X: Rows): Tensor {
  return Tensor.fromTypedArray(applyTree(viewOf(tree), X), [X.rows], "int32");
}

function pathTensor(tree: Tree, X: Rows): Tensor {
  const { rows, nodes } = decisionPaths(viewOf(tree), X);
  const out = new Int32Array(X.rows * tree.nodeCount);
  for (let k = 0; k < rows.length; k++) out[rows[k] * tree.nodeCount + nodes[k]] = 1;
  return Tensor.fromTypedArray(out, [X.rows, tree.nodeCount], "int32");
}

function leafCount(tree: Tree): number {
  let n = 0;
  for (const l of viewOf(tree).left) if (l === TREE_LEAF) n++;
  return n;
}

/**
 * A classification tree (CART).
 *
 * @example
 * ```ts
 * const tree = new sk.DecisionTreeClassifier({ maxDepth: 2, randomState: 42 }).fit(X, y);
 * tree.predictProba([[5, 1.5]]); // array([[0.        , 0.90740741, 0.09259259]])
 * ```
 */
export class DecisionTreeClassifier extends ClassifierMixin implements TreeHost {
  static defaults: Record<string, unknown> = { ...TREE_DEFAULTS, criterion: "gini", classWeight: null };
  declare criterion: string;
  declare splitter: string;
  declare maxDepth: number | null;
  declare minSamplesSplit: number;
  declare minSamplesLeaf: number;
  declare minWeightFractionLeaf: number;
  declare maxFeatures: number | string | null;
  declare randomState: RandomStateLike;
  declare maxLeafNodes: number | null;
  declare minImpurityDecrease: number;
  declare classWeight: ClassWeight;
  declare ccpAlpha: number;
  /** The fitted tree's arrays. */
  tree_?: Tree;
  /** Class labels (one list per output for a 2-D target). */
  classes_?: Labels | Labels[];
  /** Number of classes (per output for a 2-D target). */
  nClasses_?: number | number[];
  /** Number of outputs (columns of y). */
  nOutputs_?: number;
  /** The resolved number of features tried per split. */
  maxFeatures_?: number;

  constructor(options: DecisionTreeClassifierOptions = {}) {
    super(options);
  }

  /** @internal Reads X (float32 semantics, no float64 copy of integer or float32 tensors). */
  rows(X: ArrayInput, reset = false): Rows {
    return treeRows(
      X,
      reset,
      (x, r) => this.validateData(x, { reset: r }),
      (m, r) => this.checkFeatures(m, undefined, r),
      "DecisionTreeClassifier",
    );
  }

  /**
   * Grows the tree. The third argument is optional sample weights, or `{ sampleWeight }`.
   *
   * @example
   * ```ts
   * new sk.DecisionTreeClassifier({ randomState: 42 }).fit(X, y, { sampleWeight: w });
   * ```
   */
  fit(
    X: ArrayInput,
    y: TargetInput,
    sampleWeight?: ArrayInput | { sampleWeight?: ArrayInput | null } | null,
  ): this {
    const rows = this.rows(X, true);
    const t = encodeClassTargets(y, rows.rows);
    let sw = sampleWeightArg(sampleWeight, rows.rows);
    if (this.classWeight) {
      const cw = classSampleWeight(this.classWeight, t.codes, t.classes);
      if (sw) for (let i = 0; i < sw.length; i++) sw[i] *= cw[i];
      else sw = cw;
    }
    const seed = checkRandomState(this.randomState).randint(0, RAND_R_MAX);
    const nOutputs = t.classes.length;
    const grown = growTree(
      {
        X: float32Rows(rows),
        rows: rows.rows,
        cols: rows.cols,
        nOutputs,
        codes: t.codes,
        nClasses: t.nClasses,
      },
      this,
      "DecisionTreeClassifier",
      sw,
      seed,
    );
    this.nOutputs_ = nOutputs;
    this.classes_ = t.multi ? t.classes : t.classes[0];
    this.nClasses_ = t.multi ? Array.from(t.nClasses) : t.nClasses[0];
    this.maxFeatures_ = grown.maxFeatures;
    this.tree_ = publicTree(grown.arrays, rows.cols, nOutputs, Array.from(t.nClasses));
    return this;
  }

  private classesList(): Labels[] {
    return this.nOutputs_ === 1 ? [this.classes_ as Labels] : (this.classes_ as Labels[]);
  }

  /**
   * Class probabilities: the weighted class shares of each sample's leaf (one tensor per output
   * for a 2-D target).
   */
  predictProba(X: ArrayInput): Tensor | Tensor[] {
    const tree = hostTree(this);
    const rows = this.rows(X);
    const out = treeProba(tree, rows).map((p, k) => tensor(p, [rows.rows, tree.nClasses[k]]));
    return this.nOutputs_ === 1 ? out[0] : out;
  }

  /** Logarithm of `predictProba` (−Infinity for zero probabilities). */
  predictLogProba(X: ArrayInput): Tensor | Tensor[] {
    const p = this.predictProba(X);
    const lg = (t: Tensor): Tensor => tensor(Float64Array.from(t.dataSync(), Math.log), t.shape);
    return Array.isArray(p) ? p.map(lg) : lg(p);
  }

  /** The majority class of each sample's leaf: 1-D labels, or `(n, nOutputs)` for a 2-D target. */
  predict(X: ArrayInput): Labels {
    const tree = hostTree(this);
    const rows = this.rows(X);
    const v = viewOf(tree);
    const leaf = applyTree(v, rows);
    const maxNc = tree.value.shape[2];
    const codes = tree.nClasses.map((nc, k) => {
      const c = new Int32Array(rows.rows);
      for (let i = 0; i < rows.rows; i++) c[i] = argmax(v.value, leaf[i] * v.stride + k * maxNc, nc);
      return c;
    });
    return labelsFromCodes(this.classesList(), codes, rows.rows, this.nOutputs_ !== 1);
  }

  /** Index of the leaf each sample lands in (int32). */
  apply(X: ArrayInput): Tensor {
    return leavesTensor(hostTree(this), this.rows(X));
  }

  /** Node indicator `(n, nodeCount)`: 1 where the sample's path passes (dense int32, not sparse). */
  decisionPath(X: ArrayInput): Tensor {
    return pathTensor(hostTree(this), this.rows(X));
  }

  /** Depth of the tree (the root alone is depth 0). */
  getDepth(): number {
    return hostTree(this).maxDepth;
  }

  /** Number of leaves. */
  getNLeaves(): number {
    return leafCount(hostTree(this));
  }

  /** Impurity-based (Gini) importance of each feature, summing to 1. */
  get featureImportances_(): Tensor {
    const tree = hostTree(this);
    return tensor(featureImportances(viewOf(tree), tree.nFeatures), [tree.nFeatures]);
  }
}

/**
 * A regression tree (CART): each leaf predicts the mean target of its training samples.
 *
 * @example
 * ```ts
 * const tree = new sk.DecisionTreeRegressor({ maxDepth: 2, randomState: 42 }).fit(X, y);
 * tree.predict([[0.6]]);
 * ```
 */
export class DecisionTreeRegressor extends RegressorMixin implements TreeHost {
  static defaults: Record<string, unknown> = { ...TREE_DEFAULTS, criterion: "squared_error" };
  declare criterion: string;
  declare splitter: string;
  declare maxDepth: number | null;
  declare minSamplesSplit: number;
  declare minSamplesLeaf: number;
  declare minWeightFractionLeaf: number;
  declare maxFeatures: number | string | null;
  declare randomState: RandomStateLike;
  declare maxLeafNodes: number | null;
  declare minImpurityDecrease: number;
  declare ccpAlpha: number;
  /** The fitted tree's arrays. */
  tree_?: Tree;
  /** Number of outputs (columns of y). */
  nOutputs_?: number;
  /** The resolved number of features tried per split. */
  maxFeatures_?: number;
  /** @internal Whether y was 1-D (predictions are then 1-D). */
  is1d_?: boolean;

  constructor(options: DecisionTreeRegressorOptions = {}) {
    super(options);
  }

  /** @internal Reads X (float32 semantics). */
  rows(X: ArrayInput, reset = false): Rows {
    return treeRows(
      X,
      reset,
      (x, r) => this.validateData(x, { reset: r }),
      (m, r) => this.checkFeatures(m, undefined, r),
      "DecisionTreeRegressor",
    );
  }

  /** Grows the tree; the third argument is optional sample weights, or `{ sampleWeight }`. */
  fit(
    X: ArrayInput,
    y: TargetInput,
    sampleWeight?: ArrayInput | { sampleWeight?: ArrayInput | null } | null,
  ): this {
    const rows = this.rows(X, true);
    const t = asTarget(y, rows.rows, { estimator: "DecisionTreeRegressor" });
    const sw = sampleWeightArg(sampleWeight, rows.rows);
    const seed = checkRandomState(this.randomState).randint(0, RAND_R_MAX);
    const grown = growTree(
      { X: float32Rows(rows), rows: rows.rows, cols: rows.cols, nOutputs: t.cols, y: t.data },
      this,
      "DecisionTreeRegressor",
      sw,
      seed,
    );
    this.nOutputs_ = t.cols;
    this.maxFeatures_ = grown.maxFeatures;
    this.tree_ = publicTree(grown.arrays, rows.cols, t.cols, new Array<number>(t.cols).fill(1));
    this.is1d_ = t.is1d;
    return this;
  }

  /** The mean target of each sample's leaf: `(n,)`, or `(n, nOutputs)` for a 2-D target. */
  predict(X: ArrayInput): Tensor {
    const tree = hostTree(this);
    const rows = this.rows(X);
    const out = treeValues(tree, rows);
    const is1d = this.is1d_ ?? tree.nOutputs === 1;
    return tensor(out, is1d ? [rows.rows] : [rows.rows, tree.nOutputs]);
  }

  /** Index of the leaf each sample lands in (int32). */
  apply(X: ArrayInput): Tensor {
    return leavesTensor(hostTree(this), this.rows(X));
  }

  /** Node indicator `(n, nodeCount)` (dense int32). */
  decisionPath(X: ArrayInput): Tensor {
    return pathTensor(hostTree(this), this.rows(X));
  }

  /** Depth of the tree. */
  getDepth(): number {
    return hostTree(this).maxDepth;
  }

  /** Number of leaves. */
  getNLeaves(): number {
    return leafCount(hostTree(this));
  }

  /** Impurity-based importance of each feature (variance reduction), summing to 1. */
  get featureImportances_(): Tensor {
    const tree = hostTree(this);
    return tensor(featureImportances(viewOf(tree), tree.nFeatures), [tree.nFeatures]);
  }
}

registerEstimator(DecisionTreeClassifier);
registerEstimator(DecisionTreeRegressor);
