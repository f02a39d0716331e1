/** `PolynomialFeatures`: all products of features up to a degree (x0, x1, x0², x0·x1, x1², ...). */
import type { Tensor } from "../../core/tensor.js";
import { ValueError } from "../../core/errors.js";
import { TransformerMixin } from "../base/mixins.js";
import { checkIsFitted } from "../base/estimator.js";
import { registerEstimator } from "../base/registry.js";
import type { ArrayInput, TargetInput } from "../base/types.js";
import { inputFeatureNames, matrixData, tensorOf } from "./column-stats.js";

/** Options of {@link PolynomialFeatures}. */
export interface PolynomialFeaturesOptions {
  /** Maximum degree, or [min, max]. Default 2. */
  degree?: number | readonly [number, number];
  /** Only products of distinct features (no x0²). */
  interactionOnly?: boolean;
  /** Include the constant column of ones. Default true. */
  includeBias?: boolean;
  /** Memory order of the output (accepted; always "C"). */
  order?: "C" | "F";
}

// Index tuples in scikit-learn's order: by degree, then combinations (with replacement) in
// lexicographic order.
function combinations(m: number, d: number, distinct: boolean): number[][] {
  const out: number[][] = [];
  const cur: number[] = [];
  const rec = (start: number): void => {
    if (cur.length === d) {
      out.push([...cur]);
      return;
    }
    for (let j = start; j < m; j++) {
      cur.push(j);
      rec(distinct ? j + 1 : j);
      cur.pop();
    }
  };
  rec(0);
  return out;
}

/**
 * Polynomial and interaction features.
 *
 * @example
 * ```ts
 * new sk.PolynomialFeatures({ degree: 2, includeBias: false }).fitTransform(np.array([[2, 3]]));
 * // [[2, 3, 4, 6, 9]]
 * ```
 */
export class PolynomialFeatures extends TransformerMixin {
  static defaults = {
    degree: 2 as number | readonly [number, number],
    interactionOnly: false,
    includeBias: true,
    order: "C" as "C" | "F",
  };
  declare degree: number | readonly [number, number];
  declare interactionOnly: boolean;
  declare includeBias: boolean;
  declare order: "C" | "F";
  /** Exponent of each input feature in each output feature, shape [nOutputFeatures_, nFeaturesIn_]. */
  powers_?: number[][];
  /** Number of output features. */
  nOutputFeatures_?: number;
  private combos_?: number[][];

  constructor(options: PolynomialFeaturesOptions = {}) {
    super(options);
  }

  fit(X: ArrayInput, _y?: TargetInput | null): this {
    const [lo, hi] = typeof this.degree === "number" ? [0, this.degree] : this.degree;
    if (!Number.isInteger(lo) || !Number.isInteger(hi) || lo < 0 || hi < lo) {
      throw new ValueError(
        `degree must be a non-negative integer or [min, max] with min <= max; got ${JSON.stringify(this.degree)}`,
      );
    }
    const t = this.validateData(X, { reset: true });
    const m = t.shape[1];
    const combos: number[][] = [];
    const start = typeof this.degree === "number" ? 0 : lo;
    for (let d = start; d <= hi; d++) {
      if (d === 0 && !this.includeBias) continue;
      combos.push(...combinations(m, d, this.interactionOnly));
    }
    // With degree [min, max] scikit-learn keeps the bias only when asked and min is 0; a min of
    // 1 drops degree-0 anyway.
    this.combos_ = combos;
    this.powers_ = combos.map((c) => {
      const p = new Array<number>(m).fill(0);
      for (const j of c) p[j]++;
      return p;
    });
    this.nOutputFeatures_ = combos.length;
    return this;
  }

  /** The polynomial features. */
  transform(X: ArrayInput): Tensor {
    checkIsFitted(this, "powers_");
    const t = this.validateData(X);
    const [n, m] = t.shape;
    const d = matrixData(t);
    const combos =
      this.combos_ ??
      (this.powers_ as number[][]).map((p) => p.flatMap((e, j) => new Array<number>(e).fill(j)));
    const k = combos.length;
    const out = new Float64Array(n * k);
    for (let i = 0; i < n; i++) {
      const r = i * m;
      for (let c = 0; c < k; c++) {
        let v = 1;
        for (const j of combos[c]) v *= d[r + j];
        out[i * k + c] = v;
      }
    }
    return tensorOf(out, [n, k]);
  }

  /** Names like `1`, `x0`, `x0^2`, `x0 x1`. */
  getFeatureNamesOut(inputFeatures?: readonly string[]): string[] {
    checkIsFitted(this, "powers_");
    const names = inputFeatureNames(this.nFeaturesIn_ as number, this.featureNamesIn_, inputFeatures);
    return (this.powers_ as number[][]).map((p) => {
      const parts = p.flatMap((e, j) => (e === 0 ? [] : [e === 1 ? names[j] : `${names[j]}^${e}`]));
      return parts.length ? parts.join(" ") : "1";
    });
  }
}
registerEstimator(PolynomialFeatures);
