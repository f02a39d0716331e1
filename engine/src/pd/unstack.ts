import type { Column } from "./column.js";
import { DataFrame } from "./frame.js";
import type { Index } from "./labels.js";
import { MultiIndex } from "./multiindex.js";
import { argsort } from "./sort.js";

/**
 * A series on a MultiIndex made wide (pandas' `unstack`): the values of `level` (the last by
 * default) become the columns, in level order, and the other levels label the rows (sorted);
 * combinations that do not occur are missing (so integer values become float64, as in pandas).
 * The frame's `columnsName` is the level's name.
 */
export function unstack(
  column: Column,
  index: Index,
  name: string | null,
  level: number | string = -1,
): DataFrame {
  if (!(index instanceof MultiIndex)) {
    throw new TypeError(
      `unstack needs a MultiIndex (from groupby on several keys or setIndex([...])); this index has one level${
        name === null ? "" : ` (series "${name}")`
      }`,
    );
  }
  const L = index.levelNumber(level);
  const others = index.codes.filter((_, k) => k !== L);
  // One output row per distinct combination of the other levels' codes, sorted by them.
  const rowOf = new Int32Array(index.length);
  const firstRow: number[] = [];
  const seen = new Map<string, number>();
  for (let i = 0; i < index.length; i++) {
    const key = others.map((c) => c[i]).join(",");
    let r = seen.get(key);
    if (r === undefined) {
      r = firstRow.length;
      seen.set(key, r);
      firstRow.push(i);
    }
    rowOf[i] = r;
  }
  const order = argsort(
    others.map((c) => Float64Array.from(firstRow, (i) => (c[i] < 0 ? NaN : c[i]))),
    others.map(() => true),
  );
  const rank = new Int32Array(order.length);
  order.forEach((r, k) => (rank[r] = k));
  const codes = index.codes[L];
  const present = [...new Set(codes)].filter((c) => c >= 0).sort((a, b) => a - b);
  const colAt = new Map(present.map((c, j) => [c, j] as const));
  const positions = present.map(() => new Int32Array(order.length).fill(-1));
  for (let i = 0; i < index.length; i++) {
    const j = colAt.get(codes[i]);
    if (j === undefined) continue;
    const r = rank[rowOf[i]];
    if (positions[j][r] >= 0) {
      throw new RangeError(
        `Index contains duplicate entries, cannot reshape (${JSON.stringify(index.tuple(i))} appears twice)`,
      );
    }
    positions[j][r] = i;
  }
  const rowLabels = index.droplevel(L).take(Array.from(order, (r) => firstRow[r]));
  const out = DataFrame.fromColumns(
    present.map((c) => index.levels[L].formatLabel(c)),
    positions.map((p) => column.take(p)),
    rowLabels,
  );
  out.columnsName = index.levels[L].name;
  return out;
}
