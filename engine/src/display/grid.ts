/**
 * The `application/vnd.tensorbook.arrow+json` bundle (docs/lab.md): a table as one base64 Arrow
 * IPC stream plus its column names and dtypes, for the JupyterLab data grid. Only the first rows
 * travel (see `gridOptions`), so a big frame costs the notebook file a bounded number of bytes.
 */
import { Table, tableToIPC, type Vector } from "apache-arrow";

/** The MIME type of the data grid's bundle. */
export const ARROW_GRID_MIME = "application/vnd.tensorbook.arrow+json";

/** The bundle's JSON shape, as documented in docs/lab.md. */
export interface ArrowGridBundle {
  /** One Arrow IPC stream (schema + record batches), base64. */
  ipc: string;
  /** Rows of the whole object (the IPC may hold fewer). */
  rows: number;
  /** Column names in display order; the IPC has one field of each name. */
  columns: string[];
  /** The engine's dtype of each column. */
  dtypes: string[];
  /** The IPC field holding the row labels, or null to number rows from 0. */
  index: string | null;
  /** Whether only the first rows were sent. */
  truncated: boolean;
  /** What was displayed. */
  kind: "DataFrame" | "Series" | "Tensor";
}

/**
 * Limits on what the grid bundle carries (shared by `pd` and tensors). Set `maxRows` to 0 to
 * leave the grid out of every bundle.
 *
 * @example
 * ```ts
 * pd.options.grid.maxRows = 200; // also limits 2-D tensors
 * ```
 */
export const gridOptions = {
  /** At most this many rows are sent (the first ones). */
  maxRows: 1000,
  /** …and at most this many cells (rows × columns), so wide tables send fewer rows. */
  maxCells: 10_000,
  /** Objects with more columns than this get no grid bundle (the HTML table still shows). */
  maxColumns: 2_000,
};

/**
 * How many leading rows of an `nrows` × `ncols` object the bundle may hold, or -1 when the object
 * gets no grid bundle (grid turned off, or too wide).
 */
export function gridRows(nrows: number, ncols: number): number {
  if (gridOptions.maxRows <= 0 || ncols > gridOptions.maxColumns) return -1;
  const byCells = Math.max(1, Math.floor(gridOptions.maxCells / Math.max(1, ncols)));
  return Math.min(nrows, gridOptions.maxRows, byCells);
}

/** A field name not among `taken`, starting from `base`. */
export function freeName(base: string, taken: ReadonlySet<string>): string {
  let name = base;
  for (let k = 1; taken.has(name); k++) name = `${base}_${k}`;
  return name;
}

/**
 * The bundle for columns already cut to the rows being sent: `vectors` aligned with `columns`
 * (unique names), `index` an extra vector of row labels (or none).
 */
export function gridBundle(
  columns: readonly string[],
  dtypes: readonly string[],
  vectors: readonly Vector[],
  rows: number,
  kind: ArrowGridBundle["kind"],
  index?: { name: string; vector: Vector },
): ArrowGridBundle {
  const fields: Record<string, Vector> = {};
  columns.forEach((c, j) => (fields[c] = vectors[j]));
  if (index) fields[index.name] = index.vector;
  const sent = vectors[0]?.length ?? index?.vector.length ?? 0;
  const bytes = tableToIPC(new Table(fields), "stream");
  return {
    ipc: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64"),
    rows,
    columns: [...columns],
    dtypes: [...dtypes],
    index: index ? index.name : null,
    truncated: sent < rows,
    kind,
  };
}
