import { writeFileSync } from "node:fs";
import { Table, tableFromIPC, tableToIPC, type Vector } from "apache-arrow";
import { columnFrom } from "../build.js";
import { Column } from "../column.js";
import type { FrameParts } from "../display/text.js";
import { DataFrame } from "../frame.js";
import { Index, type Label } from "../labels.js";
import { readSource } from "./source.js";

/** The column name pyarrow gives a non-default index, used so files round-trip with pandas. */
const INDEX_COLUMN = "__index_level_0__";

/** A frame as an Arrow table; a labelled index becomes the `__index_level_0__` column. */
export function toArrowTable(f: FrameParts): Table {
  const vectors: Record<string, Vector> = {};
  f.names.forEach((n, j) => (vectors[n] = f.columns[j].vector));
  if (!f.index.isRange) vectors[INDEX_COLUMN] = columnFrom(f.index.toArray()).vector;
  return new Table(vectors);
}

/** Arrow IPC file bytes of a frame, also written to `path` when given. */
export function writeArrow(f: FrameParts, path?: string): Uint8Array {
  const bytes = tableToIPC(toArrowTable(f), "file");
  if (path !== undefined) writeFileSync(path, bytes);
  return bytes;
}

/**
 * A frame from an Arrow table, or from Arrow IPC bytes or a file (file or stream format), as
 * pandas' `read_feather` does.
 *
 * @example
 * ```ts
 * const df = pd.readArrow("data.arrow");
 * ```
 */
export function readArrow(source: string | Uint8Array | URL | Table): DataFrame {
  const table = source instanceof Table ? source : tableFromIPC(readSource(source));
  const names: string[] = [];
  const cols: Column[] = [];
  let index: Index | undefined;
  for (const field of table.schema.fields) {
    const vec = table.getChild(field.name);
    if (!vec) continue;
    const col = Column.fromArrow(vec);
    if (field.name === INDEX_COLUMN) {
      index = Index.from(
        col.toArray().map((v) => (v === null ? NaN : typeof v === "boolean" ? String(v) : v)) as Label[],
      );
      continue;
    }
    names.push(field.name);
    cols.push(col);
  }
  return DataFrame.fromColumns(names, cols, index ?? Index.range(table.numRows));
}
