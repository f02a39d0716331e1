/**
 * `KNeighborsClassifier`: the majority (or distance-weighted) vote of the k nearest training
 * samples. A 2-D target gives one vote per column: multilabel (boolean columns) and multioutput
 * (e.g. one pixel per column when denoising digits) classification.
 */
import { ValueError } from "../../core/errors.js";
import { Tensor } from "../../core/tensor.js";
import { toTensor } from "../../core/convert.js";
import { ClassifierMixin, type ScoreOptions } from "../base/mixins.js";
import { registerEstimator } from "../base/registry.js";
import type { ArrayInput, Labels, TargetInput } from "../base/types.js";
import { decodeLabels, encodeTarget, labelValues } from "../internal/labels.js";
import { asSampleWeight, tensor, type Matrix } from "../internal/matrix.js";
import {
  NEIGHBORS_DEFAULTS,
  neighborWeights,
  resultTensors,
  search,
  storeTraining,
  type NeighborsHost,
  type NeighborsOptions,
  type Weights,
} from "./search.js";

/** Options of {@link KNeighborsClassifier}. */
export interface KNeighborsClassifierOptions extends NeighborsOptions {
  /** `uniform` (default), `distance` (1/d), or a function of the distances. */
  weights?: Weights;
}

/** Targets encoded per output column. */
interface Outputs {
  codes: Int32Array[];
  classes: Labels[];
  multi: boolean;
}

function encodeOutputs(y: TargetInput, n: number): Outputs {
  if (y instanceof Tensor && y.ndim === 2 && y.shape[1] > 1) {
    const cols = y.shape[1];
    const codes: Int32Array[] = [];
    const classes: Labels[] = [];
    for (let j = 0; j < cols; j++) {
      const e = encodeTarget(y.get(":", j).copy(), n);
      codes.push(e.codes);
      classes.push(e.classes);
    }
    return { codes, classes, multi: true };
  }
  const e = encodeTarget(y, n);
  return { codes: [e.codes], classes: [e.classes], multi: false };
}

/**
 * k-nearest-neighbours vote.
 *
 * @example
 * ```ts
 * const knn = new sk.KNeighborsClassifier({ weights: "distance", nNeighbors: 4 });
 * knn.fit(Xtrain, yTrain).score(Xtest, yTest); // 0.9714
 * ```
 */
export class KNeighborsClassifier extends ClassifierMixin implements NeighborsHost {
  static defaults: Record<string, unknown> = { ...NEIGHBORS_DEFAULTS, weights: "uniform" };
  declare nNeighbors: number;
  declare weights: Weights;
  declare algorithm: string;
  declare leafSize: number;
  declare metric: string;
  declare p: number;
  declare metricParams: Record<string, unknown> | null;
  declare nJobs: number | null;
  /** Class labels (one list per output for a 2-D target). */
  classes_?: Labels | Labels[];
  /** Whether y had several columns. */
  outputs2d_?: boolean;
  fitX_?: Matrix;
  nSamplesFit_?: number;
  effectiveMetric_?: string;
  /** @internal Class codes of the training targets, per output. */
  codes_?: Int32Array[];

  constructor(options: KNeighborsClassifierOptions = {}) {
    super(options);
  }

  /** Stores the training set; returns this. */
  fit(X: ArrayInput, y: TargetInput): this {
    const M = storeTraining(this, this.validateData(X, { reset: true }));
    const out = encodeOutputs(y, M.rows);
    this.codes_ = out.codes;
    this.outputs2d_ = out.multi;
    this.classes_ = out.multi ? out.classes : out.classes[0];
    return this;
  }

  /**
   * Distances to and indices of the nearest training samples: `[distances, indices]`, or the
   * indices alone with `returnDistance` false. Without X, each training sample's neighbours
   * other than itself.
   *
   * @example
   * ```ts
   * const [dist, ind] = knn.kneighbors(X.get(":1"), 1);
   * ```
   */
  kneighbors(X?: ArrayInput | null, nNeighbors?: number, returnDistance?: true): [Tensor, Tensor];
  kneighbors(X: ArrayInput | null | undefined, nNeighbors: number | undefined, returnDistance: false): Tensor;
  kneighbors(X?: ArrayInput | null, nNeighbors?: number, returnDistance = true): [Tensor, Tensor] | Tensor {
    const r = search(this, X, nNeighbors ?? this.nNeighbors, (x) => this.validateData(x));
    const [d, i] = resultTensors(r);
    return returnDistance ? [d, i] : i;
  }

