// Turns an `application/vnd.tensorbook.arrow+json` bundle into columns the grid can read.
import { tableFromIPC } from "apache-arrow";
import type { ArrowTableBundle } from "../contracts.js";

/** One column of the grid. */
export interface GridColumn {
  name: string;
  /** The engine's dtype, shown as a badge. */
  dtype: string;
  /** Whether values are numbers (sorted numerically, with numeric statistics). */
  numeric: boolean;
  /** The value of row `i` (null when missing). */
  get(i: number): unknown;
}

export interface GridData {
  columns: GridColumn[];
  /** Row labels, or null for 0..n-1. */
  index: GridColumn | null;
  /** Rows held. */
  length: number;
  /** Rows of the whole object (more than `length` when truncated). */
  totalRows: number;
  kind: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** The bundle in `data`, or null when it is not one. */
export function parseBundle(data: unknown): ArrowTableBundle | null {
  if (!isRecord(data) || typeof data.ipc !== "string" || !Array.isArray(data.columns)) return null;
  const columns = data.columns.map(String);
  const dtypes = Array.isArray(data.dtypes) ? data.dtypes.map(String) : [];
  return {
    ipc: data.ipc,
    rows: typeof data.rows === "number" ? data.rows : -1,
    columns,
    dtypes: columns.map((_, i) => dtypes[i] ?? ""),
    index: typeof data.index === "string" ? data.index : null,
    truncated: data.truncated === true,
    kind: typeof data.kind === "string" ? data.kind : "DataFrame",
  };
}

function base64ToBytes(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

// Arrow gives bigint for 64-bit integers and numbers for the rest; both count as numeric.
const NUMERIC = /^(float|int|uint|double|half|decimal)/i;

/** Decodes the IPC; throws when it is not a readable Arrow stream or lacks a named column. */
export function decodeBundle(bundle: ArrowTableBundle): GridData {
  const table = tableFromIPC(base64ToBytes(bundle.ipc));
  const column = (name: string, dtype: string): GridColumn => {
    const vector = table.getChild(name);
    if (!vector) throw new Error(`the Arrow data has no column "${name}"`);
    const numeric = NUMERIC.test(dtype || String(vector.type));
    return {
      name,
      dtype: dtype || String(vector.type).toLowerCase(),
      numeric,
      get: (i) => (vector.isValid(i) ? vector.get(i) : null),
    };
  };
  return {
    columns: bundle.columns.map((name, i) => column(name, bundle.dtypes[i])),
    index: bundle.index ? column(bundle.index, "") : null,
    length: table.numRows,
    totalRows: bundle.rows >= 0 ? Math.max(bundle.rows, table.numRows) : table.numRows,
    kind: bundle.kind ?? "DataFrame",
  };
}
