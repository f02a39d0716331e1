/**
 * The forest estimators' shared bases: a classifier (averaged class probabilities) and a
 * regressor (averaged predictions), each holding its trees as fitted `DecisionTree*` estimators.
 */
import { Tensor } from "../../core/tensor.js";
import { ValueError } from "../../core/errors.js";
import { checkIsFitted } from "../base/estimator.js";
import { ClassifierMixin, RegressorMixin } from "../base/mixins.js";
import type { ArrayInput, Labels, TargetInput } from "../base/types.js";
import { asTarget, tensor } from "../internal/matrix.js";
import type { RandomStateLike } from "../internal/random.js";
import { r2Score } from "../metrics/regression.js";
import {
  DecisionTreeClassifier,
  DecisionTreeRegressor,
  argmax,
  encodeClassTargets,
  labelsFromCodes,
  treeProba,
  treeValues,
} from "../tree/decision-tree.js";
import {
  classSampleWeight,
  float32Rows,
  sampleWeightArg,
  treeRows,
  type ClassWeight,
} from "../tree/fit-input.js";
import type { Rows } from "../tree/tree-data.js";
import {
  averageOob,
  bootstrapSize,
  forestImportances,
  growForest,
  outOfBag,
  type ForestHost,
} from "./forest.js";

type SampleWeightArg = ArrayInput | { sampleWeight?: ArrayInput | null } | null;

const TREE_KEYS = [
  "criterion",
  "maxDepth",
  "minSamplesSplit",
  "minSamplesLeaf",
  "minWeightFractionLeaf",
  "maxFeatures",
  "maxLeafNodes",
  "minImpurityDecrease",
  "ccpAlpha",
] as const;

function treeOptions(h: ForestHost, splitter: string, seed: number): Record<string, unknown> {
  const o: Record<string, unknown> = { splitter, randomState: seed };
  for (const k of TREE_KEYS) o[k] = h[k];
  return o;
}

/** Base of the forest classifiers. */
export abstract class ForestClassifier extends ClassifierMixin implements ForestHost {
  declare nEstimators: number;
  declare criterion: string;
  declare maxDepth: number | null;
  declare minSamplesSplit: number;
  declare minSamplesLeaf: number;
  declare minWeightFractionLeaf: number;
  declare maxFeatures: number | string | null;
  declare maxLeafNodes: number | null;
  declare minImpurityDecrease: number;
  declare bootstrap: boolean;
  declare oobScore: boolean;
  declare nJobs: number | null;
  declare randomState: RandomStateLike;
  declare verbose: number;
  declare warmStart: boolean;
  declare classWeight: ClassWeight | "balanced_subsample";
  declare ccpAlpha: number;
  declare maxSamples: number | null;
  /** The fitted trees, in order. */
  estimators_?: DecisionTreeClassifier[];
  /** Class labels (one list per output for a 2-D target). */
  classes_?: Labels | Labels[];
  /** Number of classes (per output for a 2-D target). */
  nClasses_?: number | number[];
  /** Number of outputs. */
  nOutputs_?: number;
  /** Out-of-bag accuracy (with `oobScore`). */
  oobScore_?: number;
  /** Out-of-bag class probabilities of each training sample (with `oobScore`). */
  oobDecisionFunction_?: Tensor;
  /** @internal "best" (random forests) or "random" (extra trees). */
  protected abstract readonly splitterKind: "best" | "random";

  /** @internal Reads X (float32 semantics, no float64 copy of integer tensors). */
  rows(X: ArrayInput, reset = false): Rows {
    return treeRows(
      X,
      reset,
      (x, r) => this.validateData(x, { reset: r }),
      (m, r) => this.checkFeatures(m, undefined, r),
      this.constructor.name,
    );
  }

