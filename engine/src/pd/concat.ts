import { columnFrom, pyStr } from "./build.js";
import { Column, type Scalar } from "./column.js";
import { DataFrame } from "./frame.js";
import { Index, type Label } from "./labels.js";
import { Series } from "./series.js";

/** Columns stacked end to end, with pandas' dtype rules (int + float → float, else object). */
export function concatColumns(parts: readonly (Column | number)[]): Column {
  // A number stands for that many missing values (a column absent from one frame).
  const cols = parts.filter((p): p is Column => typeof p !== "number");
  const total = parts.reduce((s: number, p) => s + (typeof p === "number" ? p : p.length), 0);
  const gaps = cols.length < parts.length;
  if (cols.length > 0 && cols.every((c) => c.isNumeric)) {
    if (!gaps && cols.every((c) => c.dtype === "int32" && c.vector.nullCount === 0)) {
      const out = new Int32Array(total);
      let o = 0;
      for (const c of cols) {
        out.set(c.rawNumbers(), o);
        o += c.length;
      }
      return Column.int32(out);
    }
    const out = new Float64Array(total).fill(NaN);
    let o = 0;
    for (const p of parts) {
      if (typeof p === "number") o += p;
      else {
        out.set(p.numbers(), o);
        o += p.length;
      }
    }
    return Column.float64(out);
  }
  const values: Scalar[] = [];
  for (const p of parts) {
    if (typeof p === "number") for (let i = 0; i < p; i++) values.push(null);
    else for (const v of p.toArray()) values.push(v);
  }
  const mixed = cols.some((c) => c.isString) && cols.some((c) => !c.isString);
  return mixed ? Column.strings(values.map((v) => (v === null ? null : pyStr(v)))) : columnFrom(values);
}

/** Options of `pd.concat`. */
export interface ConcatOptions {
  /** 0 (default): stack rows; 1: put side by side. */
  axis?: 0 | 1 | "index" | "columns";
  /** Number the rows 0…n-1 instead of keeping the labels. */
  ignoreIndex?: boolean;
  /** "outer" (default) keeps every column, "inner" only the shared ones. */
  join?: "outer" | "inner";
}

/**
 * Frames (or series) stacked vertically, or placed side by side with `axis: 1`.
 *
 * @example
 * ```ts
 * pd.concat([df.head(2), df.tail(2)]);
 * pd.concat([X, y], { axis: 1 });
 * ```
 */
export function concat(
  objs: readonly (DataFrame | Series)[],
  options: ConcatOptions = {},
): DataFrame | Series {
  if (objs.length === 0) throw new RangeError("no objects to concatenate");
  const axis = options.axis === 1 || options.axis === "columns" ? 1 : 0;
  if (axis === 1) {
    const frames = objs.map((o) => (o instanceof Series ? o.toFrame() : o));
    const base = frames[0].index;
    const names: string[] = [];
    const cols: Column[] = [];
    for (const f of frames) {
      const pos = f.index.equals(base) ? null : Int32Array.from(base, (l) => f.index.positionsOf(l)[0] ?? -1);
      for (const n of f.columns) {
        names.push(n);
        const c = f.col(n).column;
        cols.push(pos ? c.take(pos) : c);
      }
    }
    return DataFrame.fromColumns(names, cols, options.ignoreIndex ? Index.range(base.length) : base);
  }
  const labels: Label[] = [];
  for (const o of objs) labels.push(...o.index);
  const total = labels.length;
  const index =
    options.ignoreIndex || objs.every((o) => o.index.isRange && o.index.length === 0)
      ? Index.range(total)
      : Index.from(
          labels,
          null,
          objs.some((o) => o.index.floatLabels),
        );
  if (objs.every((o) => o instanceof Series)) {
    const ss = objs as readonly Series[];
    return Series.of(
      concatColumns(ss.map((s) => s.column)),
      index,
      ss.every((s) => s.name === ss[0].name) ? ss[0].name : null,
    );
  }
  const frames = objs.map((o) => (o instanceof Series ? o.toFrame() : o));
  let names = [...new Set(frames.flatMap((f) => f.columns))];
  if (options.join === "inner") names = names.filter((n) => frames.every((f) => f.has(n)));
  const cols = names.map((n) => concatColumns(frames.map((f) => (f.has(n) ? f.col(n).column : f.length))));
  return DataFrame.fromColumns(names, cols, index);
}
