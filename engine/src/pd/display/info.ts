import { sizeofFmt } from "./format.js";
import type { FrameParts } from "./text.js";

/** The index line of `df.info()`: "RangeIndex: 891 entries, 0 to 890". */
function indexSummary(f: FrameParts): string {
  const idx = f.index;
  const n = idx.length;
  const range = n > 0 ? `, ${idx.formatLabel(0)} to ${idx.formatLabel(n - 1)}` : "";
  return `${idx.kindName}: ${n} entries${range}`;
}

/**
 * `df.info()` in pandas' layout: index summary, one line per column with its non-null count
 * and dtype, the dtype tally and the memory the buffers take ("+" when strings are involved,
 * as pandas marks object columns, whose text it does not count either).
 */
export function frameInfo(f: FrameParts): string {
  const lines = ["<class 'tensorbook.pd.DataFrame'>", indexSummary(f)];
  const ncols = f.names.length;
  if (ncols === 0) {
    lines.push("Empty DataFrame");
    return lines.join("\n");
  }
  lines.push(`Data columns (total ${ncols} columns):`);
  const headers = [" # ", "Column", "Non-Null Count", "Dtype"];
  const rows = f.columns.map((c, i) => [` ${i}`, f.names[i], `${c.length - c.nullCount} non-null`, c.dtype]);
  const widths = headers.map((h, j) => Math.max(h.length, ...rows.map((r) => r[j].length)));
  const put = (s: string, w: number): string => s.slice(0, w).padEnd(w);
  lines.push(headers.map((h, j) => put(h, widths[j])).join("  "));
  lines.push(headers.map((h, j) => put("-".repeat(h.length), widths[j])).join("  "));
  for (const r of rows) lines.push(r.map((s, j) => put(s, widths[j])).join("  "));
  const tally = new Map<string, number>();
  for (const c of f.columns) tally.set(c.dtype, (tally.get(c.dtype) ?? 0) + 1);
  const kinds = [...tally.keys()].sort();
  lines.push(`dtypes: ${kinds.map((k) => `${k}(${tally.get(k)})`).join(", ")}`);
  // A range index costs what pandas reports for its three integers.
  const indexBytes = f.index.isRange ? 84 : f.index.length * 8;
  const bytes = f.columns.reduce((s, c) => s + c.nbytes, indexBytes);
  const plus = f.columns.some((c) => c.dtype === "object") ? "+" : "";
  lines.push(`memory usage: ${sizeofFmt(bytes, plus)}`);
  return lines.join("\n");
}