  /** Per output: per query, the (weighted) votes of each class. */
  private votes(X: ArrayInput): { votes: Float64Array[]; n: number } {
    const r = search(this, X, this.nNeighbors, (x) => this.validateData(x));
    const w = neighborWeights(this.weights, r);
    const k = r.k;
    const n = r.indices.length / k;
    const codes = this.codes_ as Int32Array[];
    const classes = this.outputs2d_ ? (this.classes_ as Labels[]) : [this.classes_ as Labels];
    const votes = codes.map((c, o) => {
      const nc = labelValues(classes[o]).length;
      const v = new Float64Array(n * nc);
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < k; j++) v[i * nc + c[r.indices[i * k + j]]] += w ? w[i * k + j] : 1;
      }
      return v;
    });
    return { votes, n };
  }

  /**
   * Predicted labels: `(n,)`, or `(n, n_outputs)` for a 2-D target.
   *
   * @example
   * ```ts
   * knn.predict([someDigit]); // array([[False,  True]]) for the large/odd multilabel target
   * ```
   */
  predict(X: ArrayInput): Labels {
    const { votes, n } = this.votes(X);
    const classes = this.outputs2d_ ? (this.classes_ as Labels[]) : [this.classes_ as Labels];
    const decoded = votes.map((v, o) => {
      const nc = v.length / n;
      const codes = new Int32Array(n);
      for (let i = 0; i < n; i++) {
        let best = 0;
        for (let c = 1; c < nc; c++) if (v[i * nc + c] > v[i * nc + best]) best = c;
        codes[i] = best;
      }
      return decodeLabels(classes[o], codes);
    });
    if (!this.outputs2d_) return decoded[0];
    if (decoded.some((d) => Array.isArray(d)))
      throw new ValueError("string labels are supported for 1-D targets only");
    const tensors = decoded as Tensor[];
    const nOut = tensors.length;
    const cols = tensors.map((t) => t.dataSync());
    const data: number[][] = [];
    for (let i = 0; i < n; i++) {
      const row: number[] = new Array<number>(nOut);
      for (let o = 0; o < nOut; o++) row[o] = cols[o][i];
      data.push(row);
    }
    return toTensor(data, { dtype: tensors[0].dtype });
  }

  /** Class probabilities (weighted vote shares): a tensor, or one per output for a 2-D target. */
  predictProba(X: ArrayInput): Tensor | Tensor[] {
    const { votes, n } = this.votes(X);
    const out = votes.map((v) => {
      const nc = v.length / n;
      for (let i = 0; i < n; i++) {
        let s = 0;
        for (let c = 0; c < nc; c++) s += v[i * nc + c];
        if (s === 0) s = 1;
        for (let c = 0; c < nc; c++) v[i * nc + c] /= s;
      }
      return tensor(v, [n, nc]);
    });
    return this.outputs2d_ ? out : out[0];
  }

  /** Accuracy (subset accuracy, every output right, for a 2-D target). */
  override score(X: ArrayInput, y: TargetInput, options: ScoreOptions = {}): number {
    if (!this.outputs2d_) return super.score(X, y, options);
    const pred = (this.predict(X) as Tensor).dataSync();
    const truth = (y instanceof Tensor ? y : toTensor(y as never)).dataSync();
    const n = (this.predict(X) as Tensor).shape[0];
    const nOut = pred.length / n;
    const w = asSampleWeight(options.sampleWeight as Tensor | null | undefined, n);
    let hit = 0;
    let tot = 0;
    for (let i = 0; i < n; i++) {
      let ok = true;
      for (let o = 0; o < nOut && ok; o++) ok = pred[i * nOut + o] === truth[i * nOut + o];
      const wi = w ? w[i] : 1;
      tot += wi;
      if (ok) hit += wi;
    }
    return hit / tot;
  }
}

registerEstimator(KNeighborsClassifier);
