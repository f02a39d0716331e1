import { toColumnDType } from "../build.js";
import type { Column, ColumnDType } from "../column.js";
import { ParserError, unknownColumn } from "../errors.js";
import { DataFrame } from "../frame.js";
import { decodeText, readSource } from "../io/source.js";
import { Index } from "../labels.js";
import { DEFAULT_NA, convertColumn } from "./convert.js";
import { fieldText, tokenize, type Tokens } from "./tokenize.js";

/** Options of `pd.readCsv`, pandas' `read_csv` keywords spelled in camelCase. */
export interface ReadCsvOptions {
  /** Field separator (default ","); `"\\s+"` splits on runs of blanks. */
  sep?: string;
  /** Same as `sep`. */
  delimiter?: string;
  /** Row number of the header (default 0), or null when the file has none. */
  header?: number | null;
  /** Column names to use (with `header: null`, or replacing the header's). */
  names?: readonly string[];
  /** Only these columns (names or positions). */
  usecols?: readonly (string | number)[];
  /** One dtype for all columns, or one per column name. */
  dtype?: string | Readonly<Record<string, string>>;
  /** Extra strings read as missing. */
  naValues?: string | readonly string[];
  /** Keep pandas' default missing markers ("", "NA", "NaN", "n/a", …); default true. */
  keepDefaultNa?: boolean;
  /** Thousands separator inside numbers, e.g. ",". */
  thousands?: string;
  /** "utf8" (default; a byte-order mark is skipped) or "latin1". */
  encoding?: string;
  /** Column (name or position) to use as the row labels. */
  indexCol?: string | number | false;
  /** Read only this many data rows. */
  nrows?: number;
  /** Skip this many records at the start, or these record numbers (0 = the first line). */
  skiprows?: number | readonly number[];
  /** Skip this many records at the end (footer lines). */
  skipfooter?: number;
}

function dedupe(names: string[]): string[] {
  // pandas' mangle_dupe_cols: a repeated "x" becomes "x.1", "x.2", …
  const seen = new Map<string, number>();
  return names.map((n) => {
    const k = seen.get(n);
    seen.set(n, (k ?? 0) + 1);
    return k === undefined ? n : `${n}.${k}`;
  });
}

function recordFields(t: Tokens, r: number): string[] {
  const out: string[] = [];
  for (let f = t.rowStarts[r]; f < t.rowStarts[r + 1]; f++) out.push(fieldText(t, f));
  return out;
}

/**
 * Reads a CSV file into a frame, inferring each column's type as pandas does: int32 for
 * integers, float64 for numbers (and integers with gaps), bool for True/False, object
 * (dictionary-encoded strings) for text. Shipped files under `datasets/` are checksum-verified.
 *
 * @example
 * ```ts
 * const housing = pd.readCsv("datasets/housing/housing.csv");
 * const gdp = pd.readCsv("datasets/lifesat/gdp_per_capita.csv", {
 *   thousands: ",", delimiter: "\t", encoding: "latin1", naValues: "n/a",
 * });
 * ```
 */
export function readCsv(source: string | Uint8Array | URL, options: ReadCsvOptions = {}): DataFrame {
  const text = decodeText(readSource(source), options.encoding ?? "utf8");
  const sep = options.sep ?? options.delimiter ?? ",";
  const where = typeof source === "string" ? source : "the CSV data";
  let t: Tokens;
  try {
    t = tokenize(text, sep);
  } catch (err) {
    if (err instanceof ParserError) throw new ParserError(`${where}: ${err.message}`);
    throw err;
  }
  // Records to use, after skiprows/skipfooter.
  let records = Array.from({ length: t.rows }, (_, r) => r);
  const skip = options.skiprows;
  if (typeof skip === "number") records = records.slice(skip);
  else if (skip) {
    const drop = new Set(skip);
    records = records.filter((r) => !drop.has(r));
  }
  if (options.skipfooter) records = records.slice(0, Math.max(0, records.length - options.skipfooter));
  const header = options.header === undefined ? (options.names ? null : 0) : options.header;
  let names: string[];
  if (header === null) {
    const width = records.reduce((m, r) => Math.max(m, t.rowStarts[r + 1] - t.rowStarts[r]), 0);
    names = options.names ? [...options.names] : Array.from({ length: width }, (_, j) => String(j));
  } else {
    if (header >= records.length)
      throw new ParserError(`${where}: no header row ${header} (the file has ${records.length} records)`);
    const raw = recordFields(t, records[header]).map((n, j) => (n === "" ? `Unnamed: ${j}` : n));
    records = records.slice(header + 1);
    names = options.names ? [...options.names] : dedupe(raw);
  }
  if (options.nrows !== undefined) records = records.slice(0, options.nrows);
  const width = names.length;
  for (const r of records) {
    const got = t.rowStarts[r + 1] - t.rowStarts[r];
    if (got > width) {
      throw new ParserError(`${where}: expected ${width} fields in line ${t.rowLines[r]}, saw ${got}`);
    }
  }
  const na = new Set<string>(options.keepDefaultNa === false ? [] : DEFAULT_NA);
  const extra = options.naValues;
  if (typeof extra === "string") na.add(extra);
  else if (extra) for (const v of extra) na.add(v);
  const thousands = options.thousands ? options.thousands.charCodeAt(0) : -1;
  let wanted = names.map((_, j) => j);
  if (options.usecols) {
    wanted = options.usecols.map((u) => {
      if (typeof u === "number") {
        if (u < 0 || u >= width)
          throw new RangeError(`usecols position ${u} is out of range for ${width} columns`);
        return u;
      }
      const j = names.indexOf(u);
      if (j < 0) throw unknownColumn(u, names);
      return j;
    });
    wanted.sort((a, b) => a - b);
  }
  const dtypeOf = (name: string): ColumnDType | undefined => {
    const d = options.dtype;
    if (d === undefined) return undefined;
    if (typeof d === "string") return toColumnDType(d);
    return d[name] === undefined ? undefined : toColumnDType(d[name]);
  };
  const rows = Int32Array.from(records);
  const cols: Column[] = wanted.map((j) =>
    convertColumn(t, rows, j, { naValues: na, thousands, dtype: dtypeOf(names[j]) }),
  );
  const df = DataFrame.fromColumns(
    wanted.map((j) => names[j]),
    cols,
    Index.range(rows.length),
  );
  const ic = options.indexCol;
  if (ic === undefined || ic === false) return df;
  const icName = typeof ic === "number" ? names[ic] : ic;
  if (icName === undefined || !df.has(icName)) throw unknownColumn(String(ic), df.columns);
  return df.setIndex(icName);
}
