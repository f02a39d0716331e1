/** `KBinsDiscretizer`: bins continuous features into intervals. */
import type { Tensor } from "../../core/tensor.js";
import { ValueError } from "../../core/errors.js";
import { TransformerMixin } from "../base/mixins.js";
import { checkIsFitted } from "../base/estimator.js";
import { registerEstimator } from "../base/registry.js";
import type { ArrayInput, TargetInput } from "../base/types.js";
import { inputFeatureNames, matrixData, percentileSorted, sortedColumn, tensorOf } from "./column-stats.js";

/** Options of {@link KBinsDiscretizer}. */
export interface KBinsDiscretizerOptions {
  /** Bins per feature (one number or one per feature). Default 5. */
  nBins?: number | readonly number[];
  /** "onehot" / "onehot-dense" (one column per bin, dense output either way) or "ordinal". */
  encode?: "onehot" | "onehot-dense" | "ordinal";
  /** "quantile" (default: equal counts), "uniform" (equal widths) or "kmeans" (1-D k-means). */
  strategy?: "uniform" | "quantile" | "kmeans";
  /** Output dtype (float64). */
  dtype?: string | null;
  /** Not supported (null only): subsampling for quantiles. */
  subsample?: number | null | "warn";
  /** Unused (no subsampling). */
  randomState?: number | null;
}

// 1-D Lloyd iterations from the given sorted centers, as scikit-learn's KMeans(n_init=1) does.
function kmeans1d(values: Float64Array, init: number[]): number[] {
  const centers = [...init];
  for (let it = 0; it < 300; it++) {
    const sum = new Float64Array(centers.length);
    const cnt = new Float64Array(centers.length);
    for (const v of values) {
      let best = 0;
      for (let c = 1; c < centers.length; c++)
        if (Math.abs(v - centers[c]) < Math.abs(v - centers[best])) best = c;
      sum[best] += v;
      cnt[best]++;
    }
    let shift = 0;
    for (let c = 0; c < centers.length; c++) {
      if (cnt[c] === 0) continue;
      const nc = sum[c] / cnt[c];
      shift += (nc - centers[c]) ** 2;
      centers[c] = nc;
    }
    if (shift <= 1e-4 * 1e-4) break;
  }
  return centers.sort((a, b) => a - b);
}

/**
 * Discretizes features into `nBins` intervals.
 *
 * @example
 * ```ts
 * new sk.KBinsDiscretizer({ nBins: 3, encode: "ordinal", strategy: "uniform" })
 *   .fitTransform(np.array([[0], [1], [2], [3], [4], [5]])); // [[0],[0],[1],[1],[2],[2]]
 * ```
 */
export class KBinsDiscretizer extends TransformerMixin {
  static defaults = {
    nBins: 5 as number | readonly number[],
    encode: "onehot" as "onehot" | "onehot-dense" | "ordinal",
    strategy: "quantile" as "uniform" | "quantile" | "kmeans",
    dtype: null as string | null,
    subsample: "warn" as number | null | "warn",
    randomState: null as number | null,
  };
  declare nBins: number | readonly number[];
  declare encode: "onehot" | "onehot-dense" | "ordinal";
  declare strategy: "uniform" | "quantile" | "kmeans";
  declare dtype: string | null;
  declare subsample: number | null | "warn";
  declare randomState: number | null;
  /** Bin edges of each feature. */
  binEdges_?: Tensor[];
  /** Bins per feature (after removing empty ones). */
  nBins_?: number[];

  constructor(options: KBinsDiscretizerOptions = {}) {
    super(options);
  }