  /**
   * Grows the trees (one after the other). The third argument is optional sample weights, or
   * `{ sampleWeight }`.
   *
   * @example
   * ```ts
   * new sk.RandomForestClassifier({ nEstimators: 100, randomState: 42 }).fit(Xtrain, yTrain);
   * ```
   */
  fit(X: ArrayInput, y: TargetInput, sampleWeight?: SampleWeightArg): this {
    const owner = this.constructor.name;
    const rows = this.rows(X, true);
    const n = rows.rows;
    const t = encodeClassTargets(y, n);
    let sw = sampleWeightArg(sampleWeight, n);
    const cwOpt = this.classWeight;
    if (cwOpt !== null && cwOpt !== undefined && (cwOpt !== "balanced_subsample" || !this.bootstrap)) {
      const cw = classSampleWeight(cwOpt === "balanced_subsample" ? "balanced" : cwOpt, t.codes, t.classes);
      if (sw) for (let i = 0; i < n; i++) sw[i] *= cw[i];
      else sw = cw;
    }
    if (this.warmStart && this.estimators_ && this.nOutputs_ !== t.classes.length)
      throw new ValueError("warmStart needs the same targets as the previous fit");
    const previous = this.warmStart && this.estimators_ ? this.estimators_ : [];
    const nOutputs = t.classes.length;
    const data = {
      X: float32Rows(rows),
      rows: n,
      cols: rows.cols,
      nOutputs,
      codes: t.codes,
      nClasses: t.nClasses,
    };
    const grown = growForest(this, {
      owner,
      data,
      sw,
      classes: t.classes,
      nPrevious: previous.length,
      splitter: this.splitterKind,
    });
    const trees = grown.map((g) => {
      const est = new DecisionTreeClassifier(treeOptions(this, this.splitterKind, g.seed));
      const codeClasses = Array.from(t.nClasses, (nc) =>
        tensor(
          Float64Array.from({ length: nc }, (_, c) => c),
          [nc],
        ),
      );
      est.tree_ = g.tree;
      est.nFeaturesIn_ = rows.cols;
      est.nOutputs_ = nOutputs;
      est.classes_ = nOutputs === 1 ? codeClasses[0] : codeClasses;
      est.nClasses_ = nOutputs === 1 ? t.nClasses[0] : Array.from(t.nClasses);
      est.maxFeatures_ = g.maxFeatures;
      return est;
    });
    this.estimators_ = [...previous, ...trees];
    this.nOutputs_ = nOutputs;
    this.classes_ = nOutputs === 1 ? t.classes[0] : t.classes;
    this.nClasses_ = nOutputs === 1 ? t.nClasses[0] : Array.from(t.nClasses);
    delete this.oobScore_;
    delete this.oobDecisionFunction_;
    if (this.oobScore) {
      if (nOutputs !== 1)
        throw new ValueError("oobScore is supported for one output (1-D y) only; got a 2-D target.");
      const nc = t.nClasses[0];
      const nBoot = bootstrapSize(n, this.maxSamples);
      const sum = new Float64Array(n * nc);
      const count = new Int32Array(n);
      for (const est of this.estimators_) {
        const mask = outOfBag(est.randomState as number, n, nBoot);
        const p = treeProba(est.tree_ as never, rows)[0];
        for (let i = 0; i < n; i++) {
          if (!mask[i]) continue;
          count[i]++;
          for (let c = 0; c < nc; c++) sum[i * nc + c] += p[i * nc + c];
        }
      }
      averageOob(sum, count, nc);
      let hit = 0;
      for (let i = 0; i < n; i++) if (argmax(sum, i * nc, nc) === t.codes[i]) hit++;
      this.oobDecisionFunction_ = tensor(sum, [n, nc]);
      this.oobScore_ = hit / n;
    }
    return this;
  }

  private sums(X: ArrayInput): { sums: Float64Array[]; n: number } {
    checkIsFitted(this, "estimators_");
    const rows = this.rows(X);
    const trees = this.estimators_ as DecisionTreeClassifier[];
    const nClasses = (trees[0].tree_ as { nClasses: number[] }).nClasses;
    const sums = nClasses.map((nc) => new Float64Array(rows.rows * nc));
    for (const est of trees) {
      const p = treeProba(est.tree_ as never, rows);
      for (let k = 0; k < sums.length; k++) {
        const s = sums[k];
        const q = p[k];
        for (let j = 0; j < s.length; j++) s[j] += q[j];
      }
    }
    for (const s of sums) for (let j = 0; j < s.length; j++) s[j] /= trees.length;
    return { sums, n: rows.rows };
  }

