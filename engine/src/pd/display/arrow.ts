import type { Vector } from "apache-arrow";
import { freeName, gridBundle, gridRows, type ArrowGridBundle } from "../../display/grid.js";
import { columnFrom } from "../build.js";
import { Column } from "../column.js";
import type { Index } from "../labels.js";
import type { FrameParts } from "./text.js";

// Frames and series as the data grid's Arrow bundle: the first rows of each column (numbers and
// booleans as their own Arrow buffers, strings re-encoded so only the dictionary entries in use
// travel), row labels in `__index_level_0__` unless the index is the default 0…n-1.

const INDEX_FIELD = "__index_level_0__";

function firstRows(col: Column, k: number): Vector {
  if (col.isString) {
    const out: (string | null)[] = new Array(k);
    for (let i = 0; i < k; i++) {
      const v = col.get(i);
      out[i] = v === null ? null : String(v);
    }
    return Column.strings(out).vector;
  }
  return k === col.length ? col.vector : col.vector.slice(0, k);
}

function isDefaultRange(index: Index): boolean {
  return (
    index.isRange && (index.length === 0 || index.at(0) === 0) && (index.length < 2 || index.at(1) === 1)
  );
}

function indexVector(index: Index, k: number): Vector {
  const labels = Array.from({ length: k }, (_, i) => (index.isNumeric ? index.at(i) : index.formatLabel(i)));
  return columnFrom(labels).vector;
}

/**
 * The grid bundle of a frame (or of a series, `kind: "Series"`), or null when the grid is off
 * or the frame too wide. Repeated column names get `_1`, `_2` … suffixes in the IPC and in
 * `columns`, since Arrow fields are looked up by name.
 */
export function frameGridBundle(
  f: FrameParts,
  kind: "DataFrame" | "Series" = "DataFrame",
): ArrowGridBundle | null {
  const nrows = f.index.length;
  const k = gridRows(nrows, f.names.length);
  if (k < 0) return null;
  const taken = new Set<string>();
  const names = f.names.map((n) => {
    const name = freeName(n, taken);
    taken.add(name);
    return name;
  });
  const vectors = f.columns.map((c) => firstRows(c, k));
  const index = isDefaultRange(f.index)
    ? undefined
    : { name: freeName(INDEX_FIELD, taken), vector: indexVector(f.index, k) };
  return gridBundle(
    names,
    f.columns.map((c) => c.dtype),
    vectors,
    nrows,
    kind,
    index,
  );
}