  fit(X: ArrayInput, _y?: TargetInput | null): this {
    if (!["onehot", "onehot-dense", "ordinal"].includes(this.encode))
      throw new ValueError(`encode should be "onehot", "onehot-dense" or "ordinal", got '${this.encode}'`);
    if (!["uniform", "quantile", "kmeans"].includes(this.strategy))
      throw new ValueError(`strategy should be "uniform", "quantile" or "kmeans", got '${this.strategy}'`);
    const t = this.validateData(X, { reset: true });
    const [n, m] = t.shape;
    const d = matrixData(t);
    const bins = typeof this.nBins === "number" ? new Array<number>(m).fill(this.nBins) : [...this.nBins];
    if (bins.length !== m || bins.some((b) => !Number.isInteger(b) || b < 2)) {
      throw new ValueError(
        `KBinsDiscretizer received an invalid number of bins ${JSON.stringify(this.nBins)}: need integers >= 2, one or one per feature`,
      );
    }
    const edges: Tensor[] = [];
    const nb: number[] = [];
    for (let j = 0; j < m; j++) {
      const s = sortedColumn(d, n, m, j);
      const lo = s[0];
      const hi = s[s.length - 1];
      let e: number[];
      if (lo === hi) {
        e = [-Infinity, Infinity];
      } else if (this.strategy === "uniform") {
        e = Array.from({ length: bins[j] + 1 }, (_, k) => lo + ((hi - lo) * k) / bins[j]);
        e[bins[j]] = hi;
      } else if (this.strategy === "quantile") {
        e = Array.from({ length: bins[j] + 1 }, (_, k) => percentileSorted(s, (100 * k) / bins[j]));
      } else {
        const u = Array.from({ length: bins[j] + 1 }, (_, k) => lo + ((hi - lo) * k) / bins[j]);
        const init = u.slice(1).map((v, k) => (v + u[k]) / 2);
        const centers = kmeans1d(s, init);
        e = [lo, ...centers.slice(1).map((c, k) => (c + centers[k]) / 2), hi];
      }
      if (this.strategy !== "uniform" && lo !== hi) {
        // Bins narrower than 1e-8 are dropped, as scikit-learn does (with its warning).
        e = e.filter((v, k) => k === 0 || v - e[k - 1] > 1e-8);
      }
      edges.push(tensorOf(Float64Array.from(e), [e.length]));
      nb.push(e.length - 1);
    }
    this.binEdges_ = edges;
    this.nBins_ = nb;
    return this;
  }

  // Bin index of each value: searchsorted(edges[1:-1], v, side="right").
  private ordinal(X: ArrayInput): { codes: Float64Array; n: number; m: number } {
    checkIsFitted(this, "binEdges_");
    const t = this.validateData(X);
    const [n, m] = t.shape;
    const d = matrixData(t);
    const codes = new Float64Array(n * m);
    for (let j = 0; j < m; j++) {
      const e = (this.binEdges_ as Tensor[])[j].dataSync();
      const inner = e.subarray(1, e.length - 1);
      for (let i = 0; i < n; i++) {
        const v = d[i * m + j];
        let lo = 0;
        let hi = inner.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (inner[mid] <= v) lo = mid + 1;
          else hi = mid;
        }
        codes[i * m + j] = lo;
      }
    }
    return { codes, n, m };
  }

  /** Bin indices ("ordinal") or one-hot bins. */
  transform(X: ArrayInput): Tensor {
    const { codes, n, m } = this.ordinal(X);
    if (this.encode === "ordinal") return tensorOf(codes, [n, m]);
    const nb = this.nBins_ as number[];
    const w = nb.reduce((a, b) => a + b, 0);
    const out = new Float64Array(n * w);
    for (let i = 0; i < n; i++) {
      let off = 0;
      for (let j = 0; j < m; j++) {
        out[i * w + off + codes[i * m + j]] = 1;
        off += nb[j];
      }
    }
    return tensorOf(out, [n, w]);
  }

  /** Bin centers for bin indices (ordinal encoding) or one-hot rows. */
  inverseTransform(X: ArrayInput): Tensor {
    checkIsFitted(this, "binEdges_");
    const nb = this.nBins_ as number[];
    const m = nb.length;
    let t = matrixData(this.encode === "ordinal" ? this.validateData(X) : (X as Tensor));
    const n = t.length / (this.encode === "ordinal" ? m : nb.reduce((a, b) => a + b, 0));
    if (this.encode !== "ordinal") {
      const w = nb.reduce((a, b) => a + b, 0);
      const codes = new Float64Array(n * m);
      for (let i = 0; i < n; i++) {
        let off = 0;
        for (let j = 0; j < m; j++) {
          let best = 0;
          for (let k = 1; k < nb[j]; k++) if (t[i * w + off + k] > t[i * w + off + best]) best = k;
          codes[i * m + j] = best;
          off += nb[j];
        }
      }
      t = codes;
    }
    const out = new Float64Array(n * m);
    for (let j = 0; j < m; j++) {
      const e = (this.binEdges_ as Tensor[])[j].dataSync();
      for (let i = 0; i < n; i++) {
        const k = t[i * m + j];
        out[i * m + j] = (e[k] + e[k + 1]) / 2;
      }
    }
    return tensorOf(out, [n, m]);
  }

  /** Input names for ordinal encoding; `name_bin` for one-hot. */
  getFeatureNamesOut(inputFeatures?: readonly string[]): string[] {
    checkIsFitted(this, "binEdges_");
    const names = inputFeatureNames(this.nFeaturesIn_ as number, this.featureNamesIn_, inputFeatures);
    if (this.encode === "ordinal") return names;
    return names.flatMap((nm, j) =>
      Array.from({ length: (this.nBins_ as number[])[j] }, (_, k) => `${nm}_${k}.0`),
    );
  }
}
registerEstimator(KBinsDiscretizer);
