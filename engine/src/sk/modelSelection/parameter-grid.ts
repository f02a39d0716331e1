/** Parameter grids (every combination) and samplers (random draws), as scikit-learn's. */
import { ValueError } from "../../core/errors.js";
import type { Params } from "../base/estimator.js";
import { Distribution } from "../stats/distributions.js";
import { checkRandomState, indexArray, type RandomStateLike, type Rng } from "./random.js";

// `undefined` is admitted in the value types because TypeScript infers `?: undefined` for the keys
// a sub-grid lacks when a list of sub-grids is stored in a variable first (the book's
// `param_grid = [{...}, {"bootstrap": [False], ...}]`); an actual undefined value is refused when
// the grid is expanded.
type GridValues = readonly unknown[] | undefined;
type DistributionValues = readonly unknown[] | Distribution | undefined;
/** A grid: option names to lists of values, or a list of such grids. */
export type ParamGrid = Record<string, GridValues> | readonly Record<string, GridValues>[];
/** Distributions: option names to lists or `sk.stats` distributions, or a list of such. */
export type ParamDistributions =
  Record<string, DistributionValues> | readonly Record<string, DistributionValues>[];

function asList<T>(g: T | readonly T[]): T[] {
  return Array.isArray(g) ? [...(g as T[])] : [g as T];
}

/**
 * Every combination of a grid, in scikit-learn's order (keys sorted, the last key varying
 * fastest; sub-grids one after the other).
 *
 * @example
 * ```ts
 * sk.parameterGrid({ a: [1, 2], b: [true, false] }); // [{a:1,b:true},{a:1,b:false},{a:2,b:true},{a:2,b:false}]
 * ```
 */
export function parameterGrid(grid: ParamGrid): Params[] {
  const out: Params[] = [];
  for (const g of asList(grid)) {
    const keys = Object.keys(g).sort();
    for (const k of keys) {
      if (!Array.isArray(g[k]))
        throw new ValueError(
          `Parameter grid for parameter '${k}' needs to be a list, but got ${String(g[k])}`,
        );
      if ((g[k] as unknown[]).length === 0)
        throw new ValueError(`Parameter grid for parameter '${k}' need to be a non-empty sequence`);
    }
    const rec = (i: number, cur: Params): void => {
      if (i === keys.length) {
        out.push({ ...cur });
        return;
      }
      for (const v of g[keys[i]]!) rec(i + 1, { ...cur, [keys[i]]: v });
    };
    rec(0, {});
  }
  return out;
}

// scikit-learn's sample_without_replacement ("auto" method), on the legacy stream.
function sampleWithoutReplacement(nPop: number, nSamples: number, rng: Rng): number[] {
  const ratio = nPop ? nSamples / nPop : 1;
  if (ratio > 0.01 && ratio < 0.99)
    return Array.from(indexArray(rng.permutation(nPop)).subarray(0, nSamples));
  if (ratio < 0.2) {
    const selected = new Set<number>();
    const out: number[] = [];
    for (let i = 0; i < nSamples; i++) {
      let j = rng.randint(nPop);
      while (selected.has(j)) j = rng.randint(nPop);
      selected.add(j);
      out.push(j);
    }
    return out;
  }
  const out = Array.from({ length: nSamples }, (_, i) => i);
  for (let i = nSamples; i < nPop; i++) {
    const j = rng.randint(0, i + 1);
    if (j < nSamples) out[j] = i;
  }
  return out;
}

/**
 * `nIter` random parameter settings: lists are sampled uniformly, distributions with `rvs`;
 * with lists only, settings are drawn from the grid without replacement.
 *
 * @example
 * ```ts
 * sk.parameterSampler({ nEstimators: sk.stats.randint(1, 200) }, 10, { randomState: 42 });
 * ```
 */
export function parameterSampler(
  dists: ParamDistributions,
  nIter: number,
  options: { randomState?: RandomStateLike } = {},
): Params[] {
  const list = asList(dists);
  const rng = checkRandomState(options.randomState);
  const allLists = list.every((d) => Object.values(d).every((v) => Array.isArray(v)));
  if (allLists) {
    const grid = parameterGrid(list as Record<string, readonly unknown[]>[]);
    let n = nIter;
    if (grid.length < n) {
      console.warn(
        `The total space of parameters ${grid.length} is smaller than nIter=${nIter}. Running ${grid.length} iterations. For exhaustive searches, use GridSearchCV.`,
      );
      n = grid.length;
    }
    return sampleWithoutReplacement(grid.length, n, rng).map((i) => grid[i]);
  }
  const out: Params[] = [];
  for (let it = 0; it < nIter; it++) {
    const d = list[list.length === 1 ? (rng.randint(0, 1), 0) : rng.randint(0, list.length)];
    const params: Params = {};
    for (const k of Object.keys(d).sort()) {
      const v = d[k];
      if (v instanceof Distribution) params[k] = v.rvsWith(rng);
      else if (Array.isArray(v)) params[k] = v[rng.randint(v.length)];
      else
        throw new ValueError(`Parameter value for '${k}' is neither a list nor a distribution (sk.stats...)`);
    }
    out.push(params);
  }
  return out;
}
