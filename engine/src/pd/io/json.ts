import type { Scalar } from "../column.js";
import { DataFrame } from "../frame.js";
import type { Label } from "../labels.js";
import { decodeText, readSource } from "./source.js";

/** Options of `pd.readJson`. */
export interface ReadJsonOptions {
  /**
   * The JSON layout, as pandas names it: "columns" ({col: {label: value}}, the default),
   * "records" ([{col: value}]), "index" ({label: {col: value}}), "split"
   * ({columns, index, data}) or "values" ([[...]]).
   */
  orient?: "columns" | "records" | "index" | "split" | "values";
  /** One JSON record per line (JSON Lines). */
  lines?: boolean;
  /** Text encoding of a file (default "utf8"). */
  encoding?: string;
}

type Json = Scalar | Json[] | { [k: string]: Json };

const asScalar = (v: Json | undefined): Scalar =>
  v === undefined || (typeof v === "object" && v !== null) ? null : v;

function labelOf(key: string): Label {
  return /^-?\d+$/.test(key) ? Number(key) : key;
}

/**
 * Reads JSON into a frame. `source` is a path, bytes, or JSON text (anything starting with
 * `{` or `[`).
 *
 * @example
 * ```ts
 * pd.readJson('[{"a": 1, "b": "x"}, {"a": 2, "b": "y"}]', { orient: "records" });
 * ```
 */
export function readJson(source: string | Uint8Array | URL, options: ReadJsonOptions = {}): DataFrame {
  const text =
    typeof source === "string" && /^\s*[[{]/.test(source)
      ? source
      : decodeText(readSource(source), options.encoding ?? "utf8");
  if (options.lines) {
    const rows = text
      .split(/\r?\n/)
      .filter((l) => l.trim() !== "")
      .map((l) => JSON.parse(l) as Record<string, Json>);
    return new DataFrame(
      rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, asScalar(v)]))),
    );
  }
  const data = JSON.parse(text) as Json;
  const orient = options.orient ?? (Array.isArray(data) ? "records" : "columns");
  switch (orient) {
    case "records": {
      const rows = data as Record<string, Json>[];
      return new DataFrame(
        rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, asScalar(v)]))),
      );
    }
    case "values":
      return new DataFrame((data as Json[][]).map((r) => r.map(asScalar)));
    case "split": {
      const s = data as { columns: string[]; index?: Label[]; data: Json[][] };
      return new DataFrame(
        s.data.map((r) => r.map(asScalar)),
        { columns: s.columns, index: s.index },
      );
    }
    case "index": {
      const rec = data as Record<string, Record<string, Json>>;
      const labels = Object.keys(rec);
      const cols = [...new Set(labels.flatMap((l) => Object.keys(rec[l])))];
      const out: Record<string, Scalar[]> = {};
      for (const c of cols) out[c] = labels.map((l) => asScalar(rec[l][c]));
      return new DataFrame(out, { index: labels.map(labelOf) });
    }
    case "columns": {
      const rec = data as Record<string, Record<string, Json>>;
      const cols = Object.keys(rec);
      const labels = [...new Set(cols.flatMap((c) => Object.keys(rec[c])))];
      const out: Record<string, Scalar[]> = {};
      for (const c of cols) out[c] = labels.map((l) => asScalar(rec[c][l]));
      return new DataFrame(out, { index: labels.map(labelOf) });
    }
  }
}

/** A frame as JSON text in pandas' layouts ("columns" by default, or "records", "index", "split", "values"). */
export function toJson(df: DataFrame, orient: ReadJsonOptions["orient"] = "columns"): string {
  const names = df.columns;
  const labels = df.index.toArray();
  const rows = df.toArray();
  const clean = (v: Scalar): Scalar => (typeof v === "number" && !Number.isFinite(v) ? null : v);
  switch (orient) {
    case "records":
      return JSON.stringify(rows.map((r) => Object.fromEntries(names.map((n, j) => [n, clean(r[j])]))));
    case "values":
      return JSON.stringify(rows.map((r) => r.map(clean)));
    case "split":
      return JSON.stringify({ columns: names, index: labels, data: rows.map((r) => r.map(clean)) });
    case "index":
      return JSON.stringify(
        Object.fromEntries(
          labels.map((l, i) => [String(l), Object.fromEntries(names.map((n, j) => [n, clean(rows[i][j])]))]),
        ),
      );
    default:
      return JSON.stringify(
        Object.fromEntries(
          names.map((n, j) => [n, Object.fromEntries(labels.map((l, i) => [String(l), clean(rows[i][j])]))]),
        ),
      );
  }
}