  /**
   * Class probabilities: the mean of the trees' leaf class shares (one tensor per output for a
   * 2-D target).
   */
  predictProba(X: ArrayInput): Tensor | Tensor[] {
    const { sums, n } = this.sums(X);
    const out = sums.map((s) => tensor(s, [n, s.length / n]));
    return this.nOutputs_ === 1 ? out[0] : out;
  }

  /** Logarithm of `predictProba`. */
  predictLogProba(X: ArrayInput): Tensor | Tensor[] {
    const p = this.predictProba(X);
    const lg = (t: Tensor): Tensor => tensor(Float64Array.from(t.dataSync(), Math.log), t.shape);
    return Array.isArray(p) ? p.map(lg) : lg(p);
  }

  /** The class with the highest mean probability. */
  predict(X: ArrayInput): Labels {
    const { sums, n } = this.sums(X);
    const codes = sums.map((s) => {
      const nc = s.length / n;
      const c = new Int32Array(n);
      for (let i = 0; i < n; i++) c[i] = argmax(s, i * nc, nc);
      return c;
    });
    const classes = this.nOutputs_ === 1 ? [this.classes_ as Labels] : (this.classes_ as Labels[]);
    return labelsFromCodes(classes, codes, n, this.nOutputs_ !== 1);
  }

  /** Leaf index of each sample in each tree: `(n, nEstimators)` int32. */
  apply(X: ArrayInput): Tensor {
    return applyAll(this.estimators_, this.rows(X), this);
  }

  /** Mean impurity-based importance over the trees, summing to 1. */
  get featureImportances_(): Tensor {
    checkIsFitted(this, "estimators_");
    const trees = (this.estimators_ as DecisionTreeClassifier[]).map((e) => e.tree_ as never);
    const m = this.nFeaturesIn_ as number;
    return tensor(forestImportances(trees, m), [m]);
  }
}

function applyAll(
  ests: (DecisionTreeClassifier | DecisionTreeRegressor)[] | undefined,
  rows: Rows,
  owner: ClassifierMixin | RegressorMixin,
): Tensor {
  checkIsFitted(owner, "estimators_");
  const list = ests as (DecisionTreeClassifier | DecisionTreeRegressor)[];
  const out = new Int32Array(rows.rows * list.length);
  list.forEach((e, k) => {
    const leaves = e.apply(Tensor.fromTypedArray(rows.data, [rows.rows, rows.cols], dtypeOf(rows.data)));
    const d = leaves.dataSync();
    for (let i = 0; i < rows.rows; i++) out[i * list.length + k] = d[i];
  });
  return Tensor.fromTypedArray(out, [rows.rows, list.length], "int32");
}

function dtypeOf(d: Rows["data"]): "float64" | "float32" | "int32" | "uint8" {
  if (d instanceof Float64Array) return "float64";
  if (d instanceof Float32Array) return "float32";
  if (d instanceof Int32Array) return "int32";
  return "uint8";
}

/** Base of the forest regressors. */
export abstract class ForestRegressor extends RegressorMixin implements ForestHost {
  declare nEstimators: number;
  declare criterion: string;
  declare maxDepth: number | null;
  declare minSamplesSplit: number;
  declare minSamplesLeaf: number;
  declare minWeightFractionLeaf: number;
  declare maxFeatures: number | string | null;
  declare maxLeafNodes: number | null;
  declare minImpurityDecrease: number;
  declare bootstrap: boolean;
  declare oobScore: boolean;
  declare nJobs: number | null;
  declare randomState: RandomStateLike;
  declare verbose: number;
  declare warmStart: boolean;
  declare ccpAlpha: number;
  declare maxSamples: number | null;
  /** The fitted trees, in order. */
  estimators_?: DecisionTreeRegressor[];
  /** Number of outputs. */
  nOutputs_?: number;
  /** Out-of-bag R² (with `oobScore`). */
  oobScore_?: number;
  /** Out-of-bag prediction of each training sample (with `oobScore`). */
  oobPrediction_?: Tensor;
  /** @internal Whether y was 1-D. */
  is1d_?: boolean;
  /** @internal "best" (random forests) or "random" (extra trees). */
  protected abstract readonly splitterKind: "best" | "random";

