import { Column } from "./column.js";
import { DataFrame } from "./frame.js";
import { Index } from "./labels.js";
import { Series } from "./series.js";

/** Options of `corr`/`corrwith`. */
export interface CorrOptions {
  /** Only "pearson" is supported. */
  method?: "pearson";
  /**
   * Use only numeric (and bool) columns. Default true, as in pandas 1.x, so a frame with a text
   * column still gives its numeric correlations; with false, a text column is an error.
   */
  numericOnly?: boolean;
  /** Pairs with fewer complete rows than this give NaN. */
  minPeriods?: number;
}

function numericColumns(df: DataFrame, options: CorrOptions): string[] {
  if ((options.method ?? "pearson") !== "pearson")
    throw new RangeError(`method must be "pearson", got ${String(options.method)}`);
  const names = df.columns;
  const numericOnly = options.numericOnly ?? true;
  return names.filter((n) => {
    const c = df.col(n).column;
    if (c.isString && !numericOnly) {
      throw new TypeError(
        `could not convert column "${n}" (${c.dtype}) to float; pass numericOnly: true to skip it`,
      );
    }
    return !c.isString;
  });
}

/**
 * Pearson correlation of two columns over rows where both are present, with the one-pass
 * updating form pandas uses (so results agree to the last bits).
 */
export function pearson(x: Float64Array, y: Float64Array, minPeriods = 1): number {
  let nobs = 0;
  let meanx = 0;
  let meany = 0;
  let ssx = 0;
  let ssy = 0;
  let cov = 0;
  for (let i = 0; i < x.length; i++) {
    const vx = x[i];
    const vy = y[i];
    if (vx !== vx || vy !== vy) continue;
    nobs++;
    const dx = vx - meanx;
    const dy = vy - meany;
    meanx += dx / nobs;
    meany += dy / nobs;
    ssx += (vx - meanx) * dx;
    ssy += (vy - meany) * dy;
    cov += (vx - meanx) * dy;
  }
  if (nobs < Math.max(1, minPeriods)) return NaN;
  const d = Math.sqrt(ssx * ssy);
  return d !== 0 ? cov / d : NaN;
}

/** The correlation matrix of a frame's numeric columns. */
export function corrFrame(df: DataFrame, options: CorrOptions = {}): DataFrame {
  const names = numericColumns(df, options);
  const data = names.map((n) => df.col(n).column.numbers());
  const k = names.length;
  const out = names.map(() => new Float64Array(k));
  for (let a = 0; a < k; a++) {
    for (let b = a; b < k; b++) {
      const r = pearson(data[a], data[b], options.minPeriods);
      out[a][b] = r;
      out[b][a] = r;
    }
  }
  return DataFrame.fromColumns(
    names,
    out.map((c) => Column.float64(c)),
    Index.from(names),
  );
}

/** Correlation of each numeric column with a series, or with the same-named column of a frame. */
export function corrwith(df: DataFrame, other: Series | DataFrame, options: CorrOptions = {}): Series {
  const names = numericColumns(df, options);
  if (other instanceof Series) {
    return new Series(
      Float64Array.from(names, (n) => df.col(n).corr(other)),
      { index: names },
    );
  }
  const shared = names.filter((n) => other.has(n));
  return new Series(
    Float64Array.from(shared, (n) => df.col(n).corr(other.col(n))),
    { index: shared },
  );
}