  /** @internal Reads X (float32 semantics). */
  rows(X: ArrayInput, reset = false): Rows {
    return treeRows(
      X,
      reset,
      (x, r) => this.validateData(x, { reset: r }),
      (m, r) => this.checkFeatures(m, undefined, r),
      this.constructor.name,
    );
  }

  /** Grows the trees; the third argument is optional sample weights, or `{ sampleWeight }`. */
  fit(X: ArrayInput, y: TargetInput, sampleWeight?: SampleWeightArg): this {
    const owner = this.constructor.name;
    const rows = this.rows(X, true);
    const n = rows.rows;
    const t = asTarget(y, n, { estimator: owner });
    const sw = sampleWeightArg(sampleWeight, n);
    const previous = this.warmStart && this.estimators_ ? this.estimators_ : [];
    const data = { X: float32Rows(rows), rows: n, cols: rows.cols, nOutputs: t.cols, y: t.data };
    const grown = growForest(this, {
      owner,
      data,
      sw,
      nPrevious: previous.length,
      splitter: this.splitterKind,
    });
    const trees = grown.map((g) => {
      const est = new DecisionTreeRegressor(treeOptions(this, this.splitterKind, g.seed));
      est.tree_ = g.tree;
      est.nFeaturesIn_ = rows.cols;
      est.nOutputs_ = t.cols;
      est.maxFeatures_ = g.maxFeatures;
      est.is1d_ = t.cols === 1;
      return est;
    });
    this.estimators_ = [...previous, ...trees];
    this.nOutputs_ = t.cols;
    this.is1d_ = t.is1d;
    delete this.oobScore_;
    delete this.oobPrediction_;
    if (this.oobScore) {
      const nOut = t.cols;
      const nBoot = bootstrapSize(n, this.maxSamples);
      const sum = new Float64Array(n * nOut);
      const count = new Int32Array(n);
      for (const est of this.estimators_) {
        const mask = outOfBag(est.randomState as number, n, nBoot);
        const p = treeValues(est.tree_ as never, rows);
        for (let i = 0; i < n; i++) {
          if (!mask[i]) continue;
          count[i]++;
          for (let k = 0; k < nOut; k++) sum[i * nOut + k] += p[i * nOut + k];
        }
      }
      averageOob(sum, count, nOut);
      this.oobPrediction_ = tensor(sum, nOut === 1 ? [n] : [n, nOut]);
      this.oobScore_ = r2Score(tensor(t.data, nOut === 1 ? [n] : [n, nOut]), this.oobPrediction_) as number;
    }
    return this;
  }

  /** The mean of the trees' predictions: `(n,)`, or `(n, nOutputs)` for a 2-D target. */
  predict(X: ArrayInput): Tensor {
    checkIsFitted(this, "estimators_");
    const rows = this.rows(X);
    const trees = this.estimators_ as DecisionTreeRegressor[];
    const nOut = this.nOutputs_ as number;
    const sum = new Float64Array(rows.rows * nOut);
    for (const est of trees) {
      const p = treeValues(est.tree_ as never, rows);
      for (let j = 0; j < sum.length; j++) sum[j] += p[j];
    }
    for (let j = 0; j < sum.length; j++) sum[j] /= trees.length;
    return tensor(sum, this.is1d_ ? [rows.rows] : [rows.rows, nOut]);
  }

  /** Leaf index of each sample in each tree: `(n, nEstimators)` int32. */
  apply(X: ArrayInput): Tensor {
    return applyAll(this.estimators_, this.rows(X), this);
  }

  /** Mean impurity-based importance over the trees, summing to 1. */
  get featureImportances_(): Tensor {
    checkIsFitted(this, "estimators_");
    const trees = (this.estimators_ as DecisionTreeRegressor[]).map((e) => e.tree_ as never);
    const m = this.nFeaturesIn_ as number;
    return tensor(forestImportances(trees, m), [m]);
  }
}
